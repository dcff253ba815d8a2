"""The benchmark harness keeps working: a tiny tier end to end, and a deterministic generator.

No timing is asserted (figures depend on the machine); only that every stage is measured and
the figures are sane.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.__main__ import main
from bench.generate import generate
from bench.run import STAGES
from bench.show import compare, render


def test_generator_is_deterministic(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", "XS", seed=3)
    b = generate(tmp_path / "b", "XS", seed=3)
    assert a == b
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.*"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.*"))
    assert files_a == files_b
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()
    assert a["sources"] == 10 and a["claims"] == 50
    assert a["quotes"] >= a["claims"]


def test_quotes_come_from_their_sources(tmp_path: Path) -> None:
    """Unperturbed quotes are found verbatim; the share of edited ones is as configured."""
    from cca_claims.anchor import Anchorer
    from cca_claims.claims import load_claims
    from cca_claims.sources import load_sources

    counts = generate(tmp_path, "XS", seed=5)
    sources = load_sources(tmp_path / "sources", tmp_path)
    claims = load_claims(tmp_path / "claims", sources.sources.keys(), tmp_path)
    assert not [p for p in sources.problems + claims.problems if p.severity == "error"]
    anchorer = Anchorer(sources.sources)
    statuses = [
        anchorer.anchor(ev.source, ev.quote).status for c in claims.claims for ev in c.evidence
    ]
    assert len(statuses) == counts["quotes"]
    # edited and lost quotes are the only ones that can miss the exact path
    assert statuses.count("exact") >= counts["quotes"] - counts["edited"] - counts["lost"]
    assert "fuzzy" in statuses


@pytest.fixture(scope="module")
def xs_result(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("bench")
    target = out / "result.json"
    assert (
        main(["run", "--tier", "xs", "--out", str(out), "--no-bundled", "--json", str(target)]) == 0
    )
    assert (out / "latest-XS.json").is_file()
    assert list((out / "results").glob("XS-*.json"))
    return json.loads(target.read_text())


def test_every_stage_is_measured(xs_result: dict) -> None:
    stages = xs_result["stages"]
    assert list(stages) == list(STAGES)
    for name, figures in stages.items():
        assert "error" not in figures, (name, figures.get("error"))
        assert 0 <= figures["seconds"] < 600
        assert figures["peak_mb"] is None or 1 < figures["peak_mb"] < 4096
    assert xs_result["process"]["wall"] >= sum(s["seconds"] for s in stages.values())
    assert xs_result["process"]["peak_mb"] > 1
    assert xs_result["stages_run"]["quotes"]["total"] == xs_result["corpus"]["quotes"]


def test_cold_and_warm_runs_use_the_cache(xs_result: dict) -> None:
    assert xs_result["cold"]["cache"] == "miss"
    assert xs_result["warm"]["cache"] == "hit"
    assert xs_result["cold"]["findings"] == xs_result["warm"]["findings"]
    assert xs_result["warm"]["wall"] > 0 and xs_result["cold"]["wall"] > 0
    kept = xs_result["warm_rendered"]
    assert kept["cache"] == "hit" and kept["rendered_from_cache"]
    assert kept["text_chars"] == xs_result["warm"]["text_chars"]


def test_anchoring_reference_points(xs_result: dict) -> None:
    a = xs_result["anchoring"]
    assert a["quotes"] == xs_result["corpus"]["quotes"]
    assert a["floor_found"] <= a["quotes"]
    assert a["floor_seconds"] > 0 and a["anchor_seconds"] > 0 and a["naive_seconds"] > 0
    assert sum(a["anchor_statuses"].values()) == a["quotes"]
    # the anchorer must place every quote where the naive whole-source alignment does
    assert a["same_as_naive"] == a["quotes"], a["differences"]


def test_result_renders_and_compares(xs_result: dict) -> None:
    text = render(xs_result)
    for name in STAGES:
        assert name in text
    assert "anchoring" in text
    assert "process" in compare(xs_result, xs_result)
