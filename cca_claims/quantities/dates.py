"""Dates and periods in prose, read as closed intervals of days.

A date in prose is a set of days: "June 17, 2025" is one day, "in 2023" the 365 days of 2023,
"June 16–17, 2025" two days. Each reading keeps how precisely it was written (`granularity`: day,
month, year, decade, or span for anything else), because a coarse date that contains a finer one
agrees with it while two different day-level dates do not.

Days are proleptic ordinals (`datetime.date.toordinal()`); `Interval` bounds are closed, an
unknown end is an open infinite bound.

How the relative and open forms are represented (each reading's `notes` says which applied):

- no year ("on June 17", "16 June", "In June,"): the year that puts the date closest to the
  context's `reference_date` (the source's publication date). Without one, nothing is read.
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

import calendar
import datetime as dt
import math
import re

from cca_claims.interval import INF, Interval
from cca_claims.model import Reading
from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.datewords import (
    MEASURE_WORDS,
    MONTH_NAMES,
    MONTHS,
    NUMBER_WORDS,
    PATTERNS,
    PREFIX,
    WEEKDAYS,
    YEAR_CUE_WORDS,
)

GRANULARITIES = ("day", "month", "year", "decade", "span")
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_MEASURE_RE = re.compile(r"\s+(?:" + "|".join(MEASURE_WORDS) + r")(?![\w-])", re.I)
_MONTH_CUE_RE = re.compile(
    r"(?:\b(?:in|of|since|by|until|till|through|from|during|before|after|early|mid|late|"
    r"end|beginning|start|last|next|this|each|every|in early|in late)[\s-]+(?:the\s+)?$)",
    re.I,
)


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
        if not _MIN_YEAR <= text <= _MAX_YEAR:
            raise ValueError(f"period year {text} is outside {_MIN_YEAR}-{_MAX_YEAR}")
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
        if _is_month(lo, _month_end(lo)) and hi == _month_end(hi) and hi.day != 1 and lo.day == 1:
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


def _month_end(d: dt.date) -> dt.date:
    return dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def _is_month(lo: dt.date, hi: dt.date) -> bool:
    return lo.day == 1 and (lo.year, lo.month) == (hi.year, hi.month) and hi == _month_end(lo)


def _is_years(lo: dt.date, hi: dt.date) -> bool:
    return (lo.month, lo.day) == (1, 1) and (hi.month, hi.day) == (12, 31)


def _year_ok(y: int) -> bool:
    return _MIN_YEAR <= y <= _MAX_YEAR


def _sub_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year - n)
    except ValueError:  # 29 February
        return d.replace(year=d.year - n, day=28)


def _parse_one(s: str, ctx: ReadContext, whole: object) -> Interval:
    """One side of a period: ISO forms first, then anything `find_dates` reads whole."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", s)
    if m:
        y = int(m.group(1))
        if not _year_ok(y):
            raise ValueError(f"period {whole!r}: year {y} is outside {_MIN_YEAR}-{_MAX_YEAR}")
        try:
            if m.group(3):
                d = dt.date(y, int(m.group(2)), int(m.group(3)))
                return _days(d, d)
            if m.group(2):
                first = dt.date(y, int(m.group(2)), 1)
                return _days(first, _month_end(first))
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
class _Ctx:
    """The reference date, and notes on how it was used."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ref: dt.date | None = ctx.reference_date
        src = f" of {ctx.source_id}" if ctx.source_id else ""
        self.ref_text = f"the reference date{src} {self.ref.isoformat()}" if self.ref else ""

    def closest_year(self, month: int, day: int | None) -> int | None:
        """The year (around the reference) that puts month/day closest to the reference date."""
        if self.ref is None:
            return None
        best, best_dist = None, None
        for y in (self.ref.year - 1, self.ref.year, self.ref.year + 1):
            try:
                lo = dt.date(y, month, day or 1)
                hi = lo if day else _month_end(lo)
            except ValueError:
                continue
            dist = (
                0
                if lo <= self.ref <= hi
                else min(abs((lo - self.ref).days), abs((hi - self.ref).days))
            )
            if best_dist is None or dist < best_dist or (dist == best_dist and y == self.ref.year):
                best, best_dist = y, dist
        return best


class _Base:
    """What a pattern match says before qualifiers: first and last day, granularity, notes."""

    __slots__ = ("first", "last", "gran", "notes", "qualifier")

    def __init__(self, first, last, gran, notes=(), qualifier=""):
        self.first: dt.date | None = first
        self.last: dt.date | None = last
        self.gran: str = gran
        self.notes: list[str] = list(notes)
        self.qualifier: str = qualifier


_BLOCK = _Base(None, None, "")
_FOLLOWING_DATE_RE = re.compile(r",?\s+(?:the\s+)?(?:\d|(?:" + "|".join(MONTHS) + r")\b)", re.I)


def _find_dates(text: str, ctx: ReadContext) -> list[Reading]:
    c = _Ctx(ctx)
    cands: list[tuple[int, int, int, _Base]] = []
    for order, (name, pat) in enumerate(PATTERNS):
        handler = _HANDLERS[name]
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
    cands.sort(key=lambda t: (t[0], -(t[1] - t[0]), t[2]))
    out: list[Reading] = []
    last_end = -1
    for start, end, _, base in cands:
        if start < last_end:
            continue
        if base is _BLOCK:
            # an impossible date ("June 31, 2025") is not read, and its year is not read alone
            last_end = end
            continue
        reading = _qualify(text, start, end, base, c)
        if reading is not None:
            out.append(reading)
            last_end = end
    return out


def _month_num(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _capitalized(word: str) -> bool:
    return word[:1].isupper()


def _day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _date(y: int, mo: int, d: int) -> dt.date | None:
    if not _year_ok(y):
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _weekday_note(m: re.Match, first: dt.date, notes: list[str]) -> None:
    wd = m.groupdict().get("wd")
    if wd and WEEKDAYS[wd.lower()] != first.weekday():
        notes.append(f"{first.isoformat()} was a {first.strftime('%A')}, not a {wd}")


def _h_iso_day(m, text, c):
    d = _date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _Base(d, d, "day") if d else _BLOCK


def _h_iso_month(m, text, c):
    y, mo = int(m["y"]), int(m["mo"])
    # "2012-13" style spans are years, not months: let the span pattern take them
    if not _year_ok(y) or (int(m["mo"]) > y % 100 and m["mo"][0] != "0"):
        return None
    first = dt.date(y, mo, 1)
    return _Base(first, _month_end(first), "month")


def _range(m, text, c, y_group="y"):
    mo = _month_num(m["m"])
    mo2 = _month_num(m["m2"]) if m.groupdict().get("m2") else mo
    if not (_capitalized(m["m"]) and (not m.groupdict().get("m2") or _capitalized(m["m2"]))):
        return None
    notes: list[str] = []
    if y_group and m.groupdict().get(y_group):
        y = int(m[y_group])
    else:
        y = c.closest_year(mo, _day_num(m["d"]))
        if y is None:
            return None
        notes.append(f"year {y} taken from {c.ref_text}")
    d1, d2 = _day_num(m["d"]), _day_num(m["d2"]) if m.groupdict().get("d2") else None
    first = _date(y, mo, d1)
    last = _date(y, mo2, d2) if d2 is not None else first
    if first is None or last is None or last < first:
        return _BLOCK if y_group else None
    _weekday_note(m, first, notes)
    return _Base(first, last, "day", notes)


def _h_no_year(m, text, c):
    # "17 May" must not be the start of "17 May 2025"-like forms the full patterns read; also a
    # figure followed by a month ("5 March") at the end of a longer number is skipped.
    return _range(m, text, c, y_group="")


def _h_m_y(m, text, c):
    if not _capitalized(m["m"]):
        return None
    y = int(m["y"])
    mo = _month_num(m["m"])
    mo2 = _month_num(m["m2"]) if m.groupdict().get("m2") else mo
    if m.groupdict().get("m2") and not _capitalized(m["m2"]):
        return None
    if not _year_ok(y) or mo2 < mo:
        return None
    first = dt.date(y, mo, 1)
    return _Base(first, _month_end(dt.date(y, mo2, 1)), "month" if mo == mo2 else "span")


def _h_month(m, text, c):
    word = m["m"]
    if not _capitalized(word) or len(word.rstrip(".")) < 3:
        return None
    # a bare month needs a cue word before it ("In June,", "since March"): "May" is a verb
    if not _MONTH_CUE_RE.search(text[max(0, m.start() - 30) : m.start()]):
        return None
    mo = _month_num(word)
    y = c.closest_year(mo, None)
    if y is None:
        return None
    first = dt.date(y, mo, 1)
    return _Base(first, _month_end(first), "month", [f"year {y} taken from {c.ref_text}"])


def _h_y_y(m, text, c):
    y1 = int(m["y"])
    raw = m["y2"]
    # "2025 and 2026" are two years; only "between 2020 and 2024" is a span
    if (m["sep"] or "").lower() == "and" and (m["cue"] or "").lower() != "between":
        return None
    if len(raw) == 2:
        y2 = (y1 // 100) * 100 + int(raw)
        if y2 <= y1:
            return None
    else:
        y2 = int(raw)
    if not (_year_ok(y1) and _year_ok(y2)) or y2 <= y1 or y2 - y1 > 100:
        return None
    notes = []
    if len(raw) == 2:
        notes.append(f"'{m.group(0).strip()}' read as the calendar years {y1}–{y2}")
    if _MEASURE_RE.match(text, m.end()):
        return None
    return _Base(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "span", notes)


def _h_decade(m, text, c):
    y = int(m["dec"])
    if not _year_ok(y):
        return None
    return _Base(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade")


def _h_part(m, text, c):
    y = int(m["y"])
    if m["qh"]:
        part = "quarter" if m["qh"].upper() == "Q" else "half"
        n = int(m["qn"])
        if part == "half" and n > 2:
            return None
    else:
        part = m["part"].lower()
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m["ord"].lower()) or int(
            m["ord"][0]
        )
        if part == "half" and n > 2:
            return None
    months = 3 if part == "quarter" else 6
    first = dt.date(y, (n - 1) * months + 1, 1)
    last = _month_end(dt.date(y, n * months, 1))
    return _Base(first, last, "span")


def _h_year(m, text, c):
    y = int(m["y"])
    if not _year_ok(y):
        return None
    if _MEASURE_RE.match(text, m.end()):
        return None
    # "Green Development Program 2030", "Vision 2030": a year glued to a name is part of it
    before = text[max(0, m.start() - 40) : m.start()]
    w = re.search(r"([A-Za-z][\w’'-]*)\s$", before)
    if w and _capitalized(w.group(1)) and w.group(1).lower() not in YEAR_CUE_WORDS:
        if _month_num(w.group(1)) is None:
            return None
    return _Base(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def _h_relative(m, text, c):
    if c.ref is None:
        return None
    ref = c.ref
    if m["rd"]:
        d = ref + dt.timedelta(days=-1 if m["rd"].lower() == "yesterday" else 1)
        return _Base(d, d, "day", [f"'{m['rd']}' counted from {c.ref_text}"])
    rel, unit = m["rel"].lower(), m["ru"].lower()
    shift = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    note = f"'{m.group(0)}' counted from {c.ref_text}"
    if unit == "year":
        y = ref.year + shift
        return _Base(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", [note])
    mi = ref.year * 12 + ref.month - 1 + shift
    first = dt.date(mi // 12, mi % 12 + 1, 1)
    return _Base(first, _month_end(first), "month", [note])


def _h_weekday(m, text, c):
    if c.ref is None:
        return None
    # "on Tuesday, June 17, 2025": the full date that follows is read instead
    if _FOLLOWING_DATE_RE.match(text, m.end()):
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    back = (c.ref.weekday() - wd) % 7
    d = c.ref - dt.timedelta(days=back)
    note = f"'{m['wd']}' read as {d.isoformat()}, the last {m['wd']} on or before {c.ref_text}"
    return _Base(d, d, "day", [note])


def _h_duration(m, text, c):
    if c.ref is None:
        return None
    n_raw = m["n"] or m["n2"]
    unit = (m["u"] or m["u2"]).lower()
    if n_raw is None:
        # "the past decade" is one decade; "last year" / "past month" are the relative forms
        if unit != "decade":
            return None
        n = 1
    else:
        n = int(n_raw) if n_raw.isdigit() else NUMBER_WORDS.get(n_raw.lower(), 0)
    if n <= 0 or n > 200:
        return None
    years = n * 10 if unit.startswith("decade") else n
    if unit.startswith("month"):
        mi = c.ref.year * 12 + c.ref.month - 1 - n
        first = dt.date(mi // 12, mi % 12 + 1, min(c.ref.day, 28))
    else:
        first = _sub_years(c.ref, years)
    if first.year < 1:
        return None
    phrase = m.group(0).strip()
    note = f"'{phrase}' read as the {n} {unit} up to {c.ref_text}"
    if m["pre2"]:
        note += " (it may also mean 'more than')"
    qualifier = (m["pre"] or m["pre2"] or m["past"]).lower()
    return _Base(first, c.ref, "span", [note], qualifier=qualifier)


_HANDLERS = {
    "iso_day": _h_iso_day,
    "iso_month": _h_iso_month,
    "m_dd_y": _range,
    "dd_m_y": _range,
    "md_md_y": _range,
    "dm_dm_y": _range,
    "m_d_y": _range,
    "d_m_y": _range,
    "m_dd": _h_no_year,
    "dd_m": _h_no_year,
    "m_d": _h_no_year,
    "d_m": _h_no_year,
    "m_y": _h_m_y,
    "mm_y": _h_m_y,
    "m": _h_month,
    "y_y": _h_y_y,
    "decade": _h_decade,
    "part": _h_part,
    "year": _h_year,
    "relative": _h_relative,
    "weekday": _h_weekday,
    "duration": _h_duration,
}


def _qualify(text: str, start: int, end: int, b: _Base, c: _Ctx) -> Reading | None:
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
