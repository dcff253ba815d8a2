"""Amounts written twice: "1.5 billion yuan (US$208 million)", "CNY 1.5bn (over $208mn)".

A figure followed by the same amount in another currency or unit, in brackets or after ", or",
is ONE amount with two legs: the first as the source counted it, the second the writer's
conversion. The reader keeps both readings; `conversion_legs` pairs them so that choosing a
value takes the leg in the claim's currency (never "two candidates"), both legs refer to the
same period, and C209 can check the conversion against the rates of that period.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cca_claims.model import Reading

# What may stand between the two legs: an opening bracket or ", or", with a hedge or "US" the
# second leg's reading did not take ("(approximately 210 million US dollars)").
_OPEN = re.compile(
    r"\s*(?:[(\[]|,?\s*(?:or|i\.e\.|that is)\b,?)\s*"
    r"(?:(?:approximately|approx\.|about|around|roughly|some|equivalent to|equal to|worth|"
    r"close to|~|≈)\s*)?$",
    re.IGNORECASE,
)
_CLOSE = re.compile(r"\s*[)\]]")


def _currency(r: Reading) -> str:
    return (r.written_unit or r.unit).upper()


def _dimension(r: Reading) -> str:
    return r.unit if r.kind == "quantity" else ""


def conversion_legs(text: str, readings: Sequence[Reading]) -> list[tuple[int, int]]:
    """Pairs (i, j) of indices into `readings`: j is i's conversion written right after it.

    Both legs are money in different currencies, or quantities of one dimension in different
    written units ("1,000 miles (1,609 km)"). A bracketed second leg must close its bracket.
    """
    order = sorted(
        (k for k, r in enumerate(readings) if r.span is not None and r.kind != "date"),
        key=lambda k: readings[k].span[0],  # type: ignore[index]
    )
    pairs = []
    for a, b in zip(order, order[1:]):
        first, second = readings[a], readings[b]
        if first.kind != second.kind or first.kind not in ("money", "quantity"):
            continue
        if first.kind == "money" and _currency(first) == _currency(second):
            continue
        if first.kind == "quantity" and (
            _dimension(first) != _dimension(second)
            or first.written_unit.casefold() == second.written_unit.casefold()
        ):
            continue
        gap = text[first.span[1] : second.span[0]]  # type: ignore[index]
        opened = _OPEN.fullmatch(gap) if len(gap) < 40 else None
        if opened is None:
            continue
        if "(" in gap or "[" in gap:
            if not _CLOSE.match(text, second.span[1]):  # type: ignore[index]
                continue
        pairs.append((a, b))
    return pairs


def second_legs(text: str, readings: Sequence[Reading]) -> set[int]:
    """Indices of the readings that only restate the amount before them in another unit."""
    return {j for _i, j in conversion_legs(text, readings)}
