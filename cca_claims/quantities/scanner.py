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

from dataclasses import replace

import cca_claims.quantities.fractions as fr
import cca_claims.quantities.lexicon as lx
import cca_claims.quantities.money as mo
import cca_claims.quantities.units as un
from cca_claims.quantities.compound import CompoundPhrases
from cca_claims.quantities.expression import Expr as _Expr
from cca_claims.quantities.money_phrases import (
    currency_prefix,
    currency_suffix,
    million_code,
    whole_units,
)
from cca_claims.quantities.numbers import (
    CURRENCY_ONLY_MAGNITUDES,
    GLUED_MAGNITUDES,
    MAGNITUDE_WORDS,
    Figure,
    Token,
    read_digits,
)
from cca_claims.quantities.numwords import is_number_word, read_words
from cca_claims.quantities.shares import out_of, over, qualified_half
from cca_claims.quantities.suffixes import after_hyphen, unit_at
from cca_claims.quantities.tokens import TokenStream


class Scanner(CompoundPhrases, TokenStream):
    """One walk over the tokens of a text (see the module docstring); `masked` are the tokens
    an earlier pass took (dates, web addresses, phone numbers)."""

    # ------------------------------------------------------------------ figures
    def figure_at(self, j: int) -> Figure | None:
        t = self.tok(j)
        if t is None or not self.free(j):
            return None
        if t.kind == "num" or (t.text == "." and self.tok(j + 1) is not None):
            if fr.is_zero_fraction(self.toks, j):
                return None
            fig = read_digits(self.toks, j, self.text)
            if fig is not None:
                fig = fr.with_fraction(self.toks, fig, self.text)
        elif is_number_word(t):
            fig = read_words(self.toks, j)
            if fig is not None:
                fig = fr.of_magnitude(self.toks, fr.with_point(self.toks, fig))
            elif t.lower in ("a", "an"):
                fig = self.one_measure(j)
            elif t.lower == "half" and qualified_half(self, j):
                fig = Figure(0.5, j, j, 0.0, False, True)  # "more than half of exports"
        elif t.text in fr.VULGAR:
            fig = fr.vulgar_figure(self.toks, j)
        elif t.lower in ("nought", "naught"):
            fig = fr.with_point(self.toks, fr.zero_word_figure(self.toks, j))
        else:
            return None
        if fig is not None:
            fig = out_of(self, over(self, fig))
        if fig is None or any(k in self.masked for k in range(fig.first, fig.last + 1)):
            return None
        return fig

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
        fig = self.figure_at(j)
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
        broken = None if pre is not None else self.broken_grouping(fig)
        if broken is not None:
            return broken
        k = fig.last + 1
        nt = self.tok(k)
        # clock times and ordinals are not quantities
        if nt is not None and not fig.words:
            if nt.text == ":" and nt.glued and self.tok(k + 1) and self.toks[k + 1].glued:
                if self.toks[k + 1].kind == "num" and len(self.toks[k + 1].text) == 2:
                    return k + 2
            if (nt.lower in ("am", "pm") and self._clock_figure(fig)) or (
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
        self.magnitude(expr)
        self.full_suffix(expr)
        if pre is not None:
            whole_units(self, expr)
            million_code(expr)
        self.range_tail(expr)
        if expr.low is None:
            self.postfix_qualifier(expr)
        self.prefix_qualifier(expr)
        self.qualifier_join(expr)
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

    # ------------------------------------------------------------------ parts
    def magnitude(self, expr: _Expr, which: str = "fig") -> None:
        fig: Figure = getattr(expr, which)
        k = after_hyphen(self, fig.last + 1)
        t = self.tok(k)
        if t is None or not self.free(k) or t.kind != "word" or fig.words and fig.magnitude != 1:
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
            money_after = currency_suffix(self, k + 1) is not None
            if expr.currency or money_after:
                factor = CURRENCY_ONLY_MAGNITUDES[t.lower]
        if factor is None:
            return
        # "3 lakh crore", "two hundred million": a smaller magnitude word before a larger one
        nxt = self.tok(k + 1)
        if nxt is not None and self.free(k + 1) and factor in (1e2, 1e3, 1e5):
            factor2 = MAGNITUDE_WORDS.get(nxt.lower)
            if factor2 is not None and factor2 > factor and factor2 >= 1e5:
                factor, k = factor * factor2, k + 1
        scaled = fig.scaled(factor, k, self.toks[k].text)
        # "3 million and a half": half a million more
        if self.low(k + 1) == "and" and self.low(k + 2) in ("a", "one"):
            share = {"half": 0.5, "quarter": 0.25}.get(self.low(k + 3))
            if share is not None and factor >= 1e3 and self.free(k + 3):
                value = scaled.value + share * factor * (-1 if fig.value < 0 else 1)
                scaled = replace(scaled, value=value, last=k + 3)
                k += 3
        elif not fig.words and fig.integer:
            scaled, k = self.digit_groups(scaled, factor, k)
        setattr(expr, which, scaled)
        expr.last = max(expr.last, k)

    def digit_groups(self, fig: Figure, factor: float, k: int) -> tuple[Figure, int]:
        """Smaller digit groups after a digit magnitude: "4 thousand 3 hundred and 21".

        Each group has a smaller magnitude word than the one before it; a bare number closes
        the figure only after "hundred and" ("3 hundred and 21"), as in written-out numbers.
        """
        value, half = fig.value, fig.half_unit
        sign = -1 if value < 0 else 1
        while factor > 1e2:
            m = k + 1
            has_and = self.low(m) == "and"
            m += has_and
            sub = self._group_at(m)
            if sub is None:
                break
            f2 = MAGNITUDE_WORDS.get(self.low(sub.last + 1))
            if f2 not in (1e2, 1e3, 1e6, 1e9) or f2 >= factor or sub.value * f2 >= factor:
                break
            if not self.free(sub.last + 1):
                break
            value += sign * sub.value * f2
            factor, k, half = f2, sub.last + 1, 0.5 * f2
        if factor == 1e2 and self.low(k + 1) == "and":
            sub = self._group_at(k + 2)
            # "3 hundred and 2 million" is two figures
            if (
                sub is not None
                and sub.value < 100
                and self.low(sub.last + 1) not in MAGNITUDE_WORDS
            ):
                value += sign * sub.value
                k, half = sub.last, 0.5
        if value == fig.value:
            return fig, k
        return replace(fig, value=value, last=k, half_unit=half), k

    def _group_at(self, m: int) -> Figure | None:
        """A plain digit integer at token m that stands on its own ("3" in "3 hundred")."""
        t = self.tok(m)
        if t is None or t.kind != "num" or t.glued or not self.free(m):
            return None
        sub = read_digits(self.toks, m, self.text)
        if sub is None or not sub.integer or sub.last != m:
            return None
        return sub


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
