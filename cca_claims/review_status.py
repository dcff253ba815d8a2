"""Reviews, baselines and deprecated evidence: which findings stop failing a build, and why.

A review in the claim file (`reviews:` with the finding's rule and fingerprint) marks a finding
as explained or accepted: it stays in the report and no longer fails. When the evidence changes,
the fingerprint changes and the review no longer matches: the finding fails again, marked stale.
A baseline file lists fingerprints recorded at adoption time (`--write-baseline`).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from cca_claims.model import Finding
from cca_claims.rules import I606_stale_review as rule
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


def stale_reviews(findings: list[Finding], context: RuleContext) -> list[Finding]:
    """An I606 finding for each review that settles no finding of this check (see the rule's
    documentation); `findings` are the check's findings with their fingerprints."""
    if not context.config.rule_enabled(rule.ID, rule.NAME):
        return []
    by_claim: dict[str, list[Finding]] = {}
    for f in findings:
        for claim_id in f.claims:
            by_claim.setdefault(claim_id, []).append(f)
    severity = context.config.severity_for(rule.ID, rule.NAME, rule.DEFAULT_SEVERITY)
    out = []
    for claim_id, cc in context.claims.items():
        mine = by_claim.get(claim_id, [])
        settled = {(name, f.fingerprint) for f in mine for name in (f.rule, f.name)}
        for review in cc.claim.reviews:
            if (review.rule, review.fingerprint) in settled:
                continue
            same_rule = [f for f in mine if review.rule in (f.rule, f.name)]
            if any(f.review == "stale" for f in same_rule):
                continue  # that finding already says its review is stale, and fails again
            if same_rule:
                why = (
                    f"the {review.rule} finding on this claim changed "
                    f"(it is now {same_rule[0].fingerprint}): the evidence changed since"
                )
            else:
                why = f"there is no {review.rule} finding on this claim any more"
            out.append(
                Finding(
                    rule=rule.ID,
                    name=rule.NAME,
                    severity=severity,
                    message=(
                        f"the review of {review.rule} (fingerprint {review.fingerprint}, "
                        f"{review.status}) settles nothing: {why}"
                    ),
                    location=review.position or cc.claim.pos("reviews"),
                    claims=(claim_id,),
                    hint="remove the review, or review the finding as it now stands "
                    f"(cca-claims review {claim_id} RULE)",
                    fingerprint=hashlib.sha256(
                        f"{rule.ID}\x1f{claim_id}\x1f{review.rule}\x1f{review.fingerprint}".encode()
                    ).hexdigest()[:16],
                )
            )
    return out
