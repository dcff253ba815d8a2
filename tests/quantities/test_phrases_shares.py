"""Shares and ratios (quantities/shares.py), called directly on a token stream: "one in five",
"one out of three", "1 over 20", "more than half"."""

from __future__ import annotations

import pytest

from cca_claims.quantities.numbers import Figure, read_digits
from cca_claims.quantities.numwords import read_words
from cca_claims.quantities.shares import out_of, over, qualified_half
from cca_claims.quantities.tokens import TokenStream


def _figure(s: TokenStream, j: int = 0) -> Figure:
    """The figure at token j as the figure readers give it, before any share is seen."""
    fig = read_digits(s.toks, j, s.text) if s.toks[j].kind == "num" else read_words(s.toks, j)
    assert fig is not None
    return fig


@pytest.mark.parametrize(
    ("text", "value", "last", "words"),
    [
        ("one in five adults", 0.2, 2, True),
        ("1 in 20", 0.05, 2, False),
        ("3 in 10 adults", 0.3, 2, False),
        ("one out of three", 1 / 3, 3, True),
        ("two out of five hundred people", 0.004, 4, True),
    ],
)
def test_out_of_reads_a_count_in_a_larger_count_as_a_share(text, value, last, words):
    s = TokenStream(text)
    fig = out_of(s, _figure(s))
    assert (fig.value, fig.first, fig.last, fig.words) == (pytest.approx(value), 0, last, words)
    assert (fig.integer, fig.half_unit) == (False, 0.0)


@pytest.mark.parametrize(
    "text",
    [
        "2 in 10 years",  # a unit follows: a span of time
        "1 in 5 dollars",  # a currency follows
        "3 in 5 matches",  # "in" with a base that is not round: goals in matches
        "5 in 3",  # no larger base
        "1 in 20%",
        "1 in 3.5",
        "one over three",  # a ratio is `over`'s
    ],
)
def test_out_of_leaves_other_figures_as_they_were(text):
    s = TokenStream(text)
    fig = _figure(s)
    assert out_of(s, fig) is fig


def test_out_of_needs_the_base_untaken():
    s = TokenStream("5 in 2023", masked=frozenset({2}))  # the date reader took the year
    fig = _figure(s)
    assert out_of(s, fig) is fig


@pytest.mark.parametrize(
    ("text", "value", "last"), [("one over three", 1 / 3, 2), ("1 over 20 .", 0.05, 2)]
)
def test_over_reads_a_ratio(text, value, last):
    s = TokenStream(text)
    fig = over(s, _figure(s))
    assert (fig.value, fig.last, fig.integer) == (pytest.approx(value), last, False)


@pytest.mark.parametrize(
    "text", ["1 over 3 years", "5 over 20 countries", "1 over 0", "1 over 20%"]
)
def test_over_is_no_ratio_before_a_unit_a_noun_or_zero(text):
    s = TokenStream(text)
    fig = _figure(s)
    assert over(s, fig) is fig


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("more than half of exports", True),
        ("nearly half", True),
        ("at least half", True),
        ("about half an hour", False),  # half an hour, not a share
        ("the second half", False),
        ("more than half-year", False),
        ("half of it", False),  # no qualifier: mostly a part, not a value
    ],
)
def test_a_lone_half_is_a_share_only_after_a_qualifier(text, share):
    s = TokenStream(text)
    assert qualified_half(s, [t.lower for t in s.toks].index("half")) is share


def test_a_taken_qualifier_makes_no_share():
    s = TokenStream("more than half", masked=frozenset({0, 1}))
    assert qualified_half(s, 2) is False
