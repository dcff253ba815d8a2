"""GitHub Actions workflow commands: each open finding as an annotation on the claim file's line.

`::error file=claims/trade.yaml,line=12,col=9,title=C201 money-mismatch::message`. Data is escaped
as the Actions runner expects (`%` `\\r` `\\n` in messages; also `:` and `,` in properties), so a
`::` or a newline inside a claim or a source cannot end the annotation and forge another command.
Reviewed, baselined and deprecated findings are not annotated (they never fail); a last plain line
counts them. Severity maps to the command: error -> error, warning -> warning, info -> notice.
"""

from __future__ import annotations

from typing import Any

from cca_claims.model import Finding, Report
from cca_claims.report.common import safe

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A message: `%`, CR and LF percent-encoded (the runner decodes them back)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): as data, plus `:` and `,` which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    """One workflow command for a finding."""
    props = {
        "file": f.location.file,
        "line": str(max(1, f.location.line)),
        "col": str(max(1, f.location.col)),
        "title": f"{f.rule} {f.name}",
    }
    head = ",".join(f"{k}={escape_property(_printable(v))}" for k, v in props.items())
    message = f.message
    if f.review == "stale":
        message += f" ({f.review_note})"
    if f.hint:
        message += f"\nhint: {f.hint}"
    return f"::{COMMAND.get(f.severity, 'warning')} {head}::{escape_data(_printable(message))}"


def _printable(text: str) -> str:
    # other control characters would reach the log raw; show them as escapes
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(safe(line, oneline=True) for line in lines)


def render(report: Report, **_: Any) -> str:
    """Annotations for the open findings, then one summary line (not a command)."""
    lines = [annotation(f) for f in report.findings if not f.suppressed]
    counts = report.counts()
    lines.append(
        f"cca-claims: {len(report.claims)} claims: {counts['error']} errors, "
        f"{counts['warning']} warnings, {counts['info']} info; "
        f"{counts['reviewed']} reviewed or baselined"
    )
    return "\n".join(lines) + "\n"
