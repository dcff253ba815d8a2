"""Helpers every renderer shares: safe user text, readings for people, where a passage sits.

User text (claims, quotes, source passages, notes) is data, never markup or terminal control: every
renderer passes it through `safe()` (terminal) or its format's own escaping (JSON, SARIF, GitHub).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

from cca_claims.model import Anchor, EvidenceResult, Finding, Reading, Report, Source, severity_rank
from cca_claims.report.display import normalized, short_value

# C0 and C1 controls (tab and newline are handled by the caller), DEL, and the bidirectional
# overrides and isolates that can make text display in another order than it is stored.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text: str, *, oneline: bool = False) -> str:
    """`text` with control characters shown as escapes (`\\x1b`), so a terminal shows it literally."""
    if oneline:
        text = text.replace("\r\n", "\n").replace("\n", " ").replace("\t", " ")
    else:
        text = text.replace("\t", "    ")
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def squash(text: str) -> str:
    """Runs of whitespace (newlines included) as one space: passages shown on one line."""
    return " ".join(text.split())


def reading_text(reading: Reading | None) -> str:
    """The normalized value in its canonical unit (`[94.815 billion, 94.825 billion) USD`)."""
    if reading is None:
        return "-"
    try:
        return normalized(reading)
    except Exception:  # a display bug must not hide the report; show the raw interval instead
        if reading.interval is not None:
            return f"{reading.interval.notation()} {reading.unit}".strip()
        return reading.label or reading.text or "-"


def short_text(reading: Reading | None) -> str:
    """The compact form for tables (`$94.82B`, `~35%`), or "-" without a reading."""
    if reading is None:
        return "-"
    try:
        return short_value(reading)
    except Exception:  # as above: never let a display bug hide the table
        return reading.text or "-"


def conversion_texts(reading: Reading | None) -> list[str]:
    """One line per conversion step: `FX CNY->USD 0.137-0.141 (2024-01-01..2024-12-31, ECB)`."""
    if reading is None:
        return []
    out = []
    for c in reading.conversions:
        kind = {"fx": "FX", "unit": "unit", "date": "date"}.get(c.kind, c.kind)
        factor = c.factor.notation(lambda x: f"{x:.6g}")
        dates = c.date_from if c.date_from == c.date_to else f"{c.date_from}..{c.date_to}"
        where = ", ".join(p for p in (dates.strip("."), c.source) if p)
        line = f"{kind} {c.from_unit}->{c.to_unit} x {factor}"
        if where:
            line += f" ({where})"
        if c.note:
            line += f"; {c.note}"
        out.append(line)
    return out


def period_text(reading: Reading | None) -> str:
    """The days a figure refers to (`2024-01-01..2024-12-31`), or "" when none was written."""
    if reading is None or reading.period is None:
        return ""
    return f"{day_text(reading.period.low)}..{day_text(reading.period.high)}"


def day_text(ordinal: float) -> str:
    """A proleptic day ordinal as an ISO date ("..." for an unbounded side)."""
    if math.isinf(ordinal):
        return "..."
    try:
        return dt.date.fromordinal(int(ordinal)).isoformat()
    except (ValueError, OverflowError):
        return str(ordinal)


def shown_anchor(ev: EvidenceResult) -> Anchor | None:
    """The anchor to show: the match, else the closest candidate (a not-found quote's best guess)."""
    if ev.anchor.anchor is not None:
        return ev.anchor.anchor
    return ev.anchor.candidates[0] if ev.anchor.candidates else None


def figure_span(ev: EvidenceResult) -> tuple[int, int] | None:
    """Where the chosen reading's figure sits inside the anchored passage (anchor-relative).

    A reading taken from the evidence's explicit `value:` has a span into that value, not into
    the passage: then the figure is looked up in the passage by its text, or not highlighted.
    """
    anchor = ev.anchor.anchor
    reading = ev.reading
    if anchor is None or reading is None or not reading.text:
        return None
    if reading.span is not None:
        start, end = reading.span
        if 0 <= start < end <= len(anchor.text) and anchor.text[start:end] == reading.text:
            return start, end
    found = anchor.text.casefold().find(reading.text.casefold())
    if found >= 0 and len(anchor.text.casefold()) == len(anchor.text):
        return found, found + len(reading.text)
    return None


def source_path(report: Report, source: Source | None) -> str:
    """The source file relative to the project root (as a user would type it)."""
    if source is None:
        return ""
    root = getattr(report.config, "root", None)
    path = Path(source.meta.path)
    if root is not None:
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except (ValueError, OSError):
            pass
    return path.as_posix()


def sources_by_id(report: Report) -> dict[str, Source]:
    return {s.id: s for s in report.sources}


def findings_by_claim(report: Report) -> dict[str, list[Finding]]:
    """Each claim id with the findings about it (a finding about two claims is listed under both)."""
    out: dict[str, list[Finding]] = {}
    for f in report.findings:
        for claim_id in dict.fromkeys(f.claims):
            out.setdefault(claim_id, []).append(f)
    return out


def failing(report: Report, fail_on: str) -> list[Finding]:
    """Findings at or above `fail_on` that no review, baseline or deprecation suppresses."""
    threshold = severity_rank(fail_on)
    return [
        f for f in report.findings if not f.suppressed and severity_rank(f.severity) >= threshold
    ]


# Characters json.dumps(ensure_ascii=False) leaves raw that a terminal or viewer would act on.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def dumps(data: object, indent: int | None = 2) -> str:
    """JSON text, readable (non-ASCII kept) but with every control character escaped.

    json.dumps already escapes C0 controls; DEL, C1 controls, bidi overrides and the line/paragraph
    separators are escaped here too. They can only occur inside strings, so `\\uXXXX` is valid.
    """
    text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
