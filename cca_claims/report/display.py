"""How readings look to people and in JSON: `format_reading`, `short_value`, `reading_to_json`."""

from __future__ import annotations

import datetime as dt
import math

from cca_claims.model import Reading

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CNY": "¥"}
_SCALES = ((1e12, "T", "trillion"), (1e9, "B", "billion"), (1e6, "M", "million"))


def _num(x: float) -> str:
    """A number for people: 94.82e9 -> '94.82 billion', 3300 -> '3,300'."""
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return _scaled(x, compact=False)


def _compact(x: float) -> str:
    """A short number: 94.82e9 -> '94.82B'."""
    return _scaled(x, compact=True)


def _scaled(x: float, *, compact: bool) -> str:
    for scale, letter, word in _SCALES:
        if abs(x) >= scale:
            return f"{x / scale:.6g}{letter}" if compact else f"{x / scale:,.6g} {word}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:.6g}" if compact else f"{x:,.6g}"


def _day(x: float) -> str:
    if math.isinf(x):
        return "..."
    try:
        return dt.date.fromordinal(int(x)).isoformat()
    except (ValueError, OverflowError):
        return str(x)


def _date_text(r: Reading) -> str:
    iv = r.interval
    if iv is None:
        return r.text
    if iv.low == iv.high:
        return _day(iv.low)
    return f"{_day(iv.low)}..{_day(iv.high)}"


def _not_a_number(r: Reading) -> str | None:
    """How a date, a set, a label or a status reads (the same long and short); None otherwise."""
    if r.kind == "date":
        return _date_text(r)
    if r.kind == "set":
        return "{" + ", ".join(r.items) + "}"
    if r.kind in ("label", "status"):
        return r.label
    return None


def short_value(r: Reading) -> str:
    """A compact form for messages: '$94.82B', '24 agreement', '35%', '2025-06-17'."""
    text = _not_a_number(r)
    if text is not None:
        return text
    number = r.number if r.number is not None else (r.interval.mid if r.interval else math.nan)
    prefix = {"gt": ">", "ge": "≥", "lt": "<", "le": "≤"}.get(_qual_kind(r.qualifier), "")
    if r.qualifier in ("around", "about", "approximately", "some", "roughly"):
        prefix = "~"
    if r.kind == "money":
        code = r.written_unit or r.unit
        sym = _SYMBOLS.get(code)
        body = f"{sym}{_compact(number)}" if sym else f"{_compact(number)} {code}"
    elif r.kind == "percent":
        body = f"{_compact(number)}%"
    elif r.kind == "count":
        noun = r.unit.split(":", 1)[1] if ":" in r.unit else ""
        body = f"{_compact(number)} {noun}".strip()
    else:
        body = f"{_compact(number)} {r.written_unit}".strip()
    if r.qualifier in ("-", "–", "to", "between") and r.interval is not None and r.native:
        body = f"{_compact(r.native.low)}–{body}"
    return prefix + body


def _qual_kind(q: str) -> str:
    from cca_claims.quantities.lexicon import POSTFIX_QUALIFIERS, PREFIX_QUALIFIERS

    return PREFIX_QUALIFIERS.get(q) or POSTFIX_QUALIFIERS.get(q, "")


def normalized(r: Reading) -> str:
    """The normalized value in its canonical unit: '(94.8 billion, inf) USD'."""
    text = _not_a_number(r)
    if text is not None:
        return text
    if r.interval is None:
        return r.text
    return f"{r.interval.notation(_num)} {r.unit}".strip()


def format_reading(r: Reading) -> str:
    """One line for people: the value as written, what it means, and how it was converted."""
    parts = [f"{r.kind}: {normalized(r)}"]
    if r.text:
        parts.append(f'from "{r.text}"')
    if r.qualifier:
        parts.append(f"qualifier '{r.qualifier}'")
    if r.native is not None and r.unit != (r.written_unit or r.unit):
        parts.append(f"written {r.native.notation(_num)} {r.written_unit}")
    for c in r.conversions:
        if c.kind == "fx":
            parts.append(
                f"FX {c.from_unit}->{c.to_unit} {c.factor.notation(lambda x: f'{x:.6g}')} "
                f"over {c.date_from}..{c.date_to} ({c.source})"
            )
    if r.period is not None:
        parts.append(f"period {_day(r.period.low)}..{_day(r.period.high)}")
    text = "; ".join(parts)
    if r.notes:
        text += " [" + "; ".join(r.notes) + "]"
    return text


def reading_to_json(r: Reading) -> dict:
    """A JSON-ready dict of a reading (for `cca-claims parse --format json` and reports).

    Date intervals are ISO days (closed: first and last day); every other interval is numbers
    in the reading's canonical `unit`. `written_unit` is the unit or currency as the passage
    wrote it; `currency` is the ISO code of the written currency.
    """
    iso = None
    if r.kind == "money":
        fx = next((c for c in r.conversions if c.kind == "fx"), None)
        iso = fx.from_unit if fx is not None else (r.unit if len(r.unit) == 3 else None)
    interval_json = date_interval_json if r.kind == "date" else _interval_json
    return {
        "kind": r.kind,
        "text": r.text,
        "span": {"start": r.span[0], "end": r.span[1]} if r.span else None,
        "number": r.number,
        "interval": interval_json(r.interval),
        "unit": r.unit,
        "written_unit": (r.written_currency or r.written_unit)
        if r.kind == "money"
        else r.written_unit,
        "currency": iso,
        "native": r.native.to_json() if r.native is not None else None,
        "qualifier": r.qualifier,
        "granularity": r.granularity,
        "items": list(r.items),
        "label": r.label,
        "period": (
            {"from": _day(r.period.low), "to": _day(r.period.high)}
            if r.period is not None
            else None
        ),
        "exact_figure": r.exact_figure,
        "normalized": normalized(r),
        "conversions": [c.to_json() for c in r.conversions],
        "notes": list(r.notes),
    }


def _interval_json(interval) -> dict | None:
    return interval.to_json() if interval is not None else None


def date_interval_json(interval) -> dict | None:
    """A day interval as ISO dates: closed bounds are the first and last day; an open bound
    (after/before a day) says so with its inclusive flag; an unbounded side is null."""
    if interval is None:
        return None

    def iso(x: float) -> str | None:
        if math.isinf(x):
            return None
        try:
            return dt.date.fromordinal(int(x)).isoformat()
        except (ValueError, OverflowError):
            return None

    return {
        "low": iso(interval.low),
        "high": iso(interval.high),
        "low_inclusive": interval.low_closed and not math.isinf(interval.low),
        "high_inclusive": interval.high_closed and not math.isinf(interval.high),
    }
