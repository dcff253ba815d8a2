"""Each output format on a hand-built report: content, escaping of hostile text, schemas."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from cca_claims.model import Report
from cca_claims.report import exporter, reporter
from cca_claims.report.github import annotation, escape_data, escape_property

DATA = Path(__file__).parent.parent / "data"
SCHEMA = Path(__file__).parent.parent.parent / "cca_claims" / "schemas" / "report.schema.json"
SARIF_SHA256 = "80cd7ffb9b62a4162d541aa9170862dd264f6cce0f04c57f1ac9f2337b808958"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def sarif_schema() -> dict:
    raw = (DATA / "sarif-schema-2.1.0.json").read_bytes()
    assert hashlib.sha256(raw).hexdigest() == SARIF_SHA256, "the vendored SARIF schema changed"
    return json.loads(raw)


# ----------------------------------------------------------------------------- text
def test_text_plain_has_no_escape_sequences_and_shows_markup_literally(report: Report) -> None:
    out = reporter("text")(report, color=False, width=100)
    assert "\x1b" not in out and "\u202e" not in out
    assert "[bold red]boom[/]" in out
    assert "\\x1b[31mred" in out and "\\u202eevil" in out
    assert not set(out) & set("╭╮╰╯│─┌┐└┘")  # no box art when plain


def test_text_color_keeps_user_escapes_escaped(report: Report) -> None:
    out = reporter("text")(report, color=True, width=120)
    assert ANSI.search(out), "colour output should be styled"
    # rich's own SGR codes only: the user's "\x1b[31mred" must not reach the terminal raw
    assert "\x1b[31mred" not in out
    assert "\\x1b[31mred" in ANSI.sub("", out)
    assert "[bold red]boom[/]" in ANSI.sub("", out)


@pytest.mark.parametrize("width", range(40, 130, 3))
@pytest.mark.parametrize("color", [False, True])
def test_no_text_line_can_be_read_as_a_workflow_command(report: Report, width, color) -> None:
    out = reporter("text")(report, color=color, width=width)
    lines = [ANSI.sub("", ln).strip() for ln in out.splitlines()]
    assert not [ln for ln in lines if ln.startswith("::")]


@pytest.mark.parametrize("width", [60, 80, 100])
def test_text_fits_the_width(report: Report, width: int) -> None:
    out = reporter("text")(report, color=False, width=width)
    assert max(len(line) for line in out.splitlines()) <= width


def test_text_shows_summary_passages_values_and_conversions(report: Report) -> None:
    out = reporter("text")(report, color=False, width=120, details=True)
    assert "Verdicts         1 consistent, 1 disputed (of 2 checked)" in out
    assert "Not checked      1: 1 no value read" in out
    assert "2 error, 1 warning, 0 info; 2 reviewed or baselined" in out
    # the figure is marked inside the quoted passage, the quote inside its context
    # stacked (narrow) output reads top to bottom; compare the words, lines wrap
    flat = " ".join(reporter("text")(report, color=False, width=70, details=True).split())
    assert "“In 2024, bilateral trade reached *$94.82 billion*”" in flat
    assert "as written: 700 billion yuan" in flat
    assert "via FX CNY->USD x [0.1372, 0.141] (2024-01-01..2024-12-31, ECB" in flat
    assert "trade-news says $94.82 billion but yuan-brief says" in flat
    # findings without a claim come first, under Files
    assert out.index("Files") < out.index("claims/broken.yaml:4:3: error E002")


def test_text_side_by_side_when_wide_stacked_when_narrow(report: Report) -> None:
    wide = reporter("text")(report, color=False, width=120, details=True)
    assert any(ln.split() == ["trade-news", "yuan-brief"] for ln in wide.splitlines()), (
        "a header row with one column per source"
    )
    narrow = reporter("text")(report, color=False, width=60, details=True)
    assert not any("trade-news" in ln and "yuan-brief:" in ln for ln in narrow.splitlines())


def test_text_finding_about_two_claims_shows_passages_under_the_first(report: Report) -> None:
    import dataclasses

    relation = dataclasses.replace(
        report.findings[1],
        rule="R502",
        name="sum-mismatch",
        claims=("investment", "trade-2024"),
        evidence=(0,),
        compared=(),
    )
    out = reporter("text")(
        dataclasses.replace(report, findings=(relation,)), width=70, details=True
    )
    trade_block = out[out.index("trade-2024  disputed") : out.index("investment  consistent")]
    assert "passages under investment" in trade_block
    invest_block = out[out.index("investment  consistent") :]
    assert "Chinese investment *exceeded $50 billion*" in " ".join(invest_block.split())


# ----------------------------------------------------------------------------- github
def test_github_escapes_data_and_properties() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_one_line_per_open_finding_and_no_forged_command(report: Report) -> None:
    out = reporter("github")(report)
    lines = out.splitlines()
    open_findings = [f for f in report.findings if not f.suppressed]
    commands = [ln for ln in lines if ln.startswith("::")]
    assert len(commands) == len(open_findings) == len(lines) - 1
    assert lines[-1].startswith("cca-claims: 3 claims: 2 errors")
    hostile = next(ln for ln in commands if "A103" in ln)
    assert hostile.startswith(
        "::warning file=claims/trade.yaml,line=22,col=16,title=A103 quote-fuzzy::"
    )
    assert "forged%0Anext %250A line" in hostile
    assert "\x1b" not in out and "\r" not in out


def test_github_levels_and_file_with_separators(report: Report) -> None:
    from dataclasses import replace

    f = replace(report.findings[1], severity="info")
    f = replace(f, location=replace(f.location, file="claims/a,b:c.yaml"))
    line = annotation(f)
    assert line.startswith("::notice file=claims/a%2Cb%3Ac.yaml,line=10,col=16,")


# ----------------------------------------------------------------------------- sarif
def test_sarif_validates_and_carries_fingerprints_suppressions_related(report: Report) -> None:
    doc = json.loads(reporter("sarif")(report, include_reviewed=True))
    jsonschema.validate(doc, sarif_schema())
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(report.findings)
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    by_rule = {r["ruleId"]: r for r in results}
    assert by_rule["C201"]["level"] == "error"
    assert by_rule["C202"]["level"] == "note"
    # our fingerprint is the alert's identity for code scanning, not a hash of the line
    assert by_rule["C201"]["partialFingerprints"] == {
        "ccaClaimsFingerprint/v1": "fedcba9876543210",
        "primaryLocationLineHash": "fedcba9876543210",
    }
    assert "suppressions" not in by_rule["C201"]
    assert by_rule["V301"]["suppressions"][0]["kind"] == "inSource"
    assert by_rule["C202"]["suppressions"][0]["kind"] == "external"
    related = by_rule["C201"]["relatedLocations"]
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == [
        "sources/trade-news.txt",
        "sources/yuan-brief.txt",
    ]
    region = related[0]["physicalLocation"]["region"]
    text = report.sources[0].text
    snippet = text[region["charOffset"] : region["charOffset"] + region["charLength"]]
    assert snippet == region["snippet"]["text"]
    assert region["endLine"] == region["startLine"] + snippet.count("\n")
    # the message links each compared passage by its relatedLocation id
    message = by_rule["C201"]["message"]["text"]
    for r in related:
        assert f"]({r['id']})" in message
    loc = by_rule["C201"]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "claims/trade.yaml", "uriBaseId": "%SRCROOT%"}
    assert loc["region"]["startLine"] == 10 and loc["region"]["startColumn"] == 16
    assert loc["region"]["endLine"] == 10 and loc["region"]["endColumn"] > 16


def test_sarif_leaves_reviewed_and_baselined_findings_out_by_default(report: Report) -> None:
    doc = json.loads(reporter("sarif")(report))
    jsonschema.validate(doc, sarif_schema())
    results = doc["runs"][0]["results"]
    open_findings = [f for f in report.findings if not f.suppressed]
    assert 0 < len(open_findings) < len(report.findings)
    assert sorted(r["ruleId"] for r in results) == sorted(f.rule for f in open_findings)
    assert not any("suppressions" in r for r in results)


def test_sarif_message_brackets_are_escaped_so_only_passage_links_are_links(
    report: Report,
) -> None:
    import re

    doc = json.loads(reporter("sarif")(report, include_reviewed=True))
    for res in doc["runs"][0]["results"]:
        text = res["message"]["text"]
        links = re.findall(r"(?<!\\)\[(?:[^\]\\]|\\.)*\]\((\d+)\)", text)
        ids = {str(r["id"]) for r in res.get("relatedLocations", [])}
        assert set(links) <= ids, text


def test_sarif_rules_have_tags_and_help_links_into_the_rules_doc(report: Report) -> None:
    import dataclasses

    rules = json.loads(reporter("sarif")(report))["runs"][0]["tool"]["driver"]["rules"]
    headings = (Path(__file__).parents[2] / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in rules:
        assert rule["properties"]["tags"], rule["id"]
        assert rule["helpUri"].startswith("docs/rules.md#")
        if not rule["id"].startswith("E"):
            assert f"### {rule['id']} {rule['name']}" in headings
    configured = dataclasses.replace(
        report, config=dataclasses.replace(report.config, docs_url="https://desk.example/docs/")
    )
    rules = json.loads(reporter("sarif")(configured))["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"].startswith("https://desk.example/docs/rules.md#")


def test_sarif_documents_every_registered_rule(report: Report) -> None:
    from cca_claims.problems import PROBLEM_TYPES
    from cca_claims.rules import RULES

    doc = json.loads(reporter("sarif")(report))
    ids = [r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]]
    assert set(RULES) | set(PROBLEM_TYPES) <= set(ids)
    assert len(ids) == len(set(ids))


# ----------------------------------------------------------------------------- json
def test_json_validates_against_its_schema(report: Report) -> None:
    doc = json.loads(reporter("json")(report))
    validator = jsonschema.Draft202012Validator(
        json.loads(SCHEMA.read_text()), format_checker=jsonschema.FormatChecker()
    )
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(doc)]
    assert not errors, errors[:5]


def test_json_contract_keys_and_escaping(report: Report, hostile_text: str) -> None:
    text = reporter("json")(report)
    assert "\u202e" not in text and "\x1b" not in text
    assert "\\u202e" in text and "\\u001b" in text
    doc = json.loads(text)
    assert {"schema_version", "claims", "findings"} <= set(doc)
    claim = doc["claims"][2]
    assert (
        claim["claim"] == "A claim with " + hostile_text
    )  # escaped in transit, intact once parsed
    for f in doc["findings"]:
        assert {"rule", "severity", "claims", "sources", "message", "location"} <= set(f)
        assert {"file", "line"} <= set(f["location"])
    ev = doc["claims"][0]["evidence"][1]
    assert ev["reading"]["conversions"][0]["from"] == "CNY"
    assert ev["anchor"]["selector"][1]["type"] == "TextPositionSelector"


def test_json_schema_rejects_a_wrong_verdict(report: Report) -> None:
    doc = json.loads(reporter("json")(report))
    doc["claims"][0]["verdict"] = "true"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, json.loads(SCHEMA.read_text()))


# ----------------------------------------------------------------------------- export
def test_csv_one_row_per_evidence_item_with_normalized_columns(report: Report) -> None:
    import pandas as pd

    from cca_claims.report.export import COLUMNS

    df = pd.read_csv(io.StringIO(exporter("csv")(report)))
    assert list(df.columns) == list(COLUMNS)
    assert len(df) == sum(len(c.evidence) for c in report.claims)
    yuan = df[df.source == "yuan-brief"].iloc[0]
    assert yuan.currency == "CNY" and yuan.fx_rate_low == pytest.approx(0.1372)
    assert yuan.fx_date_from == "2024-01-01" and yuan.low == pytest.approx(95.9e9)
    invest = df[df.claim_id == "investment"].iloc[0]
    assert pd.isna(invest.high) and invest.low_inclusive == False  # noqa: E712 (numpy bool)
    assert invest.qualifier == "more than"


def test_csv_defuses_formulas_in_user_text(report: Report) -> None:
    import dataclasses

    import pandas as pd

    result = report.claims[1]
    claim = dataclasses.replace(result.claim, statement='=HYPERLINK("http://x")')
    report = dataclasses.replace(
        report, claims=(report.claims[0], dataclasses.replace(result, claim=claim))
    )
    df = pd.read_csv(io.StringIO(exporter("csv")(report)))
    assert df[df.claim_id == "investment"].iloc[0].claim == '\'=HYPERLINK("http://x")'
    assert json.loads(exporter("jsonl")(report).splitlines()[-1])["claim"].startswith("=")


def test_jsonl_rows_parse_and_escape(report: Report) -> None:
    text = exporter("jsonl")(report)
    rows = [json.loads(line) for line in text.splitlines()]
    assert len(rows) == 4 and "\u202e" not in text
    assert rows[2]["high"] is None and rows[2]["low"] == 50e9


def test_claimreview_maps_verdicts_and_lists_appearances(report: Report) -> None:
    from cca_claims.report.claimreview import BEST, RATINGS, WORST

    settings = {
        "claimreview_url": "https://desk.example.org/{claim_id}",
        "claimreview_author": {"name": "Example Desk"},
        "claimreview_publisher": {"name": "Example News"},
    }
    report = dataclasses.replace(report, config=dataclasses.replace(report.config, **settings))
    doc = json.loads(exporter("claimreview")(report))
    assert doc["@context"] == "https://schema.org"
    reviews = {r["identifier"]: r for r in doc["@graph"]}
    assert set(reviews) == {"trade-2024", "investment"}  # unsupported has no rating
    disputed = reviews["trade-2024"]
    assert disputed["@type"] == "ClaimReview"
    assert disputed["claimReviewed"].startswith("Trade between China")
    rating = disputed["reviewRating"]
    assert (rating["ratingValue"], rating["alternateName"]) == RATINGS["disputed"]
    assert (rating["bestRating"], rating["worstRating"]) == (BEST, WORST)
    item = disputed["itemReviewed"]
    assert item["@type"] == "Claim"
    assert [a["headline"] for a in item["appearance"]] == ["Trade news", "Brief [bold]x[/bold]"]
    assert item["appearance"][0]["url"] == "https://example.org/trade"
    assert item["appearance"][0]["author"] == {"@type": "Person", "name": "A. Writer"}
    assert item["firstAppearance"]["datePublished"] == "2025-01-20"
    assert disputed["author"] == {"@type": "Organization", "name": "Example Desk"}


def test_every_json_key_is_documented() -> None:
    """docs/json-format.md names every property the schema defines."""
    doc = (SCHEMA.parent.parent.parent / "docs" / "json-format.md").read_text()
    schema = json.loads(SCHEMA.read_text())
    names: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    missing = sorted(n for n in names if f"`{n}`" not in doc and f"`{n}." not in doc)
    assert not missing, f"document these keys in docs/json-format.md: {missing}"


def test_schema_version_matches_the_renderer() -> None:
    from cca_claims.report.json_report import SCHEMA_VERSION

    schema = json.loads(SCHEMA.read_text())
    assert schema["$id"].endswith(SCHEMA_VERSION)
    assert (
        f"**{SCHEMA_VERSION}**"
        in (SCHEMA.parent.parent.parent / "docs" / "json-format.md").read_text()
    )


def test_csv_columns_each_hold_one_type_so_pandas_reads_numbers_and_dates(
    tmp_path: Path,
) -> None:
    """The fixed corpus has money, counts and dates: low/high stay numeric, dates stand apart."""
    import pandas as pd

    from cca_claims.config import Config
    from cca_claims.engine import check

    corpus = Path(__file__).parent / "corpus"
    report = check(
        Config(root=corpus, claims=corpus / "claims", sources=corpus / "sources", cache_dir=None)
    )
    df = pd.read_csv(io.StringIO(exporter("csv")(report)), parse_dates=["low_date", "high_date"])
    assert pd.api.types.is_float_dtype(df["low"]) and pd.api.types.is_float_dtype(df["high"])
    assert pd.api.types.is_datetime64_any_dtype(df["low_date"])
    dates = df[df.kind == "date"]
    assert len(dates) and dates["low"].isna().all() and dates["low_date"].notna().all()
    assert df[df.kind.isin(["money", "count"])]["low_date"].isna().all()


def test_json_dates_are_iso_days_and_money_keeps_its_written_currency(tmp_path: Path) -> None:
    from cca_claims.config import Config
    from cca_claims.engine import check

    corpus = Path(__file__).parent / "corpus"
    config = Config(
        root=corpus, claims=corpus / "claims", sources=corpus / "sources", cache_dir=None
    )
    doc = json.loads(reporter("json")(check(config)))
    readings = [
        e["reading"] for c in doc["claims"] for e in c["evidence"] if e["reading"] is not None
    ]
    dates = [r for r in readings if r["kind"] == "date"]
    assert dates and all(re.fullmatch(r"\d{4}-\d\d-\d\d", r["interval"]["low"]) for r in dates)
    money = [r for r in readings if r["kind"] == "money"]
    # as written: the currency token of the passage itself, with its ISO code apart
    assert money and all(r["written_unit"] in r["text"] and r["currency"] for r in money)
    assert doc["configuration"]["claims"] == "claims"
    assert doc["configuration"]["fail_on"] == "error"
    assert "notes" in doc["sources"][0]
