"""What follows a figure (quantities/suffixes.py), called directly on a token stream: units,
percent signs, currency suffixes and counted nouns."""

from __future__ import annotations

import pytest

from cca_claims.quantities.expression import Expr
from cca_claims.quantities.numbers import read_digits
from cca_claims.quantities.suffixes import after_hyphen, noun, per_unit, suffix, unit_at
from cca_claims.quantities.tokens import TokenStream


def _figure(s: TokenStream, j: int = 0, currency: str = "", iso: str | None = None) -> Expr:
    """The expression of the digits at token j, as the scanner hands it to `suffix`."""
    fig = read_digits(s.toks, j, s.text)
    assert fig is not None
    return Expr(first=j, last=fig.last, fig=fig, currency=currency, iso=iso)


def _suffixed(text: str, j: int = 0) -> Expr:
    s = TokenStream(text)
    expr = _figure(s, j)
    suffix(s, expr)
    return expr


@pytest.mark.parametrize(
    ("text", "k", "unit"),
    [
        ("55 bcm per year", 1, ("(bcm) / (year)", "bcm per year", 3)),
        ("5 kg/cm³", 1, ("(kilogram) / (centimeter ** 3)", "kg/cm³", 3)),
        ("5 miles per hour", 1, ("mile / hour", "miles per hour", 3)),
        ("5 km", 1, ("kilometer", "km", 1)),
        ("5 ms", 1, ("millisecond", "ms", 1)),  # not "m" and a stray "s"
        ("5 kPa", 1, ("kilopascal", "kPa", 1)),  # a symbol pint knows
        ("2 tons of coal", 1, ("tonne", "tons", 1)),
    ],
)
def test_a_unit_at_a_token_says_where_it_ends(text, k, unit):
    assert unit_at(TokenStream(text), k) == unit


@pytest.mark.parametrize(
    ("text", "k"),
    [("5 in", 1), ("5 a", 1), ("5 s", 1), ("5 5", 1), ("5 $", 1), ("5", 1), ("14.7C per share", 3)],
)
def test_no_unit_at_a_word_that_is_mostly_something_else(text, k):
    assert unit_at(TokenStream(text), k) is None


def test_a_glued_capital_is_a_degree_only_where_temperature_is_spoken_of():
    assert unit_at(TokenStream("It hit 40C in the heat wave"), 3) == ("degree_Celsius", "C", 3)
    assert unit_at(TokenStream("the 13F filing was late"), 2) is None


def test_a_taken_token_is_no_unit():
    assert unit_at(TokenStream("5 km", masked=frozenset({1})), 1) is None


def test_after_hyphen_steps_over_the_hyphen_of_a_compound_adjective():
    s = TokenStream("a 5-year plan, 5 - year, 5-10")
    assert after_hyphen(s, 2) == 3  # "-" then "year", both glued
    assert after_hyphen(s, 7) == 7  # spaced
    assert after_hyphen(s, 11) == 11  # a digit after the hyphen
    assert after_hyphen(TokenStream("5-year", masked=frozenset({2})), 1) == 1


@pytest.mark.parametrize(
    ("text", "last", "unit_expr", "unit_text"),
    [
        ("55 bcm per year of gas", 3, "(bcm) / (year)", "bcm per year"),
        ("20 (kg)", 3, "kilogram", "kg"),  # a unit in brackets, as in table headings
        ("a 5-year plan", 3, "year", "year"),
    ],
)
def test_suffix_takes_the_unit(text, last, unit_expr, unit_text):
    expr = _suffixed(text, 1 if text.startswith("a ") else 0)
    assert (expr.last, expr.unit_expr, expr.unit_text) == (last, unit_expr, unit_text)


def test_suffix_says_tons_are_read_as_tonnes():
    expr = _suffixed("2 tons of coal")
    assert (expr.unit_expr, expr.notes) == ("tonne", ["tons read as metric tonnes"])


@pytest.mark.parametrize(
    ("text", "last", "notes"),
    [
        ("5%", 1, []),
        ("5 per cent", 2, []),
        ("5 pct", 1, []),
        ("3 percentage points", 2, ["percentage points read as percent"]),
    ],
)
def test_suffix_takes_a_percent(text, last, notes):
    expr = _suffixed(text)
    assert (expr.percent, expr.last, expr.notes) == (True, last, notes)


def test_suffix_takes_a_currency_after_the_figure():
    expr = _suffixed("12-cent dividend")
    assert (expr.iso, expr.currency, expr.share, expr.last) == ("USD", "cent", 0.01, 2)
    sterling = _suffixed("5 pounds sterling")
    assert (sterling.iso, sterling.currency, sterling.last) == ("GBP", "pounds sterling", 2)


def test_a_code_after_a_dollar_sign_says_which_dollar():
    s = TokenStream("$1,190.00 AUD")
    expr = _figure(s, 1, "$", "USD")
    expr.notes.append("$ read as US dollar")
    suffix(s, expr)
    assert (expr.iso, expr.last, expr.notes) == ("AUD", 6, [])
    same = TokenStream("$5 USD")
    confirmed = _figure(same, 1, "$", "USD")
    suffix(same, confirmed)
    assert (confirmed.iso, confirmed.last) == ("USD", 2)


def test_per_unit_takes_the_unit_money_is_counted_per():
    s = TokenStream("$5 a barrel")
    expr = _figure(s, 1, "$", "USD")
    per_unit(s, expr)
    assert (expr.last, expr.notes) == (3, ["money per barrel"])
    none = TokenStream("$5 a day later")
    other = _figure(none, 1, "$", "USD")
    other.last = 3  # past "a day"
    per_unit(none, other)
    assert (other.last, other.notes) == (3, [])


@pytest.mark.parametrize(
    ("text", "noun_", "noun_text", "last"),
    [
        ("24 bilateral agreements were signed", "agreement", "agreements", 2),
        ("5 new high-speed trains", "train", "trains", 5),
        ("1 project", "project", "project", 1),
    ],
)
def test_noun_takes_the_counted_noun_within_a_few_words(text, noun_, noun_text, last):
    s = TokenStream(text)
    expr = _figure(s)
    noun(s, expr)
    assert (expr.noun, expr.noun_text, expr.last) == (noun_, noun_text, last)


@pytest.mark.parametrize("text", ["5 of the", "5 in Astana", "5, trains", "5 years"])
def test_noun_stops_at_a_stop_word_a_sign_or_a_unit(text):
    s = TokenStream(text)
    expr = _figure(s)
    noun(s, expr)
    assert (expr.noun, expr.last) == ("", 0)


def test_bits_only_where_data_is_spoken_of():
    expr = _suffixed("1500 b packets of data transfer")
    assert (expr.unit_expr, expr.last) == ("bit", 1)
    assert _suffixed("1500 b in the street").unit_expr == ""
