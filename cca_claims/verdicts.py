"""Each claim's verdict and reconciled reading, from its evidence and the findings about it.

The verdict reads the findings by their rule's CATEGORY (not by id prefix), from non-deprecated
evidence only:

- `unsupported`: no anchored evidence with a reading of the claim's kind;
- `disputed`: the evidence disagrees among itself (an `evidence` finding at warning or error), or
  a declared relation between this claim and another fails (a `relation` finding on the claim
  that declares it: the two claims' sources cannot all be right);
- `contradicted`: the claim's own value conflicts with evidence that agrees among itself (a
  `claim-value` finding at error); a `claim-value` finding at warning only (the value is partly
  supported, or overlaps its sources without matching them) makes the claim `disputed`, so that a
  `contradicted` claim is always carried by an error and fails CI until it is fixed or reviewed;
- else `consistent`. Info findings (precision) never change a verdict; a reviewed finding still
  counts (the review explains the dispute, it does not settle the facts).

The reconciled reading splits the active evidence into groups that agree among themselves
(`compare.group`, largest first). One group: its intersection is what all sources allow. Several:
each group with its sources, their kinds and dates, what each says, and whether the claim's own
value sides with it, so the editor sees where the weight lies.
"""

from __future__ import annotations

from cca_claims import compare
from cca_claims.model import ClaimResult, EvidenceResult, Finding, ReconciledGroup
from cca_claims.quantities.dates import granularity_rank
from cca_claims.rules import category
from cca_claims.rules.base import ClaimContext, RuleContext

_COUNTS = ("error", "warning")
_DEFAULT_TOLERANCE = compare.Tolerance()  # without a context: one object, so comparisons memoize


def decide(
    cc: ClaimContext,
    findings: list[Finding],
    context: RuleContext | None = None,
    groups: tuple[ReconciledGroup, ...] | None = None,
) -> ClaimResult:
    """The claim's verdict and reconciled groups (see the module docstring); `groups` when
    they were reconciled already (by a read worker: they depend on the readings only)."""
    if groups is None:
        groups = reconcile(cc, context)
    return ClaimResult(
        claim=cc.claim,
        verdict=verdict(cc, findings),
        evidence=tuple(cc.evidence),
        claim_reading=cc.claim_reading,
        kind=cc.kind,
        reconciled=groups,
    )


def verdict(cc: ClaimContext, findings: list[Finding]) -> str:
    """unsupported, disputed, contradicted or consistent."""
    claim_id = cc.claim.id
    if not _evidence(cc):
        return "unsupported"
    mine = [
        f
        for f in findings
        if f.claims
        and f.review != "deprecated"
        and f.severity in _COUNTS
        and (f.claims[0] == claim_id if category(f.rule) == "relation" else claim_id in f.claims)
    ]
    cats = {category(f.rule) for f in mine}
    if "evidence" in cats or "relation" in cats:
        return "disputed"
    if any(category(f.rule) == "claim-value" and f.severity == "error" for f in mine):
        return "contradicted"
    if "claim-value" in cats:
        return "disputed"
    return "consistent"


def _evidence(cc: ClaimContext) -> list[EvidenceResult]:
    """Active evidence with a usable reading of the claim's kind (any kind when unknown)."""
    out = []
    for e in cc.active():
        if cc.kind is not None and e.reading.kind != cc.kind:
            continue
        if e.reading.interval is None and not e.reading.items and not e.reading.label:
            continue
        out.append(e)
    return out


def reconcile(cc: ClaimContext, context: RuleContext | None = None) -> tuple[ReconciledGroup, ...]:
    """The groups of agreeing evidence, largest first, each with what it jointly allows."""
    evidence = _evidence(cc)
    if not evidence:
        return ()
    tol = context.tolerance(cc) if context is not None else _DEFAULT_TOLERANCE

    def relate(a, b):
        if not compare.comparable(a, b):
            return compare.Comparison(compare.AGREE)
        return cc.compared(a, b, tol)

    readings = [e.reading for e in evidence]
    out = []
    for members in compare.group(readings, relate):
        results = [evidence[i] for i in members]
        out.append(_group(cc, results, tol, context, relate))
    return tuple(out)


def _group(cc, results, tol, context, relate) -> ReconciledGroup:
    readings = [e.reading for e in results]
    first = readings[0]
    sources = [e.evidence.source for e in results]
    metas = [context.sources.get(s) if context is not None else None for s in sources]
    interval = None
    if first.kind in (*compare.NUMERIC_KINDS, "date"):
        same_unit = [r for r in readings if r.unit == first.unit]
        interval = compare.intersect(same_unit, tol.slack)
    elif first.kind == "status":
        interval = None
    claim = cc.claim_reading
    agrees = None
    if claim is not None and compare.comparable(claim, first):
        agrees = all(relate(claim, r).agrees for r in readings)
    finest = ""
    if first.kind == "date":
        finest = min((r.granularity or "span" for r in readings), key=granularity_rank)
    label = first.label
    if first.kind == "status":
        label = compare.status_name(first)
    return ReconciledGroup(
        sources=tuple(sources),
        evidence=tuple(e.evidence.index for e in results),
        interval=interval,
        unit=first.unit,
        items=first.items,
        label=label,
        kind=first.kind,
        source_kinds=tuple(m.meta.kind if m is not None else "" for m in metas),
        source_dates=tuple(m.meta.date_label if m is not None else "" for m in metas),
        values=tuple(compare.describe(r) for r in readings),
        agrees_with_claim=agrees,
        granularity=finest,
    )
