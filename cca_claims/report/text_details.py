"""The long form of the editor's report (`check --details`): every finding with its passages.

For each claim with findings: its id, verdict and statement; each finding as `file:line:col:
severity RULE name: message`; and, for open findings (reviewed and baselined ones take one line
each, after the open ones), the passages it compares, side by side (one column per source)
on wide terminals, stacked on narrow ones, with the figure highlighted, the value as written and
normalized, and any FX rate or unit conversion used. Findings without a claim (broken files) come
first under "Files".
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from cca_claims.model import ClaimResult, Finding, Report, Source
from cca_claims.report.common import findings_by_claim, safe, sources_by_id
from cca_claims.report.terminal import (
    Screen,
    claim_heading,
    evidence_cell,
    finding_line,
    side_by_side,
    styled,
    value_lines,
)
from cca_claims.report.text_summary import summary

__all__ = ["render", "finding_line", "claim_block"]


def render(report: Report, *, color: bool = False, width: int = 100, **_: Any) -> str:
    """The whole check report as terminal text (ANSI colours only when `color`)."""
    screen = Screen(color, width)
    screen.print(summary(report, plain=not color))
    sources = sources_by_id(report)
    by_claim = findings_by_claim(report)
    loose = [f for f in report.findings if not f.claims]
    if loose:
        screen.print(Text("Files", style="bold"))
        for f in loose:
            screen.print(finding_line(f))
        screen.print(Text(""))
    blocks = [(r, by_claim[r.claim.id]) for r in report.claims if by_claim.get(r.claim.id)]
    _print_blocks(screen, blocks, sources)
    if not report.findings:
        screen.print(Text("No findings.", style="green"))
    return screen.text()


def _print_blocks(screen: Screen, blocks: list, sources: dict[str, Source]) -> None:
    for result, findings in blocks:
        screen.print(claim_block(screen, result, findings, sources))


def claim_block(
    screen: Screen, result: ClaimResult, findings: list[Finding], sources: dict[str, Source]
) -> Group:
    """One claim: header, statement, then each finding with the passages it compares."""
    claim = result.claim
    head = claim_heading(result)
    parts: list[RenderableType] = [head, Padding(styled(claim.statement), (0, 0, 0, 2))]
    if claim.value is not None or result.claim_reading is not None:
        value = Text()
        value.append("claim value: ", style="dim")
        value.append_text(
            styled(
                result.claim_reading.text
                if result.claim_reading and result.claim_reading.text
                else _written(claim.value)
            )
        )
        parts.append(Padding(value, (0, 0, 0, 2)))
    shown: set[int] = set()
    # open findings first, with their passages; settled ones follow on one line each
    for f in sorted(findings, key=lambda f: f.suppressed):
        parts.append(Padding(finding_line(f, hint=False), (0, 0, 0, 2)))
        if f.suppressed:
            if f.review_note and f.review != "baseline":
                note = Text(safe(f.review_note, oneline=True), style="dim")
                parts.append(Padding(note, (0, 0, 0, 6)))
            continue
        if f.hint:
            parts.append(
                Padding(Text("hint: " + safe(f.hint, oneline=True), style="dim"), (0, 0, 0, 6))
            )
        if f.claims and f.claims[0] != claim.id:
            # evidence indices belong to the first claim; its block shows the passages
            parts.append(
                Padding(Text(f"passages under {safe(f.claims[0])}", style="dim"), (0, 0, 0, 6))
            )
            continue
        sides = _sides(result, f, sources, screen)
        fresh = [i for i in f.evidence if i not in shown]
        if sides and (len(sides[1]) > 1 or fresh):
            parts.append(side_by_side(screen, sides[0], sides[1]))
        shown.update(f.evidence)
    parts.append(Text(""))
    return Group(*parts)


def _sides(
    result: ClaimResult, f: Finding, sources: dict[str, Source], screen: Screen
) -> tuple[list[str], list[Text]] | None:
    """Headers and cells for the passages a finding is about (its `compared`, else its evidence)."""
    plain = not screen.color
    context = 30 if screen.narrow else 40 if len(f.compared) > 1 else 60
    headers: list[str] = []
    cells: list[Text] = []
    indices: list[int | None] = (
        [c.evidence_index for c in f.compared] if f.compared else list(f.evidence)
    )
    for n, index in enumerate(indices):
        if index is None or index >= len(result.evidence):
            compared = f.compared[n] if f.compared else None
            if compared is None:
                continue
            headers.append(compared.label)
            written = result.claim.value if compared.label == "claim value" else None
            cell = Text(safe(compared.label, oneline=True), style="bold")
            cell.append("\n")
            cell.append_text(value_lines(compared.reading, _written(written)))
            cells.append(cell)
            continue
        ev = result.evidence[index]
        headers.append(ev.evidence.source)
        cells.append(
            evidence_cell(ev, sources.get(ev.evidence.source), plain=plain, context=context)
        )
    return (headers, cells) if cells else None


def _written(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)
