"""The editor's report: what needs attention first, then one short block per claim.

1. The summary: sources, claims, quotes anchored, verdicts of the claims checked, the claims
   **not checked** (no readable evidence) counted apart with their reasons, findings by severity.
2. Files with input problems (one line each).
3. "Needs attention": a table with, per claim, its verdict, the rule, one line on what disagrees
   (the values and who says them) and where the claim is written.
4. One block per claim needing attention: heading, statement, the claim's value, each
   disagreement once (a finding that only restates another is folded into it, `+V302`), each
   passage once on one line with its figure highlighted and whether it agrees with the claim's
   value (`=`) or not (`≠`), and the hints.
5. Claims with notes only (info findings) and claims settled by review, one line each.

`check --details` prints the long form instead (`report.text_details`): every finding with its
passages side by side and every conversion. `cca-claims show ID` gives everything about one claim.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from cca_claims import forking
from cca_claims.model import EvidenceResult, Report, Source
from cca_claims.report.attention import (
    ClaimView,
    Issue,
    counts,
    reason_kind,
    views,
    what_disagrees,
)
from cca_claims.report.common import figure_span, safe, short_text, sources_by_id, squash
from cca_claims.report.terminal import (
    SEVERITY_STYLE,
    VERDICT_STYLE,
    Screen,
    finding_line,
    severity_text,
    styled,
    verdict_text,
)

__all__ = ["render", "summary"]

AGREES, DIFFERS = "=", "\u2260"


class _Line:
    """The pieces of one line and their styles. rich strips control codes on every `append`
    (~10 µs): plain output joins the pieces (made safe already) into one Text instead."""

    def __init__(self, color: bool) -> None:
        self.color = color
        self.pieces: list[tuple[str, str]] = []

    def add(self, text: str, style: str = "") -> _Line:
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


def render(
    report: Report, *, color: bool = False, width: int = 100, details: bool = False, **_: Any
) -> str:
    """The whole check report as terminal text (ANSI colours only when `color`)."""
    if details:
        from cca_claims.report import text_details

        return text_details.render(report, color=color, width=width)
    screen = Screen(color, width)
    all_views = views(report)
    screen.print(summary(report, plain=not color, claim_views=all_views))
    loose = [f for f in report.findings if not f.claims]
    if loose:
        screen.print(Text("Files", style="bold"))
        for f in loose:  # bad input: where, what and how to fix it
            screen.print(finding_line(f))
        screen.print(Text(""))
    attention = [v for v in all_views if v.needs_attention]
    if attention:
        screen.print(attention_table(attention, screen.width, color=color))
    sources = sources_by_id(report)
    plan = hint_plan(attention)
    # a large report draws its second half of blocks in a forked worker meanwhile: the blocks
    # are independent (the hints each shows are planned above), and text is all that comes back
    cut = len(attention) // 2 if len(attention) >= PARALLEL_MIN_BLOCKS else len(attention)
    worker = (
        forking.start(_draw, attention[cut:], sources, plan, color, width)
        if cut < len(attention)
        else None
    )
    _print_blocks(screen, attention[: cut if worker else len(attention)], sources, plan)
    rest = ""
    if worker is not None:
        try:
            rest = worker.result()
        except Exception:  # noqa: BLE001 - no worker after all: draw its half here
            rest = _draw(attention[cut:], sources, plan, color, width)
    tail = Screen(color, width)
    _one_liners(tail, all_views)
    if not report.findings:
        tail.print(Text("No findings.", style="green"))
    return screen.text() + rest + tail.text()


PARALLEL_MIN_BLOCKS = 400  # below this, a worker costs more than half the drawing


def _print_blocks(screen: Screen, blocks: list[ClaimView], sources, plan) -> None:
    for view in blocks:
        screen.print(claim_block(screen, view, sources, plan.get(view.result.claim.id, [])))


def _draw(blocks: list[ClaimView], sources, plan, color: bool, width: int) -> str:
    screen = Screen(color, width)
    _print_blocks(screen, blocks, sources, plan)
    return screen.text()


def hint_plan(attention: list[ClaimView]) -> dict[str, list[str]]:
    """The hints each claim's block gives: a rule's hint once per report, at the first claim
    it helps; an input problem's hint (its own advice) wherever it occurs."""
    given: set[str] = set()
    plan: dict[str, list[str]] = {}
    for view in attention:
        hints: list[str] = []
        for issue in view.issues:
            f = issue.finding
            if f.hint and (_input_problem(f) or (f.hint not in hints and f.hint not in given)):
                hints.append(f.hint)
        given.update(hints)
        plan[view.result.claim.id] = hints
    return plan


# ----------------------------------------------------------------------------- summary
def summary(
    report: Report, plain: bool = False, claim_views: list[ClaimView] | None = None
) -> RenderableType:
    """Sources, claims, quotes anchored, verdicts, not checked (with reasons), findings."""
    claim_views = views(report) if claim_views is None else claim_views
    tally = counts(claim_views)
    verdicts = report.verdict_counts()
    quotes = report.stats.get("quotes", {})
    anchored = sum(quotes.get(k, 0) for k in ("exact", "fuzzy", "ambiguous"))
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    table.add_row(
        "Claims",
        f"{len(report.claims)} in {len(report.files)} file(s), citing {len(report.sources)} "
        "source(s)",
    )
    table.add_row(
        "Quotes anchored",
        f"{anchored} of {quotes.get('total', 0)} "
        f"({quotes.get('exact', 0)} exact, {quotes.get('fuzzy', 0)} fuzzy)",
    )
    checked = len(report.claims) - verdicts.get("unsupported", 0)
    verdict_line = Text()
    for verdict, n in verdicts.items():
        if n and verdict != "unsupported":
            if verdict_line:
                verdict_line.append(", ")
            verdict_line.append(str(n) + " ")
            verdict_line.append_text(verdict_text(verdict))
    if verdict_line:
        verdict_line.append(f" (of {checked} checked)")
    table.add_row("Verdicts", verdict_line or Text("none"))
    # claims without readable evidence have no verdict on the facts: counted apart, by reason
    reasons = Counter(reason_kind(v.not_checked) for v in claim_views if v.not_checked)
    not_checked = Text(str(tally["not_checked"]), style="magenta" if reasons else "")
    if reasons:
        not_checked.append(": " + ", ".join(f"{n} {why}" for why, n in reasons.most_common()))
    table.add_row("Not checked", not_checked)
    findings = Text()
    report_counts = report.counts()
    for i, sev in enumerate(("error", "warning", "info")):
        if i:
            findings.append(", ")
        n = report_counts[sev]
        findings.append(f"{n} {sev}", style=SEVERITY_STYLE[sev] if n else "")
    findings.append(f"; {report_counts['reviewed']} reviewed or baselined")
    table.add_row("Findings", findings)
    if plain:
        return Group(Text("cca-claims check", style="bold"), table, Text(""))
    return Panel(table, title="cca-claims check", expand=False)


# ----------------------------------------------------------------------------- the table
def attention_table(attention: list[ClaimView], width: int, *, color: bool = False) -> Group:
    """Per claim: verdict, rule, claim id and where it is written; under it what disagrees."""
    width = max(40, width)
    verdict_w = max(len(v.shown_verdict) for v in attention)
    rule_w = max(len(_rules(v)) for v in attention)
    title = Text(f"Needs attention ({len(attention)} claims)", style="bold")
    title.append("  check --details: every finding in full; show ID: one claim", style="dim")
    rows: list[RenderableType] = [_clip_text(title, width)]
    for v in attention:
        claim = v.result.claim
        line = claim.position.line if claim.position else 1
        row = _Line(color).add("  ")
        row.add(v.shown_verdict.ljust(verdict_w), VERDICT_STYLE.get(v.result.verdict, ""))
        row.add("  " + _rules(v).ljust(rule_w) + "  ")
        row.add(safe(claim.id, oneline=True), "bold")
        where = safe(f"{claim.file}:{line}", oneline=True)
        indent = 4 + verdict_w + 2
        under = _Line(color).add(" " * indent)
        if len(row) + 2 + len(where) <= width:
            row.add("  " + where, "dim")
        else:  # narrow: where the claim is written opens the line under it
            under.add(where + "  ", "dim")
        rows.append(_clip_text(row.text(), width))
        what = safe(what_disagrees(v), oneline=True)
        under.add(_clip(what, width - len(under)))
        rows.append(_clip_text(under.text(), width))
    rows.append(Text(""))
    return Group(*rows)


def _rules(view: ClaimView) -> str:
    if not view.issues:
        return "-"
    first = "+".join(view.issues[0].rules)
    more = len(view.issues) - 1
    return first + (f" +{more}" if more else "")


# ----------------------------------------------------------------------------- a claim's block
def claim_block(
    screen: Screen, view: ClaimView, sources: dict[str, Source], hints: list[str] | None = None
) -> Group:
    """One claim: heading, statement, its value, each disagreement once, each passage once."""
    result = view.result
    claim = result.claim
    line = claim.position.line if claim.position else 1
    head = _Line(screen.color).add(safe(claim.id, oneline=True), "bold").add("  ")
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
        parts.append(_indented(_clip_text(note, screen.width - 2), 2))
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
    if _input_problem(f):  # bad input reads `path:line:col: severity CODE name: message`
        return finding_line(f, hint=False)
    out = _Line(color).add(f.severity, SEVERITY_STYLE.get(f.severity, ""))
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


def _input_problem(f) -> bool:
    """A problem with the input files (E0xx: no rule category), not a disagreement."""
    from cca_claims.rules import category

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
    value = _clip(safe(value, oneline=True), 28 - (10 if alike else 0))
    if alike:
        value += f" (+{alike} alike)"
    lead = f"{mark} {safe(where, oneline=True).ljust(where_w)}  "
    room = screen.width - 4 - len(lead) - len(value) - 6
    style = {AGREES: "green", DIFFERS: "bold red"}.get(mark, "")
    out = _Line(screen.color).add(lead[:2], style).add(lead[2:], "dim")
    _snippet(out, ev, max(24, room), plain=not screen.color)
    out.add("  \u2192 ").add(value, "bold")
    return _indented(out.text(), 4)


def _snippet(out: _Line, ev: EvidenceResult, room: int, *, plain: bool) -> None:
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
        out.add("\u201c" + safe(_clip(before + after, max(8, room - 2)), oneline=True) + "\u201d")
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


# ----------------------------------------------------------------------------- one-liners
def _one_liners(screen: Screen, claim_views: list[ClaimView]) -> None:
    """Claims with notes only (info) and claims whose findings are all settled, as lists of ids
    (`show ID` tells each in full)."""
    noted = [v for v in claim_views if not v.needs_attention and v.notes]
    settled = [v for v in claim_views if not v.needs_attention and v.settled and not v.notes]
    if noted:
        line = Text(f"Notes, info only ({len(noted)}): ", style="bold")
        for i, v in enumerate(noted):
            rules = Counter(f.rule for f in v.notes)
            line.append(", " if i else "")
            line.append(safe(v.result.claim.id, oneline=True))
            line.append(
                " (" + ", ".join(f"{r} x{n}" if n > 1 else r for r, n in rules.items()) + ")",
                style="dim",
            )
        screen.print(line)
    if settled:
        line = Text(f"Settled by review ({len(settled)}): ", style="bold")
        for i, v in enumerate(settled):
            line.append(", " if i else "")
            line.append(safe(v.result.claim.id, oneline=True))
            line.append(
                " (" + ", ".join(f"{f.rule} {f.review}" for f in v.settled) + ")", style="dim"
            )
        screen.print(line)


def _indented(item: RenderableType, n: int) -> Padding:
    return Padding(item, (0, 0, 0, n))


def _clip(text: str, n: int) -> str:
    n = max(8, n)
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _clip_text(text: Text, n: int) -> Text:
    """A Text cut to `n` characters (styles kept), with an ellipsis when cut."""
    n = max(8, n)
    if len(text.plain) <= n:
        return text
    out = text[: n - 1]
    out.append("\u2026")
    return out
