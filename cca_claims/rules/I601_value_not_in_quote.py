"""An evidence item's explicit `value:` that its quote does not state.

`value:` says what a passage means when the reader cannot tell by itself (a list, a name, one of
several figures); it must still be what the quote says. Numbers and dates must appear in the
quote (allowing for formatting: "$94.82 billion" is 94.82 billion USD); set items, names and
statuses must appear in its words (allowing for spelling and hyphens).

*Contradiction*
```yaml
evidence:
  - source: baidarov-first-summit-2025
    quote: "In 2024, bilateral trade reached $94.82 billion"
    value: 95 billion USD          # not what the quote says
```
*Consistent*
```yaml
evidence:
  - source: baidarov-first-summit-2025
    quote: "In 2024, bilateral trade reached $94.82 billion"
    value: 94.82 billion USD
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.compare import describe, status_interval
from cca_claims.model import EvidenceResult, Finding, Reading
from cca_claims.quantities import value_in_quote
from cca_claims.quantities.labels import normalize_label, status_reading
from cca_claims.rules._shared import item_finding
from cca_claims.rules.base import RuleContext

ID = "I601"
NAME = "value-not-in-quote"
CATEGORY = "integrity"
SCOPE = "claim"
DEFAULT_SEVERITY = "warning"
OPTIONS: dict = {"word_threshold": 85.0}


def _in_words(phrase: str, text: str, threshold: float) -> bool:
    from rapidfuzz import fuzz

    p, t = normalize_label(phrase), normalize_label(text)
    if not p:
        return True
    return p in t or fuzz.partial_ratio(p, t) >= threshold


def missing(result: EvidenceResult, reading: Reading, threshold: float) -> list[str]:
    """What of `reading` the anchored passage does not state ([] when it states all of it)."""
    text = result.anchor.anchor.text
    if reading.kind == "set":
        return [item for item in reading.items if not _in_words(item, text, threshold)]
    if reading.kind in ("label", "status"):
        if _in_words(reading.label, text, threshold):
            return []
        if reading.kind == "status":
            said = status_reading(text)
            mine = status_interval(reading)
            if said is not None and mine is not None and said.interval.overlaps(mine):
                return []
        return [reading.label]
    return [] if value_in_quote(reading, list(result.candidates)) else [describe(reading)]


def check(context: RuleContext) -> Iterator[Finding]:
    """Explicit values (or parts of them) the quote does not state."""
    threshold = float(context.option("word_threshold"))
    for cc in context.claims.values():
        for result in cc.evidence:
            ev = result.evidence
            if ev.value is None or result.reading is None or result.anchor.anchor is None:
                continue
            absent = missing(result, result.reading, threshold)
            if not absent:
                continue
            what = ", ".join(absent)
            yield item_finding(
                cc,
                f"the value given for {ev.source} states {what}, which its quote does not say",
                result,
                key="value",
                with_reading=True,
                hint="make `value:` say what the quote says, or lengthen the quote",
            )
