"""Reader gains from the peer suites (bench/peers.py), each with news phrases it must not misread.

Every table row is a phrase as news writes it and what the reader must (or must not) read from it.
"""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import pytest

from cca_claims.quantities import read_values


def _values(text: str) -> list:
    return [r for r in read_values(text) if r.kind != "date"]


def _one(text: str):
    values = _values(text)
    assert len(values) == 1, [(r.text, r.number) for r in values]
    return values[0]


# ---------------------------------------------------------------- powers: "1.5×10⁹", "8x2^10"
POWERS = [
    # text, number, written text of the value, unit
    ("Reserves are put at 1.5×10⁹ tonnes of coal.", 1.5e9, "1.5×10⁹ tonnes", "kilogram"),
    ("a dose of 10⁻³ grams", 1e-3, "10⁻³ grams", "kilogram"),
    ("about 2.5 x 10^6 visitors a year", 2.5e6, "about 2.5 x 10^6 visitors", "count:visitor"),
    ("1.5 × 10⁹ yuan of bonds", 1.5e9, "1.5 × 10⁹ yuan", "USD"),
    ("A kibibyte is exactly 8x2^10 bits.", 8192, "8x2^10 bits", "bit"),
    ("the key has 3x2⁸ states", 768, "3x2⁸ states", "count:state"),
    ("emissions of 4.2e9 tonnes", 4.2e9, "4.2e9 tonnes", "kilogram"),
]


@pytest.mark.parametrize(("text", "number", "span", "unit"), POWERS, ids=[p[0] for p in POWERS])
def test_power_notation(text: str, number: float, span: str, unit: str) -> None:
    r = _one(text)
    assert math.isclose(r.number, number, rel_tol=1e-9)
    assert r.text == span
    assert r.unit == unit or r.unit.startswith(unit)


@pytest.mark.parametrize(
    ("text", "largest"),
    [
        ("Kazakhstan ordered 200 4x4 vehicles.", 200),  # a drive type, not a power
        ("a 3x3 basketball court", 3),
        ("2 x 10 metres of cable", 10),  # a product in words, no power written
    ],
)
def test_no_power_without_a_written_power(text: str, largest: float) -> None:
    assert max(r.number for r in _values(text)) == largest


def test_superscript_after_other_figures_is_not_a_power() -> None:
    # a footnote mark after a figure: the figure stays as written
    r = _one("a population of 1,234,567¹ in 2020")
    assert r.number == 1234567


# ---------------------------------------------------------------- broken digit grouping
@pytest.mark.parametrize("text", ["245 23 yen", "It cost 12 5 dollars.", "a load of 7 25 kg."])
def test_broken_grouping_before_a_unit_reads_nothing(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Of the 245 23 were rejected.", [245, 23]),  # no unit: two counts
        ("He paid with 50 50 dollar bills.", [50, 50]),  # a count of denominations
        ("Wheat 12 4500 tonnes", [12, 4500]),  # a four-digit group is a figure of its own
        ("816 000 t of grain", [816000]),  # a real space-grouped thousands figure
        ("it ran 5 1/2 miles", [5.5]),
    ],
)
def test_grouping_that_is_not_broken(text: str, numbers: list[float]) -> None:
    assert sorted(r.number for r in _values(text)) == sorted(numbers)


# ---------------------------------------------------------------- shares: "one in five"
SHARES = [
    ("one out of three respondents said so", 1 / 3, "one out of three respondents"),
    ("One in five Kazakh households lacks piped water.", 0.2, "One in five Kazakh households"),
    ("1 in 1,000 people", 0.001, "1 in 1,000 people"),
    ("3 in 10 adults in Kyrgyzstan work abroad", 0.3, "3 in 10 adults"),
    ("two out of five hundred samples", 0.004, "two out of five hundred samples"),
    ("1 in twenty-one", 1 / 21, "1 in twenty-one"),
]


@pytest.mark.parametrize(("text", "share", "span"), SHARES, ids=[s[0] for s in SHARES])
def test_share_out_of(text: str, share: float, span: str) -> None:
    r = _one(text)
    assert math.isclose(r.number, share, rel_tol=1e-9)
    assert r.text == span


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("He scored 3 in 5 matches.", [3, 5]),  # goals in matches, not a share
        ("Exports rose 2 in 10 years.", [2, 10]),  # a unit after the second figure
        ("The 5 in 2023 were all new.", [5]),  # a year: a date, not a share
        ("Output fell 4 out of 3 quarters", [4, 3]),  # not a share below one
    ],
)
def test_not_a_share(text: str, numbers: list[float]) -> None:
    assert sorted(r.number for r in _values(text)) == sorted(numbers)


def test_the_one_in_a_place_is_no_value() -> None:
    assert _values("the one in Astana") == []


# ---------------------------------------------------------------- news phrases kept as they were
def test_converted_amount_in_parentheses_stays_positive() -> None:
    values = _values("The deal is worth 1.5 billion yuan (US$210 million).")
    assert [r.number for r in values] == [1.5e9, 210e6]
    assert all(r.interval.low > 0 for r in values)


def test_change_from_to_is_two_values() -> None:
    values = _values("Trade rose from $89.4 billion to $94.82 billion.")
    assert [r.number for r in values] == [89.4e9, 94.82e9]
    assert all(r.qualifier != "range" for r in values)


def test_a_year_stays_a_date() -> None:
    readings = read_values("Trade reached $94.82 billion in 2024.")
    assert [r.kind for r in readings] == ["money", "date"]
    assert readings[1].text == "2024"


# ---------------------------------------------------------------- "1.4b people", "1500 b" of data
@pytest.mark.parametrize(
    ("text", "number", "span"),
    [
        ("India has 1.4b people", 1.4e9, "1.4b people"),
        ("a 1.5b budget", 1.5e9, "1.5b"),
        ("£1.2b in loans", 1.2e9, "£1.2b"),
    ],
)
def test_glued_b_after_decimals_is_billion(text: str, number: float, span: str) -> None:
    r = _one(text)
    assert math.isclose(r.number, number)
    assert r.text == span


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("I'll transmit a small package of 1500 b", "1500 b"),
        ("The server receives the 1500b packet of information", "1500b"),
    ],
)
def test_b_is_bits_where_data_is_spoken_of(text: str, span: str) -> None:
    r = _one(text)
    assert (r.unit, r.number, r.text) == ("bit", 1500, span)


@pytest.mark.parametrize(
    "text", ["Article 3b of the law applies.", "Kazakhstan approved plan 2b. Data show growth."]
)
def test_b_after_a_whole_number_elsewhere_is_a_label(text: str) -> None:
    assert all(r.unit != "bit" and r.number < 10 for r in _values(text))


# ---------------------------------------------------------------- the peer bench's year rule
def _peers():
    """bench/peers.py, loaded from its file (the bench folder is not an installed package)."""
    path = Path(__file__).resolve().parents[2] / "bench" / "peers.py"
    spec = importlib.util.spec_from_file_location("peer_bench_under_test", path)
    assert spec is not None and spec.loader is not None
    name = spec.name
    if name not in sys.modules:  # dataclasses look their module up in sys.modules
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("passed Voyager 2 in 1979", [1979]),
        ("It increased by 35% by the end of the 1960s", [1960]),
        ("since 2013", [2013]),
        ("in May 2023", []),  # a month, not a bare year
        ("in fiscal 2012–13", []),  # two figures
        ("15.08.2017", []),  # a day
    ],
)
def test_bench_reports_a_bare_year_as_its_number(text: str, years: list[float]) -> None:
    found = [f.number for f in _peers().ours(text, None) if f.kind == "count" and f.number >= 1000]
    assert found == years


def test_bench_year_rule_applies_to_negative_cases_too() -> None:
    peers = _peers()
    case = {"suite": "quantulum3/quantities", "input": "It happened in 1998.", "expected": []}
    assert (
        peers.score_case(case, peers.ours)[0] is False
    )  # a year is a value here, as for quantulum3


# ---------------------------------------------------------------- "more than half"
@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("More than half of Kazakhstan's exports go to China.", "More than half", 0.5, math.inf),
        ("nearly half of Kyrgyz migrants work in Russia", "nearly half", 0.45, 0.5),
        ("over half of the delegates", "over half", 0.5, math.inf),
    ],
)
def test_half_after_a_qualifier_is_a_share(text: str, span: str, low: float, high: float) -> None:
    r = _one(text)
    assert r.text == span and r.number == 0.5
    assert math.isclose(r.interval.low, low) and r.interval.high == high


@pytest.mark.parametrize(
    "text",
    [
        "Growth slowed in the second half.",
        "Half of the budget went unspent.",  # no qualifier: not read (it may be a period)
        "about half an hour",  # half of a unit, not a share
        "after more than half-time",
    ],
)
def test_half_without_a_qualifier_is_not_read(text: str) -> None:
    assert _values(text) == []


# ---------------------------------------------------------------- capital symbols
@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Kazakhstan rolled out 5G coverage", None),  # a network generation, not 5 grams
        ("pilots pulled 9 G in the turn", None),
        ("a bar of 5 g of gold", "kilogram"),
        ("the road is 20 KM long", "meter"),
        ("a sack of 50 KG of wheat", "kilogram"),
        ("2 L of water", "meter ** 3"),
    ],
)
def test_a_capital_letter_is_not_a_lower_case_unit_symbol(text: str, unit: str | None) -> None:
    units = {r.unit for r in _values(text) if r.kind == "quantity"}
    assert units == ({unit} if unit else set())


@pytest.mark.parametrize(
    ("text", "kelvin"),
    [
        ("Tashkent sweltered in highs of 40C on Tuesday.", 313.15),
        ("temperatures of 104F were recorded", 313.15),
        ("night-time lows of minus 5C", 268.15),
    ],
)
def test_a_glued_c_or_f_is_a_temperature(text: str, kelvin: float) -> None:
    reading = _one(text)
    assert reading.kind == "quantity" and reading.unit == "kelvin"
    assert reading.interval.low <= kelvin < reading.interval.high


@pytest.mark.parametrize(
    "text",
    [
        "grade 5 C pupils",
        "seats in row 3 F",
        "3D printing",
        "funds from operations were 14.7C per security",
        "the fund's 13F filing",
        "a Boeing 777F freighter",
    ],
)
def test_a_spaced_or_other_capital_letter_is_no_temperature(text: str) -> None:
    assert all(r.unit != "kelvin" for r in _values(text))


@pytest.mark.parametrize(
    "text",
    [
        "China rolled out 5G across the region.",
        "3D printing of turbine parts",
        "under Section 3A of the law",
        "a Boeing 777F freighter landed",
        "the fund's 13F filing",
    ],
)
def test_capitals_glued_to_a_figure_name_a_thing(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("a budget of 10M people", "count:person"),
        ("Italy's GDP is $2.174T.", "USD"),
        ("a 60W bulb", "kilogram * meter ** 2 / second ** 3"),
        ("Weather turned cold overnight. Almaty recorded -20C.", "kelvin"),
    ],
)
def test_magnitudes_units_and_temperatures_glued_to_a_figure_stay_values(
    text: str, unit: str
) -> None:
    assert _one(text).unit == unit
