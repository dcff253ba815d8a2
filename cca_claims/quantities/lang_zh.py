"""The English view of a Chinese passage: the edits that rewrite its figures and dates.

Chinese writes a figure, its multiplier and what it measures without spaces: "6741.5亿元",
"超过1063亿美元", "三个中心", "1.9万列", "2025年6月16日至18日", "今年前五个月". One regular
expression, built from the lexicon (`data/lexicon_zh.yaml`), finds each date, period and figure
in one left-to-right pass; each is replaced by the English the value reader reads, set apart by
spaces: "674.15 billion yuan", "more than 106.3 billion US dollars", "3 centres",
"19 thousand trains", "16-18 June 2025", "the first 5 months of this year" (resolved against the
source's date by the date reader). An Arabic figure glued to other Chinese text is only spaced
("增长12.5%" -> "增长 12.5%"), so the reader does not take it for part of a name.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cca_claims.quantities.datewords import MONTH_NAMES
from cca_claims.quantities.lang_numerals import chinese_number, english_figure

_CN_NONZERO = "一二两三四五六七八九"
_CN_DIGITS = "零〇○" + _CN_NONZERO
_CN_NUMERAL = f"[{_CN_DIGITS}十百千万亿萬億点]+"
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_RANGE = "(?:至|到|—|－|～|~|-|–)"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_PATTERNS: dict[int, re.Pattern[str]] = {}  # id of a (cached, never freed) lexicon -> pattern


def _pattern(lex: dict) -> re.Pattern[str]:
    """The one expression for dates, periods and figures, built from the lexicon's words."""
    cached = _PATTERNS.get(id(lex))
    if cached is not None:
        return cached
    num = rf"(?:{_ARABIC}|{_CN_NUMERAL})"
    small = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
    year = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})"
    tails = _alternation([*lex["currencies"], *lex["units"], *lex["measure_words"], "%", "％"])
    rel = _alternation(lex["relative_years"])
    date = (
        rf"(?:(?P<y>{year})年|(?P<drel>{rel}))?(?P<m>{small})月(?P<end>底|末)?(?:(?P<d>{small})[日号]"
        rf"(?:{_RANGE}(?:(?P<m2>{small})月)?(?P<d2>{small})[日号])?)?"
        rf"|(?:(?P<my>{year})年|(?P<mrel>{rel}))?(?P<ma>{small}){_RANGE}(?P<mb>{small})月"
    )
    period = (
        rf"(?P<py>{year}年|{rel})?(?:(?P<half>上半年|下半年)|第?(?P<q>[一二三四1-4])季度"
        rf"|前(?P<n>{small})个?月)"
    )
    figure = (
        rf"(?P<qual>{_alternation(lex['qualifiers_before'])})?"
        rf"(?P<num>{num})(?P<more>多|余)?(?P<mult>{_alternation(lex['multipliers'])})?"
        rf"(?P<more2>多|余)?(?P<tail>{tails})?(?P<tail2>{tails})?"
        rf"(?P<noun>{_alternation(lex['counted_nouns'])})?"
        rf"(?P<post>{_alternation(lex['qualifiers_after'])})?"
    )
    # "超过千亿美元": a multiplier alone is one of it, after a qualifier and before a currency
    # or unit (without them "万一" and "千万" are words)
    bare = (
        rf"(?P<bq>{_alternation(lex['qualifiers_before'])})"
        rf"(?P<bm>{_alternation(lex['multipliers'])})"
        rf"(?P<bt>{_alternation([*lex['currencies'], *lex['units']])})"
    )
    compiled = re.compile(
        rf"(?P<DATE>{date})|(?P<PERIOD>{period})|(?P<YEAR>(?P<yy>{year})年(?:度)?|{rel})"
        rf"|(?P<PCT>百分之(?P<pn>{_CN_NUMERAL}))|(?P<BARE>{bare})|(?P<FIG>{figure})"
    )
    _PATTERNS[id(lex)] = compiled
    return compiled


def chinese_edits(text: str, lexicon: dict) -> list[tuple[int, int, str]]:
    """(start, end, English) edits that turn `text` into the English view (see the module doc)."""
    if not lexicon or not _HAN.search(text):
        return []
    pattern = _pattern(lexicon)
    edits: list[tuple[int, int, str]] = []
    range_words = set(lexicon.get("range_words") or ())
    for m in pattern.finditer(text):
        english = _english(m, text, lexicon)
        if english is None:
            continue
        if m["FIG"] and edits and m["qual"] is None:
            # "300亿立方米至400亿立方米": a range word between two figures reads "to"
            prev_start, prev_end, prev_english = edits[-1]
            if text[prev_end : m.start()] in range_words and prev_english.strip()[:1].isdigit():
                edits.append((prev_end, m.start(), " to "))
        edits.append((m.start(), m.end(), f" {english} "))
    return edits


def _english(m: re.Match, text: str, lex: dict) -> str | None:
    """The English for one match, or None to leave the text as it is."""
    if m["DATE"]:
        return _date(m, lex)
    if m["PERIOD"]:
        return _period(m, lex)
    if m["YEAR"]:
        if m["yy"]:
            y = _small(m["yy"], lex)
            if y is None:
                return None
            year = str(y)
        else:
            year = lex["relative_years"].get(m["YEAR"])
            if year is None:
                return None
        # "较2023年增加54亿美元", "比去年增长", "与2023年相比": the year compared with, not the one
        # the figure is of
        before = text[max(0, m.start() - 1) : m.start()]
        after = text[m.end() : m.end() + 2]
        if before in ("较", "比", "較") or (before in ("与", "與", "和", "同") and after == "相比"):
            return f"compared with {year}"
        return f"in {year}" if m["yy"] else year
    if m["PCT"]:
        value = chinese_number(m["pn"], lex)
        return None if value is None else f"{value}%"
    if m["BARE"]:
        power = lex["multipliers"][m["bm"]]
        what = lex["currencies"].get(m["bt"]) or lex["units"][m["bt"]]
        figure = english_figure(Decimal(1), power, True)
        return f"{lex['qualifiers_before'][m['bq']]} {figure} {what}"
    return _figure(m, text, lex)


def _small(s: str | None, lex: dict) -> int | None:
    if s is None:
        return None
    if s.isdigit():
        return int(s)
    value = chinese_number(s, lex)
    return None if value is None else int(value)


def _month(s: str | None, lex: dict) -> str | None:
    n = _small(s, lex)
    return MONTH_NAMES[n - 1] if n is not None and 1 <= n <= 12 else None


def _date(m: re.Match, lex: dict) -> str | None:
    if m["ma"]:  # "1-5月": January-May
        a, b = _month(m["ma"], lex), _month(m["mb"], lex)
        if a is None or b is None:
            return None
        year = _small(m["my"], lex) or lex["relative_years"].get(m["mrel"] or "")
        return f"{a}-{b} {year}" if year else f"in {a}-{b}"  # "今年1-5月": January-May this year
    month = _month(m["m"], lex)
    if month is None:
        return None
    year = _small(m["y"], lex) or lex["relative_years"].get(m["drel"] or "")
    # "今年6月6日": "6 June this year", one date of the year counted from the source's date
    tail = f" {year}" if year else ""
    if m["end"]:  # "3月底": the end of March
        return f"the end of {month}{tail}"
    if m["d"] is None:
        return f"{month}{tail}" if year else f"in {month}"
    day = _small(m["d"], lex)
    if m["d2"] is None:
        return f"{day} {month}{tail}"
    day2 = _small(m["d2"], lex)
    month2 = _month(m["m2"], lex) if m["m2"] else None
    if month2 and month2 != month:
        return f"{day} {month} - {day2} {month2}{tail}"
    return f"{day}-{day2} {month}{tail}"


def _period(m: re.Match, lex: dict) -> str | None:
    head = m["py"] or "今年"  # "前五个月", "一季度": of the year the source writes in
    year = lex["relative_years"].get(head)
    if year is None:
        y = _small(head[:-1], lex)
        if y is None:
            return None
        year = str(y)
    if m["half"]:
        return f"the {'first' if m['half'] == '上半年' else 'second'} half of {year}"
    if m["q"]:
        q = _small(m["q"], lex)
        ordinal = {1: "first", 2: "second", 3: "third", 4: "fourth"}.get(q or 0)
        return f"the {ordinal} quarter of {year}" if ordinal else None
    n = _small(m["n"], lex)
    return f"the first {n} months of {year}" if n and 1 <= n <= 12 else None


def _figure(m: re.Match, text: str, lex: dict) -> str | None:
    raw, mult, tails = m["num"], m["mult"], [t for t in (m["tail"], m["tail2"]) if t]
    arabic = raw[0].isdigit()
    before = text[m.start("num") - 1] if m.start("num") > 0 else ""
    if before == "兆":
        return None  # "三兆三六一五億": a trillion and more, which the lexicon does not read
    if arabic:
        if before and re.match(r"[A-Za-z0-9.,$]", before):
            return None  # "G20", "US$4": the English reader reads these as they are
        value = Decimal(raw.replace(",", ""))
        integer = "." not in raw
    else:
        if not (mult or tails or m["noun"]) and not re.search("[十百千万亿萬億]", raw):
            return None  # "一带一路": a lone digit character is a word, not a figure
        if raw[0] not in _CN_NONZERO + "十" or text[max(0, m.start() - 1) : m.start()] == "第":
            return None  # "千万" (also "by all means"), "第十五届" (an ordinal)
        value = chinese_number(raw, lex)
        if value is None and not mult:
            # "一○六三億": digits written one by one, then a multiplier the numeral swallowed
            for word in sorted(lex["multipliers"], key=len, reverse=True):
                if raw.endswith(word) and len(raw) > len(word):
                    value = chinese_number(raw[: -len(word)], lex)
                    mult = word
                    break
        if value is None or value == 0:
            return None
        integer = "点" not in raw
    power = lex["multipliers"].get(mult, 0) if mult else 0
    if not (mult or tails or m["noun"] or m["post"] or m["qual"] or m["more"]):
        if arabic:
            return raw  # only spaced apart from the Chinese around it
    parts: list[str] = []
    if m["qual"]:
        parts.append(lex["qualifiers_before"][m["qual"]])
    elif m["more"] or m["more2"]:
        parts.append("more than")
    parts.append(english_figure(value, power, integer) if power else _plain_number(value, integer))
    noun = lex["counted_nouns"].get(m["noun"]) if m["noun"] else None
    for tail in tails:
        if tail in ("%", "％"):
            parts[-1] += "%"
        elif tail in lex["currencies"]:
            parts.append(lex["currencies"][tail])
        elif tail in lex["units"]:
            parts.append(lex["units"][tail])
        # a measure word ("个", "项") is dropped: the noun after it says what is counted
    if noun:
        parts.append(noun)
    if m["post"]:
        parts.append(lex["qualifiers_after"][m["post"]])
    return " ".join(parts)


def _plain_number(value: Decimal, integer: bool) -> str:
    """A figure without a multiplier; large Chinese numerals keep their written precision."""
    if integer and value >= 10_000:
        return english_figure(value, 0, True)
    return f"{value:f}"
