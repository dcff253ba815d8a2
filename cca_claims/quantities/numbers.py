"""Tokens and figures: the lexical layer of the value reader.

Text is cut into tokens by one linear regex (digit runs, letter runs, single other characters), so
no input can make the reader backtrack. Figures are then assembled from tokens: digits with
thousands separators (",", ".", "'", a space or thin space), decimals, exponents, number words
("twenty-four", "a hundred", "a dozen") and magnitude words ("million", "bn", "k").

A figure keeps the precision it was written with: `Figure.half_unit` is half a unit of its last
significant digit ("94.8" -> 0.05, "420" -> 5), which the reader turns into an interval.
"""

from __future__ import annotations

import cca_claims.quantities.powers as _powers

# the tokens and the figure record live in the leaf module `tokens` (powers needs them too);
# their names stay importable from here
from cca_claims.quantities.tokens import (  # noqa: F401 - re-exported for callers
    Figure,
    Token,
    _digits_precision,
    gap_text,
    int_figure,
    tokenize,
)

# Spaces that may separate groups of thousands: space, no-break space, thin spaces.
# A figure has at most this many separated groups (999,999,999,999,999,999.99).
MAX_GROUPS = 8
GROUP_SPACES = {" ", "\u00a0", "\u2009", "\u202f", "\u2007"}


UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Magnitudes that may follow a figure. "m" and "b" are handled by the reader (they depend on
# whether a currency is present).
MAGNITUDE_WORDS = {
    "thousand": 1e3,
    "thousands": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "mil": 1e6,
    "tln": 1e12,
    "hundred": 1e2,
    "dozen": 12.0,
    "dozens": 12.0,
    "doz": 12.0,
    "dozs": 12.0,
    "dz": 12.0,
    "dzs": 12.0,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
CURRENCY_ONLY_MAGNITUDES = {"m": 1e6, "b": 1e9, "mm": 1e6}
# Glued capitals that are magnitudes even without a currency: "10M", "1MM".
GLUED_MAGNITUDES = {"M": 1e6, "MM": 1e6, "B": 1e9, "BN": 1e9}
FRACTION_WORDS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
    "hundredth": 100,
    "hundredths": 100,
    "thousandth": 1000,
    "thousandths": 1000,
    "millionth": 1e6,
    "millionths": 1e6,
    "billionth": 1e9,
    "billionths": 1e9,
    "trillionth": 1e12,
    "trillionths": 1e12,
}
VULGAR = {
    "½": 0.5,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 0.25,
    "¾": 0.75,
    "⅕": 0.2,
    "⅖": 0.4,
    "⅗": 0.6,
    "⅘": 0.8,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 0.125,
    "⅜": 0.375,
    "⅝": 0.625,
    "⅞": 0.875,
}
WORD_MAGNITUDES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def read_digits(tokens: list[Token], i: int, text: str) -> Figure | None:
    """A figure written in digits starting at token i (a "num" token, or "." before digits)."""
    n = len(tokens)
    t = tokens[i]
    if t.kind == "sym" and t.text == "." and i + 1 < n and tokens[i + 1].kind == "num":
        if tokens[i + 1].glued and not (i > 0 and tokens[i - 1].kind == "num" and t.glued):
            dec = tokens[i + 1].text
            return Figure(float("0." + dec), i, i + 1, 0.5 * 10 ** (-len(dec)), False)
        return None
    if t.kind != "num":
        return None
    if i >= 2 and t.glued and tokens[i - 1].text in ",.'’" and tokens[i - 1].glued:
        if tokens[i - 2].kind == "num":  # the middle of "192.168.1.2": one integer at a time
            return int_figure(t.text, i, i)
    # Collect the chain of glued separators and digit groups: 1,234,567.89 / 1.234,56 / 1'000
    chain: list[tuple[str, str, int]] = []  # (separator, digits, token index of digits)
    j = i
    while j + 2 < n and len(chain) < MAX_GROUPS:
        sep, dig = tokens[j + 1], tokens[j + 2]
        if (
            sep.kind == "sym"
            and sep.text in ",.'’"
            and sep.glued
            and dig.kind == "num"
            and dig.glued
        ):
            chain.append((sep.text, dig.text, j + 2))
            j += 2
        else:
            break
    int_part, decimals, last = t.text, "", i
    if chain:
        seps = [c[0] for c in chain]
        groups = [c[1] for c in chain]
        if len(set(seps)) == 1:
            sep = seps[0]
            if all(len(g) == 3 for g in groups) and len(t.text) <= 3:
                k = chain[-1][2]
                whole = (  # "1.899,-": the ",-" of a price in whole units
                    k + 2 < n
                    and tokens[k + 1].text in ",."
                    and tokens[k + 1].glued
                    and tokens[k + 2].text in ("-", "–")
                    and tokens[k + 2].glued
                )
                if sep == "." and len(groups) == 1 and not whole:
                    int_part, decimals = t.text, groups[0]  # "1.234": an English decimal
                else:
                    int_part = t.text + "".join(groups)
                last = chain[-1][2]
            elif len(groups) == 1 and sep in ".,":
                int_part, decimals, last = t.text, groups[0], chain[0][2]
            elif _indian(t.text, groups, sep):
                int_part, last = t.text + "".join(groups), chain[-1][2]  # "12,34,567"
            else:
                # 192.168.1.2 and the like: not one number; read the first group only.
                return _powers.with_exponent(tokens, int_figure(t.text, i, i), n)
        else:
            head, tail = chain[:-1], chain[-1]
            if (
                tail[0] == "."
                and len(set(c[0] for c in head)) == 1
                and head[0][0] == ","
                and _indian(t.text, [c[1] for c in head], ",")
            ):
                int_part = t.text + "".join(c[1] for c in head)  # "12,34,567.89"
                decimals, last = tail[1], tail[2]
            elif (
                all(len(c[1]) == 3 for c in head)
                and len(set(c[0] for c in head)) == 1
                and tail[0] in ".,"
                and tail[0] != head[0][0]
                and len(t.text) <= 3
            ):
                int_part = t.text + "".join(c[1] for c in head)
                decimals, last = tail[1], tail[2]
            else:
                return _powers.with_exponent(tokens, int_figure(t.text, i, i), n)
    elif len(t.text) <= 3:
        # Thousands separated by spaces or thin spaces: "816 000 t", "$13 009 million".
        j, groups = i, []
        while j + 1 < n and len(groups) < MAX_GROUPS:
            nxt = tokens[j + 1]
            gap_ok = nxt.kind == "num" and len(nxt.text) == 3 and not nxt.glued
            if gap_ok:
                gap_start = tokens[j].end
                gap = nxt.start - gap_start
                gap_ok = gap == 1 and text[gap_start] in GROUP_SPACES
            if not gap_ok:
                break
            # A following glued digit separator would make the group something else ("100 200,5").
            groups.append(nxt.text)
            j += 1
        if groups:
            int_part = t.text + "".join(groups)
            last = j
            if (
                last + 2 < n
                and tokens[last + 1].text in ".,"
                and tokens[last + 1].glued
                and tokens[last + 2].kind == "num"
                and tokens[last + 2].glued
            ):
                decimals = tokens[last + 2].text
                last += 2
    value = float(int_part + ("." + decimals if decimals else ""))
    fig = Figure(value, i, last, _digits_precision(int_part, decimals), not decimals)
    return _powers.with_exponent(tokens, fig, n)


def _indian(head: str, groups: list[str], sep: str) -> bool:
    """Indian digit grouping: "12,34,567" (pairs of digits, then the last three)."""
    return (
        sep == ","
        and len(groups) >= 2
        and len(head) <= 2
        and len(groups[-1]) == 3
        and all(len(g) == 2 for g in groups[:-1])
    )
