"""Labels (names), sets of items and project statuses, read and compared.

A label is a name as a passage writes it ("Treaty on Eternal Good-Neighborliness, Friendship and
Cooperation"). Two labels are the same name when their normalized forms are equal: case,
punctuation, hyphens, "&"/"and", British/American spelling, diacritics and articles do not count.
Otherwise they differ, and `label_difference` names the significant words that make the
difference ("eternal" vs "permanent"), so an editor can settle it.

A set is a list of items ("centres for poverty reduction, education, desertification control and
trade facilitation"). Items match one to one through a looser key: normalized, with the domain
synonyms of `cca_claims/data/synonyms.yaml`, and words reduced to a crude stem, then compared by
rapidfuzz's token-set ratio ("education" ~ "educational exchange", "facilitating trade" ~ "smooth
trade facilitation").

A status is a project's stage, read with the ordered vocabulary of `cca_claims/data/statuses.yaml`
(see `cca_claims.quantities.statuses`; its public names are importable from here too).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path

import yaml
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from cca_claims.model import Reading
from cca_claims.quantities.places import canonical_words

# a name's normal form is the leaf module `spellings` (places needs it too); importable from here
from cca_claims.quantities.spellings import _tokens, normalize_label  # noqa: F401

# statuses live in their own module; these names stay importable from here
from cca_claims.quantities.statuses import (  # noqa: F401
    _status_table,
    known_status,
    status_names,
    status_rank,
    status_reading,
    unknown_status_hint,
)

_DATA = Path(__file__).resolve().parent.parent / "data"

# Words that never make two names different.
STOPWORDS = frozenset("the a an of on and for in to with at by from or its their".split())


def _significant(text: str) -> list[str]:
    return [w for w in _tokens(text) if w not in STOPWORDS]


def _word_diff(a: str, b: str) -> tuple[list[str], list[str]]:
    """Significant words only in a, only in b; near-identical words (typos) pair off."""
    wa, wb = _significant(a), _significant(b)
    only_a = list(wa)
    only_b = []
    for w in wb:
        if w in only_a:
            only_a.remove(w)
        else:
            only_b.append(w)
    # "goodneighborliness" vs "good neighborliness", "co operation" vs "cooperation"
    if "".join(only_a) == "".join(only_b):
        return [], []
    for w in list(only_a):
        twin = next(
            (
                v
                for v in only_b
                if (min(len(v), len(w)) >= 5 and fuzz.ratio(v, w) >= 88) or _typo_pair(w, v)
            ),
            None,
        )
        if twin is not None:
            only_a.remove(w)
            only_b.remove(twin)
    return only_a, only_b


def labels_equal(a: str, b: str, threshold: float = 90.0) -> tuple[bool, float]:
    """Whether two labels name the same thing, and their similarity (0-100).

    Equal normalized forms are equal (100). Otherwise a significant word one has and the other
    lacks makes them different whatever the score ("Eternal" vs "Permanent", a missing
    "Friendship"); with no such word, the rapidfuzz token-sort score decides against `threshold`.
    """
    na, nb = normalize_label(a), normalize_label(b)
    if na == nb or na.replace(" ", "") == nb.replace(" ", ""):
        return True, 100.0
    score = float(fuzz.token_sort_ratio(na, nb))
    only_a, only_b = _word_diff(a, b)
    if only_a or only_b:
        return False, score
    return score >= threshold, score


def label_difference(a: str, b: str) -> list[str]:
    """The significant words (normalized) one label has and the other lacks: a's first."""
    only_a, only_b = _word_diff(a, b)
    return only_a + only_b


def label_reading(text: str) -> Reading:
    """A label as written (kind "label")."""
    label = str(text).strip()
    return Reading(kind="label", label=label, text=str(text))


def set_reading(items: list[str], text: str = "") -> Reading:
    """A set of items as written (kind "set")."""
    clean = tuple(str(i).strip() for i in items if str(i).strip())
    return Reading(kind="set", items=clean, text=text)


# --------------------------------------------------------------------------- sets
@functools.lru_cache(maxsize=1)
def _synonyms() -> list[tuple[re.Pattern[str], str]]:
    """(pattern of a phrase, its canonical phrase), longest phrases first."""

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where present
    data = yaml.load((_DATA / "synonyms.yaml").read_text(encoding="utf-8"), Loader=loader) or {}
    pairs: list[tuple[str, str]] = []
    for group in data.get("groups", []):
        forms = [normalize_label(p) for p in group]
        pairs += [(f, forms[0]) for f in forms[1:] if f != forms[0]]
    pairs.sort(key=lambda p: -len(p[0]))
    return [(re.compile(rf"\b{re.escape(f)}\b"), canon) for f, canon in pairs]


_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ating",
    "ated",
    "ates",
    "ate",
    "ings",
    "ing",
    "ional",
    "ions",
    "ion",
    "al",
    "es",
    "ed",
    "s",
)


def _stem(word: str) -> str:
    """A crude stem: enough for "education"/"educational", "facilitating"/"facilitation"."""
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)].rstrip("e")
    return word.rstrip("e") if len(word) > 4 else word


@functools.lru_cache(maxsize=8192)  # a set claim's items are keyed again for every quote
def _set_key(item: str) -> str:
    s = canonical_words(normalize_label(item))  # "Kazakh" is Kazakhstan, "PRC" China
    for pat, canon in _synonyms():
        s = pat.sub(canon, s)
    return " ".join(_stem(w) for w in s.split() if w not in STOPWORDS)


def _assign(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Maximum-weight one-to-one assignment (Hungarian method, O(n^3)) on a rectangular matrix."""
    n_rows, n_cols = len(weights), len(weights[0]) if weights else 0
    n = max(n_rows, n_cols)
    if n == 0:
        return []
    top = max((w for row in weights for w in row), default=0.0)
    cost = [
        [top - (weights[i][j] if i < n_rows and j < n_cols else 0.0) for j in range(n)]
        for i in range(n)
    ]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    p, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return [(p[j] - 1, j - 1) for j in range(1, n + 1) if p[j] - 1 < n_rows and j - 1 < n_cols]


def match_sets(
    a: list[str], b: list[str], threshold: float = 85.0
) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Match two lists item by item, one to one: (pairs, items only in a, items only in b).

    Items compare by a key (normalized label, domain synonyms, crude stems, stopwords dropped)
    scored with rapidfuzz's token-set ratio, so an item matches one that adds or drops a
    modifier ("trade facilitation" ~ "smooth trade facilitation"). The assignment maximizes the
    total score (plain similarity breaks ties); pairs below `threshold` are not matches.
    """
    a, b = [str(x) for x in a], [str(x) for x in b]
    if not a or not b:
        return [], list(a), list(b)
    ka, kb = [_set_key(x) for x in a], [_set_key(x) for x in b]
    scores = [[_pair_score(x, y) for y in kb] for x in ka]
    # ties on the loose key ("education" ~ "education exchange" ~ "educational exchange") go to
    # the pair whose written forms are closest
    na, nb = [normalize_label(x) for x in a], [normalize_label(y) for y in b]
    weights = [
        [s + fuzz.ratio(x, y) / 1000 if s >= threshold else 0.0 for s, y in zip(row, nb)]
        for row, x in zip(scores, na)
    ]
    pairs = [(i, j) for i, j in _assign(weights) if scores[i][j] >= threshold]
    pairs.sort()
    matched_a = {i for i, _ in pairs}
    matched_b = {j for _, j in pairs}
    return (
        [(a[i], b[j]) for i, j in pairs],
        [x for i, x in enumerate(a) if i not in matched_a],
        [y for j, y in enumerate(b) if j not in matched_b],
    )


def _pair_score(x: str, y: str) -> float:
    if x == y:
        return 100.0
    if not x or not y:
        return 0.0
    return float(fuzz.token_set_ratio(x, y))


def word_difference(a: str, b: str) -> tuple[list[str], list[str]]:
    """The significant words only `a` has and only `b` has (typos pair off as the same word)."""
    return _word_diff(a, b)


# --------------------------------------------------------------------------- names in prose
_WORD_SPAN_RE = re.compile(r"[\w'’‘.&-]*\w[\w'’‘&-]*|&")
_LOCATE_THRESHOLD = 60.0  # how nearly a stretch of the quote must match a name to be read as it
# Where a name cannot run on: clause and sentence breaks, brackets, quotation marks.
_NAME_BREAK_RE = re.compile(r"[;:()\[\]“”\"«»!?]|\.\s")
_ARTICLE_RE = re.compile(r"^(?:a|an|the)\s+", re.I)


def read_label(text: str, names: list[str] | tuple[str, ...]) -> Reading | None:
    """The name a quote writes where it speaks of one of `names` (the claim's value and its
    accepted variants), or None when no stretch of the quote comes close to any of them.

    The quote is cut on word boundaries into stretches about as long as each name (a few words
    shorter or longer), and the stretch whose normalized form is most like a name (rapidfuzz
    ratio, at least 60, sharing a third of its significant words) is read, as written: "A Treaty on Permanent Good-Neighborliness;" for
    "Treaty on Eternal Good-Neighborliness, Friendship and Cooperation" reads "Treaty on
    Permanent Good-Neighborliness", which the label rule then compares word by word. Ties go to
    the stretch nearest the name's length, then the earlier one.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    targets = [normalize_label(n) for n in names if str(n).strip()]
    targets = [t for t in targets if t]
    if not targets:
        return None
    words = [(m.start(), m.end()) for m in _WORD_SPAN_RE.finditer(text)]
    best: tuple[float, int, int, tuple[int, int]] | None = None
    for target in targets:
        size = len(target.split())
        wanted = set(_significant(target))
        enough = max(1, -(-len(wanted) // 3))  # a third of the name's significant words
        for n in range(max(1, size - 3), size + 4):
            for i in range(0, len(words) - n + 1):
                a, b = words[i][0], words[i + n - 1][1]
                if _NAME_BREAK_RE.search(text, a, b):
                    continue  # a name does not run across a clause break
                form = normalize_label(text[a:b])
                if not form or len(wanted & set(_significant(form))) < enough:
                    continue
                score = float(fuzz.ratio(form, target))
                key = (score, -abs(len(form.split()) - size), i, (a, b))
                if best is None or key > best:
                    best = key
    if best is None or best[0] < _LOCATE_THRESHOLD:
        return None
    a, b = best[3]
    written = _ARTICLE_RE.sub("", text[a:b]).strip(" ,;:.\"'“”‘’")
    start = text.index(written, a)
    reading = label_reading(written)

    return replace(reading, span=(start, start + len(written)))


def accept_variant(reading: Reading | None, value: str | None, aliases) -> Reading | None:
    """A label reading that is one of the claim's accepted variants (`aliases:`), read as the
    claim's own value (the written name stays in `text`, and a note says so); others unchanged."""
    if reading is None or reading.kind != "label" or not value or not aliases:
        return reading
    if labels_equal(reading.label, str(value))[0]:
        return reading
    for alias in aliases:
        if labels_equal(reading.label, str(alias))[0]:
            note = f'"{reading.label}" is an accepted variant of "{value}" (aliases)'
            return replace(reading, label=str(value), notes=(*reading.notes, note))
    return reading


def typos(a: str, b: str) -> list[tuple[str, str]]:
    """Word pairs that make two names differ by what is likely a typo: (word in a, word in b).

    A typo is a word of at least four letters one or two edits from a word of the other name
    (one edit for words under eight letters; swapping two letters is one edit), that is not a
    spelling or word-form variant of it
    (British/American spelling and stems are normalized first): "external" for "eternal",
    "Frendship" for "Friendship"; not "educational" for "education".
    """
    wa, wb = _significant(a), _significant(b)
    only_a = [w for w in wa if w not in wb]
    only_b = [w for w in wb if w not in wa]
    out = []
    for w in only_a:
        for v in only_b:
            if _typo_pair(w, v):
                out.append((w, v))
                only_b.remove(v)
                break
    return out


def _typo_pair(w: str, v: str) -> bool:
    """Whether two different words are likely one word mistyped: four letters or more, one
    edit apart (two from eight letters; a swap of two letters is one edit), and not two forms
    of one word (same crude stem: "education", "educational")."""

    if w == v or min(len(w), len(v)) < 4 or _stem(w) == _stem(v):
        return False
    if w.isdigit() or v.isdigit():
        return False  # "2024" vs "2025" is another year, never a typo
    limit = 1 if max(len(w), len(v)) < 8 else 2
    return OSA.distance(w, v) <= limit
