"""Evidence whose figure refers to another period than the claim's `period:`.

A passage that dates its figure ("In 2023, trade was ...") cited for a claim about 2024 supports
a different statement, however well the numbers match. Dates themselves are compared by C205, so
this rule looks at the period other kinds of values refer to.

*Contradiction*
```yaml
claims:
  - id: trade-2024
    claim: Trade was $89.4 billion in 2024.
    period: 2024
    evidence:
      - source: baidarov-first-summit-2025
        quote: "up from $89.4 billion in 2023"
        value: 89.4 billion USD
```
*Consistent*
```yaml
claims:
  - id: trade-2023
    claim: Trade was $89.4 billion in 2023.
    period: 2023
    evidence:
      - source: baidarov-first-summit-2025
        quote: "up from $89.4 billion in 2023"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.model import Finding
from cca_claims.rules._shared import item_finding
from cca_claims.rules.base import RuleContext

ID = "I603"
NAME = "period-mismatch"
CATEGORY = "integrity"
SCOPE = "claim"
DEFAULT_SEVERITY = "warning"
OPTIONS: dict = {}


def _days(interval) -> str:
    from cca_claims.quantities.dates import days_to_text

    return days_to_text(interval, "year")


def check(context: RuleContext) -> Iterator[Finding]:
    """Non-date evidence readings dated outside the claim's period."""
    for cc in context.claims.values():
        if cc.period is None:
            continue
        for result in cc.evidence:
            reading = result.reading
            if reading is None or reading.kind == "date" or reading.period is None:
                continue
            if reading.period.overlaps(cc.period):
                continue
            yield item_finding(
                cc,
                f"{result.evidence.source}'s figure {reading.text!r} refers to "
                f"{_days(reading.period)}, outside the claim's period {_days(cc.period)}",
                result,
                with_reading=True,
                hint="cite a passage about the claim's period, or correct `period:`",
            )
