"""A quote that occurs in several places of its source.

An anchor must point at one passage, or the reader cannot tell which context the figure comes
from. Lengthen the quote until it is unique.

*Contradiction*
```yaml
evidence:
  - source: china-studies-center-astana-2025
    quote: "the summit"          # occurs many times
```
*Consistent*
```yaml
evidence:
  - source: china-studies-center-astana-2025
    quote: "The second Central Asia-China Summit, held on June 17, 2025 in Astana"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.model import Finding
from cca_claims.rules._shared import item_finding
from cca_claims.rules.base import RuleContext

ID = "A102"
NAME = "quote-ambiguous"
CATEGORY = "anchoring"
SCOPE = "claim"
DEFAULT_SEVERITY = "warning"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    for cc in context.claims.values():
        for result in cc.evidence:
            if result.anchor.status != "ambiguous" or result.anchor.anchor is None:
                continue
            places = [result.anchor.anchor, *result.anchor.candidates]
            lines = ", ".join(f"{a.line}:{a.col}" for a in places[:6])
            more = f" and {len(places) - 6} more" if len(places) > 6 else ""
            yield item_finding(
                cc,
                f"quote occurs {len(places)} times in source {result.evidence.source} "
                f"(at {lines}{more}); the first is used",
                result,
                hint="lengthen the quote until it is unique",
            )
