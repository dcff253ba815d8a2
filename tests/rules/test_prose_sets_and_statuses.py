"""Set and status claims whose quotes carry no `value:`, checked end to end on a crafted corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cca_claims.config import Config
from cca_claims.engine import check
from cca_claims.model import Report

SOURCES = {
    "wire-a": "The Sanabtal-89 agreement was signed by Kazakhstan, Kyrgyzstan and Tajikistan. "
    "Construction of the Kambarata-1 plant began in 2019 but was suspended in 2023.",
    "wire-b": "Signatories of the Sanabtal-89 agreement: Kazakhstan, Kyrgyzstan, Tajikistan. "
    "Officials said the Kambarata-1 plant is on hold.",
    "wire-c": "The Sanabtal-89 agreement was signed by Kazakhstan, Turkmenistan and Tajikistan.",
}

CLAIMS = """\
claims:
  - id: sanabtal-signatories
    claim: The Sanabtal-89 agreement was signed by three countries.
    value: [Kazakhstan, Kyrgyzstan, Tajikistan]
    kind: set
    evidence:
      - source: wire-a
        quote: "signed by Kazakhstan, Kyrgyzstan and Tajikistan"
      - source: wire-b
        quote: "Signatories of the Sanabtal-89 agreement: Kazakhstan, Kyrgyzstan, Tajikistan."
  - id: sanabtal-signatories-misquoted
    claim: The Sanabtal-89 agreement was signed by three countries.
    value: [Kazakhstan, Kyrgyzstan, Tajikistan]
    kind: set
    evidence:
      - source: wire-c
        quote: "signed by Kazakhstan, Turkmenistan and Tajikistan"
  - id: sanabtal-one-signatory-quoted
    claim: The Sanabtal-89 agreement was signed by three countries.
    value: [Kazakhstan, Kyrgyzstan, Tajikistan]
    kind: set
    evidence:
      - source: wire-b
        quote: "Signatories of the Sanabtal-89 agreement: Kazakhstan"
  - id: kambarata-suspended
    claim: Construction of Kambarata-1 is suspended.
    value: suspended
    kind: status
    evidence:
      - source: wire-a
        quote: "began in 2019 but was suspended in 2023"
      - source: wire-b
        quote: "the Kambarata-1 plant is on hold"
  - id: kambarata-under-construction
    claim: Kambarata-1 is under construction.
    value: under construction
    kind: status
    evidence:
      - source: wire-a
        quote: "began in 2019 but was suspended in 2023"
  - id: kambarata-limbo
    claim: Kambarata-1 is in limbo.
    value: in limbo
    kind: status
    evidence:
      - source: wire-b
        quote: "the Kambarata-1 plant is on hold"
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    root: Path = tmp_path_factory.mktemp("prose")
    sources, claims = root / "sources", root / "claims"
    sources.mkdir()
    claims.mkdir()
    registry = {}
    for source_id, text in SOURCES.items():
        (sources / f"{source_id}.txt").write_text(text, encoding="utf-8")
        registry[source_id] = {"title": source_id, "published": "2025-06-20"}
    (sources / "sources.yaml").write_text(yaml.safe_dump(registry), encoding="utf-8")
    (claims / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return check(Config(root=root, claims=claims, sources=sources, cache_dir=None))


def _claim(report: Report, claim_id: str):
    return next(c for c in report.claims if c.claim.id == claim_id)


def _rules(report: Report, claim_id: str) -> list[str]:
    return sorted(f.rule for f in report.findings if claim_id in f.claims)


@pytest.mark.parametrize(
    ("claim_id", "verdict", "rules"),
    [
        ("sanabtal-signatories", "consistent", []),
        ("sanabtal-signatories-misquoted", "contradicted", ["V301"]),
        ("sanabtal-one-signatory-quoted", "unsupported", ["I605"]),
        ("kambarata-suspended", "consistent", []),
        ("kambarata-under-construction", "contradicted", ["V301"]),
    ],
)
def test_values_read_from_quotes(report: Report, claim_id: str, verdict: str, rules) -> None:
    assert _claim(report, claim_id).verdict == verdict
    assert _rules(report, claim_id) == rules


def test_sets_read_from_prose_name_the_differing_items(report: Report) -> None:
    (v301,) = [f for f in report.findings if "sanabtal-signatories-misquoted" in f.claims]
    assert "Turkmenistan" in v301.message and "Kyrgyzstan" in v301.message


def test_a_status_value_that_names_no_status_is_reported(report: Report) -> None:
    (i605,) = [f for f in report.findings if "kambarata-limbo" in f.claims]
    assert i605.rule == "I605"
    assert "in limbo" in i605.message and "is not a project status" in i605.message
    assert "write one of:" in i605.message and "suspended" in i605.message
