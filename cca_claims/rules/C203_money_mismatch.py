"""Two sources give incompatible amounts of money, compared in US dollars.

Amounts in other currencies are converted at the range of dated rates over the period the
figure refers to (the claim's `period:` or a year in the passage), so "1.5 billion yuan" in 2025
is an interval of dollars. Two amounts contradict when their intervals stay disjoint after the
rounding slack; "exceeded $94.8 billion" is (94.8, inf) billion, never exactly 94.8.

*Contradiction*
```yaml
claims:
  - id: trade-2024
    claim: China-Central Asia trade was $94.8 billion in 2024.
    period: 2024
    evidence:
      - source: china-studies-center-astana-2025
        quote: "In 2024, China's total trade with Central Asian states exceeded $94.8 billion"
      - source: other-report
        quote: "trade reached $89.4 billion in 2024"     # below the other's lower bound
```
*Consistent*
```yaml
claims:
  - id: trade-2024
    claim: China-Central Asia trade was $94.8 billion in 2024.
    period: 2024
    evidence:
      - source: china-studies-center-astana-2025
        quote: "In 2024, China's total trade with Central Asian states exceeded $94.8 billion"
      - source: baidarov-first-summit-2025
        quote: "In 2024, bilateral trade reached $94.82 billion"   # inside (94.8, inf)
```
"""

from __future__ import annotations

from cca_claims.rules._shared import outlier_rule

ID = "C203"
NAME = "money-mismatch"
CATEGORY = "evidence"
SCOPE = "claim"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}

KIND = "money"  # the readings compared; the rest is `_shared.evidence_outliers`

check = outlier_rule(KIND)
