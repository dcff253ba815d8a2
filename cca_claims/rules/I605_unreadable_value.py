"""A value that cannot be read: a claim's `value:`, an evidence `value:`, or a quote with none.

Evidence without a readable value supports nothing and takes part in no comparison, so the claim
may look consistent only because its evidence was never read. The message says what the reader
could not make of it.

*Contradiction*
```yaml
claims:
  - id: trade-2024
    claim: Trade was $94.8 billion in 2024.
    value: ninety-odd billion         # not a figure the reader can bound
    evidence:
      - source: china-studies-center-astana-2025
        quote: "China's total trade with Central Asian states"   # states no figure
```
*Consistent*
```yaml
claims:
  - id: trade-2024
    claim: Trade was $94.8 billion in 2024.
    value: 94.8 billion USD
    evidence:
      - source: china-studies-center-astana-2025
        quote: "China's total trade with Central Asian states exceeded $94.8 billion"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.model import Finding
from cca_claims.rules._shared import item_finding
from cca_claims.rules.base import RuleContext, finding
from cca_claims.rules.I602_ambiguous_value import ambiguous

ID = "I605"
NAME = "unreadable-value"
CATEGORY = "integrity"
SCOPE = "claim"
DEFAULT_SEVERITY = "warning"
OPTIONS: dict = {}


def _a(kind: str | None) -> str:
    return f"a {kind}" if kind else "a"


def check(context: RuleContext) -> Iterator[Finding]:
    """Claim values and anchored evidence the reader could not turn into a value."""
    for cc in context.claims.values():
        if cc.claim.value is not None and cc.claim_reading is None:
            yield finding(
                f"cannot read the claim's value {cc.claim.value!r}: "
                f"{cc.claim_value_problem or 'no value found'}",
                cc.claim.pos("value"),
                (cc.claim.id,),
                hint="write it like `94.8 billion USD`, `> 50 billion USD`, `2025-06-17`, "
                "`4 centres`, or a list for a set",
            )
        for result in cc.evidence:
            if result.anchor.anchor is None or result.reading is not None:
                continue
            if ambiguous(cc, result):
                continue  # I602 says which values compete
            ev = result.evidence
            why = result.reading_problem or "no value found"
            what = f"value {ev.value!r}" if ev.value is not None else "quote"
            yield item_finding(
                cc,
                f"cannot read {_a(cc.kind)} value from the {what} of {ev.source}: {why}",
                result,
                key="value" if ev.value is not None else "quote",
                hint="add `value:` with what the quote says, or quote the passage with the figure",
            )
