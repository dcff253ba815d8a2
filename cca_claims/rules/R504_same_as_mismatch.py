"""Two claims declared the same amount (`same_as: OTHER_ID`) that do not agree.

Typically one amount stated in two currencies ("1.5 billion yuan (approximately 210 million US
dollars)"): both are converted to the canonical unit, the yuan at the range of dated rates over
the claim's period, and must overlap after the rounding slack.

*Contradiction*
```yaml
claims:
  - id: grants-cny
    claim: China will provide 1.5 billion yuan in grants in 2025.
    value: 1.5 billion CNY
    period: 2025
  - id: grants-usd
    claim: The grants amount to about $300 million.
    value: around 300 million USD
    period: 2025
    same_as: grants-cny            # 1.5 billion yuan is about $210 million
```
*Consistent*
```yaml
claims:
  - id: grants-usd
    claim: The grants amount to about $210 million.
    value: around 210 million USD
    period: 2025
    same_as: grants-cny
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.compare import widened
from cca_claims.model import Finding
from cca_claims.rules._shared import level, relation_finding, show
from cca_claims.rules.base import RuleContext

ID = "R504"
NAME = "same-as-mismatch"
CATEGORY = "relation"
SCOPE = "across"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    """Claims declared equal whose figures are disjoint after conversion."""
    tol = context.tolerance()
    for cc in context.claims.values():
        other_cc = context.claims.get(cc.claim.same_as or "")
        if other_cc is None:
            continue
        mine, theirs = level(cc, tol), level(other_cc, tol)
        if mine is None or theirs is None:
            continue
        where = cc.claim.pos("same_as")
        sides = [(cc, mine), (other_cc, theirs)]
        if mine.unit != theirs.unit:
            yield relation_finding(
                f"{cc.claim.id} is declared the same as {other_cc.claim.id}, but one is in "
                f"{mine.unit or mine.kind} and the other in {theirs.unit or theirs.kind}",
                where,
                sides,
                hint="same_as links two statements of one amount in convertible units",
            )
            continue
        if widened(mine, tol.slack).overlaps(widened(theirs, tol.slack)):
            continue
        yield relation_finding(
            f"{cc.claim.id} ({show(mine)}) is declared the same amount as {other_cc.claim.id} "
            f"({show(theirs)}) but they do not overlap",
            where,
            sides,
            hint="check the conversion date (`period:`) and both figures",
        )
