"""The figure at a token, as the value pass reads it, and the magnitude words after it.

`figure_at` reads digits ("1,200", "3/4", "2½"), number words ("twenty-four", "five point five",
"two thirds of a million"), a vulgar fraction, "nought", "a" as one of a unit ("a gallon of
beer": `one_measure`) and a lone "half" after a qualifier (`shares.qualified_half`); then a share
or ratio written after the figure (`shares.out_of`, `shares.over`). It returns the `Figure` or
None when no figure starts at the token (or the figure would use a taken token).

`magnitude` scales a figure of an expression by the magnitude words after it ("5 billion",
"$2.174T", "3 lakh crore", "3 million and a half") and the smaller digit groups after those
(`digit_groups`: "4 thousand 3 hundred and 21"). Functions over the value pass's
`tokens.TokenStream`; each looks at a bounded number of tokens.
"""

from __future__ import annotations

from dataclasses import replace

import cca_claims.quantities.fractions as fr
from cca_claims.quantities.expression import Expr as _Expr
from cca_claims.quantities.money_phrases import currency_suffix
from cca_claims.quantities.numbers import (
    CURRENCY_ONLY_MAGNITUDES,
    GLUED_MAGNITUDES,
    MAGNITUDE_WORDS,
    Figure,
    read_digits,
)
from cca_claims.quantities.numwords import is_number_word, read_words
from cca_claims.quantities.shares import out_of, over, qualified_half
from cca_claims.quantities.suffixes import after_hyphen, unit_at
from cca_claims.quantities.tokens import TokenStream


def figure_at(s: TokenStream, j: int) -> Figure | None:
    """The figure that starts at token j (see the module docstring), or None."""
    t = s.tok(j)
    if t is None or not s.free(j):
        return None
    if t.kind == "num" or (t.text == "." and s.tok(j + 1) is not None):
        if fr.is_zero_fraction(s.toks, j):
            return None
        fig = read_digits(s.toks, j, s.text)
        if fig is not None:
            fig = fr.with_fraction(s.toks, fig, s.text)
    elif is_number_word(t):
        fig = read_words(s.toks, j)
        if fig is not None:
            fig = fr.of_magnitude(s.toks, fr.with_point(s.toks, fig))
        elif t.lower in ("a", "an"):
            fig = one_measure(s, j)
        elif t.lower == "half" and qualified_half(s, j):
            fig = Figure(0.5, j, j, 0.0, False, True)  # "more than half of exports"
    elif t.text in fr.VULGAR:
        fig = fr.vulgar_figure(s.toks, j)
    elif t.lower in ("nought", "naught"):
        fig = fr.with_point(s.toks, fr.zero_word_figure(s.toks, j))
    else:
        return None
    if fig is not None:
        fig = out_of(s, over(s, fig))
    if fig is None or any(k in s.masked for k in range(fig.first, fig.last + 1)):
        return None
    return fig


_TIME_UNITS = frozenset("second minute hour day week month year decade century".split())


def one_measure(s: TokenStream, j: int) -> Figure | None:
    """ "a gallon of beer", "a tonne of coal": one of a unit of measure (not of time)."""
    unit = unit_at(s, j + 1)
    if unit is None or s.low(unit[2] + 1) != "of" or len(unit[1]) < 3:
        return None
    if unit[0] in _TIME_UNITS or not unit[1].isalpha() or unit[1].lower() == "ton":
        return None  # "a ton of" is mostly the idiom for "a lot of"
    return Figure(1.0, j, j, 0.0, True, True)


def magnitude(s: TokenStream, expr: _Expr) -> None:
    """The expression's figure scaled by the magnitude words after it, which the expression
    then spans: "5 billion", "$2.174T", "3 lakh crore", "4 thousand 3 hundred and 21"."""
    fig = expr.fig
    k = after_hyphen(s, fig.last + 1)
    t = s.tok(k)
    if t is None or not s.free(k) or t.kind != "word" or fig.words and fig.magnitude != 1:
        return
    factor = MAGNITUDE_WORDS.get(t.lower)
    if factor is None and t.glued and t.text in GLUED_MAGNITUDES:
        factor = GLUED_MAGNITUDES[t.text]
    if t.text == "K" and not t.glued and not expr.currency:
        factor = None  # "5 K" is kelvin
    if factor is None and t.text == "T" and t.glued and expr.currency:
        factor = 1e12  # "$2.174T"
    if factor is None and t.text == "b" and t.glued and not fig.integer and not fig.words:
        factor = 1e9  # "1.4b people": no one counts a fraction of a bit ("Article 3b": a name)
    if factor is None and t.lower in CURRENCY_ONLY_MAGNITUDES:
        money_after = currency_suffix(s, k + 1) is not None
        if expr.currency or money_after:
            factor = CURRENCY_ONLY_MAGNITUDES[t.lower]
    if factor is None:
        return
    # "3 lakh crore", "two hundred million": a smaller magnitude word before a larger one
    nxt = s.tok(k + 1)
    if nxt is not None and s.free(k + 1) and factor in (1e2, 1e3, 1e5):
        factor2 = MAGNITUDE_WORDS.get(nxt.lower)
        if factor2 is not None and factor2 > factor and factor2 >= 1e5:
            factor, k = factor * factor2, k + 1
    scaled = fig.scaled(factor, k, s.toks[k].text)
    # "3 million and a half": half a million more
    if s.low(k + 1) == "and" and s.low(k + 2) in ("a", "one"):
        share = {"half": 0.5, "quarter": 0.25}.get(s.low(k + 3))
        if share is not None and factor >= 1e3 and s.free(k + 3):
            value = scaled.value + share * factor * (-1 if fig.value < 0 else 1)
            scaled = replace(scaled, value=value, last=k + 3)
            k += 3
    elif not fig.words and fig.integer:
        scaled, k = digit_groups(s, scaled, factor, k)
    expr.fig = scaled
    expr.last = max(expr.last, k)


def digit_groups(s: TokenStream, fig: Figure, factor: float, k: int) -> tuple[Figure, int]:
    """Smaller digit groups after a digit magnitude: "4 thousand 3 hundred and 21".

    Each group has a smaller magnitude word than the one before it; a bare number closes
    the figure only after "hundred and" ("3 hundred and 21"), as in written-out numbers.
    """
    value, half = fig.value, fig.half_unit
    sign = -1 if value < 0 else 1
    while factor > 1e2:
        m = k + 1
        has_and = s.low(m) == "and"
        m += has_and
        sub = _group_at(s, m)
        if sub is None:
            break
        f2 = MAGNITUDE_WORDS.get(s.low(sub.last + 1))
        if f2 not in (1e2, 1e3, 1e6, 1e9) or f2 >= factor or sub.value * f2 >= factor:
            break
        if not s.free(sub.last + 1):
            break
        value += sign * sub.value * f2
        factor, k, half = f2, sub.last + 1, 0.5 * f2
    if factor == 1e2 and s.low(k + 1) == "and":
        sub = _group_at(s, k + 2)
        # "3 hundred and 2 million" is two figures
        if sub is not None and sub.value < 100 and s.low(sub.last + 1) not in MAGNITUDE_WORDS:
            value += sign * sub.value
            k, half = sub.last, 0.5
    if value == fig.value:
        return fig, k
    return replace(fig, value=value, last=k, half_unit=half), k


def _group_at(s: TokenStream, m: int) -> Figure | None:
    """A plain digit integer at token m that stands on its own ("3" in "3 hundred")."""
    t = s.tok(m)
    if t is None or t.kind != "num" or t.glued or not s.free(m):
        return None
    sub = read_digits(s.toks, m, s.text)
    if sub is None or not sub.integer or sub.last != m:
        return None
    return sub
