"""Statuses news writes ("suspended", "the agreement was signed") and sets read from prose."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cca_claims.quantities import ValueReadError, parse_value
from cca_claims.quantities.enumerations import read_enumeration
from cca_claims.quantities.labels import status_names, status_rank, status_reading
from cca_claims.quantities.quote_value import choose_reading, kind_readings

# ----------------------------------------------------------------------------- statuses
STATUS_CASES = [
    ("Construction of the Kambarata-1 hydropower plant was suspended in 2023.", "suspended"),
    ("Work on the Hanka-10 railway link is suspended, the customs service said.", "suspended"),
    ("Work on the China-Kyrgyzstan-Uzbekistan railway has been halted since March.", "suspended"),
    ("The project was put on hold after the lender withdrew.", "suspended"),
    ("Line D of the gas pipeline remains frozen, officials say.", "suspended"),
    ("The cement plant near Jizzakh has been mothballed.", "suspended"),
    ("Construction of the dry port came to a halt in 2022.", "suspended"),
    ("Work on the corridor has stopped amid a funding dispute.", "suspended"),
    ("Work on the Rogun dam resumed in May.", "under construction"),
    ("The suspension of construction was announced on Monday.", "suspended"),
    ("The Line D project was cancelled in 2024.", "cancelled"),
    ("Tashkent scrapped the plan; the project was abandoned.", "cancelled"),
    # a halt is the latest news whatever stage was reached
    ("Construction began in 2019 but was suspended in 2023.", "suspended"),
    ("The line was commissioned in 2014 and halted in 2022.", "suspended"),
    # superseded and negated halts are not read
    ("Construction resumed in 2024 after being suspended for two years.", "under construction"),
    ("The project has not been suspended, the ministry said.", None),
    ("The railway is no longer frozen.", None),
    ("The bank froze its frozen assets.", None),
    # "signed": agreed when a document was signed
    ("The agreement was signed in Astana on June 17, 2025.", "agreed"),
    ("The two sides signed a memorandum of understanding on the pipeline.", "agreed"),
    ("The Sanabtal-89 agreement was signed by Kazakhstan, Kyrgyzstan and Tajikistan.", "agreed"),
    ("Kazakhstan and China concluded 24 bilateral agreements.", "agreed"),
    # ... and weakly when a project "is signed": anything more specific wins
    ("Work on the Hanka-10 railway link is signed, officials said.", "agreed"),
    ("The contract was signed and construction has started.", "under construction"),
    ("Thousands of students signed up for the programme.", None),
    ("The leaders met in Astana.", None),
]


@pytest.mark.parametrize(("text", "status"), STATUS_CASES, ids=[t[:40] for t, _ in STATUS_CASES])
def test_status_read_from_news_phrasing(text: str, status: str | None) -> None:
    r = status_reading(text)
    if status is None:
        assert r is None, r
        return
    assert r is not None and r.label == status
    assert text[r.span[0] : r.span[1]] == r.text
    assert r.interval.low == status_rank(status)


def test_the_earlier_stage_is_noted_when_a_halt_is_taken() -> None:
    r = status_reading("Construction began in 2019 but was suspended in 2023.")
    assert r.notes and "under construction" in r.notes[0]


def test_suspended_and_cancelled_close_the_order() -> None:
    names = status_names()
    assert names[-2:] == ["suspended", "cancelled"]
    assert status_rank("completed") < status_rank("suspended") < status_rank("cancelled")


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("suspended", "suspended"),
        ("Signed", "agreed"),
        ("halted", "suspended"),
        ("On hold", "suspended"),
        ("paused", "suspended"),
        ("scrapped", "cancelled"),
        ("canceled", "cancelled"),
        ("implementation phase", "under construction"),
    ],
)
def test_status_values_and_their_other_names(value: str, status: str) -> None:
    reading = parse_value(value, kind="status")
    assert reading.kind == "status"
    assert status_rank(reading.label) == status_rank(status)


@pytest.mark.parametrize(
    ("value", "guess"),
    [
        ("in limbo", None),
        ("compelted", "completed"),
        ("suspendid", "suspended"),
        ("halt", "suspended"),
    ],
)
def test_a_status_value_that_names_no_status_is_an_error_listing_them(
    value: str, guess: str | None
) -> None:
    with pytest.raises(ValueReadError) as err:
        parse_value(value, kind="status")
    assert value in err.value.message
    assert "write one of: proposed, agreed," in err.value.hint
    assert "cancelled" in err.value.hint
    if guess:
        assert f"did you mean '{guess}'" in err.value.hint
    else:
        assert "did you mean" not in err.value.hint


# ----------------------------------------------------------------------------- sets
C3 = ["Kazakhstan", "Kyrgyzstan", "Tajikistan"]
CENTRES = [
    "poverty reduction",
    "education exchange",
    "desertification control",
    "trade facilitation",
]
PRINCIPLES = [
    "mutual respect",
    "good-neighborliness and friendship",
    "mutual assistance",
    "mutual benefit",
]

ENUM_CASES = [
    ("The Sanabtal-89 agreement was signed by Kazakhstan, Kyrgyzstan and Tajikistan.", C3, C3),
    ("Signatories of the Sanabtal-89 agreement: Kazakhstan, Kyrgyzstan, Tajikistan.", C3, C3),
    ("Signatories: Kazakhstan, Kyrgyzstan.", C3, ["Kazakhstan", "Kyrgyzstan"]),
    (
        "the SCO's fight against the “three evils” of terrorism, separatism, and extremism",
        ["terrorism", "separatism", "extremism"],
        ["terrorism", "separatism", "extremism"],
    ),
    (
        "four new cooperative platforms focused respectively on poverty reduction, education, "
        "desertification control, and trade facilitation",
        CENTRES,
        ["poverty reduction", "education", "desertification control", "trade facilitation"],
    ),
    (
        "centres for poverty reduction, education and trade facilitation in the region",
        CENTRES,
        ["poverty reduction", "education", "trade facilitation"],
    ),
    (
        "mutual respect, good-neighborliness and friendship, mutual assistance and mutual benefit",
        PRINCIPLES,
        PRINCIPLES,
    ),
    # the list is read whole, whatever the claim says: other items contradict it
    (
        "The Abdorab-92 agreement was signed by Tajikistan, Turkmenistan and Kazakhstan.",
        ["Kazakhstan", "Kyrgyzstan"],
        ["Tajikistan", "Turkmenistan", "Kazakhstan"],
    ),
    (
        "The delegation from Kazakhstan included ministers of energy, transport and finance.",
        C3,
        ["energy", "transport", "finance"],
    ),
    # an opening phrase is not an item
    ("In 2022, Kazakhstan, Kyrgyzstan and Tajikistan signed the deal.", C3, C3),
    # without the claim's items, the linking words settle the boundaries
    (
        "The Abdorab-92 agreement was signed by Kazakhstan and Kyrgyzstan.",
        [],
        ["Kazakhstan", "Kyrgyzstan"],
    ),
    # several lists: the one that matches the claim
    (
        "The delegation included ministers of energy, transport and finance. The pact was "
        "signed by Kazakhstan, Kyrgyzstan and Tajikistan.",
        C3,
        C3,
    ),
    ("The Kaulab-61 agreement was signed by Kazakhstan, Kyrgyzstan, Tajikistan", C3, C3),
    # no list: one item, a cut-off list, two bare comma parts, no enumeration at all
    ("Signatories of the Sanabtal-89 agreement: Kazakhstan", C3, None),
    ("The Sanyerul-41 agreement was signed by Kyrgyzstan", C3, None),
    ("The Mirraqiz-36 agreement was signed by Kazakhstan, Kyrgyzstan, Tajikistan and", C3, None),
    ("The Tashturgul-41 agreement was signed by Kyrgyzstan, Tajikistan", C3, None),
    ("In 2022, the Gultem-88 programme opened 175 centres, officials said.", C3, None),
    ("The leaders met in Astana.", C3, None),
    ("", C3, None),
]


@pytest.mark.parametrize(
    ("text", "claim_items", "items"), ENUM_CASES, ids=[t[:40] for t, _, _ in ENUM_CASES]
)
def test_enumeration_read_from_prose(
    text: str, claim_items: list[str], items: list[str] | None
) -> None:
    r = read_enumeration(text, claim_items)
    if items is None:
        assert r is None, r
        return
    assert r is not None and r.kind == "set"
    assert list(r.items) == items
    start, end = r.span
    assert text[start:end] == r.text
    assert r.text.startswith(items[0]) and r.text.endswith(items[-1])


NAMES = st.sampled_from(
    [
        "Kazakhstan",
        "Kyrgyzstan",
        "Tajikistan",
        "Turkmenistan",
        "Uzbekistan",
        "Mongolia",
        "poverty reduction",
        "desertification control",
        "trade facilitation",
        "green hydrogen production projects",
    ]
)


@given(
    items=st.lists(NAMES, min_size=2, max_size=5, unique=True),
    style=st.sampled_from(["and", "oxford", "colon"]),
    guided=st.booleans(),
)
def test_any_written_list_is_read_back(items: list[str], style: str, guided: bool) -> None:
    if style == "colon":
        text = f"Signatories of the Dorka-22 agreement: {', '.join(items)}."
    else:
        comma = "," if style == "oxford" and len(items) > 2 else ""
        text = f"The agreement was signed by {', '.join(items[:-1])}{comma} and {items[-1]}."
    r = read_enumeration(text, items if guided else [])
    assert r is not None and list(r.items) == items


def test_a_claim_kind_asks_for_status_and_set_readings_only() -> None:
    text = "The Sanabtal-89 agreement was signed by Kazakhstan, Kyrgyzstan and Tajikistan."
    (as_set,) = kind_readings(text, "set", C3)
    (as_status,) = kind_readings(text, "status")
    assert as_set.items == tuple(C3) and as_status.label == "agreed"
    assert kind_readings(text, "money") == [] and kind_readings(text, None) == []
    reading, why = choose_reading(kind_readings("signed by Kazakhstan", "set", C3), "set", None)
    assert reading is None and "quote holds no set value" in why


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # a headline in capitals with the dotted capital I (Turkish, Azerbaijani, Kazakh Latin)
        ("THE LİNE İS İN OPERATİON", "THE LINE IS IN OPERATION"),
        ("İMPLEMENTATİON PHASE", "IMPLEMENTATION PHASE"),
        ("THE PİPELİNE İS OPERATİONAL", "THE PIPELINE IS OPERATIONAL"),
    ],
)
def test_dotted_capital_i_reads_as_the_plain_letter_does(text: str, plain: str) -> None:
    # re.IGNORECASE matches İ to i; the test that skips a phrase must not lose it ("İ" lowers
    # to "i" and a combining dot)
    expected = status_reading(plain)
    got = status_reading(text)
    assert expected is not None and got is not None
    assert (got.label, got.interval) == (expected.label, expected.interval)
