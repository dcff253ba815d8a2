"""Shared scoring for the real-passage tests of the value reader in other languages.

A case is a passage of real public reporting (with its address and date) and the figures an
editor reads in it, written down before the reader was run on it. An expected figure is found by
its text in the passage: the reading whose span overlaps that text must have the expected kind,
unit, figure (magnitude applied, in the written unit) and, where given, qualifier shape.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from cca_claims.quantities import ReadContext, read_values
from cca_claims.report.display import format_reading


@dataclass(frozen=True)
class Expect:
    """One figure an editor reads in a passage.

    unit: the ISO code for money, the canonical unit for quantities ("meter", "meter ** 3",
    "kilogram"), "count:<noun>" or "count" (any noun) for counts, "percent"; for dates, the
    days as "YYYY-MM-DD..YYYY-MM-DD". number: the figure with its magnitude, in the written
    currency for money and in the canonical unit for quantities (1833 km: 1833e3). shape: "" (a written figure), "gt", "ge", "lt", "le",
    "around", "nearly" or "range" (then `low` is the lower end).
    """

    text: str
    kind: str
    unit: str
    number: float = 0.0
    shape: str = ""
    low: float | None = None


@dataclass(frozen=True)
class Case:
    url: str
    published: str  # the source's date: relative dates resolve against it
    passage: str
    expected: tuple[Expect, ...] = field(default_factory=tuple)
    language: str = ""


def _day(x: float) -> str:
    return dt.date.fromordinal(int(x)).isoformat()


def _shape_ok(e: Expect, r) -> bool:
    # money in its written currency; quantities in their canonical unit
    iv = r.native if r.kind == "money" else r.interval
    if iv is None:
        return False
    n = e.number
    if e.shape == "gt":
        return math.isinf(iv.high) and math.isclose(iv.low, n) and not iv.low_closed
    if e.shape == "ge":
        return math.isinf(iv.high) and math.isclose(iv.low, n) and iv.low_closed
    if e.shape in ("lt", "le"):
        return iv.low == 0 and math.isclose(iv.high, n)
    if e.shape == "around":
        return iv.low < n * 0.99 and iv.high > n * 1.01
    if e.shape == "nearly":
        return math.isclose(iv.high, n) and iv.low < n * 0.99
    if e.shape == "range":
        return math.isclose(iv.low, e.low or 0.0) and math.isclose(iv.high, n)
    # a written figure: an interval around it, no wider than the reader's precision cap allows
    return iv.low <= n <= iv.high and iv.low >= n * 0.9 and iv.high <= n * 1.1


def matches(e: Expect, r) -> bool:
    """Whether reading `r` is the figure `e` describes."""
    if r.kind != e.kind:
        return False
    if e.kind == "date":
        return f"{_day(r.interval.low)}..{_day(r.interval.high)}" == e.unit
    if e.kind == "money":
        unit_ok = r.written_unit == e.unit
    elif e.kind == "count" and e.unit == "count":
        unit_ok = r.unit.startswith("count")
    else:
        unit_ok = r.unit == e.unit
    # a quantity's figure is checked through its interval, in the canonical unit
    number_ok = e.kind == "quantity" or (
        r.number is not None and math.isclose(r.number, e.number, rel_tol=1e-9)
    )
    return unit_ok and number_ok and _shape_ok(e, r)


def _find(passage: str, text: str) -> int:
    """Where `text` first stands on its own: "7%" is not the end of "17%"."""
    at = passage.index(text)
    while at > 0 and (passage[at - 1].isdigit() or passage[at - 1] in ",.") and text[0].isdigit():
        at = passage.index(text, at + 1)
    return at


def check(case: Case) -> list[tuple[Expect, bool, str]]:
    """(expected figure, read as expected, what was read there) for each figure of a case."""
    ctx = ReadContext(reference_date=dt.date.fromisoformat(case.published), language=case.language)
    readings = read_values(case.passage, ctx)
    out = []
    for e in case.expected:
        at = _find(case.passage, e.text)
        span = (at, at + len(e.text))
        there = [r for r in readings if r.span and r.span[0] < span[1] and r.span[1] > span[0]]
        ok = any(matches(e, r) for r in there)
        seen = "; ".join(f"{r.kind} {r.text!r} {format_reading(r)}" for r in there) or "nothing"
        out.append((e, ok, seen))
    return out


def score(cases: list[Case]) -> tuple[int, int, list[str]]:
    """(figures read as expected, figures expected, one line per miss)."""
    hits = total = 0
    misses = []
    for case in cases:
        for e, ok, seen in check(case):
            total += 1
            hits += ok
            if not ok:
                misses.append(f"{e.text!r} ({case.url}): expected {e}, read {seen}")
    return hits, total, misses
