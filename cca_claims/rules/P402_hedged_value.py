"""A source hedges a figure ("around", "approximately") that another states exactly.

Not an error: the hedged figure agrees. But the report should show that one source is exact
where another approximates, so the editor quotes the exact one. Bounds ("more than", "at
least") are not hedges: they are precise statements and are left alone.

*Contradiction*
```yaml
claims:
  - id: investment-2024
    claim: Investment reached $24 billion in 2024.
    evidence:
      - source: report-a
        quote: "investment amounted to around $24 billion"      # info: hedged
      - source: report-b
        quote: "investment amounted to $24.1 billion"
```
*Consistent*
```yaml
claims:
  - id: investment-2024
    claim: Investment reached $24 billion in 2024.
    evidence:
      - source: report-a
        quote: "investment amounted to $24 billion"
      - source: report-b
        quote: "investment amounted to $24.1 billion"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims import compare
from cca_claims.compare import AGREE, NUMERIC_KINDS
from cca_claims.model import Finding
from cca_claims.rules._shared import evidence_finding, readable, say
from cca_claims.rules.base import RuleContext

ID = "P402"
NAME = "hedged-value"
CATEGORY = "precision"
SCOPE = "claim"
DEFAULT_SEVERITY = "info"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    """Hedged evidence readings that agree with an unhedged, bounded one."""
    for cc in context.claims.values():
        tol = context.tolerance(cc)
        for kind in NUMERIC_KINDS:
            items = readable(cc, kind, deprecated=False)
            exact = [
                e
                for e in items
                if not compare.is_hedged(e.reading)
                and not e.reading.qualifier
                and e.reading.interval is not None
                and e.reading.interval.is_bounded
            ]
            for e in items:
                if not compare.is_hedged(e.reading):
                    continue
                match = next(
                    (
                        x
                        for x in exact
                        if compare.comparable(e.reading, x.reading)
                        and cc.compared(e.reading, x.reading, tol).relation == AGREE
                    ),
                    None,
                )
                if match is None:
                    continue
                yield evidence_finding(
                    cc,
                    f"{e.evidence.source} hedges ({say(e.reading)}) where "
                    f"{match.evidence.source} is exact ({say(match.reading)}); they agree",
                    e,
                    (match,),
                    hint="prefer the exact figure when quoting",
                    distinct_sources=False,
                )
