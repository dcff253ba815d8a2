"""A normalized search view of a text, with a map back to the original offsets.

Quotes are copied by hand from web pages, so they differ from the stored source in ways that do
not change meaning: curly vs straight quotes, en dash vs hyphen, non-breaking spaces, a line break
where the page wrapped. Both the source and the quote are searched in this normalized form, and
every hit is mapped back to the original text, so anchors always point at the stored characters.

Normalization: Unicode NFKC (except that a digit form next to a figure keeps its form: "10⁶"
must not become an exact match of "106", nor "1½" of "11⁄2"), quotes and apostrophes to ASCII, every dash to '-', every kind of
space and line break to ' ', runs of whitespace to a single space. Case is kept (the anchor tries
a case-folded view only as a fallback).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

# One-to-one replacements keep offsets unchanged, so they are done with str.translate.
_ONE_TO_ONE = {
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4\u0060"},
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"},
    **{ord(c): " " for c in "\t\n\r\x0b\x0c\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\u0085"},
    **{cp: " " for cp in range(0x2000, 0x200B)},
}
# What may change length: whitespace runs, zero-width characters, and non-ASCII under NFKC.
_CHANGING = re.compile(r" {2,}|[\u200b\u200c\u200d\u2060\ufeff\u00ad]|[^\x00-\x7f]")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# In ASCII text only these change: the one-to-one replacements and whitespace runs.
_ASCII_CHANGING = re.compile(
    "[" + re.escape("".join(chr(c) for c in _ONE_TO_ONE if c < 0x80)) + "]|  "
)
_IDENTITY = ((0,), (0,), (-1,))  # the offset map of a view equal to its text
_REPLACED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_ONE_TO_ONE)) + "]")
_BY_CHAR = {chr(c): r for c, r in _ONE_TO_ONE.items()}


def _replacement(m: re.Match[str]) -> str:
    return _BY_CHAR[m.group()]


def normalize_text(text: str) -> str:
    """The normalized form of `text` (what `SearchView.text` holds), without the offset map."""
    return build_view(text).text


@dataclass(frozen=True)
class SearchView:
    """Normalized text plus a piecewise map of view offsets to original offsets.

    Segments are runs where view and original advance together; a replaced piece (a whitespace
    run, an NFKC expansion) is its own segment whose inner offsets map to its edges.
    """

    text: str
    seg_view: tuple[int, ...]  # view offset where each segment starts
    seg_orig: tuple[int, ...]  # original offset where each segment starts
    seg_orig_len: tuple[int, ...]  # -1 for a 1:1 run, else the replaced piece's original length

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span [start, end) to the original span it came from."""
        # most spans lie inside one 1:1 segment: one bisection, plain arithmetic
        seg_view = self.seg_view
        k = bisect_right(seg_view, start) - 1
        if (
            k >= 0
            and end > start
            and self.seg_orig_len[k] < 0
            and (k + 1 == len(seg_view) or seg_view[k + 1] >= end)
        ):
            orig = self.seg_orig[k] + (start - seg_view[k])
            return orig, orig + (end - start)
        return self._to_original(start, end)

    def _to_original(self, start: int, end: int) -> tuple[int, int]:
        orig_start = self._orig_start(start)
        if end <= start:
            return orig_start, orig_start
        return orig_start, max(orig_start, self._orig_end(end))

    def _orig_start(self, v: int) -> int:
        k = bisect_right(self.seg_view, v) - 1
        if k < 0:
            return 0
        if self.seg_orig_len[k] >= 0:  # replaced piece: snap to its start
            return self.seg_orig[k]
        return self.seg_orig[k] + (v - self.seg_view[k])

    def _orig_end(self, v: int) -> int:
        if v <= 0:
            return 0
        k = bisect_right(self.seg_view, v - 1) - 1
        if self.seg_orig_len[k] >= 0:
            return self.seg_orig[k] + self.seg_orig_len[k]
        return self.seg_orig[k] + (v - self.seg_view[k])


def build_view(text: str, figure_at_edges: bool = False) -> SearchView:
    """Normalize `text` for searching and keep the offset map. With `figure_at_edges`, a digit
    form at either end keeps its form as if a figure stood beyond the end: a quote cut from
    "a½½" ends in a "½" its source kept ("a½" is found as it is written there)."""
    if figure_at_edges and not text.isascii():
        return _build_view(text, None, True)
    if text.isascii() and _ASCII_CHANGING.search(text) is None:
        # most quotes: plain ASCII with single spaces is its own view (identity map)
        return SearchView(text, _IDENTITY[0], _IDENTITY[1], _IDENTITY[2])
    translated = _translate(text)
    if translated.isascii() and "  " not in translated:
        # curly quotes, dashes, a line break: one-to-one replacements keep the offsets
        return SearchView(translated, _IDENTITY[0], _IDENTITY[1], _IDENTITY[2])
    return _build_view(text, translated)


def _translate(text: str) -> str:
    """`text.translate(_ONE_TO_ONE)`, faster: str.translate looks up every character of a
    non-ASCII text in the dict, the regex only the few that change."""
    return _REPLACED.sub(_replacement, text)


def _build_view(
    text: str, translated: str | None = None, figure_at_edges: bool = False
) -> SearchView:
    if translated is None:
        translated = _translate(text)
    pieces: list[str] = []
    seg_view, seg_orig, seg_orig_len = [0], [0], [-1]
    pos = 0  # original offset consumed
    vpos = 0  # view length produced
    for m in _CHANGING.finditer(translated):
        s, e = m.span()
        found = m.group()
        if found[0] == " ":
            # a leading space already emitted keeps the run to one; the rest is a piece
            s += 1
            repl = ""
        elif found in _ZERO_WIDTH:
            repl = ""
        else:
            repl = unicodedata.normalize("NFKC", found).translate(_ONE_TO_ONE)
            if repl == found or _would_merge_digits(found, repl, translated, s, e, figure_at_edges):
                continue
        if pos < s:
            pieces.append(translated[pos:s])
            vpos += s - pos
        # close the running 1:1 segment and open the replaced piece
        _open_segment(seg_view, seg_orig, seg_orig_len, vpos, s, e - s)
        pieces.append(repl)
        vpos += len(repl)
        _open_segment(seg_view, seg_orig, seg_orig_len, vpos, e, -1)
        pos = e
    pieces.append(translated[pos:])
    view = "".join(pieces)
    # A whitespace run can still form where a dropped character sat between two spaces.
    if "  " in view:
        return _collapse_again(text, view, seg_view, seg_orig, seg_orig_len)
    return _make_view(view, seg_view, seg_orig, seg_orig_len)


def _would_merge_digits(
    found: str, repl: str, text: str, s: int, e: int, figure_at_edges: bool = False
) -> bool:
    """True when folding `found` (a superscript, a fraction, a circled digit) to the plain
    digits `repl` would join them to a neighbouring figure: "10⁶" must not read as "106", nor
    "1½" as "11⁄2". A decimal digit of another width or script ("１") folds to the same digit
    and is always folded; a lone "²" ("km²") folds as before."""
    if found.isdecimal() or not any("0" <= ch <= "9" for ch in repl):
        return False
    edge = "1" if figure_at_edges else ""
    before = text[s - 1] if s > 0 else edge
    after = text[e] if e < len(text) else edge
    return before.isnumeric() or after.isnumeric()


def _open_segment(seg_view, seg_orig, seg_orig_len, vpos: int, opos: int, orig_len: int) -> None:
    if seg_view[-1] == vpos:
        # an empty segment would shadow the next one at the same view offset: replace it
        seg_view.pop()
        seg_orig.pop()
        seg_orig_len.pop()
    seg_view.append(vpos)
    seg_orig.append(opos)
    seg_orig_len.append(orig_len)


def _make_view(view: str, seg_view, seg_orig, seg_orig_len) -> SearchView:
    return SearchView(view, tuple(seg_view), tuple(seg_orig), tuple(seg_orig_len))


def _collapse_again(text, view, seg_view, seg_orig, seg_orig_len) -> SearchView:
    """Rare path: collapse leftover double spaces, composing the offset maps char by char."""
    first = _make_view(view, seg_view, seg_orig, seg_orig_len)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(view):
        if ch == " " and out and out[-1] == " ":
            ends[-1] = first._orig_end(i + 1)
            continue
        out.append(ch)
        starts.append(first._orig_start(i))
        ends.append(first._orig_end(i + 1))
    # every character becomes its own segment: exact, and this path is rare
    seg_v = list(range(len(out)))
    lengths = [max(0, e - s) for s, e in zip(starts, ends)]
    return SearchView("".join(out), tuple(seg_v), tuple(starts), tuple(lengths))


# An invisible character (zero-width space, joiner and non-joiner, word joiner, soft hyphen, BOM)
# between two characters of one figure: a digit on one side, a digit or a figure's sign on the
# other ("$2\u200b5 billion", "1\u00ad000", "25\u2060%").
_INVISIBLE_IN_FIGURE = re.compile(
    r"(?:(?<=\d)[\u200b\u200c\u200d\u2060\ufeff\u00ad]+(?=[\d.,%$\u20ac\u00a3\u00a5])"
    r"|(?<=[\d.,$\u20ac\u00a3\u00a5])[\u200b\u200c\u200d\u2060\ufeff\u00ad]+(?=\d))"
)


def drop_invisible_in_figures(text: str) -> str:
    """`text` without the invisible characters that sit inside a figure.

    Pasted from a web page, "$2\u200b5 billion" shows as "$25 billion" and must read so; the
    reader would otherwise stop at "$2". Invisible characters elsewhere are kept (a zero-width
    non-joiner is part of Persian spelling); the search view drops them all anyway.
    """
    if text.isascii():
        return text
    return _INVISIBLE_IN_FIGURE.sub("", text)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Line and column (1-based, in characters) of offsets in a text."""

    def __init__(self, text: str) -> None:
        if "\r" in text:
            self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        else:  # only "\n" breaks lines: the line lengths give the starts, without a regex
            self._starts = list(
                accumulate((len(line) + 1 for line in text.split("\n")[:-1]), initial=0)
            )

    def line_col(self, offset: int) -> tuple[int, int]:
        k = bisect_right(self._starts, offset) - 1
        return k + 1, offset - self._starts[k] + 1

    def line_text(self, text: str, line: int) -> str:
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(text)
        return text[start:end].rstrip("\r\n")
