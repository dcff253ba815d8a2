"""The value reader on the seed corpus, the hard cases other extractors miss, and its API."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cca_claims.interval import Interval
from cca_claims.quantities import (
    ReadContext,
    ValueReadError,
    choose_reading,
    parse_value,
    read_values,
    usd_rate,
    value_in_quote,
)
from cca_claims.report.display import format_reading, reading_to_json

SOURCES = Path(__file__).resolve().parents[2] / "sources"


def values(text, ctx=ReadContext()):
    return [r for r in read_values(text, ctx) if r.kind != "date"]


def one(text, ctx=ReadContext()):
    found = values(text, ctx)
    assert len(found) == 1, [r.text for r in found]
    return found[0]


# --------------------------------------------------------------------------- seed passages
def test_every_figure_of_the_trade_paragraph():
    text = (SOURCES / "baidarov-first-summit-2025.txt").read_text(encoding="utf-8")
    at = text.index("In 2024, bilateral trade reached")
    sentence = text[at : text.index("record.", at) + 7]
    got = values(sentence)
    assert [r.text for r in got] == ["$94.82 billion", "$89.4 billion"]
    assert got[0].period != got[1].period  # 2024 and 2023
    assert dt.date.fromordinal(int(got[0].period.low)).year == 2024
    assert dt.date.fromordinal(int(got[1].period.low)).year == 2023


@pytest.mark.parametrize(
    "source,phrase",
    [
        ("china-studies-center-astana-2025", "exceeded \n$94.8 billion"),
        ("baidarov-first-summit-2025", "more than 500 billion cubic meters"),
        ("baidarov-first-summit-2025", "3,300 km"),
        ("co-architecting-eurasia-2025", "Over 15,000 Central Asian students"),
        ("co-architecting-eurasia-2025", "$1B loan"),
        ("astana-summit-agenda-2025", "3,000 vocational training scholarships"),
        ("astana-summit-agenda-2025", "24 bilateral agreements"),
        ("baidarov-first-summit-2025", "50 million doses"),
        ("baidarov-first-summit-2025", "more than 100,000 trains"),
        ("baidarov-first-summit-2025", "exceeds $420 billion"),
        ("baidarov-first-summit-2025", "over 230 cities"),
        ("co-architecting-eurasia-2025", "investment stock exceeds $60B"),
    ],
)
def test_seed_figures_are_read_where_they_stand(source, phrase):
    text = (SOURCES / f"{source}.txt").read_text(encoding="utf-8")
    phrase = phrase.replace(" \n", "\n") if phrase.replace(" \n", "\n") in text else phrase
    assert phrase.replace(" \n", " ") in text.replace("\n", " ")
    spans = [r.span for r in values(text)]
    flat = text.replace("\n", " ")
    start = flat.index(phrase.replace(" \n", " "))
    assert any(a <= start + len(phrase) - 1 and b > start for a, b in spans)


def test_whole_seed_corpus_reads_without_error():
    for path in SOURCES.glob("*.txt"):
        got = read_values(path.read_text(encoding="utf-8"), ReadContext(dt.date(2025, 6, 20)))
        assert got
        for r in got:
            assert r.kind in ("money", "quantity", "count", "percent", "date")
            assert r.interval is not None
            assert r.span is not None


def test_yuan_with_its_dollar_equivalent_agree_at_the_2025_rate():
    text = "1.5 billion yuan (approximately 210 million US dollars) in development grants in 2025"
    yuan, usd = values(text)
    assert (yuan.written_unit, usd.written_unit) == ("CNY", "USD")
    assert usd.qualifier == "approximately"
    assert yuan.unit == usd.unit == "USD"
    assert yuan.interval.overlaps(usd.interval)
    fx = yuan.conversions[-1]
    assert fx.kind == "fx" and fx.date_from == "2025-01-01" and "ECB" in fx.source


def test_conversion_over_a_year_uses_the_range_of_rates():
    yuan = one("In 2024, trade was 674.15 billion yuan")
    assert yuan.interval.overlaps(one("$94.8 billion").interval)
    assert not one("$93.7 billion").interval.overlaps(one("$94.8 billion").interval)
    rate = usd_rate("CNY", (dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
    assert rate.factor.width > 0  # a range, not one rate


def test_central_asian_currency_comes_from_the_documented_table():
    conv = usd_rate("KZT", (dt.date(2024, 6, 1), dt.date(2024, 6, 30)))
    assert conv.source.startswith("cca_claims/data/fx_rates.csv")
    assert 1 / 600 < conv.factor.low < conv.factor.high < 1 / 400
    tenge = one("500 billion tenge", ReadContext(reference_date=dt.date(2024, 6, 5)))
    assert tenge.unit == "USD" and tenge.written_unit == "KZT"


# --------------------------------------------------------------------------- where others go wrong
def test_thousands_with_thin_spaces():
    assert one("816\u2009000 t").number == 816000
    assert one("$13 009 million").number == 13009e6


def test_code_glued_to_figure():
    r = one("USD34.6 million")
    assert (r.kind, r.written_unit, r.number) == ("money", "USD", 34.6e6)


def test_number_words_without_digits():
    assert one("a hundred dollars").number == 100
    assert one("a dozen projects").number == 12


def test_yen_sign_follows_the_corpus_setting_and_says_so():
    cny = one("¥500 million", ReadContext(reference_date=dt.date(2024, 5, 1)))
    jpy = one("¥500 million", ReadContext(reference_date=dt.date(2024, 5, 1), yen_means="JPY"))
    assert (cny.written_unit, jpy.written_unit) == ("CNY", "JPY")
    assert any("CNY (corpus setting)" in n for n in cny.notes)
    assert cny.interval.low > 10 * jpy.interval.high


def test_lowercase_m_is_million_after_currency_and_metres_alone():
    assert one("$5m").number == 5e6 and one("$5m").kind == "money"
    metres = one("a 5m wall")
    assert (metres.kind, metres.unit, metres.number) == ("quantity", "meter", 5)


def test_fiscal_year_span_is_a_period_not_a_number():
    assert values("in 2012–13") == []
    assert [r.kind for r in read_values("in 2012–13")] == ["date"]


def test_clock_times_are_not_quantities():
    assert values("the talks began at 2.15pm") == []
    assert values("at 14:30 local time") == []


def test_unknown_currency_is_never_a_silent_number():
    r = one("20 million som")
    assert r.kind == "money" and r.unit.startswith("currency:")
    assert any("not converted" in n for n in r.notes)


def test_range_is_an_interval_never_its_midpoint():
    r = one("between 5 and 10 million tonnes")
    assert (r.interval.low, r.interval.high) == (5e9, 10e9)
    assert not r.interval.is_point


def test_more_than_is_never_dropped():
    r = one("more than $247 million")
    assert r.qualifier == "more than"
    assert r.interval == Interval(247e6, math.inf, False, False)


def test_years_ordinals_and_names_are_not_counts():
    assert values("the 30th anniversary of relations") == []
    assert values("the C+C5 format and the D-line") == []
    assert values("Since 2021, China has been the largest partner") == []


# --------------------------------------------------------------------------- choosing
def test_choose_reports_two_candidates():
    quote = "bilateral trade reached $94.82 billion—up from $89.4 billion"
    reading, problem = choose_reading(read_values(quote), "money", None)
    assert reading is None
    assert problem == (
        "quote holds 2 candidate values equally fitting the claim ($94.82B, $89.4B): "
        "add `value:` to this evidence item with the one the claim means"
    )


def test_choose_by_period():
    quote = "In 2024, bilateral trade reached $94.82 billion—up from $89.4 billion in 2023"
    y2023 = Interval.closed(dt.date(2023, 1, 1).toordinal(), dt.date(2023, 12, 31).toordinal())
    reading, problem = choose_reading(read_values(quote), "money", y2023)
    assert problem == "" and reading.number == 89.4e9


def test_choose_by_kind():
    quote = "24 bilateral agreements worth $1B were signed"
    assert choose_reading(read_values(quote), "count", None)[0].unit == "count:agreement"
    assert choose_reading(read_values(quote), "money", None)[0].number == 1e9


def test_value_in_quote_allows_formatting_only():
    quote = read_values("bilateral trade reached $94.82 billion")
    assert value_in_quote(parse_value("94.82e9 USD"), quote)
    assert value_in_quote(parse_value("94.82 billion USD"), quote)
    assert not value_in_quote(parse_value("94.8 billion USD"), quote)
    assert value_in_quote(parse_value("24 agreements"), read_values("24 bilateral agreements"))


# --------------------------------------------------------------------------- explicit values
@pytest.mark.parametrize(
    "text,kind,number",
    [
        ("94.8 billion USD", "money", 94.8e9),
        ("> 94.8 billion USD", "money", 94.8e9),
        ("$210 million", "money", 210e6),
        ("around 24 billion USD", "money", 24e9),
        ("24 agreements", "count", 24),
        ("35%", "percent", 35),
    ],
)
def test_parse_value(text, kind, number):
    r = parse_value(text)
    assert (r.kind, r.number) == (kind, number)


def test_parse_value_qualifier_symbol():
    r = parse_value("> 94.8 billion USD")
    assert r.interval.low == 94.8e9 and not r.interval.low_closed and r.interval.high == math.inf


def test_parse_value_dates_and_labels():
    assert parse_value("2025-06-17").kind == "date"
    assert parse_value("June 16-17, 2025").interval.width == 1
    assert parse_value("Astana").kind == "label"
    assert parse_value(["Kazakhstan", "Uzbekistan"]).kind == "set"


@pytest.mark.parametrize("text,offset", [("94.8 bilion USD", 5), ("", 0), ("12 34 5x", 0)])
def test_parse_value_errors_carry_a_hint_and_offset(text, offset):
    with pytest.raises(ValueReadError) as err:
        parse_value(text)
    assert err.value.hint
    if text.strip():
        assert err.value.offset >= 0
    assert err.value.offset == offset or text == "12 34 5x"


def test_unreadable_text_gives_no_values():
    assert read_values("no figures here at all") == []
    assert read_values("") == []
    assert read_values(None) == []  # type: ignore[arg-type]


# --------------------------------------------------------------------------- display
def test_display_and_json():
    r = one("more than $94.8 billion")
    js = reading_to_json(r)
    assert js["kind"] == "money" and js["currency"] == "USD" and js["qualifier"] == "more than"
    assert js["interval"]["low"] == 94.8e9 and js["interval"]["high"] is None
    assert js["span"] == {"start": 0, "end": len("more than $94.8 billion")}
    assert "USD" in format_reading(r)
    y = one("674.15 billion yuan in 2024")
    assert reading_to_json(y)["conversions"][0]["date_from"] == "2024-01-01"


# --------------------------------------------------------------------------- properties
def _styles(x: int):
    yield f"{x:,}", x, "count"
    m = x / 1e6
    yield f"{m:.2f} million", round(m, 2) * 1e6, "count"
    b = x / 1e9
    yield f"USD {b:.1f}bn", round(b, 1) * 1e9, "money"
    yield f"${b:.1f} billion", round(b, 1) * 1e9, "money"


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1_000_000_000, max_value=999_000_000_000))
def test_formatted_values_read_back(x):
    for text, shown, kind in _styles(x):
        r = one(text)
        assert r.kind == kind
        assert r.interval.contains_value(shown) or math.isclose(r.interval.low, shown), text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_reads_without_raising(text):
    for r in read_values(text):
        assert r.span is not None and 0 <= r.span[0] <= r.span[1] <= len(text)


# --------------------------------------------------------------------------- peer-suite gaps
def _one(text: str, kind: str):
    found = [r for r in read_values(text) if r.kind == kind]
    assert len(found) == 1, [r.text for r in read_values(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "iso", "low", "high"),
    [
        ("Rp 31.500", "IDR", 31499.5, 31500.5),  # whole-unit currency: the dot groups thousands
        ("1.727 Ft", "HUF", 1726.5, 1727.5),
        ("$1,190.00 AUD", "AUD", 1189.995, 1190.005),  # the code names the dollar
        ("NZD $100.70", "NZD", 100.695, 100.705),
        ("three lakh crore rupees", "INR", 2.85e12, 3.15e12),  # a round figure in words
        ("a loan of 12,34,567 rupees", "INR", 1234566.5, 1234567.5),
        ("projects worth from 7 to 10 billion yuan", "CNY", 7e9, 10e9),
    ],
)
def test_money_native_amounts(text, iso, low, high):
    r = _one(text, "money")
    assert r.written_unit == iso
    assert math.isclose(r.native.low, low, rel_tol=1e-9)
    assert math.isclose(r.native.high, high, rel_tol=1e-9)


@pytest.mark.parametrize(
    "text",
    [
        "I want to earn $2000 over 3 years",  # "over 3 years" is a span, not 2000/3
        "exports rose from 5 to 7 billion",  # a change: two values, not a range
        "The number 1/0 is not a value",
        "the 24/7 news cycle",
    ],
)
def test_not_a_fraction_or_range(text):
    for r in read_values(text):
        assert r.qualifier != "to", r.text
        assert r.number is None or r.number >= 1 or r.number == 0, r.text


def test_numbers_inside_urls_are_not_read():
    text = "See https://example.org/report?year=2024&page=30%25 for 12 tables"
    assert [r.text for r in read_values(text) if r.kind != "date"] == ["12 tables"]


@pytest.mark.parametrize(
    "text",
    ["Press office: +86 10 6532 1234, 40 staff", "Call +1-222-2222-2222 or ask 40 staff"],
)
def test_numbers_inside_phone_numbers_are_not_read(text):
    assert [r.text for r in read_values(text) if r.kind != "date"] == ["40 staff"]


def test_a_signed_figure_is_not_a_phone_number():
    assert [r.number for r in read_values("the index rose +3.5 20 times")] == [3.5, 20]


def test_two_millionth_is_an_ordinal_and_millionths_a_fraction():
    assert [r.number for r in read_values("the two millionth visitor")] == [2]
    assert [r.number for r in read_values("two millionths of a second")] == [2e-6]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three twenty-firsts of the budget", 3 / 21),
        ("twenty twenty-fifths", 20 / 25),
        ("a hundred thousand trillionths", 1e-7),
        ("three hundred millionths of a second", 3e-4),
        ("one hundred thirty-two fifths", 26.4),
        ("one hundred thirty-fifths", 100 / 35),
        ("one million two thousand two hundred three fifths", 1002203 / 5),
        ("ninety - five hundred fifths", 1900),
        ("a vote of fifty - two", 52),
        ("two and fifty-four hundredths", 2.54),
        ("two hundred and fifty-four hundredths", 200.54),
    ],
)
def test_fractions_with_long_denominators(text, value):
    assert [r.number for r in read_values(text)] == [pytest.approx(value)]


@pytest.mark.parametrize(
    "text",
    [
        "a twenty-first century problem",
        "the twenty-second summit",
        "one twenty-first",
        "thirty-fifths",
    ],
)
def test_compound_ordinals_are_not_values(text):
    assert read_values(text) == []


def test_clock_time_is_not_a_length():
    assert read_values("the talks start at 2.30 pm") == [] or all(
        r.kind == "date" for r in read_values("the talks start at 2.30 pm")
    )


def test_bare_degrees_without_temperature_words_stay_an_angle():
    r = _one("the ship made a 180-degree turn", "quantity")
    assert r.unit == "radian"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("a pressure of 5 kPa", "kilogram / meter / second ** 2"),
        ("the 50 Hz grid", "1 / second"),
        ("a load of 2 kN", "kilogram * meter / second ** 2"),  # not knots
        ("a dose of 100 mSv", "meter ** 2 / second ** 2"),
    ],
)
def test_scientific_units_come_from_pint(text, unit):
    assert _one(text, "quantity").unit == unit


@pytest.mark.parametrize("text", ["24 chains opened stores", "Top 5 In Asia", "5 iPhones"])
def test_ordinary_words_are_not_asked_of_pint(text):
    assert all(r.kind == "count" for r in read_values(text))


def test_two_sided_qualifiers_join_only_like_values():
    r = _one("more than $5 million and less than $9 million", "money")
    assert (r.interval.low, r.interval.high) == (5e6, 9e6)
    assert not r.interval.low_closed and not r.interval.high_closed
    texts = [r.text for r in read_values("at least 10 countries and at most 20 firms")]
    assert texts == ["at least 10 countries", "at most 20 firms"]
    # the first side above the second is not a range
    assert len(read_values("more than 40 and less than 10")) == 2


def test_a_unit_of_something_is_one_unit_but_not_idioms_or_time():
    assert _one("a tonne of coal", "quantity").number == 1.0
    assert [r for r in read_values("a ton of bricks and a day of talks") if r.kind != "date"] == []


@pytest.mark.parametrize("odd", ["5e999 tonnes", "⁹ tonnes", "2 × 10⁹⁹⁹", "①② units"])
def test_odd_digits_never_erase_the_passage(odd):
    # superscript and circled digits pass str.isdigit() but are not numbers; huge exponents
    # overflow a float: neither may make the reader drop the passage's other values
    texts = [r.text for r in read_values(f"Trade reached $94.8 billion, and {odd} were noted.")]
    assert "$94.8 billion" in texts


def test_years_inside_a_web_address_are_not_dates():
    readings = read_values(
        "See https://example.org/report?year=2024 for the 2023 figure of $5 billion"
    )
    assert [(r.kind, r.text) for r in readings] == [("date", "2023"), ("money", "$5 billion")]
