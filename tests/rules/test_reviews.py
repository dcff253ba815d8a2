"""Reviews, stale reviews, deprecated evidence and fingerprints, end to end through the engine.

A reviewed finding stays in the report, marked, and stops failing; moving the claim keeps the
review (the fingerprint ignores lines and wording); changing the quoted figure makes the review
stale and the finding fails again; a deprecated passage is shown, explains its findings and is
left out of the reconciled reading.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cca_claims.config import Config
from cca_claims.engine import check
from cca_claims.model import Report

SOURCES = {
    "report-a": "The parties decided to establish four new centres in China.",
    "report-b": "The parties decided to establish three separate centers in China.",
    "report-c": "The parties decided to establish two separate centers in China.",
    "report-d": "China will open four regional centres.",
}

CLAIM = """
  - id: centres-count
    claim: China announced four centres.
    value: 4 centres
    evidence:
      - source: report-a
        quote: "establish four new centres"
      - source: report-d
        quote: "open four regional centres"
      - source: {outlier}
        quote: "{quote}"
{extra}"""

FILLER = """
  - id: filler
    claim: An unrelated claim placed first, moving the other down.
    evidence:
      - source: report-d
        quote: "China will open"
"""


def run(tmp_path: Path, claims_text: str) -> Report:
    sources = tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    for source_id, text in SOURCES.items():
        (sources / f"{source_id}.txt").write_text(text, encoding="utf-8")
    registry = {s: {"title": s, "published": "2025-06-20"} for s in SOURCES}
    (sources / "sources.yaml").write_text(yaml.safe_dump(registry), encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text(claims_text, encoding="utf-8")
    return check(Config(root=tmp_path, claims=claims, sources=sources, cache_dir=None))


def claim_file(outlier="report-b", quote="establish three separate centers", extra="", first=""):
    return "claims:\n" + first + CLAIM.format(outlier=outlier, quote=quote, extra=extra)


def review_block(rule: str, fingerprint: str) -> str:
    return (
        "    reviews:\n"
        f"      - rule: {rule}\n"
        f"        fingerprint: {fingerprint}\n"
        "        status: explained\n"
        "        note: the agenda leaves out the poverty centre\n"
        "        by: desk\n"
        "        date: 2025-07-01\n"
    )


def c201(report: Report):
    found = [f for f in report.findings if f.rule == "C201"]
    assert len(found) == 1
    return found[0]


def test_reviewed_finding_stays_marked_and_stops_failing(tmp_path: Path) -> None:
    first = c201(run(tmp_path, claim_file()))
    assert not first.suppressed
    report = run(tmp_path, claim_file(extra=review_block("C201", first.fingerprint)))
    f = c201(report)
    assert f.review == "explained" and f.suppressed
    assert "poverty centre" in f.review_note
    assert all(g.rule != "C201" for g in report.findings if not g.suppressed)
    # the dispute is explained, not settled: the verdict still shows it
    assert {c.claim.id: c.verdict for c in report.claims}["centres-count"] == "disputed"


def test_review_survives_moving_the_claim(tmp_path: Path) -> None:
    first = c201(run(tmp_path, claim_file()))
    moved = run(
        tmp_path,
        claim_file(extra=review_block("C201", first.fingerprint), first=FILLER),
    )
    f = c201(moved)
    assert f.location.line != first.location.line
    assert f.fingerprint == first.fingerprint
    assert f.review == "explained"


def test_review_goes_stale_when_the_figure_changes(tmp_path: Path) -> None:
    first = c201(run(tmp_path, claim_file()))
    changed = run(
        tmp_path,
        claim_file(
            outlier="report-c",
            quote="establish two separate centers",
            extra=review_block("C201", first.fingerprint),
        ),
    )
    f = c201(changed)
    assert f.fingerprint != first.fingerprint
    assert f.review == "stale" and not f.suppressed
    assert "stale" in f.review_note


def test_review_by_rule_name_works_too(tmp_path: Path) -> None:
    first = c201(run(tmp_path, claim_file()))
    report = run(tmp_path, claim_file(extra=review_block("count-mismatch", first.fingerprint)))
    assert c201(report).review == "explained"


def test_deprecated_passage_is_shown_explains_and_leaves_the_reconciled_reading(
    tmp_path: Path,
) -> None:
    text = claim_file().replace(
        '        quote: "establish three separate centers"\n',
        '        quote: "establish three separate centers"\n'
        "        rank: deprecated\n"
        "        reason: the agenda omits the poverty reduction centre\n",
    )
    report = run(tmp_path, text)
    f = c201(report)
    assert f.review == "deprecated" and f.suppressed
    assert "poverty reduction" in f.review_note
    result = next(c for c in report.claims if c.claim.id == "centres-count")
    assert result.verdict == "consistent"
    assert len(result.evidence) == 3  # still shown
    assert [g.sources for g in result.reconciled] == [("report-a", "report-d")]
    assert result.reconciled[0].interval.low == result.reconciled[0].interval.high == 4


def test_reconciled_groups_show_where_the_weight_lies(tmp_path: Path) -> None:
    result = next(c for c in run(tmp_path, claim_file()).claims if c.claim.id == "centres-count")
    assert [g.sources for g in result.reconciled] == [("report-a", "report-d"), ("report-b",)]
    main, other = result.reconciled
    assert main.agrees_with_claim is True and other.agrees_with_claim is False
    assert main.source_dates == ("2025-06-20", "2025-06-20")
    assert other.values == ('"three separate centers"',)
