"""Fingerprints: what a finding is about, hashed, so a review survives edits that do not matter.

The hash covers the rule, the claim ids, and for each compared side its source and normalized
reading (or, for anchoring findings, the quote). It leaves out wording and line numbers: moving a
claim within its file keeps its reviews; changing a quoted figure makes them stale.
"""

from __future__ import annotations

import hashlib

from cca_claims.model import Finding
from cca_claims.rules.base import RuleContext


def fingerprint(finding: Finding, context: RuleContext | None = None) -> str:
    """A short stable hash of what `finding` is about."""
    parts = [finding.rule, ",".join(sorted(finding.claims)), ",".join(sorted(finding.sources))]
    compared = sorted(f"{c.label}={_reading_key(c.reading)}" for c in finding.compared)
    parts.extend(compared)
    if context is not None and not compared and finding.claims:
        cc = context.claims.get(finding.claims[0])
        if cc is not None:
            for index in finding.evidence:
                if index < len(cc.claim.evidence):
                    ev = cc.claim.evidence[index]
                    parts.append(f"{ev.source}:{ev.quote}:{ev.value}")
    if not finding.claims and not compared:
        # input problems without a claim: where they are is what they are about
        parts.append(f"{finding.location.file}:{finding.message}")
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def _reading_key(reading) -> str:
    if reading is None:
        return "-"
    interval = reading.interval.notation(repr) if reading.interval is not None else ""
    return f"{reading.kind}|{reading.unit}|{interval}|{'|'.join(reading.items)}|{reading.label}"
