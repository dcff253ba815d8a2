"""Words and patterns the date reader knows: month and weekday names, number words, and the
regular expressions for every date or period form it reads.

Kept apart from `dates.py` (which turns matches into day intervals) so the vocabulary can grow
without touching the logic. Every pattern is linear (no nested quantifiers), so an adversarial
passage reads in bounded time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from cca_claims.quantities.numbers import TENS_WORDS, UNITS_WORDS

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# Number words in duration phrases ("over fourteen years"); the tables live with the number reader.
NUMBER_WORDS: dict[str, int] = {
    **{word: n for word, n in UNITS_WORDS.items() if n},
    **TENS_WORDS,
    "twenty-five": 25,
    "a hundred": 100,
    "several": 0,  # read, but gives no definite length: the reader skips it
}

# Words that, right after a 4-digit figure, make it a measure rather than a year:
# "2000 years", "1500 km", "2025 trains".
MEASURE_WORDS = (
    "years? yrs? year-old months? days? hours? km kilomet\\w* kms miles? metres? meters? m "
    "tons? tonnes? t kg people persons? trains? units? mw gw kw kwh students? projects? "
    "companies company enterprises? firms? times cubic square hectares? ha usd dollars? yuan "
    "rmb tenge rubles? roubles? soms? billion million thousand trillion bn mn percent % "
    "jobs? workers? containers? trips? flights? cars? vehicles? barrels? bcm"
).split()

# Capitalized words that may stand right before a year without making it part of a name.
YEAR_CUE_WORDS = {
    "in",
    "by",
    "since",
    "until",
    "till",
    "through",
    "from",
    "to",
    "and",
    "of",
    "for",
    "before",
    "after",
    "during",
    "as",
    "at",
    "on",
    "early",
    "late",
    "mid",
    "year",
    "fy",
    "the",
    "around",
    "about",
    "between",
    "throughout",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "ad",
    "ce",
}

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_DASH = r"(?:-|–|—|‒|−)"
# Between the two ends of a range: a dash, or "to" / "through" / "until".
_SEP = rf"(?:\s*{_DASH}\s*|\s+(?:to|through|until|till|and)\s+)"
_YEND = r"(?<![\d,.$€£¥:/]){y}(?![\d%]|[,.:/]\d)"  # a year not glued to other figures


def _y(name: str) -> str:
    return _YEND.format(y=rf"(?P<{name}>{_YEAR})")


def _m(name: str) -> str:
    return rf"(?P<{name}>{_MON})\.?"


def _d(name: str) -> str:
    return rf"(?<![\d,.])(?P<{name}>{_DAY})(?![\d%])"


_WDP = rf"(?:(?P<wd>{_WD}),?\s+)?"
# "June 6 this year", "6 June of last year": the year counted from the reference date ("this
# year's" is the year's own, not a date's: "In March, this year's exports")
_REL_YEAR = r"(?:of\s+)?(?P<prel>this|last|current|previous|next)\s+year\b(?![’']s)"
# after a day and month: a year, or one counted from the reference date
_Y_OR_REL = rf"(?:,?\s*{_y('y')}|\s+{_REL_YEAR})"
_NUM = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_N = rf"(?P<n>\d{{1,3}}|{_NUM})"
_UNIT = r"(?P<u>years|decades|months|year|decade|month)"


class _Written(NamedTuple):
    """A pattern as written, not compiled: the reader compiles only its quick form (`quick`),
    and compiling both cost a cold check 12 ms; the tests compile this one to compare."""

    pattern: str
    flags: int = 0

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)


# (name, pattern), as written; the reader runs `PATTERNS`, the same patterns made quicker to
# search. Order does not matter: the reader keeps the longest match at each place.
WRITTEN: list[tuple[str, _Written]] = [
    (
        "iso_day",
        _Written(r"(?<![\d-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d-])"),
    ),
    ("iso_month", _Written(r"(?<![\d-])(?P<y>\d{4})-(?P<mo>0[1-9]|1[0-2])(?![\d-])")),
    # June 16–17, 2025 / June 16 and 17, 2025
    (
        "m_dd_y",
        _Written(rf"{_WDP}{_m('m')}\s+{_d('d')}{_SEP}{_d('d2')}{_Y_OR_REL}", re.I),
    ),
    # 16–17 June 2025
    (
        "dd_m_y",
        _Written(rf"{_WDP}{_d('d')}{_SEP}{_d('d2')}\s+(?:of\s+)?{_m('m')}{_Y_OR_REL}", re.I),
    ),
    # May 30 – June 2, 2025
    (
        "md_md_y",
        _Written(rf"{_m('m')}\s+{_d('d')}{_SEP}{_m('m2')}\s+{_d('d2')}{_Y_OR_REL}", re.I),
    ),
    # 30 May – 2 June 2025
    (
        "dm_dm_y",
        _Written(rf"{_d('d')}\s+{_m('m')}{_SEP}{_d('d2')}\s+{_m('m2')}{_Y_OR_REL}", re.I),
    ),
    # June 17, 2025 / Tuesday, June 17, 2025 / June 6 this year (and so each full form above)
    ("m_d_y", _Written(rf"{_WDP}{_m('m')}\s+{_d('d')}{_Y_OR_REL}", re.I)),
    # 17 June 2025 / the 17th of June, 2025 / 6 June of last year
    (
        "d_m_y",
        _Written(rf"{_WDP}(?:the\s+)?{_d('d')}\s+(?:of\s+)?{_m('m')}{_Y_OR_REL}", re.I),
    ),
    # June 16–17 (no year); "From June 16 to 18, the summit": a comma may follow, but not a
    # comma or point that continues the figure ("June 16 and 17,000 tonnes")
    ("m_dd", _Written(rf"{_WDP}{_m('m')}\s+{_d('d')}{_SEP}{_d('d2')}(?!\d|[,.]\d)", re.I)),
    # 16–17 June (no year)
    ("dd_m", _Written(rf"{_WDP}{_d('d')}{_SEP}{_d('d2')}\s+(?:of\s+)?{_m('m')}", re.I)),
    # June 17 (no year)
    ("m_d", _Written(rf"{_WDP}{_m('m')}\s+{_d('d')}(?!\s*{_DASH}?\s*\d)", re.I)),
    # 17 June (no year)
    ("d_m", _Written(rf"{_WDP}(?:the\s+)?{_d('d')}\s+(?:of\s+)?{_m('m')}", re.I)),
    # June 2025 / June, 2025 / March this year / March of last year
    ("m_y", _Written(rf"{_m('m')}(?:,?\s+{_y('y')}|\s+{_REL_YEAR})", re.I)),
    # May–June 2025, January–May this year
    (
        "mm_y",
        _Written(
            rf"{_m('m')}{_SEP}{_m('m2')},?\s+(?:{_y('y')}"
            r"|(?:of\s+)?(?P<prel>this|last|current|previous)\s+year\b)",
            re.I,
        ),
    ),
    # "In June," — a month alone; the reader requires a cue word before it
    ("m", _Written(rf"(?<![\w-]){_m('m')}(?![\w-])", re.I)),
    # 2022–2026, 2012–13, from 2020 to 2024, between 2020 and 2024
    (
        "y_y",
        _Written(
            rf"(?:(?P<cue>from|between)\s+)?{_y('y')}"
            rf"(?:\s*{_DASH}\s*|\s+(?P<sep>to|and|through|until)\s+)"
            rf"(?P<y2>{_YEAR}|\d\d)(?![\d%]|[,.:]\d)",
            re.I,
        ),
    ),
    # the 1960s
    ("decade", _Written(r"(?:\bthe\s+)?(?<![\d,.$])(?P<dec>(?:19|20)\d0)[’']?s\b", re.I)),
    # Q1 2025, first quarter of 2025, first half of 2024, H1 2024, the first half of this year
    (
        "part",
        _Written(
            r"(?:\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+"
            r"(?P<part>quarter|half)\s+(?:of\s+)?|\b(?P<qh>[QH])(?P<qn>[1-4])\s+)"
            rf"(?:{_y('y')}|(?P<prel>this|last|current|previous)\s+year\b)",
            re.I,
        ),
    ),
    # the first five months of 2025, the first 5 months of this year ("of" may be missing, as in
    # a Russian "первые пять месяцев 2025 года"), 11 months of 2020 (counted from January)
    (
        "first_months",
        _Written(
            rf"\b(?:(?:the\s+)?first\s+{_N}\s+months\s+(?:of\s+)?"
            rf"|{_N.replace('?P<n>', '?P<n2>')}\s+months\s+of\s+)(?:{_y('y')}"
            r"|(?P<prel>this|last|current|previous)\s+year\b)",
            re.I,
        ),
    ),
    ("year", _Written(_y("y"))),
    # this year, last year, next year, this month, yesterday, tomorrow
    (
        "relative",
        _Written(
            r"\b(?P<rel>this|last|next|current|previous|coming|past)\s+(?P<ru>year|month)\b"
            r"|\b(?P<rd>yesterday|tomorrow)\b",
            re.I,
        ),
    ),
    # on Thursday
    ("weekday", _Written(rf"(?:\bon\s+|\blast\s+|\bthis\s+)?(?P<wd>{_WD})\b")),
    # over the past 30 years, over 14 years, in the last two decades, the past decade
    (
        "duration",
        _Written(
            rf"\b(?P<pre>over|in|during|for|within|throughout)?\s*(?:the\s+)?"
            rf"(?P<past>past|last|previous)\s+(?:{_N}\s+)?{_UNIT}\b"
            rf"|\b(?P<pre2>over)\s+{_N.replace('?P<n>', '?P<n2>')}\s+(?P<u2>years|decades)\b",
            re.I,
        ),
    ),
]

# The month and weekday names as tries: the same alternatives, tried in the same order of
# preference (a name that is a prefix of another, "Jun" of "June", is tried after it, as in
# `_MON`), but a position that starts no name is left after one test of its letter instead of
# one per name; under re.IGNORECASE the regex engine cannot skip to a possible first letter.
_MON_TRIE = (
    r"(?:J(?:an(?:uary)?|u(?:ne?|ly?))|Feb(?:ruary)?|Ma(?:r(?:ch)?|y)|A(?:pr(?:il)?|ug(?:ust)?)"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WD_TRIE = r"(?:Monday|T(?:uesday|hursday)|Wednesday|Friday|S(?:aturday|unday))"
# The letters (with the pattern's flags) or digits a match of a pattern can start with: a
# weekday's (MTWFS) or a month's (ADFJMNOS) initial, a day's or a year's first digit, the "t"
# of "the", "from"/"between" before a span of years. A lookahead for them rejects most places
# at once. Patterns not listed keep no lookahead (the rare ones, and "duration", which may
# start with a space).
_HEADS = {
    **dict.fromkeys("m_dd_y m_d_y m_dd m_d".split(), "ADFJMNOSTW"),
    **dict.fromkeys("md_md_y m_y mm_y m".split(), "ADFJMNOS"),
    **dict.fromkeys("dd_m_y d_m_y dd_m d_m".split(), r"\dFMSTW"),
    "dm_dm_y": r"\d",
    "y_y": "BF12",
    "decade": "T12",
    "year": "12",
    "relative": "CLNPTY",
    "weekday": "oltMTWFS",
}


def quick(name: str, pattern: _Written) -> re.Pattern[str]:
    """`pattern` (of `WRITTEN`) with the same matches, quicker to search: the name tries and the
    lookahead of its first characters (tests/quantities/test_reader_fast_paths.py compares)."""
    source = pattern.pattern.replace(_MON, _MON_TRIE).replace(_WD, _WD_TRIE)
    head = _HEADS.get(name)
    return re.compile(f"(?=[{head}]){source}" if head else source, pattern.flags)


PATTERNS: list[tuple[str, re.Pattern[str]]] = [(name, quick(name, pat)) for name, pat in WRITTEN]

# What every match of a pattern contains: a pattern whose need is absent from a passage cannot
# match there, so the reader skips it (most passages name no month, and the month patterns are the
# costly ones). Each need is a part of its patterns, with the same flags, so it can only be found
# where they could match; patterns not listed always run. A need is a test of the passage.
_MONTH_NEED = re.compile(_MON, re.I)
# Every alternative of _MON starts with one of these, and each of them is an alternative itself.
_MONTH_HEADS = tuple("jan feb mar apr may jun jul aug sep oct nov dec".split())


def ascii_lowered(text: str) -> str | None:
    """`text` lower-cased if it is ASCII (where that is what re.IGNORECASE matches), else None:
    the second argument of every need, computed once per passage."""
    return text.lower() if text.isascii() else None


def names_a_month(text: str, lowered: str | None = None) -> bool:
    """Whether `_MON` (case-insensitively) occurs in `text`, as a month word or inside a word.

    For ASCII text, case-insensitive matching is lower-casing, and `_MON` occurs exactly where one
    of the three-letter heads does: a dozen substring tests instead of the regex's alternation at
    every position. Other text (where re.IGNORECASE also folds e.g. "ſ") asks the regex.
    `lowered`, when given, is `ascii_lowered(text)`.
    """
    if lowered is None:
        lowered = ascii_lowered(text)
    if lowered is not None:
        return _holds_one(lowered, _MONTH_HEADS)
    return _MONTH_NEED.search(text) is not None


def _holds_one(lowered: str, heads: tuple[str, ...]) -> bool:
    """Whether `lowered` holds one of `heads` (a loop: any() with a generator costs twice as much
    for the few heads of a need, tested on every passage)."""
    for head in heads:
        if head in lowered:
            return True
    return False


Need = Callable[[str, str | None], object]


def _any_word(*words: str) -> Need:
    """A need for case-insensitive patterns that contain one of `words`: substring tests on
    lower-cased ASCII text (exact there), the regex with re.IGNORECASE otherwise."""
    heads = tuple(w.lower() for w in words)
    regex = re.compile("|".join(re.escape(w) for w in words), re.I)

    def need(text: str, lowered: str | None = None) -> bool:
        if lowered is None:
            lowered = ascii_lowered(text)
        if lowered is not None:
            return _holds_one(lowered, heads)
        return regex.search(text) is not None

    return need


def _found(pattern: str) -> Need:
    """A need that a regex (without flags) finds in the passage."""
    search = re.compile(pattern).search

    def need(text: str, lowered: str | None = None) -> bool:
        return search(text) is not None

    return need


_YEAR_NEED = _found(_YEAR)
_ISO_NEED = _found(r"\d{4}-\d\d")


def _has_day(text: str, lowered: str | None = None) -> bool:
    return "day" in text


NEEDS: dict[str, Need] = {
    # yyyy-mm-dd, yyyy-mm: four digits, a hyphen, two digits
    "iso_day": _ISO_NEED,
    "iso_month": _ISO_NEED,
    **{
        name: names_a_month
        for name in (
            "m_dd_y dd_m_y md_md_y dm_dm_y m_d_y d_m_y m_dd dd_m m_d d_m m_y mm_y m"
        ).split()
    },
    "y_y": _YEAR_NEED,
    "year": _YEAR_NEED,
    # "first quarter of 2025" or "Q1 2025": (quarter|half) or [QH][1-4], case-insensitively
    "part": _any_word("quarter", "half", *(f"{qh}{n}" for qh in "QH" for n in "1234")),
    "decade": _found(r"(?:19|20)\d0"),
    "first_months": _any_word("months"),
    "relative": _any_word("year", "month", "yesterday", "tomorrow"),
    # every weekday name ends in "day", and the weekday pattern is case-sensitive
    "weekday": _has_day,
    "duration": _any_word("past", "last", "previous", "over"),
}
"""Pattern name -> a test of (passage, `ascii_lowered(passage)`) that is truthy whenever the
pattern could match the passage."""

# Words right before a phrase that change what it means; the longest form is found first.
# "as of the end of November 2024", "by 2030", "mid-June", "until the end of 2026".
PREFIX_WRITTEN = re.compile(
    r"(?:\b(?P<q>as of|as at|since|by|until|till|through|throughout|before|after|from|up to"
    r"|no later than|not later than|prior to)\s+)?"
    r"(?:\b(?P<pos>(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close)\s+of|early|mid|late)"
    r"(?:\s+|-))?(?:the\s+)?$",
    re.I,
)
# The same, searched quicker: a match that is not the empty one at the end starts with the
# first letter of one of its words (the lookahead rejects the other places at once).
PREFIX = re.compile(r"(?=[ABCEFLMNPSTUV]|$)" + PREFIX_WRITTEN.pattern, re.I)
