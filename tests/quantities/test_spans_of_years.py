"""Decades, centuries and millennia are spans of years, never pint's logarithmic decade."""

import pytest

from cca_claims.quantities import read_values

YEAR_SECONDS = 365.25 * 86400


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("three decades of engagement", 30),
        ("three millennia of shared history", 3000),
        ("two centuries", 200),
    ],
)
def test_span_words_read_as_durations(text, years):
    (reading,) = [r for r in read_values(text) if r.kind == "quantity"]
    assert reading.unit == "second"
    assert reading.interval.contains_value(years * YEAR_SECONDS)
