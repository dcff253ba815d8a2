"""Two sources give different counts for the same claim.

Counts are exact ("24 agreements" is 24, "more than 230 cities" is (230, inf)); two counts
contradict when no number satisfies both. The finding names the source that differs from the
others and what each says.

*Contradiction*
```yaml
claims:
  - id: regional-centres-count
    claim: China announced four new cooperation centres.
    evidence:
      - source: majueran-new-era-2025
        quote: "China's decision to establish four new cooperative platforms"
      - source: astana-summit-agenda-2025
        quote: "the parties decided to establish three separate centers"   # 3 vs 4
```
*Consistent*
```yaml
claims:
  - id: kazakhstan-china-agreements-count
    claim: Kazakhstan and China signed 24 agreements.
    evidence:
      - source: china-studies-center-astana-2025
        quote: "24 intergovernmental and interdepartmental agreements"
      - source: astana-summit-agenda-2025
        quote: "24 bilateral agreements were signed"   # same count, other words
```
"""

from __future__ import annotations

from cca_claims.rules._shared import outlier_rule

ID = "C201"
NAME = "count-mismatch"
CATEGORY = "evidence"
SCOPE = "claim"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}

KIND = "count"  # the readings compared; the rest is `_shared.evidence_outliers`

check = outlier_rule(KIND)
