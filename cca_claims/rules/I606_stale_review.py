"""A review under `reviews:` that settles no finding of this check.

The finding it was written for is gone (the sources were corrected, a passage deprecated) or
has changed.
A review names a finding by its rule and fingerprint. When no finding on the claim carries that
fingerprint any more, the review no longer settles anything: leaving it in the file hides what
changed and would silently settle a different disagreement later. Remove it, or record a new
review of the finding as it now stands (`cca-claims review`). This rule is applied when reviews
are matched with findings, after every other rule (so `cca-claims lint` runs the rules when the
claim files hold reviews).

*Contradiction*
```yaml
claims:
  - id: summit-date
    claim: The summit was held on June 17, 2025.
    evidence:
      - source: report-a
        quote: "held on June 17, 2025 in Astana"
    reviews:
      - rule: C205
        fingerprint: 0123456789abcdef      # no such finding on this claim any more
        status: explained
        note: one report gave the second day only
```
*Consistent*
```yaml
claims:
  - id: summit-date
    claim: The summit was held on June 17, 2025.
    evidence:
      - source: report-a
        quote: "held on June 17, 2025 in Astana"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.model import Finding
from cca_claims.rules.base import RuleContext

ID = "I606"
NAME = "stale-review"
CATEGORY = "integrity"
# where it runs: with the reviews, once every other rule's findings and fingerprints exist
# (cca_claims/review.py, `stale_reviews`); the rules stage has nothing to do for it
SCOPE = "reviews"
DEFAULT_SEVERITY = "warning"
OPTIONS: dict = {}


def check(context: RuleContext) -> Iterator[Finding]:
    """Nothing at the rules stage: see `cca_claims.review_status.stale_reviews`."""
    return iter(())
