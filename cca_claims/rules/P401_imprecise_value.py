"""A value that agrees with the others but is much less precise.

Consistent, so not an error: "in 2023" agrees with "May 18-19, 2023", "$95 billion" with
"$94.82 billion". The claim is only as precise as its vaguest source, and an editor may want to
cite the precise one. Fires when a bounded reading is at least `ratio` times as wide as the most
precise reading it agrees with (the claim's own value included).

*Contradiction*
```yaml
claims:
  - id: xian-summit-date
    claim: The first summit was held in Xi'an on May 18-19, 2023.
    value: May 18-19, 2023
    evidence:
      - source: majueran-new-era-2025
        quote: "the inaugural summit held in China's Xi'an in 2023"   # info: a year, not days
```
*Consistent*
```yaml
claims:
  - id: xian-summit-date
    claim: The first summit was held in Xi'an on May 18-19, 2023.
    value: May 18-19, 2023
    evidence:
      - source: baidarov-first-summit-2025
        quote: "The first China-Central Asia summit, held in Xi'an on May 18-19, 2023"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims import compare
from cca_claims.compare import AGREE, NUMERIC_KINDS
from cca_claims.model import Compared, EvidenceResult, Finding, Reading
from cca_claims.rules._shared import claim_compared, readable, say, value_finding
from cca_claims.rules.base import RuleContext, compared_evidence

ID = "P401"
NAME = "imprecise-value"
CATEGORY = "precision"
SCOPE = "claim"
DEFAULT_SEVERITY = "info"
OPTIONS: dict = {"ratio": 20.0}


def _width(reading: Reading) -> float | None:
    iv = reading.interval
    if iv is None or not iv.is_bounded:
        return None
    # a day interval [d, d] covers one day
    return iv.width + 1 if reading.kind == "date" else iv.width


def check(context: RuleContext) -> Iterator[Finding]:
    """Bounded readings `ratio` times wider than the most precise reading they agree with."""
    ratio = float(context.option("ratio"))
    for cc in context.claims.values():
        tol = context.tolerance(cc)
        kind = cc.kind if cc.kind in (*NUMERIC_KINDS, "date") else None
        if kind is None:
            continue
        sides: list[tuple[Compared, Reading, EvidenceResult | None]] = []
        if cc.claim_reading is not None and cc.claim_reading.kind == kind:
            sides.append((claim_compared(cc), cc.claim_reading, None))
        for e in readable(cc, kind, deprecated=False):
            sides.append((compared_evidence(e), e.reading, e))
        widths = [(s, _width(s[1])) for s in sides]
        widths = [(s, w) for s, w in widths if w is not None and w > 0]
        if len(widths) < 2:
            continue
        (best, best_w) = min(widths, key=lambda sw: sw[1])
        for side, w in widths:
            if side is best or w < ratio * best_w:
                continue
            if not compare.comparable(side[1], best[1]):
                continue
            if cc.compared(side[1], best[1], tol).relation != AGREE:
                continue  # a conflict, which the C2xx and V3xx rules report
            who = "the claim's value" if side[2] is None else side[0].label
            best_who = "the claim's value" if best[2] is None else best[0].label
            yield value_finding(
                cc,
                f"{who} {say(side[1])} agrees with {best_who} {say(best[1])} but is "
                f"{w / best_w:.0f} times less precise",
                side[2],
                (best[0],),
                hint="cite the more precise passage if it is the better source",
            )
