"""`as_of:` and time: stocks at two dates of the claim's period, statuses over time (real
passages: Trend, Railway Technology, Asia-Plus via Vesti, the Line D reports)."""

from __future__ import annotations

from pathlib import Path

import yaml

from cca_claims.config import Config
from cca_claims.engine import check

# Railway Technology, 2024-06-11, and Asia-Plus (via Vesti), 2024-12-27, on the CKU railway
RAILWAY_SOURCES = {
    "railway-technology-2024-06": (
        "2024-06-11",
        "Japarov said the feasibility study had been completed, and the new treaty showed that"
        " the governments of the three countries are ready to support the implementation.",
    ),
    "asia-plus-2024-12": (
        "2024-12-27",
        "The 523-kilometer line had been in limbo for decades, but the project is now officially"
        " underway and the first phase could be completed by the end of the decade.",
    ),
}
# an investment stock at two dates (the example, in the reporting's words)
STOCK_SOURCES = {
    "end-2022-report": (
        "2023-01-20",
        "China's accumulated investment in the country reached nearly $15bn by the end of 2022.",
    ),
    "march-2023-report": (
        "2023-04-25",
        "Chinese investment exceeded 15 billion dollars as of the end of March, the ministry said.",
    ),
}


def _run(tmp_path: Path, sources: dict, claims: str):
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    registry = {}
    for sid, (published, text) in sources.items():
        (tmp_path / "sources" / f"{sid}.txt").write_text(text, encoding="utf-8")
        registry[sid] = {"title": sid, "published": published}
    (tmp_path / "sources" / "sources.yaml").write_text(yaml.safe_dump(registry), "utf-8")
    (tmp_path / "claims" / "c.yaml").write_text(claims, encoding="utf-8")
    config = Config(
        root=tmp_path, claims=tmp_path / "claims", sources=tmp_path / "sources", cache_dir=None
    )
    return check(config)


def _open(report, *rules: str):
    return [(f.rule, f.message) for f in report.findings if f.rule in rules]


RAILWAY_CLAIM = """\
claims:
  - id: cku-railway-status
    claim: Construction of the China-Kyrgyzstan-Uzbekistan railway is under way.
    value: under construction
    evidence:
      - source: railway-technology-2024-06
        quote: "the feasibility study had been completed"
      - source: asia-plus-2024-12
        quote: "the project is now officially underway"
"""


def test_later_progress_is_neither_a_conflict_nor_a_partial_support(tmp_path: Path) -> None:
    report = _run(tmp_path, RAILWAY_SOURCES, RAILWAY_CLAIM)
    assert _open(report, "C208", "V301", "V302") == []
    assert report.claims[0].verdict == "consistent"


def test_as_of_puts_both_statuses_at_one_time(tmp_path: Path) -> None:
    # an editor dates the December passage to June: two stages at one time conflict
    claims = RAILWAY_CLAIM.replace(
        'quote: "the project is now officially underway"',
        'quote: "the project is now officially underway"\n        as_of: 2024-06-11',
    )
    report = _run(tmp_path, RAILWAY_SOURCES, claims)
    found = _open(report, "C208")
    assert len(found) == 1 and "same time" in found[0][1], found


STOCK_CLAIM = """\
claims:
  - id: investment-stock
    claim: China's investment stock in the country was about $15 billion in early 2023.
    period: {period}
    evidence:
      - source: end-2022-report
        quote: "nearly $15bn by the end of 2022"
        as_of: 2022-12-31
      - source: march-2023-report
        quote: "exceeded 15 billion dollars as of the end of March"
        as_of: 2023-03-31
"""


def test_stocks_at_two_dates_of_the_period_are_not_compared(tmp_path: Path) -> None:
    report = _run(tmp_path, STOCK_SOURCES, STOCK_CLAIM.format(period="2022-12-31..2023-03-31"))
    assert _open(report, "C203", "C202") == []
    assert not [f for f in report.findings if f.rule.startswith("E")]


def test_stocks_for_one_day_are_compared(tmp_path: Path) -> None:
    # the claim speaks of one date: "nearly 15" and "more than 15" cannot both hold
    report = _run(tmp_path, STOCK_SOURCES, STOCK_CLAIM.format(period="2023-03-31"))
    assert len(_open(report, "C203")) == 1


def test_a_bad_as_of_is_an_input_problem_at_its_line(tmp_path: Path) -> None:
    claims = STOCK_CLAIM.format(period="2023").replace("as_of: 2022-12-31", "as_of: 2023-13-45")
    report = _run(tmp_path, STOCK_SOURCES, claims)
    bad = [f for f in report.findings if f.rule == "E011"]
    assert len(bad) == 1 and "as_of" in bad[0].message
    assert bad[0].location.line == 8


def test_as_of_and_aliases_of_the_wrong_shape_are_input_problems(tmp_path: Path) -> None:
    claims = """\
claims:
  - id: treaty-name
    claim: The treaty's name.
    value: Treaty on Eternal Good-Neighborliness
    aliases: {permanent: Treaty on Permanent Good-Neighborliness}
    evidence:
      - source: end-2022-report
        quote: "nearly $15bn by the end of 2022"
        as_of: [2022, 2023]
"""
    report = _run(tmp_path, STOCK_SOURCES, claims)
    problems = sorted((f.rule, f.location.line) for f in report.findings if f.rule[0] == "E")
    assert problems == [("E007", 5), ("E011", 9)], problems


def test_news_after_the_claims_period_supersedes_nothing(tmp_path: Path) -> None:
    # the claim speaks of June 2024: December's "underway" does not make June's status stale
    claims = """\
claims:
  - id: cku-railway-status-june
    claim: In June 2024 the railway's feasibility study was done and construction had not begun.
    value: feasibility study completed
    period: 2024-06
    evidence:
      - source: railway-technology-2024-06
        quote: "the feasibility study had been completed"
      - source: asia-plus-2024-12
        quote: "the project is now officially underway"
"""
    report = _run(tmp_path, RAILWAY_SOURCES, claims)
    # June's passage still supports the claim (no V301: not "contradicted by every source");
    # December's later stage is what it is, a passage that does not support June's status
    assert [f.rule for f in report.findings if f.rule in ("V301", "V302")] == ["V302"]
