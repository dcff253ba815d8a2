"""A quote whose figures differ from the passage it anchors to: a misquote, not a typo.

A quote that differs from its source in a few words still anchors (A103, a warning), and a
figure is only a few characters: "$94.8 billion" quoted where the source says "$49.8 billion",
or "253 km" where it says "523 km", scores well above the `fuzzy_threshold`. This rule compares
the figures of the quote with those of the passage it anchored to, whatever the similarity
score: the digits (with their decimal point; thousands commas aside), the currency sign or code
written next to them, a magnitude ("billion", "bn"), a percent sign, a unit ("km", "tonnes")
and a month name next to a day ("June 17"). Any figure of the quote that the passage states
otherwise, or does not state at all, is an error; a figure of the passage that the quote leaves
out is not (a quote may stop short). Superscripts and fractions count as written: "106" is not
"10⁶", and "11⁄2" is not "1½".

The comparison looks at the text only (no value is read), so `cca-claims lint` reports it too.
A quote that differs only in quotation marks, dashes or spaces anchors exactly and is never
flagged.

*Contradiction*
```yaml
evidence:
  - source: china-studies-center-astana-2025
    quote: "In 2024, China's total trade with Central Asian states exceeded $49.8 billion"
    # the source says $94.8 billion
```
*Consistent*
```yaml
evidence:
  - source: china-studies-center-astana-2025
    quote: "In 2024, China's total trade with Central Asian states exceeded $94.8 billion"
```
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import NamedTuple

from cca_claims.model import Finding
from cca_claims.rules.base import RuleContext, evidence_location, finding
from cca_claims.textnorm import normalize_text

ID = "A104"
NAME = "misquoted-figure"
CATEGORY = "anchoring"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}

# a digit in any script, a superscript digit or a vulgar fraction, as written
_DIGIT = r"[\d\u00b2\u00b3\u00b9\u2070-\u2079\u00bc-\u00be\u2150-\u215e]"
_NUMBER = re.compile(_DIGIT + r"(?:" + _DIGIT + r"|\u2044|[.,](?=\d))*")
_WORD_AFTER = re.compile(r"\s?(%|[^\W\d_][\w.]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*|\S*[$\u20ac\u00a3\u00a5\u20b8\u20bd\u20b9])\s?$")


class Figure(NamedTuple):
    """A figure as compared (`key`) and as shown in the message (`shown`)."""

    key: tuple[str, ...]
    shown: str


def figures(text: str) -> list[Figure]:
    """The figures of `text` (normalized like the anchor's search view), in order."""
    from cca_claims.quantities.datewords import MONTHS
    from cca_claims.quantities.money import ISO_CODES, LOWERCASE_CODES, NAMES, SYMBOLS
    from cca_claims.quantities.numbers import MAGNITUDE_WORDS
    from cca_claims.quantities.units import unit_at_word

    def names_figure(word: str) -> bool:
        low = word.lower().rstrip(".")
        return (
            word == "%"
            or low in MAGNITUDE_WORDS
            or low in ("percent", "per")
            or low in MONTHS
            or low in NAMES
            or low in LOWERCASE_CODES
            or word in ISO_CODES
            or unit_at_word(low)
        )

    signs = sorted(SYMBOLS, key=len, reverse=True)  # "A$" before "$"
    text = normalize_text(text)
    out = []
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        key = [m.group().replace(",", "")]
        before = _WORD_BEFORE.search(text, max(0, start - 12), start)
        if before is not None:
            word = before.group(1)
            sign = next((s for s in signs if word.endswith(s)), None)
            low = word.lower().rstrip(".")
            if sign is not None or low in MONTHS or low in LOWERCASE_CODES or word in ISO_CODES:
                key.insert(0, _keyword(SYMBOLS.get(sign) or sign) if sign else _keyword(word))
                start = before.start(1)
        pos = end
        for _ in range(2):  # "billion yuan", "million tonnes", "per cent"
            after = _WORD_AFTER.match(text, pos)
            if after is None or not names_figure(after.group(1)):
                break
            key.append(_keyword(after.group(1)))
            word = after.group(1)
            pos = end = after.end(1) - (len(word) - len(word.rstrip(".")))  # not a full stop
        out.append(Figure(tuple(key), text[start:end]))
    return out


def _keyword(word: str) -> str:
    """A word next to a figure as compared: case and a final period aside ("USD 20" and
    "usd 20" are one figure)."""
    return word.lower().rstrip(".")


def misquoted(quote: str, passage: str) -> list[tuple[Figure | None, Figure | None]]:
    """Each figure of `quote` that `passage` states otherwise (quote, passage) or not at all
    (quote, None)."""
    said, found = figures(quote), figures(passage)
    if [f.key for f in said] == [f.key for f in found]:
        return []
    matcher = SequenceMatcher(None, [f.key for f in said], [f.key for f in found], autojunk=False)
    out: list[tuple[Figure | None, Figure | None]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "replace":
            theirs: list[Figure | None] = list(found[j1:j2])
            theirs += [None] * (i2 - i1 - len(theirs))
            out += list(zip(said[i1:i2], theirs))
        elif op == "delete":
            out += [(f, None) for f in said[i1:i2]]
    return out


def check(context: RuleContext) -> Iterator[Finding]:
    rule = sys.modules[__name__]
    for cc in context.claims.values():
        for result in cc.evidence:
            anchor = result.anchor.anchor
            # an exact anchor is the same text once normalized: the same figures
            if result.anchor.status != "fuzzy" or anchor is None:
                continue
            pairs = misquoted(result.evidence.quote, anchor.text)
            if not pairs:
                continue
            ours, theirs = pairs[0]
            assert ours is not None
            if theirs is not None:
                message = f"the quote says {ours.shown}, the source says {theirs.shown}"
            else:
                message = f"the quote says {ours.shown}; the source passage states no such figure"
            if len(pairs) > 1:
                message += f" (and {len(pairs) - 1} more figure(s) differ)"
            message += f" ({result.evidence.source}, line {anchor.line})"
            yield finding(
                rule,
                message,
                evidence_location(cc.claim, result),
                (cc.claim.id,),
                sources=(result.evidence.source,),
                evidence=(result.evidence.index,),
                hint="copy the figure from the source; if the source is wrong, quote it as it is "
                "and say so in a review",
            )
