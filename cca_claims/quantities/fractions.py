"""Fractions and decimals written out: "3/4", "2 1/2", "2½", "⅓", "five point five", "two thirds
of a million". Ratios in words ("one over three") are `shares.over`.

These extend a figure the lexical layer (numbers.py) has read, or start one at a vulgar-fraction
sign; `figures.figure_at` calls them. Every function looks at a fixed number of tokens after the
figure, so the reader stays linear.

Only proper fractions are read from a slash ("3/4", "1/40"): "24/7", "50/50" or "9/11" are names
or scores in news, not values, and "a/b/c" is a date or a code.
"""

from __future__ import annotations

from cca_claims.quantities.numbers import (
    TENS_WORDS,
    UNITS_WORDS,
    VULGAR,
    WORD_MAGNITUDES,
    Figure,
    Token,
)

# Words for zero that only appear in spoken or British numbers ("nought point five").
ZERO_WORDS = {"nought": 0, "naught": 0, "oh": 0}


def _proper(tokens: list[Token], k: int) -> tuple[float, int] | None:
    """(value, last index) for a proper digit fraction "a/b" starting at token k."""
    n = len(tokens)
    if k + 2 >= n:
        return None
    a, slash, b = tokens[k], tokens[k + 1], tokens[k + 2]
    if a.kind != "num" or slash.text not in ("/", "⁄") or not slash.glued or not b.glued:
        return None
    if b.kind != "num":
        return None
    if k + 3 < n and tokens[k + 3].glued and tokens[k + 3].text in ("/", "⁄", ".", ","):
        if k + 4 < n and tokens[k + 4].kind == "num":
            return None  # "5/17/2018", "1/2.5": a date or a code
    num, den = int(a.text), int(b.text)
    if den == 0 or not 0 < num < den or len(b.text) > 4:
        return None
    return num / den, k + 2


def is_zero_fraction(tokens: list[Token], i: int) -> bool:
    """ "1/0": a division by zero, not a value."""
    n = len(tokens)
    return (
        i + 2 < n
        and tokens[i].kind == "num"
        and tokens[i + 1].text == "/"
        and tokens[i + 1].glued
        and tokens[i + 2].glued
        and tokens[i + 2].kind == "num"
        and int(tokens[i + 2].text) == 0
    )


def vulgar_figure(tokens: list[Token], i: int) -> Figure | None:
    """A figure that is one vulgar-fraction sign: "½ teaspoon", "the result is ⅔"."""
    t = tokens[i]
    if t.text in VULGAR:
        return Figure(VULGAR[t.text], i, i, 0.0, False)
    return None


def with_fraction(tokens: list[Token], fig: Figure, text: str) -> Figure:
    """A digit figure extended by a fraction: "3/4", "2 1/2", "2½", "10 1/2 miles"."""
    n = len(tokens)
    i, k = fig.first, fig.last + 1
    if not fig.integer or fig.last != fig.first:
        return fig
    whole = tokens[i]
    # "3/4": the figure itself is the numerator
    proper = _proper(tokens, i)
    if proper is not None:
        return Figure(proper[0], i, proper[1], 0.0, False)
    if k >= n:
        return fig
    nxt = tokens[k]
    # "2½", "2 ½"
    if nxt.text in VULGAR and (nxt.glued or nxt.start - whole.end == 1):
        return Figure(fig.value + VULGAR[nxt.text], i, k, 0.0, False)
    # "2 1/2", "2  1/4": a whole number, spaces, a proper fraction
    if not nxt.glued and nxt.kind == "num" and text[whole.end : nxt.start].strip() == "":
        proper = _proper(tokens, k)
        if proper is not None and nxt.start - whole.end <= 2:
            return Figure(fig.value + proper[0], i, proper[1], 0.0, False)
    return fig


def _digit_word(tok: Token) -> str | None:
    w = tok.lower
    if w in ZERO_WORDS:
        return "0"
    if w in UNITS_WORDS:
        return str(UNITS_WORDS[w])
    if w in TENS_WORDS:
        return str(TENS_WORDS[w])
    return None


def with_point(tokens: list[Token], fig: Figure) -> Figure:
    """A figure in words extended by spoken decimals: "five point five", "zero point zero eight"."""
    n = len(tokens)
    k = fig.last + 1
    if not fig.words or k + 1 >= n or tokens[k].lower != "point":
        return fig
    digits, last = "", k
    for j in range(k + 1, min(n, k + 9)):
        d = _digit_word(tokens[j])
        if d is None:
            break
        digits += d
        last = j
    if not digits:
        return fig
    value = float(f"{int(fig.value)}.{digits}") if fig.value == int(fig.value) else fig.value
    return Figure(value, fig.first, last, 0.5 * 10 ** (-len(digits)), False, True)


def zero_word_figure(tokens: list[Token], i: int) -> Figure | None:
    """ "nought", "naught" as zero (not "oh", which is a word far more often than a digit)."""
    t = tokens[i]
    if t.lower in ("nought", "naught"):
        return Figure(0.0, i, i, 0.0, True, True)
    return None


def of_magnitude(tokens: list[Token], fig: Figure) -> Figure:
    """A fraction in words of a magnitude: "two thirds of a million", "a quarter of a billion".

    Only a fraction below one written in words, then "of a" and a magnitude word: "a third of
    a billion people" is about 333 million people, not a third and a billion.
    """
    n = len(tokens)
    k = fig.last + 1
    if not fig.words or fig.integer or not 0 < fig.value < 1 or k + 2 >= n:
        return fig
    if tokens[k].lower != "of" or tokens[k + 1].lower not in ("a", "an"):
        return fig
    mag = WORD_MAGNITUDES.get(tokens[k + 2].lower)
    if mag is None:
        return fig
    return Figure(fig.value * mag, fig.first, k + 2, 0.0, False, True, mag, tokens[k + 2].lower)
