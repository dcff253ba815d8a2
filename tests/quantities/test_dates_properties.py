"""Property tests for the date reader: round trips through written styles, and robustness."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.dates import days_to_text, find_dates, parse_period

MONTHS = "January February March April May June July August September October November December"
NAMES = MONTHS.split()
STYLES = (
    lambda d: f"{NAMES[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {NAMES[d.month - 1]} {d.year}",
    lambda d: d.isoformat(),
    lambda d: f"{NAMES[d.month - 1][:3]}. {d.day}, {d.year}",
    lambda d: f"{d.strftime('%A')}, {NAMES[d.month - 1]} {d.day}, {d.year}",
)
days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
CTX = ReadContext(reference_date=dt.date(2025, 6, 17))


@given(
    day=days,
    style=st.sampled_from(STYLES),
    before=st.sampled_from(["", "On ", "held on "]),
    after=st.sampled_from(["", ".", " in Astana", ", when"]),
)
def test_written_day_reads_back(day: dt.date, style, before: str, after: str) -> None:
    text = before + style(day) + after
    readings = find_dates(text, CTX)
    assert len(readings) == 1, [r.text for r in readings]
    r = readings[0]
    assert r.granularity == "day"
    assert r.interval.low == r.interval.high == day.toordinal()
    assert r.notes == ()  # a written year needs no assumption


@given(day=days)
def test_day_text_round_trip(day: dt.date) -> None:
    iv = parse_period(day.isoformat(), CTX)
    assert days_to_text(iv, "day") == day.isoformat()
    assert parse_period(days_to_text(iv, "day"), CTX) == iv


@given(year=st.integers(1900, 2100), month=st.integers(1, 12))
def test_month_round_trip(year: int, month: int) -> None:
    iv = parse_period(f"{year}-{month:02d}", CTX)
    text = days_to_text(iv, "month")
    assert text == f"{NAMES[month - 1]} {year}"
    assert parse_period(text, CTX) == iv


@given(a=days, b=days)
def test_period_range_round_trip(a: dt.date, b: dt.date) -> None:
    lo, hi = min(a, b), max(a, b)
    iv = parse_period(f"{lo.isoformat()}..{hi.isoformat()}", CTX)
    assert parse_period(days_to_text(iv, "span"), CTX) == iv


ALPHABET = st.sampled_from(
    list("0123456789 ,.-–:/$%")
    + [
        "June ",
        "May ",
        "by ",
        "since ",
        "the ",
        "over ",
        "past ",
        "years ",
        "2025",
        "19",
        "Thursday ",
        "s",
    ]
)


@settings(max_examples=30, deadline=None)
@given(parts=st.lists(ALPHABET, min_size=1, max_size=60), seed_text=st.text(max_size=200))
def test_adversarial_input_reads_spans_of_the_text(parts: list[str], seed_text: str) -> None:
    """Long repetitions of what the reader looks for: every reading is a span of the text (the
    time this takes is bounded in tests/hostile/test_bounded_time.py, not here)."""
    chunk = "".join(parts) + seed_text
    text = (chunk * (10_000 // max(1, len(chunk)) + 1))[:10_000]
    for r in find_dates(text, CTX):
        assert text[r.span[0] : r.span[1]] == r.text


@given(text=st.text(max_size=300))
def test_never_raises(text: str) -> None:
    find_dates(text, CTX)
    find_dates(text, ReadContext())
