"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, VS Code SARIF viewer, ...).

One run; the driver's rules are every rule in the registry and every input check, with their
documentation; each finding is a result with its rule id, level (info -> note), message, the
claim file location, our fingerprint in `partialFingerprints`, the source passages it compares as
`relatedLocations`, and a suppression when a review (in source) or the baseline (external)
accepts it. Paths are relative to the project root (`%SRCROOT%`), columns count code points.
"""

from __future__ import annotations

import inspect
from typing import Any
from urllib.parse import quote

from cca_claims.model import EvidenceResult, Finding, Report
from cca_claims.report.common import dumps, reading_text, source_path, sources_by_id

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "ccaClaimsFingerprint/v1"
ROOT = "%SRCROOT%"


def render(report: Report, **_: Any) -> str:
    return dumps(document(report), indent=2) + "\n"


def document(report: Report) -> dict[str, Any]:
    """The SARIF log as JSON-ready data."""
    rules = rule_descriptors(report)
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [result(report, f, index) for f in report.findings]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cca-claims",
                        "version": report.tool_version,
                        "semanticVersion": report.tool_version,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [{"executionSuccessful": True}],
                "results": results,
            }
        ],
    }


def rule_descriptors(report: Report) -> list[dict[str, Any]]:
    """Every registered rule and input check, plus any rule id a finding uses that neither has."""
    from cca_claims.problems import PROBLEM_TYPES
    from cca_claims.rules import RULES

    out: list[dict[str, Any]] = []
    for rule_id, module in RULES.items():
        doc = inspect.cleandoc(module.__doc__ or module.NAME)
        first = doc.split("\n\n", 1)[0].replace("\n", " ")
        out.append(
            {
                "id": rule_id,
                "name": module.NAME,
                "shortDescription": {"text": doc.splitlines()[0] if doc else module.NAME},
                "fullDescription": {"text": first},
                "help": {"text": doc, "markdown": doc},
                "defaultConfiguration": {"level": LEVEL.get(module.DEFAULT_SEVERITY, "warning")},
                "properties": {"options": dict(module.OPTIONS)},
            }
        )
    for p in PROBLEM_TYPES.values():
        out.append(
            {
                "id": p.code,
                "name": p.name,
                "shortDescription": {"text": p.doc},
                "fullDescription": {"text": p.doc},
                "help": {"text": p.doc},
                "defaultConfiguration": {"level": LEVEL.get(p.severity, "warning")},
                "properties": {"tags": ["input"]},
            }
        )
    known = {r["id"] for r in out}
    for f in report.findings:
        if f.rule not in known:
            known.add(f.rule)
            out.append({"id": f.rule, "name": f.name, "shortDescription": {"text": f.name}})
    return out


def result(report: Report, f: Finding, index: dict[str, int]) -> dict[str, Any]:
    """One SARIF result for a finding."""
    text = f.message + (f"\nhint: {f.hint}" if f.hint else "")
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVEL.get(f.severity, "warning"),
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(f.location.file), "uriBaseId": ROOT},
                    "region": {
                        "startLine": max(1, f.location.line),
                        "startColumn": max(1, f.location.col),
                    },
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"claims": list(f.claims), "sources": list(f.sources)},
    }
    related = related_locations(report, f)
    if related:
        out["relatedLocations"] = related
    if f.suppressed:
        out["suppressions"] = [
            {
                "kind": "external" if f.review == "baseline" else "inSource",
                "state": "accepted",
                "justification": f"{f.review}: {f.review_note}" if f.review_note else f.review,
            }
        ]
    elif f.review == "stale":
        out["properties"]["review"] = {"status": "stale", "note": f.review_note}
    return out


def related_locations(report: Report, f: Finding) -> list[dict[str, Any]]:
    """The source passages a finding is about, each with its value as read."""
    if not f.claims:
        return []
    result = next((c for c in report.claims if c.claim.id == f.claims[0]), None)
    if result is None:
        return []
    sources = sources_by_id(report)
    indices = [c.evidence_index for c in f.compared if c.evidence_index is not None]
    indices = list(dict.fromkeys(indices or list(f.evidence)))
    out = []
    for i in indices:
        if i >= len(result.evidence):
            continue
        ev: EvidenceResult = result.evidence[i]
        anchor = ev.anchor.anchor
        path = source_path(report, sources.get(ev.evidence.source))
        if anchor is None or not path:
            continue
        if ev.reading is None:
            said = "quoted passage"
        elif ev.reading.text:
            said = f"{ev.reading.text} -> {reading_text(ev.reading)}"
        else:
            said = reading_text(ev.reading)
        message = f"{ev.evidence.source}: {said}"
        out.append(
            {
                "id": len(out),
                "message": {"text": message},
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(path), "uriBaseId": ROOT},
                    "region": {
                        "startLine": anchor.line,
                        "startColumn": anchor.col,
                        "charOffset": anchor.start,
                        "charLength": anchor.end - anchor.start,
                        "snippet": {"text": anchor.text},
                    },
                },
            }
        )
    return out


def uri(path: str) -> str:
    """A relative URI reference for a path (spaces and other specials percent-encoded)."""
    return quote(path.replace("\\", "/"), safe="/-._~")
