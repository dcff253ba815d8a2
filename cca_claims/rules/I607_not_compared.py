"""A figure left out of the comparison because it measures another thing than the claim's.

"55 bcm per year" is a flow (an amount per unit of time), the claim's "55 bcm" an amount: the
two cannot be compared as they stand, and saying nothing would look like agreement. A claim
about a yearly figure says so (its value `55 bcm/year`, or "annual", "a year", "per annum" in
its statement), and then a flow per year is compared as one year's amount. A currency without
a known rate and a unit the reader does not know are reported the same way. The finding is
`info`: nothing is wrong with the sources, but nothing was checked either.

*Contradiction*
```yaml
claims:
  - id: line-d-capacity
    claim: Line D will carry 30 bcm of gas.
    value: 30 billion cubic meters
    evidence:
      - source: pipeline-news
        quote: "Line D will carry 30 billion cubic meters per year"   # a flow: not compared
```
*Consistent*
```yaml
claims:
  - id: line-d-capacity
    claim: Line D's annual capacity is 30 bcm.
    value: 30 billion cubic meters
    evidence:
      - source: pipeline-news
        quote: "Line D will carry 30 billion cubic meters per year"   # one year's amount
```
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from cca_claims.compare import describe
from cca_claims.model import Finding, Reading
from cca_claims.quantities.perperiod import is_flow
from cca_claims.rules._shared import item_finding
from cca_claims.rules.base import ClaimContext, RuleContext

ID = "I607"
NAME = "not-compared"
CATEGORY = "integrity"
SCOPE = "claim"
DEFAULT_SEVERITY = "info"
OPTIONS: dict = {}


def _what(r: Reading) -> str:
    """What a reading measures, in an editor's words."""
    if is_flow(r):
        return "a flow (an amount per unit of time)"
    if r.unit.startswith("unit:"):
        return f"in a unit the reader does not know ({r.written_unit})"
    if r.unit.startswith("currency:"):
        return f"in a currency without a known rate ({r.written_unit})"
    if r.kind == "money":
        return f"money in {r.unit}"
    return f"measured in {r.unit.replace(' ** ', '^').replace('meter', 'm')}"


def _reference(cc: ClaimContext) -> tuple[str, str] | None:
    """The unit the claim's figures are compared in, and whose it is."""
    if cc.claim_reading is not None and cc.claim_reading.interval is not None:
        return cc.claim_reading.unit, "the claim's value"
    units = Counter(e.reading.unit for e in cc.active() if e.reading.kind == cc.kind)
    if not units:
        return None
    unit, _n = units.most_common(1)[0]
    return unit, "the other evidence"


def check(context: RuleContext) -> Iterator[Finding]:
    """Each quantity or money reading measured otherwise than the claim's figures."""
    for cc in context.claims.values():
        if cc.kind not in ("quantity", "money"):
            continue
        ref = _reference(cc)
        if ref is None:
            continue
        unit, whose = ref
        other = cc.claim_reading if whose == "the claim's value" else None
        for result in cc.active():
            r = result.reading
            if r.kind != cc.kind or r.interval is None or r.unit == unit:
                continue
            theirs = f"{describe(other)} is {_what(other)}" if other else f"{whose} is not"
            yield item_finding(
                cc,
                f"the quote from {result.evidence.source} states {describe(r)}, {_what(r)}, "
                f"and {theirs}: they were not compared",
                result,
                hint=_hint(r),
            )


def _hint(r: Reading) -> str:
    if is_flow(r):
        return (
            'if the claim is about a yearly figure, say so: "annual" or "a year" in the claim, '
            "or a value such as `55 bcm/year`"
        )
    return "give the claim's value in a unit of the same kind, or quote the passage's figure"
