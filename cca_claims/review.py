"""Reviews, baselines and deprecated evidence: which findings stop failing a build, and why.

A review in the claim file (`reviews:` with the finding's rule and fingerprint) marks a finding
as explained or accepted: it stays in the report and no longer fails. When the evidence changes,
the fingerprint changes and the review no longer matches: the finding fails again, marked stale.
A baseline file lists fingerprints recorded at adoption time (`--write-baseline`).
"""

from __future__ import annotations

from dataclasses import replace

from cca_claims.model import Finding
from cca_claims.rules.base import RuleContext


def apply_reviews(
    findings: list[Finding], context: RuleContext, baseline: frozenset[str]
) -> list[Finding]:
    """Mark each finding reviewed, stale, deprecated, baselined, or leave it open."""
    out = []
    for f in findings:
        cc = context.claims.get(f.claims[0]) if f.claims else None
        status, note = "", ""
        if cc is not None:
            reviews = [r for r in cc.claim.reviews if r.rule in (f.rule, f.name)]
            match = next((r for r in reviews if r.fingerprint == f.fingerprint), None)
            deprecated = [
                cc.claim.evidence[i]
                for i in f.evidence
                if i < len(cc.claim.evidence) and cc.claim.evidence[i].rank == "deprecated"
            ]
            if match is not None:
                status, note = match.status, match.note
            elif deprecated:
                # a finding that involves a passage known to be wrong is explained by it
                reasons = "; ".join(f"{ev.source}: {ev.reason}" for ev in deprecated)
                status, note = "deprecated", f"evidence marked deprecated: {reasons}"
            elif reviews:
                status = "stale"
                note = (
                    f"review is stale: it was for fingerprint {reviews[0].fingerprint}, "
                    f"the finding is now {f.fingerprint}; the evidence changed since"
                )
        if not status and f.fingerprint in baseline:
            status, note = "baseline", "recorded in the baseline"
        out.append(replace(f, review=status, review_note=note) if status else f)
    return out
