"""Closed/open intervals of real numbers, the shape of every normalized value.

A figure in prose is never a point: "$94.8 billion" is [94.75, 94.85) billion, "more than 100"
is (100, inf), "June 16-17" is the days [d16, d17]. Comparing two readings is comparing two
intervals, and relations between claims (sums, parts, growth) are interval arithmetic, so a
qualifier is never dropped on the way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

INF = math.inf


@dataclass(frozen=True)
class Interval:
    """A set of reals between `low` and `high`; each bound open or closed.

    Infinite bounds are always open. A point is `Interval.point(x)`.
    """

    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = True

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high):
            raise ValueError("interval bound is NaN")
        if self.low > self.high:
            raise ValueError(f"empty interval: {self.low} > {self.high}")
        if math.isinf(self.low) and self.low_closed:
            object.__setattr__(self, "low_closed", False)
        if math.isinf(self.high) and self.high_closed:
            object.__setattr__(self, "high_closed", False)

    # -- constructors -------------------------------------------------------------------
    @classmethod
    def point(cls, x: float) -> Interval:
        return cls(x, x, True, True)

    @classmethod
    def closed(cls, low: float, high: float) -> Interval:
        return cls(min(low, high), max(low, high), True, True)

    @classmethod
    def around(cls, x: float, rel: float) -> Interval:
        """[x(1-rel), x(1+rel)], ordered for negative x."""
        a, b = x * (1 - rel), x * (1 + rel)
        return cls(min(a, b), max(a, b), True, True)

    # -- predicates ---------------------------------------------------------------------
    @property
    def is_point(self) -> bool:
        return self.low == self.high

    @property
    def is_bounded(self) -> bool:
        return math.isfinite(self.low) and math.isfinite(self.high)

    @property
    def width(self) -> float:
        return self.high - self.low

    @property
    def mid(self) -> float:
        if self.is_bounded:
            return (self.low + self.high) / 2
        return self.low if math.isfinite(self.low) else self.high

    def contains_value(self, x: float) -> bool:
        above = x > self.low or (self.low_closed and x == self.low)
        below = x < self.high or (self.high_closed and x == self.high)
        return above and below

    def contains(self, other: Interval) -> bool:
        """True when every point of `other` lies in self."""
        low_ok = other.low > self.low or (
            other.low == self.low and (self.low_closed or not other.low_closed)
        )
        high_ok = other.high < self.high or (
            other.high == self.high and (self.high_closed or not other.high_closed)
        )
        return low_ok and high_ok

    def intersection(self, other: Interval) -> Interval | None:
        """The common part, or None when the two are disjoint."""
        common = _common_bounds(self, other)
        if common is None:
            return None
        low, low_closed, high, high_closed = common
        if low < high and _only_touch(self, other, high - low):
            # "19.1 km" [19.05, 19.15) and "19.2 km" [19.15, 19.25) meet at one bound, but
            # 19.1 + 0.05 is not exactly 19.2 - 0.05 in floats: a sliver that narrow is the
            # same bound twice, so it is a point only when both sides include it.
            if not (low_closed and high_closed):
                return None
            return Interval(low, low, True, True)
        return Interval(low, high, low_closed, high_closed)

    def overlaps(self, other: Interval) -> bool:
        """Whether `intersection(other)` is not None, without building the common part."""
        common = _common_bounds(self, other)
        if common is None:
            return False
        low, low_closed, high, high_closed = common
        if low < high and _only_touch(self, other, high - low):
            return low_closed and high_closed  # the shared bound, a point when both include it
        return True

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both."""
        if self.low < other.low:
            low, low_closed = self.low, self.low_closed
        elif other.low < self.low:
            low, low_closed = other.low, other.low_closed
        else:
            low, low_closed = self.low, self.low_closed or other.low_closed
        if self.high > other.high:
            high, high_closed = self.high, self.high_closed
        elif other.high > self.high:
            high, high_closed = other.high, other.high_closed
        else:
            high, high_closed = self.high, self.high_closed or other.high_closed
        return Interval(low, high, low_closed, high_closed)

    def gap(self, other: Interval) -> float:
        """Distance between two disjoint intervals (0 when they touch or overlap)."""
        if self.high < other.low:
            return other.low - self.high
        if other.high < self.low:
            return self.low - other.high
        return 0.0

    def widen(self, rel: float) -> Interval:
        """Widen each finite bound by `rel` of its magnitude (rounding slack)."""
        low = self.low - abs(self.low) * rel if math.isfinite(self.low) else self.low
        high = self.high + abs(self.high) * rel if math.isfinite(self.high) else self.high
        return Interval(low, high, self.low_closed, self.high_closed)

    # -- arithmetic ---------------------------------------------------------------------
    def __add__(self, other: Interval) -> Interval:
        return Interval(
            self.low + other.low,
            self.high + other.high,
            self.low_closed and other.low_closed,
            self.high_closed and other.high_closed,
        )

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low, self.high_closed, self.low_closed)

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def scale(self, k: float) -> Interval:
        """Multiply by a constant."""
        if k >= 0:
            return Interval(
                _mul(self.low, k), _mul(self.high, k), self.low_closed, self.high_closed
            )
        return Interval(_mul(self.high, k), _mul(self.low, k), self.high_closed, self.low_closed)

    def __mul__(self, other: Interval) -> Interval:
        corners = [
            (_mul(a, b), ac and bc)
            for a, ac in ((self.low, self.low_closed), (self.high, self.high_closed))
            for b, bc in ((other.low, other.low_closed), (other.high, other.high_closed))
        ]
        low = min(c[0] for c in corners)
        high = max(c[0] for c in corners)
        low_closed = any(c[1] for c in corners if c[0] == low)
        high_closed = any(c[1] for c in corners if c[0] == high)
        return Interval(low, high, low_closed, high_closed)

    def __truediv__(self, other: Interval) -> Interval:
        if other.contains_value(0.0) or (other.low == 0 and other.high == 0):
            return Interval(-INF, INF, False, False)
        inverse = Interval(
            1 / other.high if other.high != 0 else -INF if other.high < 0 else INF,
            1 / other.low if other.low != 0 else INF,
            other.high_closed,
            other.low_closed,
        )
        if inverse.low > inverse.high:
            inverse = Interval(inverse.high, inverse.low, inverse.high_closed, inverse.low_closed)
        return self * inverse

    # -- display ------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {
            "low": _json_number(self.low),
            "high": _json_number(self.high),
            "low_inclusive": self.low_closed,
            "high_inclusive": self.high_closed,
        }

    def notation(self, fmt=None) -> str:
        """Mathematical notation: `[94.75, 94.85)`, with an optional number formatter."""
        fmt = fmt or _short
        left = "[" if self.low_closed else "("
        right = "]" if self.high_closed else ")"
        if self.is_point:
            return fmt(self.low)
        low = "-inf" if self.low == -INF else fmt(self.low)
        high = "inf" if self.high == INF else fmt(self.high)
        return f"{left}{low}, {high}{right}"

    def __str__(self) -> str:
        return self.notation()


# A common part narrower than this (relative to its magnitude) is float noise at a shared bound.
_TOUCH = 1e-9


def _common_bounds(a: Interval, b: Interval) -> tuple[float, bool, float, bool] | None:
    """The bounds both intervals allow (low, low_closed, high, high_closed), None if none."""
    if a.low > b.low:
        low, low_closed = a.low, a.low_closed
    elif b.low > a.low:
        low, low_closed = b.low, b.low_closed
    else:
        low, low_closed = a.low, a.low_closed and b.low_closed
    if a.high < b.high:
        high, high_closed = a.high, a.high_closed
    elif b.high < a.high:
        high, high_closed = b.high, b.high_closed
    else:
        high, high_closed = a.high, a.high_closed and b.high_closed
    if low > high or (low == high and not (low_closed and high_closed)):
        return None
    return low, low_closed, high, high_closed


def _only_touch(a: Interval, b: Interval, width: float) -> bool:
    """Whether a common part of `width` is only two bounds that should be equal."""
    if not math.isfinite(width):
        return False
    scale = max(abs(a.low), abs(a.high), abs(b.low), abs(b.high), 1e-300)
    if math.isinf(scale):  # a finite width has a finite bound
        scale = max(abs(x) for x in (a.low, a.high, b.low, b.high) if math.isfinite(x))
    noise = _TOUCH * scale
    return width <= noise and a.width > noise * 10 and b.width > noise * 10


def _mul(a: float, b: float) -> float:
    # inf * 0 is undefined; for bounds of magnitudes the meaningful answer is 0.
    if a == 0 or b == 0:
        return 0.0
    return a * b


def _json_number(x: float) -> float | None:
    """JSON has no infinity: an unbounded side is null."""
    if math.isinf(x):
        return None
    if float(x).is_integer() and abs(x) < 2**53:
        return int(x)
    return x


def _short(x: float) -> str:
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.6g}"
