"""The editor's report: a summary, then findings grouped by claim with the passages in context.

All user text (claims, quotes, source passages) goes through rich `Text` objects, never markup
strings, so a `[bold]` or an escape sequence in a source is shown literally.
"""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from cca_claims.model import ClaimResult, Finding, Report, Source

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
VERDICT_STYLE = {
    "consistent": "green",
    "disputed": "bold yellow",
    "contradicted": "bold red",
    "unsupported": "magenta",
}
CONTEXT = 90  # characters of source shown either side of a quoted span


def render(report: Report, *, color: bool = False, width: int = 100, **_: Any) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    console.print(summary(report, plain=not color))
    sources = {s.id: s for s in report.sources}
    by_claim: dict[str, list[Finding]] = {}
    loose: list[Finding] = []
    for f in report.findings:
        (by_claim.setdefault(f.claims[0], []) if f.claims else loose).append(f)
    if loose:
        console.print(Text("Files", style="bold"))
        for f in loose:
            console.print(finding_line(f))
        console.print()
    for result in report.claims:
        findings = by_claim.get(result.claim.id, [])
        if not findings:
            continue
        console.print(claim_block(result, findings, sources))
    if not report.findings:
        console.print(Text("No findings.", style="green"))
    return out.getvalue()


def summary(report: Report, plain: bool = False) -> Any:
    counts = report.counts()
    verdicts = report.verdict_counts()
    quotes = report.stats.get("quotes", {})
    anchored = sum(quotes.get(k, 0) for k in ("exact", "fuzzy", "ambiguous"))
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    table.add_row("Sources", str(len(report.sources)))
    table.add_row("Claims", f"{len(report.claims)} in {len(report.files)} file(s)")
    table.add_row(
        "Quotes anchored",
        f"{anchored} of {quotes.get('total', 0)} "
        f"({quotes.get('exact', 0)} exact, {quotes.get('fuzzy', 0)} fuzzy)",
    )
    table.add_row(
        "Verdicts", Text(", ".join(f"{n} {v}" for v, n in verdicts.items() if n) or "none")
    )
    findings = Text()
    for i, sev in enumerate(("error", "warning", "info")):
        if i:
            findings.append(", ")
        findings.append(f"{counts[sev]} {sev}", style=SEVERITY_STYLE[sev] if counts[sev] else "")
    if counts["reviewed"]:
        findings.append(f"; {counts['reviewed']} reviewed")
    table.add_row("Findings", findings)
    if plain:
        return Group(Text("cca-claims check", style="bold"), table, Text(""))
    return Panel(table, title="cca-claims check", expand=False)


def finding_line(f: Finding) -> Text:
    line = Text()
    line.append(f"{f.location}: ", style="dim")
    line.append(f.severity, style=SEVERITY_STYLE.get(f.severity, ""))
    line.append(f" {f.rule} {f.name}: ")
    line.append(f.message)
    if f.review:
        line.append(f" [{f.review}]", style="dim")
    if f.hint:
        line.append(f"\n    hint: {f.hint}", style="dim")
    return line


def claim_block(result: ClaimResult, findings: list[Finding], sources: dict[str, Source]) -> Group:
    claim = result.claim
    head = Text()
    head.append(claim.id, style="bold")
    head.append("  ")
    head.append(result.verdict, style=VERDICT_STYLE.get(result.verdict, ""))
    head.append(f"  ({claim.file}:{claim.position.line if claim.position else 1})", style="dim")
    parts: list[Any] = [head, Text("  " + claim.statement)]
    shown: set[int] = set()
    for f in findings:
        parts.append(Text("  ") + finding_line(f))
        for index in f.evidence:
            if index in shown or index >= len(result.evidence):
                continue
            shown.add(index)
            parts.append(passage(result.evidence[index], sources))
    parts.append(Text(""))
    return Group(*parts)


def passage(ev_result, sources: dict[str, Source]) -> Text:
    """The source passage with the quoted span highlighted, and the value as read."""
    ev = ev_result.evidence
    anchor = ev_result.anchor.anchor or (
        ev_result.anchor.candidates[0] if ev_result.anchor.candidates else None
    )
    out = Text("      ")
    out.append(f"{ev.source}", style="bold")
    source = sources.get(ev.source)
    if anchor is None or source is None:
        out.append(": (not anchored) ")
        out.append(f"\u201c{ev.quote}\u201d", style="italic")
        return out
    out.append(f":{anchor.line}:{anchor.col}  ")
    text = source.text
    before = text[max(0, anchor.start - CONTEXT) : anchor.start]
    after = text[anchor.end : anchor.end + CONTEXT]
    out.append("\n        \u2026" + _oneline(before), style="dim")
    out.append(_oneline(text[anchor.start : anchor.end]), style="bold underline")
    out.append(_oneline(after) + "\u2026", style="dim")
    if ev_result.reading is not None:
        out.append("\n        value: ")
        out.append(ev_result.reading.text or str(ev.value or ""))
        out.append("  \u2192  ")
        out.append(ev_result.reading.display())
    return out


def _oneline(s: str) -> str:
    return " ".join(s.split()) if s.strip() else s.replace("\n", " ")
