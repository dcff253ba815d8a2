"""Table-driven reading of news-style phrases: each phrase's value, unit and interval bounds."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from cca_claims.quantities import read_values

TABLE = yaml.safe_load((Path(__file__).parent / "phrases.yaml").read_text(encoding="utf-8"))
ROWS = TABLE["phrases"]


def test_table_is_large_enough():
    assert len(ROWS) >= 150


@pytest.mark.parametrize("row", ROWS, ids=[r["phrase"] for r in ROWS])
def test_phrase(row):
    readings = [r for r in read_values(row["phrase"]) if r.kind == row["kind"]]
    assert len(readings) == 1, [r.text for r in read_values(row["phrase"])]
    r = readings[0]
    assert r.unit == row["unit"]
    low = -math.inf if row["low"] is None and False else row["low"]
    high = math.inf if row["high"] is None else row["high"]
    assert math.isclose(r.interval.low, low, rel_tol=1e-9, abs_tol=1e-9), r.interval
    assert math.isclose(r.interval.high, high, rel_tol=1e-9) or r.interval.high == high, r.interval
    assert r.interval.low_closed == row["low_closed"]
    assert r.interval.high_closed == row["high_closed"]
