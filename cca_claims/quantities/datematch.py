"""Pattern matches to days: what each date form in `datewords.PATTERNS` means before qualifiers.

`dates.find_dates` runs every pattern, asks the handler of its name here for a `Base` (first and
last day, granularity, notes) and applies the words before the phrase ("by", "since") itself.
A handler returns None when the match is not a date after all ("May we", "2000 years") and
`BLOCK` when it is an impossible one ("June 31, 2025"), so that its year is not read alone.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.datewords import (
    MEASURE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAYS,
    YEAR_CUE_WORDS,
)

MIN_YEAR, MAX_YEAR = 1900, 2100

_MEASURE_RE = re.compile(r"\s+(?:" + "|".join(MEASURE_WORDS) + r")(?![\w-])", re.I)
_MONTH_CUE_RE = re.compile(
    r"(?:\b(?:in|of|since|by|until|till|through|from|during|before|after|early|mid|late|"
    r"end|beginning|start|last|next|this|each|every|in early|in late)[\s-]+(?:the\s+)?$)",
    re.I,
)


def month_end(d: dt.date) -> dt.date:
    return dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def year_ok(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR


def _sub_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year - n)
    except ValueError:  # 29 February
        return d.replace(year=d.year - n, day=28)


class Ctx:
    """The reference date, and notes on how it was used."""

    def __init__(self, ctx: ReadContext) -> None:
        self.ref: dt.date | None = ctx.reference_date
        src = f" of {ctx.source_id}" if ctx.source_id else ""
        self.ref_text = f"the reference date{src} {self.ref.isoformat()}" if self.ref else ""

    def year_for(
        self, month: int, day: int | None, text: str = "", start: int = 0, lean: str = ""
    ) -> int | None:
        """The year of a date written without one ("June 6", "In September"), from the reference.

        The occurrence that holds the reference date, if one does; else the next one when it
        starts within `AHEAD_DAYS` after the reference or the clause speaks of what is to come
        ("will be held on June 16", see `future_cue`); else the most recent one before it.
        `lean` ("past" or "ahead", from "last June" / "next June") decides instead.
        """
        if self.ref is None:
            return None
        ref = self.ref
        spans = []
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                lo = dt.date(y, month, day or 1)
            except ValueError:  # 29 February
                continue
            spans.append((y, lo, lo if day else month_end(lo)))
        past = [s for s in spans if s[2] < ref]
        ahead = [s for s in spans if s[1] > ref]
        if not lean:
            if any(lo <= ref <= hi for _, lo, hi in spans):
                return ref.year
            soon = bool(ahead) and (ahead[0][1] - ref).days <= AHEAD_DAYS
            lean = "ahead" if soon or future_cue(text, start) else "past"
        if lean == "ahead" and ahead:
            return ahead[0][0]
        if past:
            return past[-1][0]
        return ahead[0][0] if ahead else None


# How far after the reference date a date without a year may lie and still be read as to come.
# News reports what has happened far more than what will, so a date without a year is the most
# recent one before the source's date ("signed on June 6" in a report of December 27 is the June
# 6 before it, not the one five months ahead). What a report announces lies mostly within the
# next weeks (the agenda of the coming days, "on January 3" in late December); a date further
# ahead is written with its year or with a future verb the reader sees ("will be held on", see
# `future_cue`). Two months (62 days) covers the coming weeks and stops well short of half a
# year, past which the previous occurrence is the nearer one anyway.
AHEAD_DAYS = 62

# Words before a date, in its clause, that make it one still to come: "will be held on June 16",
# "is scheduled for September", "plans to sign in March", "ahead of the June 16 summit".
_FUTURE_RE = re.compile(
    r"\b(?:will|shall|won[’']t|to be held|upcoming|forthcoming|ahead of"
    r"|(?:scheduled|slated|planned|due|expected)\s+(?:to|for|on|in|at)"
    r"|(?:set|going|plans?|planning|intends?)\s+(?:to|for))\b|[’']ll\b",
    re.I,
)
# Where a clause ends: a sentence end, a semicolon, a colon, a dash or a comma.
_CLAUSE_CUT_RE = re.compile(r"[.!?;:,—–\n](?=\s)|\n")
# A date at the head of its sentence or clause ("In September, Xi will visit"): its verb follows
_FRONTED_RE = re.compile(r"(?:^|[.!?;:]\s+|\n)\s*(?:\w+\s+){0,2}$")
# the rest of the date phrase, its comma, and the clause after it
_NEXT_CLAUSE_RE = re.compile(r"[^,.!?;:\n]{0,40},\s*([^.!?;:,\n]{0,80})")


def future_cue(text: str, start: int) -> bool:
    """Whether the clause of a date at `start` speaks of the future before it ("will be held on
    June 16"), or, for a date at the head of the sentence ("In September, Xi will visit"), in
    the clause after it. A "will" elsewhere in the sentence ("signed on June 6, it will ...")
    is the verb of another clause and does not count."""
    if not text:
        return False
    before = text[max(0, start - 120) : start]
    cuts = list(_CLAUSE_CUT_RE.finditer(before))
    clause = before[cuts[-1].end() :] if cuts else before
    if _FUTURE_RE.search(clause):
        return True
    if not _FRONTED_RE.search(before):
        return False
    m = _NEXT_CLAUSE_RE.match(text, start)
    return bool(m and _FUTURE_RE.search(m.group(1)))


class Base:
    """What a pattern match says before qualifiers: first and last day, granularity, notes."""

    __slots__ = ("first", "last", "gran", "notes", "qualifier")

    def __init__(self, first, last, gran, notes=(), qualifier=""):
        self.first: dt.date | None = first
        self.last: dt.date | None = last
        self.gran: str = gran
        self.notes: list[str] = list(notes)
        self.qualifier: str = qualifier


BLOCK = Base(None, None, "")
_FOLLOWING_DATE_RE = re.compile(r",?\s+(?:the\s+)?(?:\d|(?:" + "|".join(MONTHS) + r")\b)", re.I)


def _month_num(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _capitalized(word: str) -> bool:
    return word[:1].isupper()


def _day_num(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _date(y: int, mo: int, d: int) -> dt.date | None:
    if not year_ok(y):
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
    return Base(d, d, "day") if d else BLOCK


def _h_iso_month(m, text, c):
    y, mo = int(m["y"]), int(m["mo"])
    # "2012-13" style spans are years, not months: let the span pattern take them
    if not year_ok(y) or (int(m["mo"]) > y % 100 and m["mo"][0] != "0"):
        return None
    first = dt.date(y, mo, 1)
    return Base(first, month_end(first), "month")


def _range(m, text, c, y_group="y"):
    mo = _month_num(m["m"])
    mo2 = _month_num(m["m2"]) if m.groupdict().get("m2") else mo
    if not (_capitalized(m["m"]) and (not m.groupdict().get("m2") or _capitalized(m["m2"]))):
        return None
    notes: list[str] = []
    if y_group and (m.groupdict().get(y_group) or m.groupdict().get("prel")):
        # a written year, or "June 6 this year" counted from the reference date
        y, notes = _relative_year(m, c)
        if y is None:
            return None
    else:
        y = c.year_for(mo, _day_num(m["d"]), text, m.start())
        if y is None:
            return None
        notes.append(f"year {y} taken from {c.ref_text}")
    d1, d2 = _day_num(m["d"]), _day_num(m["d2"]) if m.groupdict().get("d2") else None
    first = _date(y, mo, d1)
    last = _date(y, mo2, d2) if d2 is not None else first
    if first is None or last is None or last < first:
        return BLOCK if y_group else None
    _weekday_note(m, first, notes)
    return Base(first, last, "day", notes)


def _h_no_year(m, text, c):
    # "17 May" must not be the start of "17 May 2025"-like forms the full patterns read; also a
    # figure followed by a month ("5 March") at the end of a longer number is skipped.
    return _range(m, text, c, y_group="")


_LEAN = {"last": "past", "past": "past", "previous": "past", "next": "ahead", "coming": "ahead"}
_LEAN_RE = re.compile(r"\b(last|past|previous|next|coming)\s+$", re.I)


def _h_m_y(m, text, c):
    if not _capitalized(m["m"]):
        return None
    y, notes = _relative_year(m, c)
    if y is None:
        return None
    mo = _month_num(m["m"])
    mo2 = _month_num(m["m2"]) if m.groupdict().get("m2") else mo
    if m.groupdict().get("m2") and not _capitalized(m["m2"]):
        return None
    if not year_ok(y) or mo2 < mo:
        return None
    first = dt.date(y, mo, 1)
    return Base(first, month_end(dt.date(y, mo2, 1)), "month" if mo == mo2 else "span", notes)


def _h_month(m, text, c):
    word = m["m"]
    if not _capitalized(word) or len(word.rstrip(".")) < 3:
        return None
    # a bare month needs a cue word before it ("In June,", "since March"): "May" is a verb
    if not _MONTH_CUE_RE.search(text[max(0, m.start() - 30) : m.start()]):
        return None
    mo = _month_num(word)
    # "last June" is the June before the reference date, "next June" the one after it
    cue = _LEAN_RE.search(text[max(0, m.start() - 20) : m.start()])
    lean = _LEAN[cue.group(1).lower()] if cue else ""
    y = c.year_for(mo, None, text, m.start(), lean)
    if y is None:
        return None
    first = dt.date(y, mo, 1)
    return Base(first, month_end(first), "month", [f"year {y} taken from {c.ref_text}"])


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
    if not (year_ok(y1) and year_ok(y2)) or y2 <= y1 or y2 - y1 > 100:
        return None
    notes = []
    if len(raw) == 2:
        notes.append(f"'{m.group(0).strip()}' read as the calendar years {y1}–{y2}")
    if _MEASURE_RE.match(text, m.end()):
        return None
    return Base(dt.date(y1, 1, 1), dt.date(y2, 12, 31), "span", notes)


def _h_decade(m, text, c):
    y = int(m["dec"])
    if not year_ok(y):
        return None
    return Base(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade")


def _relative_year(m, c) -> tuple[int | None, list[str]]:
    """The year a match names: its digits (group "y"), or "this/last year" (group "prel")
    counted from the reference date, with the note that says so."""
    if m["y"]:
        return int(m["y"]), []
    rel = m.groupdict().get("prel")
    if c.ref is None or not rel:
        return None, []
    back = {"last": 1, "previous": 1, "next": -1}.get(rel.lower(), 0)
    return c.ref.year - back, [f"'{rel} year' counted from {c.ref_text}"]


def _h_part(m, text, c):
    y, notes = _relative_year(m, c)
    if y is None or not year_ok(y):
        return None
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
    last = month_end(dt.date(y, n * months, 1))
    return Base(first, last, "span", notes)


def _h_first_months(m, text, c):
    """The first N months of a year ("the first five months of 2025"): January 1 to the end
    of the Nth month."""
    n_raw = m["n"] or m["n2"]
    n = int(n_raw) if n_raw.isdigit() else NUMBER_WORDS.get(n_raw.lower(), 0)
    if not 1 <= n <= 12:
        return None
    y, notes = _relative_year(m, c)
    if y is None or not year_ok(y):
        return None
    return Base(dt.date(y, 1, 1), month_end(dt.date(y, n, 1)), "span", notes)


def _h_year(m, text, c):
    y = int(m["y"])
    if not year_ok(y):
        return None
    if _MEASURE_RE.match(text, m.end()):
        return None
    # "Green Development Program 2030", "Vision 2030": a year glued to a name is part of it
    before = text[max(0, m.start() - 40) : m.start()]
    w = re.search(r"([A-Za-z][\w’'-]*)\s$", before)
    if w and _capitalized(w.group(1)) and w.group(1).lower() not in YEAR_CUE_WORDS:
        if _month_num(w.group(1)) is None:
            return None
    return Base(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def _h_relative(m, text, c):
    if c.ref is None:
        return None
    ref = c.ref
    if m["rd"]:
        d = ref + dt.timedelta(days=-1 if m["rd"].lower() == "yesterday" else 1)
        return Base(d, d, "day", [f"'{m['rd']}' counted from {c.ref_text}"])
    rel, unit = m["rel"].lower(), m["ru"].lower()
    shift = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    note = f"'{m.group(0)}' counted from {c.ref_text}"
    if unit == "year":
        y = ref.year + shift
        return Base(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", [note])
    mi = ref.year * 12 + ref.month - 1 + shift
    first = dt.date(mi // 12, mi % 12 + 1, 1)
    return Base(first, month_end(first), "month", [note])


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
    return Base(d, d, "day", [note])


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
    length = f"{n} {unit}" if n_raw is not None else "decade"
    note = f"'{phrase}' read as the {length} up to {c.ref_text}"
    if m["pre2"]:
        note += " (it may also mean 'more than')"
    qualifier = (m["pre"] or m["pre2"] or m["past"]).lower()
    return Base(first, c.ref, "span", [note], qualifier=qualifier)


HANDLERS = {
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
    "first_months": _h_first_months,
    "year": _h_year,
    "relative": _h_relative,
    "weekday": _h_weekday,
    "duration": _h_duration,
}
