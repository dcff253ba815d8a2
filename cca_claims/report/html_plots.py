"""Pictures for the HTML report, as inline SVG and HTML strings (no script, no network).

- `interval_plot`: for a numeric claim, each source's interval and the claim's value as bars on
  one axis (in the canonical unit), the overlap of all of them shaded (or, when they do not all
  overlap, what each agreeing group allows), infinite bounds drawn to the edge with an arrow;
- the same plot on a date axis is the **timeline** of a date claim (a day is drawn one day wide);
- `set_table`: for a set claim, which source names which item (items matched as the rules match
  them, so "poverty alleviation" sits on the row of "poverty reduction" when they match).

Every bar is an `<rect class="bar …">` with a `<title>` (the tooltip) and a `data-label`, so a
browser test can count them. All text is escaped by the caller's `esc`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from cca_claims.interval import Interval
from cca_claims.model import ClaimResult, Reading
from cca_claims.quantities.labels import match_sets
from cca_claims.report.common import conversion_texts, reading_text

NUMERIC = ("money", "quantity", "count", "percent")
WIDTH, LABEL_W, ROW_H, TOP, AXIS_H = 820, 240, 24, 8, 30
POINT_W = 8  # the width of a bar for a single value


@dataclass(frozen=True)
class Row:
    """One bar: whose reading, its interval, and how it stands to the claim's value."""

    label: str
    interval: Interval
    role: str  # claim | agrees | differs | source
    value: str  # the value as written
    normalized: str
    converted: bool = False
    deprecated: bool = False


def plot_rows(result: ClaimResult) -> list[Row]:
    """The claim's value and each evidence reading comparable with it, as plot rows."""
    kind = result.kind
    if kind not in (*NUMERIC, "date"):
        return []
    claim = result.claim_reading
    unit = claim.unit if claim is not None and claim.interval is not None else None
    marks: dict[int, str] = {}
    for group in result.reconciled:
        if group.agrees_with_claim is not None:
            for index in group.evidence:
                marks[index] = "agrees" if group.agrees_with_claim else "differs"
    rows: list[Row] = []
    if claim is not None and claim.interval is not None and claim.kind == kind:
        rows.append(Row("claim value", claim.interval, "claim", claim.text, reading_text(claim)))
    for ev in result.evidence:
        r = ev.reading
        if r is None or r.interval is None or r.kind != kind:
            continue
        if unit is None:
            unit = r.unit
        # never on one axis with another unit; counts of different nouns ("4 platforms", "4
        # centres") are compared by the rules, so they share the axis
        if r.unit != unit and not (kind == "count" and unit.startswith("count:")):
            continue
        where = ev.evidence.source
        if ev.anchor.anchor is not None:
            where += f":{ev.anchor.anchor.line}"
        rows.append(
            Row(
                where,
                r.interval,
                marks.get(ev.evidence.index, "source"),
                r.text,
                reading_text(r),
                converted=any(c.kind in ("fx", "unit") for c in r.conversions),
                deprecated=ev.evidence.rank == "deprecated",
            )
        )
    return rows


def interval_plot(result: ClaimResult, esc: Callable[[str], str]) -> str:
    """An SVG of the claim's and its sources' intervals on one axis ("" when nothing to draw)."""
    rows = plot_rows(result)
    if not rows:
        return ""
    dates = result.kind == "date"
    # a date interval [d1, d2] covers whole days: draw it to the end of d2
    spans = [(r.interval.low, r.interval.high + (1 if dates else 0)) for r in rows]
    finite = [x for span in spans for x in span if math.isfinite(x)]
    if not finite:
        return ""
    lo, hi = min(finite), max(finite)
    if hi <= lo:
        pad = 1.0 if dates else max(abs(lo) * 0.05, 1.0)
        lo, hi = lo - pad, hi + pad
    pad = (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    plot_w = WIDTH - LABEL_W - 16
    height = TOP + ROW_H * len(rows) + AXIS_H

    def x(v: float) -> float:
        v = min(max(v, lo), hi)
        return LABEL_W + (v - lo) / (hi - lo) * plot_w

    unit = _unit_name(rows, result)
    title = "Timeline" if dates else f"Intervals ({unit})"
    out = [
        f'<svg class="plot {"timeline" if dates else "intervals"}" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{esc(title)}</title>",
    ]
    # the shaded overlap: what every bar allows, else what each agreeing group allows
    overlap = _overlap([r.interval for r in rows])
    shades = [overlap] if overlap is not None else _group_shades(result, rows)
    for shade in shades:
        s_lo, s_hi = shade.low, shade.high + (1 if dates else 0)
        x0, x1 = x(s_lo), x(s_hi)
        cls = "overlap" if overlap is not None else "overlap group"
        out.append(
            f'<rect class="{cls}" x="{x0:.1f}" y="{TOP - 4}" width="{max(x1 - x0, 2):.1f}" '
            f'height="{ROW_H * len(rows) + 4}"><title>'
            f"{esc('all overlap here' if overlap is not None else 'one group agrees here')}"
            "</title></rect>"
        )
    for i, (row, (a, b)) in enumerate(zip(rows, spans, strict=True)):
        y = TOP + i * ROW_H
        label = row.label + (" *" if row.converted else "")
        out.append(
            f'<text class="label" x="{LABEL_W - 8}" y="{y + ROW_H * 0.65:.1f}" '
            f'text-anchor="end">{esc(_clip(label, 34))}</text>'
        )
        x0, x1 = x(a), x(b)
        if x1 - x0 < POINT_W:  # an exact figure (a count, a day far out) is a visible mark
            mid = (x0 + x1) / 2
            x0, x1 = mid - POINT_W / 2, mid + POINT_W / 2
        cls = f"bar {row.role}" + (" deprecated" if row.deprecated else "")
        out.append(
            f'<rect class="{cls}" data-label="{esc(row.label)}" x="{x0:.1f}" y="{y + 5}" '
            f'width="{x1 - x0:.1f}" height="{ROW_H - 10}" rx="2">'
            f"<title>{esc(row.label)}: {esc(row.value or '')} = {esc(row.normalized)}</title></rect>"
        )
        if math.isinf(a) and a < 0:
            out.append(_arrow(x0, y + ROW_H / 2, left=True))
        if math.isinf(b) and b > 0:
            out.append(_arrow(x1, y + ROW_H / 2, left=False))
    axis_y = TOP + ROW_H * len(rows) + 4
    out.append(
        f'<line class="axis" x1="{LABEL_W}" y1="{axis_y}" x2="{LABEL_W + plot_w}" y2="{axis_y}"/>'
    )
    for tick in _ticks(lo, hi, dates):
        tx = x(tick)
        out.append(
            f'<line class="tick" x1="{tx:.1f}" y1="{axis_y}" x2="{tx:.1f}" y2="{axis_y + 4}"/>'
            f'<text class="tick-label" x="{tx:.1f}" y="{axis_y + 16}" text-anchor="middle">'
            f"{esc(_tick_text(tick, dates))}</text>"
        )
    out.append("</svg>")
    return "".join(out)


def conversion_notes(result: ClaimResult) -> list[tuple[str, str]]:
    """(who, how) for each reading on the plot that was converted to the axis's unit."""
    notes = []
    claim = result.claim_reading
    if claim is not None:
        notes.extend(("claim value", line) for line in conversion_texts(claim))
    for ev in result.evidence:
        r = ev.reading
        if r is None or r.kind != result.kind:
            continue
        notes.extend((ev.evidence.source, line) for line in conversion_texts(r))
    return notes


def set_table(result: ClaimResult, esc: Callable[[str], str]) -> str:
    """A table: one row per item, one column per side (claim value, each source)."""
    sides: list[tuple[str, tuple[str, ...]]] = []
    claim = result.claim_reading
    if claim is not None and claim.kind == "set" and claim.items:
        sides.append(("claim value", claim.items))
    for ev in result.evidence:
        r = ev.reading
        if r is not None and r.kind == "set" and r.items:
            where = ev.evidence.source
            if ev.anchor.anchor is not None:
                where += f":{ev.anchor.anchor.line}"
            sides.append((where, r.items))
    if len(sides) < 1:
        return ""
    # rows: the first side's items, then each side's items that match none of the rows yet
    rows: list[str] = []
    cells: list[dict[int, str]] = []
    for column, (_, items) in enumerate(sides):
        pairs, _, extra = match_sets(rows, list(items)) if rows else ([], [], list(items))
        for row_item, item in pairs:
            cells[rows.index(row_item)][column] = item
        for item in extra:
            rows.append(item)
            cells.append({column: item})
    head = "".join(f"<th>{esc(name)}</th>" for name, _ in sides)
    body = []
    for row, named in zip(rows, cells, strict=True):
        tds = []
        for column in range(len(sides)):
            item = named.get(column)
            if item is None:
                tds.append('<td class="lacks">\u2014</td>')
            else:
                tds.append(f'<td class="names">\u2713 {esc(item)}</td>')
        missing = " partial" if len(named) < len(sides) else ""
        body.append(f'<tr class="item{missing}"><th>{esc(row)}</th>{"".join(tds)}</tr>')
    return (
        '<table class="set-table"><thead><tr><th>item</th>'
        f"{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


# ----------------------------------------------------------------------------- helpers
def _overlap(intervals: list[Interval]) -> Interval | None:
    joint: Interval | None = intervals[0]
    for iv in intervals[1:]:
        joint = joint.intersection(iv) if joint is not None else None
    return joint


def _group_shades(result: ClaimResult, rows: list[Row]) -> list[Interval]:
    unit_ok = [g for g in result.reconciled if g.interval is not None and len(g.evidence) > 1]
    return [g.interval for g in unit_ok if g.interval is not None]


def _arrow(px: float, py: float, *, left: bool) -> str:
    d = -7 if left else 7
    return (
        f'<path class="arrow" d="M{px:.1f},{py - 5:.1f} L{px + d:.1f},{py:.1f} '
        f'L{px:.1f},{py + 5:.1f} Z"/>'
    )


def _ticks(lo: float, hi: float, dates: bool) -> list[float]:
    """About five round ticks between lo and hi."""
    span = hi - lo
    if span <= 0 or not math.isfinite(span):
        return []
    raw = span / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if dates:
        step = max(1.0, round(step))
    first = math.ceil(lo / step) * step
    ticks = []
    t = first
    while t <= hi and len(ticks) < 12:
        ticks.append(t)
        t += step
    return ticks


def _tick_text(v: float, dates: bool) -> str:
    if dates:
        try:
            return dt.date.fromordinal(int(round(v))).isoformat()
        except (ValueError, OverflowError):
            return ""
    for scale, word in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= scale:
            return f"{v / scale:.4g}{word}"
    return f"{v:.4g}"


def _unit_name(rows: list[Row], result: ClaimResult) -> str:
    reading: Reading | None = result.claim_reading
    if reading is None or reading.interval is None:
        reading = next((e.reading for e in result.evidence if e.reading is not None), None)
    unit = reading.unit if reading is not None else ""
    return unit.split(":", 1)[1] + "s" if unit.startswith("count:") else unit


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"
