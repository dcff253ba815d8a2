"""Evidence from a source published after the claim was last reviewed (`reviewed:`).

A claim's `reviewed: YYYY-MM-DD` records when an editor last checked it against its sources. A
source published later (by its registry date, or the earliest date it can have) was added or
changed since: the claim needs another look.

*Contradiction*
```yaml
claims:
  - id: astana-summit-date
    claim: The second summit was held on June 17, 2025.
    reviewed: 2025-01-10
    evidence:
      - source: china-studies-center-astana-2025     # published after 2025-06-17
        quote: "held on June 17, 2025 in Astana"
```
*Consistent*
```yaml
claims:
  - id: astana-summit-date
    claim: The second summit was held on June 17, 2025.
    reviewed: 2025-09-01
    evidence:
      - source: china-studies-center-astana-2025
        quote: "held on June 17, 2025 in Astana"
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cca_claims.model import Finding
from cca_claims.rules._shared import item_finding
from cca_claims.rules.base import RuleContext

ID = "I604"
NAME = "source-newer-than-review"
CATEGORY = "integrity"
SCOPE = "claim"
DEFAULT_SEVERITY = "warning"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    """Evidence sources certainly published after the claim's `reviewed:` date."""
    for cc in context.claims.values():
        if not cc.claim.reviewed:
            continue
        try:
            reviewed = dt.date.fromisoformat(cc.claim.reviewed)
        except ValueError:
            continue
        seen: set[str] = set()
        for result in cc.evidence:
            source = context.sources.get(result.evidence.source)
            if source is None or source.id in seen:
                continue
            seen.add(source.id)
            earliest = source.meta.published or source.meta.published_not_before
            if earliest is None or earliest <= reviewed:
                continue
            yield item_finding(
                cc,
                f"{source.id} was published {source.meta.date_label}, after the claim's last "
                f"review on {reviewed.isoformat()}",
                result,
                key="source",
                hint="check the claim against this source, then update `reviewed:`",
            )
