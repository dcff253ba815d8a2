"""Two sources give different dates for the same event.

Dates are intervals of days with a granularity (day, month, year, span). A coarser date that
contains a finer one agrees ("June 2025" and "June 17, 2025"). Two day-level dates that overlap
but differ ("June 17" vs "June 16-17") are a warning: one source folds in an extra day. Disjoint
dates ("June 17" vs "June 18") are an error.

*Contradiction*
```yaml
claims:
  - id: astana-summit-date
    claim: The second summit was held on June 17, 2025.
    evidence:
      - source: china-studies-center-astana-2025
        quote: "The second Central Asia-China Summit, held on June 17, 2025 in Astana"
      - source: co-architecting-eurasia-2025
        quote: "The 2nd China-Central Asia Summit, held in Astana on June 16-17, 2025"  # warning
```
*Consistent*
```yaml
claims:
  - id: astana-summit-date
    claim: The second summit was held on June 17, 2025.
    evidence:
      - source: china-studies-center-astana-2025
        quote: "The second Central Asia-China Summit, held on June 17, 2025 in Astana"
      - source: baidarov-first-summit-2025
        quote: "the second of which will be held in June 2025 in Astana"   # month contains day
```
"""

from __future__ import annotations

from cca_claims.rules._shared import outlier_rule

ID = "C205"
NAME = "date-mismatch"
CATEGORY = "evidence"
SCOPE = "claim"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}

KIND = "date"  # the readings compared; the rest is `_shared.evidence_outliers`

check = outlier_rule(KIND)
