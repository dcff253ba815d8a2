"""Two sources give incompatible physical quantities (lengths, volumes, durations).

Each figure is read as an interval in its pint base unit (cubic metres, metres, seconds), from
its written precision and qualifier ("3,300 km" is [3,250, 3,350) km, "more than 500 bcm" is
(500, inf) bcm). Two readings contradict when the intervals stay disjoint after the rounding
slack. Quantities in different dimensions are never compared.

*Contradiction*
```yaml
claims:
  - id: border-length
    claim: China's border with Central Asia is 3,300 km long.
    evidence:
      - source: baidarov-first-summit-2025
        quote: "a border of 3,300 km"
      - source: other-report
        quote: "a border of 2,800 km"      # [2,750, 2,850) km is disjoint
```
*Consistent*
```yaml
claims:
  - id: border-length
    claim: China's border with Central Asia is 3,300 km long.
    evidence:
      - source: baidarov-first-summit-2025
        quote: "a border of 3,300 km"
      - source: other-report
        quote: "a border of some 3,300 kilometres"   # same length, other spelling
```
"""

from __future__ import annotations

from cca_claims.rules._shared import outlier_rule

ID = "C202"
NAME = "quantity-mismatch"
CATEGORY = "evidence"
SCOPE = "claim"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}

KIND = "quantity"  # the readings compared; the rest is `_shared.evidence_outliers`

check = outlier_rule(KIND)
