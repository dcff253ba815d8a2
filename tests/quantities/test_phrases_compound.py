"""Compound phrases (quantities/compound.py), called directly on a token stream: ranges,
two-sided qualifiers, qualifiers before and after a figure, split amounts, broken digit groupings
and clock times.

Each test starts from the expression the scanner has when it calls the function under test: a
currency before the figure, the figure, its magnitude and its suffix (`_start`).
"""

from __future__ import annotations

import pytest

from cca_claims.quantities.compound import (
    broken_grouping,
    clock_figure,
    full_suffix,
    postfix_qualifier,
    prefix_qualifier,
    qualifier_join,
    range_tail,
    split_amount,
)
from cca_claims.quantities.expression import Expr
from cca_claims.quantities.figures import figure_at, magnitude
from cca_claims.quantities.money_phrases import currency_prefix
from cca_claims.quantities.tokens import TokenStream


def _start(s: TokenStream, i: int, negative: bool = False) -> Expr:
    """The expression at token i (a "-" or "minus" before it when `negative`) up to its suffix."""
    pre = currency_prefix(s, i)
    iso, written, j = (pre[0], pre[1], pre[2]) if pre else (None, "", i)
    fig = figure_at(s, j)
    assert fig is not None
    first = i - 1 if negative else i
    expr = Expr(first=first, last=fig.last, fig=fig, iso=iso, currency=written, negative=negative)
    magnitude(s, expr)
    full_suffix(s, expr)
    return expr


def _ranged(text: str, i: int, negative: bool = False) -> Expr:
    s = TokenStream(text)
    expr = _start(s, i, negative)
    range_tail(s, expr)
    prefix_qualifier(s, expr)
    return expr


@pytest.mark.parametrize(
    ("text", "i", "low", "high", "conn", "first", "last"),
    [
        ("between $2bn and $3bn", 1, 2e9, 3e9, "between", 0, 7),
        ("$2bn-$3bn", 0, 2e9, 3e9, "-", 0, 6),
        ("5 to 10 km", 0, 5.0, 10.0, "to", 0, 3),
        ("20 through 100", 0, 20.0, 100.0, "through", 0, 2),
        ("5%-10%", 0, 5.0, 10.0, "-", 0, 4),
        ("2~3 tonnes", 0, 2.0, 3.0, "~", 0, 3),
        ("8- to 16-meter poles", 0, 8.0, 16.0, "to", 0, 5),
    ],
)
def test_range_tail_makes_a_range_of_two_figures(text, i, low, high, conn, first, last):
    expr = _ranged(text, i)
    assert (expr.qual, expr.qual_text) == ("range", conn)
    assert (expr.low.value, expr.fig.value) == (low, high)
    assert (expr.first, expr.last) == (first, last)


def test_a_range_takes_the_currency_and_unit_of_either_side():
    money = _ranged("between $2bn and $3bn", 1)
    assert (money.iso, money.currency) == ("USD", "$")
    poles = _ranged("8- to 16-meter poles", 0)
    assert poles.unit_expr == "meter"  # written once, after the second figure


def test_a_range_keeps_negative_bounds_in_its_figures():
    cold = _ranged("ranged from -18 to -34 °C", 3, negative=True)
    assert (cold.low.value, cold.fig.value, cold.unit_expr) == (-34.0, -18.0, "degree_Celsius")
    assert (cold.first, cold.negative) == (1, False)  # "from" is part of it
    minus = _ranged("between minus 5 and 5", 2, negative=True)
    assert (minus.low.value, minus.fig.value, minus.first) == (-5.0, 5.0, 0)


@pytest.mark.parametrize(
    ("text", "i"),
    [
        ("rose from 5 to 7 percent", 2),  # a change: before and after, not a range
        ("rose 6.2% to $1.45 billion", 1),  # a percent, then an amount
        ("10 km to 5 km", 0),  # the second bound is not above the first
        ("5 and 10", 0),  # "and" without "between"
    ],
)
def test_range_tail_leaves_two_values_as_two(text, i):
    s = TokenStream(text)
    expr = _start(s, i)
    last = expr.last
    range_tail(s, expr)
    assert (expr.qual, expr.low, expr.last) == ("", None, last)


@pytest.mark.parametrize(
    ("text", "i", "low", "high", "qual_text", "closed", "last"),
    [
        (
            "above 1000 and below 1500 tonnes",
            1,
            1000.0,
            1500.0,
            "above ... below",
            (False, False),
            5,
        ),
        ("at most 100 and at least 20", 2, 20.0, 100.0, "at most ... at least", (True, True), 6),
        (
            "more than $5 million and less than $9 million",
            2,
            5e6,
            9e6,
            "more than ... less than",
            (False, False),
            10,
        ),
    ],
)
def test_qualifier_join_makes_one_range_of_two_sides(text, i, low, high, qual_text, closed, last):
    s = TokenStream(text)
    expr = _start(s, i)
    prefix_qualifier(s, expr)
    qualifier_join(s, expr)
    assert (expr.qual, expr.qual_text, expr.closed) == ("range", qual_text, closed)
    assert (expr.low.value, expr.fig.value, expr.first, expr.last) == (low, high, 0, last)


def test_qualifier_join_gives_the_bare_first_side_the_unit_of_the_second():
    s = TokenStream("above 1000 and below 1500 tonnes")
    expr = _start(s, 1)
    prefix_qualifier(s, expr)
    qualifier_join(s, expr)
    assert expr.unit_expr == "tonne"


def test_qualifier_join_leaves_two_counts_of_different_things():
    s = TokenStream("at least 10 countries and at most 20 firms")
    expr = _start(s, 2)
    prefix_qualifier(s, expr)
    qualifier_join(s, expr)
    assert (expr.qual, expr.fig.value, expr.last, expr.noun) == ("ge", 10.0, 3, "country")


@pytest.mark.parametrize(
    ("text", "qual", "qual_text", "last"),
    [
        ("15,000+ people", "ge", "+", 3),
        ("100 or more", "ge", "or more", 2),
        ("5 or so", "around", "or so", 2),
    ],
)
def test_postfix_qualifier(text, qual, qual_text, last):
    s = TokenStream(text)
    expr = _start(s, 0)
    postfix_qualifier(s, expr)
    assert (expr.qual, expr.qual_text, expr.last) == (qual, qual_text, last)


def test_or_less_than_belongs_to_the_next_figure():
    s = TokenStream("5000 or less than 6000")
    expr = _start(s, 0)
    postfix_qualifier(s, expr)
    assert (expr.qual, expr.last) == ("", 0)


@pytest.mark.parametrize(
    ("text", "i", "qual", "qual_text"),
    [
        ("more than half of exports", 2, "gt", "more than"),
        ("nearly 5 million", 1, "nearly", "nearly"),
        ("about 5", 1, "around", "about"),
        ("about 500 or more", 1, "ge", "about ... or more"),  # the bound holds
    ],
)
def test_prefix_qualifier(text, i, qual, qual_text):
    s = TokenStream(text)
    expr = _start(s, i)
    postfix_qualifier(s, expr)
    prefix_qualifier(s, expr)
    assert (expr.qual, expr.qual_text, expr.first) == (qual, qual_text, 0)


def test_some_one_is_no_approximate_figure():
    s = TokenStream("some one")
    expr = _start(s, 1)
    prefix_qualifier(s, expr)
    assert (expr.qual, expr.first) == ("", 1)


def test_a_taken_qualifier_is_not_read():
    s = TokenStream("about 5", masked=frozenset({0}))
    expr = _start(s, 1)
    prefix_qualifier(s, expr)
    assert (expr.qual, expr.first) == ("", 1)


@pytest.mark.parametrize(
    ("text", "value", "last"),
    [
        ("5 ft 2 in", 5 + 2 / 12, 3),
        ("5 feet 2 inches", 5 + 2 / 12, 3),
        ("5 pounds 3 ounces", 5 + 3 / 16, 3),
        ("3 dollars 50 cents", 3.5, 3),
        ("15 dollars 50.", 15.5, 2),  # the cents without their name
    ],
)
def test_split_amount_reads_unit_and_subunit_as_one_amount(text, value, last):
    s = TokenStream(text)
    expr = _start(s, 0)  # `full_suffix` calls split_amount after the suffix
    assert (expr.fig.value, expr.last) == (pytest.approx(value), last)


@pytest.mark.parametrize("text", ["5 ft 14 in", "3 dollars 150 cents", "5 km 2 m"])
def test_split_amount_needs_a_subunit_below_one_unit(text):
    s = TokenStream(text)
    expr = _start(s, 0)
    assert (expr.fig.value, expr.last) == (float(text.split()[0]), 1)
    split_amount(s, expr)  # once more, on its own: still nothing to add
    assert (expr.fig.value, expr.last) == (float(text.split()[0]), 1)


@pytest.mark.parametrize(
    ("text", "after"),
    [("245 23 yen", 2), ("245 23", None), ("50 50-dollar bills", None), ("5 12.5 kg", None)],
)
def test_broken_grouping_skips_a_number_written_with_a_stray_space(text, after):
    s = TokenStream(text)
    assert broken_grouping(s, figure_at(s, 0)) == after


@pytest.mark.parametrize(
    ("text", "clock"),
    [("5", True), ("11.30", True), ("2.123", False), ("25", False), ("11.75", False)],
)
def test_clock_figure(text, clock):
    s = TokenStream(text)
    assert clock_figure(s, figure_at(s, 0)) is clock
