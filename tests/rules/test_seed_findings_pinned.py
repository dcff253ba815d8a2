"""The bundled corpus's findings, pinned claim by claim (issue 6).

`make check` is what every new user sees first, so any change to what it reports, a new false
alarm or a lost contradiction, must show up here as a diff. When a change is intended (a new
claim, a better rule), update EXPECTED in the same commit and say why in its message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cca_claims.config import Config
from cca_claims.engine import check

ROOT = Path(__file__).resolve().parents[2]

# claim id -> sorted (rule, name, severity, review status); claims not listed have no findings.
EXPECTED: dict[str, list[tuple[str, str, str, str]]] = {
    "regional-centres-areas": [
        ("C206", "set-mismatch", "error", ""),
        ("V302", "claim-value-partly-supported", "warning", ""),
    ],
    "regional-centres-count": [
        ("C201", "count-mismatch", "error", ""),
        ("V302", "claim-value-partly-supported", "warning", ""),
    ],
    "astana-summit-date": [
        ("C205", "date-mismatch", "warning", ""),
        ("P401", "imprecise-value", "info", ""),
        ("V302", "claim-value-partly-supported", "warning", ""),
    ],
    "xian-summit-date": [
        ("P401", "imprecise-value", "info", ""),
        ("P401", "imprecise-value", "info", ""),
    ],
    "uzbekistan-chinese-investment-stock": [
        ("R501", "part-exceeds-whole", "warning", ""),
    ],
    "treaty-good-neighbourliness-name": [
        ("C207", "label-mismatch", "error", "explained"),
        ("V302", "claim-value-partly-supported", "warning", "explained"),
    ],
}


@pytest.fixture(scope="module")
def report():
    config = Config(root=ROOT, claims=ROOT / "claims", sources=ROOT / "sources", cache_dir=None)
    return check(config)


def test_every_claim_has_exactly_its_expected_findings(report):
    found: dict[str, list[tuple[str, str, str, str]]] = {}
    for f in report.findings:
        assert f.claims, f"a finding about no claim: {f.rule} {f.message}"
        found.setdefault(f.claims[0], []).append((f.rule, f.name, f.severity, f.review))
    assert {k: sorted(v) for k, v in found.items()} == EXPECTED


def test_every_quote_anchors_exactly_and_every_claim_is_read(report):
    for result in report.claims:
        for ev in result.evidence:
            assert ev.anchor.status == "exact", (result.claim.id, ev.evidence.quote)
        assert result.verdict != "unsupported", result.claim.id


def test_verdicts(report):
    disputed = sorted(c.claim.id for c in report.claims if c.verdict == "disputed")
    assert disputed == [
        "astana-summit-date",
        "regional-centres-areas",
        "regional-centres-count",
        "treaty-good-neighbourliness-name",
        "uzbekistan-chinese-investment-stock",
    ]
    assert len(report.claims) >= 30


def test_the_missing_centre_is_named(report):
    (set_finding,) = [f for f in report.findings if f.rule == "C206"]
    assert "lacks poverty reduction" in set_finding.message
