"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, VS Code SARIF viewer, ...).

One run; the driver's rules are every rule in the registry and every input check, with their
documentation, tags and a `helpUri` into docs/rules.md; each open finding is a result with its
rule id, level (info -> note), message (with links to the passages it compares), the claim file
region, and the source passages as `relatedLocations`. Paths are relative to the project root
(`%SRCROOT%`), columns count code points.

Code scanning tracks an alert by `partialFingerprints.primaryLocationLineHash` (it computes one
from the flagged line when the file has none), so our fingerprint is given under that key as well
as under our own: editing a flagged quote's line then keeps the alert, and changing the figure it
is about opens a new one (docs/ci.md). Reviewed and baselined findings are left out by default,
because code scanning does not reliably close an alert from a `suppressions` entry;
`include_reviewed=True` (`--include-reviewed`) keeps them, marked as suppressed.
"""

from __future__ import annotations

import inspect
from typing import Any
from urllib.parse import quote

from cca_claims.model import EvidenceResult, Finding, Report
from cca_claims.problems import PROBLEM_TYPES
from cca_claims.report.common import dumps, reading_text, source_path, sources_by_id
from cca_claims.rules import RULES

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "ccaClaimsFingerprint/v1"
GITHUB_FINGERPRINT_KEY = "primaryLocationLineHash"
ROOT = "%SRCROOT%"
# where a rule's documentation lives, relative to the project; `docs_url` in the configuration
# makes it absolute (code scanning links it from each alert)
RULES_DOC = "docs/rules.md"
# rule id letter -> the family's tags (docs/rules.md groups the rules the same way)
FAMILY_TAGS = {
    "A": ["anchoring", "quote"],
    "C": ["contradiction", "evidence"],
    "V": ["contradiction", "claim-value"],
    "P": ["precision"],
    "R": ["relation", "consistency"],
    "I": ["integrity"],
    "E": ["input"],
}


def render(report: Report, *, include_reviewed: bool = False, **_: Any) -> str:
    return dumps(document(report, include_reviewed=include_reviewed), indent=2) + "\n"


def document(report: Report, *, include_reviewed: bool = False) -> dict[str, Any]:
    """The SARIF log as JSON-ready data (reviewed and baselined findings only on request)."""
    rules = rule_descriptors(report)
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [
        result(report, f, index) for f in report.findings if include_reviewed or not f.suppressed
    ]
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
    base = _docs_base(report)
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
                "helpUri": f"{base}#{_slug(rule_id + ' ' + module.NAME)}",
                "properties": {
                    "tags": _tags(rule_id, module.NAME),
                    "options": dict(module.OPTIONS),
                },
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
                "helpUri": f"{base}#input-checks",
                "properties": {"tags": _tags(p.code, p.name)},
            }
        )
    known = {r["id"] for r in out}
    for f in report.findings:
        if f.rule not in known:
            known.add(f.rule)
            out.append(
                {
                    "id": f.rule,
                    "name": f.name,
                    "shortDescription": {"text": f.name},
                    "helpUri": f"{base}#{_slug(f.rule + ' ' + f.name)}",
                    "properties": {"tags": _tags(f.rule, f.name)},
                }
            )
    return out


def _tags(rule_id: str, name: str) -> list[str]:
    return ["claims", *FAMILY_TAGS.get(rule_id[:1], []), name]


def _slug(heading: str) -> str:
    """The anchor GitHub and most Markdown renderers give a heading."""
    kept = "".join(c for c in heading.lower() if c.isalnum() or c in " -_")
    return kept.replace(" ", "-")


def _docs_base(report: Report) -> str:
    configured = (getattr(report.config, "docs_url", "") or "").rstrip("/")
    return f"{configured}/rules.md" if configured else RULES_DOC


def result(report: Report, f: Finding, index: dict[str, int]) -> dict[str, Any]:
    """One SARIF result for a finding."""
    related = related_locations(report, f)
    text = _escape(f.message) + (f"\nhint: {_escape(f.hint)}" if f.hint else "")
    if related:
        links = ", ".join(f"[{_escape(r['message']['text'])}]({r['id']})" for r in related)
        text += f"\npassages: {links}"
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVEL.get(f.severity, "warning"),
        "message": {"text": text},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri(f.location.file), "uriBaseId": ROOT},
                    "region": claim_region(report, f),
                }
            }
        ],
        "fingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "partialFingerprints": {
            FINGERPRINT_KEY: f.fingerprint,
            GITHUB_FINGERPRINT_KEY: f.fingerprint,
        },
        "properties": {"claims": list(f.claims), "sources": list(f.sources)},
    }
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


def claim_region(report: Report, f: Finding) -> dict[str, int]:
    """The flagged place in the claim file, start to end.

    A finding points at a field of a claim (a quote, a value, the claim's `- id:` item); the
    region ends where that field's text ends on its line, as far as the records know it.
    """
    line, col = max(1, f.location.line), max(1, f.location.col)
    length = _field_length(report, f)
    return {"startLine": line, "startColumn": col, "endLine": line, "endColumn": col + length}


def _field_length(report: Report, f: Finding) -> int:
    result = next((c for c in report.claims if f.claims and c.claim.id == f.claims[0]), None)
    if result is None:
        return 1
    claim = result.claim
    for ev in result.evidence:
        for key, pos in ev.evidence.positions.items():
            if (pos.line, pos.col) == (f.location.line, f.location.col):
                text = {"quote": ev.evidence.quote, "value": ev.evidence.value}.get(key) or key
                return max(1, len(str(text).split("\n", 1)[0]))
        if ev.evidence.position is not None and (
            (ev.evidence.position.line, ev.evidence.position.col)
            == (f.location.line, f.location.col)
        ):
            return len("source: ") + len(ev.evidence.source)
    return len("id: ") + len(claim.id)


def _end(line: int, col: int, text: str) -> dict[str, int]:
    """endLine and endColumn (exclusive, code points) of `text` starting at line:col."""
    lines = text.split("\n")
    if len(lines) == 1:
        return {"endLine": line, "endColumn": col + len(text)}
    return {"endLine": line + len(lines) - 1, "endColumn": len(lines[-1]) + 1}


def _escape(text: str) -> str:
    """Plain text for a SARIF message: literal brackets (and backslashes) escaped, so that only
    our own `[text](id)` links are links (SARIF 2.1.0, 3.11.6)."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


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
                        **_end(anchor.line, anchor.col, anchor.text),
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
