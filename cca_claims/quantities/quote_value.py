"""Which value a quote means, and whether an explicit value appears in its quote."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from cca_claims.interval import Interval
from cca_claims.model import Reading
from cca_claims.quantities.legs import conversion_legs
from cca_claims.report.display import short_value


def _is_bare(r: Reading) -> bool:
    return r.kind == "count" and r.unit == "count"


def _dedupe(readings: list[Reading]) -> list[Reading]:
    seen, out = set(), []
    for r in readings:
        key = (r.kind, r.unit, r.interval, r.items, r.label)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def kind_readings(text: str, kind: str | None, items: Sequence[str] = ()) -> list[Reading]:
    """Values a quote states only in words, read when the claim's kind asks for them.

    The general reader (`read_values`) reads figures and dates, which any passage may state. A
    project status ("work on the line is suspended") or an enumeration read as a set ("signed by
    Kazakhstan, Kyrgyzstan and Tajikistan") is only a value when the claim is about one, so these
    are read here for a claim of kind "status" or "set". `items` are the claim's own items, which
    pick the enumeration and settle its item boundaries (`enumerations.read_enumeration`).
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        if kind == "status":
            from cca_claims.quantities.statuses import status_reading

            found = status_reading(text)
        elif kind == "set":
            from cca_claims.quantities.enumerations import read_enumeration

            found = read_enumeration(text, items)
        elif kind == "label":
            from cca_claims.quantities.labels import read_label

            found = read_label(text, items)  # where the quote names the claim's value
        else:
            return []
    except Exception:  # noqa: BLE001 - a reader must never break a check run
        return []
    return [found] if found is not None else []


@dataclass(frozen=True)
class Guide:
    """What the claim says, which picks the figure a passage means.

    value: the claim's own `value:` read; statement: the figures of the claim's one-sentence
    statement (a guide when it has no `value:`); words: the statement's content words; passage:
    the quote the candidates were read from (their spans index into it).
    """

    value: Reading | None = None
    statement: tuple[Reading, ...] = ()
    words: frozenset[str] = frozenset()
    passage: str = ""

    @classmethod
    def of(cls, value: Reading | None, statement: str, statement_readings, passage: str) -> Guide:
        return cls(value, tuple(statement_readings), _statement_words(statement), passage)

    def target(self, kind: str | None) -> Reading | None:
        """The claim's own figure of `kind`: its value, else the statement's only one."""
        if self.value is not None and (kind is None or self.value.kind == kind):
            return self.value
        same = [r for r in self.statement if r.kind == kind and r.interval is not None]
        units = {(r.kind, r.unit, r.written_unit.upper()) for r in same}
        return same[0] if len(units) == 1 else None


_STOP = frozenset(
    "the a an of in on at to for and or by with from as is was were be been are its it this "
    "that which than per into over about around more less up down has have had will would "
    "between among total".split()
)


def content_words(text: str) -> frozenset[str]:
    """Lower-case words of 3+ letters that are not function words, crudely stemmed."""
    words = re.findall(r"[^\W\d_]{3,}", text.casefold())
    return frozenset(_stem(w) for w in words if w not in _STOP)


@functools.lru_cache(maxsize=256)
def _statement_words(statement: str) -> frozenset[str]:
    """`content_words` of a claim's statement, remembered: a guide is made for each of its
    passages in turn."""
    return content_words(statement)


def _stem(word: str) -> str:
    for end in ("ies", "es", "s"):
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)] + ("y" if end == "ies" else "")
    return word


def choose_reading(
    candidates: list[Reading],
    kind: str | None,
    period: Interval | None,
    guide: Guide | None = None,
) -> tuple[Reading | None, str]:
    """Pick the value a quote means.

    In turn, each step keeping the candidates that fit best (a step that would keep none is
    skipped): the claim's kind; one leg of a written conversion ("1.5 billion yuan (US$208
    million)" is one amount: the leg in the claim's currency); the claim's `period` against the
    date each figure is tied to; the claim's own figure (`guide`: its `value:`, else the figure
    in its statement): same currency or dimension, then the same order of magnitude; then the
    claim's words around each figure ("capacity ... cubic meters" against "1,833 km long").
    Returns (reading, "") or (None, a one-sentence problem that names the candidates left and
    the key that settles it).
    """

    guide = guide or Guide()
    if kind:
        pool = [c for c in candidates if c.kind == kind]
    else:
        pool = [c for c in candidates if c.kind != "date"] or list(candidates)
    if kind in (None, "count") and any(not _is_bare(c) for c in pool):
        pool = [c for c in pool if not _is_bare(c)]
    target = guide.target(kind)
    pool = _one_leg_each(pool, guide.passage, target)
    if period is not None and len(pool) > 1:
        dated = [c for c in pool if c.period is not None]
        fitting = [c for c in dated if c.period.overlaps(period)]
        if fitting:
            pool = fitting
        elif dated:
            pool = [c for c in pool if c.period is None]
            if not pool:
                return None, (
                    f"no {kind or ''} value in the quote refers to the claim's period".replace(
                        "  ", " "
                    )
                )
    if target is not None:
        pool = _prefer(pool, lambda c: _same_measure(c, target))
        pool = _prefer(pool, lambda c: _same_magnitude(c, target))
        agreeing = [c for c in pool if _agrees(c, target)]
        if agreeing:
            # a stated figure says more than a bound ("$13.1 billion" over "over $10 billion")
            pool = _prefer(agreeing, lambda c: c.interval is not None and c.interval.is_bounded)
    # (a passage with dozens of candidates is a table, not prose: its words pick nothing)
    if 1 < len(_dedupe(pool)) <= 50 and guide.words and guide.passage:
        scores = {id(c): _context_score(c, guide, pool) for c in pool}
        best = max(scores.values())
        if best > 0:
            pool = [c for c in pool if scores[id(c)] == best]
    pool = _dedupe(pool)
    if len(pool) == 1:
        return pool[0], ""
    if not pool:
        what = f"{kind} value" if kind else "value"
        return None, f"quote holds no {what}: set `value:` or check the quote"
    listed = ", ".join(short_value(c) for c in pool[:5]) + (", ..." if len(pool) > 5 else "")
    keys = "add `value:` to this evidence item with the one the claim means"
    if len({c.period for c in pool}) > 1 and period is None:
        keys += ", or give the claim a `period:`"
    return (
        None,
        f"quote holds {len(pool)} candidate values equally fitting the claim ({listed}): {keys}",
    )


def _prefer(pool: list[Reading], fits) -> list[Reading]:
    kept = [c for c in pool if fits(c)]
    return kept or pool


def _currency(r: Reading) -> str:
    return (r.written_unit or r.unit).upper()


def _same_measure(c: Reading, target: Reading) -> bool:
    if c.kind != target.kind:
        return False
    if c.kind == "money":
        return _currency(c) == _currency(target)
    return c.unit == target.unit


def _same_magnitude(c: Reading, target: Reading) -> bool:
    """Within a factor of ten of the claim's own figure (compared in the canonical unit)."""
    if c.interval is None or target.interval is None or c.unit != target.unit:
        return False
    a, b = abs(c.interval.mid), abs(target.interval.mid)
    if not (math.isfinite(a) and math.isfinite(b)) or a == 0 or b == 0:
        return False
    return abs(math.log10(a / b)) < 1


def _agrees(c: Reading, target: Reading) -> bool:
    """The figure the claim states: among several, the one that agrees with it is meant."""
    from cca_claims.compare import comparable, compare

    return comparable(c, target) and compare(c, target).agrees


def _one_leg_each(pool: list[Reading], passage: str, target: Reading | None) -> list[Reading]:
    """Keep one leg of each written conversion: the one in the claim's currency or unit, else
    the amount as first written."""
    if len(pool) < 2 or not passage:
        return pool

    pool = list(pool)
    drop = set()
    for i, j in conversion_legs(passage, pool):
        want_second = (
            target is not None
            and _same_measure(pool[j], target)
            and not _same_measure(pool[i], target)
        )
        drop.add(i if want_second else j)
        if want_second:
            pool[j] = _as_conversion_of(pool[j], pool[i])
    return [c for k, c in enumerate(pool) if k not in drop]


def _as_conversion_of(leg: Reading, original: Reading) -> Reading:
    """A writer's conversion stands for the original amount too: "1.5 billion yuan (US$208
    million)" and "(US$209 million)" are one grant converted at slightly different rates, so
    the converted leg allows both its written figure and the original at the period's rates.
    C209 reports a conversion that is off for its period."""

    if leg.interval is None or original.interval is None or leg.unit != original.unit:
        return leg
    return replace(
        leg,
        interval=leg.interval.hull(original.interval),
        notes=leg.notes + (f'a conversion of "{original.text}": also that amount at the rates',),
    )


def _context_score(c: Reading, guide: Guide, pool: Sequence[Reading]) -> int:
    """How many of the claim's words stand in the figure's own stretch of its clause.

    The stretch runs from the clause's start (or the middle of the words after the figure
    before) to its end (or the middle of the words before the next figure): "a capacity of 60
    billion cubic meters and a length of 1,833 km" gives "capacity" to the volume and "length"
    to the distance. The split falls on the last comma or "and" between two figures.
    """
    if c.span is None:
        return 0
    text = guide.passage
    left = max(text.rfind(cut, 0, c.span[0]) for cut in (". ", ";", "\n")) + 1
    rights = [p for p in (text.find(cut, c.span[1]) for cut in (". ", ";", "\n")) if p >= 0]
    right = min(rights) if rights else len(text)
    for other in pool:
        if other.span is None or other is c:
            continue
        if left <= other.span[1] <= c.span[0]:
            left = _split(text, other.span[1], c.span[0])
        elif c.span[1] <= other.span[0] <= right:
            right = _split(text, c.span[1], other.span[0])
    return len(content_words(text[left:right]) & guide.words)


def _split(text: str, start: int, end: int) -> int:
    """Where the words between two figures divide: at the last comma or "and", else midway."""
    between = text[start:end]
    cuts = [m.start() for m in re.finditer(r",|\band\b|\bwhile\b|\bwith\b", between)]
    return start + (cuts[-1] if cuts else len(between) // 2)


def _comparable(r: Reading) -> tuple[str, float] | None:
    """(unit key, figure in a common unit) for comparing a value with a quote's readings."""
    if r.number is None:
        return None
    if r.kind == "money":
        return (f"money:{r.written_unit.upper()}", r.number)
    if r.kind == "quantity":
        for conv in r.conversions:
            if conv.kind == "unit":
                try:
                    from cca_claims.quantities.units import to_base

                    return (f"quantity:{r.unit}", to_base(r.number, conv.from_unit))
                except Exception:
                    return None
        return (f"quantity:{r.unit}", r.number)
    if r.kind == "count":
        return (r.unit, r.number)
    if r.kind == "percent":
        return ("percent", r.number)
    return None


def value_in_quote(value: Reading, quote_readings: list[Reading]) -> bool:
    """Whether an explicit value appears in the quote, allowing for formatting.

    "$94.82 billion" matches `94.82e9 USD`, "24 bilateral agreements" matches `24 agreements`,
    "June 17, 2025" matches `2025-06-17`. A different figure does not match.
    """
    if value.kind in ("set", "label", "status"):
        return any(q.kind == value.kind for q in quote_readings)
    if value.kind == "date":
        return any(
            q.kind == "date"
            and q.interval is not None
            and value.interval is not None
            and q.interval == value.interval
            for q in quote_readings
        )
    mine = _comparable(value)
    if mine is None:
        return False
    for q in quote_readings:
        if q.kind != value.kind:
            continue
        theirs = _comparable(q)
        if theirs is None:
            continue
        same_unit = theirs[0] == mine[0] or (
            value.kind == "count" and "count" in (value.unit, q.unit)
        )
        if same_unit and math.isclose(theirs[1], mine[1], rel_tol=1e-6, abs_tol=1e-12):
            return True
    return False
