"""The claim's own `value:` conflicts with every source that speaks to it.

The claim's value is read like a passage (intervals, units, dated conversions) and compared with
each evidence reading of the same kind. When no source agrees with it, the claim says something
its sources do not: fix the value, or find the source it came from.

*Contradiction*
```yaml
claims:
  - id: regional-centres-count
    claim: China announced five new cooperation centres.
    value: 5 centres
    evidence:
      - source: majueran-new-era-2025
        quote: "China's decision to establish four new cooperative platforms"
```
*Consistent*
```yaml
claims:
  - id: regional-centres-count
    claim: China announced four new cooperation centres.
    value: 4 centres
    evidence:
      - source: majueran-new-era-2025
        quote: "China's decision to establish four new cooperative platforms"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.compare import CONFLICT
from cca_claims.model import Finding
from cca_claims.rules._shared import (
    claim_value_finding,
    claim_vs_evidence,
    detail,
    names,
    say,
    verb,
)
from cca_claims.rules.base import RuleContext

ID = "V301"
NAME = "claim-value-contradicted"
CATEGORY = "claim-value"
SCOPE = "claim"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    """Claims whose value every comparable source contradicts outright."""
    for cc in context.claims.values():
        tol = context.tolerance(cc)
        pairs = claim_vs_evidence(cc, tol, context.sources)
        if not pairs or any(cmp.relation != CONFLICT for _, cmp in pairs):
            continue
        results = [e for e, _ in pairs]
        kind = cc.claim_reading.kind
        many = len({e.evidence.source for e in results}) > 1
        # "every source" only when every passage contradicts; else say how many do, of how many
        cited = sum(1 for e in cc.evidence if e.evidence.rank != "deprecated")
        by = (
            "every source"
            if len(results) >= cited
            else f"{len(results)} of {cited} passages (the others give no comparable value)"
        )
        message = (
            f"the claim's value {say(cc.claim_reading)} is contradicted by {by}: "
            f"{names(results)} {verb(kind, many)} {say(results[0].reading)}"
        )
        extra = detail(kind, "the claim", pairs[0][1], names(results))
        if extra:
            message += f"; {extra.replace('it ', 'the claim ', 1)}"
        yield claim_value_finding(
            cc,
            message,
            results,
            "correct the claim's value to what the sources say, or cite the source it is from",
        )
