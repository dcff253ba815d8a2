"""A quote anchored only approximately: the source words differ from the quote.

The quote matched above the `fuzzy_threshold` but not exactly, so the claim file and the source
disagree on some words (a typo in the quote, or an edited source). The finding shows the score
and the source's wording; update the quote to the source's text.

*Contradiction*
```yaml
evidence:
  - source: china-studies-center-astana-2025
    quote: "In 2024, China's total commerce with Central Asian states exceeded $94.8 billion"
```
*Consistent*
```yaml
evidence:
  - source: china-studies-center-astana-2025
    quote: "In 2024, China's total trade with Central Asian states exceeded $94.8 billion"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.model import Finding
from cca_claims.rules._shared import item_finding
from cca_claims.rules.base import RuleContext

ID = "A103"
NAME = "quote-fuzzy"
CATEGORY = "anchoring"
SCOPE = "claim"
DEFAULT_SEVERITY = "warning"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    for cc in context.claims.values():
        for result in cc.evidence:
            anchor = result.anchor.anchor
            if result.anchor.status != "fuzzy" or anchor is None:
                continue
            source_text = anchor.text if len(anchor.text) <= 90 else anchor.text[:87] + "..."
            yield item_finding(
                cc,
                f"quote anchored fuzzily in {result.evidence.source} at line {anchor.line} "
                f'({anchor.score:.0f}% similar); the source reads: "{source_text}"',
                result,
                hint="copy the source's wording into the quote",
            )
