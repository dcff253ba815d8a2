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
