"""Two sources give incompatible percentages.

Percentages are intervals from their written precision ("35%" is [34.5, 35.5)); two readings
contradict when the intervals stay disjoint after the rounding slack.

*Contradiction*
```yaml
claims:
  - id: trade-growth
    claim: Trade grew by 35%.
    evidence:
      - source: china-studies-center-astana-2025
        quote: "trade with Central Asian countries has increased by 35%"
      - source: other-report
        quote: "trade grew by 25%"
```
*Consistent*
```yaml
claims:
  - id: trade-growth
    claim: Trade grew by 35%.
    evidence:
      - source: china-studies-center-astana-2025
        quote: "trade with Central Asian countries has increased by 35%"
      - source: other-report
        quote: "trade grew by about 35 per cent"
```
"""

from __future__ import annotations

from cca_claims.rules._shared import outlier_rule

ID = "C204"
NAME = "percent-mismatch"
CATEGORY = "evidence"
SCOPE = "claim"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}

KIND = "percent"  # the readings compared; the rest is `_shared.evidence_outliers`

check = outlier_rule(KIND)
