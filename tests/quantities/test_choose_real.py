"""Choosing the figure, stated conversions, rounding and amounts per year on REAL passages.

The passages (tests/quantities/real_passages.yaml) are excerpts of public reporting on
China-Central Asia trade, grants and pipelines; each comes with the claim a new user would write
(no evidence `value:`) and what an expert expects, written before the tool was run. Each case is
checked end to end (anchoring, reading, rules, verdict) as its own tiny corpus; the test prints
the score and every miss, and asserts the score.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cca_claims.config import Config
from cca_claims.engine import check

CASES = yaml.safe_load((Path(__file__).parent / "real_passages.yaml").read_text(encoding="utf-8"))
# Cases that meet every expectation, out of len(CASES["cases"]); see the closing note of h13-values.
EXPECTED_SCORE = 27


def _run(tmp: Path, case: dict) -> list[str]:
    """The expectations `case` misses (empty when the tool does what an expert expects)."""
    (tmp / "sources").mkdir(parents=True)
    (tmp / "claims").mkdir()
    src = case["source"]
    (tmp / "sources" / "s.txt").write_text(src["text"], encoding="utf-8")
    registry = {
        "s": {
            "title": case["id"],
            "publisher": src["publisher"],
            "url": src["url"],
            "published": str(src["published"]),
        }
    }
    (tmp / "sources" / "sources.yaml").write_text(yaml.safe_dump(registry), encoding="utf-8")
    claim = {"id": "c", **case["claim"], "evidence": [{"source": "s", "quote": src["text"]}]}
    (tmp / "claims" / "c.yaml").write_text(
        yaml.safe_dump({"claims": [claim]}, allow_unicode=True), encoding="utf-8"
    )
    report = check(Config(root=tmp, claims=tmp / "claims", sources=tmp / "sources", cache_dir=None))
    result = report.claims[0]
    rules = {f.rule for f in report.findings}
    expect = case["expect"]
    misses = []
    reading = result.evidence[0].reading
    if "figure" in expect and (reading is None or expect["figure"] not in reading.text):
        chosen = reading.text if reading is not None else result.evidence[0].reading_problem
        misses.append(f"figure: expected {expect['figure']!r}, got {chosen!r}")
    if "verdict" in expect and result.verdict != expect["verdict"]:
        misses.append(f"verdict: expected {expect['verdict']}, got {result.verdict}")
    for rule in expect.get("rules", []):
        if rule not in rules:
            misses.append(f"{rule} expected, not reported")
    for rule in expect.get("silent", []):
        if rule in rules:
            message = next(f.message for f in report.findings if f.rule == rule)
            misses.append(f"{rule} reported: {message}")
    return misses


def test_real_passages_score(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    cases = CASES["cases"]
    missed = {}
    for i, case in enumerate(cases):
        misses = _run(tmp_path / str(i), case)
        if misses:
            missed[case["id"]] = misses
    score = len(cases) - len(missed)
    with capsys.disabled():
        print(f"\nreal passages: {score} of {len(cases)} as an expert expects")
        for case_id, misses in missed.items():
            print(f"  miss {case_id}: {'; '.join(misses)}")
    assert score >= EXPECTED_SCORE, missed
