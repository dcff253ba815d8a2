"""Find each quote in its source: exact on the normalized view first, then a bounded fuzzy search.

Most quotes are exact once both sides are normalized, and `str.find` settles them. The rest go
to rapidfuzz's `partial_ratio_alignment`: against the whole (case-folded) view when the source
is at most `FULL_ALIGN_CHARS` long, which is cheap there (~50 microseconds for a 10 KB news
article) and is exactly the naive baseline the benchmark compares with; in longer documents only
windows around the places where the quote's rarest words occur are aligned, so a quote costs a
bounded handful of alignments whatever the document's size.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from cca_claims.model import Anchor, AnchorResult, Source
from cca_claims.textnorm import LineIndex, build_view

CONTEXT_CHARS = 32  # prefix/suffix kept for the W3C TextQuoteSelector
_WORD = re.compile(r"\w+")
MAX_WINDOWS = 12  # fuzzy candidate windows tried per quote in a long document
FULL_ALIGN_CHARS = 64_000  # up to this length a fuzzy quote is aligned against the whole view
MAX_QUOTE_CHARS = 2_000  # default `max_quote_chars`: a quote is a passage, not a page
PROBE_CHARS = 256  # a longer quote is located by three pieces of it, then scored whole


@dataclass
class _SourceIndex:
    """Lazily built per-source search aids: lower-cased view, line index, word positions."""

    source: Source
    lower: str = ""
    lines: LineIndex | None = None
    words: dict[str, list[int]] = field(default_factory=dict)

    def ensure_words(self) -> dict[str, list[int]]:
        if not self.words:
            words: dict[str, list[int]] = {}
            for m in _WORD.finditer(self.lower_view()):
                words.setdefault(m.group(), []).append(m.start())
            self.words = words
        return self.words

    def lower_view(self) -> str:
        if not self.lower:
            lowered = self.source.view.text.lower()
            # lower() can change length for a few characters; fall back to the view itself then
            self.lower = (
                lowered if len(lowered) == len(self.source.view.text) else self.source.view.text
            )
        return self.lower

    def line_index(self) -> LineIndex:
        if self.lines is None:
            self.lines = LineIndex(self.source.text)
        return self.lines


class Anchorer:
    """Anchors quotes in a set of sources, caching each source's search aids."""

    def __init__(
        self,
        sources: dict[str, Source],
        threshold: float = 85.0,
        max_quote_chars: int = MAX_QUOTE_CHARS,
    ) -> None:
        self.sources = sources
        self.threshold = threshold
        self.max_quote_chars = max_quote_chars
        self._index: dict[str, _SourceIndex] = {}

    def _idx(self, source_id: str) -> _SourceIndex:
        idx = self._index.get(source_id)
        if idx is None:
            idx = self._index[source_id] = _SourceIndex(self.sources[source_id])
        return idx

    def anchor(self, source_id: str, quote: str) -> AnchorResult:
        """Locate `quote` in source `source_id` ("too-long" past `max_quote_chars`: not searched)."""
        if source_id not in self.sources:
            return AnchorResult(None, "no-source")
        if len(quote) > self.max_quote_chars:
            return AnchorResult(None, "too-long")
        idx = self._index.get(source_id) or self._idx(source_id)
        view = idx.source.view.text
        needle = build_view(quote).text.strip()
        if not needle:
            return AnchorResult(None, "not-found")
        # the common case first, without building a list: one place, found by two searches
        at = view.find(needle)
        # unique when the last place is the first; CPython's reverse search is the cheaper scan
        if at >= 0 and view.rfind(needle) == at:
            return AnchorResult(self._make(idx, at, at + len(needle), 100.0, True), "exact")
        hits = _find_all(view, needle) if at >= 0 else []  # at < 0: it is nowhere in view
        if not hits:
            hits = _find_all(idx.lower_view(), needle.lower())
        if not hits and not quote.isascii():
            # a quote cut next to a figure: its edge digit form kept as its source keeps it
            kept = build_view(quote, figure_at_edges=True).text.strip()
            if kept != needle:
                hits = _find_all(view, kept)
                needle = kept if hits else needle
        if hits:
            anchors = tuple(self._make(idx, h, h + len(needle), 100.0, True) for h in hits[:10])
            if len(hits) > 1:
                return AnchorResult(anchors[0], "ambiguous", anchors[1:])
            return AnchorResult(anchors[0], "exact")
        best = self._fuzzy(idx, needle)
        if best is None:
            return AnchorResult(None, "not-found")
        score, start, end = best
        found = self._make(idx, start, end, score, False)
        if score >= self.threshold:
            return AnchorResult(found, "fuzzy")
        return AnchorResult(None, "not-found", (found,))

    def _fuzzy(self, idx: _SourceIndex, needle: str) -> tuple[float, int, int] | None:
        lower_needle = needle.lower()
        view = idx.lower_view()
        if len(lower_needle) > PROBE_CHARS:
            best = _align_long(view, lower_needle, lambda probe: self._align(idx, probe))
        else:
            best = self._align(idx, lower_needle)
        if best is None:
            return None
        return _snap_to_words(view, best, lower_needle)

    def _align(self, idx: _SourceIndex, lower_needle: str) -> tuple[float, int, int] | None:
        """The best partial alignment of `lower_needle` in the view: (score, start, end)."""
        from rapidfuzz import fuzz

        needle = lower_needle
        view = idx.lower_view()
        if len(view) <= FULL_ALIGN_CHARS:
            al = fuzz.partial_ratio_alignment(lower_needle, view)
            if al is None:
                return None
            return al.score, al.dest_start, al.dest_end
        words = idx.ensure_words()
        quote_words = _WORD.findall(lower_needle)
        if not quote_words:
            return None
        # Each word that occurs in the source votes for where the quote would start there.
        offsets = {}
        for m in _WORD.finditer(lower_needle):
            offsets.setdefault(m.group(), m.start())
        ranked = sorted((w for w in offsets if w in words), key=lambda w: (len(words[w]), -len(w)))
        votes: dict[int, int] = {}
        bucket = max(16, len(needle) // 2)
        for w in ranked[:8]:
            for pos in words[w][:50]:
                start = max(0, pos - offsets[w])
                votes[start // bucket] = votes.get(start // bucket, 0) + 1
        if not votes:
            return None
        best: tuple[float, int, int] | None = None
        for b, _ in sorted(votes.items(), key=lambda kv: -kv[1])[:MAX_WINDOWS]:
            lo = max(0, b * bucket - len(needle))
            hi = min(len(view), b * bucket + bucket + 2 * len(needle))
            window = view[lo:hi]
            al = fuzz.partial_ratio_alignment(lower_needle, window)
            if al is None:
                continue
            cand = (al.score, lo + al.dest_start, lo + al.dest_end)
            if best is None or cand[0] > best[0]:
                best = cand
            if best[0] >= 99.9:
                break
        return best

    def _make(self, idx: _SourceIndex, vstart: int, vend: int, score: float, exact: bool) -> Anchor:
        source = idx.source
        start, end = source.view.to_original(vstart, vend)
        line, col = (idx.lines or idx.line_index()).line_col(start)
        text = source.text
        return _new_anchor(
            source.id,
            start,
            end,
            line,
            col,
            score,
            exact,
            text[start:end],
            text[max(0, start - CONTEXT_CHARS) : start],
            text[end : end + CONTEXT_CHARS],
        )


_ANCHOR_FIELDS = (
    "source",
    "start",
    "end",
    "line",
    "col",
    "score",
    "exact",
    "text",
    "prefix",
    "suffix",
)


def _fills_directly(cls: type) -> bool:
    """True when `cls.__init__` does nothing but store `_ANCHOR_FIELDS` in that order (a plain
    frozen dataclass: no slots, no __post_init__, no init-only or computed fields)."""
    if not dataclasses.is_dataclass(cls) or "__slots__" in vars(cls):
        return False
    if hasattr(cls, "__post_init__"):
        return False
    fields = dataclasses.fields(cls)
    return tuple(f.name for f in fields) == _ANCHOR_FIELDS and all(f.init for f in fields)


def _new_anchor(
    source: str,
    start: int,
    end: int,
    line: int,
    col: int,
    score: float,
    exact: bool,
    text: str,
    prefix: str,
    suffix: str,
) -> Anchor:
    """`Anchor(...)` with its fields filled straight into the instance dictionary.

    A frozen dataclass's __init__ stores each field through object.__setattr__, ~1.3 µs of the
    ~4 µs an exact quote costs; the instance made here is the same (fields, order, equality, hash,
    pickling). `_fills_directly` guards the shortcut: if Anchor ever gains a __post_init__, slots
    or other fields, the real constructor is used.
    """
    if not _DIRECT:
        return Anchor(source, start, end, line, col, score, exact, text, prefix, suffix)
    a = _object_new(Anchor)
    d = a.__dict__
    d["source"] = source
    d["start"] = start
    d["end"] = end
    d["line"] = line
    d["col"] = col
    d["score"] = score
    d["exact"] = exact
    d["text"] = text
    d["prefix"] = prefix
    d["suffix"] = suffix
    return a


_object_new = object.__new__
_DIRECT = _fills_directly(Anchor)


def _align_long(view: str, needle: str, align) -> tuple[float, int, int] | None:
    """Where a quote longer than PROBE_CHARS sits: three pieces of it (head, middle, tail) are
    looked up, exactly first, else aligned (`align`); each place they point to is scored by one
    full comparison of the quote, and the best wins.

    rapidfuzz's partial alignment of a long quote slides a quote-sized window over the whole
    text, each step a comparison of the quote's length: 18 s for a 10 KB quote in an 18 KB
    source. A piece costs what a short quote costs, and the full comparisons are a handful, so
    a long quote costs about what a short one does, found or not. An edit or two leaves at
    least one piece exact.
    """
    from rapidfuzz import fuzz

    n = len(needle)
    size = min(PROBE_CHARS, n // 3)  # pieces that do not overlap: one edit spoils one piece
    starts: list[int] = []  # where the quote would start, by each piece
    ends: list[int] = []
    for offset in (0, (n - size) // 2, n - size):
        piece = needle[offset : offset + size]
        at = view.find(piece)
        if at >= 0:
            starts.append(at - offset)
            ends.append(at - offset + n)
            continue
        aligned = align(piece)
        if aligned is not None:
            # an aligned piece may be shorter or longer: its start and end each tell
            starts.append(aligned[1] - offset)
            ends.append(aligned[2] + (n - offset - size))
    spans = {(max(0, s), min(len(view), s + n)) for s in starts}
    spans |= {(max(0, e - n), min(len(view), e)) for e in ends}
    spans |= {(max(0, s), min(len(view), e)) for s in starts for e in ends if 0 < e - s <= 2 * n}
    best = None
    for start, end in sorted(spans):
        score = fuzz.ratio(needle, view[start:end])
        if best is None or score > best[0]:
            best = (score, start, end)
    return best


def _find_all(haystack: str, needle: str) -> list[int]:
    hits = []
    at = haystack.find(needle)
    while at >= 0 and len(hits) < 50:
        hits.append(at)
        at = haystack.find(needle, at + 1)
    return hits


def _snap_to_words(
    view: str, best: tuple[float, int, int], needle: str = ""
) -> tuple[float, int, int]:
    """Widen a fuzzy span to whole words so the highlighted passage never cuts a word.

    An alignment window has the quote's length, so when the quote lost or gained a few
    characters the window can start or end on the punctuation next to it (". In 2024 ...");
    edges the quote does not have are trimmed first.
    """
    score, start, end = best
    if needle[:1].isalnum():
        while start < end and not view[start].isalnum():
            start += 1
    if needle[-1:].isalnum():
        while end > start and not view[end - 1].isalnum():
            end -= 1
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    while start > 0 and view[start - 1].isalnum() and view[start].isalnum():
        start -= 1
    while end < len(view) and end > 0 and view[end].isalnum() and view[end - 1].isalnum():
        end += 1
    return score, start, end


def naive_anchor(source: Source, quote: str, threshold: float = 85.0) -> tuple[int, int] | None:
    """Reference anchoring for the benchmark: one alignment of the quote against the whole source.

    rapidfuzz's partial_ratio_alignment over the entire case-folded normalized view, snapped to
    whole words like the anchorer's fuzzy path; returns original offsets, or None below
    `threshold`. It is what `Anchorer.anchor` must agree with, at a fraction of the cost.
    """
    from rapidfuzz import fuzz

    needle = build_view(quote).text.strip().lower()
    view = source.view.text.lower()
    if len(view) != len(source.view.text):
        view = source.view.text
    if not needle:
        return None
    al = fuzz.partial_ratio_alignment(needle, view)
    if al is None or al.score < threshold:
        return None
    _, start, end = _snap_to_words(view, (al.score, al.dest_start, al.dest_end), needle)
    return source.view.to_original(start, end)
