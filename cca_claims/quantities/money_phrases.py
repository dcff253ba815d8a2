"""Currency phrases of the value reader: currencies written before or after a figure, and the
amount conventions that come with them ("Rp 31.500", "30 MUSD", "75 USD million").

Functions over the value pass's `tokens.TokenStream`: `currency_prefix` and `currency_suffix` read
a currency at a token and return what they found (or None); `whole_units`, `million_code` and
`late_magnitude` adjust a money expression the scanner has assembled. They use no other phrase
module.
"""

from __future__ import annotations

from dataclasses import replace

import cca_claims.quantities.money as mo
from cca_claims.quantities.expression import Expr as _Expr
from cca_claims.quantities.expression import join_tokens as _join
from cca_claims.quantities.numbers import MAGNITUDE_WORDS, Figure
from cca_claims.quantities.tokens import TokenStream


def currency_prefix(s: TokenStream, i: int) -> tuple[str | None, str, int, str] | None:
    """(iso, written, index after the prefix, note) for a currency written before a figure."""
    t = s.tok(i)
    if t is None or not s.free(i):
        return None
    nxt = i + 1
    written, iso, note = t.text, None, ""
    if t.text in mo.YEN_SYMBOLS:
        iso = s.ctx.yen_means
        note = f"¥ read as {iso} (corpus setting)"
    elif (
        t.kind == "word"
        and s.low(i + 1) == "$"
        and (s.toks[i + 1].glued or t.lower not in ("a", "s", "r"))
    ):
        key = t.text.upper() + "$"
        if key in mo.SYMBOLS:
            iso = mo.SYMBOLS[key]
        elif t.text.upper() in mo.ISO_CODES and s.toks[i + 1].glued:
            iso = t.text.upper()  # "NZD$15", "MXN$ 15"
        elif t.text in mo.DOLLAR_CODES:
            iso = t.text  # "NZD $100.70"
        else:
            return None
        written, nxt = t.text + "$", i + 2
    elif t.text in mo.SYMBOLS and (t.kind == "sym" or t.text in ("Rs", "Rp", "RM", "KD")):
        iso = mo.SYMBOLS[t.text]
        if t.text == "$":
            note = "$ read as US dollar"
    elif t.kind == "word" and (t.text in mo.ISO_CODES or t.text in mo.ALIASES):
        iso = mo.ALIASES.get(t.text, t.text)
    elif t.kind == "word" and t.lower in mo.LOWERCASE_CODES:
        iso = mo.ALIASES.get(t.text.upper(), t.text.upper())
    elif t.kind == "word" and mo.million_code(t.text):
        iso = mo.million_code(t.text)
    else:
        return None
    # "US$:12.99", "Rs. 500", "USD-5" are still prefixes
    if s.low(nxt) in (":", ".") and s.toks[nxt].glued:
        after = s.tok(nxt + 1)
        if after is not None and after.kind == "num":
            sep = s.tok(nxt + 2)
            decimal = after.glued and t.kind == "sym"
            if sep is not None and sep.glued and sep.text in ".,":
                decimal = False  # "$.750.30": the dot is punctuation after the sign
            if not (s.low(nxt) == "." and decimal):
                nxt += 1  # "$.75" keeps its decimal point
    return iso, written, nxt, note


def currency_suffix(s: TokenStream, k: int) -> tuple[str | None, str, int, float, str] | None:
    """(iso, written, last index, subunit share, note) for a currency written after a figure."""
    t = s.tok(k)
    if t is None or not s.free(k):
        return None
    if t.text in mo.YEN_SYMBOLS:
        return (
            s.ctx.yen_means,
            t.text,
            k,
            1.0,
            f"¥ read as {s.ctx.yen_means} (corpus setting)",
        )
    if t.kind == "sym" and t.text in mo.SYMBOLS:
        return mo.SYMBOLS[t.text], t.text, k, 1.0, ""
    if t.kind == "word" and (t.text in mo.ISO_CODES or t.text in mo.ALIASES):
        return mo.ALIASES.get(t.text, t.text), t.text, k, 1.0, ""
    if t.kind == "word" and t.lower in mo.LOWERCASE_CODES:
        code = t.text.upper()
        return mo.ALIASES.get(code, code), t.text, k, 1.0, ""
    if t.kind == "word" and mo.million_code(t.text):
        return mo.million_code(t.text), t.text, k, 1.0, ""
    if t.kind == "word" and t.text in mo.SYMBOLS:
        last = k
        if s.low(k + 1) == "." and s.toks[k + 1].glued and t.text + "." in mo.SYMBOLS:
            last = k + 1
        return mo.SYMBOLS[t.text], t.text, last, 1.0, ""
    if t.kind != "word":
        return None
    # names of up to three words, longest first ("hong kong dollars", "us dollars")
    for size in range(mo.MAX_NAME_WORDS + 3, 0, -1):
        if k + size > s.n:
            continue
        key = _join(s.toks, k, k + size).lower()
        key = key.replace(" .", ".").replace("u.s.", "u.s. ").replace("  ", " ").strip()
        if key in mo.NAMES:
            iso = mo.NAMES[key]
            note = mo.AMBIGUOUS_NOTE.get(key.rstrip("s"), "")
            if key in ("dollar", "dollars"):
                note = "dollars read as US dollars"
            return iso, _join(s.toks, k, k + size), k + size - 1, 1.0, note
        if key in mo.SUBUNITS:
            iso, share = mo.SUBUNITS[key]
            return iso, key, k + size - 1, share, f"{key} read as {share:g} {iso}"
    return None


def whole_units(s: TokenStream, expr: _Expr) -> None:
    """ "Rp 31.500", "1.727 Ft": in whole-unit currencies a dot groups thousands."""
    fig = expr.fig
    if expr.iso not in mo.WHOLE_UNIT_CODES or fig.last != fig.first + 2:
        return
    a, dot, b = s.toks[fig.first], s.toks[fig.first + 1], s.toks[fig.last]
    if dot.text != "." or len(b.text) != 3 or len(a.text) > 3 or a.kind != "num":
        return
    if fig.magnitude != 1 or b.kind != "num" or fig.integer:
        return  # fig.integer: already read as a whole number
    expr.fig = Figure(float(a.text + b.text), fig.first, fig.last, 0.5, True, False)
    expr.notes.append(f"'.' read as a thousands separator ({expr.iso} is written in whole units)")


def million_code(expr: _Expr) -> None:
    """ "30 MUSD", "MAUD 60": the figure counts millions of the currency."""
    if mo.million_code(expr.currency) and expr.fig.magnitude == 1:
        fig = expr.fig
        expr.fig = replace(fig.scaled(1e6, fig.last, "M"), last=fig.last)
        expr.notes.append(f"{expr.currency} read as millions of {expr.iso}")


def late_magnitude(s: TokenStream, expr: _Expr) -> None:
    """ "75 USD million": a magnitude word written after the currency code."""
    k = expr.last + 1
    t = s.tok(k)
    if t is None or not s.free(k) or expr.fig.magnitude != 1 or expr.share != 1:
        return
    factor = MAGNITUDE_WORDS.get(t.lower)
    if factor is None or factor < 1e3 or t.lower.startswith(("dozen", "hundred")):
        return
    fig = expr.fig
    expr.fig = replace(fig.scaled(factor, fig.last, t.text), last=fig.last)
    expr.last = k
