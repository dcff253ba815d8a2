"""ClaimReview that can be published: required fields from configuration, ratings after reviews,
dates that do not change from run to run, and the shape Google's fact-check markup asks for."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from cca_claims.model import Report
from cca_claims.report import exporter
from cca_claims.report.claimreview import PublishingSettingsError, warnings

SHAPE = Path(__file__).parents[1] / "data" / "claimreview-shape.schema.json"
SETTINGS = {
    "claimreview_url": "https://desk.example.org/checks/{claim_id}",
    "claimreview_author": {"name": "Example Desk", "url": "https://desk.example.org/"},
    "claimreview_publisher": {"name": "Example News"},
}


def configured(report: Report, **overrides) -> Report:
    settings = {**SETTINGS, **overrides}
    return dataclasses.replace(report, config=dataclasses.replace(report.config, **settings))


def reviews_by_id(report: Report) -> dict[str, dict]:
    doc = json.loads(exporter("claimreview")(report))
    return {r["identifier"]: r for r in doc["@graph"]}


def test_every_review_has_url_author_publisher_and_the_required_shape(report: Report) -> None:
    doc = json.loads(exporter("claimreview")(configured(report)))
    validator = jsonschema.Draft202012Validator(
        json.loads(SHAPE.read_text()), format_checker=jsonschema.FormatChecker()
    )
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(doc)]
    assert not errors, errors
    for review in doc["@graph"]:
        assert review["url"] == f"https://desk.example.org/checks/{review['identifier']}"
        assert review["author"] == {
            "@type": "Organization",
            "name": "Example Desk",
            "url": "https://desk.example.org/",
        }
        assert review["publisher"]["name"] == "Example News"


@pytest.mark.parametrize(
    ("missing", "named"),
    [
        ({"claimreview_url": ""}, "claimreview_url"),
        ({"claimreview_url": "https://desk.example.org/checks"}, "claimreview_url"),
        ({"claimreview_author": {}}, "claimreview_author"),
        ({"claimreview_publisher": {"url": "https://x.example"}}, "claimreview_publisher"),
    ],
)
def test_a_missing_setting_is_an_error_naming_it(report: Report, missing, named) -> None:
    with pytest.raises(PublishingSettingsError, match=named):
        exporter("claimreview")(configured(report, **missing))


def test_date_published_is_the_review_date_not_the_run_date(report: Report) -> None:
    first = exporter("claimreview")(configured(report))
    later = dataclasses.replace(report, generated_at="2031-01-02T12:00:00+00:00")
    assert exporter("claimreview")(configured(later)) == first
    reviews = reviews_by_id(configured(report))
    claim = next(c.claim for c in report.claims if c.claim.id == "trade-2024")
    dates = sorted(r.date for r in claim.reviews if r.date)
    if dates:
        assert reviews["trade-2024"]["datePublished"] == dates[-1]
    else:
        assert "datePublished" not in reviews["trade-2024"]
    dated = dataclasses.replace(
        claim, reviews=tuple(dataclasses.replace(r, date="2025-03-04") for r in claim.reviews)
    )
    claims = tuple(
        dataclasses.replace(c, claim=dated) if c.claim.id == "trade-2024" else c
        for c in report.claims
    )
    redated = reviews_by_id(configured(dataclasses.replace(report, claims=claims)))
    assert redated["trade-2024"]["datePublished"] == "2025-03-04"


def test_ratings_follow_reviews(report: Report) -> None:
    # trade-2024 is disputed with an open C201 error: rated disputed
    assert reviews_by_id(configured(report))["trade-2024"]["reviewRating"]["ratingValue"] == 2
    # once an editor explains that finding too, nothing open is left: rated as consistent,
    # with the editor's notes as the explanation
    explained = tuple(
        dataclasses.replace(f, review="explained", review_note="one figure is a forecast")
        if "trade-2024" in f.claims
        else f
        for f in report.findings
    )
    review = reviews_by_id(configured(dataclasses.replace(report, findings=explained)))
    rating = review["trade-2024"]["reviewRating"]
    assert rating["ratingValue"] == 3
    assert "different scope" in rating["ratingExplanation"]


def test_long_claim_sentences_are_warned_about_with_their_place(report: Report) -> None:
    long = configured(report)
    notes = warnings(long)
    over = [c.claim for c in report.claims if len(c.claim.statement) > 75]
    rated = [c for c in over if c.id in reviews_by_id(long)]
    assert len(notes) == len(rated)
    for claim, note in zip(rated, notes, strict=True):
        assert note.startswith(f"{claim.file}:") and claim.id in note
