"""Dates and periods in prose, read as closed intervals of days.

A date in prose is a set of days: "June 17, 2025" is one day, "in 2023" the 365 days of 2023,
"June 16–17, 2025" two days. Each reading keeps how precisely it was written (`granularity`: day,
month, year, decade, or span for anything else), because a coarse date that contains a finer one
agrees with it while two different day-level dates do not.

Days are proleptic ordinals (`datetime.date.toordinal()`); `Interval` bounds are closed, an
unknown end is an open infinite bound.

How the relative and open forms are represented (each reading's `notes` says which applied):

- no year ("on June 17", "16 June", "In June,"): counted from the context's `reference_date`
  (the source's publication date): the occurrence that holds it, else the next one if it starts
  within two months or its clause speaks of the future ("will be held on June 16"), else the
  most recent one before it (news reports the past: "signed on June 6" in a report of December
  27 is that year's June 6); "last June" / "next June" decide. Without a reference, nothing.
- "this year", "last year", "next year", "this month", "yesterday", "on Thursday": counted from
  the reference date; a bare weekday is the last such day on or before it (news reports the past).
- "by 2030": [reference date, 2030-12-31] (the event lies between the writing and the deadline);
  (-inf, 2030-12-31] when there is no reference date or the deadline is already past.
- "until 2026", "through 2030", "up to 2026": (-inf, 2026-12-31]: the start is not stated.
- "since 2021", "from 2021": [2021-01-01, reference date], or [2021-01-01, +inf) without one.
- "before 2020": (-inf, 2019-12-31]; "after 2020": [2021-01-01, reference date or +inf).
- "over the past 30 years", "over 14 years": the N years up to the reference date.
- "as of X", "in X", "on X", "early/mid/late X": X itself, with the qualifier kept.
- "the end of November 2024": its last day (granularity day); "the beginning of 2024": its first.
- "2012–13", "2022–2026", "from 2020 to 2024": the calendar years from first to last (span).

All of these except the "as of"/"in" forms have granularity "span".
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from typing import Any

from cca_claims.interval import INF, Interval
from cca_claims.model import Reading
from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.datematch import (
    BLOCK,
    HANDLERS,
    MAX_YEAR,
    MIN_YEAR,
    Base,
    Ctx,
    month_end,
    year_ok,
)
from cca_claims.quantities.datewords import (
    MONTH_NAMES,
    NEEDS,
    PATTERNS,
    PREFIX,
    Need,
    ascii_lowered,
)

GRANULARITIES = ("day", "month", "year", "decade", "span")


def granularity_rank(granularity: str) -> int:
    """day=0 < month=1 < year=2 < decade=3; "span" (any other stretch) = 4, unknown = 5."""
    order = {"day": 0, "month": 1, "year": 2, "decade": 3, "span": 4}
    return order.get(granularity, 5)


# --------------------------------------------------------------------------- public API
def find_dates(text: str, ctx: ReadContext) -> list[Reading]:
    """Every date or period phrase in `text`, in order, as day-interval readings.

    kind "date", unit "day", interval = closed Interval of day ordinals [first_day, last_day]
    (an unknown end is infinite), span = (start, end) offsets into `text`, text = the phrase,
    granularity = "day" | "month" | "year" | "decade" | "span", qualifier ("by", "since",
    "as of", "over", "until", "early", "end of", ...), and notes for every assumption (a year
    taken from the reference date, a duration counted back from it). Never raises.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _find_dates(text, ctx)
    except Exception:  # noqa: BLE001 - a reader must never break a check run
        return []


def parse_period(text: str | int | dt.date, ctx: ReadContext) -> Interval:
    """A claim's `period:` value as a closed interval of day ordinals.

    Accepts an int year (2024), a date, or a string: "2024", "2025-06", "2025-06-17",
    "2025-06-16..2025-06-17", "2024..2025", "June 2025", "June 17, 2025", "2023-2024",
    "2012–13", "the 1960s". Raises ValueError with a clear message for anything else.
    """
    if isinstance(text, bool):
        raise ValueError(f"period {text!r} is not a date; write e.g. 2024 or 2025-06-17")
    if isinstance(text, dt.datetime):
        text = text.date()
    if isinstance(text, dt.date):
        return Interval.point(text.toordinal())
    if isinstance(text, int):
        if not MIN_YEAR <= text <= MAX_YEAR:
            raise ValueError(f"period year {text} is outside {MIN_YEAR}-{MAX_YEAR}")
        return _days(dt.date(text, 1, 1), dt.date(text, 12, 31))
    if not isinstance(text, str):
        raise ValueError(f"period must be a year, a date or a string, not {type(text).__name__}")
    s = text.strip()
    if not s:
        raise ValueError("period is empty; write e.g. 2024, 2025-06 or 2025-06-16..2025-06-17")
    if ".." in s:
        left, _, right = s.partition("..")
        if ".." in right:
            raise ValueError(f"period {text!r} has more than one '..'")
        lo = _parse_one(left.strip(), ctx, text) if left.strip() else None
        hi = _parse_one(right.strip(), ctx, text) if right.strip() else None
        if lo is None and hi is None:
            raise ValueError(f"period {text!r} has no bounds")
        low = lo.low if lo else -INF
        high = hi.high if hi else INF
        if low > high:
            raise ValueError(f"period {text!r} ends before it starts")
        return Interval(low, high, True, True)
    return _parse_one(s, ctx, text)


def days_to_text(interval: Interval, granularity: str = "day") -> str:
    """Human form of a day interval: "2025-06-17", "2025-06-16..2025-06-17", "2024",
    "June 2025", "the 1960s", "2022..2026"; an open end is left empty ("..2030-12-31")."""
    lo = _to_date(interval.low)
    hi = _to_date(interval.high)
    if lo and hi:
        if granularity == "month" and _is_month(lo, hi):
            return f"{MONTH_NAMES[lo.month - 1]} {lo.year}"
        if granularity == "year" and _is_years(lo, hi) and lo.year == hi.year:
            return str(lo.year)
        if granularity == "decade" and _is_years(lo, hi) and lo.year % 10 == 0:
            if hi.year == lo.year + 9:
                return f"the {lo.year}s"
        if lo == hi:
            return lo.isoformat()
        if _is_years(lo, hi):
            return str(lo.year) if lo.year == hi.year else f"{lo.year}..{hi.year}"
        if _is_month(lo, month_end(lo)) and hi == month_end(hi) and hi.day != 1 and lo.day == 1:
            if (lo.year, lo.month) == (hi.year, hi.month):
                return f"{lo.year}-{lo.month:02d}"
            return f"{lo.year}-{lo.month:02d}..{hi.year}-{hi.month:02d}"
        return f"{lo.isoformat()}..{hi.isoformat()}"
    left = lo.isoformat() if lo else ""
    right = hi.isoformat() if hi else ""
    return f"{left}..{right}"


# --------------------------------------------------------------------------- helpers
def _days(first: dt.date, last: dt.date) -> Interval:
    return Interval.closed(first.toordinal(), last.toordinal())


def _to_date(x: float) -> dt.date | None:
    if math.isinf(x) or x < 1 or x > dt.date.max.toordinal():
        return None
    return dt.date.fromordinal(int(x))


def _is_month(lo: dt.date, hi: dt.date) -> bool:
    return lo.day == 1 and (lo.year, lo.month) == (hi.year, hi.month) and hi == month_end(lo)


def _is_years(lo: dt.date, hi: dt.date) -> bool:
    return (lo.month, lo.day) == (1, 1) and (hi.month, hi.day) == (12, 31)


def _parse_one(s: str, ctx: ReadContext, whole: object) -> Interval:
    """One side of a period: ISO forms first, then anything `find_dates` reads whole."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", s)
    if m:
        y = int(m.group(1))
        if not year_ok(y):
            raise ValueError(f"period {whole!r}: year {y} is outside {MIN_YEAR}-{MAX_YEAR}")
        try:
            if m.group(3):
                d = dt.date(y, int(m.group(2)), int(m.group(3)))
                return _days(d, d)
            if m.group(2):
                first = dt.date(y, int(m.group(2)), 1)
                return _days(first, month_end(first))
        except ValueError as exc:
            raise ValueError(f"period {whole!r}: {exc}") from None
        return _days(dt.date(y, 1, 1), dt.date(y, 12, 31))
    readings = find_dates(s, ctx)
    if len(readings) == 1:
        r = readings[0]
        rest = (s[: r.span[0]] + s[r.span[1] :]).strip(" ,.;:") if r.span else s
        if not rest and r.interval is not None:
            return r.interval
    raise ValueError(
        f"period {whole!r} is not a date I can read; write a year (2024), a month (2025-06 or "
        "June 2025), a day (2025-06-17) or a range (2025-06-16..2025-06-17, 2023-2024)"
    )


# --------------------------------------------------------------------------- reading
@functools.lru_cache(maxsize=1)
def _plan() -> list[tuple[Need | None, list[tuple[int, re.Pattern, Any]]]]:
    """The patterns grouped by what they need (NEEDS), each with its place in PATTERNS: one
    test per need and passage, and no look at the patterns of a need the passage lacks."""
    groups: dict[object, list[tuple[int, re.Pattern, Any]]] = {}
    for order, (name, pat) in enumerate(PATTERNS):
        groups.setdefault(NEEDS.get(name), []).append((order, pat, HANDLERS[name]))
    return list(groups.items())  # type: ignore[arg-type]


def _find_dates(text: str, ctx: ReadContext, prefilter: bool = True) -> list[Reading]:
    """The reading proper; `prefilter=False` runs every pattern (the tests compare the two)."""
    c = Ctx(ctx)
    cands: list[tuple[int, int, int, Base]] = []
    lowered = ascii_lowered(text)
    for need, patterns in _plan():
        if prefilter and need is not None and not need(text, lowered):
            continue  # none of these patterns can match without what they need
        for order, pat, handler in patterns:
            for m in pat.finditer(text):
                start, end = m.span()
                while start < end and text[start].isspace():
                    start += 1
                if start >= end:
                    continue
                try:
                    base = handler(m, text, c)
                except (ValueError, OverflowError, KeyError, TypeError, AttributeError):
                    # one odd match must not cost the passage its other dates
                    continue
                if base is not None:
                    cands.append((start, end, order, base))
    # the pattern's place in PATTERNS breaks ties, whatever order the groups ran in
    cands.sort(key=lambda t: (t[0], -(t[1] - t[0]), t[2]))
    out: list[Reading] = []
    last_end = -1
    for start, end, _, base in cands:
        if start < last_end:
            continue
        if base is BLOCK:
            # an impossible date ("June 31, 2025") is not read, and its year is not read alone
            last_end = end
            continue
        reading = _qualify(text, start, end, base, c)
        if reading is not None:
            out.append(reading)
            last_end = end
    return out


_RANGE_WORD_RE = re.compile(r"\b(?:to|until|till|through)\b|[-–—‒−]", re.I)


def _qualify(text: str, start: int, end: int, b: Base, c: Ctx) -> Reading | None:
    """Apply the words before the phrase ("by", "since", "the end of", "early") to its days."""
    if b.first is None or b.last is None:
        return None
    notes = list(b.notes)
    qualifier = b.qualifier
    first, last, gran = b.first, b.last, b.gran
    lo: float = first.toordinal()
    hi: float = last.toordinal()
    window = text[max(0, start - 40) : start]
    pm = PREFIX.search(window) if not qualifier else None
    q = pos = ""
    new_start = start
    if pm and (pm["q"] or pm["pos"]):
        q = (pm["q"] or "").lower()
        pos = re.sub(r"\s+", " ", (pm["pos"] or "").lower()).replace("the ", "").strip()
        new_start = max(0, start - 40) + pm.start()
    phrase = text[start:end].strip()
    if q == "from" and _RANGE_WORD_RE.search(phrase):
        # "from January to March 2024": the range is the phrase itself, not an open period
        q = ""
        start = new_start
    if pos in ("end of", "close of", "very end of") and gran != "day":
        lo = hi
        notes.append(f"'the end of {phrase}' read as its last day {last.isoformat()}")
        gran = "day"
        qualifier = "end of"
    elif (
        pos in ("beginning of", "start of", "very beginning of", "very start of") and gran != "day"
    ):
        hi = lo
        notes.append(f"'the beginning of {phrase}' read as its first day {first.isoformat()}")
        gran = "day"
        qualifier = "beginning of"
    elif pos in ("early", "mid", "late", "middle of"):
        qualifier = "mid" if pos == "middle of" else pos
    ref = c.ref.toordinal() if c.ref else None
    if q in ("by", "no later than", "not later than"):
        qualifier = f"{q} {qualifier}".strip()
        if ref is not None and ref <= hi:
            lo = ref
            notes.append(f"'{q}' read as from {c.ref_text} to {_to_date(hi).isoformat()}")
        else:
            lo = -INF
            notes.append(f"'{q}' read as any time up to {_to_date(hi).isoformat()}")
        gran = "span"
    elif q in ("until", "till", "through", "up to"):
        qualifier = f"{q} {qualifier}".strip()
        lo = -INF
        notes.append(f"'{q}': the start of the period is not stated")
        gran = "span"
    elif q in ("since", "from", "after"):
        qualifier = f"{q} {qualifier}".strip()
        if q == "after":
            lo = hi + 1
        if ref is not None and ref >= lo:
            hi = ref
            notes.append(f"'{q}' read as running to {c.ref_text}")
        else:
            hi = INF
            notes.append(f"'{q}': the end of the period is not stated")
        gran = "span"
    elif q in ("before", "prior to"):
        qualifier = f"{q} {qualifier}".strip()
        hi = lo - 1
        lo = -INF
        gran = "span"
    elif q in ("as of", "as at", "throughout"):
        qualifier = f"{q} {qualifier}".strip()
    if q or qualifier in ("end of", "beginning of", "early", "mid", "late"):
        start = new_start
    if hi < lo:
        return None
    return Reading(
        kind="date",
        unit="day",
        interval=Interval(lo, hi, True, True),
        text=text[start:end],
        span=(start, end),
        qualifier=qualifier,
        granularity=gran,
        notes=tuple(notes),
    )
