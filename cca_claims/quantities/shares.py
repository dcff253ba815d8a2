"""Figures that are shares or ratios: "one over three", "1 over 20", "one out of three", "one in
five", "more than half".

Functions over the value pass's `tokens.TokenStream`: `over` and `out_of` take a figure and return
it read as a share when a denominator follows (or the figure as it was), and `qualified_half`
says whether a lone "half" is a share. Each looks at a bounded number of tokens, so the reader
stays linear; a unit or currency after the denominator (`suffixes.unit_at`,
`money_phrases.currency_suffix`) means the figure is no share.
"""

from __future__ import annotations

import cca_claims.quantities.lexicon as lx
from cca_claims.quantities.expression import join_tokens as _join
from cca_claims.quantities.money_phrases import currency_suffix
from cca_claims.quantities.numbers import Figure, read_digits
from cca_claims.quantities.numwords import is_number_word, read_words
from cca_claims.quantities.suffixes import unit_at
from cca_claims.quantities.tokens import TokenStream


def over(s: TokenStream, fig: Figure) -> Figure:
    """ "one over three", "1 over 20": a ratio, unless a unit or noun follows ("over 3 years")."""
    k = fig.last + 1
    if s.low(k) != "over" or fig.magnitude != 1 or not s.free(k + 1):
        return fig
    t = s.tok(k + 1)
    if t is None:
        return fig
    if t.kind == "num":
        den = read_digits(s.toks, k + 1, s.text)
    elif is_number_word(t) and t.lower not in ("a", "an", "half", "quarter"):
        den = read_words(s.toks, k + 1)
    else:
        return fig
    if den is None or den.value == 0 or den.magnitude != 1:
        return fig
    after = s.tok(den.last + 1)
    if after is not None and after.kind != "sym":
        return fig  # "over 3 years", "over 20 countries": a span or a count
    if after is not None and after.text in ("%", "$", "€", "£", "°"):
        return fig
    return Figure(fig.value / den.value, fig.first, den.last, 0.0, False, fig.words)


def out_of(s: TokenStream, fig: Figure) -> Figure:
    """ "one out of three", "1 in 20", "two out of five hundred": a share, as a fraction.

    Only a whole count before a larger whole count with nothing but a noun after it: "2 in
    10 years" (a unit follows) and "5 in 2023" (a date, masked) stay what they were. With
    "in", a digit count other than 1 needs a round base ("3 in 10", not "3 in 5 matches").
    """
    k = fig.last + 1
    w = s.low(k)
    if w == "out" and s.low(k + 1) == "of":
        k += 2
    elif w == "in":
        k += 1
    else:
        return fig
    if fig.magnitude != 1 or not fig.integer or fig.value <= 0 or not s.free(k):
        return fig
    t = s.tok(k)
    if t is None:
        return fig
    if t.kind == "num":
        den = read_digits(s.toks, k, s.text)
    elif is_number_word(t) and t.lower not in ("half", "quarter"):
        den = read_words(s.toks, k)
    else:
        return fig
    if den is None or den.value <= fig.value or den.value != int(den.value):
        return fig
    if any(not s.free(x) for x in range(k, den.last + 1)):
        return fig
    if w == "in" and not (fig.value == 1 or den.value in (10, 100, 1000) or fig.words):
        return fig  # "scored 3 in 5 matches": goals in matches; "3 in 10 adults" a share
    after = s.tok(den.last + 1)
    if after is not None and after.text in ("%", "$", "€", "£", "°", "/", ".", ","):
        if after.glued:
            return fig  # "1 in 20%", "1 in 3.5"
    if unit_at(s, den.last + 1) is not None or currency_suffix(s, den.last + 1):
        return fig  # "2 in 10 years", "1 in 5 dollars"
    return Figure(fig.value / den.value, fig.first, den.last, 0.0, False, fig.words)


def qualified_half(s: TokenStream, j: int) -> bool:
    """Whether a lone "half" at token j is a share: only after a qualifier ("more than half",
    "nearly half", "about half of"), where it can be nothing else. A bare "half" is mostly
    a period or a part ("the second half", "half-brother") and is not read."""
    nxt = s.tok(j + 1)
    if nxt is not None and (nxt.glued or nxt.lower in ("a", "an")):
        return False  # "half-year", "half-time"; "about half an hour" is half an hour
    for size in (3, 2, 1):
        if j - size < 0 or any(not s.free(x) for x in range(j - size, j)):
            continue
        if _join(s.toks, j - size, j).lower() in lx.PREFIX_QUALIFIERS:
            return True
    return False
