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
from rich.text import Text

from cca_claims.model import Report
from cca_claims.report import text_details
from cca_claims.report.attention import (
    ClaimView,
    views,
    what_disagrees,
)
from cca_claims.report.common import safe, sources_by_id
from cca_claims.report.terminal import (
    VERDICT_STYLE,
    Screen,
    finding_line,
)
from cca_claims.report.text_blocks import Line, claim_block, clip, clip_text, hint_plan
from cca_claims.report.text_summary import summary

__all__ = ["render", "summary", "claim_block"]


def render(
    report: Report, *, color: bool = False, width: int = 100, details: bool = False, **_: Any
) -> str:
    """The whole check report as terminal text (ANSI colours only when `color`)."""
    if details:
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
    _print_blocks(screen, attention, sources, plan)
    tail = Screen(color, width)
    _one_liners(tail, all_views)
    if not report.findings:
        tail.print(Text("No findings.", style="green"))
    return screen.text() + tail.text()


def _print_blocks(screen: Screen, blocks: list[ClaimView], sources, plan) -> None:
    for view in blocks:
        screen.print(claim_block(screen, view, sources, plan.get(view.result.claim.id, [])))


# ----------------------------------------------------------------------------- the table
def attention_table(attention: list[ClaimView], width: int, *, color: bool = False) -> Group:
    """Per claim: verdict, rule, claim id and where it is written; under it what disagrees."""
    width = max(40, width)
    verdict_w = max(len(v.shown_verdict) for v in attention)
    rule_w = max(len(_rules(v)) for v in attention)
    title = Text(f"Needs attention ({len(attention)} claims)", style="bold")
    title.append("  check --details: every finding in full; show ID: one claim", style="dim")
    rows: list[RenderableType] = [clip_text(title, width)]
    for v in attention:
        claim = v.result.claim
        line = claim.position.line if claim.position else 1
        row = Line(color).add("  ")
        row.add(v.shown_verdict.ljust(verdict_w), VERDICT_STYLE.get(v.result.verdict, ""))
        row.add("  " + _rules(v).ljust(rule_w) + "  ")
        row.add(safe(claim.id, oneline=True), "bold")
        where = safe(f"{claim.file}:{line}", oneline=True)
        indent = 4 + verdict_w + 2
        under = Line(color).add(" " * indent)
        if len(row) + 2 + len(where) <= width:
            row.add("  " + where, "dim")
        else:  # narrow: where the claim is written opens the line under it
            under.add(where + "  ", "dim")
        rows.append(clip_text(row.text(), width))
        what = safe(what_disagrees(v), oneline=True)
        under.add(clip(what, width - len(under)))
        rows.append(clip_text(under.text(), width))
    rows.append(Text(""))
    return Group(*rows)


def _rules(view: ClaimView) -> str:
    if not view.issues:
        return "-"
    first = "+".join(view.issues[0].rules)
    more = len(view.issues) - 1
    return first + (f" +{more}" if more else "")


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
