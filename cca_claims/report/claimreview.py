"""schema.org ClaimReview JSON-LD: one review per rated claim, ready for a publishing pipeline.

Each claim becomes a `ClaimReview` with the fields Google's fact-check markup requires: `url` (the
review's page, from `claimreview_url` with `{claim_id}` filled in), `claimReviewed` (the
statement; `warnings()` names those over the 75-character guidance), `author` and `publisher`
(from `claimreview_author` / `claimreview_publisher`), `reviewRating` (the verdict on a 1-3 scale,
docs/claimreview.md, after the editor's reviews: a claim whose every open finding was reviewed as
explained, accepted or won't fix is rated as its sources then stand), `datePublished` (the day of
the claim's latest review, so the document does not change from run to run; left out when the
claim has none), and `itemReviewed`, a `Claim` that `appearance`s in the source documents of its
evidence. Claims the tool found `unsupported` have no rating to publish and are left out.
A missing setting is a `PublishingSettingsError` naming it: a review never goes out under an
invented author or without an address.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

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
REVIEWED_EXPLANATION = (
    "The cited sources differ only in ways an editor reviewed and explained: {notes}"
)
CLAIM_REVIEWED_GUIDANCE = 75  # characters; Google's guidance for `claimReviewed`


class PublishingSettingsError(ValueError):
    """A setting ClaimReview needs is missing or unusable; the message names it."""


def render(report: Report, **_: Any) -> str:
    return dumps(document(report), indent=2) + "\n"


def document(report: Report) -> dict[str, Any]:
    """A JSON-LD document: `@context` plus an `@graph` of ClaimReview objects."""
    settings = publishing_settings(report.config)
    sources = sources_by_id(report)
    open_by_claim = _open_findings_by_claim(report)
    graph = [
        claim_review(result, sources, settings, open_by_claim.get(result.claim.id, 0))
        for result in report.claims
        if result.verdict in RATINGS
    ]
    return {"@context": "https://schema.org", "@graph": graph}


def warnings(report: Report) -> list[str]:
    """What a publisher should know before publishing (claims over the length guidance)."""
    out = []
    for result in report.claims:
        statement = result.claim.statement
        if result.verdict in RATINGS and len(statement) > CLAIM_REVIEWED_GUIDANCE:
            pos = result.claim.pos("claim")
            out.append(
                f"{pos}: claimReviewed of {result.claim.id} has {len(statement)} characters "
                f"(guidance: at most {CLAIM_REVIEWED_GUIDANCE}); shorten the claim sentence"
            )
    return out


def publishing_settings(config: Any) -> dict[str, Any]:
    """author, publisher and the url template, checked; PublishingSettingsError names a gap."""
    author = dict(getattr(config, "claimreview_author", None) or {})
    publisher = dict(getattr(config, "claimreview_publisher", None) or {})
    url = getattr(config, "claimreview_url", "") or ""
    for setting, table in (("claimreview_author", author), ("claimreview_publisher", publisher)):
        if not str(table.get("name", "")).strip():
            raise PublishingSettingsError(
                f"ClaimReview needs `{setting}` with a `name` in the configuration "
                f"(cca-claims.yaml or [tool.cca-claims] in pyproject.toml); see docs/claimreview.md"
            )
    if "{claim_id}" not in url or not url.startswith(("https://", "http://")):
        raise PublishingSettingsError(
            "ClaimReview needs `claimreview_url`, the address of each review's page with "
            '"{claim_id}" in it (e.g. "https://desk.example/checks/{claim_id}"); '
            "see docs/claimreview.md"
        )
    return {
        "author": _organization(author),
        "publisher": _organization(publisher),
        "url": url,
    }


def _organization(table: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": table.get("type") or "Organization", "name": table["name"]}
    if table.get("url"):
        out["url"] = table["url"]
    return out


def _open_findings_by_claim(report: Report) -> dict[str, int]:
    """Open findings (not reviewed, baselined or deprecated) per claim, errors and warnings."""
    counts: dict[str, int] = {}
    for f in report.findings:
        if f.suppressed or f.severity == "info":
            continue
        for claim_id in f.claims:
            counts[claim_id] = counts.get(claim_id, 0) + 1
    return counts


def claim_review(
    result: ClaimResult, sources: dict[str, Source], settings: dict[str, Any], open_findings: int
) -> dict[str, Any]:
    """One ClaimReview for a claim whose verdict has a rating."""
    verdict = result.verdict
    reviews = [r for r in result.claim.reviews if r.status in ("explained", "accepted", "wontfix")]
    explanation = RATING_EXPLANATION[verdict]
    if verdict != "consistent" and open_findings == 0 and reviews:
        # every difference was reviewed: the sources stand behind the claim as explained
        verdict = "consistent"
        notes = " ".join(r.note for r in reviews if r.note) or "see the claim file's reviews."
        explanation = REVIEWED_EXPLANATION.format(notes=notes)
    value, name = RATINGS[verdict]
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
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": result.claim.id,
        "url": settings["url"].replace("{claim_id}", quote(result.claim.id, safe="")),
        "claimReviewed": result.claim.statement,
        "author": settings["author"],
        "publisher": settings["publisher"],
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": name,
            "ratingExplanation": explanation,
        },
        "itemReviewed": item,
        "keywords": list(result.claim.tags),
    }
    dates = sorted(d for d in [*(r.date for r in result.claim.reviews), result.claim.reviewed] if d)
    if dates:
        review["datePublished"] = dates[-1]
    return review


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
