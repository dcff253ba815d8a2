"""Plain (no colour) layout without rich's rendering pipeline: the same lines, several times faster.

rich lays out every `Text` through segments, styles and cell measurements (~1.2 ms per claim of
the text report); plain output needs none of that. This module lays out the few renderables the
reports build (`Text`, `Padding`, `Group` and the side-by-side passage `Table`) from their plain
strings, with rich's rules for line breaking (words, long words folded) and column widths, so the
lines are those rich would print. Only rich's public API is used: a line of one-cell characters
(nearly every line) is broken here, by the same steps as rich; any other line is wrapped by rich's
`Text.wrap`. Anything else (the summary grid, the `claims`/`sources` tables) is handed back to
rich by the caller. `tests/report` checks both paths give the same text on the test corpora at
many widths, and on random text with wide characters.
"""

from __future__ import annotations

import io
import re
from functools import cache

from rich.cells import cell_len
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

# Characters rich counts as one cell: printable ASCII, Latin, Greek, Cyrillic, general
# punctuation (curly quotes, dashes, ellipsis), currency and letter-like symbols, arrows and
# mathematical operators (the report's own "\u2192" and "\u2260"). A line made of these only is
# measured with len() (tests/report checks each one against rich.cells.cell_len).
NARROW = re.compile(
    "[\x20-\x7e\xa0-\u02ff\u0370-\u0482\u048a-\u0590\u2000-\u200a\u2010-\u2027"
    "\u202f-\u205f\u20a0-\u20c0\u2100-\u214f\u2190-\u22ff]*"
)
# rich's words when it wraps: a word and the spaces after it (group 1: the word without them)
_WORD = re.compile(r"(\s*\S+)\s*")


def cell_width(text: str) -> int:
    """The cells `text` takes on a terminal (rich's measure, without its tables when narrow)."""
    return len(text) if text.isascii() or NARROW.fullmatch(text) else cell_len(text)


class Unsupported(Exception):
    """A renderable this module does not lay out: the caller renders it with rich."""


def lines(item: object, width: int) -> list[str]:
    """The lines `item` occupies at `width` cells, trailing spaces not significant."""
    if isinstance(item, Text):
        return wrap(item.plain, width)
    if isinstance(item, str):
        return wrap(item, width)
    if isinstance(item, Padding):
        return _padding(item, width)
    if isinstance(item, Group):
        out: list[str] = []
        for part in item.renderables:
            out.extend(lines(part, width))
        return out
    if isinstance(item, Table):
        return _table(item, width)
    raise Unsupported(type(item).__name__)


def wrap(text: str, width: int) -> list[str]:
    """`text` broken into lines of at most `width` cells as rich breaks a `Text` (fold overflow)."""
    out: list[str] = []
    width = max(1, width)
    for line in text.split("\n"):
        if cell_width(line) <= width:  # the common case: no break needed
            out.append(line)
            continue
        if NARROW.fullmatch(line) is None:
            # wide or zero-width characters: rich's own wrapping, through its public API
            wrapped = Text(line).wrap(_measuring_console(), width, overflow="fold")
            out.extend(piece.plain.rstrip() for piece in wrapped)
            continue
        start = 0
        for offset in [*_divide_narrow(line, width), len(line)]:
            out.append(line[start:offset].rstrip())
            start = offset
    return out


@cache
def _measuring_console() -> Console:
    """The console `Text.wrap` asks for (it only reads its settings; nothing is printed)."""
    return Console(file=io.StringIO(), color_system=None, highlight=False, markup=False)


def _divide_narrow(text: str, width: int) -> list[int]:
    """Where rich breaks `text`, of one-cell characters only, into lines of `width` (the offsets
    of the lines after the first): a word that fits goes on the line; a longer word than a line
    is folded into pieces of `width` characters; any other word starts a new line."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        length = match.end(1) - start  # the word without its trailing spaces
        if width - offset >= length:
            offset += end - start
        elif length > width:
            # fold the word into pieces of `width` characters, as rich.cells.chop_cells
            size = end - start
            pieces = [width] * (size // width) + ([size % width] if size % width else [])
            for n, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if n == len(pieces) - 1:
                    offset = piece
                else:
                    start += piece
        elif offset and start:
            breaks.append(start)
            offset = end - start
    return breaks


def _padding(item: Padding, width: int) -> list[str]:
    if not item.expand:
        raise Unsupported("Padding(expand=False)")
    inner = lines(item.renderable, width - item.left - item.right)
    pad = " " * item.left
    return [""] * item.top + [pad + line for line in inner] + [""] * item.bottom


def _table(table: Table, width: int) -> list[str]:
    """The side-by-side table of `terminal.side_by_side` in plain mode (no edge, header rule)."""
    columns = table.columns
    box = table.box
    if (
        not table.expand
        or table.show_edge
        or table.pad_edge
        or table.show_footer
        or table.show_lines
        or table.title
        or table.caption
        or box is None
        or {box.head_vertical, box.mid_vertical, box.foot_vertical} != {" "}
        or not columns
        or any(c.ratio != 1 or c.width or c.min_width or c.max_width for c in columns)
        or table.padding != (0, 1, 0, 1)
        or table.row_count != 1
    ):
        raise Unsupported("Table")
    n = len(columns)
    # as Table._calculate_column_widths: one separator between columns, padding inside widths
    pads = [(0 if i == 0 else 1, 0 if i == n - 1 else 1) for i in range(n)]
    minimums = [1 + left + right for left, right in pads]
    widths = _equal_shares(width - (n - 1), minimums)
    inner = [w - left - right for w, (left, right) in zip(widths, pads)]
    out: list[str] = []
    if table.show_header:
        out.extend(_row([c.header for c in columns], inner, pads, bottom=True))
        out.append(box.head_row_cross.join(box.head_row_horizontal * w for w in widths))
    out.extend(_row([next(iter(c.cells)) for c in columns], inner, pads))
    return out


def _equal_shares(total: int, minimums: list[int]) -> list[int]:
    """`total` cells shared by columns of equal ratio, as rich's tables share them: each column
    in turn takes its part of what is left, rounded up, and at least its minimum."""
    shares: list[int] = []
    for i, minimum in enumerate(minimums):
        share = max(minimum, -(-total // (len(minimums) - i)))
        shares.append(share)
        total -= share
    return shares


def _row(
    cells: list[object], inner: list[int], pads: list[tuple[int, int]], bottom: bool = False
) -> list[str]:
    """One row's lines; cells aligned to the top (rich aligns a header row to the bottom)."""
    laid = [lines(cell, w) for cell, w in zip(cells, inner)]
    height = max(len(c) for c in laid)
    if bottom:
        laid = [[""] * (height - len(c)) + c for c in laid]
    out = []
    for i in range(height):
        parts = []
        for cell, w, (left, right) in zip(laid, inner, pads):
            text = cell[i].rstrip() if i < len(cell) else ""
            parts.append(" " * left + text + " " * (w - cell_width(text) + right))
        out.append(" ".join(parts))  # the plain box's column separator is one space
    return out
