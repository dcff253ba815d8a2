"""The figure at a token and its magnitude words (quantities/figures.py), called directly on a
token stream."""

from __future__ import annotations

import pytest

from cca_claims.quantities.expression import Expr
from cca_claims.quantities.figures import figure_at, magnitude, one_measure
from cca_claims.quantities.tokens import TokenStream


@pytest.mark.parametrize(
    ("text", "j", "value", "last", "words"),
    [
        ("1,200 trains", 0, 1200.0, 2, False),
        ("3/4", 0, 0.75, 2, False),
        ("2½ hours", 0, 2.5, 1, False),
        (".5", 0, 0.5, 1, False),
        ("½ teaspoon", 0, 0.5, 0, False),
        ("twenty-four", 0, 24.0, 2, True),
        ("five point five", 0, 5.5, 2, True),
        ("nought point five", 0, 0.5, 2, True),
        ("two thirds of a million", 0, 2e6 / 3, 4, True),
        ("a gallon of beer", 0, 1.0, 0, True),
        ("more than half of exports", 2, 0.5, 2, True),
        ("one in five", 0, 0.2, 2, True),  # the share, through shares.out_of
    ],
)
def test_figure_at_reads_the_figure_a_token_starts(text, j, value, last, words):
    fig = figure_at(TokenStream(text), j)
    assert fig is not None
    assert (fig.value, fig.first, fig.last, fig.words) == (pytest.approx(value), j, last, words)


@pytest.mark.parametrize(
    ("text", "j"),
    [
        ("the trains", 0),
        ("1/0", 0),  # a division by zero
        ("half of it", 0),  # a lone half without a qualifier
        ("a day of talks", 0),  # one of a unit of time: an idiom
        ("a ton of work", 0),  # "a lot of"
        ("a trains", 0),
        ("5", 1),
    ],
)
def test_figure_at_finds_no_figure(text, j):
    assert figure_at(TokenStream(text), j) is None


def test_figure_at_leaves_taken_tokens_alone():
    assert figure_at(TokenStream("in 2024 5 bn", masked=frozenset({1})), 1) is None
    # a figure that would run into a taken token is not read either
    assert figure_at(TokenStream("1,200", masked=frozenset({2})), 0) is None
    assert figure_at(TokenStream("1,200", masked=frozenset({2})), 2) is None


def test_one_measure_reads_a_as_one_of_a_unit():
    fig = one_measure(TokenStream("a tonne of coal"), 0)
    assert fig is not None and (fig.value, fig.first, fig.last) == (1.0, 0, 0)
    assert one_measure(TokenStream("a tonne more"), 0) is None  # no "of"
    assert one_measure(TokenStream("a year of talks"), 0) is None


def _scaled(text: str, j: int = 0, currency: str = "") -> Expr:
    s = TokenStream(text)
    fig = figure_at(s, j)
    assert fig is not None
    expr = Expr(first=j, last=fig.last, fig=fig, currency=currency)
    magnitude(s, expr)
    return expr


@pytest.mark.parametrize(
    ("text", "j", "currency", "value", "text_", "last"),
    [
        ("5 billion", 0, "", 5e9, "billion", 1),
        ("5bn", 0, "", 5e9, "bn", 1),
        ("5-billion", 0, "", 5e9, "billion", 2),
        ("$2.174T", 1, "$", 2.174e12, "T", 4),
        ("3 lakh crore", 0, "", 3e12, "crore", 2),
        ("4 thousand 3 hundred and 21", 0, "", 4321.0, "thousand", 5),
        ("3 million and a half", 0, "", 3.5e6, "million", 4),
        ("1.4b people", 0, "", 1.4e9, "b", 3),
        ("5 m dollars", 0, "", 5e6, "m", 1),  # "m" is a magnitude only for money
        ("$5 K", 1, "$", 5e3, "K", 2),
    ],
)
def test_magnitude_scales_the_figure_by_the_words_after_it(text, j, currency, value, text_, last):
    expr = _scaled(text, j, currency)
    assert (expr.fig.value, expr.fig.magnitude_text, expr.last) == (
        pytest.approx(value),
        text_,
        last,
    )


@pytest.mark.parametrize(
    ("text", "j", "currency"),
    [
        ("5 K", 0, ""),  # kelvin
        ("5 m tonnes", 0, ""),  # metres, or a unit of its own
        ("2.174T", 0, ""),
        ("3b", 0, ""),  # "Article 3b": a name
        ("5 trains", 0, ""),
    ],
)
def test_magnitude_leaves_a_figure_without_a_magnitude_word(text, j, currency):
    expr = _scaled(text, j, currency)
    assert (expr.fig.magnitude, expr.last) == (1.0, expr.fig.last)


def test_hundred_and_then_a_magnitude_is_two_figures():
    expr = _scaled("3 hundred and 2 million")
    assert (expr.fig.value, expr.last) == (300.0, 1)
    assert expr.fig.half_unit == 50.0
    assert _scaled("4 thousand 3 hundred and 21").fig.half_unit == 0.5
