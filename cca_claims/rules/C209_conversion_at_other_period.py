"""A stated conversion made at the exchange rates of another period than the amount's.

Reporters convert amounts for their readers: "312.04 billion yuan ($43.48 billion) in 2013". The
conversion is a second leg of the same amount (see `quantities.legs`), and it should use the
rates of the period the amount refers to (the date written beside it, else the claim's
`period:`, else the source's date). When the rate the writer evidently used lies outside the
range of rates over that period, the finding says so, gives the amount at that period's rates,
and names the years whose rates fit the conversion (the ECB series is searched year by year):
a 2013 amount converted at 2025's rates is the usual case. Both legs are intervals (their
written precision and qualifiers), so "approximately 210 million US dollars" is not held to a
fourth digit. A writer who converts a figure that is recent when they write (its period ended
at most about a quarter before the source's date) at the day's rate has not used another period's
rates: "in the first five months of this year ... ($39.93 billion)", written in June, passes.
Rates are compared within 1 %, the spread between the reference rates desks use.

*Contradiction*
```yaml
claims:
  - id: trade-2013
    claim: China's trade with Central Asia was 312.04 billion yuan in 2013.
    value: 312.04 billion CNY
    period: 2013
    evidence:
      - source: trade-review
        # 312.04 billion yuan was about $50 billion at 2013's rates; $43.48 billion is 2025's
        quote: "trade reached 312.04 billion yuan ($43.48 billion) in 2013"
```
*Consistent*
```yaml
claims:
  - id: grants-2025
    claim: China will provide 1.5 billion yuan in grants in 2025.
    value: 1.5 billion CNY
    period: 2025
    evidence:
      - source: astana-summit-agenda-2025
        quote: "a total of 1.5 billion yuan (approximately 210 million US dollars)"
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cca_claims.compare import describe
from cca_claims.interval import Interval
from cca_claims.model import EvidenceResult, Finding, Reading
from cca_claims.quantities import fx
from cca_claims.quantities.legs import conversion_legs
from cca_claims.rules._shared import item_finding
from cca_claims.rules.base import ClaimContext, RuleContext

ID = "C209"
NAME = "conversion-at-other-period"
CATEGORY = "evidence"
SCOPE = "claim"
DEFAULT_SEVERITY = "warning"
OPTIONS: dict = {}

_FIRST_YEAR = 1999  # the ECB series begins with the euro
# Desks convert at different reference rates (ECB, a central bank's parity, a market quote) that
# differ by a few tenths of a percent on one day; another period's rates differ by far more.
_PROVIDER_SPREAD = 0.01
_RECENT_DAYS = 92  # about a quarter: news converts last month's figures at today's rate


def check(context: RuleContext) -> Iterator[Finding]:
    """Each written conversion whose rate lies outside the rates of its amount's period."""
    slack = context.tolerance().slack
    for cc in context.claims.values():
        seen: set[tuple[str, tuple[int, int] | None]] = set()
        for result in cc.active():
            anchor = result.anchor.anchor
            if anchor is None:
                continue
            source = context.sources.get(result.evidence.source)
            ref = source.meta.reference_date if source else None
            for first, second in _money_legs(anchor.text, result.candidates):
                key = (result.evidence.source, first.span)
                if key in seen:
                    continue
                seen.add(key)
                found = _misconverted(first, second, cc, ref, slack)
                if found is not None:
                    yield _finding(cc, result, ref, first, second, *found)


def _money_legs(text: str, candidates) -> list[tuple[Reading, Reading]]:
    pool = list(candidates)
    return [
        (pool[i], pool[j])
        for i, j in conversion_legs(text, pool)
        if pool[i].kind == "money" and _iso(pool[i]) and _iso(pool[j])
    ]


def _iso(r: Reading) -> str:
    code = (r.written_unit or "").upper()
    return code if len(code) == 3 and code.isalpha() and r.native is not None else ""


def _days(r: Reading, cc: ClaimContext, ref: dt.date | None):
    """The days the amount refers to, and how they were found."""
    for period, why in (
        (r.period, "the date written beside it"),
        (cc.period, "the claim's period"),
    ):
        if period is not None and period.is_bounded:
            lo, hi = dt.date.fromordinal(int(period.low)), dt.date.fromordinal(int(period.high))
            return (lo, hi), why
    if ref is not None:
        return (ref, ref), "the source's date"
    return None


def _rate(frm: str, to: str, days) -> Interval | None:
    """Units of `to` per unit of `frm` over `days` (None when either has no rate there)."""
    try:
        a, b = fx.usd_rate(frm, days).factor, fx.usd_rate(to, days).factor
    except Exception:  # noqa: BLE001 - no rate for the period: nothing to check
        return None
    return a / b


def _misconverted(first: Reading, second: Reading, cc: ClaimContext, ref, slack: float):
    """(stated rate, rate of the period, days, why, fitting years), or None when it fits."""
    frm, to = _iso(first), _iso(second)
    found = _days(first, cc, ref)
    if found is None or first.native is None or second.native is None:
        return None
    days, why = found
    actual = _rate(frm, to, days)
    if actual is None:
        return None
    actual = actual.widen(_PROVIDER_SPREAD)
    stated = second.native / first.native
    if slack > 0:
        stated = stated.widen(slack)
    if stated.overlaps(actual) or not stated.is_bounded and stated.low == 0:
        return None
    lo, hi = days
    if ref is not None and hi < ref and (ref - hi).days <= _RECENT_DAYS:
        until_written = _rate(frm, to, (lo, ref))
        if until_written is not None and stated.overlaps(until_written.widen(_PROVIDER_SPREAD)):
            return None
    return stated, actual, days, why, _fitting_years(frm, to, stated)


def _fitting_years(frm: str, to: str, stated: Interval) -> list[int]:
    """The calendar years whose range of rates holds the stated rate."""
    try:
        last = min(fx.latest_year(c)[1].year for c in (frm, to) if c != "USD")
    except Exception:  # noqa: BLE001
        return []
    years = []
    for year in range(_FIRST_YEAR, last + 1):
        rate = _rate(frm, to, (dt.date(year, 1, 1), dt.date(year, 12, 31)))
        if rate is not None and rate.widen(_PROVIDER_SPREAD).overlaps(stated):
            years.append(year)
    return years


def _finding(cc, result: EvidenceResult, ref, first, second, stated, actual, days, why, years):
    frm, to = _iso(first), _iso(second)
    lo, hi = days
    period = (
        str(lo.year)
        if (lo.month, lo.day, hi.month, hi.day) == (1, 1, 12, 31)
        else (lo.isoformat() if lo == hi else f"{lo.isoformat()}..{hi.isoformat()}")
    )
    at_period = first.native * actual
    used = _rate_text(stated, to, frm)
    published = ref.year if ref is not None else None
    if published in years:
        others = [y for y in years if y != published]
        evident = f"the rate used ({used}) is evidently that of {published}, when the source wrote"
        if others:
            evident += f" (it also fits {_years_text(others)})"
    elif years:
        evident = f"the rate used ({used}) fits the rates of {_years_text(years)}"
    else:
        evident = f"the rate used ({used}) fits no year's rates since {_FIRST_YEAR}"
    message = (
        f"the quote from {result.evidence.source} converts {describe(first)} to "
        f"{describe(second)}, but at the rates of {period} ({why}) the amount is "
        f"{_amount(at_period)} {to}: {evident}"
    )
    return item_finding(
        cc,
        message,
        result,
        with_reading=True,
        hint=(
            f"compare the {frm} amount (the source's own figure); the {to} figure is the "
            "writer's conversion, or record a review if the rate is explained"
        ),
    )


def _amount(iv: Interval) -> str:
    """[49.96e9, 51.54e9] -> '49.96-51.54 billion'."""
    for scale, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million"), (1.0, "")):
        if abs(iv.low) >= scale:
            return f"{iv.low / scale:.4g}-{iv.high / scale:.4g}{word}"
    return f"{iv.low:.4g}-{iv.high:.4g}"


def _rate_text(rate: Interval, to: str, frm: str) -> str:
    if rate.is_bounded:
        return f"{rate.low:.4g}-{rate.high:.4g} {to} per {frm}"
    return f"{rate.notation(lambda x: f'{x:.4g}')} {to} per {frm}"


def _years_text(years: list[int]) -> str:
    """2025; 2024-2025; 2013, 2017 and 2019."""
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    parts = [str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs]
    if len(parts) > 4:
        parts = [*parts[:3], "other years"]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
