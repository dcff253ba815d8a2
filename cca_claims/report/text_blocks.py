"""One claim's block in the editor's report: heading, statement and value, each disagreement
once, each passage once on one line with its figure marked (`report.text` lays the report out).

Lines are built from pieces (`Line`) and joined before rich sees them when the output is plain:
rich strips control codes on every `append`, which at 10,000 claims costs seconds.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from cca_claims.model import EvidenceResult, Source
from cca_claims.report.attention import ClaimView, Issue
from cca_claims.report.common import figure_span, safe, short_text, squash
from cca_claims.report.terminal import (
    SEVERITY_STYLE,
    VERDICT_STYLE,
    Screen,
    finding_line,
    severity_text,
    styled,
)
from cca_claims.rules import category

AGREES, DIFFERS = "=", "\u2260"


class Line:
    """The pieces of one line and their styles. rich strips control codes on every `append`
    (~10 µs): plain output joins the pieces (made safe already) into one Text instead."""

    def __init__(self, color: bool) -> None:
        self.color = color
        self.pieces: list[tuple[str, str]] = []

    def add(self, text: str, style: str = "") -> Line:
        self.pieces.append((text, style))
        return self

    def __len__(self) -> int:
        return sum(len(t) for t, _ in self.pieces)

    def text(self) -> Text:
        if not self.color:
            return Text("".join(t for t, _ in self.pieces))
        out = Text()
        for piece, style in self.pieces:
            out.append(piece, style=style)
        return out


def claim_block(
    screen: Screen, view: ClaimView, sources: dict[str, Source], hints: list[str] | None = None
) -> Group:
    """One claim: heading, statement, its value, each disagreement once, each passage once."""
    result = view.result
    claim = result.claim
    line = claim.position.line if claim.position else 1
    head = Line(screen.color).add(safe(claim.id, oneline=True), "bold").add("  ")
    head.add(view.shown_verdict, VERDICT_STYLE.get(result.verdict, ""))
    head = head.add(safe(f"  {claim.file}:{line}", oneline=True), "dim").text()
    statement = styled(claim.statement)
    parts: list[RenderableType] = [head]
    if result.claim_reading is not None or claim.value is not None:
        reading = result.claim_reading
        written = reading.text if reading and reading.text else ""
        written = written or (short_text(reading) if reading else "") or str(claim.value)
        value = Text("value: ", style="dim")
        value.append(safe(written, oneline=True))
        # the value beside the statement when both fit on one line
        if len(statement) + 4 + len(value) <= screen.width - 2:
            statement.append("  ")
            statement.append_text(Text("[") + value + Text("]"))
        else:
            parts.append(_indented(statement, 2))
            statement = value
    parts.append(_indented(statement, 2))
    if view.not_checked:
        parts.append(_indented(Text("not checked: " + safe(view.not_checked, oneline=True)), 2))
    if hints is None:
        hints = hint_plan([view])[claim.id]
    shown: list[int] = []
    for issue in view.issues:
        parts.append(_indented(issue_line(issue, claim.file, color=screen.color), 2))
        f = issue.finding
        for index in issue.evidence:
            if f.claims and f.claims[0] != claim.id:
                break
            if index not in shown:
                shown.append(index)
    if view.not_checked:
        shown.extend(
            e.evidence.index
            for e in result.evidence
            if e.evidence.rank != "deprecated" and e.evidence.index not in shown
        )
    marks = _agreement(view)
    evidence = {e.evidence.index: e for e in result.evidence}
    rows = [evidence[i] for i in shown if i in evidence]
    where_w = min(34, max((len(_where(e)) for e in rows), default=0))
    for ev, more in _fold_agreeing(view, rows):
        mark = marks.get(ev.evidence.index, " ")
        parts.append(
            passage_line(ev, sources.get(ev.evidence.source), mark, where_w, screen, len(more))
        )
    for f in view.notes:
        note = Text()
        note.append_text(severity_text("info"))
        note.append(f" {f.rule} {f.name}: ")
        note.append(safe(f.message, oneline=True))
        parts.append(_indented(clip_text(note, screen.width - 2), 2))
    if view.settled:
        settled = ", ".join(f"{f.rule} ({f.review})" for f in view.settled)
        parts.append(_indented(Text("settled: " + settled, style="dim"), 2))
    for f in view.elsewhere:
        other = safe(f.claims[0], oneline=True) if f.claims else "?"
        parts.append(_indented(Text(f"{f.rule} {f.name}: see {other}", style="dim"), 2))
    for hint in hints:
        parts.append(_indented(Text("hint: " + safe(hint, oneline=True), style="dim"), 2))
    parts.append(Text(""))
    return Group(*parts)


def issue_line(issue: Issue, claim_file: str, *, color: bool = False) -> Text:
    """`error C201 count-mismatch (+V302) line 71: message`."""
    f = issue.finding
    if input_problem(f):  # bad input reads `path:line:col: severity CODE name: message`
        return finding_line(f, hint=False)
    out = Line(color).add(f.severity, SEVERITY_STYLE.get(f.severity, ""))
    out.add(f" {f.rule} {f.name}")
    if issue.folded:
        out.add(" (+" + ", ".join(g.rule for g in issue.folded) + ")", "dim")
    where = (
        f"line {f.location.line}"
        if f.location.file == claim_file
        else f"{f.location.file}:{f.location.line}"
    )
    if issue.alike:  # the same rule on other passages: their lines (`--details` tells each)
        where = where.replace("line ", "lines ", 1) + "".join(
            f", {g.location.line}" for g in issue.alike
        )
    out.add(safe(f" {where}: ", oneline=True), "dim")
    out.add(safe(f.message, oneline=True))
    if f.review:  # a stale review: the finding is open again
        out.add(f" [{f.review}]", "dim")
    return out.text()


def _fold_agreeing(
    view: ClaimView, rows: list[EvidenceResult]
) -> list[tuple[EvidenceResult, list[EvidenceResult]]]:
    """Each passage with the ones folded under it: of three or more passages that agree with
    each other (one reconciled group), the first is shown and the others are named."""
    group_of = {i: n for n, g in enumerate(view.result.reconciled) for i in g.evidence}
    members: dict[int, list[EvidenceResult]] = {}
    for ev in rows:
        n = group_of.get(ev.evidence.index)
        if n is not None:
            members.setdefault(n, []).append(ev)
    out: list[tuple[EvidenceResult, list[EvidenceResult]]] = []
    for ev in rows:
        n = group_of.get(ev.evidence.index)
        same = members.get(n, []) if n is not None else []
        if len(same) < 3:
            out.append((ev, []))
        elif ev is same[0]:
            out.append((ev, same[1:]))
    return out


def input_problem(f) -> bool:
    """A problem with the input files (E0xx: no rule category), not a disagreement."""
    return not category(f.rule)


def _agreement(view: ClaimView) -> dict[int, str]:
    """`=` for passages agreeing with the claim's value, `≠` for the others (by group)."""
    marks: dict[int, str] = {}
    for group in view.result.reconciled:
        if group.agrees_with_claim is None:
            continue
        for index in group.evidence:
            marks[index] = AGREES if group.agrees_with_claim else DIFFERS
    return marks


def _where(ev: EvidenceResult) -> str:
    anchor = ev.anchor.anchor
    return ev.evidence.source + (f":{anchor.line}" if anchor is not None else "")


def passage_line(
    ev: EvidenceResult,
    source: Source | None,
    mark: str,
    where_w: int,
    screen: Screen,
    alike: int = 0,
) -> RenderableType:
    """`= source:line  “…quote with *figure*…”  → value (+2 alike)`, one line when it fits;
    `alike` counts the agreeing passages folded under this one (`--details` shows them)."""
    where = _where(ev)
    value = short_text(ev.reading) if ev.reading is not None else "(no value read)"
    if ev.reading is None and ev.candidates:  # several figures and none chosen: name them
        value = "? " + " | ".join(short_text(c) for c in ev.candidates[:3])
    if ev.reading is not None and ev.reading.kind == "set":
        value = f"{len(ev.reading.items)} items"  # the finding's message names them
    if ev.anchor.anchor is None:
        value = f"(quote {ev.anchor.status})"
    value = clip(safe(value, oneline=True), 28 - (10 if alike else 0))
    if alike:
        value += f" (+{alike} alike)"
    lead = f"{mark} {safe(where, oneline=True).ljust(where_w)}  "
    room = screen.width - 4 - len(lead) - len(value) - 6
    style = {AGREES: "green", DIFFERS: "bold red"}.get(mark, "")
    out = Line(screen.color).add(lead[:2], style).add(lead[2:], "dim")
    _snippet(out, ev, max(24, room), plain=not screen.color)
    out.add("  \u2192 ").add(value, "bold")
    return _indented(out.text(), 4)


def _snippet(out: Line, ev: EvidenceResult, room: int, *, plain: bool) -> None:
    """The quote in quotation marks, clipped around its figure to `room` characters, added
    to `out`."""
    anchor = ev.anchor.anchor
    quote = anchor.text if anchor is not None else ev.evidence.quote
    span = figure_span(ev) if anchor is not None else None
    if span is None:
        before, figure, after = squash(quote), "", ""
    else:
        s, e = span
        before, figure, after = squash(quote[:s]), squash(quote[s:e]), squash(quote[e:])
        if quote[:s][-1:].isspace() and before:
            before += " "
        if quote[e:][:1].isspace() and after:
            after = " " + after
    if not figure:
        out.add("\u201c" + safe(clip(before + after, max(8, room - 2)), oneline=True) + "\u201d")
        return
    marks = 2 if plain else 0
    spare = room - 2 - len(figure) - marks
    if len(before) + len(after) > spare:
        left = max(0, min(len(before), spare // 2 if after else spare))
        right = max(0, spare - left)
        if len(after) < right:
            left = max(0, spare - len(after))
        before = ("\u2026" + before[len(before) - left + 1 :]) if left < len(before) else before
        after = (after[: max(0, right - 1)] + "\u2026") if right < len(after) else after
        if left == 0:
            before = ""
    out.add("\u201c" + safe(before, oneline=True))
    shown = safe(figure, oneline=True)
    out.add(f"*{shown}*" if plain else shown, "bold reverse")
    out.add(safe(after, oneline=True) + "\u201d")


def _indented(item: RenderableType, n: int) -> Padding:
    return Padding(item, (0, 0, 0, n))


def clip(text: str, n: int) -> str:
    n = max(8, n)
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def clip_text(text: Text, n: int) -> Text:
    """A Text cut to `n` characters (styles kept), with an ellipsis when cut."""
    n = max(8, n)
    if len(text.plain) <= n:
        return text
    out = text[: n - 1]
    out.append("\u2026")
    return out


def hint_plan(attention: list[ClaimView]) -> dict[str, list[str]]:
    """The hints each claim's block gives: a rule's hint once per report, at the first claim
    it helps; an input problem's hint (its own advice) wherever it occurs."""
    given: set[str] = set()
    plan: dict[str, list[str]] = {}
    for view in attention:
        hints: list[str] = []
        for issue in view.issues:
            f = issue.finding
            if f.hint and (input_problem(f) or (f.hint not in hints and f.hint not in given)):
                hints.append(f.hint)
        given.update(hints)
        plan[view.result.claim.id] = hints
    return plan
