"""Figures written in words: "twenty-four", "two thousand", "a dozen", "three and a fifth",
"two thirds", "one hundred thirty-two fifths", "two and fifty-four hundredths".

The word-number half of the lexical layer (numbers.py reads digits and holds the word tables).
Every function looks at a bounded number of tokens, so the reader stays linear.
"""

from __future__ import annotations

from cca_claims.quantities.numbers import (
    FRACTION_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    WORD_MAGNITUDES,
    Figure,
    Token,
)


def read_words(tokens: list[Token], i: int) -> Figure | None:
    """A figure written in words starting at token i: "twenty-four", "two thousand", "a dozen"."""
    n = len(tokens)
    total, current, last, prev = 0.0, 0.0, -1, ""
    j = i
    if tokens[i].lower in ("a", "an"):
        nxt = tokens[i + 1].lower if i + 1 < n else ""
        if nxt in FRACTION_WORDS and nxt not in ("second", "seconds"):
            return _fraction_tail(tokens, i + 1, 1.0, i)
        if nxt not in ("hundred", "dozen", *WORD_MAGNITUDES):
            return None
        current, last, prev, j = 1.0, i, "a", i + 1
    if tokens[i].lower in ("half", "quarter"):
        # "half a million", "half million", "quarter million"
        k = i + 1
        if k < n and tokens[k].lower == "a":
            k += 1
        mags = {**WORD_MAGNITUDES, "dozen": 12.0}  # "half a dozen"
        if k < n and tokens[k].lower in mags:
            share = 0.5 if tokens[i].lower == "half" else 0.25
            return Figure(share * mags[tokens[k].lower], i, k, 0.0, True, True)
        return None
    small = ("unit", "tens")
    last_mag = 1.0
    while j < n:
        tok = tokens[j]
        w = tok.lower
        nxt = tokens[j + 1] if j + 1 < n else None
        if w in UNITS_WORDS and tok.kind == "word":
            if prev == "unit" or (prev == "tens" and UNITS_WORDS[w] >= 10):
                break
            current += UNITS_WORDS[w]
            prev = "unit"
        elif w in TENS_WORDS:
            if prev in small:
                break
            current += TENS_WORDS[w]
            prev = "tens"
        elif w == "hundred":
            if prev == "hundred" or current % 100 != current:
                break
            current = (current or 1) * 100
            prev = "hundred"
        elif w in WORD_MAGNITUDES:
            if prev == "mag":
                break
            last_mag = WORD_MAGNITUDES[w]
            total += (current or 1) * WORD_MAGNITUDES[w]
            current = 0
            prev = "mag"
        elif w in ("dozen", "dozens") and (w == "dozen" or prev in small):
            tail = current % 100  # "three hundred and two dozens": the dozens are the "two"
            if tail == 0 and current:
                break
            current = current - tail + (tail or 1) * 12
            prev = "dozen"
        elif w == "and" and prev in ("hundred", "mag") and nxt is not None:
            after = tokens[j + 2].lower if j + 2 < n else ""
            small_count = UNITS_WORDS.get(nxt.lower, 10) < 10
            if after in FRACTION_WORDS and small_count or _and_fraction(tokens, j + 1):
                # "six million and two thirds": the fraction is of the million;
                # "one hundred and three quarters": 100.75, not 103 quarters
                break
            if nxt.lower in UNITS_WORDS or nxt.lower in TENS_WORDS:
                j += 1
                continue
            break
        elif w == "-" and prev == "tens" and nxt is not None and _joins(tokens[j - 1], tok, nxt):
            if nxt.lower in UNITS_WORDS and UNITS_WORDS[nxt.lower] < 10:
                j += 1
                continue
            break
        else:
            break
        last = j
        j += 1
    if last < i or prev == "a":
        return None
    value = total + current
    nxt = tokens[last + 1] if last + 1 < n else None
    if prev == "tens" and _glued_ordinal(tokens, last + 1):
        # "one hundred thirty-fifths": one hundred of a thirty-fifth; "the twenty-first
        # century", "one hundred twenty-second", "thirty-fifths": no count, not a value
        den = _tens_ordinal(tokens, last)
        count = value - TENS_WORDS[tokens[last].lower]
        if den is not None and den[2] and count > 0:
            return Figure(count / den[0], i, den[1], 0.0, False, True)
        return None
    # "two thirds", "five eighths", "one-eighth": a count of fractions
    frac_at = last + 1
    if nxt is not None and nxt.text in ("-", "‑") and last + 2 < n:
        frac_at = last + 2  # "one-eighth", "five - eighths"
    frac_word = tokens[frac_at].lower if frac_at < n else ""
    # "the two millionth visitor" is an ordinal; "two millionths of a second" a fraction
    ordinal = value != 1 and frac_word in ("millionth", "billionth", "trillionth")
    # "a hundred thousand trillionths": any count of the tiny plural fractions
    tiny = frac_word.endswith("s") and FRACTION_WORDS.get(frac_word, 0) >= 1e6
    # "one hundred thirty-two fifths": a plural fraction word counts the whole figure before
    # it ("forty quarters" of a year stay a duration: quarters only for small counts)
    plural = frac_word.endswith("s") and frac_word not in ("quarters", "seconds")
    counted = prev in ("unit", "tens") or prev == "hundred" and plural  # "five hundred fifths"
    if frac_word in FRACTION_WORDS and (counted or tiny) and value and not ordinal:
        small = value < 100 and total == 0
        if not (frac_word.startswith("second")) and (small or tiny or plural):
            return Figure(value / FRACTION_WORDS[frac_word], i, frac_at, 0.0, False, True)
    # "three twenty-firsts": a count of fractions with a two-word denominator
    if prev in ("unit", "tens") and value and total == 0 and value < 100:
        den = _tens_ordinal(tokens, last + 1)
        if den is not None and den[2]:
            return Figure(value / den[0], i, den[1], 0.0, False, True)
    # "two and fifty-four hundredths", "two hundred and fifty-four hundredths"
    if nxt is not None and nxt.lower == "and" and prev != "mag":
        tail = _and_fraction(tokens, last + 2)
        if tail is not None and tail[2] >= 10:  # smaller counts: the branch below
            return Figure(value + tail[0], i, tail[1], 0.0, False, True)
    # "one and a half", "five and a quarter", "two million and a half", "six million and two thirds"
    if nxt is not None and nxt.lower == "and" and last + 3 < n:
        a, f = tokens[last + 2].lower, tokens[last + 3].lower
        count = 1.0 if a in ("a", "one") else float(UNITS_WORDS.get(a, 0))
        plural_ok = count == 1 and not f.endswith("s") or count > 1 and f.endswith("s")
        if 0 < count < 10 and f in FRACTION_WORDS and plural_ok:
            frac = count / FRACTION_WORDS[f]
            k = last + 3
            nxt_mag = tokens[k + 1].lower if k + 1 < n else ""
            if prev == "mag" and nxt_mag in WORD_MAGNITUDES:
                # "one billion and three quarters million": 1e9 + 0.75e6
                return Figure(value + frac * WORD_MAGNITUDES[nxt_mag], i, k + 1, 0.0, False, True)
            if prev == "mag":
                frac *= last_mag  # "three million and a half": half a million
            if k + 1 < n and tokens[k + 1].lower in WORD_MAGNITUDES and total == 0:
                mag = WORD_MAGNITUDES[tokens[k + 1].lower]
                return Figure((value + frac) * mag, i, k + 1, 0.0, False, True)
            return Figure(value + frac, i, k, 0.0, False, True)
    return Figure(value, i, last, 0.0, True, True)


# Ordinals that end a two-word denominator ("twenty-first"); not "second": "twenty seconds".
_ORDINAL_UNITS = {
    "first": 1,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
}


def _and_fraction(tokens: list[Token], k: int) -> tuple[float, int, int] | None:
    """(value, last index, count) of a proper fraction in words at k: "fifty-four hundredths"."""
    n = len(tokens)
    count, m = 0, k
    if m < n and tokens[m].lower in TENS_WORDS and TENS_WORDS[tokens[m].lower] >= 20:
        count, m = TENS_WORDS[tokens[m].lower], m + 1
        if m + 1 < n and tokens[m].text in ("-", "‑") and _joins(tokens[m - 1], *tokens[m : m + 2]):
            m += 1
    if m < n and tokens[m].lower in UNITS_WORDS and UNITS_WORDS[tokens[m].lower] < 10:
        count, m = count + UNITS_WORDS[tokens[m].lower], m + 1
    if not count or m >= n or tokens[m].kind != "word":
        return None
    f = tokens[m].lower
    den = FRACTION_WORDS.get(f)
    if den is None or f.startswith("second") or count >= den:
        return None
    if (count > 1) != f.endswith("s"):
        return None
    return count / den, m, count


def _joins(a: Token, dash: Token, b: Token) -> bool:
    """A hyphen joining two number words: glued ("fifty-two") or one space each side."""
    if dash.glued and b.glued:
        return True
    return dash.start - a.end == 1 and b.start - dash.end == 1


def _glued_ordinal(tokens: list[Token], k: int) -> bool:
    """Whether "-first", "-second" ... "-ninth" is glued at token k ("twenty-first")."""
    if k + 1 >= len(tokens) or tokens[k].text not in ("-", "‑") or not tokens[k].glued:
        return False
    w = tokens[k + 1]
    word = w.lower[:-1] if w.lower.endswith("s") else w.lower
    return w.glued and (word in _ORDINAL_UNITS or word == "second")


def _tens_ordinal(tokens: list[Token], k: int) -> tuple[float, int, bool] | None:
    """(denominator, last index, plural) for "twenty-first(s)", "thirty fifths" at token k."""
    n = len(tokens)
    if k + 1 >= n or tokens[k].lower not in TENS_WORDS or TENS_WORDS[tokens[k].lower] < 20:
        return None
    m = k + 1
    if tokens[m].text in ("-", "‑") and tokens[m].glued and m + 1 < n and tokens[m + 1].glued:
        m += 1
    w = tokens[m].lower
    plural = w.endswith("s")
    unit = _ORDINAL_UNITS.get(w[:-1] if plural else w)
    if unit is None:
        return None
    return TENS_WORDS[tokens[k].lower] + unit, m, plural


def _fraction_tail(tokens: list[Token], k: int, count: float, first: int) -> Figure | None:
    """ "a half", "a quarter" (k at the fraction word)."""
    w = tokens[k].lower
    if w not in FRACTION_WORDS:
        return None
    return Figure(count / FRACTION_WORDS[w], first, k, 0.0, False, True)


def is_number_word(tok: Token) -> bool:
    """Whether a figure in words may start at this token."""
    return tok.kind == "word" and (
        tok.lower in UNITS_WORDS
        or tok.lower in TENS_WORDS
        or tok.lower in ("a", "an", "hundred", "dozen", "half", "quarter")
    )
