"""Names read from a quote (`read_label`), accepted variants, and likely typos."""

from __future__ import annotations

import pytest

from cca_claims.quantities.labels import accept_variant, label_reading, read_label, typos

TREATY = "Treaty on Eternal Good-Neighborliness, Friendship and Cooperation"


def test_a_name_stops_at_a_clause_break() -> None:
    reading = read_label(
        "Among the agreements: A Treaty on Permanent Good-Neighborliness; a plan.", [TREATY]
    )
    assert reading is not None and reading.label == "Treaty on Permanent Good-Neighborliness"


def test_a_quote_that_names_nothing_like_the_value_holds_no_name() -> None:
    assert read_label("Trade reached $94.8 billion in 2024.", [TREATY]) is None
    assert read_label("", [TREATY]) is None
    assert read_label("The treaty was signed.", []) is None


def test_the_closest_of_value_and_aliases_is_read() -> None:
    alias = "Treaty of Permanent Good-Neighborliness and Friendly Cooperation"
    quote = "the six countries signed the Treaty of Permanent Good-Neighborliness and Friendly Cooperation at the summit"
    reading = read_label(quote, [TREATY, alias])
    assert reading is not None and reading.label == alias
    accepted = accept_variant(reading, TREATY, [alias])
    assert accepted.label == TREATY and accepted.notes
    # not an alias: left as read
    other = label_reading("Treaty of Eternal Friendship")
    assert accept_variant(other, TREATY, [alias]) is other


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Treaty on External Good-Neighborliness", TREATY, [("external", "eternal")]),
        ("Traety on Eternal Good-Neighborliness", TREATY, [("traety", "treaty")]),  # a swap
        ("Treaty on Eternal Good-Neighbourliness", TREATY, []),  # British spelling
        ("Treaty on Permanent Good-Neighborliness", TREATY, []),  # another word, not a typo
        ("Educational exchange centre", "Education exchange center", []),  # word forms
        ("Astana Declaration 2024", "Astana Declaration 2025", []),  # another year
    ],
)
def test_typos(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert typos(a, b) == expected
