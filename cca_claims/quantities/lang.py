"""Which language a passage is in, its lexicon, and the English view the value reader reads.

The value reader knows English. A passage in another language it has a lexicon for
(`cca_claims/data/lexicon_<code>.yaml`: Russian, Kazakh, Uzbek, Chinese) is first rewritten into
an English *view*: the figures, multipliers, currencies, units, qualifiers and dates of the
language become the English words the reader already reads ("94,8 млрд долларов" ->
"94.8 billion dollars", "6741.5亿元" -> "674.15 billion yuan"), everything else is left as it
is. The view keeps a map back to the original, so every reading's span and text are those of the
passage as written.

The language is the source's `language:` when the passage is written in that language's script;
otherwise it is inferred from the script (Cyrillic -> Russian, or Kazakh where letters only Kazakh
has appear; Han -> Chinese). A Latin-script passage with no declared language is English.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

import cca_claims.quantities.lexicon as lx

_DATA = Path(__file__).resolve().parent.parent / "data"
# Languages with a lexicon file, and the script each is written in.
LEXICON_LANGUAGES = ("ru", "kk", "uz", "zh")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_LATIN_LETTERS = re.compile(r"[A-Za-z]")
# Scripts the reader has no lexicon for (Greek, Armenian, Hebrew, Arabic, Devanagari, Thai,
# Georgian, hiragana, katakana, Hangul): a figure followed by a word in one of them is not read.
_FOREIGN_BLOCKS = (
    ("\u0370", "\u03ff"),
    ("\u0530", "\u058f"),
    ("\u0590", "\u05ff"),
    ("\u0600", "\u06ff"),
    ("\u0900", "\u097f"),
    ("\u0e00", "\u0e7f"),
    ("\u10a0", "\u10ff"),
    ("\u3040", "\u309f"),
    ("\u30a0", "\u30ff"),
    ("\uac00", "\ud7af"),
)
FOREIGN_SCRIPTS = re.compile("[" + "".join(f"{lo}-{hi}" for lo, hi in _FOREIGN_BLOCKS) + "]")


def _script_run(word: str) -> str:
    """The start of `word` written in the script of its first letter ("ドル" of "ドルに達し")."""
    for lo, hi in _FOREIGN_BLOCKS:
        if lo <= word[0] <= hi:
            end = 1
            while end < len(word) and lo <= word[end] <= hi:
                end += 1
            return word[:end]
    return word


def normalize_code(language: str | None) -> str:
    """The two-letter code of a registry `language:` value: "ru-RU" -> "ru", "zh-Hans" -> "zh"."""
    if not language:
        return ""
    return re.split(r"[-_]", str(language).strip().lower(), maxsplit=1)[0]


def language_of(text: str, declared: str | None = "") -> str:
    """The language whose lexicon reads `text`: "en", "ru", "kk", "uz", "zh", or a declared code
    the reader has no lexicon for (the caller says such figures are not read).

    A declared language decides when the text is written in its script (a Russian source
    quoting an English sentence is read as English). Cheap on English text: one `isascii` test.
    """
    code = normalize_code(declared)
    if text.isascii():
        return code if code == "uz" or (code and code not in ("en", "ru", "kk", "zh")) else "en"
    han = _HAN.search(text) is not None
    cyrillic = _CYRILLIC.search(text) is not None
    if code in ("ru", "kk", "uz") and cyrillic:
        return code
    if code == "uz":
        return "uz"
    if code == "zh" and han:
        return "zh"
    if han:
        return "zh"
    if cyrillic:
        return "kk" if _KAZAKH_LETTERS.search(text) else "ru"
    if code and code not in ("en", "ru", "kk", "zh"):
        return code
    return "en"


def mostly_cyrillic(text: str) -> bool:
    """Whether a passage has more Cyrillic letters than Latin ones (where "1,5" is 1.5)."""
    return len(_CYRILLIC.findall(text)) > len(_LATIN_LETTERS.findall(text))


@functools.lru_cache(maxsize=8)
def lexicon(code: str) -> dict:
    """The lexicon of a language, with the words of the lexicon it `extends` merged in.

    Returns {} for a language without a lexicon file. The `words` sections are flattened into
    one table `phrases` (lowercase phrase -> English reading or None), and `sections` says which
    section each phrase came from.
    """
    path = _DATA / f"lexicon_{code}.yaml"
    if code not in LEXICON_LANGUAGES or not path.is_file():
        return {}
    import yaml  # lang is imported with the package: yaml only once a lexicon is read

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    phrases: dict[str, str | None] = {}
    sections: dict[str, str] = {}
    context: dict[str, dict[str, str]] = {}
    base = data.get("extends")
    if base:
        parent = lexicon(base)
        phrases.update(parent.get("phrases", {}))
        sections.update(parent.get("sections", {}))
        context.update(parent.get("context", {}))
    for section, entries in (data.get("words") or {}).items():
        for phrase, english in (entries or {}).items():
            key = str(phrase).lower()
            reading = None if english is None else str(english)
            # "долл. сша" is also written "долл сша"; a one-letter "г." is not dropped as "г"
            for form in (key, key.replace(".", "")):
                if form == key or (len(form) > 1 and form not in phrases):
                    phrases[form] = reading
                    sections[form] = section
    context.update(data.get("context") or {})
    # the first word of every phrase and context word, as a passage writes it (dot or not)
    heads = frozenset(
        w for key in (*phrases, *context) for w in (key.split()[0], key.split()[0].rstrip("."))
    )
    return {**data, "phrases": phrases, "sections": sections, "context": context, "heads": heads}


# --------------------------------------------------------------------------- the English view
@dataclass(frozen=True)
class TextView:
    """A rewritten passage and the map from its offsets back to the original's.

    `segments` are (view_start, view_end, original_start, original_end, rewritten): the view is
    their concatenation; an unchanged segment maps character by character, a rewritten one maps
    as a whole (a reading that starts inside it starts where the original words start).
    """

    original: str
    text: str
    segments: tuple[tuple[int, int, int, int, bool], ...]
    language: str
    starts: tuple[int, ...] = ()  # each segment's view start, for bisection
    ends: tuple[int, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the view span [start, end); O(log n) in the segments."""
        segs = self.segments
        if not segs:
            return start, end
        starts, ends = self.starts, self.ends
        i = max(0, bisect.bisect_right(starts, start) - 1)
        vs, _ve, os_, _oe, rewritten = segs[i]
        a = os_ if rewritten else os_ + (start - vs)
        j = min(len(segs) - 1, bisect.bisect_left(ends, end))
        vs, _ve, os_, oe, rewritten = segs[j]
        b = oe if rewritten else os_ + (end - vs)
        return a, max(a, b)

    def reading_in_original(self, r):
        """A reading of the view, with its span and text in the original passage."""
        if r.span is None:
            return r
        a, b = self.to_original(*r.span)
        return replace(r, span=(a, b), text=self.original[a:b])


def build_view(original: str, edits: list[tuple[int, int, str]], language: str) -> TextView:
    """The view of `original` with each edit (start, end, replacement) applied.

    Edits must not overlap; they are applied in order of their start. An edit may insert
    (start == end) or delete (replacement "").
    """
    parts: list[str] = []
    segments: list[tuple[int, int, int, int, bool]] = []
    pos = vpos = 0
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < pos:
            continue  # overlapping edit: the first one stands
        if start > pos:
            chunk = original[pos:start]
            parts.append(chunk)
            segments.append((vpos, vpos + len(chunk), pos, start, False))
            vpos += len(chunk)
        if new:
            parts.append(new)
            segments.append((vpos, vpos + len(new), start, end, True))
            vpos += len(new)
        pos = end
    if pos < len(original):
        chunk = original[pos:]
        parts.append(chunk)
        segments.append((vpos, vpos + len(chunk), pos, len(original), False))
    return TextView(
        original,
        "".join(parts),
        tuple(segments),
        language,
        tuple(seg[0] for seg in segments),
        tuple(seg[1] for seg in segments),
    )


_MIDDOT_DECIMAL = re.compile(r"(?<=\d)[·•](?=\d)")


def middot_edits(text: str) -> list[tuple[int, int, str]]:
    """A middle dot between digits is a decimal point ("US$4·7bn", as British papers print it)."""
    if "·" not in text and "•" not in text:
        return []
    return [(m.start(), m.end(), ".") for m in _MIDDOT_DECIMAL.finditer(text)]


def english_view(text: str, language: str) -> TextView | None:
    """The English view of a passage in `language`, or None when there is nothing to rewrite."""
    edits = middot_edits(text)
    if language in ("ru", "kk", "uz"):
        from cca_claims.quantities.lang_cyrl import cyrillic_edits, thousands_edits

        grouped = thousands_edits(text)
        edits += grouped
        words = cyrillic_edits(text, lexicon(language), _comma_is_decimal(text))
        edits += [e for e in words if not any(a <= e[0] < b for a, b, _ in grouped)]
    elif language == "zh":
        from cca_claims.quantities.lang_zh import chinese_edits

        edits += chinese_edits(text, lexicon("zh"))
    if not edits:
        return None
    return build_view(text, edits, language)


def _comma_is_decimal(text: str) -> bool:
    """In a Russian, Kazakh or Uzbek passage "1,5" is 1.5, unless the passage is mostly English
    words (a quote in English keeps "1,500" as fifteen hundred)."""
    return mostly_cyrillic(text) or not _CYRILLIC.search(text)


# --------------------------------------------------------------------------- what is not read
@dataclass(frozen=True)
class Unread:
    """A figure the reader saw but could not read: where it stands and why."""

    span: tuple[int, int]
    text: str
    reason: str

    def notice(self) -> str:
        """One line for people: "not read: '5 milyar' (...)"."""
        return f"not read: {self.text!r} ({self.reason})"


_NEXT_WORD = re.compile(r"[ \u00a0\u202f\u2009]?([^\W\d_]+)")
# Function words after a figure that say nothing of its size, in any Latin-script language.
_HARMLESS = frozenset({"and", "or", "to", "of", "in", "on", "at", "for", "by", "from", "the"})


def split_unread(text: str, readings: list, language: str) -> tuple[list, list[Unread]]:
    """Readings to keep, and figures not read: a figure followed by a word in a script the
    reader has no lexicon for ("$5 مليار"), or, in a language it has no lexicon for (the source
    says `language: tr`), by a word it does not know ("$5 milyar"): that word may multiply the
    figure, so reading the amount without it could blame a source for a misreading. A count
    ("644.00 جنيه", "12,000원", "1 دينار") says no unit or currency and is compared with no
    amount: it is kept, with a note saying what was not read."""
    known = language in ("en", *LEXICON_LANGUAGES)
    cyrillic = language in ("ru", "kk", "uz") and _CYRILLIC.search(text) is not None
    if known and not cyrillic and FOREIGN_SCRIPTS.search(text) is None:
        return readings, []

    keep, unread = [], []
    for r in readings:
        if r.kind in ("date", "set", "label", "status") or r.span is None:
            keep.append(r)
            continue
        # a count compares only with counts of the same noun, which a word the reader cannot
        # read never names: it stays, with a note (a multiplier is what could be misread)
        bare = r.kind == "count"
        m = _NEXT_WORD.match(text, r.span[1])
        word = m.group(1) if m else ""
        reason = ""
        if word and FOREIGN_SCRIPTS.match(word):
            word = _script_run(word)
            reason = (
                f"the word {word!r} after the figure is in a script the reader has no lexicon for"
            )
        elif word and not known and word.lower() not in lx.STOP_WORDS | _HARMLESS:
            reason = (
                f"no lexicon for language {language!r}: the word {word!r} after the figure may "
                "multiply it"
            )
        elif (
            word
            and cyrillic
            and r.kind in ("money", "quantity")
            and _unknown_abbreviation(word, language)
        ):
            reason = (
                f"the abbreviation {word!r} after the figure is not in the {language} lexicon: "
                "it may multiply it"
            )
        if reason and bare:
            keep.append(replace(r, notes=(*r.notes, f"the figure alone is read: {reason}")))
        elif reason:
            end = m.start(1) + len(word) if m else r.span[1]
            unread.append(Unread((r.span[0], end), text[r.span[0] : end], reason))
        else:
            keep.append(r)
    return keep, unread


_CYRILLIC_VOWELS = set("аеёиоуыэюяәөүұіўaeiou")


def _unknown_abbreviation(word: str, language: str) -> bool:
    """A Cyrillic word of consonants only ("млрдд", "трлнн") that the lexicon does not list: an
    abbreviation, which after a figure is most often its multiplier or unit."""
    low = word.lower()
    if len(low) < 2 or not _CYRILLIC.match(low) or _CYRILLIC_VOWELS & set(low):
        return False
    phrases = lexicon(language).get("phrases", {})
    return low not in phrases and low + "." not in phrases
