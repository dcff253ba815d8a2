"""What a figure is about, read from the words of its sentence: the measure, the place, the year.

Two figures can only contradict each other when they measure the same thing: the same kind and
unit, the same noun ("trade", "kilometers of railway"), the same place ("in Kyrgyzstan") and the
same period ("in 2024"). This module turns a sentence into the words that say so; the place
names come from `cca_claims/data/places.txt`.
"""

from __future__ import annotations

import functools
import re
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


@functools.lru_cache(maxsize=1)
def place_table() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for every place (group `p<i>` for the i-th) and the canonical names, read from
    cca_claims/data/places.txt. One pattern: a sentence is searched once, not once per place."""
    text = resources.files("cca_claims.data").joinpath("places.txt").read_text(encoding="utf-8")
    alternatives, names = [], []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        name, spellings = line.split(":", 1)
        latin, cjk = [], []
        for spelling in sorted((s.strip() for s in spellings.split(",")), key=len, reverse=True):
            if spelling:
                (cjk if _CJK_RE.search(spelling) else latin).append(re.escape(spelling))
        parts = []
        if latin:
            parts.append(r"(?<![^\W\d_])(?:" + "|".join(latin) + ")")
        if cjk:
            parts.append("(?:" + "|".join(cjk) + ")")
        alternatives.append(f"(?P<p{len(names)}>" + "|".join(parts) + ")")
        names.append(name.strip())
    return re.compile("|".join(alternatives), re.IGNORECASE), tuple(names)


def places_in(text: str, joined: bool = False) -> list[tuple[int, int, str]]:
    """Every place named in `text`: (start, end, canonical name), in text order; with `joined`,
    also the places inside names made of places ("China-Kyrgyzstan-Uzbekistan railway")."""
    pattern, names = place_table()
    found = []
    for m in pattern.finditer(text):
        if joined:
            found.append((m.start(), m.end(), names[int(m.lastgroup[1:])]))
            continue
        # "China-Kyrgyzstan-Uzbekistan railway", "China–Central Asia summit": a name made of
        # places is the name of a thing, and says nothing of where a figure is
        if text[m.end() : m.end() + 1] in _JOINERS or text[m.start() - 1 : m.start()] in _JOINERS:
            continue
        found.append((m.start(), m.end(), names[int(m.lastgroup[1:])]))
    return found


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
