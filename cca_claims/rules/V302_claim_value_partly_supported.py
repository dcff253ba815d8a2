"""The claim's own `value:` is supported by some sources and not by others.

The sources split, and the claim sides with one group: it is only partly supported. The finding
lists the sources that agree and those that do not, with what they say, so the editor can see
where the weight lies. Two different day-level dates count as not supporting ("June 16-17" does
not support "June 17").

*Contradiction*
```yaml
claims:
  - id: regional-centres-count
    claim: China announced four new cooperation centres.
    value: 4 centres
    evidence:
      - source: majueran-new-era-2025
        quote: "China's decision to establish four new cooperative platforms"
      - source: astana-summit-agenda-2025
        quote: "the parties decided to establish three separate centers"
```
*Consistent*
```yaml
claims:
  - id: kazakhstan-china-agreements-count
    claim: Kazakhstan and China signed 24 agreements.
    value: 24 agreements
    evidence:
      - source: china-studies-center-astana-2025
        quote: "24 intergovernmental and interdepartmental agreements"
      - source: astana-summit-agenda-2025
        quote: "24 bilateral agreements were signed"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.compare import AGREE, CONFLICT, join_names
from cca_claims.model import Finding
from cca_claims.rules._shared import (
    claim_value_finding,
    claim_vs_evidence,
    names,
    say,
    verb,
)
from cca_claims.rules.base import RuleContext

ID = "V302"
NAME = "claim-value-partly-supported"
CATEGORY = "claim-value"
SCOPE = "claim"
DEFAULT_SEVERITY = "warning"
OPTIONS: dict = {}


def _named(results, both: set[str]) -> str:
    """Source ids, with the item number when the same source also stands on the other side."""
    return join_names(
        [
            f"{e.evidence.source} (item {e.evidence.index + 1})"
            if e.evidence.source in both
            else e.evidence.source
            for e in results
        ]
    )


def check(context: RuleContext) -> Iterator[Finding]:
    """Claims whose value some sources support and others do not."""
    for cc in context.claims.values():
        tol = context.tolerance(cc)
        pairs = claim_vs_evidence(cc, tol, context.sources)
        if not pairs:
            continue
        support = [e for e, cmp in pairs if cmp.relation == AGREE]
        against = [e for e, cmp in pairs if cmp.relation != AGREE]
        if not against:
            continue
        if not support and all(cmp.relation == CONFLICT for _, cmp in pairs):
            continue  # V301's case
        kind = cc.claim_reading.kind
        both = {e.evidence.source for e in support} & {e.evidence.source for e in against}
        many = len({e.evidence.source for e in against}) > 1
        if support:
            message = (
                f"the claim's value {say(cc.claim_reading)} is supported by {names(support)} "
                f"but not by {_named(against, both)}, which {verb(kind, many)} "
                f"{say(against[0].reading)}"
            )
        else:
            message = (
                f"the claim's value {say(cc.claim_reading)} is only partly supported: "
                f"{names(against)} {verb(kind, many)} {say(against[0].reading)}"
            )
        yield claim_value_finding(
            cc,
            message,
            against,
            "settle which sources are right (deprecate a wrong passage) or qualify the claim",
        )
