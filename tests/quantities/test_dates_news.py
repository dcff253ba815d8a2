"""Dates as news reports write them: day ranges at the start of a sentence, dates without a year,
"June 6 this year", and the year a change is compared with.

Every reference date here is written out: no test depends on today's date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from cca_claims.quantities import read_values
from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.dates import days_to_text, find_dates


def _ctx(ref: str, language: str = "") -> ReadContext:
    return ReadContext(reference_date=dt.date.fromisoformat(ref), language=language)


def _dates(text: str, ref: str = "2024-12-27") -> list[tuple[str, str]]:
    """(phrase, days) of every date read in `text`."""
    return [(r.text, days_to_text(r.interval, r.granularity)) for r in find_dates(text, _ctx(ref))]


# --------------------------------------------------------------------------- day ranges
@pytest.mark.parametrize(
    ("text", "phrase", "days"),
    [
        # a comma after the range no longer cuts it back to an open "from June 16"
        (
            "From June 16 to 18, the summit was held in Astana.",
            "From June 16 to 18",
            "2024-06-16..2024-06-18",
        ),
        (
            "The forum ran from June 16 to 18, with leaders of five countries.",
            "from June 16 to 18",
            "2024-06-16..2024-06-18",
        ),
        ("On June 16–17, the leaders met.", "June 16–17", "2024-06-16..2024-06-17"),
        # the range word is read whatever its case
        ("From June 16 To 18 the summit", "From June 16 To 18", "2024-06-16..2024-06-18"),
        (
            "From January To March 2024, trade grew.",
            "From January To March 2024",
            "2024-01..2024-03",
        ),
    ],
)
def test_a_day_range_is_one_date(text: str, phrase: str, days: str) -> None:
    assert _dates(text, ref="2024-06-30")[0] == (phrase, days)


def test_a_range_followed_by_a_thousands_figure_is_not_a_range() -> None:
    # "17,000" is a figure, not the end of a range of days
    assert _dates("June 16 and 17,000 tonnes", ref="2024-06-30") == [("June 16", "2024-06-16")]


def test_a_day_range_leaves_no_stray_count() -> None:
    ctx = _ctx("2024-06-30")
    readings = read_values("From June 16 to 18, the summit was held in Astana.", ctx)
    assert [r.kind for r in readings] == ["date"]
