"""Exponents and powers glued to a digit figure: "94.82e9", "5.5x10-3", "1.5×10⁹", "10⁻³", "2^10",
"8x2^10" (a mantissa times a power of any base).

Part of the lexical layer: `numbers.read_digits` reads the figure and hands it here. Every function
looks at a fixed number of tokens after the figure, so the reader stays linear.
"""

from __future__ import annotations

import math

import cca_claims.quantities.tokens as nb

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_SIGNS = {"⁻": -1, "⁺": 1}


def _superscript_power(tokens: list[nb.Token], m: int, n: int) -> tuple[int, int] | None:
    """(exponent, last index) of a glued superscript exponent at token m: "⁹", "⁻³"."""
    sign = 1
    if m < n and tokens[m].text in _SUPERSCRIPT_SIGNS and tokens[m].glued:
        sign, m = _SUPERSCRIPT_SIGNS[tokens[m].text], m + 1
    if m >= n or not tokens[m].glued or len(tokens[m].text) > 3:
        return None
    digits = tokens[m].text.translate(_SUPERSCRIPT_DIGITS)
    if not digits.isdecimal() or digits == tokens[m].text:
        return None
    return sign * int(digits), m


def with_exponent(tokens: list[nb.Token], fig: nb.Figure, n: int) -> nb.Figure:
    """Apply a glued exponent or power: "94.82e9", "1.2E+6", "5.5x10-3", "1.5×10⁹", "10⁻³",
    "8x2^10" (a mantissa times a power of any base; only base 10 without a caret or
    superscript: "4x4" is a vehicle, "3x3" a game)."""
    k = fig.last + 1
    if k + 1 < n and tokens[k].text == "^" and tokens[k].glued:
        return _with_power(tokens, fig, k + 1, n)
    if k < n and fig.integer and fig.value == 10 and fig.first == fig.last:
        sup = _superscript_power(tokens, k, n)
        if sup is not None:  # "10⁹", "10⁻³"
            return _powered(fig, 1.0, 10.0, sup[0], sup[1])
    if k + 3 < n and tokens[k].lower in ("x", "×") and not tokens[k].glued:
        ten, m = tokens[k + 1], k + 2
        if ten.text == "10" and not ten.glued and tokens[m].glued:
            # "2.5 x 10^6", "1.5 × 10⁹": spaced, so only with a written power of ten
            sup = _superscript_power(tokens, m, n)
            if sup is not None:
                return _powered(fig, fig.value, 10.0, sup[0], sup[1])
            if tokens[m].text == "^":
                power = _with_power(tokens, nb.int_figure("10", k + 1, k + 1), m + 1, n)
                if power.last > m:
                    return _powered(
                        fig, fig.value, 10.0, round(math.log10(power.value)), power.last
                    )
        return fig
    if k < n and tokens[k].glued and tokens[k].lower in ("e", "x", "×") and k + 1 < n:
        sign, m = 1, k + 1
        if tokens[k].lower in ("x", "×"):
            base = tokens[m]
            if base.kind != "num" or not base.glued or len(base.text) > 3 or m + 1 >= n:
                return fig
            m += 1
            sup = _superscript_power(tokens, m, n)
            if sup is not None:  # "1.5×10⁹", "3x2⁸"
                return _powered(fig, fig.value, float(base.text), sup[0], sup[1])
            if tokens[m].text == "^" and tokens[m].glued and m + 1 < n:
                m += 1
                if base.text != "10":  # "8x2^10": a mantissa times a power of two
                    power = _with_power(tokens, nb.int_figure(base.text, m - 2, m - 2), m, n)
                    if power.last == m - 2:
                        return fig
                    return nb.Figure(fig.value * power.value, fig.first, power.last, 0.0, False)
            elif base.text != "10":
                return fig
        if tokens[m].text in ("+", "-", "−") and tokens[m].glued and m + 1 < n:
            sign = -1 if tokens[m].text in ("-", "−") else 1
            m += 1
        if tokens[m].kind == "num" and tokens[m].glued and len(tokens[m].text) <= 3:
            if m + 1 < n and tokens[m + 1].glued and tokens[m + 1].kind == "word":
                return fig  # "2e9x" is an identifier, not a number
            if int(tokens[m].text) > 300:
                return fig  # "5e999": beyond a float; not a value anyone writes
            factor = 10.0 ** (sign * int(tokens[m].text))
            return nb.Figure(fig.value * factor, fig.first, m, fig.half_unit * factor, False)
    return fig


def _powered(fig: nb.Figure, mantissa: float, base: float, exp: int, last: int) -> nb.Figure:
    """`mantissa` times `base` to the power `exp`, spanning the figure to token `last`."""
    if abs(exp) > 300 or base == 0 and exp < 0:
        return fig
    try:
        factor = base**exp
    except OverflowError:
        return fig
    if math.isinf(factor) or math.isinf(mantissa * factor):
        return fig
    # the mantissa's written precision; "10⁹" alone and powers of other bases are exact
    half = fig.half_unit * factor if base == 10 and fig.value == mantissa else 0.0
    return nb.Figure(mantissa * factor, fig.first, last, half, False)


def _with_power(tokens: list[nb.Token], fig: nb.Figure, m: int, n: int) -> nb.Figure:
    """A glued power "1.1^23", "2.5^-1" (m at the token after the caret)."""
    sign = 1
    if tokens[m].text in ("+", "-", "−") and tokens[m].glued and m + 1 < n:
        sign = -1 if tokens[m].text in ("-", "−") else 1
        m += 1
    exp_tok = tokens[m]
    if exp_tok.kind != "num" or not exp_tok.glued or len(exp_tok.text) > 3:
        return fig
    if m + 1 < n and tokens[m + 1].glued and tokens[m + 1].text in (".", ",", "^"):
        return fig  # "2^1.5", "2^3^2": not read rather than misread
    exp = sign * int(exp_tok.text)
    try:
        value = fig.value**exp
        # the written precision of the base, carried through the power
        half = abs(exp * fig.value ** (exp - 1) * fig.half_unit) if fig.value else 0.0
    except (OverflowError, ZeroDivisionError):
        return fig
    if math.isinf(value) or math.isinf(half):
        return fig
    return nb.Figure(value, fig.first, m, half, False)
