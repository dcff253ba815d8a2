"""Properties of the shared comparisons the rules and verdicts rely on."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from cca_claims import compare
from cca_claims.compare import AGREE, CONFLICT, SOFT, Tolerance
from cca_claims.interval import Interval
from cca_claims.model import Reading

bounds = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


@st.composite
def money(draw) -> Reading:
    a, b = draw(bounds), draw(bounds)
    return Reading(kind="money", unit="USD", interval=Interval.closed(a, b))


def day(y: int, m: int, d: int) -> int:
    return dt.date(y, m, d).toordinal()


def date(lo: int, hi: int, granularity: str) -> Reading:
    return Reading(kind="date", unit="day", interval=Interval(lo, hi), granularity=granularity)


@given(money(), money())
def test_numeric_comparison_is_symmetric(a: Reading, b: Reading) -> None:
    assert compare.compare(a, b).relation == compare.compare(b, a).relation


@given(money(), money(), st.floats(0, 0.5), st.floats(0, 0.5))
def test_more_slack_never_turns_agreement_into_conflict(a, b, s1, s2) -> None:
    low, high = sorted((s1, s2))
    if compare.compare(a, b, Tolerance(slack=low)).agrees:
        assert compare.compare(a, b, Tolerance(slack=high)).agrees


@given(st.lists(money(), max_size=8))
def test_groups_partition_the_readings_and_agree_inside(readings: list[Reading]) -> None:
    groups = compare.group(readings, compare.compare)
    flat = sorted(i for g in groups for i in g)
    assert flat == list(range(len(readings)))
    for g in groups:
        for i in g:
            for j in g:
                assert compare.compare(readings[i], readings[j]).agrees
    assert [len(g) for g in groups] == sorted((len(g) for g in groups), reverse=True)


def test_dates_by_granularity() -> None:
    june17 = date(day(2025, 6, 17), day(2025, 6, 17), "day")
    june16_17 = date(day(2025, 6, 16), day(2025, 6, 17), "day")
    june18 = date(day(2025, 6, 18), day(2025, 6, 18), "day")
    june = date(day(2025, 6, 1), day(2025, 6, 30), "month")
    year = date(day(2025, 1, 1), day(2025, 12, 31), "year")
    assert compare.date_relation(june17, june17) == AGREE
    assert compare.date_relation(june17, june) == AGREE  # coarser containing finer
    assert compare.date_relation(june16_17, year) == AGREE
    assert compare.date_relation(june17, june16_17) == SOFT  # two day-level dates that differ
    assert compare.date_relation(june17, june18) == CONFLICT


def test_open_bound_is_never_a_point() -> None:
    exceeded = Reading(kind="money", unit="USD", interval=Interval(94.8e9, float("inf"), False))
    exact = Reading(kind="money", unit="USD", interval=Interval(94.815e9, 94.825e9, True, False))
    below = Reading(kind="money", unit="USD", interval=Interval(94.75e9, 94.8e9, True, False))
    assert compare.compare(exceeded, exact).agrees
    assert compare.compare(exceeded, below).relation == CONFLICT


def test_sets_name_what_each_side_lacks() -> None:
    four = Reading(
        kind="set",
        items=("poverty reduction", "education exchange", "desertification control", "trade"),
    )
    three = Reading(
        kind="set", items=("educational exchange", "combating desertification", "trade")
    )
    cmp = compare.compare(three, four)
    assert cmp.relation == CONFLICT
    assert cmp.only_b == ("poverty reduction",) and cmp.only_a == ()


def test_statuses_use_the_ordered_vocabulary() -> None:
    building = Reading(kind="status", label="under construction")
    phase = Reading(kind="status", label="implementation phase")
    done = Reading(kind="status", label="completed")
    assert compare.compare(building, phase).agrees
    assert compare.compare(building, done).relation == CONFLICT
    assert compare.status_name(phase) == "under construction"
