"""A growth rate that does not match its two levels (`growth: {from: A, to: B}`).

The claim's value, and each of its percentage sources, is the rate of change from level A to
level B: (B / A - 1) x 100 %, computed on intervals, so "exceeded $94.8 billion" against "$89.4
billion" gives an open-ended rate, never one point. A rate contradicts when its interval and the
computed one are disjoint after the rounding slack.

*Contradiction*
```yaml
claims:
  - id: trade-2023
    claim: Trade was $89.4 billion in 2023.
    value: 89.4 billion USD
  - id: trade-2024
    claim: Trade was $94.82 billion in 2024.
    value: 94.82 billion USD
  - id: trade-growth
    claim: Trade grew 35% from 2023 to 2024.
    value: 35%
    growth: {from: trade-2023, to: trade-2024}     # the levels give about 6%
```
*Consistent*
```yaml
claims:
  - id: trade-growth
    claim: Trade grew 6% from 2023 to 2024.
    value: 6%
    growth: {from: trade-2023, to: trade-2024}
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.compare import widened
from cca_claims.interval import Interval
from cca_claims.model import EvidenceResult, Finding, Reading
from cca_claims.rules._shared import level, level_compared, readable, say, show, value_finding
from cca_claims.rules.base import RuleContext

ID = "R503"
NAME = "growth-mismatch"
CATEGORY = "relation"
SCOPE = "across"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}


def _pct(x: float) -> str:
    return "inf" if x in (float("inf"), float("-inf")) else f"{x:.1f}%"


def check(context: RuleContext) -> Iterator[Finding]:
    """Percentages disjoint from the growth their two declared levels imply."""
    tol = context.tolerance()
    for cc in context.claims.values():
        growth = cc.claim.growth
        if growth is None:
            continue
        start_cc, end_cc = context.claims.get(growth.from_id), context.claims.get(growth.to_id)
        if start_cc is None or end_cc is None:
            continue
        start, end = level(start_cc, tol), level(end_cc, tol)
        if start is None or end is None or start.unit != end.unit:
            continue
        a, b = widened(start, tol.slack), widened(end, tol.slack)
        if a.contains_value(0.0) or a.high <= 0:
            continue
        rate = ((b / a) - Interval.point(1.0)).scale(100.0)
        implied = f"[{_pct(rate.low)}, {_pct(rate.high)}]"
        # the claim's own value (None), then each percentage source
        subjects: list[tuple[Reading, EvidenceResult | None]] = []
        if cc.claim_reading is not None and cc.claim_reading.kind == "percent":
            subjects.append((cc.claim_reading, None))
        for e in readable(cc, "percent", deprecated=False):
            subjects.append((e.reading, e))
        for reading, e in subjects:
            iv = widened(reading, tol.slack)
            if iv is None or iv.overlaps(rate):
                continue
            who = "the claim's value" if e is None else e.evidence.source
            yield value_finding(
                cc,
                f"{who} {say(reading)} does not match growth from {growth.from_id} "
                f"({show(start)}) to {growth.to_id} ({show(end)}), which is {implied}",
                e,
                (level_compared(start_cc, start), level_compared(end_cc, end)),
                at="growth",
                related=(growth.from_id, growth.to_id),
                hint="check the two levels are the years the rate compares",
            )
