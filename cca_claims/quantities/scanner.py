"""The value pass of the reader: one walk over the tokens, assembling a value expression at
each figure (`make_reading` then turns each into a `Reading`).

`scan` walks a `tokens.TokenStream` (the text, its tokens, the tokens earlier passes took, the
`ReadContext`) and calls `expr_at` at every token that may start a value. At each figure
`expr_at` assembles one expression, calling the phrase modules in this order:

    [qualifier] [currency] FIGURE [magnitude] [unit] [(-|to|and) [currency] FIGURE [magnitude]]
    [currency | unit | % | counted noun] [postfix qualifier]

    money_phrases.currency_prefix    "US$", "Rs.", "NZD $", "¥"
    figures.figure_at                digits, words, fractions, shares ("one in five")
    compound.broken_grouping         "245 23 yen" is no value; clock times and ordinals neither
    figures.magnitude                "bn", "million", "3 lakh crore"
    compound.full_suffix             unit, currency, "%", counted noun (`suffixes`), "5 ft 2 in"
    money_phrases.whole_units, million_code    "Rp 31.500", "MAUD 60"
    compound.range_tail              "between $2bn and $3bn", "5 to 10 km"
    compound.postfix_qualifier       "or more", "15,000+"
    compound.prefix_qualifier        "more than", "nearly", "about"
    compound.qualifier_join          "above 1000 and below 1500"

The phrase modules are plain functions of the stream and a token index or the expression being
assembled; none reaches into another except by an explicit import (money_phrases <- suffixes <-
shares <- figures <- compound <- scanner). Every step looks at a bounded number of tokens, so
the walk is linear in the length of the text.
"""

from __future__ import annotations

import cca_claims.quantities.fractions as fr
import cca_claims.quantities.lexicon as lx
import cca_claims.quantities.money as mo
import cca_claims.quantities.units as un
from cca_claims.quantities.compound import (
    broken_grouping,
    clock_figure,
    full_suffix,
    postfix_qualifier,
    prefix_qualifier,
    qualifier_join,
    range_tail,
)
from cca_claims.quantities.expression import Expr as _Expr
from cca_claims.quantities.figures import figure_at, magnitude
from cca_claims.quantities.money_phrases import (
    currency_prefix,
    currency_suffix,
    million_code,
    whole_units,
)
from cca_claims.quantities.numbers import (
    GLUED_MAGNITUDES,
    MAGNITUDE_WORDS,
    Token,
)
from cca_claims.quantities.numwords import is_number_word
from cca_claims.quantities.suffixes import unit_at
from cca_claims.quantities.tokens import TokenStream


def scan(s: TokenStream, skip_quiet: bool = True) -> list[_Expr]:
    """Every value expression in the text, in order; `skip_quiet=False` asks `expr_at` at
    every token (tests)."""
    out: list[_Expr] = []
    i = 0
    toks, n = s.toks, s.n
    while i < n:
        if not s.free(i):
            i += 1
            continue
        t = toks[i]
        if (
            skip_quiet
            and t.kind != "num"
            and _starts_nothing(t)
            and (i + 1 >= n or toks[i + 1].text != "$")
        ):
            i += 1  # expr_at would find neither a currency nor a figure here
            continue
        expr = expr_at(s, i)
        if expr is None:
            i += 1
            continue
        if isinstance(expr, int):  # tokens to skip (a clock time, an ordinal)
            i = max(expr, i + 1)
            continue
        out.append(expr)
        i = expr.last + 1
    return out


def expr_at(s: TokenStream, i: int) -> _Expr | int | None:
    """The value expression that starts at token i; or, when the figure there is no value (a
    clock time, an ordinal, part of a name such as "G20"), the index to go on from; or None."""
    pre = currency_prefix(s, i)
    iso, written, note = None, "", ""
    j = i
    signed = False
    if pre is not None:
        iso, written, j, note = pre
        nx, dg = s.tok(j), s.tok(j + 1)
        if nx is not None and dg is not None and nx.text in ("-", "−") and nx.glued:
            if dg.glued and dg.kind == "num" and s.toks[j - 1].kind == "sym":
                signed, j = True, j + 1  # "$-99.99": a negative amount
    fig = figure_at(s, j)
    if fig is None:
        return None
    t = s.toks[j]
    prev = s.tok(j - 1)
    if pre is None and prev is not None and t.glued:
        if prev.kind == "word" and t.kind == "num":
            return fig.last + 1  # "C5", "G20": part of a name
        if prev.text in lx.RANGE_DASHES and s.tok(j - 2) is not None:
            before = s.toks[j - 2]
            if prev.glued and before.kind == "word":
                return fig.last + 1  # "COVID-19", "D-1"
        if prev.text in ("/", ":", "#", "№"):
            return fig.last + 1
    broken = None if pre is not None else broken_grouping(s, fig)
    if broken is not None:
        return broken
    k = fig.last + 1
    nt = s.tok(k)
    # clock times and ordinals are not quantities
    if nt is not None and not fig.words:
        if nt.text == ":" and nt.glued and s.tok(k + 1) and s.toks[k + 1].glued:
            if s.toks[k + 1].kind == "num" and len(s.toks[k + 1].text) == 2:
                return k + 2
        if (nt.lower in ("am", "pm") and clock_figure(s, fig)) or (
            nt.lower in ("a", "p")
            and s.low(k + 1) == "."
            and s.low(k + 2) == "m"
            and s.toks[k + 1].glued
        ):
            return k + 1
        if nt.glued and nt.lower in lx.ORDINAL_SUFFIXES:
            return k + 1
        if pre is None and _designation(s, k):
            return k + 1
    if fig.words and fig.first == fig.last and t.lower == "one" and pre is None:
        # "one" is a pronoun unless a unit, currency, magnitude or counted noun follows
        if nt is not None and nt.kind == "word":
            w = nt.lower
            known = (
                w in MAGNITUDE_WORDS
                or un.unit_at_word(w)
                or un.is_known_count_noun(w)
                or currency_suffix(s, k) is not None
            )
            if not known:
                return k
    expr = _Expr(first=i, last=fig.last, fig=fig, iso=iso, currency=written)
    if note:
        expr.notes.append(note)
    if pre is None and prev is not None and prev.text in ("-", "−") and t.glued:
        before = s.tok(j - 2)
        if before is None or not prev.glued or before.kind != "num":
            if before is None or before.text not in lx.RANGE_DASHES:
                expr.negative = True
                expr.first = j - 1
    if signed:
        expr.negative = True
    if pre is None and s.low(j - 1) in ("minus", "negative") and s.free(j - 1):
        expr.negative = True
        expr.first = j - 1
    magnitude(s, expr)
    full_suffix(s, expr)
    if pre is not None:
        whole_units(s, expr)
        million_code(expr)
    range_tail(s, expr)
    if expr.low is None:
        postfix_qualifier(s, expr)
    prefix_qualifier(s, expr)
    qualifier_join(s, expr)
    return expr


def _designation(s: TokenStream, k: int) -> bool:
    """Whether the capitals glued to a figure (token k) make it a name, not a quantity: "5G",
    "3D", "Section 3A", "a Boeing 777F", "F-16C". Magnitudes ("10M", "2B", "4K") and
    whatever `unit_at` takes for a unit ("9W"; "40C" where the sentence speaks of
    temperature) are not names."""
    nt = s.toks[k]
    text = nt.text
    if not (nt.glued and nt.kind == "word" and len(text) <= 2 and text.isupper()):
        return False
    if text in GLUED_MAGNITUDES or text.lower() in MAGNITUDE_WORDS:
        return False
    return unit_at(s, k) is None


_QUIET: dict[str, bool] = {}  # token text -> _starts_nothing, for words and symbols
_QUIET_MAX = 100_000  # distinct texts remembered (a bound for hostile input)


def _starts_nothing(t: Token) -> bool:
    """True when a value can start at this word or symbol token only if "$" follows it.

    It mirrors what `expr_at` looks at first: the currency prefixes of `currency_prefix` (a word
    before "$" aside, which the caller checks) and the figures of `figure_at`; a token that is
    none of those makes both return None. Depends on the token's text alone, so it is memoized.
    """
    quiet = _QUIET.get(t.text)
    if quiet is None:
        text, low = t.text, t.lower
        may_start = (
            text == "."
            or text in fr.VULGAR
            or text in mo.YEN_SYMBOLS
            or text in mo.SYMBOLS
            or low in ("nought", "naught")
            or (
                t.kind == "word"
                and (
                    is_number_word(t)
                    or text in mo.ISO_CODES
                    or text in mo.ALIASES
                    or low in mo.LOWERCASE_CODES
                    or mo.million_code(text) is not None
                )
            )
        )
        quiet = not may_start
        if len(_QUIET) < _QUIET_MAX:
            _QUIET[t.text] = quiet
    return quiet
