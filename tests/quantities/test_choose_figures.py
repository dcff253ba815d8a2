"""Which figure a claim means, the period each figure is tied to, and reporters' rounding.

The passages are the ones the issue names (real reporting); each test states what an editor
expects and checks it through the public functions (`read_values`, `choose_reading`,
`compare`), never a private helper.
"""

from __future__ import annotations

import datetime as dt

import pytest

from cca_claims.compare import compare
from cca_claims.interval import Interval
from cca_claims.quantities import choose_reading, parse_value, read_values
from cca_claims.quantities.legs import conversion_legs
from cca_claims.quantities.perperiod import mark_flows, yearly_amount
from cca_claims.quantities.quote_value import Guide


def _year(y: int) -> Interval:
    return Interval.closed(dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal())


def _choose(passage: str, kind: str, value: str | None = None, statement: str = "", period=None):
    readings = read_values(passage)
    claim_value = parse_value(value, kind=kind) if value else None
    guide = Guide.of(claim_value, statement, read_values(statement), passage)
    return choose_reading(readings, kind, period, guide)


TRADE = "China’s overall trade with Central Asia totaled $94.82 billion in 2024, up from $89.4 billion in 2023."


@pytest.mark.parametrize(("year", "figure"), [(2023, "$89.4 billion"), (2024, "$94.82 billion")])
def test_each_figure_takes_its_own_year(year, figure):
    reading, why = _choose(TRADE, "money", period=_year(year))
    assert why == "" and reading.text == figure


def test_a_figure_after_up_from_is_not_the_leading_years():
    passage = "In 2024, bilateral trade reached $94.82 billion, up from $89.4 billion"
    reading, _ = _choose(passage, "money", period=_year(2024))
    assert reading.text == "$94.82 billion"
    later = [r for r in read_values(passage) if r.text == "$89.4 billion"][0]
    assert later.period is None


@pytest.mark.parametrize(
    "passage",
    ["a grant of 1.5 billion yuan (US$208 million)", "CNY 1.5bn (over $208mn) in grants"],
)
def test_a_conversion_in_brackets_is_one_amount_with_two_legs(passage):
    readings = read_values(passage)
    assert len(conversion_legs(passage, readings)) == 1
    in_yuan, why = _choose(passage, "money", "1.5 billion CNY")
    assert why == "" and in_yuan.written_unit == "CNY"
    in_dollars, why = _choose(passage, "money", "210 million USD")
    assert why == "" and in_dollars.written_unit == "USD"


def test_both_legs_share_the_year_written_after_them():
    passage = "312.04 billion yuan ($43.48 billion) in 2013"
    yuan = read_values(passage)[0]
    assert yuan.period == _year(2013)
    assert yuan.conversions[-1].date_from == "2013-01-01"


def test_the_claims_words_pick_the_volume_beside_a_length():
    passage = "With a total length of 1,833 km and a designed annual gas transmission capacity of 60 billion cubic meters"
    reading, why = _choose(
        passage, "quantity", statement="The pipeline's gas transmission capacity"
    )
    assert why == "" and reading.text == "60 billion cubic meters"
    reading, why = _choose(passage, "quantity", statement="The pipeline's total length")
    assert why == "" and reading.text == "1,833 km"


def test_the_claims_own_figure_picks_the_order_of_magnitude():
    passage = "Kazakhstan leads regional trade with China at $43.8 billion, up $2.8 billion"
    reading, why = _choose(passage, "money", "43.82 billion USD")
    assert why == "" and reading.text == "$43.8 billion"


def test_two_equally_fitting_figures_are_named_with_the_key_that_settles_them():
    passage = "bilateral trade reached $94.82 billion, up from $89.4 billion"
    reading, why = _choose(passage, "money", statement="The figure is disputed.")
    assert reading is None
    assert "$94.82B" in why and "$89.4B" in why and "`value:`" in why


@pytest.mark.parametrize(
    ("written", "precise", "relation"),
    [
        ("13.7 billion USD", "13.78 billion USD", "agree"),  # truncated
        ("3.8 billion USD", "3.86 billion USD", "agree"),  # truncated
        ("10.6 billion USD", "10.65 billion USD", "agree"),  # rounded half down
        ("13.7 billion USD", "13.9 billion USD", "conflict"),
        ("19.1 km", "19.2 km", "conflict"),  # same precision, touching bands
        ("nearly 100 billion USD", "94.82 billion USD", "agree"),
        ("nearly 100 billion USD", "89.4 billion USD", "conflict"),
        ("nearly 15 billion USD", "more than 15 billion USD", "conflict"),
    ],
)
def test_rounding_as_reporters_round(written, precise, relation):
    a, b = parse_value(written), parse_value(precise)
    assert compare(a, b).relation == relation
    assert compare(b, a).relation == relation


def test_a_word_figure_carries_implied_precision():
    half = read_values("half a trillion cubic metres")[0]
    more = read_values("more than 500 billion cubic meters")[0]
    assert half.interval.low < 500e9 < half.interval.high
    assert compare(half, more).relation == "agree"


def test_a_touching_pair_of_bands_does_not_overlap():
    a = Interval(19.05, 19.1 + 0.05, True, False)
    b = Interval(19.2 - 0.05, 19.25, True, False)
    assert not a.overlaps(b)
    assert Interval(0, 1).overlaps(Interval(1, 2))  # closed bounds that meet share a point


def test_a_yearly_rate_a_few_words_away_is_a_flow_and_one_years_amount():
    passage = "Line D has a design capacity of 30 billion cubic metres of gas per year."
    (flow,) = mark_flows(passage, read_values(passage))
    assert flow.unit.endswith("/ second")
    amount = yearly_amount(flow)
    assert amount.unit == "meter ** 3"
    assert amount.interval.low < 30e9 < amount.interval.high


def test_a_year_after_a_list_of_figures_dates_them_all_but_not_a_new_clause():
    listed = read_values("exports of $5 billion and imports of $6 billion in 2024")
    assert [r.period for r in listed if r.kind == "money"] == [_year(2024)] * 2
    passage = (
        "The transport capacity of Line C, which currently stands at 7 billion cubic meters "
        "per year, is expected to hit 25 billion cubic meters by the end of 2015"
    )
    current, target = [r for r in read_values(passage) if r.kind == "quantity"]
    assert current.period is None
    assert target.period == Interval.point(dt.date(2015, 12, 31).toordinal())
