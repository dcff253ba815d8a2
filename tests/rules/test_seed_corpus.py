"""What the rules show on the real seed corpus (claims/ + sources/): the issue's must-shows.

Flagged: the four vs three centres (naming "poverty reduction" as what the agenda lacks), the
June 17 vs June 16-17 dates, the investment figures (a part larger than its whole's stated
bound). Not flagged: the two 2024 trade figures, the 24 Kazakhstan-China agreements, 1.5 billion
yuan vs $210 million. Each check runs on the curated claim when its id exists; otherwise on an
equivalent claim written here against the same real sources, so the test never depends on the
curator's naming.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cca_claims.config import Config
from cca_claims.engine import check
from cca_claims.model import Finding, Report

ROOT = Path(__file__).resolve().parents[2]

CRAFTED = {
    "regional-centres-areas": """
claims:
  - id: regional-centres-areas
    claim: China announced centres for four areas.
    kind: set
    evidence:
      - source: majueran-new-era-2025
        quote: >-
          four new cooperative platforms focused respectively on poverty reduction, education
          exchange, desertification control, and smooth trade facilitation
        value: [poverty reduction, education exchange, desertification control, smooth trade facilitation]
      - source: astana-summit-agenda-2025
        quote: >-
          three separate centers focused on educational exchange, combating desertification and
          facilitating trade
        value: [educational exchange, combating desertification, facilitating trade]
""",
    "regional-centres-count": """
claims:
  - id: regional-centres-count
    claim: China announced four new cooperation centres.
    kind: count
    evidence:
      - source: majueran-new-era-2025
        quote: "China's decision to establish four new cooperative platforms"
      - source: astana-summit-agenda-2025
        quote: "the parties decided to establish three separate centers"
""",
    "astana-summit-date": """
claims:
  - id: astana-summit-date
    claim: The second summit was held in Astana on June 17, 2025.
    kind: date
    evidence:
      - source: china-studies-center-astana-2025
        quote: "The second Central Asia-China Summit, held on June 17, 2025 in Astana"
      - source: co-architecting-eurasia-2025
        quote: "The 2nd China–Central Asia Summit, held in Astana on June 16–17, 2025"
""",
    "uzbekistan-chinese-investment-stock": """
claims:
  - id: chinese-investment-in-region
    claim: Cumulative Chinese investment in Central Asia exceeds $50 billion.
    kind: money
    evidence:
      - source: baidarov-first-summit-2025
        quote: "Chinese investment in the region has already exceeded $50 billion"
  - id: uzbekistan-chinese-investment-stock
    claim: China's investment stock in Uzbekistan exceeds $60 billion.
    kind: money
    part_of: chinese-investment-in-region
    evidence:
      - source: co-architecting-eurasia-2025
        quote: "investment stock exceeds $60B"
""",
    "trade-2024": """
claims:
  - id: trade-2024
    claim: China's trade with Central Asia was about $94.8 billion in 2024.
    value: 94.8 billion USD
    period: 2024
    kind: money
    evidence:
      - source: china-studies-center-astana-2025
        quote: "In 2024, China’s total trade with Central Asian states exceeded $94.8 billion"
      - source: baidarov-first-summit-2025
        quote: "In 2024, bilateral trade reached $94.82 billion"
""",
    "kazakhstan-china-agreements-count": """
claims:
  - id: kazakhstan-china-agreements-count
    claim: Kazakhstan and China signed 24 agreements at the summit.
    value: 24 agreements
    kind: count
    evidence:
      - source: china-studies-center-astana-2025
        quote: "24 intergovernmental and interdepartmental agreements"
      - source: astana-summit-agenda-2025
        quote: "24 bilateral agreements were signed"
""",
    "development-grants-2025-usd": """
claims:
  - id: development-grants-2025-cny
    claim: China will provide 1.5 billion yuan in development grants in 2025.
    value: 1.5 billion CNY
    period: 2025
    kind: money
    evidence:
      - source: astana-summit-agenda-2025
        quote: "China committed to providing 1.5 billion yuan in development assistance"
  - id: development-grants-2025-usd
    claim: The 2025 development grants amount to about $210 million.
    value: around 210 million USD
    period: 2025
    kind: money
    same_as: development-grants-2025-cny
    evidence:
      - source: astana-summit-agenda-2025
        quote: "approximately 210 million US dollars"
""",
}


@pytest.fixture(scope="module")
def seed() -> Report:
    config = Config(root=ROOT, claims=ROOT / "claims", sources=ROOT / "sources", cache_dir=None)
    return check(config)


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> dict[str, Report]:
    """Reports for the crafted stand-ins, made only when a curated id is missing."""
    return {}


def report_for(
    claim_id: str, seed: Report, crafted: dict, tmp_path_factory, prefer_seed: bool = True
) -> Report:
    if prefer_seed and any(c.claim.id == claim_id for c in seed.claims):
        return seed
    if claim_id not in crafted:
        folder = tmp_path_factory.mktemp(claim_id)
        (folder / "claims.yaml").write_text(CRAFTED[claim_id], encoding="utf-8")
        config = Config(
            root=ROOT, claims=folder / "claims.yaml", sources=ROOT / "sources", cache_dir=None
        )
        crafted[claim_id] = check(config)
    return crafted[claim_id]


def failing(report: Report, claim_id: str, rule: str | None = None) -> list[Finding]:
    """Open warnings and errors about `claim_id` (first claim of the finding)."""
    return [
        f
        for f in report.findings
        if f.claims
        and f.claims[0] == claim_id
        and f.severity in ("error", "warning")
        and (rule is None or f.rule == rule)
    ]


def verdict(report: Report, claim_id: str) -> str:
    return next(c.verdict for c in report.claims if c.claim.id == claim_id)


@pytest.fixture(params=["curated", "crafted"])
def get(request, seed, crafted, tmp_path_factory):
    """The curated claim's report, and (second run) the crafted stand-in's: both must agree."""
    prefer_seed = request.param == "curated"
    return lambda claim_id: report_for(claim_id, seed, crafted, tmp_path_factory, prefer_seed)


def test_seed_corpus_has_no_input_problems(seed: Report) -> None:
    problems = [f for f in seed.findings if f.rule.startswith("E")]
    assert not problems, [(str(f.location), f.message) for f in problems]


def test_four_vs_three_centres_names_poverty_reduction(get) -> None:
    report = get("regional-centres-areas")
    found = failing(report, "regional-centres-areas", "C206")
    assert len(found) == 1
    f = found[0]
    assert f.severity == "error"
    assert "astana-summit-agenda-2025" in f.message
    assert "lacks poverty reduction" in f.message
    assert verdict(report, "regional-centres-areas") == "disputed"


def test_four_vs_three_centres_count(get) -> None:
    report = get("regional-centres-count")
    found = failing(report, "regional-centres-count", "C201")
    assert len(found) == 1
    assert "three separate centers" in found[0].message
    assert found[0].sources[0] == "astana-summit-agenda-2025"


def test_june_17_vs_june_16_17_is_a_warning(get) -> None:
    report = get("astana-summit-date")
    found = failing(report, "astana-summit-date", "C205")
    assert len(found) == 1
    f = found[0]
    assert f.severity == "warning"  # overlapping day-level dates: softer than disjoint
    assert "co-architecting-eurasia-2025" in f.sources
    assert "June 16–17, 2025" in f.message


def test_investment_part_above_its_whole_is_flagged(get) -> None:
    report = get("uzbekistan-chinese-investment-stock")
    found = failing(report, "uzbekistan-chinese-investment-stock", "R501")
    assert len(found) == 1
    f = found[0]
    assert f.claims == ("uzbekistan-chinese-investment-stock", "chinese-investment-in-region")
    # open bounds are never treated as exact: the finding is a warning, not a certain error
    assert f.severity == "warning"
    assert "20%" in f.message


@pytest.mark.parametrize(
    "claim_id",
    [
        "trade-2024",
        "kazakhstan-china-agreements-count",
        "development-grants-2025-usd",
        "development-grants-2025-cny",
    ],
)
def test_agreeing_figures_are_not_flagged(get, claim_id: str) -> None:
    lookup = "development-grants-2025-usd" if claim_id.startswith("development") else claim_id
    report = get(lookup)
    assert failing(report, claim_id) == []
    assert verdict(report, claim_id) == "consistent"


def test_yuan_and_dollars_overlap_after_conversion(get) -> None:
    report = get("development-grants-2025-usd")
    results = {c.claim.id: c for c in report.claims}
    usd = results["development-grants-2025-usd"].claim_reading
    cny = results["development-grants-2025-cny"].claim_reading
    assert usd.unit == cny.unit == "USD"
    assert usd.interval.overlaps(cny.interval)
    assert any(c.kind == "fx" for c in cny.conversions)
