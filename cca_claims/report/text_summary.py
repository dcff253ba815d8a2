"""The summary at the head of the editor's report (`report.text`, `report.text_details`):
sources, claims, quotes anchored, the verdicts of the claims checked, the claims not checked
with their reasons, and the findings by severity."""

from __future__ import annotations

from collections import Counter

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from cca_claims.model import Report
from cca_claims.report.attention import ClaimView, counts, reason_kind, views
from cca_claims.report.terminal import SEVERITY_STYLE, verdict_text


def summary(
    report: Report, plain: bool = False, claim_views: list[ClaimView] | None = None
) -> RenderableType:
    """Sources, claims, quotes anchored, verdicts, not checked (with reasons), findings."""
    claim_views = views(report) if claim_views is None else claim_views
    tally = counts(claim_views)
    verdicts = report.verdict_counts()
    quotes = report.stats.get("quotes", {})
    anchored = sum(quotes.get(k, 0) for k in ("exact", "fuzzy", "ambiguous"))
    # a claim file checked on its own cites a few of the sources loaded
    cited = {e.evidence.source for c in report.claims for e in c.evidence}
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    table.add_row(
        "Claims",
        f"{len(report.claims)} in {len(report.files)} file(s), citing {len(cited)} "
        + (f"of {len(report.sources)} " if len(cited) < len(report.sources) else "")
        + "source(s)",
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
