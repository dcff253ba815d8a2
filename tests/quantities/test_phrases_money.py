"""The currency phrases of the value pass (quantities/money_phrases.py), called directly on a
token stream: a currency before or after a figure, and the amount conventions tied to one."""

from __future__ import annotations

import pytest

from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.expression import Expr
from cca_claims.quantities.money_phrases import (
    currency_prefix,
    currency_suffix,
    late_magnitude,
    million_code,
    whole_units,
)
from cca_claims.quantities.numbers import read_digits
from cca_claims.quantities.tokens import TokenStream


def _money(s: TokenStream, first: int, j: int, iso: str | None, currency: str) -> Expr:
    """The expression the scanner starts from: a currency over tokens first..j-1, digits at j."""
    fig = read_digits(s.toks, j, s.text)
    assert fig is not None
    return Expr(first=first, last=fig.last, fig=fig, iso=iso, currency=currency)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("US$4·7bn", ("USD", "US$", 2, "")),
        ("US$:12.99", ("USD", "US$", 3, "")),  # the colon goes with the sign
        ("Rs. 500", ("INR", "Rs", 2, "")),
        ("NZD $100.70", ("NZD", "NZD$", 2, "")),
        ("R$ 5", ("BRL", "R$", 2, "")),
        ("$.75", ("USD", "$", 1, "$ read as US dollar")),  # the point is the figure's
        ("$.750.30", ("USD", "$", 2, "$ read as US dollar")),  # the point is punctuation
        ("€3bn", ("EUR", "€", 1, "")),
        ("MAUD 60", ("AUD", "MAUD", 1, "")),
        ("rmb 5", ("CNY", "rmb", 1, "")),
    ],
)
def test_a_currency_before_a_figure_says_where_the_figure_starts(text, found):
    assert currency_prefix(TokenStream(text), 0) == found


def test_the_yen_sign_means_what_the_corpus_says():
    assert currency_prefix(TokenStream("¥300 million"), 0)[0] == "CNY"
    jpy = TokenStream("¥300 million", ReadContext(yen_means="JPY"))
    assert currency_prefix(jpy, 0) == ("JPY", "¥", 1, "¥ read as JPY (corpus setting)")
    assert currency_suffix(TokenStream("300 ¥", ReadContext(yen_means="JPY")), 1)[0] == "JPY"


@pytest.mark.parametrize("text", ["a $5 fee", "its $5 fee", "Trade rose 5", "km 5"])
def test_no_currency_prefix_at_a_plain_word(text):
    assert currency_prefix(TokenStream(text), 0) is None


def test_a_taken_token_is_no_currency():
    s = TokenStream("US$ 5", masked=frozenset({0}))
    assert currency_prefix(s, 0) is None
    assert currency_prefix(s, 1) == ("USD", "$", 2, "$ read as US dollar")
    assert currency_suffix(TokenStream("5 USD", masked=frozenset({1})), 1) is None


@pytest.mark.parametrize(
    ("text", "k", "found"),
    [
        ("5 US dollars", 1, ("USD", "US dollars", 2, 1.0, "")),
        ("3 Hong Kong dollars", 1, ("HKD", "Hong Kong dollars", 3, 1.0, "")),
        ("5 dollars", 1, ("USD", "dollars", 1, 1.0, "dollars read as US dollars")),
        ("50 cents", 1, ("USD", "cents", 1, 0.01, "cents read as 0.01 USD")),
        ("94.8 billion tenge", 4, ("KZT", "tenge", 4, 1.0, "")),
        ("75 USD million", 1, ("USD", "USD", 1, 1.0, "")),
        ("1.727 Ft", 3, ("HUF", "Ft", 3, 1.0, "")),
    ],
)
def test_a_currency_after_a_figure_says_where_it_ends(text, k, found):
    assert currency_suffix(TokenStream(text), k) == found


@pytest.mark.parametrize(("text", "k"), [("10 km", 1), ("5 years", 1), ("5 %", 1), ("5", 1)])
def test_no_currency_suffix_after_a_unit_or_the_end(text, k):
    assert currency_suffix(TokenStream(text), k) is None


def test_a_dot_groups_thousands_in_a_whole_unit_currency():
    s = TokenStream("Rp 31.500")
    expr = _money(s, 0, 1, "IDR", "Rp")
    assert expr.fig.value == 31.5  # as the digits read it
    whole_units(s, expr)
    assert (expr.fig.value, expr.fig.integer, expr.fig.half_unit) == (31500.0, True, 0.5)
    assert expr.notes == ["'.' read as a thousands separator (IDR is written in whole units)"]


@pytest.mark.parametrize(
    ("text", "iso"), [("Rp 31.5", "IDR"), ("Rp 31.5000", "IDR"), ("$ 31.500", "USD")]
)
def test_a_dot_stays_a_decimal_point_otherwise(text, iso):
    s = TokenStream(text)
    expr = _money(s, 0, 1, iso, s.toks[0].text)
    before = expr.fig
    whole_units(s, expr)
    assert expr.fig is before and expr.notes == []


def test_a_million_code_counts_millions():
    s = TokenStream("MUSD 30")
    expr = _money(s, 0, 1, "USD", "MUSD")
    million_code(expr)
    assert (expr.fig.value, expr.fig.magnitude, expr.last) == (30e6, 1e6, 1)
    assert expr.notes == ["MUSD read as millions of USD"]
    plain = _money(TokenStream("USD 30"), 0, 1, "USD", "USD")
    million_code(plain)
    assert plain.fig.value == 30 and plain.notes == []


def test_a_magnitude_after_the_currency_code_scales_the_amount():
    s = TokenStream("75 USD million in loans")
    expr = _money(s, 0, 0, "USD", "USD")
    expr.last = 1  # the code, read as the suffix
    late_magnitude(s, expr)
    assert (expr.fig.value, expr.fig.magnitude_text, expr.fig.last, expr.last) == (
        75e6,
        "million",
        0,
        2,
    )


@pytest.mark.parametrize("text", ["75 USD hundred", "75 USD dozen", "75 USD loans", "75 USD"])
def test_no_late_magnitude_without_a_large_magnitude_word(text):
    s = TokenStream(text)
    expr = _money(s, 0, 0, "USD", "USD")
    expr.last = 1
    late_magnitude(s, expr)
    assert (expr.fig.value, expr.last) == (75.0, 1)


def test_no_late_magnitude_for_cents():
    s = TokenStream("75 cents million")
    expr = _money(s, 0, 0, "USD", "cents")
    expr.last, expr.share = 1, 0.01
    late_magnitude(s, expr)
    assert (expr.fig.value, expr.last) == (75.0, 1)
