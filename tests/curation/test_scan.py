"""`scan`: every value in the sources, covered by a claim's evidence or not, on crafted sources
and on the real-reporting corpus; and the sentence splitter under it."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from cca_claims.cli import app
from cca_claims.config import Config
from cca_claims.curation.passages import split_sentences
from cca_claims.curation.scan import scan
from cca_claims.curation.workspace import load_workspace
from cca_claims.engine import resolve_paths

REAL = Path(__file__).parent.parent / "corpora" / "real_reporting"

SOURCES = {
    "gazette": """\
        Railway special. The line will include 20 stations and 48 bridges in Kyrgyzstan.
        The U.S. $8 billion project
        began on December 27, 2024.
        """,
    "wire": "The line will have 18 stations. Officials expect 81 bridges.\n",
}
CLAIMS = """\
claims:
  - id: stations
    claim: The line has 20 stations.
    value: 20 stations
    evidence:
      - source: gazette
        quote: "The line will include 20 stations and 48 bridges"
"""


def _config(root: Path) -> Config:
    (root / "sources").mkdir()
    registry = {}
    for sid, text in SOURCES.items():
        (root / "sources" / f"{sid}.txt").write_text(textwrap.dedent(text), encoding="utf-8")
        registry[sid] = {"title": sid, "published": "2025-01-10", "language": "en"}
    (root / "sources" / "sources.yaml").write_text(yaml.safe_dump(registry), encoding="utf-8")
    (root / "claims").mkdir()
    (root / "claims" / "c.yaml").write_text(CLAIMS, encoding="utf-8")
    return resolve_paths(Config(cache_dir=None), root / "claims", root / "sources")


def test_sentences_keep_offsets_lines_and_abbreviations() -> None:
    text = "Railway special. The U.S. $8 billion\nproject began.\n\n- 18 stations\n- 81 bridges"
    sentences = split_sentences("s", text)
    assert [s.text for s in sentences] == [
        "Railway special.",
        "The U.S. $8 billion\nproject began.",
        "- 18 stations",
        "- 81 bridges",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert text.splitlines()[s.line - 1][s.col - 1 :].startswith(s.text.split("\n")[0])
    assert [s.text for s in split_sentences("c", "累计输气800亿立方米。全长1833公里。")] == [
        "累计输气800亿立方米。",
        "全长1833公里。",
    ]


def test_coverage_and_groups(tmp_path: Path) -> None:
    result = scan(load_workspace(_config(tmp_path), use_cache=False))
    by_text = {(sf.figure.source, sf.figure.reading.text): sf for sf in result.figures}
    assert by_text[("gazette", "20 stations")].covered_by == ("stations",)
    assert by_text[("gazette", "48 bridges")].covered_by == ("stations",)  # inside the quote
    assert by_text[("wire", "18 stations")].covered_by == ()
    coverage = {s.source: (s.figures, s.covered) for s in result.sources}
    assert coverage["wire"] == (2, 0)
    assert coverage["gazette"][1] == 2 and coverage["gazette"][0] >= 4  # + $8 billion, the date
    groups = {(g.kind, g.unit, g.noun): g for g in result.groups}
    assert [
        sf.figure.reading.text for sf in groups[("count", "count:station", "station")].figures
    ] == ["18 stations"]
    # every figure points at its own text: source offsets and line:col
    for sf in result.figures:
        f = sf.figure
        text = (tmp_path / "sources" / f"{f.source}.txt").read_text(encoding="utf-8")
        assert text[f.start : f.end] == f.reading.text
        assert text.splitlines()[f.line - 1][f.col - 1 :].startswith(f.reading.text.split("\n")[0])


def test_cli_text_and_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _config(tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["scan", "--claims", "claims", "--sources", "sources"])
    assert result.exit_code == 0
    assert "Coverage by source" in result.stdout
    assert "count (count:station) · station: 1" in result.stdout
    assert "wire:1:20  18 stations" in result.stdout
    result = runner.invoke(
        app, ["scan", "--claims", "claims", "--sources", "sources", "--format", "json"]
    )
    doc = json.loads(result.stdout)
    assert doc["format"] == "cca-claims-scan"
    assert doc["summary"]["covered"] == 2
    assert {"source": "wire", "figures": 2, "covered": 0} in doc["sources"]


def test_real_corpus_coverage_follows_the_anchored_quotes() -> None:
    config = resolve_paths(Config(cache_dir=None), REAL / "claims", REAL / "sources")
    ws = load_workspace(config, use_cache=False)
    result = scan(ws)
    texts = {s.id: s.text for s in ws.report.sources}
    quotes = {
        (e.anchor.anchor.source, e.anchor.anchor.start, e.anchor.anchor.end, cr.claim.id)
        for cr in ws.report.claims
        for e in cr.evidence
        if e.anchor.anchor is not None
    }
    for sf in result.figures:
        f = sf.figure
        assert texts[f.source][f.start : f.end] == f.reading.text
        inside = {
            cid for src, lo, hi, cid in quotes if src == f.source and lo <= f.start and f.end <= hi
        }
        assert set(sf.covered_by) == inside
    covered = {(sf.figure.source, sf.figure.reading.text): sf.covered_by for sf in result.figures}
    assert "railway-kyrgyz-section-length" in covered[("trend-xian-railway-2023", "260 kilometers")]
    assert 0 < result.covered < len(result.figures)
    assert len(result.sources) == 60
