"""JSON for the look-up commands (`show`, `claims`, `sources` with `--format json`).

Each is a small document over the same records and the same pieces as the check's JSON report
(docs/json-format.md): a claim is exactly a `claims[]` item of that report, a source exactly a
`sources[]` item, a finding a `findings[]` item, so a desk's tools read one shape everywhere.
Every document carries `schema_version` and a `view` naming which one it is.
"""

from __future__ import annotations

from typing import Any

from cca_claims.model import Report
from cca_claims.report.common import dumps, findings_by_claim, source_path
from cca_claims.report.json_report import SCHEMA_VERSION, claim_json, finding_json, source_json
from cca_claims.report.tables import Filters, select


def _document(view: str, body: dict[str, Any]) -> str:
    return dumps({"schema_version": SCHEMA_VERSION, "view": view, **body}, indent=2) + "\n"


def render_show(report: Report, claim_id: str) -> str:
    """One claim with its evidence, readings, verdict and every finding that concerns it."""
    result = next(c for c in report.claims if c.claim.id == claim_id)
    findings = findings_by_claim(report).get(claim_id, [])
    return _document(
        "show",
        {"claim": claim_json(result), "findings": [finding_json(f) for f in findings]},
    )


def render_claims(report: Report, filters: Filters = Filters()) -> str:
    """The claims that pass the filters, each as in the check's report, with its open
    findings counted by severity."""
    by_claim = findings_by_claim(report)
    chosen = select(report, filters)
    items = []
    for result in chosen:
        counts = {"error": 0, "warning": 0, "info": 0, "reviewed": 0}
        for f in by_claim.get(result.claim.id, []):
            counts["reviewed" if f.suppressed else f.severity] += 1
        items.append({**claim_json(result), "findings": counts})
    return _document("claims", {"total": len(report.claims), "claims": items})


def render_sources(report: Report, filters: Filters = Filters()) -> str:
    """Every source, with the claims (passing the tag and verdict filters) that cite it."""
    chosen = select(report, Filters(filters.tags, filters.verdicts))
    citing: dict[str, list[dict[str, str]]] = {}
    for result in chosen:
        for source_id in dict.fromkeys(ev.source for ev in result.claim.evidence):
            citing.setdefault(source_id, []).append(
                {"id": result.claim.id, "verdict": result.verdict}
            )
    items = [
        {**source_json(s, source_path(report, s)), "claims": citing.get(s.id, [])}
        for s in report.sources
        if not filters.sources or s.id in filters.sources
    ]
    return _document("sources", {"sources": items})
