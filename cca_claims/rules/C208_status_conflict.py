"""Two sources give statuses of one project that cannot both hold.

Statuses are read with the ordered vocabulary of `cca_claims/data/statuses.yaml` (proposed,
agreed, planned, feasibility study, ..., under construction, completed); a phrase may allow a
range ("targeted for completion" is planned to under construction). Two statuses conflict when
their ranges do not overlap: "completed" vs "under construction".

Statuses form a timeline. Each holds at its evidence item's date: its `as_of:` when written,
else its source's published date. Later progress is not a conflict ("a feasibility study was
completed" in June 2024, "construction officially underway" in December 2024). Two statuses
conflict when they hold at the same time, or when the later one steps back to an earlier stage
and its passage states no reason ("resumed", "due to", "second phase": `step_back_reasons` in
the vocabulary).

*Contradiction*
```yaml
claims:
  - id: cku-railway-status
    claim: The China-Kyrgyzstan-Uzbekistan railway is under construction.
    evidence:
      - source: baidarov-first-summit-2025
        quote: "the China-Kyrgyzstan-Uzbekistan railway, now under construction"
        value: under construction
      - source: other-report
        quote: "the completed China-Kyrgyzstan-Uzbekistan railway"
        value: completed
```
*Consistent*
```yaml
claims:
  - id: cku-railway-progress
    claim: Construction of the China-Kyrgyzstan-Uzbekistan railway is under way.
    evidence:
      - source: report-june-2024        # published 2024-06-06
        quote: "a feasibility study was completed in May 2023"
      - source: report-december-2024    # published 2024-12-27
        quote: "the project is now officially underway"     # later progress
  - id: cku-railway-status
    claim: The China-Kyrgyzstan-Uzbekistan railway is under construction.
    evidence:
      - source: baidarov-first-summit-2025
        quote: "the China-Kyrgyzstan-Uzbekistan railway, now under construction"
        value: under construction
      - source: astana-summit-agenda-2025
        quote: "the railway project has entered the implementation phase"
        value: implementation phase       # a synonym of under construction
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.asof import SAME_TIME, day_label, evidence_time, status_relation
from cca_claims.compare import AGREE, CONFLICT, Comparison
from cca_claims.model import Finding
from cca_claims.rules._shared import Relate, evidence_finding, names, outliers, say
from cca_claims.rules.base import ClaimContext, RuleContext

ID = "C208"
NAME = "status-conflict"
CATEGORY = "evidence"
SCOPE = "claim"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}

KIND = "status"  # outliers as C201-C207 (`_shared.outliers`), related in time (`asof`)


def check(context: RuleContext) -> Iterator[Finding]:
    """Each status reading that conflicts with the claim's main group of sources in time."""
    sources = context.sources

    def relation(cc: ClaimContext) -> Relate:
        return lambda a, b: Comparison(CONFLICT if status_relation(a, b, sources) else AGREE)

    for cc, e, against in outliers(context, KIND, relation):
        why = [(m, status_relation(e, m, sources)) for m, _ in against]
        yield _finding(cc, e, why, sources)


def _finding(cc, e, against, sources) -> Finding:
    others = [m for m, _ in against]
    first, why = against[0]
    te, tm = evidence_time(e, sources), evidence_time(first, sources)
    src = e.evidence.source
    if src in {m.evidence.source for m in others}:
        src = f"{src} (item {e.evidence.index + 1})"
    many = len({m.evidence.source for m in others}) > 1
    if why == SAME_TIME:
        message = (
            f"{src} says {say(e.reading)} but {names(others)} {'say' if many else 'says'} "
            f"{say(first.reading)}, at the same time "
            f"({day_label(te) if te is not None else 'no date is known for ' + src})"
        )
        hint = (
            "check which source is right; if a passage's status refers to another date than "
            "its source's, write it as the item's `as_of:`"
        )
    else:
        earlier, later = (
            (first, e) if tm is not None and te is not None and tm.high < te.low else (e, first)
        )
        message = (
            f"{later.evidence.source} says {say(later.reading)} as of "
            f"{day_label(evidence_time(later, sources))}, after {earlier.evidence.source} said "
            f"{say(earlier.reading)} as of {day_label(evidence_time(earlier, sources))}: a step "
            "back to an earlier stage that no passage explains"
        )
        hint = (
            "quote the passage that says why the project went back (resumed, re-planned), "
            "set `as_of:` where a status refers to another date, or deprecate a wrong passage"
        )
    return evidence_finding(cc, message, e, others, hint=hint)
