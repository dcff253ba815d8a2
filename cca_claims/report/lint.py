"""`cca-claims lint` output: one line per finding, compiler style, then a one-line summary.

`claims/trade.yaml:12:9: error A101 quote-not-found: message` with the hint indented below, so
editors and terminals can jump to the place. Sorted by file, line and column (the engine's order).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from cca_claims.model import Report
from cca_claims.report.terminal import Screen, finding_line


def render(report: Report, *, color: bool = False, width: int = 100, **_: Any) -> str:
    """Every finding as `file:line:col: severity RULE name: message`, then the counts."""
    screen = Screen(color, width)
    # one finding per line however long: editors parse these lines, so no wrapping
    screen.soft_wrap = True
    for f in report.findings:
        screen.print(finding_line(f))
    counts = report.counts()
    quotes = report.stats.get("quotes", {})
    summary = (
        f"{len(report.claims)} claims, {quotes.get('total', 0)} quotes: "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
    )
    if counts["reviewed"]:
        summary += f" ({counts['reviewed']} reviewed or baselined)"
    screen.print(Text(summary, style="bold" if color else ""))
    return screen.text()
