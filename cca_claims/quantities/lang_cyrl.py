"""The English view of a Russian, Kazakh or Uzbek passage: the edits that rewrite its figures.

Figures in these languages are written much as in English, with other words around them: a
decimal comma ("94,8"), spaces between digit groups ("12 000", which the English reader already
reads), and words for the multiplier, currency, unit, qualifier and date ("свыше 3 тыс. квот",
"17 июня 2025 года"). Each word or phrase of the lexicon (`data/lexicon_ru.yaml` and the files
that extend it) is replaced by its English reading; a comma between digits becomes a point where
the language writes decimal commas. Words not in the lexicon are left as they are.

Every step is one pass over the passage's words, looking at most three words ahead.
"""

from __future__ import annotations

import re

# A word: letters, with inner apostrophes ("so'm", "soʻm"), and a glued ² or ³ ("м³").
_WORD = re.compile(r"(?<![^\W\d_])[мm]3(?!\d)|[^\W\d_]+(?:['ʻ‘’][^\W\d_]+)*[²³]?")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=(\d+)([.,]\d)?)")
_MAX_WORDS = 3
# What may stand between the words of one phrase: spaces, and an abbreviation's dot.
_PHRASE_GAP = re.compile(r"\.?[ \u00a0\u202f\u2009]*")
_YEAR_AHEAD = re.compile(r"[ \u00a0]*(?:19|20)\d\d(?!\d)(?![.,]\d)")
_FIGURE_AHEAD = re.compile(r"[ \u00a0]*(?:[$€£¥₽₸]|US\$)?[ \u00a0]*\d")
_FIGURE_BEHIND = re.compile(r"\d[%]?[ \u00a0]*$")
# "с 17,7 процента в 2020 году до 24,1": a "from" figure earlier in the clause pairs with "до"
_FROM_FIGURE = re.compile(r"(?<![^\W\d_])(?:с|со|от)[ \u00a0]+(?:[$€£¥₽₸]|US\$)?[ \u00a0]*\d", re.I)
_YEAR_BEHIND = re.compile(r"(?<!\d)(?:19|20)\d\d(?:-м|-го|-х)?[ \u00a0]*$")
# Sections whose words continue a figure ("5 млрд долларов до ..." : "до" comes after a figure).
_FIGURE_SECTIONS = {"multipliers", "currencies", "units", "counted_nouns"}


def cyrillic_edits(text: str, lexicon: dict, decimal_comma: bool) -> list[tuple[int, int, str]]:
    """(start, end, English) edits that turn `text` into the English view (see the module doc)."""
    if not lexicon:
        return []
    phrases: dict[str, str | None] = lexicon["phrases"]
    sections: dict[str, str] = lexicon["sections"]
    context: dict[str, dict[str, str]] = lexicon["context"]
    edits: list[tuple[int, int, str]] = []
    if decimal_comma:
        edits += [
            (m.start(), m.end(), ".")
            for m in _DECIMAL_COMMA.finditer(text)
            if _comma_is_decimal(text, m, phrases, sections)
        ]
    heads = lexicon["heads"]
    words = [m for m in _WORD.finditer(text) if not m.group().isascii() or _latin_known(m, heads)]
    previous_section = ""
    previous_end = -1
    i = 0
    while i < len(words):
        found = _longest_phrase(text, words, i, phrases)
        if found is not None:
            size, end, english = found
            start = words[i].start()
            # "$95 млрд": glued or spaced, the English words need a space before them
            pad = " " if start > 0 and not text[start - 1].isspace() else ""
            # "$19,57 mlrd.ni": a suffix glued after the word stays apart from the English
            after = " " if end < len(text) and text[end].isalpha() else ""
            edits.append((start, end, "" if english is None else f"{pad}{english}{after}"))
            previous_section, previous_end = sections.get(_key(text, words, i, size), ""), end
            i += size
            continue
        word = words[i]
        end = word.end()
        key = word.group().lower()
        if end < len(text) and text[end] == "." and key + "." in context:
            key, end = key + ".", end + 1  # "2024 г.": the abbreviation with its dot
        rule = context.get(key)
        if rule:
            found, english = _in_context(text, word, rule, previous_section, previous_end, sections)
            if found:
                edits.append((word.start(), end, english or ""))
        previous_section, previous_end = "", end
        i += 1
    return edits


# "1 тыс. 300 км": thousands written as a word, then the rest in digits (1,300 km)
_THOUSANDS_THEN_DIGITS = re.compile(
    r"(?<![\d,.])(\d{1,3})[ \u00a0]+тыс\.?[ \u00a0]+(\d{3})(?![\d,.]\d)"
)


def thousands_edits(text: str) -> list[tuple[int, int, str]]:
    """The figures written "1 тыс. 300" as one number, "1300"."""
    return [
        (m.start(), m.end(), m.group(1) + m.group(2)) for m in _THOUSANDS_THEN_DIGITS.finditer(text)
    ]


def _comma_is_decimal(text: str, m: re.Match, phrases: dict, sections: dict) -> bool:
    """Whether a comma between digits is a decimal mark in a passage that writes decimal commas.

    "94,8", "532,53", "1,234 млрд" are decimals. Three digits after the comma with no multiplier
    word after them ("15,000 руб.", "94,456 Р"), or followed by another mark ("6,000.00"), are
    thousands written the English way, as price tags are: three decimals on a figure without a
    multiplier are rare in prose, a thousands separator before a multiplier is never written.
    """
    digits, more = m.group(1), m.group(2)
    if more:
        return False
    if len(digits) != 3:
        return True
    after = _WORD.match(text, _skip_spaces(text, m.end() + 3))
    if after is None:
        return False
    word = after.group().lower()
    return sections.get(word) == "multipliers" or sections.get(word + ".") == "multipliers"


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \u00a0\u202f":
        i += 1
    return i


def _latin_known(m: re.Match, heads: frozenset[str]) -> bool:
    """A Latin-script word is looked at only when a lexicon phrase starts with it (Uzbek "mlrd",
    "so'm", "aqsh dollari"): English words in a Russian passage are left to the English reader."""
    return m.group().lower() in heads


def _key(text: str, words: list[re.Match], i: int, size: int) -> str:
    """The lexicon key of words i..i+size-1 as written, abbreviation dots kept."""
    parts = []
    for k in range(i, i + size):
        w = words[k]
        dotted = w.end() < len(text) and text[w.end()] == "."
        parts.append(w.group().lower() + ("." if dotted else ""))
    return " ".join(parts)


def _longest_phrase(
    text: str, words: list[re.Match], i: int, phrases: dict[str, str | None]
) -> tuple[int, int, str | None] | None:
    """(number of words, end offset, English) of the longest lexicon phrase at word i."""
    best = None
    parts: list[tuple[str, bool]] = []  # (word, followed by a dot)
    for k in range(i, min(i + _MAX_WORDS, len(words))):
        w = words[k]
        if k > i:
            gap = text[words[k - 1].end() : w.start()]
            if not _PHRASE_GAP.fullmatch(gap):
                break
        dotted = w.end() < len(text) and text[w.end()] == "."
        parts.append((w.group().lower(), dotted))
        head = " ".join(p + ("." if d else "") for p, d in parts[:-1])
        last, last_dot = parts[-1]
        sep = " " if head else ""
        if last_dot and f"{head}{sep}{last}." in phrases:
            best = (k - i + 1, w.end() + 1, phrases[f"{head}{sep}{last}."])
        elif f"{head}{sep}{last}" in phrases:
            best = (k - i + 1, w.end(), phrases[f"{head}{sep}{last}"])
        elif head and " ".join(p for p, _ in parts) in phrases:
            # a phrase whose abbreviations are written without their dots
            best = (k - i + 1, w.end(), phrases[" ".join(p for p, _ in parts)])
    return best


def _in_context(
    text: str,
    word: re.Match,
    rule: dict[str, str | None],
    previous_section: str,
    previous_end: int,
    sections: dict[str, str],
) -> tuple[bool, str | None]:
    """(whether the word is rewritten, its reading: None drops it) where it stands."""
    behind = text[max(0, word.start() - 12) : word.start()]
    between = text[previous_end : word.start()] if previous_end >= 0 else ""
    after_figure = bool(_FIGURE_BEHIND.search(behind)) or (
        previous_section in _FIGURE_SECTIONS and not between.strip()
    )
    clause = re.split(r"[.!?;:]\s", text[max(0, word.start() - 80) : word.start()])[-1]
    places = (
        ("after_year", lambda: _YEAR_BEHIND.search(behind) is not None),
        ("after_from", lambda: _FROM_FIGURE.search(clause) is not None),
        (
            "after_change",  # "экспорт вырос на 17%, до 8 млн тонн": rose to 8 million
            lambda: any(
                sections.get(w.group().lower()) == "change_verbs" for w in _WORD.finditer(clause)
            ),
        ),
        ("after_figure", lambda: after_figure),
        ("before_year", lambda: _YEAR_AHEAD.match(text, word.end()) is not None),
        ("before_figure", lambda: _FIGURE_AHEAD.match(text, word.end()) is not None),
        ("otherwise", lambda: True),
    )
    for place, holds in places:
        if place in rule and holds():
            return True, rule[place]
    return False, None
