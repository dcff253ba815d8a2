"""A quote that cannot be found in its source.

The quote is searched exactly on a normalized view of the source (quotes, dashes, spaces
folded), then fuzzily; below the `fuzzy_threshold` score it is not anchored. This catches a
mistyped quote and a source that was edited after the claim was written. The message names the
closest passage, its line and its similarity, so the fix is usually a copy and paste.

*Contradiction*
```yaml
evidence:
  - source: baidarov-first-summit-2025
    quote: "In 2024, bilateral trade reached $95 billion"   # the source says $94.82 billion
```
*Consistent*
```yaml
evidence:
  - source: baidarov-first-summit-2025
    quote: "In 2024, bilateral trade reached $94.82 billion"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.model import Finding
from cca_claims.rules._shared import item_finding
from cca_claims.rules.base import RuleContext

ID = "A101"
NAME = "quote-not-found"
CATEGORY = "anchoring"
SCOPE = "claim"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    for cc in context.claims.values():
        for result in cc.evidence:
            if result.anchor.status != "not-found":
                continue
            ev = result.evidence
            closest = result.anchor.candidates[0] if result.anchor.candidates else None
            if closest is not None:
                snippet = closest.text if len(closest.text) <= 90 else closest.text[:87] + "..."
                message = (
                    f"quote not found in source {ev.source}; closest passage at line "
                    f'{closest.line}, {closest.score:.0f}% similar: "{snippet}"'
                )
                hint = "copy the passage from the source, or fix the source id"
            else:
                message = f"quote not found in source {ev.source}: no passage shares its words"
                hint = "check that the quote comes from this source"
            yield item_finding(
                cc,
                message,
                result,
                hint=hint,
            )
