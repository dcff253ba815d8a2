"""Which value a quote means, and whether an explicit value appears in its quote."""

from __future__ import annotations

import math
from collections.abc import Sequence

from cca_claims.interval import Interval
from cca_claims.model import Reading


def _is_bare(r: Reading) -> bool:
    return r.kind == "count" and r.unit == "count"


def _dedupe(readings: list[Reading]) -> list[Reading]:
    seen, out = set(), []
    for r in readings:
        key = (r.kind, r.unit, r.interval, r.items, r.label)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def kind_readings(text: str, kind: str | None, items: Sequence[str] = ()) -> list[Reading]:
    """Values a quote states only in words, read when the claim's kind asks for them.

    The general reader (`read_values`) reads figures and dates, which any passage may state. A
    project status ("work on the line is suspended") or an enumeration read as a set ("signed by
    Kazakhstan, Kyrgyzstan and Tajikistan") is only a value when the claim is about one, so these
    are read here for a claim of kind "status" or "set". `items` are the claim's own items, which
    pick the enumeration and settle its item boundaries (`enumerations.read_enumeration`).
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        if kind == "status":
            from cca_claims.quantities.statuses import status_reading

            found = status_reading(text)
        elif kind == "set":
            from cca_claims.quantities.enumerations import read_enumeration

            found = read_enumeration(text, items)
        elif kind == "label":
            from cca_claims.quantities.labels import read_label

            found = read_label(text, items)  # where the quote names the claim's value
        else:
            return []
    except Exception:  # noqa: BLE001 - a reader must never break a check run
        return []
    return [found] if found is not None else []


def choose_reading(
    candidates: list[Reading], kind: str | None, period: Interval | None
) -> tuple[Reading | None, str]:
    """Pick the value a quote means.

    The one whose kind fits `kind` (when given) and whose `period` overlaps `period` (when both
    are known). Returns (reading, "") or (None, a one-sentence problem), e.g.
    "quote holds 2 candidate values ($94.82B, $89.4B): set `value:` or narrow the quote".
    """
    from cca_claims.display import short_value

    if kind:
        pool = [c for c in candidates if c.kind == kind]
    else:
        pool = [c for c in candidates if c.kind != "date"] or list(candidates)
    if kind in (None, "count") and any(not _is_bare(c) for c in pool):
        pool = [c for c in pool if not _is_bare(c)]
    if period is not None and len(pool) > 1:
        dated = [c for c in pool if c.period is not None]
        fitting = [c for c in dated if c.period.overlaps(period)]
        if fitting:
            pool = fitting
        elif dated:
            pool = [c for c in pool if c.period is None]
            if not pool:
                return None, (
                    f"no {kind or ''} value in the quote refers to the claim's period".replace(
                        "  ", " "
                    )
                )
    pool = _dedupe(pool)
    if len(pool) == 1:
        return pool[0], ""
    if not pool:
        what = f"{kind} value" if kind else "value"
        return None, f"quote holds no {what}: set `value:` or check the quote"
    listed = ", ".join(short_value(c) for c in pool[:5]) + (", ..." if len(pool) > 5 else "")
    return None, (
        f"quote holds {len(pool)} candidate values ({listed}): set `value:` or narrow the quote"
    )


def _comparable(r: Reading) -> tuple[str, float] | None:
    """(unit key, figure in a common unit) for comparing a value with a quote's readings."""
    if r.number is None:
        return None
    if r.kind == "money":
        return (f"money:{r.written_unit.upper()}", r.number)
    if r.kind == "quantity":
        for conv in r.conversions:
            if conv.kind == "unit":
                try:
                    from cca_claims.quantities.units import to_base

                    return (f"quantity:{r.unit}", to_base(r.number, conv.from_unit))
                except Exception:
                    return None
        return (f"quantity:{r.unit}", r.number)
    if r.kind == "count":
        return (r.unit, r.number)
    if r.kind == "percent":
        return ("percent", r.number)
    return None


def value_in_quote(value: Reading, quote_readings: list[Reading]) -> bool:
    """Whether an explicit value appears in the quote, allowing for formatting.

    "$94.82 billion" matches `94.82e9 USD`, "24 bilateral agreements" matches `24 agreements`,
    "June 17, 2025" matches `2025-06-17`. A different figure does not match.
    """
    if value.kind in ("set", "label", "status"):
        return any(q.kind == value.kind for q in quote_readings)
    if value.kind == "date":
        return any(
            q.kind == "date"
            and q.interval is not None
            and value.interval is not None
            and q.interval == value.interval
            for q in quote_readings
        )
    mine = _comparable(value)
    if mine is None:
        return False
    for q in quote_readings:
        if q.kind != value.kind:
            continue
        theirs = _comparable(q)
        if theirs is None:
            continue
        same_unit = theirs[0] == mine[0] or (
            value.kind == "count" and "count" in (value.unit, q.unit)
        )
        if same_unit and math.isclose(theirs[1], mine[1], rel_tol=1e-6, abs_tol=1e-12):
            return True
    return False
