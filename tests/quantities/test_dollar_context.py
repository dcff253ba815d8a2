"""A letter before "$" is a word, not a currency prefix (A$, S$, HK$ need no space)."""

import pytest

from cca_claims.quantities import read_values


@pytest.mark.parametrize(
    "text",
    [
        "including a $1B loan to Kazakhstan",
        "China Development Bank’s $1B loan to Kazakhstan’s DBK",
        "Bank's $1B loan",
        "it was $1B",
    ],
)
def test_dollar_after_a_word_is_us_dollars(text):
    (money,) = [r for r in read_values(text) if r.kind == "money"]
    assert money.written_unit == "USD"
    assert money.interval.low == pytest.approx(0.95e9) and money.interval.high == pytest.approx(
        1.05e9
    )


@pytest.mark.parametrize(
    ("text", "code"), [("A$1B", "AUD"), ("S$5 million", "SGD"), ("HK$3bn", "HKD")]
)
def test_glued_prefixes_name_their_dollar(text, code):
    (money,) = [r for r in read_values(text) if r.kind == "money"]
    assert money.written_unit == code
