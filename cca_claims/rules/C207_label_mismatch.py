"""Two sources give different names beyond spelling variants.

Labels compare by a normalized form (case, punctuation, hyphens, "&"/"and", British/American
spelling, articles); what is left is a different name. The finding names the words that differ
("eternal" vs "permanent") so an editor can settle whether they are translations of one name.

*Contradiction*
```yaml
claims:
  - id: treaty-name
    claim: The treaty is the Treaty on Eternal Good-Neighborliness, Friendship and Cooperation.
    evidence:
      - source: astana-summit-agenda-2025
        quote: "Treaty on Eternal Good Neighborliness, Friendship and Cooperation"
        value: Treaty on Eternal Good Neighborliness, Friendship and Cooperation
      - source: co-architecting-eurasia-2025
        quote: "A Treaty on Permanent Good-Neighborliness;"
        value: Treaty on Permanent Good-Neighborliness     # "permanent", no "friendship"
```
*Consistent*
```yaml
claims:
  - id: treaty-name
    claim: The treaty is the Treaty on Eternal Good-Neighborliness, Friendship and Cooperation.
    evidence:
      - source: astana-summit-agenda-2025
        quote: "Treaty on Eternal Good Neighborliness, Friendship and Cooperation"
        value: Treaty on Eternal Good Neighborliness, Friendship and Cooperation
      - source: majueran-new-era-2025
        quote: "a treaty on eternal good-neighbourliness, friendship and cooperation"
        value: treaty on eternal good-neighbourliness, friendship and cooperation  # spelling
```
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from cca_claims.model import Finding
from cca_claims.rules._shared import evidence_outliers
from cca_claims.rules.base import RuleContext

ID = "C207"
NAME = "label-mismatch"
CATEGORY = "evidence"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    """Each label reading that conflicts with the claim's main group of sources."""
    yield from evidence_outliers(sys.modules[__name__], context, "label")
