"""A quote longer than `max_quote_chars` (2,000 characters by default): not searched.

Evidence quotes a passage, not a page: the passage that states the figure, a sentence or a
paragraph. A quote of several thousand characters is almost always a pasted document, and
aligning it fuzzily against a long source would cost seconds of every check; so a quote over
the cap is neither searched nor read, and this error says so at the quote's line. Shorten the
quote to the sentences that carry the claim, or raise `max_quote_chars` in the configuration.

*Contradiction*
```yaml
evidence:
  - source: china-studies-center-astana-2025
    quote: "In 2024, China's total trade ... (the whole article, 9,000 characters)"
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

ID = "A105"
NAME = "quote-too-long"
CATEGORY = "anchoring"
SCOPE = "claim"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    cap = context.config.max_quote_chars
    for cc in context.claims.values():
        for result in cc.evidence:
            if result.anchor.status != "too-long":
                continue
            ev = result.evidence
            yield item_finding(
                cc,
                f"quote is {len(ev.quote):,} characters; the limit is {cap:,}, so it was not "
                f"searched in {ev.source}",
                result,
                hint="quote the sentences that state the claim, or raise `max_quote_chars` "
                "in the configuration",
            )
