"""Each claim's verdict and reconciled reading, from its evidence and the findings about it."""

from __future__ import annotations

from cca_claims.model import ClaimResult, Finding
from cca_claims.rules.base import ClaimContext


def decide(cc: ClaimContext, findings: list[Finding]) -> ClaimResult:
    """`unsupported` without readable anchored evidence; `disputed` when the evidence disagrees;
    `contradicted` when the claim's own value conflicts with it; else `consistent`."""
    mine = [f for f in findings if cc.claim.id in f.claims and f.review != "deprecated"]
    if not cc.active():
        verdict = "unsupported"
    elif any(f.rule.startswith("C") and f.severity != "info" for f in mine):
        verdict = "disputed"
    elif any(f.rule.startswith("V") and f.severity != "info" for f in mine):
        verdict = "contradicted"
    else:
        verdict = "consistent"
    return ClaimResult(
        claim=cc.claim,
        verdict=verdict,
        evidence=tuple(cc.evidence),
        claim_reading=cc.claim_reading,
        kind=cc.kind,
    )
