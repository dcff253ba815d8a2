"""`render_output`: the one call the commands make to draw a report, for every format."""

from __future__ import annotations

import json

import pytest

from cca_claims.report import format_names, reporter
from cca_claims.report.github import render as render_github
from cca_claims.report.lint import render as render_lint
from cca_claims.report.output import LINT_FORMATS, render_output


@pytest.mark.parametrize("name", format_names())
def test_every_check_format_is_its_renderer_s_text(report, name):
    options = {"include_reviewed": True} if name == "sarif" else {}
    drawn = "".join(render_output(report, name, color=False, width=90, details=True, **options))
    assert drawn == reporter(name)(report, color=False, width=90, details=True, **options)


def test_json_comes_in_pieces_that_make_the_whole_document(report):
    pieces = list(render_output(report, "json"))
    assert len(pieces) > len(report.claims)  # one claim at a time, never the whole at once
    doc = json.loads("".join(pieces))
    assert [c["id"] for c in doc["claims"]] == [c.claim.id for c in report.claims]


def test_sarif_keeps_reviewed_findings_only_when_asked(report):
    def results(**options) -> list[dict]:
        return json.loads("".join(render_output(report, "sarif", **options)))["runs"][0]["results"]

    assert len(results(include_reviewed=True)) > len(results())


def test_lint_formats(report):
    assert LINT_FORMATS == ("text", "github")
    text = "".join(render_output(report, "text", lint=True, color=False, width=80))
    assert text == render_lint(report, color=False, width=80)
    assert "".join(render_output(report, "github", lint=True)) == render_github(report)
    with pytest.raises(KeyError):
        render_output(report, "html", lint=True)
