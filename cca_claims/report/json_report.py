"""The versioned JSON document for fact-check desks and other tools (docs/json-format.md).

Bump SCHEMA_VERSION on any change of shape: a new optional key is a minor bump, a removed or
renamed key a major one. `tests/report` validates real output against schemas/report.schema.json.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from cca_claims.model import (
    ClaimResult,
    EvidenceResult,
    Finding,
    Reading,
    ReconciledGroup,
    Report,
    Source,
)
from cca_claims.report.common import dumps, source_path
from cca_claims.report.display import date_interval_json, reading_to_json

# 2.0: date intervals as ISO days (day ordinals gone), `written_unit` as written, the effective
# `configuration`, each source's provenance `notes`
SCHEMA_VERSION = "2.0"


def render(report: Report, **_: Any) -> str:
    """The document as indented JSON (control characters in user text escaped)."""
    return "".join(chunks(report))


def write(report: Report, out: Callable[[str], Any]) -> None:
    """Write the document to `out` (a stream's `write`) piece by piece: the same text as
    `render`, without ever holding the whole document (124 MB at 10,000 claims) in memory."""
    for chunk in chunks(report):
        out(chunk)


def chunks(report: Report) -> Iterator[str]:
    """The document's text in pieces of one source, claim or finding each.

    The same bytes as `json.dumps(document(report), indent=2)`: each list item is dumped alone
    and indented to its depth (JSON text has no raw newline inside a string, so indenting every
    line is safe), and only one item's records exist at a time.
    """
    head = _head(report)
    lists: dict[str, Iterable[dict[str, Any]]] = {
        "sources": (source_json(s, source_path(report, s)) for s in report.sources),
        "claims": (claim_json(c) for c in report.claims),
        "findings": (finding_json(f) for f in report.findings),
    }
    yield "{"
    for n, (key, value) in enumerate({**head, **dict.fromkeys(lists)}.items()):
        yield ("," if n else "") + "\n  " + dumps(key) + ": "
        if key not in lists:
            yield dumps(value, indent=2).replace("\n", "\n  ")
            continue
        empty = True
        for item in lists[key]:
            yield ("[" if empty else ",") + "\n    " + dumps(item).replace("\n", "\n    ")
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}\n"


def document(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data (described field by field in docs/json-format.md)."""
    return {
        **_head(report),
        "sources": [source_json(s, source_path(report, s)) for s in report.sources],
        "claims": [claim_json(c) for c in report.claims],
        "findings": [finding_json(f) for f in report.findings],
    }


def _head(report: Report) -> dict[str, Any]:
    """The document's keys before its three lists."""
    counts = report.counts()
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "cca-claims", "version": report.tool_version},
        "generated_at": report.generated_at,
        "summary": {
            "sources": len(report.sources),
            "claims": len(report.claims),
            "claim_files": list(report.files),
            "quotes": report.stats.get("quotes", {}),
            "findings": {k: counts[k] for k in ("error", "warning", "info")},
            "reviewed": counts["reviewed"],
            "verdicts": report.verdict_counts(),
        },
        "configuration": config_json(report.config),
    }


def config_json(config: Any) -> dict[str, Any] | None:
    """The effective configuration of the run (defaults, file and options applied), with paths
    relative to the project root so that the document does not depend on where it ran."""
    if config is None:
        return None
    out: dict[str, Any] = {}
    for f in dataclasses.fields(config):
        if f.name == "root":
            continue
        value = getattr(config, f.name)
        if isinstance(value, Path):
            try:
                value = value.relative_to(config.root).as_posix()
            except ValueError:
                value = value.as_posix()
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, dict):
            value = {str(k): v for k, v in value.items()}
        out[f.name] = value
    return out


def source_json(source: Source, path: str | None = None) -> dict[str, Any]:
    m = source.meta
    return {
        "id": m.id,
        "title": m.title,
        "author": m.author,
        "publisher": m.publisher,
        "published": m.published.isoformat() if m.published else None,
        "published_not_before": m.published_not_before.isoformat()
        if m.published_not_before
        else None,
        "published_not_after": m.published_not_after.isoformat() if m.published_not_after else None,
        "language": m.language,
        "kind": m.kind,
        "url": m.url,
        "path": path if path is not None else m.path,
        "sha256": source.sha256,
        "notes": m.notes or None,
    }


def reading_json(reading: Reading | None) -> dict[str, Any] | None:
    if reading is None:
        return None
    return reading_to_json(reading)


def evidence_json(result: EvidenceResult) -> dict[str, Any]:
    ev = result.evidence
    anchor = result.anchor
    return {
        "index": ev.index,
        "source": ev.source,
        "quote": ev.quote,
        "value": ev.value,
        "rank": ev.rank,
        "reason": ev.reason or None,
        "line": ev.position.line if ev.position else None,
        "note": ev.note or None,
        "anchor": {
            "status": anchor.status,
            **(anchor.anchor.to_json() if anchor.anchor else {}),
            "candidates": [a.to_json() for a in anchor.candidates],
        },
        "reading": reading_json(result.reading),
        "candidates": [reading_json(c) for c in result.candidates],
        "reading_problem": result.reading_problem or None,
    }


def reconciled_json(group: ReconciledGroup) -> dict[str, Any]:
    return {
        "sources": list(group.sources),
        "evidence": list(group.evidence),
        "interval": date_interval_json(group.interval)
        if group.unit == "day"
        else (group.interval.to_json() if group.interval is not None else None),
        "unit": group.unit,
        "items": list(group.items),
        "label": group.label or None,
    }


def claim_json(result: ClaimResult) -> dict[str, Any]:
    c = result.claim
    return {
        "id": c.id,
        "claim": c.statement,
        "file": c.file,
        "line": c.position.line if c.position else None,
        "value": c.value,
        "period": c.period,
        "kind": result.kind,
        "tags": list(c.tags),
        "relations": {
            "part_of": c.part_of,
            "sum_of": list(c.sum_of),
            "growth": {"from": c.growth.from_id, "to": c.growth.to_id} if c.growth else None,
            "same_as": c.same_as,
        },
        "note": c.note or None,
        "reviewed": c.reviewed,
        "verdict": result.verdict,
        "claim_reading": reading_json(result.claim_reading),
        "reconciled": [reconciled_json(g) for g in result.reconciled],
        "evidence": [evidence_json(e) for e in result.evidence],
        "reviews": [
            {
                "rule": r.rule,
                "fingerprint": r.fingerprint,
                "status": r.status,
                "note": r.note,
                "by": r.by,
                "date": r.date,
            }
            for r in c.reviews
        ],
    }


def finding_json(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "name": f.name,
        "severity": f.severity,
        "message": f.message,
        "hint": f.hint or None,
        "claims": list(f.claims),
        "sources": list(f.sources),
        "evidence": list(f.evidence),
        "location": {"file": f.location.file, "line": f.location.line, "column": f.location.col},
        "fingerprint": f.fingerprint,
        "review": {"status": f.review, "note": f.review_note} if f.review else None,
        "compared": [
            {
                "label": c.label,
                "evidence": c.evidence_index,
                "reading": reading_json(c.reading),
                "anchor": c.anchor.to_json() if c.anchor is not None else None,
            }
            for c in f.compared
        ],
    }
