"""Terminal building blocks: a console for colour or plain output, styles, passages, values.

Every piece of user text becomes a rich `Text` built with `append` (never parsed as markup) after
`safe()`, so `[bold red]`, ANSI escapes or control characters in a source show literally. Plain
output (piped, NO_COLOR, --no-color) has no colour and no box art; narrow terminals stack columns.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from rich import box
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from cca_claims.model import Anchor, ClaimResult, EvidenceResult, Finding, Reading, Source
from cca_claims.report.common import (
    conversion_texts,
    figure_span,
    period_text,
    reading_text,
    safe,
    squash,
)
from cca_claims.report.plainlayout import Unsupported, lines

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
VERDICT_STYLE = {
    "consistent": "green",
    "disputed": "bold yellow",
    "contradicted": "bold red",
    "unsupported": "magenta",
}
# plain output: no box art, only a row of dashes under the header (survives any pipe or font)
PLAIN_BOX = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)
NARROW = 80
ANSI_SGR = re.compile(r"\x1b\[[0-9;]*m")  # below this width, side-by-side passages are stacked
CONTEXT = 80  # characters of source shown either side of a quote
# lay plain output out without rich's pipeline (tests turn it off to compare with rich's lines)
FAST_PLAIN = True


class Screen:
    """Where a renderer draws: colour or plain, and how wide."""

    def __init__(self, color: bool = False, width: int = 100) -> None:
        self.color = color
        self.width = max(40, int(width))
        self.out = io.StringIO()
        self.console = Console(
            file=self.out,
            width=self.width,
            color_system="standard" if color else None,
            force_terminal=color,
            no_color=not color,
            highlight=False,
            emoji=False,
            markup=False,
            legacy_windows=False,
            soft_wrap=False,
        )
        # plain output is laid out from plain strings (report.plainlayout): same lines, no
        # rich pipeline; rich renders colour, and whatever plainlayout does not know
        self.fast = not color and FAST_PLAIN
        self.lines: list[str] = []

    @property
    def soft_wrap(self) -> bool:
        """One line per printed line however long (lint output: editors parse the lines)."""
        return self.console.soft_wrap

    @soft_wrap.setter
    def soft_wrap(self, value: bool) -> None:
        self.console.soft_wrap = value

    @property
    def narrow(self) -> bool:
        return self.width < NARROW

    def print(self, *items: RenderableType) -> None:
        for item in items:
            if self.fast:
                try:
                    if self.console.soft_wrap and isinstance(item, Text):
                        self.lines.extend(item.plain.split("\n"))
                    else:
                        self.lines.extend(lines(item, self.width))
                    continue
                except Unsupported:
                    pass
            self.console.print(item)
            self._collect()

    def _collect(self) -> None:
        """Move what rich wrote into `lines`, so both paths' output stays in order."""
        written = self.out.getvalue()
        if written:
            self.lines.extend(written[:-1].split("\n") if written.endswith("\n") else [written])
            self.out.seek(0)
            self.out.truncate()

    def text(self) -> str:
        """The rendered output, trailing spaces trimmed, no line able to act as a CI command."""
        self._collect()
        # rich pads table cells with trailing spaces; they only make diffs noisy
        return "".join(_defuse(line.rstrip()) + "\n" for line in self.lines)

    def table(self, *headers: str, title: str | None = None) -> Table:
        """A table: boxed in colour, spaced columns with a header rule when plain."""
        table = Table(
            title=title,
            box=box.ROUNDED if self.color else PLAIN_BOX,
            show_edge=self.color,
            header_style="bold" if self.color else "",
            title_style="bold" if self.color else "",
            expand=False,
            pad_edge=self.color,
            safe_box=True,
        )
        for header in headers:
            table.add_column(header, overflow="fold")
        return table


def _defuse(line: str) -> str:
    """GitHub Actions reads a log line that starts with `::` (after spaces) as a workflow command;
    wrapping can put a source's `::error::` at a line start, so a zero-width space splits it."""
    plain = ANSI_SGR.sub("", line).lstrip()
    if plain.startswith("::"):
        return line.replace("::", ":\u200b:", 1)
    return line


def styled(text: str, style: str = "", *, oneline: bool = True) -> Text:
    """User text as a Text object, control characters escaped."""
    return Text(safe(text, oneline=oneline), style=style)


def severity_text(severity: str) -> Text:
    return Text(severity, style=SEVERITY_STYLE.get(severity, ""))


def verdict_text(verdict: str) -> Text:
    return Text(verdict, style=VERDICT_STYLE.get(verdict, ""))


def claim_heading(result: ClaimResult) -> Text:
    """`claim-id  verdict  file:line`, the first line of a claim's block."""
    claim = result.claim
    head = Text()
    head.append(safe(claim.id, oneline=True), style="bold")
    head.append("  ")
    head.append_text(verdict_text(result.verdict))
    line = claim.position.line if claim.position else 1
    head.append(safe(f"  {claim.file}:{line}", oneline=True), style="dim")
    return head


def finding_line(f: Finding, *, hint: bool = True) -> Text:
    """`file:line:col: severity RULE name: message [review]` and an indented hint."""
    line = Text()
    line.append(safe(f"{f.location}: ", oneline=True), style="dim")
    line.append_text(severity_text(f.severity))
    line.append(f" {f.rule} {f.name}: ")
    line.append(safe(f.message, oneline=True))
    if f.review:
        line.append(f" [{f.review}]", style="dim")
    if hint and f.hint:
        line.append("\n    hint: " + safe(f.hint, oneline=True), style="dim")
    return line


def passage(
    anchor: Anchor | None,
    source: Source | None,
    span: tuple[int, int] | None,
    *,
    plain: bool,
    context: int = CONTEXT,
) -> Text:
    """The quote in its source with some context either side, the figure highlighted.

    In colour the context is dim, the quote underlined and the figure reversed; plain output puts
    the quote in quotation marks and the figure between asterisks, which survive a pipe.
    """
    out = Text()
    if anchor is None or source is None:
        return out
    text = source.text
    before = text[max(0, anchor.start - context) : anchor.start]
    after = text[anchor.end : anchor.end + context]
    if before:
        out.append("\u2026" + _edge(before, left=True), style="dim")
    quote = anchor.text
    pieces = [(quote, "")]
    if span is not None:
        s, e = span
        pieces = [(quote[:s], ""), (quote[s:e], "figure"), (quote[e:], "")]
    if plain:
        out.append("\u201c")
    for piece, role in pieces:
        if not piece:
            continue
        shown = safe(squash(piece) if piece.strip() else " ", oneline=True)
        # keep the spaces at a piece's edges, which squash() drops
        if piece[:1].isspace() and not shown.startswith(" "):
            shown = " " + shown
        if piece[-1:].isspace() and not shown.endswith(" "):
            shown += " "
        if role == "figure":
            out.append(f"*{shown}*" if plain else shown, style="bold reverse")
        else:
            out.append(shown, style="underline")
    if plain:
        out.append("\u201d")
    if after:
        out.append(_edge(after, left=False) + "\u2026", style="dim")
    return out


def _edge(text: str, *, left: bool) -> str:
    shown = safe(squash(text), oneline=True)
    if left and text[-1:].isspace():
        shown += " "
    if not left and text[:1].isspace():
        shown = " " + shown
    return shown


def value_lines(reading: Reading | None, written: str | None = None) -> Text:
    """`as written: $94.82 billion` / `normalized: [...] USD` / conversions, one per line."""
    out = Text()
    if reading is None:
        if written:
            out.append("as written: ", style="dim")
            out.append(safe(written, oneline=True))
            out.append("\n")
        out.append("normalized: ", style="dim")
        out.append("(no value read)")
        return out
    as_written = reading.text or written or ""
    if as_written:
        out.append("as written: ", style="dim")
        out.append(safe(as_written, oneline=True))
        if reading.qualifier:
            out.append(f" ({safe(reading.qualifier, oneline=True)})", style="dim")
        out.append("\n")
    out.append("normalized: ", style="dim")
    out.append(safe(reading_text(reading), oneline=True), style="bold")
    if period_text(reading):
        out.append("\n  period: ", style="dim")
        out.append(period_text(reading), style="dim")
    for line in conversion_texts(reading):
        out.append("\n  via ", style="dim")
        out.append(safe(line, oneline=True), style="dim")
    for note in reading.notes:
        out.append("\n  note: ", style="dim")
        out.append(safe(note, oneline=True), style="dim")
    return out


def evidence_cell(
    ev: EvidenceResult, source: Source | None, *, plain: bool, context: int = CONTEXT
) -> Text:
    """One source's side of a comparison: where, the passage, and the value read from it."""
    out = Text()
    anchor = ev.anchor.anchor
    status = ev.anchor.status
    where = f"{ev.evidence.source}"
    if anchor is not None:
        where += f":{anchor.line}:{anchor.col}"
    out.append(safe(where, oneline=True), style="bold")
    if source is not None:
        meta = source.meta
        out.append(safe(f"  {meta.kind}, {meta.date_label}", oneline=True), style="dim")
    if status not in ("exact",):
        out.append(f"  [{status}]", style="dim")
    if ev.evidence.rank == "deprecated":
        out.append("  [deprecated]", style="dim")
    out.append("\n")
    if anchor is not None:
        out.append_text(passage(anchor, source, figure_span(ev), plain=plain, context=context))
    else:
        out.append("quote (not anchored): ", style="dim")
        out.append("\u201c" + safe(squash(ev.evidence.quote), oneline=True) + "\u201d")
    out.append("\n")
    written = ev.evidence.value if isinstance(ev.evidence.value, str) else None
    out.append_text(value_lines(ev.reading, written))
    if ev.reading_problem:
        out.append("\n  ")
        out.append(safe(ev.reading_problem, oneline=True), style="dim")
    return out


def side_by_side(screen: Screen, headers: Iterable[str], cells: list[Text]) -> RenderableType:
    """Cells in one row with a column each, or stacked under their headers when narrow or many."""
    headers = list(headers)
    if screen.narrow or len(cells) > 3 or len(cells) < 2:
        out = Text()
        for i, cell in enumerate(cells):
            if i:
                out.append("\n\n" if screen.narrow else "\n")
            out.append_text(cell)
        return Padding(out, (0, 0, 0, 4))
    table = Table(
        box=box.ROUNDED if screen.color else PLAIN_BOX,
        show_edge=screen.color,
        show_header=True,
        header_style="bold" if screen.color else "",
        pad_edge=screen.color,
        expand=True,
        safe_box=True,
    )
    for header in headers:
        table.add_column(styled(header), ratio=1, overflow="fold")
    table.add_row(*cells)
    return Padding(table, (0, 0, 0, 4))
