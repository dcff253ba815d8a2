"""Compound phrases of the value reader: ranges ("between $2bn and $3bn", "8- to 16-meter"),
two-sided qualifiers ("above 1000 and below 1500"), qualifiers before and after a figure ("more
than", "or more", "5000+"), amounts split into unit and subunit ("5 ft 2 in", "3 dollars 50
cents"), broken digit groupings ("245 23 yen") and clock times. Ratios and shares: `shares`.

Functions over the value pass's `tokens.TokenStream`. `clock_figure` and `broken_grouping` answer
for a figure; `full_suffix`, `range_tail`, `qualifier_join`, `postfix_qualifier`,
`prefix_qualifier` and `split_amount` extend the expression the scanner is assembling from the
tokens around it (the second figure of a range through `figures`, its currency through
`money_phrases`, its unit through `suffixes`). Each looks at a bounded number of tokens, so the
reader stays linear.
"""

from __future__ import annotations

from dataclasses import replace

import cca_claims.quantities.lexicon as lx
import cca_claims.quantities.units as un
from cca_claims.quantities.expression import Expr as _Expr
from cca_claims.quantities.expression import join_tokens as _join
from cca_claims.quantities.figures import figure_at, magnitude
from cca_claims.quantities.money_phrases import (
    currency_prefix,
    currency_suffix,
    late_magnitude,
    million_code,
    whole_units,
)
from cca_claims.quantities.numbers import Figure
from cca_claims.quantities.suffixes import suffix, unit_at
from cca_claims.quantities.tokens import TokenStream


def clock_figure(s: TokenStream, fig: Figure) -> bool:
    """Whether a figure can be a clock time before am/pm: "5", "11.30" (not "2.123 pm")."""
    if fig.integer and fig.first == fig.last:
        return fig.value <= 24
    if fig.last == fig.first + 2 and s.toks[fig.first + 1].text in ".:":
        minutes = s.toks[fig.last].text
        return len(minutes) == 2 and int(minutes) < 60 and fig.value < 25
    return False


def broken_grouping(s: TokenStream, fig: Figure) -> int | None:
    """The index after "245 23 yen": a group of one or two digits (never a thousands group), then a
    unit or currency. The unit belongs to one number written with a broken digit grouping,
    so neither part is read (a bare "245 23", as in a flattened table row, stays two counts).
    """
    k = fig.last + 1
    head, nxt = s.toks[fig.first], s.tok(k)
    if nxt is None or nxt.kind != "num" or nxt.glued or not s.free(k):
        return None
    if not fig.integer or fig.first != fig.last or len(head.text) > 3 or fig.words:
        return None
    if len(nxt.text) >= 3 or nxt.start - head.end != 1 or s.text[head.end] != " ":
        return None
    after = s.tok(k + 1)
    if after is not None and after.glued and after.kind == "sym":
        return None  # "5 12.5 kg", "5 1/2 kg": the second figure goes on
    cur = currency_suffix(s, k + 1)
    unit = unit_at(s, k + 1) if cur is None else None
    if cur is not None:
        last = cur[2]
    elif unit is not None:
        last = unit[2]
    else:
        return None
    # "50 50-dollar bills", "3 100 yuan notes": a count of things of that denomination
    noun = s.tok(last + 1)
    if noun is not None and noun.kind == "word" and un.looks_plural(noun.lower):
        return None
    return k + 1


def full_suffix(s: TokenStream, expr: _Expr) -> None:
    """What follows a figure: `suffixes.suffix` (a percent sign, currency, unit or counted
    noun), then what a currency brings (whole units, a million code, a late magnitude) and a
    subunit part ("5 ft 2 in", "3 dollars 50 cents")."""
    suffix(s, expr)
    if expr.currency:
        whole_units(s, expr)
        million_code(expr)
        late_magnitude(s, expr)
    split_amount(s, expr)


def range_tail(s: TokenStream, expr: _Expr) -> None:
    """A second figure after a range connector ("-", "to", "and" after "between", "~"): the
    expression becomes the range ("between $2bn and $3bn", "from -18 to -34 °C")."""
    k = expr.last + 1
    t = s.tok(k)
    if t is None or not s.free(k):
        return
    conn = t.lower
    swap_ok = False
    if conn in lx.RANGE_DASHES and t.glued and s.low(k + 1) == "to":
        k, conn = k + 1, "to"  # "8- to 16-meter": the unit is written once, after the second
    if conn in lx.RANGE_DASHES or conn in lx.RANGE_WORDS:
        pass
    elif conn == "~" and t.glued and s.tok(k + 1) is not None and s.toks[k + 1].glued:
        pass
    elif conn == "to" or conn == "and" and s.low(_lead(expr)) == "between":
        if conn == "to" and s.low(_lead(expr)) == "from":
            if _after_change(s, _lead(expr)):
                return  # "rose from X to Y": two values, not a range
            swap_ok = True  # "ranged from -18 to -34 °C"
    else:
        return
    j = k + 1
    pre = currency_prefix(s, j)
    if pre is not None:
        if expr.currency and pre[0] != expr.iso:
            return
        j = pre[2]
    neg2 = False
    if (
        s.low(j) in ("-", "−", "minus", "negative")
        and conn not in lx.RANGE_DASHES
        and s.tok(j + 1) is not None
        and (s.toks[j + 1].glued or s.toks[j].kind == "word")
    ):
        neg2, j = True, j + 1  # "from -18 to -34", "between minus 5 and 5"
    fig2 = figure_at(s, j)
    if fig2 is None or fig2.words != expr.fig.words and conn in lx.RANGE_DASHES:
        return
    if neg2:
        fig2 = replace(fig2, value=-fig2.value)
    if s.tok(j) is not None and s.toks[j].kind == "word" and conn in lx.RANGE_DASHES:
        return
    hi = _Expr(first=j, last=fig2.last, fig=fig2, iso=expr.iso, currency=expr.currency)
    magnitude(s, hi)
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
        full_suffix(s, hi)
        if (hi.unit_expr, hi.percent) != (expr.unit_expr, expr.percent) and (
            hi.unit_expr or hi.percent
        ):
            return
        if not (hi.unit_expr or hi.percent or hi.currency != expr.currency):
            hi.last = hi.last  # the unit was written once, before the connector
    elif not expr.currency or pre is not None or hi.currency:
        full_suffix(s, hi)
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


def _lead(expr: _Expr) -> int:
    return expr.first - 1


def _after_change(s: TokenStream, k: int) -> bool:
    """Whether a verb of change stands within three words before token k ("rose from")."""
    for x in range(k - 1, max(-1, k - 4), -1):
        w = s.low(x)
        if w in lx.CHANGE_WORDS:
            return True
        if s.toks[x].kind != "word":
            return False
    return False


def qualifier_join(s: TokenStream, expr: _Expr) -> None:
    """ "above 1000 and below 1500", "at most 100 and at least 20": one range from two sides."""
    if expr.qual not in ("gt", "ge", "lt", "le"):
        return
    k = expr.last + 1
    if s.low(k) not in lx.QUALIFIER_JOINS:
        return
    k += 1
    if s.low(k) == "and":  # ", and"
        k += 1
    for size in range(lx.MAX_QUALIFIER_WORDS + 1, 0, -1):
        if k + size > s.n or any(not s.free(x) for x in range(k, k + size)):
            continue
        key = _join(s.toks, k, k + size).lower()
        kind = lx.PREFIX_QUALIFIERS.get(key)
        if kind is None:
            continue
        upper_first = expr.qual in ("lt", "le")
        if upper_first == (kind in ("lt", "le")) or kind not in ("gt", "ge", "lt", "le"):
            return
        at = k + size
        pre = currency_prefix(s, at)
        if pre is not None:
            if not expr.currency or pre[0] != expr.iso:
                return
            at = pre[2]  # "more than $5 million and less than $9 million"
        fig2 = figure_at(s, at)
        if fig2 is None:
            return
        other = _Expr(first=at, last=fig2.last, fig=fig2, currency=expr.currency, iso=expr.iso)
        magnitude(s, other)
        bare = not (expr.unit_expr or expr.percent or expr.currency or expr.noun)
        if expr.unit_expr or expr.percent:
            full_suffix(s, other)
            if (other.unit_expr, other.percent) != (expr.unit_expr, expr.percent):
                if other.unit_expr or other.percent:
                    return
        elif bare:
            full_suffix(s, other)  # "above 1000 and below 1500 tonnes": one unit for both
        else:
            # "at least 10 countries and at most 20 firms": two values, not one range
            full_suffix(s, other)
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


def postfix_qualifier(s: TokenStream, expr: _Expr) -> None:
    """A qualifier after the value: "15,000+", "100 or more", "5 or so"."""
    k = expr.last + 1
    t = s.tok(k)
    if t is None or not s.free(k):
        return
    if t.text == "+" and t.glued:
        expr.qual, expr.qual_text, expr.last = "ge", "+", k
        return
    for size in (2, 1):
        key = _join(s.toks, k, min(k + size, s.n)).lower()
        if key in lx.POSTFIX_QUALIFIERS and key != "+":
            if s.low(k + size) == "than" and figure_at(s, k + size + 1) is not None:
                return  # "5000 or less than 6000": the next figure's qualifier
            expr.qual, expr.qual_text = lx.POSTFIX_QUALIFIERS[key], key
            expr.last = k + size - 1
            return


def prefix_qualifier(s: TokenStream, expr: _Expr) -> None:
    """A qualifier before the value ("more than", "nearly", "about"), or the "between" of a range."""
    if expr.qual == "range":
        if s.low(expr.first - 1) == "between":
            expr.first -= 1
        return
    for size in range(lx.MAX_QUALIFIER_WORDS + 1, 0, -1):
        a = expr.first - size
        if a < 0 or any(not s.free(x) for x in range(a, expr.first)):
            continue
        key = _join(s.toks, a, expr.first).lower()
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


# Pairs of a unit and its subunit written as one amount: "5 ft 2 in", "3 dollars 50 cents".
_SPLIT_UNITS = {"foot": ("inch", 12.0), "pound": ("ounce", 16.0)}


def split_amount(s: TokenStream, expr: _Expr) -> None:
    """ "5 feet 2 inches", "3 dollars 50 cents", "15 dollars 50.": one amount in two parts."""
    if expr.low is not None or expr.fig.magnitude != 1 or expr.qual == "range":
        return
    k = expr.last + 1
    if s.low(k) == "and":
        k += 1
    sub = figure_at(s, k)
    if sub is None or sub.magnitude != 1 or sub.value <= 0:
        return
    after = sub.last + 1
    if expr.currency and expr.share == 1 and expr.iso in ("USD", None, "EUR", "GBP", "CNY"):
        if sub.value >= 100 or sub.value != int(sub.value):
            return
        cur = currency_suffix(s, after)
        if cur is not None and cur[3] == 0.01:
            last = cur[2]
        elif cur is None and (s.tok(after) is None or s.low(after) in (".", ",", ";")):
            last = sub.last  # "15 dollars 50.": the cents without their name
        else:
            return
        value = expr.fig.value + sub.value / 100
    elif expr.unit_expr in _SPLIT_UNITS:
        name, per = _SPLIT_UNITS[expr.unit_expr]
        w = s.low(after)
        unit = unit_at(s, after)
        if unit is not None and unit[0] == name:
            last = unit[2]
        elif (
            name == "inch"
            and w == "in"
            and s.tok(after + 1) is None
            or (
                name == "inch"
                and w == "in"
                and s.low(after + 1) in (".", ",", ";", "more", "and", "tall", "long", "wide")
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
