"""How two readings compare, shared by the rules and the verdicts so they never disagree.

Numbers (quantities, money, counts, percentages) and statuses are intervals: they agree when the
intervals overlap once each is widened by the rounding slack (never for exact figures), and
contradict when they stay disjoint. Dates carry their granularity: a coarser date containing a
finer one agrees; two different day-level dates that overlap ("June 17" vs "June 16-17") are a
soft difference; disjoint dates contradict. Sets compare item by item, labels by normalized form.

`group` splits a claim's readings into groups that agree among themselves, largest first: the
first group is where the weight lies, every reading outside it is an outlier a rule reports.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from cca_claims.interval import Interval
from cca_claims.model import Reading

NUMERIC_KINDS = ("quantity", "money", "count", "percent")
AGREE, SOFT, CONFLICT = "agree", "soft", "conflict"

# Words of a qualifier that make a figure approximate (a hedge), as opposed to a bound.
HEDGES = (
    "around",
    "about",
    "approximately",
    "approx",
    "roughly",
    "some",
    "nearly",
    "almost",
    "circa",
    "estimated",
    "close to",
    "~",
)


@dataclass(frozen=True)
class Comparison:
    """How two readings relate: agree, soft (dates only) or conflict, with the detail."""

    relation: str
    only_a: tuple[str, ...] = ()  # set items / label words only the first has
    only_b: tuple[str, ...] = ()

    @property
    def agrees(self) -> bool:
        return self.relation == AGREE


# the comparisons without detail, made once (they are frozen): compare returns them for numbers,
# dates and statuses
_AGREED, _SOFT, _CONFLICTED = Comparison(AGREE), Comparison(SOFT), Comparison(CONFLICT)


@dataclass(frozen=True)
class Tolerance:
    """The configured tolerances a comparison uses."""

    slack: float = 0.0  # relative rounding slack for non-exact figures
    set_threshold: float = 85.0  # rapidfuzz score for two set items to match
    label_threshold: float = 90.0  # rapidfuzz score for two labels without differing words


def comparable(a: Reading, b: Reading) -> bool:
    """Whether two readings speak of the same kind of thing in comparable units."""
    if a.kind != b.kind:
        return False
    if a.kind == "set":
        return bool(a.items) and bool(b.items)
    if a.kind == "label":
        return bool(a.label) and bool(b.label)
    if a.kind == "status":
        return bool(a.label or a.interval) and bool(b.label or b.interval)
    if a.interval is None or b.interval is None:
        return False
    if a.kind in ("count", "date", "percent"):
        return True  # a count's noun may be written two ways ("centres", "platforms")
    return a.unit == b.unit


def widened(reading: Reading, slack: float, truncated: bool = False) -> Interval | None:
    """The values a reading allows when compared: its interval plus the rounding slack.

    The configured (or the claim's own) slack widens every non-exact figure. With `truncated`,
    a bare figure also covers the digits a reporter cut off (`reporter_interval`).
    """
    if reading.interval is None:
        return None
    iv = reporter_interval(reading) if truncated else reading.interval
    if slack <= 0 or reading.exact_figure or reading.kind in ("date", "status", "count"):
        return iv
    return iv.widen(slack)


def _precision(reading: Reading) -> float | None:
    """A bare figure's written precision relative to its size (None for other readings)."""
    number = reading.number
    if number is None or number == 0 or reading.qualifier:
        return None
    band = reading.native if reading.native is not None else reading.interval
    if band is None:
        return None
    low, high = band.low, band.high
    if not (math.isfinite(low) and math.isfinite(high)):
        return None
    return (high - low) / abs(number)


def finer(a: Reading, b: Reading) -> bool:
    """Whether `a` was written more precisely than `b` ("13.78" against "13.7")."""
    return _finer(_precision(a), _precision(b))


def _finer(pa: float | None, pb: float | None) -> bool:
    """`finer` on the two readings' precisions (`_precision`)."""
    return pa is not None and pb is not None and pa < pb * 0.99


def reporter_interval(reading: Reading) -> Interval:
    """A bare written figure's interval with truncation allowed: [x - u/2, x + u) for x > 0.

    Only a figure read with its written precision is widened: no qualifier, not exact, and
    the half-open band [x - h, x + h) around the written number the reader builds for it.
    """
    iv = reading.interval
    band = reading.native if reading.native is not None else iv
    number = reading.number
    if (
        iv is None
        or band is None
        or number is None
        or number == 0
        or reading.exact_figure
        or reading.qualifier
        or reading.kind not in ("quantity", "money", "percent", "count")
        or not (iv.is_bounded and band.is_bounded)
        or band.is_point
        or not band.low_closed
        or band.high_closed
        or not math.isclose(band.mid, number, rel_tol=1e-9)
    ):
        return iv
    # the same relative reach in the compared unit (a unit factor or a range of FX rates)
    half = band.width / 2
    if number > 0:
        return Interval(iv.low, iv.high * (band.high + half) / band.high, True, False)
    return Interval(iv.low * (band.low - half) / band.low, iv.high, True, False)


def compare(a: Reading, b: Reading, tol: Tolerance = Tolerance()) -> Comparison:
    """Compare two comparable readings (see `comparable`)."""
    kind = a.kind
    if kind in NUMERIC_KINDS:  # the most common comparison first
        return _compare_numbers(a, b, tol)
    if kind == "set":
        from cca_claims.quantities.labels import match_sets

        _pairs, only_a, only_b = match_sets(list(a.items), list(b.items), tol.set_threshold)
        if only_a or only_b:
            return Comparison(CONFLICT, tuple(only_a), tuple(only_b))
        return _AGREED
    if kind == "label":
        from cca_claims.quantities.labels import labels_equal, word_difference

        same, _score = labels_equal(a.label, b.label, tol.label_threshold)
        if same:
            return _AGREED
        only_a, only_b = word_difference(a.label, b.label)
        return Comparison(CONFLICT, tuple(only_a), tuple(only_b))
    if kind == "date":
        relation = date_relation(a, b)
        return _AGREED if relation == AGREE else _SOFT if relation == SOFT else _CONFLICTED
    if kind == "status":
        sa, sb = status_interval(a), status_interval(b)
        if sa is None or sb is None:
            # not in the project vocabulary ("signed"): the words decide
            from cca_claims.quantities.labels import normalize_label

            same = normalize_label(a.label) == normalize_label(b.label)
            return _AGREED if same else _CONFLICTED
        return _AGREED if sa.overlaps(sb) else _CONFLICTED
    return _compare_numbers(a, b, tol)  # any other kind is compared as a number


def _compare_numbers(a: Reading, b: Reading, tol: Tolerance) -> Comparison:
    """Two figures agree when their widened intervals overlap (see `compare`)."""
    if a.kind == "money":
        a, b = in_one_currency(a, b)
    pa, pb = _precision(a), _precision(b)
    slack = tol.slack
    ia = widened(a, slack, truncated=_finer(pb, pa))
    ib = widened(b, slack, truncated=_finer(pa, pb))
    if ia is None or ib is None:
        return _AGREED
    return _AGREED if ia.overlaps(ib) else _CONFLICTED


def in_one_currency(a: Reading, b: Reading) -> tuple[Reading, Reading]:
    """Two amounts written in one currency, compared in it rather than in converted dollars.

    "350 million yuan" in a 2021 passage and a claim's "350 million CNY" are converted at the
    rates of different periods; as yuan they are the same amount.
    """

    code_a, code_b = a.written_unit.upper(), b.written_unit.upper()
    if (
        code_a != code_b
        or len(code_a) != 3
        or code_a == "USD"
        or a.native is None
        or b.native is None
    ):
        return a, b
    return replace(a, interval=a.native, unit=code_a), replace(b, interval=b.native, unit=code_b)


def date_relation(a: Reading, b: Reading) -> str:
    """agree (equal, or a coarser date containing a finer one, or overlapping periods), soft
    (two different day-level dates that overlap), or conflict (disjoint)."""
    ia, ib = a.interval, b.interval
    if ia is None or ib is None:
        return AGREE
    if not ia.overlaps(ib):
        return CONFLICT
    if ia == ib:
        return AGREE
    if _day_level(a) and _day_level(b):
        return SOFT
    return AGREE


def _day_level(r: Reading) -> bool:
    if r.granularity:
        return r.granularity == "day"
    # without a granularity: a bounded stretch of under a month was written to the day
    return r.interval is not None and r.interval.is_bounded and r.interval.width < 28


def status_interval(reading: Reading) -> Interval | None:
    """The ranks a status reading allows in the ordered vocabulary (None when not a status)."""
    if reading.interval is not None:
        return reading.interval
    from cca_claims.quantities.labels import status_rank

    rank = status_rank(reading.label)
    return Interval.point(rank) if rank >= 0 else None


def status_name(reading: Reading) -> str:
    """The canonical status a reading stands for ("implementation phase" -> under construction)."""
    from cca_claims.quantities.labels import status_names, status_rank

    names = status_names()
    iv = reading.interval
    if iv is not None and iv.is_bounded:
        low, high = int(iv.low), int(iv.high)
        if 0 <= low < len(names) and 0 <= high < len(names):
            return names[low] if low == high else f"{names[low]} to {names[high]}"
    rank = status_rank(reading.label)
    return names[rank] if 0 <= rank < len(names) else reading.label


def relative_gap(a: Interval, b: Interval) -> float:
    """How far apart two disjoint intervals are, relative to the larger magnitude (0..inf)."""
    gap = a.gap(b)
    scale = max(abs(a.mid), abs(b.mid)) if (a.is_bounded or b.is_bounded) else 0.0
    if not math.isfinite(scale) or scale == 0:
        return 0.0
    return gap / scale


def group(
    readings: Sequence[Reading], relate: Callable[[Reading, Reading], Comparison]
) -> list[list[int]]:
    """Indices of `readings` split into groups that agree pairwise, largest group first.

    Greedy: the reading that agrees with the most others seeds a group, which takes every reading
    that agrees with all its members; repeat with what is left. Ties go to the earlier reading,
    so the order of the evidence in the claim file decides a 1-1 split. Agreement is symmetric
    (overlapping intervals, matching sets or labels), so each pair is related once.
    """
    n = len(readings)
    agree = [[True] * n for _ in range(n)]
    split = False
    for i in range(n):
        row = agree[i]
        for j in range(i + 1, n):
            row[j] = agree[j][i] = ok = relate(readings[i], readings[j]).agrees
            split = split or not ok
    if not split:  # all agree (the common case): one group, as the greedy loop would find
        return [list(range(n))] if n else []
    left = list(range(n))
    groups: list[list[int]] = []
    while left:
        seed = max(left, key=lambda i: (sum(agree[i][j] for j in left), -i))
        members = [seed]
        for j in sorted(left, key=lambda j: (-sum(agree[j][k] for k in left), j)):
            if j != seed and all(agree[j][m] for m in members):
                members.append(j)
        members.sort()
        groups.append(members)
        left = [i for i in left if i not in members]
    groups.sort(key=lambda g: (-len(g), g[0]))
    return groups


def intersect(readings: Sequence[Reading], slack: float = 0.0) -> Interval | None:
    """The values every reading allows (None when they have no common value)."""
    out: Interval | None = None
    for r in readings:
        iv = r.interval
        if iv is None:
            continue
        out = iv if out is None else out.intersection(iv)
        if out is None:
            break
    if out is None and slack > 0:
        # they agree only within the slack: the common part of the widened intervals
        for r in readings:
            iv = widened(r, slack)
            if iv is None:
                continue
            out = iv if out is None else out.intersection(iv)
            if out is None:
                return None
    return out


def is_hedged(reading: Reading) -> bool:
    """A figure written as an approximation ("around $24 billion"), not a bound."""
    if not reading.qualifier:
        return False  # no hedge is empty
    q = reading.qualifier.casefold()
    words = q.split()
    return any(h in words or h == q for h in HEDGES)


def describe(reading: Reading | None) -> str:
    """A reading as an editor reads it in a message: the words as written, else normalized."""
    if reading is None:
        return "nothing readable"
    if reading.kind == "set":
        return f"{len(reading.items)} items ({', '.join(reading.items)})"
    if reading.kind == "label":
        return f'"{reading.label or reading.text}"'
    if reading.kind == "status":
        text = " ".join((reading.text or reading.label).split())
        name = status_name(reading)
        return f'"{text}" ({name})' if name and text.casefold() != name else f'"{text}"'
    text = " ".join((reading.text or "").split())
    if text:
        return f'"{text}"' if len(text) <= 80 else f'"{text[:77]}..."'
    if reading.kind == "date" and reading.interval is not None:
        from cca_claims.quantities.dates import days_to_text

        return days_to_text(reading.interval, reading.granularity or "day")
    if reading.interval is not None:
        return f"{reading.interval.notation()} {reading.unit}".strip()
    return reading.label or "a value"


def normalized(reading: Reading | None) -> str:
    """The normalized value, for the side-by-side part of a message."""
    if reading is None or reading.interval is None:
        return ""
    if reading.kind == "date":
        from cca_claims.quantities.dates import days_to_text

        return days_to_text(reading.interval, reading.granularity or "day")
    return f"{reading.interval.notation()} {reading.unit}".strip()


def join_names(names: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
