"""Data-driven rule tests: every case in tests/rules/cases/<RULE>.yaml, in both directions.

A case file holds tiny sources (id -> text, or a mapping with `text` and registry fields such as
`published`), and cases: each with a claim file (`claims:` as YAML text, so lines are real) and
the findings of that rule it must produce (`expect`: rule, line, optional severity and words the
message must contain). An empty `expect` is a case where the rule must stay silent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cca_claims.config import Config
from cca_claims.engine import check

CASES = Path(__file__).parent / "cases"


def _load() -> list[tuple[str, dict, dict]]:
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            out.append((path.stem, doc, case))
    return out


ALL = _load()


def write_case(tmp_path: Path, doc: dict, case: dict) -> Config:
    """Write the case's sources and claim file under tmp_path; the Config to check them."""
    sources = tmp_path / "sources"
    claims = tmp_path / "claims"
    sources.mkdir()
    claims.mkdir()
    registry = {}
    for source_id, spec in {**doc.get("sources", {}), **case.get("sources", {})}.items():
        spec = {"text": spec} if isinstance(spec, str) else dict(spec)
        (sources / f"{source_id}.txt").write_text(spec.pop("text"), encoding="utf-8")
        spec.setdefault("title", source_id)
        spec.setdefault("published", "2025-06-20")
        registry[source_id] = spec
    (sources / "sources.yaml").write_text(yaml.safe_dump(registry), encoding="utf-8")
    (claims / "case.yaml").write_text(case["claims"], encoding="utf-8")
    settings = {**doc.get("config", {}), **case.get("config", {})}
    from cca_claims.config import apply_settings

    base = Config(root=tmp_path, claims=claims, sources=sources, cache_dir=None)
    return apply_settings(base, settings) if settings else base


@pytest.mark.parametrize(
    ("rule", "doc", "case"), ALL, ids=[f"{rule}:{case['name']}" for rule, _, case in ALL]
)
def test_rule_case(tmp_path: Path, rule: str, doc: dict, case: dict) -> None:
    report = check(write_case(tmp_path, doc, case))
    got = [f for f in report.findings if f.rule == rule]
    expected = case.get("expect") or []
    assert sorted(f.location.line for f in got) == sorted(e["line"] for e in expected), [
        (f.location.line, f.message) for f in got
    ]
    # input problems would make a case pass for the wrong reason
    problems = [f for f in report.findings if f.rule.startswith("E")]
    assert not problems, [(f.rule, f.message) for f in problems]
    for e in expected:
        match = [f for f in got if f.location.line == e["line"]]
        f = match[0]
        if "review" in e:
            assert f.review == e["review"], f.review
        if "severity" in e:
            assert f.severity == e["severity"], f.message
        for words in e.get("message", []):
            assert words in f.message, f.message
    if "verdict" in case:
        verdicts = {c.claim.id: c.verdict for c in report.claims}
        for claim_id, verdict in case["verdict"].items():
            assert verdicts[claim_id] == verdict, verdicts
