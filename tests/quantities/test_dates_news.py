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


# --------------------------------------------------------------------------- dates without a year
@pytest.mark.parametrize(
    ("text", "ref", "days"),
    [
        # past the two months ahead, the most recent occurrence before the source's date
        (
            "The governments signed an agreement on June 6 to jointly advance the project.",
            "2024-12-27",
            "2024-06-06",
        ),
        ("The trilateral agreement was signed on June 6 in Beijing.", "2024-12-27", "2024-06-06"),
        ("the summit on 16 June", "2024-12-27", "2024-06-16"),
        ("on June 16–17 in Astana", "2024-12-27", "2024-06-16..2024-06-17"),
        ("In October, the leaders met in Astana.", "2025-02-10", "October 2024"),
        # a "will" of another clause does not make the date one to come
        ("The agreement signed on June 6 will help the project.", "2024-12-27", "2024-06-06"),
        ("It was signed on June 6, and the line will open in 2030.", "2024-12-27", "2024-06-06"),
        # the occurrence that holds the source's date
        ("In December, trade grew.", "2024-12-27", "December 2024"),
        # within two months ahead: the coming one (the turn of the year, the coming weeks)
        ("The talks resume on January 3.", "2024-12-20", "2025-01-03"),
        ("on February 10", "2024-12-27", "2025-02-10"),
        ("on March 3", "2024-12-27", "2024-03-03"),
        # a future verb in the date's clause: the next occurrence, however far
        ("The summit will be held on June 6 in Astana.", "2024-12-27", "2025-06-06"),
        ("The summit is scheduled for June 16–17.", "2024-12-27", "2025-06-16..2025-06-17"),
        ("Kazakhstan plans to sign the deal in September.", "2025-02-10", "September 2025"),
        ("In September, Xi will visit Astana.", "2024-12-27", "September 2025"),
        ("ahead of the June 16 summit", "2024-12-27", "2025-06-16"),
        # "last June", "next June"
        ("Trade fell last June.", "2024-12-27", "June 2024"),
        ("Trade fell last June.", "2024-06-20", "June 2023"),
        ("The line opens next June.", "2024-06-20", "June 2025"),
        ("The line opens next June.", "2024-12-27", "June 2025"),
    ],
)
def test_a_date_without_a_year(text: str, ref: str, days: str) -> None:
    reading = find_dates(text, _ctx(ref))[0]
    assert days_to_text(reading.interval, reading.granularity) == days
    assert any("reference date" in note for note in reading.notes)


def test_no_year_real_sentence_from_a_report_of_december_27() -> None:
    # Fergana, on the December 27, 2024 ground-breaking: the agreement is of June 6, 2024
    text = (
        "Initially estimated at $1.34 billion, the project's cost rose to $8 billion by April "
        "2024. The governments of China, Kyrgyzstan, and Uzbekistan signed an agreement on "
        "June 6 to jointly advance the project."
    )
    got = dict(_dates(text, "2024-12-27"))
    assert got["June 6"] == "2024-06-06"


# --------------------------------------------------------------------------- "June 6 this year"
@pytest.mark.parametrize(
    ("text", "ref", "phrase", "days"),
    [
        (
            "was signed on June 6 this year to support the project",
            "2024-12-27",
            "June 6 this year",
            "2024-06-06",
        ),
        ("the deal signed on 6 June this year", "2024-12-27", "6 June this year", "2024-06-06"),
        (
            "on the 6th of June of this year",
            "2024-12-27",
            "the 6th of June of this year",
            "2024-06-06",
        ),
        (
            "held on June 16–18 this year",
            "2024-12-27",
            "June 16–18 this year",
            "2024-06-16..2024-06-18",
        ),
        ("signed on June 6 last year", "2025-03-01", "June 6 last year", "2024-06-06"),
        ("opens on June 6 next year", "2024-12-27", "June 6 next year", "2025-06-06"),
        ("in March this year", "2024-12-27", "March this year", "March 2024"),
        ("in March of last year", "2024-12-27", "March of last year", "March 2023"),
        # a later month of this year: still this year, whatever the two months ahead say
        (
            "the plant opens in November this year",
            "2024-03-01",
            "November this year",
            "November 2024",
        ),
        (
            "at the end of March this year",
            "2024-12-27",
            "the end of March this year",
            "2024-03-31",
        ),
    ],
)
def test_a_date_of_this_year_is_one_date(text: str, ref: str, phrase: str, days: str) -> None:
    (reading,) = find_dates(text, _ctx(ref))
    assert reading.text == phrase
    assert days_to_text(reading.interval, reading.granularity) == days
    assert any("counted from the reference date" in note for note in reading.notes)


def test_this_years_is_not_the_year_of_a_month_before_it() -> None:
    # "In March, this year's exports": March, then the year of the exports
    got = _dates("In March, this year's exports rose.", "2024-12-27")
    assert got == [("March", "March 2024"), ("this year", "2024")]


def test_this_year_real_sentence() -> None:
    # Trend, December 27, 2024
    text = (
        "To note, an agreement between China, Kyrgyzstan and Uzbekistan was signed on June 6 "
        "this year to support the implementation of the railway project and resolve financing "
        "issues, and a joint project company, China-Kyrgyzstan-Uzbekistan Railway Company LLC, "
        "was registered on July 26."
    )
    assert _dates(text, "2024-12-27") == [
        ("June 6 this year", "2024-06-06"),
        ("July 26", "2024-07-26"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "days"),
    [
        ("今年6月6日签署协议", "zh", "2024-06-06"),
        ("去年3月", "zh", "March 2023"),
        ("今年6月16日至18日", "zh", "2024-06-16..2024-06-18"),
        ("соглашение подписано 6 июня этого года", "ru", "2024-06-06"),
        ("в марте прошлого года", "ru", "March 2023"),
    ],
)
def test_this_year_in_chinese_and_russian(text: str, language: str, days: str) -> None:
    dates = [r for r in read_values(text, _ctx("2024-12-27", language)) if r.kind == "date"]
    assert [days_to_text(r.interval, r.granularity) for r in dates] == [days]


# --------------------------------------------------------------------------- comparison bases
def _periods(text: str, language: str = "", ref: str = "2025-08-27") -> dict[str, str | None]:
    """The period of each figure read in `text`, by its text."""
    return {
        r.text: days_to_text(r.period, "year") if r.period is not None else None
        for r in read_values(text, _ctx(ref, language))
        if r.kind != "date"
    }


@pytest.mark.parametrize(
    ("text", "language", "figure", "period"),
    [
        # the real summary of an Economic Daily article (2025-08-27): the rise is 2024's
        ("2024年中国与中亚国家贸易额达948亿美元 较2023年增加54亿美元", "zh", "54亿美元", "2024"),
        ("2024年贸易额达948亿美元，与2023年相比增加54亿美元", "zh", "54亿美元", "2024"),
        ("2024年贸易额达948亿美元，比2023年增长6%", "zh", "6%", "2024"),
        (
            "In 2024, trade reached $94.8 billion; compared with 2023, exports grew by $5.4 billion.",
            "",
            "$5.4 billion",
            "2024",
        ),
        ("In 2024 trade rose by $5.4 billion compared with 2023.", "", "$5.4 billion", "2024"),
        # no period said but the base: none rather than the base's
        ("Trade rose by $5.4 billion compared with 2023.", "", "$5.4 billion", None),
        ("Exports were $2 billion higher than in 2023.", "", "$2 billion", None),
        ("Trade was up $5.4 billion from 2023.", "", "$5.4 billion", None),
        ("Exports rose 12% versus 2023 levels.", "", "12%", None),
        (
            "товарооборот вырос на 5,4 млрд долларов по сравнению с 2023 годом",
            "ru",
            "5,4 млрд долларов",
            None,
        ),
    ],
)
def test_the_year_compared_with_is_not_the_period(
    text: str, language: str, figure: str, period: str | None
) -> None:
    assert _periods(text, language)[figure] == period


@pytest.mark.parametrize(
    ("text", "figure", "period"),
    [
        # a figure's own year after "in" stays its period, base figure or not
        (
            "Trade reached $94.82 billion in 2024, up from $89.4 billion in 2023.",
            "$89.4 billion",
            "2023",
        ),
        (
            "Trade reached $94.82 billion in 2024, up from $89.4 billion in 2023.",
            "$94.82 billion",
            "2024",
        ),
        # a range after "from" is the period of the change, "since" too
        (
            "Exports rose steadily from 2015 to 2020, reaching $5 billion.",
            "$5 billion",
            "2015..2020",
        ),
        ("Exports have grown by 35% since 2021.", "35%", "2021-01-01..2025-08-27"),
        # not the change after the base, so "compared" still stands between it and 2024 (the
        # $3 billion is 2023's, but the reader does not follow "when": none rather than 2024)
        (
            "In 2024, exports were $5 billion, compared with 2023, when imports were $3 billion.",
            "$3 billion",
            None,
        ),
    ],
)
def test_periods_next_to_a_comparison_stay(text: str, figure: str, period: str | None) -> None:
    assert _periods(text)[figure] == period
