"""Read every value a passage states: money, quantities, counts, percents (and dates, via dates.py).

The reader walks the token list once. At each figure it assembles one value expression:

    [qualifier] [currency] FIGURE [magnitude] [unit] [(-|to|and) [currency] FIGURE [magnitude]]
    [currency | unit | % | counted noun] [postfix qualifier]

and turns it into a `Reading` whose interval is in the canonical unit of its kind. Date phrases
are found first and their tokens are never read as numbers ("June 16–17, 2025", "2012–13").
Every step looks at a bounded number of tokens, so the reader runs in linear time on any input.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from cca_claims.interval import INF, Interval
from cca_claims.model import Conversion, Reading
from cca_claims.quantities import fractions as fr
from cca_claims.quantities import lexicon as lx
from cca_claims.quantities import money as mo
from cca_claims.quantities import units as un
from cca_claims.quantities.context import DEFAULT_CONTEXT, ReadContext
from cca_claims.quantities.numbers import (
    CURRENCY_ONLY_MAGNITUDES,
    GLUED_MAGNITUDES,
    MAGNITUDE_WORDS,
    Figure,
    Token,
    is_number_word,
    read_digits,
    read_words,
    tokenize,
)

_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}


@dataclass
class _Expr:
    """A value expression being assembled from tokens."""

    first: int
    last: int
    fig: Figure
    low: Figure | None = None  # the lower figure of a range
    qual: str = ""  # gt | ge | lt | le | nearly | around | range
    qual_text: str = ""
    iso: str | None = None
    currency: str = ""  # as written; "" when not money
    share: float = 1.0  # a subunit's share of its currency (cents: 0.01)
    unit_expr: str = ""
    unit_text: str = ""
    percent: bool = False
    noun: str = ""
    noun_text: str = ""
    notes: list[str] = field(default_factory=list)
    negative: bool = False
    closed: tuple[bool, bool] = (True, True)  # range bounds included ("above X and below Y": no)


def _join(tokens: list[Token], a: int, b: int) -> str:
    """Tokens a..b-1 as a lookup key: glued tokens joined directly, spaced ones with a space."""
    parts = []
    for k in range(a, b):
        if k > a and not tokens[k].glued:
            parts.append(" ")
        parts.append(tokens[k].text)
    return "".join(parts)


class _Scanner:
    def __init__(self, text: str, ctx: ReadContext) -> None:
        self.text = text
        self.ctx = ctx
        self.toks = tokenize(text)
        self.n = len(self.toks)
        self.masked: set[int] = set()

    # ------------------------------------------------------------------ helpers
    def tok(self, k: int) -> Token | None:
        return self.toks[k] if 0 <= k < self.n else None

    def low(self, k: int) -> str:
        t = self.tok(k)
        return t.lower if t else ""

    def free(self, k: int) -> bool:
        return 0 <= k < self.n and k not in self.masked

    def mask_spans(self, spans: list[tuple[int, int]]) -> None:
        for k, t in enumerate(self.toks):
            for a, b in spans:
                if t.start < b and t.end > a:
                    self.masked.add(k)
                    break

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
                fig = fr.with_point(self.toks, fig)
            elif t.lower in ("a", "an"):
                fig = self.one_measure(j)
        elif t.text in fr.VULGAR:
            fig = fr.vulgar_figure(self.toks, j)
        elif t.lower in ("nought", "naught"):
            fig = fr.with_point(self.toks, fr.zero_word_figure(self.toks, j))
        else:
            return None
        if fig is not None:
            fig = self.over(fig)
        if fig is None or any(k in self.masked for k in range(fig.first, fig.last + 1)):
            return None
        return fig

    def _clock_figure(self, fig: Figure) -> bool:
        """Whether a figure can be a clock time before am/pm: "5", "11.30" (not "2.123 pm")."""
        if fig.integer and fig.first == fig.last:
            return fig.value <= 24
        if fig.last == fig.first + 2 and self.toks[fig.first + 1].text in ".:":
            minutes = self.toks[fig.last].text
            return len(minutes) == 2 and int(minutes) < 60 and fig.value < 25
        return False

    def temperature_context(self, pos: int) -> bool:
        """Whether the sentence around `pos` speaks of temperature (for a bare "degrees", "°")."""
        lo = max(0, pos - 120)
        hi = min(len(self.text), pos + 120)
        for cut in (".", "!", "?", "\n"):
            a = self.text.rfind(cut + " ", lo, pos)
            if a >= 0:
                lo = max(lo, a + 1)
        window = self.text[lo:hi].lower() + " "
        return any(cue in window for cue in un.TEMPERATURE_CUES)

    _TIME_UNITS = frozenset("second minute hour day week month year decade century".split())

    def one_measure(self, j: int) -> Figure | None:
        """ "a gallon of beer", "a tonne of coal": one of a unit of measure (not of time)."""
        unit = self.unit_at(j + 1)
        if unit is None or self.low(unit[2] + 1) != "of" or len(unit[1]) < 3:
            return None
        if unit[0] in self._TIME_UNITS or not unit[1].isalpha() or unit[1].lower() == "ton":
            return None  # "a ton of" is mostly the idiom for "a lot of"
        return Figure(1.0, j, j, 0.0, True, True)

    def over(self, fig: Figure) -> Figure:
        """ "one over three", "1 over 20": a ratio, unless a unit or noun follows ("over 3 years")."""
        k = fig.last + 1
        if self.low(k) != "over" or fig.magnitude != 1 or not self.free(k + 1):
            return fig
        t = self.tok(k + 1)
        if t is None:
            return fig
        if t.kind == "num":
            den = read_digits(self.toks, k + 1, self.text)
        elif is_number_word(t) and t.lower not in ("a", "an", "half", "quarter"):
            den = read_words(self.toks, k + 1)
        else:
            return fig
        if den is None or den.value == 0 or den.magnitude != 1:
            return fig
        after = self.tok(den.last + 1)
        if after is not None and after.kind != "sym":
            return fig  # "over 3 years", "over 20 countries": a span or a count
        if after is not None and after.text in ("%", "$", "€", "£", "°"):
            return fig
        return Figure(fig.value / den.value, fig.first, den.last, 0.0, False, fig.words)

    def currency_prefix(self, i: int) -> tuple[str | None, str, int, str] | None:
        """(iso, written, index after the prefix, note) for a currency written before a figure."""
        t = self.tok(i)
        if t is None or not self.free(i):
            return None
        nxt = i + 1
        written, iso, note = t.text, None, ""
        if t.text in mo.YEN_SYMBOLS:
            iso = self.ctx.yen_means
            note = f"¥ read as {iso} (corpus setting)"
        elif (
            t.kind == "word"
            and self.low(i + 1) == "$"
            and (self.toks[i + 1].glued or t.lower not in ("a", "s", "r"))
        ):
            key = t.text.upper() + "$"
            if key in mo.SYMBOLS:
                iso = mo.SYMBOLS[key]
            elif t.text.upper() in mo.ISO_CODES and self.toks[i + 1].glued:
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
        if self.low(nxt) in (":", ".") and self.toks[nxt].glued:
            after = self.tok(nxt + 1)
            if after is not None and after.kind == "num":
                sep = self.tok(nxt + 2)
                decimal = after.glued and t.kind == "sym"
                if sep is not None and sep.glued and sep.text in ".,":
                    decimal = False  # "$.750.30": the dot is punctuation after the sign
                if not (self.low(nxt) == "." and decimal):
                    nxt += 1  # "$.75" keeps its decimal point
        return iso, written, nxt, note

    # ------------------------------------------------------------------ main loop
    def scan(self) -> list[Reading]:
        out: list[Reading] = []
        i = 0
        while i < self.n:
            if not self.free(i):
                i += 1
                continue
            expr = self.expr_at(i)
            if expr is None:
                i += 1
                continue
            if isinstance(expr, int):  # tokens to skip (a clock time, an ordinal)
                i = max(expr, i + 1)
                continue
            reading = self.to_reading(expr)
            if reading is not None:
                out.append(reading)
            i = expr.last + 1
        return out

    def expr_at(self, i: int) -> _Expr | int | None:
        pre = self.currency_prefix(i)
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
        if fig.words and fig.first == fig.last and t.lower == "one" and pre is None:
            # "one" is a pronoun unless a unit, currency, magnitude or counted noun follows
            if nt is not None and nt.kind == "word":
                w = nt.lower
                known = (
                    w in MAGNITUDE_WORDS
                    or un.unit_at_word(w)
                    or un.is_known_count_noun(w)
                    or self.currency_suffix(k) is not None
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
        self.suffix(expr)
        if pre is not None:
            self.whole_units(expr)
            self.million_code(expr)
        self.range_tail(expr)
        if expr.low is None:
            self.postfix_qualifier(expr)
        self.prefix_qualifier(expr)
        self.qualifier_join(expr)
        return expr

    # ------------------------------------------------------------------ parts
    def after_hyphen(self, k: int) -> int:
        """k + 1 when token k is a hyphen joining a figure to a word ("5-year", "$1.5-billion")."""
        t, w = self.tok(k), self.tok(k + 1)
        if t is None or w is None or t.text not in ("-", "‑") or not t.glued or not w.glued:
            return k
        return k + 1 if w.kind == "word" and self.free(k + 1) else k

    def magnitude(self, expr: _Expr, which: str = "fig") -> None:
        fig: Figure = getattr(expr, which)
        k = self.after_hyphen(fig.last + 1)
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
        if factor is None and t.lower in CURRENCY_ONLY_MAGNITUDES:
            money_after = self.currency_suffix(k + 1) is not None
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
        setattr(expr, which, scaled)
        expr.last = max(expr.last, k)

    def currency_suffix(self, k: int) -> tuple[str | None, str, int, float, str] | None:
        """(iso, written, last index, subunit share, note) for a currency written after a figure."""
        t = self.tok(k)
        if t is None or not self.free(k):
            return None
        if t.text in mo.YEN_SYMBOLS:
            return (
                self.ctx.yen_means,
                t.text,
                k,
                1.0,
                f"¥ read as {self.ctx.yen_means} (corpus setting)",
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
            if self.low(k + 1) == "." and self.toks[k + 1].glued and t.text + "." in mo.SYMBOLS:
                last = k + 1
            return mo.SYMBOLS[t.text], t.text, last, 1.0, ""
        if t.kind != "word":
            return None
        # names of up to three words, longest first ("hong kong dollars", "us dollars")
        for size in range(mo.MAX_NAME_WORDS + 3, 0, -1):
            if k + size > self.n:
                continue
            key = _join(self.toks, k, k + size).lower()
            key = key.replace(" .", ".").replace("u.s.", "u.s. ").replace("  ", " ").strip()
            if key in mo.NAMES:
                iso = mo.NAMES[key]
                note = mo.AMBIGUOUS_NOTE.get(key.rstrip("s"), "")
                if key in ("dollar", "dollars"):
                    note = "dollars read as US dollars"
                return iso, _join(self.toks, k, k + size), k + size - 1, 1.0, note
            if key in mo.SUBUNITS:
                iso, share = mo.SUBUNITS[key]
                return iso, key, k + size - 1, share, f"{key} read as {share:g} {iso}"
        return None

    def suffix(self, expr: _Expr) -> None:
        """A percent sign, currency, unit or counted noun after the figure."""
        self._suffix(expr)
        if expr.currency:
            self.whole_units(expr)
            self.million_code(expr)
            self.late_magnitude(expr)
        self.split_amount(expr)

    def whole_units(self, expr: _Expr) -> None:
        """ "Rp 31.500", "1.727 Ft": in whole-unit currencies a dot groups thousands."""
        fig = expr.fig
        if expr.iso not in mo.WHOLE_UNIT_CODES or fig.last != fig.first + 2:
            return
        a, dot, b = self.toks[fig.first], self.toks[fig.first + 1], self.toks[fig.last]
        if dot.text != "." or len(b.text) != 3 or len(a.text) > 3 or a.kind != "num":
            return
        if fig.magnitude != 1 or b.kind != "num" or fig.integer:
            return  # fig.integer: already read as a whole number
        expr.fig = Figure(float(a.text + b.text), fig.first, fig.last, 0.5, True, False)
        expr.notes.append(
            f"'.' read as a thousands separator ({expr.iso} is written in whole units)"
        )

    def million_code(self, expr: _Expr) -> None:
        """ "30 MUSD", "MAUD 60": the figure counts millions of the currency."""
        if mo.million_code(expr.currency) and expr.fig.magnitude == 1:
            fig = expr.fig
            expr.fig = replace(fig.scaled(1e6, fig.last, "M"), last=fig.last)
            expr.notes.append(f"{expr.currency} read as millions of {expr.iso}")

    def late_magnitude(self, expr: _Expr) -> None:
        """ "75 USD million": a magnitude word written after the currency code."""
        k = expr.last + 1
        t = self.tok(k)
        if t is None or not self.free(k) or expr.fig.magnitude != 1 or expr.share != 1:
            return
        factor = MAGNITUDE_WORDS.get(t.lower)
        if factor is None or factor < 1e3 or t.lower.startswith(("dozen", "hundred")):
            return
        fig = expr.fig
        expr.fig = replace(fig.scaled(factor, fig.last, t.text), last=fig.last)
        expr.last = k

    # Pairs of a unit and its subunit written as one amount: "5 ft 2 in", "3 dollars 50 cents".
    _SPLIT_UNITS = {"foot": ("inch", 12.0), "pound": ("ounce", 16.0)}

    def split_amount(self, expr: _Expr) -> None:
        """ "5 feet 2 inches", "3 dollars 50 cents", "15 dollars 50.": one amount in two parts."""
        if expr.low is not None or expr.fig.magnitude != 1 or expr.qual == "range":
            return
        k = expr.last + 1
        if self.low(k) == "and":
            k += 1
        sub = self.figure_at(k)
        if sub is None or sub.magnitude != 1 or sub.value <= 0:
            return
        after = sub.last + 1
        if expr.currency and expr.share == 1 and expr.iso in ("USD", None, "EUR", "GBP", "CNY"):
            if sub.value >= 100 or sub.value != int(sub.value):
                return
            cur = self.currency_suffix(after)
            if cur is not None and cur[3] == 0.01:
                last = cur[2]
            elif cur is None and (self.tok(after) is None or self.low(after) in (".", ",", ";")):
                last = sub.last  # "15 dollars 50.": the cents without their name
            else:
                return
            value = expr.fig.value + sub.value / 100
        elif expr.unit_expr in self._SPLIT_UNITS:
            name, per = self._SPLIT_UNITS[expr.unit_expr]
            w = self.low(after)
            unit = self.unit_at(after)
            if unit is not None and unit[0] == name:
                last = unit[2]
            elif (
                name == "inch"
                and w == "in"
                and self.tok(after + 1) is None
                or (
                    name == "inch"
                    and w == "in"
                    and self.low(after + 1)
                    in (".", ",", ";", "more", "and", "tall", "long", "wide")
                )
            ):
                last = after
            else:
                return
            if sub.value >= per:
                return
            value = expr.fig.value + sub.value / per
        else:
            return
        fig = expr.fig
        expr.fig = Figure(value, fig.first, fig.last, 0.0, False, fig.words)
        expr.last = last

    def _suffix(self, expr: _Expr) -> None:
        k = expr.last + 1
        t = self.tok(k)
        if t is None or not self.free(k):
            return
        h = self.after_hyphen(k)
        if h != k:  # "a 5-year plan", "a 12-cent dividend", "$1.5-billion"
            cur = None if expr.currency else self.currency_suffix(h)
            if cur is not None:
                expr.iso, expr.currency, expr.last, expr.share, note = cur
                if note:
                    expr.notes.append(note)
                return
            unit = self.unit_at(h)
            if unit is not None:
                expr.unit_expr, expr.unit_text, expr.last = unit
                return
            if self.low(h) in ("percent", "pct"):
                expr.percent, expr.last = True, h
                return
        # percent
        if t.text == "%" or t.text == "٪":
            expr.percent, expr.last = True, k
            return
        key2 = (t.lower + " " + self.low(k + 1)).strip()
        if t.lower in ("percent", "percents", "pct", "percentage") or key2 == "per cent":
            expr.percent = True
            expr.last = k + 1 if key2 == "per cent" else k
            if self.low(expr.last + 1) in ("point", "points"):
                expr.last += 1
                expr.notes.append("percentage points read as percent")
            return
        if not expr.currency:
            cur = self.currency_suffix(k)
            if cur is None and t.lower in mo.POUND_NAMES:
                if expr.fig.magnitude != 1 or self.low(k + 1) == "sterling":
                    cur = ("GBP", t.text, k, 1.0, "pounds read as pounds sterling")
            if cur is not None:
                expr.iso, expr.currency, expr.last, expr.share, note = cur
                if note:
                    expr.notes.append(note)
                self.per_unit(expr)
                return
        else:
            # "$5 USD": the code confirms the symbol
            cur = self.currency_suffix(k)
            if cur is not None and cur[0] == expr.iso and self.toks[k].kind == "word":
                expr.last = cur[2]
            elif (
                cur is not None
                and expr.currency == "$"
                and cur[0] in mo.DOLLAR_CODES
                and self.toks[k].kind == "word"
            ):
                # "$1,190.00 AUD": the code says which dollar the "$" is
                expr.iso, expr.last = cur[0], cur[2]
                expr.notes = [n for n in expr.notes if n != "$ read as US dollar"]
            self.per_unit(expr)
            return
        unit = self.unit_at(k)
        if unit is None and t.text in _BRACKETS and self.tok(k + 1) is not None:
            # "20 (kg)", "20 [kg]": a unit written in brackets, as in table headings
            inner = self.unit_at(k + 1)
            if inner is not None and self.low(inner[2] + 1) == _BRACKETS[t.text]:
                unit = (inner[0], inner[1], inner[2] + 1)
        if unit is not None:
            expr.unit_expr, expr.unit_text, expr.last = unit
            if expr.unit_expr == "tonne" and expr.unit_text.lower().startswith("ton"):
                expr.notes.append("tons read as metric tonnes")
            return
        self.noun(expr)

    def per_unit(self, expr: _Expr) -> None:
        k = expr.last + 1
        if self.low(k) in ("per", "/", "a") and self.tok(k + 1) is not None:
            unit = self.unit_at(k + 1)
            if unit is not None:
                expr.notes.append(f"money per {unit[1]}")
                expr.last = unit[2]

    def unit_at(self, k: int) -> tuple[str, str, int] | None:
        """(pint expression, text as written, last index) for a unit starting at token k."""
        t = self.tok(k)
        if t is None or not self.free(k) or t.kind == "num":
            return None
        if t.kind == "sym" and t.text not in ("°", "º", "℃", "℉", "µ", "μ"):
            return None
        for size in range(min(un.MAX_UNIT_WORDS + 2, self.n - k), 0, -1):
            if any(not self.free(x) for x in range(k, k + size)):
                continue
            written = _join(self.toks, k, k + size)
            # the unit must end at a word boundary: "5 ms" is not "5 m" + "s"
            end_tok = self.tok(k + size)
            if end_tok is not None and end_tok.glued and end_tok.kind in ("word", "num"):
                if not written.endswith(("²", "³")):
                    continue
            expr = un.CASED_UNITS.get(written) or un.UNIT_SURFACES.get(written.lower())
            if expr is None:
                continue
            low = written.lower()
            if low in ("in", "a", "s"):
                continue
            # "per": compound units ("kg/cm³", "km per hour")
            last = k + size - 1
            if self.low(last + 1) in ("/", "per") and self.tok(last + 2) is not None:
                denom = self.unit_at(last + 2)
                if denom is not None and denom[0] != expr:
                    return (f"({expr}) / ({denom[0]})", _join(self.toks, k, denom[2] + 1), denom[2])
            return expr, written, last
        # a scientific unit pint knows ("5 kPa", "20 MeV", "100 mSv"), looked up lazily
        nxt = self.tok(k + 1)
        if t.kind == "word" and not (nxt is not None and nxt.glued and nxt.kind in ("word", "num")):
            sci = un.scientific_unit(t.text)
            if sci is not None:
                return sci, t.text, k
        return None

    def noun(self, expr: _Expr) -> None:
        """The counted noun within the next few words ("24 bilateral agreements")."""
        k = expr.last + 1
        words = 0
        while k < self.n and words < 5:
            t = self.toks[k]
            if not self.free(k):
                return
            if t.kind == "sym":
                if t.text in lx.RANGE_DASHES and t.glued and self.tok(k + 1) is not None:
                    if self.toks[k + 1].glued and self.toks[k + 1].kind == "word":
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

    def range_tail(self, expr: _Expr) -> None:
        k = expr.last + 1
        t = self.tok(k)
        if t is None or not self.free(k):
            return
        conn = t.lower
        swap_ok = False
        if conn in lx.RANGE_DASHES and t.glued and self.low(k + 1) == "to":
            k, conn = k + 1, "to"  # "8- to 16-meter": the unit is written once, after the second
        if conn in lx.RANGE_DASHES or conn in lx.RANGE_WORDS:
            pass
        elif conn == "~" and t.glued and self.tok(k + 1) is not None and self.toks[k + 1].glued:
            pass
        elif conn == "to" or conn == "and" and self.low(self._lead(expr)) == "between":
            if conn == "to" and self.low(self._lead(expr)) == "from":
                if self._after_change(self._lead(expr)):
                    return  # "rose from X to Y": two values, not a range
                swap_ok = True  # "ranged from -18 to -34 °C"
        else:
            return
        j = k + 1
        pre = self.currency_prefix(j)
        if pre is not None:
            if expr.currency and pre[0] != expr.iso:
                return
            j = pre[2]
        neg2 = False
        if (
            self.low(j) in ("-", "−", "minus", "negative")
            and conn not in lx.RANGE_DASHES
            and self.tok(j + 1) is not None
            and (self.toks[j + 1].glued or self.toks[j].kind == "word")
        ):
            neg2, j = True, j + 1  # "from -18 to -34", "between minus 5 and 5"
        fig2 = self.figure_at(j)
        if fig2 is None or fig2.words != expr.fig.words and conn in lx.RANGE_DASHES:
            return
        if neg2:
            fig2 = replace(fig2, value=-fig2.value)
        if self.tok(j) is not None and self.toks[j].kind == "word" and conn in lx.RANGE_DASHES:
            return
        hi = _Expr(first=j, last=fig2.last, fig=fig2, iso=expr.iso, currency=expr.currency)
        self.magnitude(hi)
        lo_fig = replace(expr.fig, value=-expr.fig.value) if expr.negative else expr.fig
        if lo_fig.magnitude == 1 and hi.fig.magnitude != 1:
            scaled = lo_fig.scaled(hi.fig.magnitude, lo_fig.last, hi.fig.magnitude_text)
            if scaled.value <= hi.fig.value:
                lo_fig = scaled
        if pre is not None and not expr.currency and (expr.unit_expr or expr.percent or expr.noun):
            return  # "rose 6.2% to $1.45 billion": a percent, then an amount
        swapped = False
        if not (lo_fig.value < hi.fig.value):
            if not (swap_ok and hi.fig.value < lo_fig.value):
                return
            swapped = True
        if expr.unit_expr or expr.percent or expr.noun:
            self.suffix(hi)
            if (hi.unit_expr, hi.percent) != (expr.unit_expr, expr.percent) and (
                hi.unit_expr or hi.percent
            ):
                return
            if not (hi.unit_expr or hi.percent or hi.currency != expr.currency):
                hi.last = hi.last  # the unit was written once, before the connector
        elif not expr.currency or pre is not None or hi.currency:
            self.suffix(hi)
        expr.low, expr.fig = (hi.fig, lo_fig) if swapped else (lo_fig, hi.fig)
        expr.negative = False  # the signs are in the two figures now
        expr.qual, expr.qual_text = "range", ("between" if conn == "and" else conn)
        if swap_ok:
            expr.first -= 1  # "from"
        expr.last = hi.last
        if not expr.currency and hi.currency:
            expr.iso, expr.currency, expr.share = hi.iso, hi.currency, hi.share
        for attr in ("unit_expr", "unit_text", "noun", "noun_text"):
            if not getattr(expr, attr) and getattr(hi, attr):
                setattr(expr, attr, getattr(hi, attr))
        expr.percent = expr.percent or hi.percent
        expr.notes += [n for n in hi.notes if n not in expr.notes]

    def _lead(self, expr: _Expr) -> int:
        return expr.first - 1

    def _after_change(self, k: int) -> bool:
        """Whether a verb of change stands within three words before token k ("rose from")."""
        for x in range(k - 1, max(-1, k - 4), -1):
            w = self.low(x)
            if w in lx.CHANGE_WORDS:
                return True
            if self.toks[x].kind != "word":
                return False
        return False

    def qualifier_join(self, expr: _Expr) -> None:
        """ "above 1000 and below 1500", "at most 100 and at least 20": one range from two sides."""
        if expr.qual not in ("gt", "ge", "lt", "le"):
            return
        k = expr.last + 1
        if self.low(k) not in lx.QUALIFIER_JOINS:
            return
        k += 1
        if self.low(k) == "and":  # ", and"
            k += 1
        for size in range(lx.MAX_QUALIFIER_WORDS + 1, 0, -1):
            if k + size > self.n or any(not self.free(x) for x in range(k, k + size)):
                continue
            key = _join(self.toks, k, k + size).lower()
            kind = lx.PREFIX_QUALIFIERS.get(key)
            if kind is None:
                continue
            upper_first = expr.qual in ("lt", "le")
            if upper_first == (kind in ("lt", "le")) or kind not in ("gt", "ge", "lt", "le"):
                return
            at = k + size
            pre = self.currency_prefix(at)
            if pre is not None:
                if not expr.currency or pre[0] != expr.iso:
                    return
                at = pre[2]  # "more than $5 million and less than $9 million"
            fig2 = self.figure_at(at)
            if fig2 is None:
                return
            other = _Expr(first=at, last=fig2.last, fig=fig2, currency=expr.currency, iso=expr.iso)
            self.magnitude(other)
            bare = not (expr.unit_expr or expr.percent or expr.currency or expr.noun)
            if expr.unit_expr or expr.percent:
                self.suffix(other)
                if (other.unit_expr, other.percent) != (expr.unit_expr, expr.percent):
                    if other.unit_expr or other.percent:
                        return
            elif bare:
                self.suffix(other)  # "above 1000 and below 1500 tonnes": one unit for both
            else:
                # "at least 10 countries and at most 20 firms": two values, not one range
                self.suffix(other)
                if other.noun and other.noun != expr.noun or other.unit_expr or other.percent:
                    return
                if other.currency and other.iso != expr.iso:
                    return
            lo_q, lo_f, hi_q, hi_f = (
                (kind, other.fig, expr.qual, expr.fig)
                if upper_first
                else (expr.qual, expr.fig, kind, other.fig)
            )
            if not lo_f.value < hi_f.value:
                return
            if bare:
                for attr in ("unit_expr", "unit_text", "noun", "noun_text", "currency", "iso"):
                    setattr(expr, attr, getattr(other, attr))
                expr.percent, expr.share = other.percent, other.share
                expr.notes += [n for n in other.notes if n not in expr.notes]
            expr.low, expr.fig = lo_f, hi_f
            expr.closed = (lo_q == "ge", hi_q == "le")
            expr.qual = "range"
            expr.qual_text = f"{expr.qual_text} ... {key}"
            expr.last = other.last
            return

    def postfix_qualifier(self, expr: _Expr) -> None:
        k = expr.last + 1
        t = self.tok(k)
        if t is None or not self.free(k):
            return
        if t.text == "+" and t.glued:
            expr.qual, expr.qual_text, expr.last = "ge", "+", k
            return
        for size in (2, 1):
            key = _join(self.toks, k, min(k + size, self.n)).lower()
            if key in lx.POSTFIX_QUALIFIERS and key != "+":
                if self.low(k + size) == "than" and self.figure_at(k + size + 1) is not None:
                    return  # "5000 or less than 6000": the next figure's qualifier
                expr.qual, expr.qual_text = lx.POSTFIX_QUALIFIERS[key], key
                expr.last = k + size - 1
                return

    def prefix_qualifier(self, expr: _Expr) -> None:
        if expr.qual == "range":
            if self.low(expr.first - 1) == "between":
                expr.first -= 1
            return
        for size in range(lx.MAX_QUALIFIER_WORDS + 1, 0, -1):
            a = expr.first - size
            if a < 0 or any(not self.free(x) for x in range(a, expr.first)):
                continue
            key = _join(self.toks, a, expr.first).lower()
            if key.endswith(" ."):
                continue
            kind = lx.PREFIX_QUALIFIERS.get(key)
            if kind is None:
                continue
            if key in ("some", "about", "over", "under", "around") and expr.fig.words:
                if expr.fig.value == 1:
                    continue
            if kind == "around" and expr.qual in ("ge", "le", "gt", "lt"):
                # "about 500 or more": the written bound holds, "about" only blurs the figure
                expr.qual_text, expr.first = f"{key} ... {expr.qual_text}", a
                return
            expr.qual, expr.qual_text, expr.first = kind, key, a
            return

    # ------------------------------------------------------------------ readings
    def to_reading(self, e: _Expr) -> Reading | None:
        fig = e.fig
        v = -fig.value if e.negative else fig.value
        bare = not (e.currency or e.unit_expr or e.percent or e.noun)
        if bare and e.qual == "" and fig.integer and not e.negative:
            digits = self.toks[fig.first].text
            if fig.first == fig.last and len(digits) == 4 and 1000 <= fig.value <= 2199:
                return None  # a year the date reader did not take is still not a count
        exact = fig.integer and fig.magnitude == 1 and not e.currency and not e.unit_expr
        exact = exact and not e.percent or fig.words and not e.unit_expr and not e.currency
        interval = _interval(e, v, exact, self.ctx)
        start, end = self.toks[e.first].start, self.toks[e.last].end
        notes = list(e.notes)
        base = dict(
            text=self.text[start:end],
            span=(start, end),
            number=v,
            qualifier=e.qual_text,
            exact_figure=exact,
        )
        if e.currency:
            native = interval.scale(e.share) if e.share != 1 else interval
            unit = e.iso or f"currency:{e.currency.lower()}"
            if e.iso is None and not any("not converted" in n for n in notes):
                notes.append(f"currency '{e.currency}' has no known ISO code: not converted")
            return Reading(
                kind="money",
                unit=unit,
                interval=native,
                native=native,
                written_unit=e.iso or e.currency,
                notes=tuple(notes),
                **base,
            )
        if e.percent:
            return Reading(
                kind="percent",
                unit="percent",
                interval=interval,
                written_unit="%",
                notes=tuple(notes),
                **base,
            )
        if e.unit_expr == "degree" and self.temperature_context(start):
            # "the temperature is 24 degrees": a temperature whose scale is not written
            notes.append("degrees of temperature, scale not written: not converted")
            return Reading(
                kind="quantity",
                unit="temperature:degree",
                interval=interval,
                native=interval,
                written_unit=e.unit_text,
                notes=tuple(notes),
                **base,
            )
        if e.unit_expr:
            try:
                factor, base_unit, offset = un.base_of(e.unit_expr)
                lo = un.to_base(interval.low, e.unit_expr)
                hi = un.to_base(interval.high, e.unit_expr)
            except Exception:  # pint could not place it: say so, never a bare number
                notes.append(f"unit '{e.unit_text}' not known to pint: not converted")
                return Reading(
                    kind="quantity",
                    unit=f"unit:{e.unit_text}",
                    interval=interval,
                    native=interval,
                    written_unit=e.unit_text,
                    notes=tuple(notes),
                    **base,
                )
            conv = Conversion(
                "unit",
                e.unit_expr,
                base_unit,
                Interval.point(1.0 if offset else factor),
                note="offset unit: bounds converted one by one" if offset else "",
            )
            return Reading(
                kind="quantity",
                unit=base_unit,
                interval=Interval(
                    min(lo, hi), max(lo, hi), interval.low_closed, interval.high_closed
                ),
                native=interval,
                written_unit=e.unit_text,
                conversions=(conv,),
                notes=tuple(notes),
                **base,
            )
        if e.noun:
            return Reading(
                kind="count",
                unit=f"count:{e.noun}",
                interval=interval,
                written_unit=e.noun_text,
                notes=tuple(notes),
                **base,
            )
        notes.append("no counted noun after the figure")
        return Reading(kind="count", unit="count", interval=interval, notes=tuple(notes), **base)


def _interval(e: _Expr, v: float, exact: bool, ctx: ReadContext) -> Interval:
    """The interval a figure and its qualifier allow, in the written unit."""
    r = ctx.around
    if e.qual == "range" and e.low is not None:
        lo = -e.low.value if e.negative and False else e.low.value
        return Interval(lo, v, e.closed[0], e.closed[1])
    if e.qual == "gt":
        return Interval(v, INF, False, False)
    if e.qual == "ge":
        return Interval(v, INF, True, False)
    if e.qual in ("lt", "le"):
        floor = 0.0 if v > 0 else -INF
        return Interval(floor, v, floor == 0.0, e.qual == "le")
    if e.qual == "nearly":
        return Interval(min(v * (1 - r), v), max(v * (1 - r), v), True, False)
    half = 0.0 if exact else min(e.fig.half_unit, abs(v) * ctx.precision_cap)
    if e.qual == "around":
        band = Interval.around(v, r)
        return band.hull(Interval(v - half, v + half)) if half else band
    if half == 0:
        return Interval.point(v)
    return Interval(v - half, v + half, True, False)


# --------------------------------------------------------------------------- periods and FX
def _clause_bounds(text: str) -> list[int]:
    """Offsets where clauses end: sentence ends, semicolons and dashes between clauses."""
    cuts = [0]
    for k, c in enumerate(text):
        if c in ";—\n" or (c in ".!?" and (k + 1 == len(text) or text[k + 1].isspace())):
            cuts.append(k + 1)
    cuts.append(len(text) + 1)
    return cuts


def _sentence_bounds(text: str) -> list[int]:
    cuts = [0]
    for k, c in enumerate(text):
        if c == "\n" or (c in ".!?" and (k + 1 == len(text) or text[k + 1].isspace())):
            cuts.append(k + 1)
    cuts.append(len(text) + 1)
    return cuts


def _segment(cuts: list[int], pos: int) -> int:
    import bisect

    return bisect.bisect_right(cuts, pos)


def attach_periods(text: str, readings: list[Reading], dates: list[Reading]) -> list[Reading]:
    """Give each money/count/quantity/percent reading the nearest date of its clause (or sentence)."""
    usable = [d for d in dates if d.interval is not None and d.interval.is_bounded and d.span]
    if not usable:
        return readings
    clauses, sentences = _clause_bounds(text), _sentence_bounds(text)
    out = []
    for r in readings:
        if r.kind == "date" or r.span is None:
            out.append(r)
            continue
        best = None
        for cuts in (clauses, sentences):
            seg = _segment(cuts, r.span[0])
            near = [d for d in usable if _segment(cuts, d.span[0]) == seg]
            if near:
                best = min(near, key=lambda d: abs(d.span[0] - r.span[0]))
                break
        out.append(replace(r, period=best.interval) if best is not None else r)
    return out


def _period_days(r: Reading, ctx: ReadContext) -> tuple[tuple[dt.date, dt.date], str] | None:
    if ctx.period:
        return (min(ctx.period), max(ctx.period)), "the claim's period"
    if r.period is not None and r.period.is_bounded:
        lo = dt.date.fromordinal(int(r.period.low))
        hi = dt.date.fromordinal(int(r.period.high))
        return (lo, hi), "the period written in the passage"
    if ctx.reference_date:
        return (ctx.reference_date, ctx.reference_date), "the source's date"
    return None


def convert_money(r: Reading, ctx: ReadContext) -> Reading:
    """The money reading with its interval in USD over the right period's rate range."""
    from cca_claims.quantities import fx

    if r.kind != "money" or r.unit == "USD" or r.native is None:
        return r
    iso = r.unit
    if iso.startswith("currency:"):
        return r
    found = _period_days(r, ctx)
    try:
        if found is None:
            days, why = fx.latest_year(iso), "no date known: the latest year of rates"
        else:
            days, why = found
        conv = fx.usd_rate(iso, days)
    except Exception:
        return replace(
            r, notes=r.notes + (f"no USD rate for {iso} over the period: not converted",)
        )
    conv = replace(conv, note=(conv.note + "; " if conv.note else "") + f"dates from {why}")
    return replace(
        r,
        unit="USD",
        interval=r.native * conv.factor,
        conversions=r.conversions + (conv,),
    )


def _find_dates(text: str, ctx: ReadContext) -> list[Reading]:
    try:
        from cca_claims.quantities.dates import find_dates
    except Exception:  # the date reader is optional: numbers are still read
        return []
    try:
        return list(find_dates(text, ctx))
    except Exception:
        return []


_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of web addresses: the numbers in a URL are not values of the passage."""
    return [m.span() for m in _URL_RE.finditer(text)]


def read_text(text: str, ctx: ReadContext = DEFAULT_CONTEXT) -> list[Reading]:
    """Every value stated in `text`, in text order (see `cca_claims.quantities.read_values`)."""
    if not isinstance(text, str) or not text.strip():
        return []
    dates = [d for d in _find_dates(text, ctx) if d.span is not None]
    scanner = _Scanner(text, ctx)
    scanner.mask_spans([d.span for d in dates] + _url_spans(text))
    values = scanner.scan()
    values = attach_periods(text, values, dates)
    values = [convert_money(r, ctx) for r in values]
    out = values + dates
    out.sort(key=lambda r: (r.span or (0, 0))[0])
    return out
