"""Two sources list different items for the same set.

Items are matched one to one through normalized labels, domain synonyms
(`cca_claims/data/synonyms.yaml`) and a similarity score, so "educational exchange" matches
"education" and "poverty alleviation" matches "poverty reduction". The finding names the items
the differing source lacks or adds.

*Contradiction*
```yaml
claims:
  - id: regional-centres-areas
    claim: China announced centres for four areas.
    evidence:
      - source: majueran-new-era-2025
        quote: "four new cooperative platforms focused respectively on poverty reduction, ..."
        value: [poverty reduction, education exchange, desertification control, trade facilitation]
      - source: astana-summit-agenda-2025
        quote: "three separate centers focused on educational exchange, ..."
        value: [educational exchange, combating desertification, facilitating trade]  # lacks one
```
An item that matches the other side's only through a likely typo ("Kyrgystan" for "Kyrgyzstan",
"external" for "eternal": a word one or two letters off that is not a spelling, word-form or
country-name variant) is the same item; it is reported as an info finding naming the typo.

*Consistent*
```yaml
claims:
  - id: three-evils
    claim: The SCO fights the "three evils".
    evidence:
      - source: china-studies-center-astana-2025
        quote: "terrorism, separatism and extremism"
        value: [terrorism, separatism, extremism]
      - source: baidarov-first-summit-2025
        quote: "the three evils of terrorism, separatism and extremism"
        value: [extremism, terrorism, separatism]     # order does not matter
```
"""

from __future__ import annotations

from collections.abc import Iterator

from cca_claims.model import Finding
from cca_claims.quantities.labels import match_sets, normalize_label, typos
from cca_claims.quantities.places import canonical_words
from cca_claims.rules._shared import evidence_finding, evidence_outliers, readable
from cca_claims.rules.base import RuleContext

ID = "C206"
NAME = "set-mismatch"
CATEGORY = "evidence"
SCOPE = "claim"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}

KIND = "set"  # outliers as C201-C205 (`_shared.evidence_outliers`), then likely typos


def check(context: RuleContext) -> Iterator[Finding]:
    """Each set reading that conflicts with the claim's main group of sources, and (info) each
    item that matches only through a likely typo."""
    yield from evidence_outliers(context, KIND)
    tol = context.tolerance()
    for cc in context.claims.values():
        items = [e for e in readable(cc, KIND, deprecated=False) if e.reading.items]
        value = cc.claim_reading
        own = list(value.items) if value is not None and value.kind == "set" else []
        for e in items:
            reference = own or (list(items[0].reading.items) if e is not items[0] else [])
            if not reference:
                continue
            pairs, _, _ = match_sets(list(e.reading.items), reference, tol.set_threshold)
            found = [
                (a, b, word_pairs)
                for a, b in pairs
                if canonical_words(normalize_label(a)) != canonical_words(normalize_label(b))
                and (word_pairs := typos(a, b))
            ]
            if not found:
                continue
            said = "; ".join(f'"{a}" for "{b}"' for a, b, _words in found)
            yield evidence_finding(
                cc,
                f"{e.evidence.source} lists an item with a likely typo: {said}",
                e,
                hint="correct the `value:` list, or ignore: the items were matched",
                severity="info",
            )
