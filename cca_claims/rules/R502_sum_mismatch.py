"""A total that is not the sum of its declared parts (`sum_of: [A, B, ...]`).

The parts' figures (what each part's sources allow) are added as intervals, so their precision
and qualifiers carry through: three parts of "about $1 billion" sum to an interval, and a part
of "more than $5 billion" makes the sum open above. The total contradicts when its interval and
the sum's are disjoint after the rounding slack.

*Contradiction*
```yaml
claims:
  - id: exports-2024
    claim: Exports were $50 billion.
    value: 50 billion USD
  - id: imports-2024
    claim: Imports were $30 billion.
    value: 30 billion USD
  - id: trade-2024
    claim: Trade was $94.8 billion.
    value: 94.8 billion USD
    sum_of: [exports-2024, imports-2024]      # 50 + 30 is not 94.8
```
*Consistent*
```yaml
claims:
  - id: trade-2024
    claim: Trade was $80 billion.
    value: 80 billion USD
    sum_of: [exports-2024, imports-2024]
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from cca_claims.compare import widened
from cca_claims.model import Finding
from cca_claims.report.display import normalized
from cca_claims.rules._shared import level, relation_finding, show
from cca_claims.rules.base import RuleContext

ID = "R502"
NAME = "sum-mismatch"
CATEGORY = "relation"
SCOPE = "across"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    """Totals disjoint from the interval sum of their parts."""
    tol = context.tolerance()
    for cc in context.claims.values():
        if not cc.claim.sum_of:
            continue
        parts = [context.claims.get(pid) for pid in cc.claim.sum_of]
        if any(p is None for p in parts):
            continue
        total = level(cc, tol)
        levels = [level(p, tol) for p in parts]
        if total is None or any(lv is None or lv.unit != total.unit for lv in levels):
            continue
        acc = widened(levels[0], tol.slack)
        for lv in levels[1:]:
            acc = acc + widened(lv, tol.slack)
        if acc.overlaps(widened(total, tol.slack)):
            continue
        summed = replace(total, interval=acc, text="")
        yield relation_finding(
            f"{cc.claim.id} ({show(total)}) is declared the sum of {', '.join(cc.claim.sum_of)}, "
            f"which add up to {normalized(summed)}",
            cc.claim.pos("sum_of"),
            [(cc, total), *zip(parts, levels)],
            hint="check that the parts cover the whole, with the same period and measure",
        )
