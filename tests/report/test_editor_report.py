"""The editor's text report: what needs attention first, short, each disagreement said once.

Measured on real checks: the seed corpus, the report corpus, a small corpus written here, and
the real-reporting corpus (written by someone else from the docs alone) when it is present.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_snapshots import run

from cca_claims.config import Config
from cca_claims.engine import check
from cca_claims.model import Report
from cca_claims.report import reporter
from cca_claims.report.attention import views
from cca_claims.rules import category

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "tests" / "corpora" / "real_reporting"
MAX_LINES_PER_CLAIM = 15  # issue 15: the default report's lines per claim needing attention

REGISTRY = """\
wire-a:
  title: Wire A
  publisher: Wire A
  published: 2025-06-20
  kind: news
wire-b:
  title: Wire B
  publisher: Wire B
  published: 2025-06-21
  kind: news
  url: https://example.org/wire-b
"""
WIRE_A = (
    "The summit was held in Astana on June 16–17, 2025, with five leaders.\n"
    "Trade reached $94.8 billion in 2024.\n"
)
WIRE_B = "Leaders met in Astana on June 16–17, 2025.\nThe forum opened in June 2025.\n"
CLAIMS = """\
claims:
  - id: summit-date
    claim: The summit was held on June 17, 2025.
    value: 2025-06-17
    evidence:
      - source: wire-a
        quote: "held in Astana on June 16–17, 2025"
      - source: wire-b
        quote: "met in Astana on June 16–17, 2025"
  - id: trade
    claim: Trade reached $50 billion in 2024.
    value: 50 billion USD
    evidence:
      - source: wire-a
        quote: "Trade reached $94.8 billion in 2024"
      - source: wire-b
        quote: "The forum opened in June 2025"
  - id: unread
    claim: Leaders met in Astana.
    evidence:
      - source: wire-b
        quote: "Leaders met in Astana"
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Three claims: a value only partly supported (a warning), one contradicted by the one
    source whose passage holds a money figure, and one whose quote holds no value."""
    root = tmp_path_factory.mktemp("small")
    (root / "claims").mkdir()
    (root / "sources").mkdir()
    (root / "sources" / "sources.yaml").write_text(REGISTRY, encoding="utf-8")
    (root / "sources" / "wire-a.txt").write_text(WIRE_A, encoding="utf-8")
    (root / "sources" / "wire-b.txt").write_text(WIRE_B, encoding="utf-8")
    (root / "claims" / "c.yaml").write_text(CLAIMS, encoding="utf-8")
    return check(
        Config(root=root, claims=root / "claims", sources=root / "sources", cache_dir=None)
    )


def _real() -> Report:
    if not (REAL / "claims").is_dir():
        pytest.skip(f"no real-reporting corpus at {REAL} (it comes from issue 13's branch)")
    return check(
        Config(root=REAL, claims=REAL / "claims", sources=REAL / "sources", cache_dir=None)
    )


def _reports(name: str, small: Report) -> Report:
    return {"seed": lambda: run("seed"), "corpus": lambda: run("corpus"), "small": lambda: small}[
        name
    ]()


def lines_per_claim(report: Report) -> tuple[int, int]:
    """(lines of the default report, claims needing attention)."""
    out = reporter("text")(report, color=False, width=100)
    return out.count("\n"), sum(1 for v in views(report) if v.needs_attention)


@pytest.mark.parametrize("name", ["seed", "corpus", "small"])
def test_at_most_15_lines_per_claim_needing_attention(name: str, small: Report) -> None:
    lines, attention = lines_per_claim(_reports(name, small))
    assert attention > 0
    print(f"{name}: {lines} lines for {attention} claims, {lines / attention:.1f} per claim")
    assert lines / attention <= MAX_LINES_PER_CLAIM


def test_at_most_15_lines_per_claim_on_the_real_reporting_corpus() -> None:
    report = _real()
    lines, attention = lines_per_claim(report)
    print(f"real reporting: {len(report.claims)} claims, {attention} need attention, {lines} lines")
    assert len(report.claims) >= 40 and attention > 0
    assert lines / attention <= MAX_LINES_PER_CLAIM


def test_the_summary_table_comes_before_the_blocks_and_names_each_claim() -> None:
    report = run("seed")
    out = reporter("text")(report, color=False, width=100)
    table_at = out.index("Needs attention (")
    attention = [v for v in views(report) if v.needs_attention]
    for view in attention:
        claim = view.result.claim
        row = next(ln for ln in out[table_at:].splitlines() if f"  {claim.id}  " in ln)
        assert view.shown_verdict in row and view.issues[0].finding.rule in row
        assert f"{claim.file}:{claim.position.line}" in row
        # the block follows the table
        assert out.index(f"\n{claim.id}  {view.shown_verdict}") > table_at


def test_a_restating_claim_value_finding_is_folded_into_the_evidence_finding() -> None:
    report = run("seed")
    out = reporter("text")(report, color=False, width=100)
    folded = [
        (v, issue)
        for v in views(report)
        for issue in v.issues
        if any(category(f.rule) == "claim-value" for f in issue.folded)
    ]
    assert folded, "the seed corpus has V302 findings beside C2xx ones"
    for view, issue in folded:
        block = _block(out, view.result.claim.id)
        assert "(+V302)" in block
        # said once: no line of its own for the folded finding
        assert not re.search(r"^\s+warning V302", block, re.M)
        assert block.count(issue.finding.message[:40]) == 1


def test_each_passage_is_shown_once_per_claim() -> None:
    report = run("seed")
    out = reporter("text")(report, color=False, width=100)
    for view in views(report):
        if not view.needs_attention:
            continue
        block = _block(out, view.result.claim.id)
        wheres = re.findall(r"^\s+[=\u2260 ] (\S+:\d+)\s", block, re.M)
        assert len(wheres) == len(set(wheres))


def test_not_checked_claims_are_counted_apart_with_their_reason(small: Report) -> None:
    out = reporter("text")(small, color=False, width=100)
    assert "Verdicts         1 disputed, 1 contradicted (of 2 checked)" in out
    assert "Not checked      1: 1 no value read" in out
    assert "not checked: no value read in wire-b's quote" in out


def test_a_contradicted_verdict_is_always_carried_by_an_error(small: Report) -> None:
    for report in (run("seed"), run("corpus"), small):
        for view in views(report):
            findings = [f for f in report.findings if view.result.claim.id in f.claims]
            if view.result.verdict == "contradicted":
                assert any(
                    category(f.rule) == "claim-value" and f.severity == "error" for f in findings
                )
    verdicts = {r.claim.id: r.verdict for r in small.claims}
    # June 16-17 in both sources does not support June 17: a warning, so disputed
    assert verdicts["summit-date"] == "disputed"
    assert verdicts["trade"] == "contradicted"


def test_every_source_is_said_only_when_every_passage_contradicts(small: Report) -> None:
    v301 = next(f for f in small.findings if f.rule == "V301")
    # wire-b's passage holds no money figure: it was not compared
    assert "every source" not in v301.message
    assert "contradicted by 1 of 2 passages (the others give no comparable value)" in v301.message


def test_details_keeps_the_long_form() -> None:
    report = run("corpus")
    short = reporter("text")(report, color=False, width=100)
    long = reporter("text")(report, color=False, width=100, details=True)
    assert "as written:" in long and "as written:" not in short
    assert long.count("\n") > short.count("\n")


def _block(out: str, claim_id: str) -> str:
    start = out.index(f"\n{claim_id}  ") + 1
    end = out.find("\n\n", start)
    return out[start : end if end > 0 else len(out)]


def _finding(rule: str, severity: str, evidence: tuple[int, ...], line: int):
    from cca_claims.model import Finding, Position

    return Finding(
        rule=rule,
        name=rule.lower(),
        severity=severity,
        message=f"{rule} about passage {evidence}",
        location=Position("claims/c.yaml", line, 9),
        claims=("c",),
        evidence=evidence,
    )


def test_fold_restating_and_alike_findings() -> None:
    from cca_claims.report.attention import fold

    c201 = _finding("C201", "error", (0, 1), 10)
    v302 = _finding("V302", "warning", (1,), 4)  # restates C201's disagreement about passage 1
    v302_other = _finding("V302", "warning", (2,), 5)  # about a passage C201 does not compare
    i602 = [_finding("I602", "warning", (i,), 20 + i) for i in (3, 4, 5)]
    i602_error = _finding("I602", "error", (6,), 30)  # another severity: an issue of its own
    issues = fold([v302, c201, *i602, v302_other, i602_error])
    by_rule = [(i.finding.rule, i.finding.severity) for i in issues]
    assert by_rule == [
        ("C201", "error"),
        ("I602", "error"),
        ("I602", "warning"),
        ("V302", "warning"),
    ]
    assert issues[0].folded == (v302,) and issues[0].rules == ("C201", "V302")
    assert issues[2].alike == tuple(i602[1:]) and issues[2].evidence == (3, 4, 5)
    assert issues[3].finding is v302_other and not issues[3].folded


def test_a_rule_on_several_passages_is_one_line_naming_their_lines() -> None:
    report = _real()
    out = reporter("text")(report, color=False, width=100)
    alike = [(v, i) for v in views(report) for i in v.issues if i.alike]
    if not alike:  # the reader may have learnt to read them all: the unit test above still holds
        pytest.skip("no rule fires on several passages of one claim in this corpus any more")
    for view, issue in alike:
        block = _block(out, view.result.claim.id)
        lines = ", ".join(str(f.location.line) for f in (issue.finding, *issue.alike))
        assert f"{issue.finding.rule} {issue.finding.name} lines {lines}:" in " ".join(
            block.split()
        )
