"""A part larger than its whole (`part_of: WHOLE_ID`).

A claim that declares `part_of` names the claim for its whole: one country's trade within the
region's, one loan within the agreements signed. Each claim's figure is what its sources jointly
allow (an interval). An error when the part is certainly larger (the intervals are disjoint, the
part above). A warning when the whole is only bounded below ("exceeded $50 billion") and the
part's lower bound is already above the whole's: the whole's sources then understate it, or the
part's source overstates.

*Contradiction*
```yaml
claims:
  - id: chinese-investment-in-region
    claim: Cumulative Chinese investment in Central Asia exceeds $50 billion.
    evidence:
      - source: baidarov-first-summit-2025
        quote: "Chinese investment in the region has already exceeded $50 billion"
  - id: uzbekistan-chinese-investment-stock
    claim: China's investment stock in Uzbekistan exceeds $60 billion.
    part_of: chinese-investment-in-region      # warning: $60B+ of a $50B+ whole
    evidence:
      - source: co-architecting-eurasia-2025
        quote: "investment stock exceeds $60B"
```
*Consistent*
```yaml
claims:
  - id: trade-2024
    claim: China-Central Asia trade was $94.8 billion in 2024.
    evidence:
      - source: baidarov-first-summit-2025
        quote: "In 2024, bilateral trade reached $94.82 billion"
  - id: uzbekistan-china-trade
    claim: Uzbekistan's trade with China reached $14 billion.
    part_of: trade-2024
    evidence:
      - source: co-architecting-eurasia-2025
        quote: "Bilateral trade hit $14B"
```
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from cca_claims.compare import widened
from cca_claims.model import Finding
from cca_claims.rules._shared import level, relation_finding, show
from cca_claims.rules.base import RuleContext

ID = "R501"
NAME = "part-exceeds-whole"
CATEGORY = "relation"
SCOPE = "across"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {"open_whole": True}


def check(context: RuleContext) -> Iterator[Finding]:
    """Declared parts whose figure exceeds (or must exceed) their whole's."""
    tol = context.tolerance()
    open_whole = bool(context.option("open_whole"))
    for cc in context.claims.values():
        whole_cc = context.claims.get(cc.claim.part_of or "")
        if whole_cc is None:
            continue
        part, whole = level(cc, tol), level(whole_cc, tol)
        if part is None or whole is None or part.unit != whole.unit:
            continue
        p, w = widened(part, tol.slack), widened(whole, tol.slack)
        where = cc.claim.pos("part_of")
        sides = [(cc, part), (whole_cc, whole)]
        if not p.overlaps(w) and p.low >= w.high:
            yield relation_finding(
                f"{cc.claim.id} ({show(part)}) is declared part of {whole_cc.claim.id} "
                f"({show(whole)}) but is larger than it",
                where,
                sides,
                hint="check both figures refer to the same measure and period, or drop part_of",
            )
        elif open_whole and math.isinf(w.high) and p.low > w.low:
            short = (p.low - w.low) / w.low if w.low > 0 else 0.0
            yield relation_finding(
                f"{cc.claim.id} ({show(part)}) is declared part of {whole_cc.claim.id} "
                f"({show(whole)}): the whole must then exceed the part's lower bound, so its "
                f"sources understate it by at least {short:.0%}, or the part is overstated",
                where,
                sides,
                hint="check both figures measure the same thing (stock vs flow, country vs region)",
                severity="warning",
            )
