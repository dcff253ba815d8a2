"""The value pass of the reader: one walk over the tokens, assembling a value expression at
each figure (`make_reading` then turns each into a `Reading`).

At each figure the scanner assembles one expression:

    [qualifier] [currency] FIGURE [magnitude] [unit] [(-|to|and) [currency] FIGURE [magnitude]]
    [currency | unit | % | counted noun] [postfix qualifier]

The phrase modules supply the parts: `money_phrases` (currency before and after a figure),
`suffixes` (units, "%", counted nouns), `compound` (ranges, qualifiers, split amounts),
and `shares` ("one in five", "more than half"). They are mixins of `Scanner` and use its token helpers (`tok`, `low`, `free`). Every step looks at a
bounded number of tokens, so the walk is linear in the length of the text.
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


class Scanner(TokenStream):
    """One walk over the tokens of a text (see the module docstring); `masked` are the tokens
    an earlier pass took (dates, web addresses, phone numbers)."""

    # ------------------------------------------------------------------ main loop
    def scan(self, skip_quiet: bool = True) -> list[_Expr]:
        """Every value expression in the text, in order; `skip_quiet=False` asks `expr_at` at
        every token (tests)."""
        out: list[_Expr] = []
        i = 0
        toks, n = self.toks, self.n
        while i < n:
            if not self.free(i):
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
            expr = self.expr_at(i)
            if expr is None:
                i += 1
                continue
            if isinstance(expr, int):  # tokens to skip (a clock time, an ordinal)
                i = max(expr, i + 1)
                continue
            out.append(expr)
            i = expr.last + 1
        return out

    def expr_at(self, i: int) -> _Expr | int | None:
        pre = currency_prefix(self, i)
        iso, written, note = None, "", ""
        j = i
        signed = False
        if pre is not None:
            iso, written, j, note = pre
            nx, dg = self.tok(j), self.tok(j + 1)
            if nx is not None and dg is not None and nx.text in ("-", "−") and nx.glued:
                if dg.glued and dg.kind == "num" and self.toks[j - 1].kind == "sym":
                    signed, j = True, j + 1  # "$-99.99": a negative amount
        fig = figure_at(self, j)
        if fig is None:
            return None
        t = self.toks[j]
        prev = self.tok(j - 1)
        if pre is None and prev is not None and t.glued:
            if prev.kind == "word" and t.kind == "num":
                return fig.last + 1  # "C5", "G20": part of a name
            if prev.text in lx.RANGE_DASHES and self.tok(j - 2) is not None:
                before = self.toks[j - 2]
                if prev.glued and before.kind == "word":
                    return fig.last + 1  # "COVID-19", "D-1"
            if prev.text in ("/", ":", "#", "№"):
                return fig.last + 1
        broken = None if pre is not None else broken_grouping(self, fig)
        if broken is not None:
            return broken
        k = fig.last + 1
        nt = self.tok(k)
        # clock times and ordinals are not quantities
        if nt is not None and not fig.words:
            if nt.text == ":" and nt.glued and self.tok(k + 1) and self.toks[k + 1].glued:
                if self.toks[k + 1].kind == "num" and len(self.toks[k + 1].text) == 2:
                    return k + 2
            if (nt.lower in ("am", "pm") and clock_figure(self, fig)) or (
                nt.lower in ("a", "p")
                and self.low(k + 1) == "."
                and self.low(k + 2) == "m"
                and self.toks[k + 1].glued
            ):
                return k + 1
            if nt.glued and nt.lower in lx.ORDINAL_SUFFIXES:
                return k + 1
            if pre is None and self._designation(k):
                return k + 1
        if fig.words and fig.first == fig.last and t.lower == "one" and pre is None:
            # "one" is a pronoun unless a unit, currency, magnitude or counted noun follows
            if nt is not None and nt.kind == "word":
                w = nt.lower
                known = (
                    w in MAGNITUDE_WORDS
                    or un.unit_at_word(w)
                    or un.is_known_count_noun(w)
                    or currency_suffix(self, k) is not None
                )
                if not known:
                    return k
        expr = _Expr(first=i, last=fig.last, fig=fig, iso=iso, currency=written)
        if note:
            expr.notes.append(note)
        if pre is None and prev is not None and prev.text in ("-", "−") and t.glued:
            before = self.tok(j - 2)
            if before is None or not prev.glued or before.kind != "num":
                if before is None or before.text not in lx.RANGE_DASHES:
                    expr.negative = True
                    expr.first = j - 1
        if signed:
            expr.negative = True
        if pre is None and self.low(j - 1) in ("minus", "negative") and self.free(j - 1):
            expr.negative = True
            expr.first = j - 1
        magnitude(self, expr)
        full_suffix(self, expr)
        if pre is not None:
            whole_units(self, expr)
            million_code(expr)
        range_tail(self, expr)
        if expr.low is None:
            postfix_qualifier(self, expr)
        prefix_qualifier(self, expr)
        qualifier_join(self, expr)
        return expr

    def _designation(self, k: int) -> bool:
        """Whether the capitals glued to a figure (token k) make it a name, not a quantity: "5G",
        "3D", "Section 3A", "a Boeing 777F", "F-16C". Magnitudes ("10M", "2B", "4K") and
        whatever `unit_at` takes for a unit ("9W"; "40C" where the sentence speaks of
        temperature) are not names."""
        nt = self.toks[k]
        text = nt.text
        if not (nt.glued and nt.kind == "word" and len(text) <= 2 and text.isupper()):
            return False
        if text in GLUED_MAGNITUDES or text.lower() in MAGNITUDE_WORDS:
            return False
        return unit_at(self, k) is None


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
