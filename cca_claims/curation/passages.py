"""Every sentence of every source, and every value the reader finds in it, with its context.

The curation commands (scan, suggest, discover) look at whole sources, not only at quoted
passages: each source is split into sentences, each sentence read with the value reader
(`cca_claims.quantities.read_values`, with the source's date as reference, as `read_claims.py`
reads a quote) plus the project statuses and enumerations of `kind_readings`, and each value
gets what its sentence says about it (`context.py`): nearby words, place, period.

Extraction is a map over documents: each source's figures depend on its text, its metadata and
the reading settings only, so they are kept per source in the cache folder (`passages.memo`,
keyed by the source's text digest and the tool's code) and a large cold run shares the sources
between forked workers (`cca_claims.speed.parallel.Runner`), as `check --jobs` does.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from cca_claims.curation.context import near_words, nearest_place, places_in, words
from cca_claims.model import Reading, Source
from cca_claims.quantities import read_values
from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.quote_value import kind_readings
from cca_claims.speed import cache

MEMO_NAME = "passages.memo"  # beside the check's cache entries; not a `*.pickle`, never pruned
PARALLEL_MIN_SOURCES = 40  # below this a worker costs more than it saves
MAX_ITEM_WORDS = 4  # a list's items are names, not clauses
MAX_SENTENCE = 2_000  # a "sentence" longer than this (a table, a list without stops) is cut

# A sentence ends at . ! ? … (then closing quotes/brackets, then space and a capital, digit or
# opening quote), at Chinese full stops, at a blank line, and before a bullet line.
_END_RE = re.compile(
    r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-ZА-ЯЁ0-9\u3400-\u9fff])"
    r"|(?<=[。！？；])[”’」』]*"
    r"|\n[ \t]*\n\s*"
    r"|\n(?=[ \t]*(?:[-•*–]|\d+[.)])\s)"
)
# a figure in such a sentence is a running total at some date, not a figure of one period
_CUTOFF_RE = re.compile(
    r"\b(?:since|so far|to date|as of|as at|by the end of|cumulative(?:ly)?|accumulated|"
    r"in total|all told)\b|\bby (?:the )?(?:early |mid-?|late )?(?:\d{4}|[A-Z][a-z]+ \d{4})"
    r"|累计|截至|на сегодня|с момента|накопленн",
    re.IGNORECASE,
)
_FIRST_WORD_RE = re.compile(r"[^\W\d_]")
_CJK_CHAR_RE = re.compile(r"[\u3400-\u9fff]")
# words before a full stop that do not end a sentence
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no vs etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct "
    "nov dec u.s u.k e.g i.e approx gov млрд млн тыс г гг руб долл ул".split()
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a source: offsets into the original text and its 1-based line:col."""

    source: str
    index: int
    start: int
    end: int
    line: int
    col: int
    text: str


@dataclass(frozen=True)
class Figure:
    """One value a sentence states, with what the sentence says about it.

    `reading.span` is relative to the sentence; `start`/`end` are offsets into the source.
    `words` are the content words nearest the figure (nearest first), `place` the place named
    nearest to it, `places` every place of the sentence, `topic` all its content words, `period` the days the figure refers
    to when the sentence says ("in 2024"), as (first, last) day ordinals.
    """

    source: str
    sentence: int
    reading: Reading
    start: int
    end: int
    line: int
    col: int
    words: tuple[str, ...] = ()
    place: str = ""
    places: tuple[str, ...] = ()
    period: tuple[float, float] | None = None
    topic: tuple[str, ...] = ()  # every content word of the sentence, sorted
    before: tuple[str, ...] = ()  # the content words before the figure, nearest first
    names: tuple[str, ...] = ()  # the nearby words written with a capital: names of things
    cutoff: bool = False  # a running total at a date ("by March 2025", "since 2009", 累计)

    @property
    def kind(self) -> str:
        return self.reading.kind

    @property
    def noun(self) -> str:
        """What is measured, in one word: the counted noun, else the nearest content word."""
        if self.reading.kind == "count" and self.reading.unit.startswith("count:"):
            return self.reading.unit.split(":", 1)[1]
        return self.words[0] if self.words else ""


@dataclass(frozen=True)
class SourcePassages:
    """A source's sentences and figures."""

    source: str
    sentences: tuple[Sentence, ...]
    figures: tuple[Figure, ...]


def split_sentences(source_id: str, text: str) -> list[Sentence]:
    """The sentences of `text`, with offsets into it; whitespace around each is left out."""
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]
    cuts = [0]
    for m in _END_RE.finditer(text):
        before = text[max(0, m.start() - 8) : m.start()]
        word = re.split(r"[\s(\"'“]", before)[-1].rstrip(".").lower()
        if text[m.start() - 1 : m.start()] == "." and (
            word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", word)
        ):
            continue
        cuts.append(m.end())
    cuts.append(len(text))
    out: list[Sentence] = []
    for lo, hi in zip(cuts, cuts[1:]):
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        while hi - lo > MAX_SENTENCE:  # a run-on block: cut at a space near the limit
            cut = text.rfind(" ", lo, lo + MAX_SENTENCE) if " " in text[lo : lo + 50] else -1
            cut = cut if cut > lo else lo + MAX_SENTENCE
            out.append(_sentence(source_id, len(out), lo, cut, text, newlines))
            lo = cut + 1
        if hi > lo:
            out.append(_sentence(source_id, len(out), lo, hi, text, newlines))
    return out


def _sentence(source_id: str, index: int, lo: int, hi: int, text: str, newlines: list[int]):
    line = bisect.bisect_left(newlines, lo)  # newlines before lo
    line_start = newlines[line - 1] + 1 if line else 0
    return Sentence(source_id, index, lo, hi, line + 1, lo - line_start + 1, text[lo:hi])


def read_context(source: Source, config) -> ReadContext:
    """How a source's sentences are read: its date and language, and the configured tolerances."""
    return ReadContext(
        reference_date=source.meta.reference_date,
        language=source.meta.language,
        around=getattr(config, "around", 0.05),
        precision_cap=getattr(config, "precision_cap", 0.05),
        yen_means=getattr(config, "yen_means", "CNY"),
        source_id=source.id,
    )


def extract(source: Source, config) -> SourcePassages:
    """Split `source` into sentences and read every value of every sentence."""
    ctx = read_context(source, config)
    sentences = split_sentences(source.id, source.text)
    newlines = [i for i, ch in enumerate(source.text) if ch == "\n"]
    figures: list[Figure] = []
    for s in sentences:
        readings = read_values(s.text, ctx)
        has_figure = any(r.kind != "date" for r in readings)
        for kind in ("status", "set"):
            # a status or a list is a value only where no figure is: "24 agreements were
            # signed" is a count, not the status "signed"
            if not has_figure:
                dates = [r.span for r in readings if r.span]
                readings.extend(
                    r for r in kind_readings(s.text, kind) if r.span and _listed(r, dates)
                )
        if not readings:
            continue
        places = places_in(s.text)
        # a place says where, not what: kept out of the words that say what is measured
        # and the figures' own words ("kilometers", "tunnels") are their unit, compared apart
        taken = [p[:2] for p in places_in(s.text, joined=True)] + [
            r.span for r in readings if r.span
        ]
        sentence_words = [
            w for w in words(s.text) if not any(lo < w[1] and w[0] < hi for lo, hi in taken)
        ]
        topic = tuple(sorted({w[2] for w in sentence_words}))
        # names: capitalized words not opening the sentence ("Kok-Art", "Naryn", "Line")
        opening = _FIRST_WORD_RE.search(s.text)
        first = opening.start() if opening else 0
        names = {w[2] for w in sentence_words if w[0] > first and s.text[w[0]].isupper()}
        cutoff = bool(_CUTOFF_RE.search(s.text))
        years = [r for r in readings if r.kind == "date" and r.granularity in ("year", "month")]
        for r in readings:
            if r.span is None:
                continue
            lo, hi = s.start + r.span[0], s.start + r.span[1]
            line = bisect.bisect_left(newlines, lo)
            col = lo - (newlines[line - 1] + 1 if line else 0) + 1
            figures.append(
                Figure(
                    source=source.id,
                    sentence=s.index,
                    reading=r,
                    start=lo,
                    end=hi,
                    line=line + 1,
                    col=col,
                    words=(near := near_words(sentence_words, *r.span)),
                    names=tuple(w for w in near if w in names),
                    before=tuple(w[2] for w in sentence_words if w[1] <= r.span[0])[::-1][:6],
                    place=nearest_place(places, *r.span),
                    places=tuple(sorted({p[2] for p in places})),
                    period=_period(r, years),
                    topic=topic,
                    cutoff=cutoff,
                )
            )
    return SourcePassages(source.id, tuple(sentences), tuple(figures))


def _listed(r: Reading, dates: list[tuple[int, int]]) -> bool:
    """A status, or a list of at least three short items that is not a dateline ("BAKU,
    Azerbaijan, June 17"): two names joined by "and" are too often a phrase ("Chinese and
    Kyrgyz partners"), and long items are clauses, not things listed."""
    if r.kind == "status":
        return True
    if len(r.items) < 3 or any(_item_words(item) > MAX_ITEM_WORDS for item in r.items):
        return False
    lo, hi = r.span or (0, 0)
    return not any(d[0] < hi and lo < d[1] for d in dates)


def _item_words(item: str) -> float:
    """How many words an item has; in Chinese, written without spaces, two characters a word."""
    cjk = len(_CJK_CHAR_RE.findall(item))
    return len(_CJK_CHAR_RE.sub(" ", item).split()) + cjk / 2


def _period(r: Reading, years: list[Reading]) -> tuple[float, float] | None:
    """The days a figure refers to: the year or month named nearest to it in its sentence ("in
    2024"), else the period the reader gave it ("since 2013" runs to the source's date, while
    "doubled since 2013 to $93.7 billion in 2024" is a figure of 2024); none for a date, which
    is its own period."""
    if r.kind == "date":
        return None
    if years and r.span is not None:
        nearest = min(years, key=lambda y: abs((y.span or (0, 0))[0] - r.span[0]))
        iv = nearest.interval
        if iv is not None and iv.is_bounded:
            return (iv.low, iv.high)
    if r.period is not None and r.period.is_bounded:
        return (r.period.low, r.period.high)
    return None


def source_key(source: Source, config) -> str:
    """What a source's figures depend on: its text, its date and the reading settings."""
    ctx = read_context(source, config)
    return hashlib.sha256(
        f"{source.id}|{source.sha256 or hashlib.sha256(source.text.encode()).hexdigest()}"
        f"|{ctx.reference_date}|{ctx.around}|{ctx.precision_cap}|{ctx.yen_means}".encode()
    ).hexdigest()


@contextmanager
def few_collections() -> Iterator[None]:
    """Run a block with the cycle collector off. Loading or building the records of a large
    archive allocates millions of small acyclic objects; each collection of the old generation
    re-scans all of them (half the time of a warm scan at tier M). Restored afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_sources(sources: list[Source], config, use_cache: bool = True) -> list[SourcePassages]:
    """Every source's sentences and figures, in the order given: from the memo where the
    source is unchanged, else extracted (by forked workers too when there are many)."""
    with few_collections():
        return _read_sources(sources, config, use_cache)


def _read_sources(sources: list[Source], config, use_cache: bool) -> list[SourcePassages]:
    folder = cache.cache_folder(config) if use_cache else None
    memo_key = hashlib.sha256(f"passages|{cache.code_hash()}".encode()).hexdigest()
    old = cache.load(folder, memo_key, MEMO_NAME, purpose="passages") if folder else None
    old = old if isinstance(old, dict) else {}
    keys = [source_key(s, config) for s in sources]
    out: list[SourcePassages | None] = [old.get(k) for k in keys]
    todo = [i for i, found in enumerate(out) if not isinstance(found, SourcePassages)]
    for i, result in zip(todo, _extract_all([sources[i] for i in todo], config)):
        out[i] = result
    done = [p for p in out if p is not None]
    if folder is not None and todo:
        cache.store(folder, memo_key, dict(zip(keys, done)), MEMO_NAME, purpose="passages")
    return done


def _extract_all(sources: list[Source], config) -> list[SourcePassages]:
    """Each source extracted, in order: by forked workers too when there are many (the same
    runner as the check's `--jobs`, cca_claims/speed/parallel.py; CCA_CLAIMS_WORKERS=N sets
    the processes)."""
    from cca_claims.speed.parallel import Runner, jobs_for

    wanted = os.environ.get("CCA_CLAIMS_WORKERS", "")
    requested: int | str = max(1, int(wanted)) if wanted.isdigit() else "auto"
    jobs = jobs_for(requested, len(sources), auto_min=PARALLEL_MIN_SOURCES)
    if jobs < 2:
        return _extract_chunk(sources, config)
    # the first source read here, before forking: the workers inherit the reader's loaded
    # tables (units, rates, statuses) instead of each loading them again
    here = _extract_chunk(sources[:1], config)
    return here + Runner(jobs).map(_extract_chunk, sources[1:], config)


def _extract_chunk(sources: list[Source], config) -> list[SourcePassages]:
    return [extract(s, config) for s in sources]
