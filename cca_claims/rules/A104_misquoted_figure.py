"""A quote whose figures differ from the passage it anchors to: a misquote, not a typo.

A quote that differs from its source in a few words still anchors (A103, a warning), and a
figure is only a few characters: "$94.8 billion" quoted where the source says "$49.8 billion",
or "253 km" where it says "523 km", scores well above the `fuzzy_threshold`. This rule compares
the figures of the quote with those of the passage it anchored to, whatever the similarity
score: the digits (with their decimal point; thousands commas aside), and what the words next
to them mean: a currency ("$", "USD", "US dollars"), a magnitude ("billion", "bn"), a percent
("%", "per cent"), a unit ("km", "kilometres") and a month next to a day ("June 17", "17
June"). Two spellings of one figure agree ("$94.8bn" quotes "$94.8 billion"); any figure of the
quote that the passage states otherwise, or does not state at all, is an error; a figure of the
passage that the quote leaves out is not (a quote may stop short). Superscripts and fractions count as written: "106" is not
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

import functools
import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import NamedTuple

from cca_claims.model import Finding
from cca_claims.rules._shared import item_finding
from cca_claims.rules.base import RuleContext
from cca_claims.textnorm import normalize_text

ID = "A104"
NAME = "misquoted-figure"
CATEGORY = "anchoring"
SCOPE = "claim"
DEFAULT_SEVERITY = "error"
OPTIONS: dict = {}

# a digit in any script, a superscript digit or a vulgar fraction, as written
_DIGIT = r"[\d\u00b2\u00b3\u00b9\u2070-\u2079\u00bc-\u00be\u2150-\u215e]"
_NUMBER = re.compile(_DIGIT + r"(?:" + _DIGIT + r"|\u2044|[.,](?=\d))*")
# up to three words: a currency is sometimes named in three ("United States dollars")
_PHRASE_AFTER = re.compile(r"\s?(%|[^\W\d_][\w.]*(?: [^\W\d_][\w.]*){0,2})")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*|\S*[$\u20ac\u00a3\u00a5\u20b8\u20bd\u20b9])\s?$")


class Figure(NamedTuple):
    """A figure as compared (`key`) and as shown in the message (`shown`)."""

    key: tuple[str, ...]
    shown: str


def figures(text: str) -> list[Figure]:
    """The figures of `text` (normalized like the anchor's search view), in order. A figure's
    key is its number and the meanings of the words around it, in any order: "$94.8 billion"
    and "94.8 billion US dollars" are one figure."""
    meaning = _word_meanings()
    text = normalize_text(text)
    out: list[Figure] = []
    taken = 0  # where the previous figure ends: "17 June 2025" gives June to the 17 only
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        number, words = m.group().replace(",", ""), []
        before = _WORD_BEFORE.search(text, max(taken, start - 12), start)
        if before is not None:
            said, _ = meaning(before.group(1), before=True)
            if said:
                words.append(said)
                start = before.start(1)
        pos = end
        for _ in range(2):  # "billion yuan", "million tonnes", "per cent"
            after = _PHRASE_AFTER.match(text, pos)
            said, word = meaning(after.group(1)) if after is not None else (None, "")
            if after is None or said is None:
                break
            if said:
                words.append(said)
            pos = end = after.start(1) + len(word.rstrip("."))  # not a full stop
        out.append(Figure((number, *sorted(words)), text[start:end]))
        taken = end
    return out


@functools.lru_cache(maxsize=1)
def _word_meanings():
    """What a word next to a figure means for the comparison: a currency code, a magnitude, a
    percent, a month, a unit; "" for a word that belongs to a figure but adds nothing ("cent"
    of "per cent"); None for a word that is not part of the figure. So "$94.8bn" and
    "$94.8 billion" are the same figure, "$94.8 million" is not.

    The word tables are the reader's own, imported when a fuzzy quote is first met.
    """
    from cca_claims.quantities.datewords import MONTHS
    from cca_claims.quantities.money import ALIASES, ISO_CODES, LOWERCASE_CODES, NAMES, SYMBOLS
    from cca_claims.quantities.numbers import MAGNITUDE_WORDS
    from cca_claims.quantities.units import UNIT_SURFACES

    signs = sorted(SYMBOLS, key=len, reverse=True)  # "A$" before "$"
    any_sign = tuple(signs)

    def code(word: str) -> str | None:
        # which sign only when the word ends with one (most words end with none)
        sign = (
            next((s for s in signs if word.endswith(s)), None) if word.endswith(any_sign) else None
        )
        if sign is not None:
            return SYMBOLS.get(sign) or sign
        if word in ISO_CODES or word.lower() in LOWERCASE_CODES:
            return ALIASES.get(word.upper(), word.upper())
        return None

    def meaning(phrase: str, before: bool = False) -> tuple[str | None, str]:
        """(what the phrase's first words mean, the words used)."""
        words = phrase.split(" ")
        for n in range(len(words), 1, -1):  # a currency's name of several words, longest first
            name = " ".join(words[:n])
            if name.lower().rstrip(".") in NAMES and not before:
                return NAMES[name.lower().rstrip(".")] or name.lower(), name
        word = words[0]
        low = word.lower().rstrip(".")
        if low in MONTHS:
            return f"month {MONTHS[low]}", word
        if before:  # before a figure only a currency or a month belongs to it
            return code(word), word
        if word == "%" or low in ("percent", "pct", "per"):
            return "%", word
        if low == "cent":
            return "", word
        if low in MAGNITUDE_WORDS:
            return f"x{MAGNITUDE_WORDS[low]:g}", word
        found = code(word) or NAMES.get(low)
        if found:
            return found, word
        return (f"unit {UNIT_SURFACES[low]}" if low in UNIT_SURFACES else None), word

    return meaning


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
            yield item_finding(
                cc,
                message,
                result,
                hint="copy the figure from the source; if the source is wrong, quote it as it is "
                "and say so in a review",
            )
