"""Two sources give statuses of one project that cannot both hold.

Statuses are read with the ordered vocabulary of `cca_claims/data/statuses.yaml` (proposed,
agreed, planned, feasibility study, ..., under construction, completed); a phrase may allow a
range ("targeted for completion" is planned to under construction). Two statuses conflict when
their ranges do not overlap: "completed" vs "under construction".

*Contradiction*
```yaml
claims:
  - id: cku-railway-status
    claim: The China-Kyrgyzstan-Uzbekistan railway is under construction.
    evidence:
      - source: baidarov-first-summit-2025
        quote: "the China-Kyrgyzstan-Uzbekistan railway, now under construction"
        value: under construction
      - source: other-report
        quote: "the completed China-Kyrgyzstan-Uzbekistan railway"
        value: completed
```
*Consistent*
```yaml
claims:
  - id: cku-railway-status
    claim: The China-Kyrgyzstan-Uzbekistan railway is under construction.
    evidence:
      - source: baidarov-first-summit-2025
        quote: "the China-Kyrgyzstan-Uzbekistan railway, now under construction"
        value: under construction
      - source: astana-summit-agenda-2025
        quote: "the railway project has entered the implementation phase"
        value: implementation phase       # a synonym of under construction
```
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from cca_claims.model import Finding
from cca_claims.rules._shared import evidence_outliers
from cca_claims.rules.base import RuleContext

ID = "C208"
NAME = "status-conflict"
CATEGORY = "evidence"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    """Each status reading that conflicts with the claim's main group of sources."""
    yield from evidence_outliers(sys.modules[__name__], context, "status")
