"""Claim files: every problem at file:line:col with a hint, and loading goes on."""

from __future__ import annotations

from pathlib import Path

from cca_claims.claims import load_claims

SOURCES = {"china-studies-center-astana-2025", "baidarov-first-summit-2025"}


def _load(corpus, files: dict[str, str | bytes]):
    root = corpus(files)
    return load_claims(root / "claims", SOURCES, display_root=root)


def _where(findings):
    return sorted((f.rule, f.location.file, f.location.line, f.location.col) for f in findings)


GOOD = """
claims:
  - id: trade-2024
    claim: China's trade with Central Asia was $94.8 billion in 2024.
    value: 94.8 billion USD
    period: 2024
    tags: [trade]
    evidence:
      - source: china-studies-center-astana-2025
        quote: "exceeded $94.8 billion"
        value: "> 94.8 billion USD"
"""


def test_a_good_file_loads_with_positions(corpus):
    result = _load(corpus, {"claims/trade.yaml": GOOD})
    assert result.problems == []
    (claim,) = result.claims
    assert claim.id == "trade-2024" and claim.period == "2024" and claim.tags == ("trade",)
    assert claim.position.line == 2 and claim.pos("value").line == 4
    (ev,) = claim.evidence
    assert ev.value == "> 94.8 billion USD"
    assert ev.positions["quote"].line == 9


def test_unknown_key_suggests_the_right_one(corpus):
    text = GOOD.replace("    tags: [trade]", "    tgas: [trade]")
    result = _load(corpus, {"claims/a.yaml": text})
    (p,) = result.problems
    assert (p.rule, p.location.line, p.location.col) == ("E002", 6, 5)
    assert "'tags'" in p.hint


def test_unknown_source_names_the_closest_id(corpus):
    text = GOOD.replace(
        "source: china-studies-center-astana-2025", "source: china-studies-centre-astana-2025"
    )
    (p,) = _load(corpus, {"claims/a.yaml": text}).problems
    assert p.rule == "E005" and p.location.line == 8
    assert "china-studies-center-astana-2025" in p.hint


def test_duplicate_ids_across_files_point_at_both(corpus):
    result = _load(corpus, {"claims/a.yaml": GOOD, "claims/b.yaml": GOOD})
    (p,) = result.problems
    assert p.rule == "E004" and p.location.file.endswith("b.yaml")
    assert "a.yaml:2" in p.message
    assert len(result.claims) == 1


def test_broken_yaml_in_one_file_does_not_hide_another(corpus):
    broken = "claims:\n  - id: x\n    claim: a: b\n"
    result = _load(corpus, {"claims/a.yaml": broken, "claims/b.yaml": GOOD})
    assert _where(result.problems) == [("E001", "claims/a.yaml", 3, 13)]
    assert [c.id for c in result.claims] == ["trade-2024"]


def test_empty_file_missing_claim_and_empty_evidence(corpus):
    files = {
        "claims/empty.yaml": "",
        "claims/b.yaml": "claims:\n  - id: lonely\n    evidence: []\n",
    }
    rules = sorted(p.rule for p in _load(corpus, files).problems)
    assert rules == ["E003", "E003", "E006"]


def test_non_utf8_claim_file(corpus):
    result = _load(corpus, {"claims/a.yaml": b"claims:\n  - id: caf\xe9\n"})
    assert _where(result.problems) == [("E008", "claims/a.yaml", 2, 12)]


def test_relation_to_unknown_claim_is_reported(corpus):
    text = GOOD.replace("    tags: [trade]", "    part_of: trade-2O24")
    (p,) = _load(corpus, {"claims/a.yaml": text}).problems
    assert p.rule == "E013" and p.location.line == 6


def test_bad_id_and_kind(corpus):
    text = GOOD.replace("id: trade-2024", "id: Trade 2024").replace(
        "    tags: [trade]", "    kind: moneys"
    )
    rules = sorted(p.rule for p in _load(corpus, {"claims/a.yaml": text}).problems)
    assert rules == ["E007", "E007"]


def test_a_single_file_target(corpus):
    root = corpus({"claims/a.yaml": GOOD, "other.yaml": GOOD.replace("trade-2024", "other")})
    result = load_claims(root / "other.yaml", SOURCES, display_root=root)
    assert [c.id for c in result.claims] == ["other"]


def test_bundled_claims_load_cleanly():
    repo = Path(__file__).resolve().parents[2]
    from cca_claims.sources import load_sources

    sources = load_sources(repo / "sources", repo)
    assert sources.problems == []
    result = load_claims(repo / "claims", sources.sources.keys(), repo)
    assert result.problems == []
    assert len(result.claims) >= 3


def test_a_claims_tolerance_is_a_fraction_or_a_percentage(corpus):
    for written, expected in (("2%", 0.02), ("0.05", 0.05)):
        text = GOOD.replace("    tags: [trade]", f'    tolerance: "{written}"')
        result = _load(corpus, {"claims/a.yaml": text})
        assert not result.problems
        assert result.claims[0].tolerance == expected
    text = GOOD.replace("    tags: [trade]", "    tolerance: lots")
    (p,) = _load(corpus, {"claims/a.yaml": text}).problems
    line = text.lstrip("\n").splitlines().index("    tolerance: lots") + 1
    assert p.rule == "E007" and (p.location.line, p.location.col) == (line, 16)
    assert "tolerance" in p.message
