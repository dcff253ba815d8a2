"""find_dates, parse_period and days_to_text on the phrases of dates_cases.yaml and the seed sources."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
import yaml

from cca_claims.interval import Interval
from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.dates import days_to_text, find_dates, granularity_rank, parse_period

HERE = Path(__file__).parent
SOURCES = HERE.parent.parent / "sources"
_DATA = yaml.safe_load((HERE / "dates_cases.yaml").read_text(encoding="utf-8"))
CASES = _DATA["cases"]
DEFAULT_REF = _DATA["defaults"]["ref"]
REF = ReadContext(reference_date=dt.date(2025, 6, 17))


def _day(x: float) -> dt.date | None:
    return None if math.isinf(x) else dt.date.fromordinal(int(x))


def test_enough_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_date_case(case: dict) -> None:
    ref = case.get("ref", DEFAULT_REF)
    ctx = ReadContext(reference_date=ref, source_id="test-source")
    readings = find_dates(case["text"], ctx)
    if case.get("none"):
        assert readings == [], [r.text for r in readings]
        return
    assert len(readings) == case.get("count", 1), [r.text for r in readings]
    r = readings[0]
    assert r.kind == "date" and r.unit == "day"
    assert _day(r.interval.low) == case["first"]
    assert _day(r.interval.high) == case["last"]
    assert r.granularity == case["granularity"]
    ref_noted = any("reference date" in n for n in r.notes)
    assert ref_noted == bool(case.get("ref_note", False)), r.notes
    if ref_noted:
        assert "test-source" in " ".join(r.notes)
    if "qualifier" in case:
        assert r.qualifier == case["qualifier"]
    if "phrase" in case:
        assert r.text == case["phrase"]
    # the span points at the phrase in the passage
    assert case["text"][r.span[0] : r.span[1]] == r.text


def test_readings_are_in_order_and_disjoint() -> None:
    text = "On May 18–19, 2023 in Xi’an; in 2024 trade grew; by 2030 the line; since 2021 China."
    readings = find_dates(text, REF)
    assert [r.text for r in readings] == ["May 18–19, 2023", "2024", "by 2030", "since 2021"]
    ends = [r.span for r in readings]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))


def test_coarse_contains_fine() -> None:
    coarse = find_dates("in 2023", REF)[0]
    fine = find_dates("May 18–19, 2023", REF)[0]
    assert coarse.interval.contains(fine.interval)
    assert granularity_rank(coarse.granularity) > granularity_rank(fine.granularity)


SEED_EXPECTED = {
    "co-architecting-eurasia-2025": ["2025-06-16..2025-06-17"],
    "china-studies-center-astana-2025": ["2025-06-17", "2023", "2026", "2024", "..2030-12-31"],
}


@pytest.mark.parametrize("source_id", sorted(SEED_EXPECTED))
def test_seed_sources(source_id: str) -> None:
    text = (SOURCES / f"{source_id}.txt").read_text(encoding="utf-8")
    got = [days_to_text(r.interval, r.granularity) for r in find_dates(text, REF)]
    assert got == SEED_EXPECTED[source_id]


def test_seed_baidarov_reads_the_key_dates() -> None:
    text = (SOURCES / "baidarov-first-summit-2025.txt").read_text(encoding="utf-8")
    ctx = ReadContext(reference_date=dt.date(2024, 12, 1))
    got = {r.text: days_to_text(r.interval, r.granularity) for r in find_dates(text, ctx)}
    assert got["May 18–19, 2023"] == "2023-05-18..2023-05-19"
    assert got["As of the end of November 2024"] == "2024-11-30"
    assert got["Since 2021"] == "2021-01-01..2024-12-01"
    assert got["Over the past 30 years"] == "1994-12-01..2024-12-01"
    assert got["2022–2026"] == "2022..2026"
    assert got["June 2025"] == "June 2025"


# --------------------------------------------------------------------------- parse_period
@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        (2024, "2024-01-01", "2024-12-31"),
        ("2024", "2024-01-01", "2024-12-31"),
        (dt.date(2025, 6, 17), "2025-06-17", "2025-06-17"),
        ("2025-06", "2025-06-01", "2025-06-30"),
        ("2025-06-17", "2025-06-17", "2025-06-17"),
        ("2025-06-16..2025-06-17", "2025-06-16", "2025-06-17"),
        ("2024..2025", "2024-01-01", "2025-12-31"),
        ("June 2025", "2025-06-01", "2025-06-30"),
        ("June 17, 2025", "2025-06-17", "2025-06-17"),
        ("2023-2024", "2023-01-01", "2024-12-31"),
        ("2023–2024", "2023-01-01", "2024-12-31"),
        ("2012–13", "2012-01-01", "2013-12-31"),
        ("the 1960s", "1960-01-01", "1969-12-31"),
        ("  2024  ", "2024-01-01", "2024-12-31"),
    ],
)
def test_parse_period(value: object, first: str, last: str) -> None:
    iv = parse_period(value, REF)
    assert (_day(iv.low).isoformat(), _day(iv.high).isoformat()) == (first, last)


def test_parse_period_open_end() -> None:
    iv = parse_period("2021..", REF)
    assert _day(iv.low) == dt.date(2021, 1, 1) and math.isinf(iv.high)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "soon",
        "2025-13",
        "2025-02-30",
        1850,
        "3000",
        "2025..2024",
        "2024..2025..2026",
        True,
        3.5,
        "June 17, 2025 and 2026",
        "the summit",
    ],
)
def test_parse_period_rejects(value: object) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        parse_period(value, REF)


# --------------------------------------------------------------------------- days_to_text
@pytest.mark.parametrize(
    ("text", "granularity", "expected"),
    [
        ("2025-06-17", "day", "2025-06-17"),
        ("2025-06-16..2025-06-17", "day", "2025-06-16..2025-06-17"),
        ("2024", "year", "2024"),
        ("2025-06", "month", "June 2025"),
        ("2025-06", "day", "2025-06"),
        ("the 1960s", "decade", "the 1960s"),
        ("2022..2026", "span", "2022..2026"),
    ],
)
def test_days_to_text(text: str, granularity: str, expected: str) -> None:
    assert days_to_text(parse_period(text, REF), granularity) == expected


def test_days_to_text_open() -> None:
    end = dt.date(2030, 12, 31).toordinal()
    assert days_to_text(Interval(-math.inf, end, False, True), "span") == "..2030-12-31"
