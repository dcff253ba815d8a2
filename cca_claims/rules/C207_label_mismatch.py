"""Two sources give different names beyond spelling variants.

Labels compare by a normalized form (case, punctuation, hyphens, "&"/"and", British/American
spelling, articles); what is left is a different name. The finding names the words that differ
("eternal" vs "permanent") so an editor can settle whether they are translations of one name.

*Contradiction*
```yaml
claims:
  - id: treaty-name
    claim: The treaty is the Treaty on Eternal Good-Neighborliness, Friendship and Cooperation.
    evidence:
      - source: astana-summit-agenda-2025
        quote: "Treaty on Eternal Good Neighborliness, Friendship and Cooperation"
        value: Treaty on Eternal Good Neighborliness, Friendship and Cooperation
      - source: co-architecting-eurasia-2025
        quote: "A Treaty on Permanent Good-Neighborliness;"
        value: Treaty on Permanent Good-Neighborliness     # "permanent", no "friendship"
```
A claim may list accepted variants of its name under `aliases:` (a second translation of the
same title): a passage giving one is read as the claim's value, not as a different name. A name
that differs from the others only by a likely typo ("external" for "eternal": a word one or two
letters from the other, not a spelling or word-form variant) is the same name; it is reported
as an info finding naming the typo, so the editor can correct the quote's source or list the
form under `aliases:`.

*Consistent*
```yaml
claims:
  - id: treaty-name
    claim: The treaty is the Treaty on Eternal Good-Neighborliness, Friendship and Cooperation.
    evidence:
      - source: astana-summit-agenda-2025
        quote: "Treaty on Eternal Good Neighborliness, Friendship and Cooperation"
        value: Treaty on Eternal Good Neighborliness, Friendship and Cooperation
      - source: majueran-new-era-2025
        quote: "a treaty on eternal good-neighbourliness, friendship and cooperation"
        value: treaty on eternal good-neighbourliness, friendship and cooperation  # spelling
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.model import Finding
from cca_claims.quantities.labels import labels_equal, typos
from cca_claims.rules._shared import evidence_finding, evidence_outliers, readable
from cca_claims.rules.base import RuleContext

ID = "C207"
NAME = "label-mismatch"
CATEGORY = "evidence"
SCOPE = "claim"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}

KIND = "label"  # outliers as C201-C205 (`_shared.evidence_outliers`), then likely typos


def check(context: RuleContext) -> Iterator[Finding]:
    """Each label reading that conflicts with the claim's main group of sources, and (info)
    each that agrees with them only through a likely typo."""
    yield from evidence_outliers(context, KIND)
    tol = context.tolerance()
    for cc in context.claims.values():
        items = [e for e in readable(cc, KIND, deprecated=False) if e.reading.label]
        value = cc.claim_reading
        name = value.label if value is not None and value.kind == "label" else ""
        for e in items:
            # the claim's own value is the name of reference; without one, the first item's
            reference = name or (items[0].reading.label if e is not items[0] else "")
            if not reference:
                continue
            label = e.reading.label
            if not labels_equal(label, reference, tol.label_threshold)[0]:
                continue  # a different name: the mismatch above, not a typo
            pairs = typos(label, reference)
            if not pairs:
                continue
            said = ", ".join(f'"{a}" for "{b}"' for a, b in pairs)
            yield evidence_finding(
                cc,
                f"{e.evidence.source} writes the name with a likely typo ({said}): "
                f'"{label}"; read as "{reference}"',
                e,
                hint="if the form is a real variant of the name, list it under the claim's "
                "`aliases:`",
                severity="info",
            )
