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
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_MAX_WORDS = 3
# What may stand between the words of one phrase: spaces, and an abbreviation's dot.
_PHRASE_GAP = re.compile(r"\.?[ \u00a0\u202f\u2009]+")
_YEAR_AHEAD = re.compile(r"[ \u00a0]*(?:19|20)\d\d(?!\d)(?![.,]\d)")
_FIGURE_AHEAD = re.compile(r"[ \u00a0]*(?:[$€£¥₽₸]|US\$)?[ \u00a0]*\d")
_FIGURE_BEHIND = re.compile(r"\d[%]?[ \u00a0]*$")
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
        edits += [(m.start(), m.end(), ".") for m in _DECIMAL_COMMA.finditer(text)]
    words = [m for m in _WORD.finditer(text) if not m.group().isascii() or _latin_known(m, phrases)]
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
            edits.append((start, end, "" if english is None else f"{pad}{english}"))
            previous_section, previous_end = sections.get(_key(text, words, i, size), ""), end
            i += size
            continue
        word = words[i]
        rule = context.get(word.group().lower())
        if rule:
            english = _in_context(text, word, rule, previous_section, previous_end)
            if english:
                edits.append((word.start(), word.end(), english))
        previous_section, previous_end = "", word.end()
        i += 1
    return edits


def _latin_known(m: re.Match, phrases: dict) -> bool:
    """A Latin-script word is rewritten only when the lexicon lists it (Uzbek "mlrd", "so'm")."""
    return m.group().lower() in phrases or m.group().lower() + "." in phrases


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
    text: str, word: re.Match, rule: dict[str, str], previous_section: str, previous_end: int
) -> str:
    """The reading of a context word ("до", "с", "от") where it stands, or "" to leave it."""
    ahead = text[word.end() :]
    between = text[previous_end : word.start()] if previous_end >= 0 else ""
    after_figure = bool(_FIGURE_BEHIND.search(text[max(0, word.start() - 12) : word.start()])) or (
        previous_section in _FIGURE_SECTIONS and not between.strip()
    )
    if "after_figure" in rule and after_figure:
        return rule["after_figure"]
    if "before_year" in rule and _YEAR_AHEAD.match(ahead):
        return rule["before_year"]
    if "before_figure" in rule and _FIGURE_AHEAD.match(ahead):
        return rule["before_figure"]
    return ""
