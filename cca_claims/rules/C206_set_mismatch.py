"""Two sources list different items for the same set.

Items are matched one to one through normalized labels, domain synonyms
(`cca_claims/data/synonyms.yaml`) and a similarity score, so "educational exchange" matches
"education" and "poverty alleviation" matches "poverty reduction". The finding names the items
the differing source lacks or adds.

*Contradiction*
```yaml
claims:
  - id: regional-centres-areas
    claim: China announced centres for four areas.
    evidence:
      - source: majueran-new-era-2025
        quote: "four new cooperative platforms focused respectively on poverty reduction, ..."
        value: [poverty reduction, education exchange, desertification control, trade facilitation]
      - source: astana-summit-agenda-2025
        quote: "three separate centers focused on educational exchange, ..."
        value: [educational exchange, combating desertification, facilitating trade]  # lacks one
```
*Consistent*
```yaml
claims:
  - id: three-evils
    claim: The SCO fights the "three evils".
    evidence:
      - source: china-studies-center-astana-2025
        quote: "terrorism, separatism and extremism"
        value: [terrorism, separatism, extremism]
      - source: baidarov-first-summit-2025
        quote: "the three evils of terrorism, separatism and extremism"
        value: [extremism, terrorism, separatism]     # order does not matter
```
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from cca_claims.model import Finding
from cca_claims.rules._shared import evidence_outliers
from cca_claims.rules.base import RuleContext

ID = "C206"
NAME = "set-mismatch"
CATEGORY = "evidence"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    """Each set reading that conflicts with the claim's main group of sources."""
    yield from evidence_outliers(sys.modules[__name__], context, "set")
