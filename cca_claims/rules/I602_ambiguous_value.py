"""A quote that states several values of the claim's kind, none chosen.

The reader picks the figure a claim means from its kind, its currency or unit, its period, the
order of magnitude of its own value and its words around each figure. When two different
figures still fit equally well ("$94.82 billion, up from $89.4 billion" for a claim that states
no figure) the evidence is left out of every comparison. The finding names both and the key
that settles it: `value:` on the evidence item, or a `period:` on the claim.

*Contradiction*
```yaml
evidence:
  - source: baidarov-first-summit-2025
    quote: "bilateral trade reached $94.82 billion, up from $89.4 billion"
```
*Consistent*
```yaml
evidence:
  - source: baidarov-first-summit-2025
    quote: "bilateral trade reached $94.82 billion, up from $89.4 billion"
    value: 94.82 billion USD
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.model import EvidenceResult, Finding
from cca_claims.rules._shared import item_finding
from cca_claims.rules.base import ClaimContext, RuleContext

ID = "I602"
NAME = "ambiguous-value"
CATEGORY = "integrity"
SCOPE = "claim"
DEFAULT_SEVERITY = "warning"
OPTIONS: dict = {}


def ambiguous(cc: ClaimContext, result: EvidenceResult) -> list:
    """The distinct candidate readings of the claim's kind, when there are several and none
    was chosen; [] otherwise."""
    if result.reading is not None or result.anchor.anchor is None or result.evidence.value:
        return []
    pool = [c for c in result.candidates if c.kind == cc.kind or cc.kind is None]
    if cc.kind is None:
        pool = [c for c in pool if c.kind != "date"] or pool
    distinct = {(c.kind, c.unit, c.interval): c for c in pool}
    return list(distinct.values()) if len(distinct) > 1 else []


def _settle(cc: ClaimContext, pool: list) -> str:
    """The key that settles the choice: `value:` naming one, or the claim's `period:`."""
    first = pool[0].text or "the figure meant"
    hint = f'add `value:` to the item with the figure the claim means (e.g. "{first}")'
    if cc.period is None and len({c.period for c in pool}) > 1:
        hint += ", or give the claim a `period:`: the figures refer to different periods"
    return hint + ", or narrow the quote"


def check(context: RuleContext) -> Iterator[Finding]:
    """Evidence left unread because its quote holds several candidate values."""
    for cc in context.claims.values():
        for result in cc.evidence:
            pool = ambiguous(cc, result)
            if not pool:
                continue
            listed = ", ".join(f'"{c.text}"' for c in pool[:5])
            yield item_finding(
                cc,
                f"the quote from {result.evidence.source} states {len(pool)} "
                f"{cc.kind or 'candidate'} values ({listed}) and none was chosen",
                result,
                hint=_settle(cc, pool),
            )
