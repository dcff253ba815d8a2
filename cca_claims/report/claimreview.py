"""schema.org ClaimReview JSON-LD: one review per claim with a verdict, for a publishing pipeline.

Each claim becomes a `ClaimReview` whose `claimReviewed` is the statement, whose `reviewRating`
maps the verdict on a 1-3 scale (docs/claimreview.md), whose `itemReviewed` is a `Claim` that
`appearance`s in the source documents of its evidence (CreativeWork with headline, author or
publisher, datePublished and url), and whose `author` is `claimreview_author` from the
configuration. Claims the tool found `unsupported` have no rating to publish and are left out.
"""

from __future__ import annotations

from typing import Any

from cca_claims.model import ClaimResult, Report, Source
from cca_claims.report.common import dumps, sources_by_id

BEST, WORST = 3, 1
# verdict -> (ratingValue, alternateName); documented in docs/claimreview.md
RATINGS: dict[str, tuple[int, str]] = {
    "consistent": (3, "Consistent with the sources"),
    "disputed": (2, "Disputed: the sources disagree"),
    "contradicted": (1, "Contradicted by the sources"),
}
RATING_EXPLANATION = {
    "consistent": "Every cited source passage agrees with the claim.",
    "disputed": "The cited sources disagree with one another on this point.",
    "contradicted": "The sources agree with one another but not with the claim's figure.",
}


def render(report: Report, **_: Any) -> str:
    return dumps(document(report), indent=2) + "\n"


def document(report: Report) -> dict[str, Any]:
    """A JSON-LD document: `@context` plus an `@graph` of ClaimReview objects."""
    author = _author(report)
    date = report.generated_at[:10]
    sources = sources_by_id(report)
    graph = [
        claim_review(result, sources, author, date)
        for result in report.claims
        if result.verdict in RATINGS
    ]
    return {"@context": "https://schema.org", "@graph": graph}


def claim_review(
    result: ClaimResult, sources: dict[str, Source], author: dict[str, Any], date: str
) -> dict[str, Any]:
    """One ClaimReview for a claim whose verdict has a rating."""
    value, name = RATINGS[result.verdict]
    cited = [
        sources[s]
        for s in dict.fromkeys(e.evidence.source for e in result.evidence)
        if s in sources
        and any(e.evidence.source == s and e.evidence.rank != "deprecated" for e in result.evidence)
    ]
    appearances = [creative_work(s) for s in cited]
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearances}
    dated = sorted((s.meta.published.isoformat(), s) for s in cited if s.meta.published is not None)
    if dated:
        item["datePublished"] = dated[0][0]
        item["firstAppearance"] = creative_work(dated[0][1])
    return {
        "@type": "ClaimReview",
        "identifier": result.claim.id,
        "claimReviewed": result.claim.statement,
        "datePublished": date,
        "author": author,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": name,
            "ratingExplanation": RATING_EXPLANATION[result.verdict],
        },
        "itemReviewed": item,
        "keywords": list(result.claim.tags),
    }


def creative_work(source: Source) -> dict[str, Any]:
    """A source document as a schema.org CreativeWork."""
    m = source.meta
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": m.title or m.id}
    if m.author:
        work["author"] = {"@type": "Person", "name": m.author}
    if m.publisher and not m.publisher.startswith("unknown"):
        work["publisher"] = {"@type": "Organization", "name": m.publisher}
    if m.published:
        work["datePublished"] = m.published.isoformat()
    if m.url:
        work["url"] = m.url
    work["identifier"] = m.id
    work["inLanguage"] = m.language
    return work


def _author(report: Report) -> dict[str, Any]:
    configured = getattr(report.config, "claimreview_author", None) or {}
    author: dict[str, Any] = {
        "@type": configured.get("type", "Organization"),
        "name": configured.get("name") or "cca_claims fact-check desk",
    }
    if configured.get("url"):
        author["url"] = configured["url"]
    return author
