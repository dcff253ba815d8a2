"""Turning an assembled value expression into a `Reading`: its kind, unit, interval and notes.

The reader's `make_readings` pass: a plain function of the expression, the tokens it was
assembled from, the text and the read context.
"""

from __future__ import annotations

from collections.abc import Sequence

import cca_claims.quantities.units as un
from cca_claims.interval import INF, Interval
from cca_claims.model import Conversion, Reading
from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.datacues import temperature_context
from cca_claims.quantities.expression import Expr as _Expr
from cca_claims.quantities.tokens import Token


def to_reading(e: _Expr, toks: Sequence[Token], text: str, ctx: ReadContext) -> Reading | None:
    """The `Reading` for an expression (money, percent, quantity or count), or None for a
    bare year the date reader did not take."""
    fig = e.fig
    v = -fig.value if e.negative else fig.value
    bare = not (e.currency or e.unit_expr or e.percent or e.noun)
    if bare and e.qual == "" and fig.integer and not e.negative:
        digits = toks[fig.first].text
        if fig.first == fig.last and len(digits) == 4 and 1000 <= fig.value <= 2199:
            return None  # a year the date reader did not take is still not a count
    exact = fig.integer and fig.magnitude == 1 and not e.currency and not e.unit_expr
    exact = exact and not e.percent or fig.words and not e.unit_expr and not e.currency
    interval = _interval(e, v, exact, ctx)
    start, end = toks[e.first].start, toks[e.last].end
    notes = list(e.notes)
    base = dict(
        text=text[start:end],
        span=(start, end),
        number=v,
        qualifier=e.qual_text,
        exact_figure=exact,
    )
    if e.currency:
        native = interval.scale(e.share) if e.share != 1 else interval
        unit = e.iso or f"currency:{e.currency.lower()}"
        if e.iso is None and not any("not converted" in n for n in notes):
            notes.append(f"currency '{e.currency}' has no known ISO code: not converted")
        return Reading(
            kind="money",
            unit=unit,
            interval=native,
            native=native,
            written_unit=e.iso or e.currency,
            written_currency=e.currency,
            notes=tuple(notes),
            **base,
        )
    if e.percent:
        return Reading(
            kind="percent",
            unit="percent",
            interval=interval,
            written_unit="%",
            notes=tuple(notes),
            **base,
        )
    if e.unit_expr == "degree" and temperature_context(text, start):
        # "the temperature is 24 degrees": a temperature whose scale is not written
        notes.append("degrees of temperature, scale not written: not converted")
        return Reading(
            kind="quantity",
            unit="temperature:degree",
            interval=interval,
            native=interval,
            written_unit=e.unit_text,
            notes=tuple(notes),
            **base,
        )
    if e.unit_expr:
        try:
            factor, base_unit, offset = un.base_of(e.unit_expr)
            lo = un.to_base(interval.low, e.unit_expr)
            hi = un.to_base(interval.high, e.unit_expr)
        except Exception:  # pint could not place it: say so, never a bare number
            notes.append(f"unit '{e.unit_text}' not known to pint: not converted")
            return Reading(
                kind="quantity",
                unit=f"unit:{e.unit_text}",
                interval=interval,
                native=interval,
                written_unit=e.unit_text,
                notes=tuple(notes),
                **base,
            )
        conv = Conversion(
            "unit",
            e.unit_expr,
            base_unit,
            Interval.point(1.0 if offset else factor),
            note="offset unit: bounds converted one by one" if offset else "",
        )
        return Reading(
            kind="quantity",
            unit=base_unit,
            interval=Interval(min(lo, hi), max(lo, hi), interval.low_closed, interval.high_closed),
            native=interval,
            written_unit=e.unit_text,
            conversions=(conv,),
            notes=tuple(notes),
            **base,
        )
    if e.noun:
        return Reading(
            kind="count",
            unit=f"count:{e.noun}",
            interval=interval,
            written_unit=e.noun_text,
            notes=tuple(notes),
            **base,
        )
    notes.append("no counted noun after the figure")
    return Reading(kind="count", unit="count", interval=interval, notes=tuple(notes), **base)


def _interval(e: _Expr, v: float, exact: bool, ctx: ReadContext) -> Interval:
    """The interval a figure and its qualifier allow, in the written unit."""
    r = ctx.around
    if e.qual == "range" and e.low is not None:
        lo = -e.low.value if e.negative and False else e.low.value
        return Interval(lo, v, e.closed[0], e.closed[1])
    if e.qual == "gt":
        return Interval(v, INF, False, False)
    if e.qual == "ge":
        return Interval(v, INF, True, False)
    if e.qual in ("lt", "le"):
        floor = 0.0 if v > 0 else -INF
        return Interval(floor, v, floor == 0.0, e.qual == "le")
    if e.qual == "nearly":
        n = ctx.nearly
        return Interval(min(v * (1 - n), v), max(v * (1 - n), v), True, False)
    half = 0.0 if exact else min(e.fig.half_unit, abs(v) * ctx.precision_cap)
    if not exact and e.fig.words and half == 0:
        # "half a trillion cubic metres" is a round figure, as loose as its words: the cap
        half = abs(v) * ctx.precision_cap
    if e.qual == "around":
        band = Interval.around(v, r)
        return band.hull(Interval(v - half, v + half)) if half else band
    if half == 0:
        return Interval.point(v)
    return Interval(v - half, v + half, True, False)
