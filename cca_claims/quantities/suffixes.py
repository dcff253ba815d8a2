"""What follows a figure: its unit, its currency or percent sign, its counted noun.

Functions over the value pass's `tokens.TokenStream`. `unit_at` reads a unit at a token ("km",
"cubic meters", "°C", "kg/cm³", a scientific symbol pint knows) and returns it or None;
`after_hyphen` steps over the hyphen of "5-year". `suffix` fills in the unit, currency suffix
(`money_phrases.currency_suffix`), percent or counted noun (`noun`: "24 bilateral agreements") of
an expression from the token after its last one, and `per_unit` the unit of "$5 a barrel". Each
looks at a bounded number of tokens.
"""

from __future__ import annotations

import cca_claims.quantities.lexicon as lx
import cca_claims.quantities.money as mo
import cca_claims.quantities.units as un
from cca_claims.quantities.datacues import data_context, temperature_context
from cca_claims.quantities.expression import Expr as _Expr
from cca_claims.quantities.expression import join_tokens as _join
from cca_claims.quantities.money_phrases import currency_suffix
from cca_claims.quantities.tokens import TokenStream

_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}


def after_hyphen(s: TokenStream, k: int) -> int:
    """k + 1 when token k is a hyphen joining a figure to a word ("5-year", "$1.5-billion")."""
    t, w = s.tok(k), s.tok(k + 1)
    if t is None or w is None or t.text not in ("-", "‑") or not t.glued or not w.glued:
        return k
    return k + 1 if w.kind == "word" and s.free(k + 1) else k


def suffix(s: TokenStream, expr: _Expr) -> None:
    """A percent sign, currency, unit or counted noun right after the expression's last token."""
    k = expr.last + 1
    t = s.tok(k)
    if t is None or not s.free(k):
        return
    h = after_hyphen(s, k)
    if h != k:  # "a 5-year plan", "a 12-cent dividend", "$1.5-billion"
        cur = None if expr.currency else currency_suffix(s, h)
        if cur is not None:
            expr.iso, expr.currency, expr.last, expr.share, note = cur
            if note:
                expr.notes.append(note)
            return
        unit = unit_at(s, h)
        if unit is not None:
            expr.unit_expr, expr.unit_text, expr.last = unit
            return
        if s.low(h) in ("percent", "pct"):
            expr.percent, expr.last = True, h
            return
    # percent
    if t.text == "%" or t.text == "٪":
        expr.percent, expr.last = True, k
        return
    key2 = (t.lower + " " + s.low(k + 1)).strip()
    if t.lower in ("percent", "percents", "pct", "percentage") or key2 == "per cent":
        expr.percent = True
        expr.last = k + 1 if key2 == "per cent" else k
        if s.low(expr.last + 1) in ("point", "points"):
            expr.last += 1
            expr.notes.append("percentage points read as percent")
        return
    if not expr.currency:
        cur = currency_suffix(s, k)
        if cur is None and t.lower in mo.POUND_NAMES:
            if expr.fig.magnitude != 1 or s.low(k + 1) == "sterling":
                cur = ("GBP", t.text, k, 1.0, "pounds read as pounds sterling")
        if cur is not None:
            expr.iso, expr.currency, expr.last, expr.share, note = cur
            if note:
                expr.notes.append(note)
            per_unit(s, expr)
            return
    else:
        # "$5 USD": the code confirms the symbol
        cur = currency_suffix(s, k)
        if cur is not None and cur[0] == expr.iso and s.toks[k].kind == "word":
            expr.last = cur[2]
        elif (
            cur is not None
            and expr.currency == "$"
            and cur[0] in mo.DOLLAR_CODES
            and s.toks[k].kind == "word"
        ):
            # "$1,190.00 AUD": the code says which dollar the "$" is
            expr.iso, expr.last = cur[0], cur[2]
            expr.notes = [n for n in expr.notes if n != "$ read as US dollar"]
        per_unit(s, expr)
        return
    unit = unit_at(s, k)
    if unit is None and t.text in _BRACKETS and s.tok(k + 1) is not None:
        # "20 (kg)", "20 [kg]": a unit written in brackets, as in table headings
        inner = unit_at(s, k + 1)
        if inner is not None and s.low(inner[2] + 1) == _BRACKETS[t.text]:
            unit = (inner[0], inner[1], inner[2] + 1)
    if unit is None and t.text == "b" and expr.fig.integer and not expr.fig.words:
        after = s.tok(k + 1)  # "1500 b", "the 1500b packet": bits where data is spoken of
        if (after is None or not after.glued or after.kind == "sym") and data_context(
            s.text, t.start
        ):
            unit = ("bit", "b", k)
    if unit is not None:
        expr.unit_expr, expr.unit_text, expr.last = unit
        if expr.unit_expr == "tonne" and expr.unit_text.lower().startswith("ton"):
            expr.notes.append("tons read as metric tonnes")
        return
    noun(s, expr)


def per_unit(s: TokenStream, expr: _Expr) -> None:
    """ "$5 a barrel", "$300 per tonne": money per a unit."""
    k = expr.last + 1
    if s.low(k) in ("per", "/", "a") and s.tok(k + 1) is not None:
        unit = unit_at(s, k + 1)
        if unit is not None:
            expr.notes.append(f"money per {unit[1]}")
            expr.last = unit[2]


def unit_at(s: TokenStream, k: int) -> tuple[str, str, int] | None:
    """(pint expression, text as written, last index) for a unit starting at token k."""
    t = s.tok(k)
    if t is None or not s.free(k) or t.kind == "num":
        return None
    if t.kind == "sym" and t.text not in ("°", "º", "℃", "℉", "µ", "μ"):
        return None
    for size in range(min(un.MAX_UNIT_WORDS + 2, s.n - k), 0, -1):
        if any(not s.free(x) for x in range(k, k + size)):
            continue
        written = _join(s.toks, k, k + size)
        # the unit must end at a word boundary: "5 ms" is not "5 m" + "s"
        end_tok = s.tok(k + size)
        if end_tok is not None and end_tok.glued and end_tok.kind in ("word", "num"):
            if not written.endswith(("²", "³")):
                continue
        expr = un.CASED_UNITS.get(written) or un.UNIT_SURFACES.get(written.lower())
        if expr is None:
            continue
        low = written.lower()
        if low in un.LOWERCASE_ONLY_SYMBOLS and written != low and written not in un.CASED_UNITS:
            continue
        if low in ("in", "a", "s"):
            continue
        if written in un.GLUED_ONLY and not (
            t.glued and temperature_context(s.text, t.start, sentences=2)
        ):
            # "40C" only where the sentence speaks of temperature: "14.7C per share" is
            # cents, "the 13F filing" a form, "a Boeing 777F" a model
            continue
        # "per": compound units ("kg/cm³", "km per hour")
        last = k + size - 1
        if s.low(last + 1) in ("/", "per") and s.tok(last + 2) is not None:
            denom = unit_at(s, last + 2)
            if denom is not None and denom[0] != expr:
                return (f"({expr}) / ({denom[0]})", _join(s.toks, k, denom[2] + 1), denom[2])
        return expr, written, last
    # a scientific unit pint knows ("5 kPa", "20 MeV", "100 mSv"), looked up lazily
    nxt = s.tok(k + 1)
    if t.kind == "word" and not (nxt is not None and nxt.glued and nxt.kind in ("word", "num")):
        sci = un.scientific_unit(t.text)
        if sci is not None:
            return sci, t.text, k
    return None


def noun(s: TokenStream, expr: _Expr) -> None:
    """The counted noun within the next few words ("24 bilateral agreements")."""
    k = expr.last + 1
    words = 0
    while k < s.n and words < 5:
        t = s.toks[k]
        if not s.free(k):
            return
        if t.kind == "sym":
            if t.text in lx.RANGE_DASHES and t.glued and s.tok(k + 1) is not None:
                if s.toks[k + 1].glued and s.toks[k + 1].kind == "word":
                    k += 1
                    continue
            return
        if t.kind != "word":
            return
        w = t.lower
        if w in lx.STOP_WORDS and not (w == "and" and words > 0):
            if not (un.is_known_count_noun(w)):
                return
        if w != "and":
            if un.looks_plural(w) or un.is_known_count_noun(w):
                if un.unit_at_word(w):
                    return
                expr.noun = un.count_noun(w)
                expr.noun_text = t.text
                expr.last = k
                return
            if words == 0 and expr.fig.value == 1 and not t.text[0].isupper():
                expr.noun, expr.noun_text, expr.last = un.count_noun(w), t.text, k
                return
        words += 1
        k += 1
