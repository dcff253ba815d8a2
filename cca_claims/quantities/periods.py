"""Periods and FX for read values: the date each value refers to, and money converted to USD."""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from dataclasses import replace

import cca_claims.quantities.fx as fx
from cca_claims.interval import Interval
from cca_claims.model import Reading
from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.legs import conversion_legs

# A cut after ";", "—" or a line break, and after ".", "!" or "?" that ends the text or is
# followed by whitespace (\s is str.isspace for str patterns).
_CLAUSE_END = re.compile(r"[;—\n]|[.!?](?=\s|\Z)")
_SENTENCE_END = re.compile(r"\n|[.!?](?=\s|\Z)")


def _clause_bounds(text: str) -> list[int]:
    """Offsets where clauses end: sentence ends, semicolons and dashes between clauses."""
    return [0, *(m.end() for m in _CLAUSE_END.finditer(text)), len(text) + 1]


def _sentence_bounds(text: str) -> list[int]:
    return [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text) + 1]


def _segment(cuts: list[int], pos: int) -> int:
    return bisect.bisect_right(cuts, pos)


# Words that set a figure against another one ("up from", "compared with"): a date on the far
# side of the other figure belongs to that one.
_CONTRAST = re.compile(
    r"\b(?:from|than|compared|against|versus|vs\.?|whereas|while|previous|earlier)\b", re.I
)


# Words right before a date that make it the base a change is measured from, not the period of
# a figure: "compared with 2023", "than in 2023", "versus 2023 levels", "relative to 2023", and
# the Chinese "较2023年", "比2023年", "与2023年相比" (the English view writes "compared with
# 2023"). "up $5.4 billion from 2023": a change word earlier in the clause makes "from" one too
# (without it "from 2021" is a period, "since 2021").
_BASE_BEFORE = re.compile(
    r"\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|as\s+against|relative\s+to"
    r"|than(?:\s+(?:in|during|for|at|that\s+of))?|versus|vs\.?)\s+(?:the\s+)?(?:same\s+)?"
    r"(?:(?:period|levels?|figures?|months?)\s+(?:of|in)\s+)?$",
    re.I,
)
_CHANGE_FROM = re.compile(
    r"\b(?:up|down|higher|lower|more|less|increas\w*|decreas\w*|ris\w*|rose|gr[eo]w\w*"
    r"|fell|fall\w*|drop\w*|declin\w*|gain\w*|jump\w*|surg\w*|climb\w*)\b(?:[^.;:!?]|\.(?=\d)){0,40}?"
    r"\b(?P<word>from|over|on)\s+(?:the\s+)?$",
    re.I,
)
_RANGE_IN = re.compile(r"\b(?:to|until|till|through|and)\b|[-–—]", re.I)
_LEADING_FROM = re.compile(r"(?:from|over|since)\s+(?:the\s+)?", re.I)


def comparison_base(text: str, date: Reading) -> int | None:
    """Where the comparison starts when a date is its base ("compared with 2023", "较2023年",
    "up 5% from 2023"), else None: the figure of the change is not of this date's period."""
    if date.span is None:
        return None
    start = date.span[0]
    lead = _LEADING_FROM.match(text, start)  # the date reader took "from" into the phrase
    if lead:
        start = lead.end()
    low = max(0, start - 80)
    before = text[low:start]
    m = _BASE_BEFORE.search(before)
    if m:
        return low + m.start()
    # "rose from 2015 to 2020": a range after "from" is the period of the change
    if _RANGE_IN.search(date.text or ""):
        return None
    m = _CHANGE_FROM.search(before)
    return low + m.end() - len(m.group("word")) if m else None


# A figure that is the change measured against a base just before it: "较2023年增加54亿美元"
# ("compared with 2023 增加 5.4 billion"), "compared with 2023, exports grew by $5.4 billion".
# The text between holds a word of change and no other figure or clause end.
_CHANGE_AFTER_BASE = re.compile(
    r"[^\d.;:!?]{0,40}?(?:\b(?:increas\w*|decreas\w*|ris\w*|rose|gr[eo]w\w*|fell|fall\w*"
    r"|drop\w*|declin\w*|gain\w*|jump\w*|up|down|higher|lower|more|less)\b"
    r"|增加|增长|减少|下降|提高|上升|增|减|多|少)[^\d.;:!?]{0,20}"
)


def attach_periods(text: str, readings: list[Reading], dates: list[Reading]) -> list[Reading]:
    """Give each money/count/quantity/percent reading the date its clause ties it to.

    The nearest date of its clause (else its sentence), measured from the figure's edges, so in
    "$94.82 billion in 2024, up from $89.4 billion in 2023" each figure takes its own year. A
    date on the far side of another figure is out of reach when a contrast word stands between
    them ("In 2024, trade reached $94.82 billion, up from $89.4 billion": the $89.4 billion is
    not 2024's). The two legs of a written conversion ("312.04 billion yuan ($43.48 billion) in
    2013") share one period. The base of a comparison ("较2023年增加54亿美元", "rose by $5.4
    billion compared with 2023") is no figure's period: the change is of the period after it,
    which a figure without a period leaves open rather than wrong.
    """

    usable, bases = [], []
    for d in dates:
        if d.span is None or _as_period(d) is None:
            continue
        base = comparison_base(text, d)
        if base is None:
            usable.append(_as_period(d))
        else:
            bases.append((base, d.span[1]))
    if not usable:
        return readings
    bases.sort(key=lambda b: b[1])
    base_ends = [b[1] for b in bases]
    usable.sort(key=lambda d: d.span[0])
    date_starts = [d.span[0] for d in usable]
    figures = sorted(r.span for r in readings if r.kind != "date" and r.span is not None)
    figure_starts = [f[0] for f in figures]
    clauses, sentences = _clause_bounds(text), _sentence_bounds(text)
    out = []
    for r in readings:
        if r.kind == "date" or r.span is None:
            out.append(r)
            continue
        # only the nearest date on each side can be the one: a farther one lies beyond it
        k = bisect.bisect_left(date_starts, r.span[0])
        sides = [usable[i] for i in (k - 1, k) if 0 <= i < len(usable)]
        # the change right after a base ("较2023年增加54亿美元") is of the period before the base:
        # the comparison's own "compared" does not stand between them
        j = bisect.bisect_right(base_ends, r.span[0]) - 1
        compared = (
            bases[j]
            if j >= 0 and _CHANGE_AFTER_BASE.fullmatch(text, bases[j][1], r.span[0])
            else None
        )
        best = None
        for cuts in (clauses, sentences):
            seg = _segment(cuts, r.span[0])
            near = [
                d
                for d in sides
                if _segment(cuts, d.span[0]) == seg
                and _reachable(text, r.span, d.span, figures, figure_starts, compared)
            ]
            if near:
                best = min(near, key=lambda d: _closeness(text, r.span, d.span))
                break
        out.append(replace(r, period=best.interval) if best is not None else r)
    for i, j in conversion_legs(text, out):
        a, b = out[i], out[j]
        if a.period is None and b.period is not None:
            out[i] = replace(a, period=b.period)
        elif b.period is None and a.period is not None:
            out[j] = replace(b, period=a.period)
    return out


def _as_period(d: Reading) -> Reading | None:
    """A date as the period of a figure: its days, or the last day of "by the end of 2015"."""
    iv = d.interval
    if iv is None:
        return None
    if iv.is_bounded:
        return d
    if math.isfinite(iv.high) and not math.isfinite(iv.low):
        return replace(d, interval=Interval.point(iv.high))
    return None


# a figure's own date follows it: "$94.82 billion in 2024", "25 bcm by the end of 2015"
_LINK = re.compile(r"\s*,?\s*(?:in|for|during|as of|by|at|of|on)?\s*", re.IGNORECASE)


def _closeness(text: str, span: tuple[int, int], date: tuple[int, int]) -> tuple[int, int, int]:
    """Sort key: a date right after the figure first, then the nearer, then the later."""
    after = date[0] >= span[1]
    gap = date[0] - span[1] if after else span[0] - date[1]
    linked = after and _LINK.fullmatch(text, span[1], date[0]) is not None
    return (0 if linked else 1, gap, 0 if after else 1)


# between two figures of one list: brackets, commas, "and imports of", "or"
_CONNECTOR = re.compile(
    r"[\s,()\[\]]*(?:(?:and|or|as well as)\b(?:\s+[^\W\d_]+){0,3}[\s,()\[\]]*)?",
    re.IGNORECASE,
)


def _reachable(
    text: str,
    span: tuple[int, int],
    date: tuple[int, int],
    figures: list[tuple[int, int]],
    figure_starts: list[int],
    compared: tuple[int, int] | None = None,
) -> bool:
    """Whether a date may belong to a figure with other figures between them.

    A date after the figure reaches past others only through a list or a conversion ("exports of
    $5bn and imports of $6bn in 2024", "312.04 billion yuan ($43.48 billion) in 2013"), not past
    a new clause
    ("7 bcm per year, is expected to hit 25 bcm by the end of 2015"). A date before it reaches
    past others unless a contrast word stands between ("In 2024, ... $94.82 billion, up from
    $89.4 billion"), or only the comparison `compared` the figure is the change of ("In 2024 ...
    $94.8 billion, compared with 2023, up $5.4 billion").
    """
    lo, hi = (span[1], date[0]) if date[0] >= span[1] else (date[1], span[0])
    first = bisect.bisect_left(figure_starts, lo)
    between = figures[first : bisect.bisect_left(figure_starts, hi)]
    if not between:
        return True
    if date[0] < span[1]:
        return not any(
            compared is None or not compared[0] <= m.start() < compared[1]
            for m in _CONTRAST.finditer(text, lo, hi)
        )
    cuts = [lo, *(x for f in between for x in f), hi]
    pieces = [text[cuts[i] : cuts[i + 1]] for i in range(0, len(cuts), 2)]
    return all(_CONNECTOR.fullmatch(p) for p in pieces[:-1]) and bool(_LINK.fullmatch(pieces[-1]))


def _period_days(r: Reading, ctx: ReadContext) -> tuple[tuple[dt.date, dt.date], str] | None:
    if ctx.period:
        return (min(ctx.period), max(ctx.period)), "the claim's period"
    if r.period is not None and r.period.is_bounded:
        lo = dt.date.fromordinal(int(r.period.low))
        hi = dt.date.fromordinal(int(r.period.high))
        return (lo, hi), "the period written in the passage"
    if ctx.reference_date:
        return (ctx.reference_date, ctx.reference_date), "the source's date"
    return None


def convert_money(r: Reading, ctx: ReadContext) -> Reading:
    """The money reading with its interval in USD over the right period's rate range."""

    if r.kind != "money" or r.unit == "USD" or r.native is None:
        return r
    iso = r.unit
    if iso.startswith("currency:"):
        return r
    found = _period_days(r, ctx)
    try:
        if found is None:
            days, why = fx.latest_year(iso), "no date known: the latest year of rates"
        else:
            days, why = found
        conv = fx.usd_rate(iso, days)
    except Exception:
        return replace(
            r, notes=r.notes + (f"no USD rate for {iso} over the period: not converted",)
        )
    conv = replace(conv, note=(conv.note + "; " if conv.note else "") + f"dates from {why}")
    return replace(
        r,
        unit="USD",
        interval=r.native * conv.factor,
        conversions=r.conversions + (conv,),
    )
