"""The value pass's walk (quantities/scanner.py): `expr_at` at one token, `scan` over a stream.

The phrases it calls have their own tests (test_phrases_*.py); these check what the walk itself
decides: where an expression starts and ends, which figures are no value, and that taken tokens
are skipped.
"""

from __future__ import annotations

import pytest

from cca_claims.quantities.scanner import expr_at, scan
from cca_claims.quantities.tokens import TokenStream


@pytest.mark.parametrize(
    ("text", "i", "go_on_from"),
    [
        ("G20 summit", 1, 2),  # part of a name
        ("COVID-19", 2, 3),
        ("5G network", 0, 2),  # a designation
        ("a 777F", 1, 3),
        ("at 5:30 pm", 1, 4),  # a clock time
        ("5 pm", 0, 2),
        ("the 30th", 1, 3),  # an ordinal
        ("245 23 yen", 0, 2),  # one number with a stray space
        ("one of them", 0, 1),  # "one" as a pronoun
    ],
)
def test_expr_at_says_where_to_go_on_when_a_figure_is_no_value(text, i, go_on_from):
    assert expr_at(TokenStream(text), i) == go_on_from


def test_expr_at_finds_nothing_where_no_figure_starts():
    assert expr_at(TokenStream("the trains"), 0) is None


@pytest.mark.parametrize(
    ("text", "i", "first", "last", "value", "negative"),
    [
        ("one million", 0, 0, 1, 1e6, False),
        ("$-99.99", 0, 0, 4, 99.99, True),
        ("minus 5 degrees", 1, 0, 2, 5.0, True),
        ("-5", 1, 0, 1, 5.0, True),
    ],
)
def test_expr_at_assembles_the_expression(text, i, first, last, value, negative):
    expr = expr_at(TokenStream(text), i)
    assert (expr.first, expr.last, expr.fig.value, expr.negative) == (
        first,
        last,
        value,
        negative,
    )


def test_scan_walks_the_free_tokens_one_expression_after_another():
    text = "Between $2bn and $3bn went to 24 bilateral agreements in 2024, up 5%."
    found = scan(TokenStream(text, masked=frozenset({14})))  # the date pass took "2024"
    assert [(e.first, e.last) for e in found] == [(0, 7), (10, 12), (17, 18)]
    rng, count, pct = found
    assert (rng.qual, rng.low.value, rng.fig.value, rng.iso) == ("range", 2e9, 3e9, "USD")
    assert (count.fig.value, count.noun) == (24.0, "agreement")
    assert (pct.fig.value, pct.percent) == (5.0, True)
    assert [e.first for e in scan(TokenStream(text))] == [0, 10, 14, 17]  # the year, untaken
