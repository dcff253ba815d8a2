"""Amounts per period: "55 bcm per year", "10 million tonnes a year", "per annum", "annually".

The reader reads "55 bcm per year" as a flow (cubic metres per second, pint's base units), which
is not the amount "55 bcm". When the claim says it speaks of a yearly figure (its statement says
"annual", "a year", "per year", "per annum", "yearly" or "annually"), a flow read in a passage is
compared as the amount of one year: 55 bcm per year is 55 bcm. A claim whose own `value:` is a
flow ("55 bcm/year") compares flows with flows and needs nothing of this.
"""

from __future__ import annotations

import re
from dataclasses import replace

from cca_claims.interval import Interval
from cca_claims.model import Conversion, Reading

# pint's year (365.25 days), the one the reader divided by
SECONDS_PER_YEAR = 365.25 * 24 * 3600
_PER_SECOND = " / second"

_YEARLY = re.compile(
    r"\b(?:annual(?:ly)?|a year|per year|each year|every year|per annum|p\.a\.|yearly|"
    r"year-round capacity)|/\s*(?:year|yr|a)\b",
    re.IGNORECASE,
)


# "30 billion cubic metres of gas per year": the rate the reader did not join to the unit
_RATE_AFTER = re.compile(
    r"\s+(?:of\s+(?:natural\s+)?[a-z-]+\s+)?(?:per\s+year|a\s+year|per\s+annum|annually|"
    r"each\s+year|every\s+year|yearly)\b",
    re.IGNORECASE,
)
# "a designed annual deliverability of 30 billion cubic meters", "annual capacity of 55 bcm"
_RATE_BEFORE = re.compile(r"\bannual(?:\s+[a-z-]+){1,4}\s+(?:of|at|is|was)\s+$", re.IGNORECASE)


def mark_flows(text: str, readings: list[Reading]) -> list[Reading]:
    """Quantities a passage states per year in words around them, read as flows.

    The reader joins "per year" written right after a unit ("55 bcm per year"); a rate a few
    words away ("30 billion cubic metres of gas per year", "annual capacity of 55 bcm") is
    joined here, so an amount and a flow are never compared as if they were one thing.
    """
    out = []
    for r in readings:
        if r.kind != "quantity" or is_flow(r) or r.span is None or r.interval is None:
            out.append(r)
            continue
        after = _RATE_AFTER.match(text, r.span[1])
        before = _RATE_BEFORE.search(text, max(0, r.span[0] - 60), r.span[0])
        if after is None and before is None:
            out.append(r)
            continue
        conv = Conversion(
            "unit",
            r.unit,
            r.unit + _PER_SECOND,
            Interval.point(1 / SECONDS_PER_YEAR),
            note="a yearly rate written around the figure",
        )
        out.append(
            replace(
                r,
                unit=r.unit + _PER_SECOND,
                interval=r.interval.scale(1 / SECONDS_PER_YEAR),
                conversions=r.conversions + (conv,),
                notes=r.notes + ("per year, as the passage says around the figure",),
            )
        )
    return out


def speaks_yearly(*texts: str | None) -> bool:
    """Whether a claim's statement, kind or value says it is about a yearly figure."""
    return any(isinstance(t, str) and _YEARLY.search(t) for t in texts)


def is_flow(r: Reading) -> bool:
    """A quantity per unit of time ("55 bcm per year" read as m³/s)."""
    return r.kind == "quantity" and r.unit.endswith(_PER_SECOND)


def yearly_amount(r: Reading) -> Reading:
    """A flow as the amount of one year (unchanged when `r` is not a flow)."""
    if not is_flow(r) or r.interval is None:
        return r
    amount_unit = r.unit[: -len(_PER_SECOND)]
    conv = Conversion(
        "unit",
        r.unit,
        amount_unit,
        Interval.point(SECONDS_PER_YEAR),
        note="a flow compared as the amount of one year: the claim speaks of a yearly figure",
    )
    return replace(
        r,
        unit=amount_unit,
        interval=r.interval.scale(SECONDS_PER_YEAR),
        conversions=r.conversions + (conv,),
        notes=r.notes + ("read as the amount of one year (the claim is about a yearly figure)",),
    )
