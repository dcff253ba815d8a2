"""The source registry and source files."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cca_claims.sources import load_sources

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"


def test_bundled_sources_load_with_metadata():
    result = load_sources(REPO / "sources", REPO)
    assert result.problems == []
    assert len(result.sources) == 5
    source = result.sources["china-studies-center-astana-2025"]
    assert source.meta.kind == "analysis" and source.meta.publisher == "China Studies Center"
    assert source.meta.reference_date.isoformat() == "2025-06-17"


def test_sources_are_the_seeds_byte_for_byte():
    if not SEEDS.is_dir():  # the seeds live beside the repository, in ../shared
        return
    ours = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (REPO / "sources").glob("*.txt")}
    seeds = {hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")}
    assert ours == seeds


def test_unregistered_file_loads_with_a_warning(corpus):
    root = corpus({"sources/sources.yaml": "", "sources/new-doc.txt": "Some text."})
    result = load_sources(root / "sources", root)
    assert list(result.sources) == ["new-doc"]
    (p,) = result.problems
    assert p.rule == "E012" and p.severity == "warning"


def test_registry_problems_have_positions(corpus):
    registry = """
    good-doc:
      title: A
      publishd: 2025-01-01
      kind: blog
    """
    root = corpus({"sources/sources.yaml": registry, "sources/good-doc.txt": "x"})
    result = load_sources(root / "sources", root)
    found = sorted((p.rule, p.location.line) for p in result.problems)
    assert found == [("E002", 3), ("E007", 4)]
    assert "'published'" in next(p for p in result.problems if p.rule == "E002").hint


def test_path_escape_and_non_utf8_are_refused(corpus):
    registry = """
    escape:
      path: ../outside.txt
    latin:
      title: L
    """
    root = corpus(
        {
            "sources/sources.yaml": registry,
            "outside.txt": "secret",
            "sources/latin.txt": b"caf\xe9 au lait",
        }
    )
    result = load_sources(root / "sources", root)
    assert result.sources == {}
    messages = sorted(p.message for p in result.problems)
    assert any("outside" in m for m in messages)
    assert any("not UTF-8" in m for m in messages)
