"""What a figure is about, read from the words of its sentence: the measure, the place, the year.

Two figures can only contradict each other when they measure the same thing: the same kind and
unit, the same noun ("trade", "kilometers of railway"), the same place ("in Kyrgyzstan") and the
same period ("in 2024"). This module turns a sentence into the words that say so; the place
names come from `cca_claims/data/places.txt`, the measures' names in three languages from
`cca_claims/data/measures.txt`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

# Function words and reporting verbs: they occur near every figure and say nothing about what
# it measures. English and Russian (the corpus's languages written with spaces).
STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or as is are was were be been being has
    have had its it this that these those than then their there which who whom whose will would
    shall should may might can could about around over under more less than nearly almost some
    up down per each into onto out also according said says say reported reports announced
    official officials told noted added stated
    total totals reached reach reaches exceeded exceed exceeds rose rise rises fell fall grew
    grow growth increased increase decreased decrease amounted amount amounts stood stands
    approximately roughly least most just only over while after before since during between
    last next first year years month months week day days percent billion million thousand
    trillion bn mn m k new other same such our we they he she them his her us not no nor so
    but if all any both every when where what how
    и в во на с со по для из от до за к о об при как что это этот эта его ее их был была было
    были будет быть также более менее около почти свыше году года год лет млрд млн тыс млрд.
    составил составила составило составили достиг достигла достигло превысил превысила
    процентов процента процент миллиардов миллиарда миллиард миллионов долларов доллара
    """.split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

_WORD_RE = re.compile(
    r"[\u3400-\u9fff]+|(?![\u3400-\u9fff])[^\W\d_](?:(?![\u3400-\u9fff])[\w'’-])*"
)
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_JOINERS = frozenset("-–—‐")
_LETTERS_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]")  # the first letter of a word


@dataclass(frozen=True)
class PlaceTable:
    """The place spellings of cca_claims/data/places.txt, ready for lookup: Latin and Cyrillic
    spellings by their first three letters (lowercase), Chinese ones in one pattern."""

    by_prefix: dict[str, tuple[tuple[str, str], ...]]  # "kyr" -> (("kyrgyz", "Kyrgyzstan"), ...)
    cjk: re.Pattern[str] | None
    cjk_names: dict[str, str]


@functools.lru_cache(maxsize=1)
def place_table() -> PlaceTable:
    """The place table, read once from cca_claims/data/places.txt."""
    text = resources.files("cca_claims.data").joinpath("places.txt").read_text(encoding="utf-8")
    by_prefix: dict[str, list[tuple[str, str]]] = {}
    cjk_names: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        name, spellings = line.split(":", 1)
        for spelling in (s.strip() for s in spellings.split(",")):
            if not spelling:
                continue
            if _CJK_RE.search(spelling):
                cjk_names[spelling] = name.strip()
            else:
                key = spelling[:3].lower()
                by_prefix.setdefault(key, []).append((spelling.lower(), name.strip()))
    for entries in by_prefix.values():
        entries.sort(key=lambda e: -len(e[0]))  # the longest spelling first
    cjk = None
    if cjk_names:
        ordered = sorted(cjk_names, key=len, reverse=True)
        cjk = re.compile("|".join(re.escape(s) for s in ordered))
    return PlaceTable({k: tuple(v) for k, v in by_prefix.items()}, cjk, cjk_names)


def places_in(text: str, joined: bool = False) -> list[tuple[int, int, str]]:
    """Every place named in `text`: (start, end, canonical name), in text order; with `joined`,
    also the places inside names made of places ("China-Kyrgyzstan-Uzbekistan railway").

    A Latin or Cyrillic spelling matches at the start of a word ("Kyrgyz" in "Kyrgyzstan's"),
    a Chinese one anywhere."""
    table = place_table()
    found = []
    lowered = text.lower()
    for m in _LETTERS_RE.finditer(text):
        start = m.start()
        for spelling, name in table.by_prefix.get(lowered[start : start + 3], ()):
            if lowered.startswith(spelling, start):
                found.append((start, start + len(spelling), name))
                break
    if table.cjk is not None and _CJK_RE.search(text):
        found.extend(
            (m.start(), m.end(), table.cjk_names[m.group()]) for m in table.cjk.finditer(text)
        )
        found.sort()
    if joined:
        return found
    # "China-Kyrgyzstan-Uzbekistan railway", "China–Central Asia summit": a name made of places
    # is the name of a thing, and says nothing of where a figure is
    return [
        p
        for p in found
        if text[p[1] : p[1] + 1] not in _JOINERS and text[p[0] - 1 : p[0]] not in _JOINERS
    ]


@dataclass(frozen=True)
class MeasureTable:
    """The spellings of cca_claims/data/measures.txt: whole words, word starts (Russian
    endings vary) and Chinese character pairs, each to its English measure."""

    exact: dict[str, str]
    prefixes: tuple[tuple[str, str], ...]


@functools.lru_cache(maxsize=1)
def measure_table() -> MeasureTable:
    """The measure table, read once from cca_claims/data/measures.txt."""
    text = resources.files("cca_claims.data").joinpath("measures.txt").read_text(encoding="utf-8")
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        name, _, spellings = line.partition(":")
        for spelling in (s.strip().lower() for s in spellings.split(",")):
            if spelling.endswith("*"):
                prefixes.append((spelling[:-1], name.strip()))
            elif spelling:
                exact[spelling] = name.strip()
    # the longest start first: "электроэнерг" before "энерг" would not matter, but "газопровод"
    # (pipeline) must win over "газ" (gas)
    prefixes.sort(key=lambda p: -len(p[0]))
    return MeasureTable(exact, tuple(prefixes))


def measure_of(word: str) -> str:
    """The English measure a content word (as `words` gives it) names, or "" ("торговли" ->
    "trade", "贸易" -> "trade", "investment" -> "investment")."""
    table = measure_table()
    w = word.lower()
    if w in table.exact:
        return table.exact[w]
    for prefix, name in table.prefixes:
        if w.startswith(prefix):
            return name
    return ""


def stem(word: str) -> str:
    """A crude stem: lowercase, trailing plural and possessive endings off (English only)."""
    w = word.lower().strip("'’-")
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def words(text: str) -> list[tuple[int, int, str]]:
    """The content words of `text` with their spans: stems, no function words, no month names.

    A run of Chinese characters gives its overlapping character pairs, the usual unit of
    comparison for text without spaces.
    """
    out = []
    for m in _WORD_RE.finditer(text):
        token = m.group()
        if _CJK_RE.match(token):
            pairs = [token[i : i + 2] for i in range(max(1, len(token) - 1))]
            out.extend((m.start() + i, m.start() + i + 2, p) for i, p in enumerate(pairs))
            continue
        s = stem(token)
        if len(s) < 3 or s in STOPWORDS or s in MONTHS:
            continue
        out.append((m.start(), m.end(), s))
    return out


def near_words(
    sentence_words: list[tuple[int, int, str]], start: int, end: int, window: int = 6
) -> tuple[str, ...]:
    """The content words within `window` words of the span [start, end), nearest first."""
    before = [w for w in sentence_words if w[1] <= start][-window:]
    after = [w for w in sentence_words if w[0] >= end][:window]
    ranked = sorted(
        [(start - w[1], w[2]) for w in before] + [(w[0] - end, w[2]) for w in after],
        key=lambda t: t[0],
    )
    seen: list[str] = []
    for _distance, word in ranked:
        if word not in seen:
            seen.append(word)
    return tuple(seen)


def nearest_place(places: list[tuple[int, int, str]], start: int, end: int) -> str:
    """The place named nearest to the span [start, end) in its sentence, or ""."""
    best, distance = "", None
    for p_start, p_end, name in places:
        d = start - p_end if p_end <= start else p_start - end if p_start >= end else 0
        if distance is None or d < distance:
            best, distance = name, d
    return best
