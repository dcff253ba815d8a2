"""The command line on a copy of the fixed report corpus: commands, formats, exit codes, files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cca_claims.cli import app

CORPUS = Path(__file__).parent.parent / "report" / "corpus"
runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_check_text_exit_1_on_errors(project: Path) -> None:
    result = cli("check")
    assert result.exit_code == 1
    assert result.stdout.startswith("cca-claims check\n")
    assert "centres-count  disputed" in result.stdout
    assert "\x1b" not in result.stdout  # not a terminal: plain


@pytest.mark.parametrize(
    "fail_on, warnings_only, expected",
    [("error", False, 1), ("warning", True, 1), ("error", True, 0)],
)
def test_fail_on_thresholds(project: Path, fail_on: str, warnings_only: bool, expected) -> None:
    if warnings_only:
        # keep only the claims whose open findings are warnings
        claims = project / "claims" / "report-corpus.yaml"
        text = claims.read_text()
        start = text.index("  - id: centres-count\n")
        end = text.index("  - id: summit-date\n")
        claims.write_text(text[:start] + text[end:].split("  - id: centres-count-reviewed")[0])
    assert cli("check", "--fail-on", fail_on).exit_code == expected


def test_baseline_adoption_then_only_new_findings_fail(project: Path) -> None:
    written = cli("check", "--write-baseline", "cca-claims-baseline.json")
    assert written.exit_code == 0
    assert "recorded" in written.stderr
    baseline = json.loads((project / "cca-claims-baseline.json").read_text())
    assert baseline["findings"]
    assert cli("check", "--baseline", "cca-claims-baseline.json").exit_code == 0
    # a new contradiction fails even with the baseline
    claims = project / "claims" / "report-corpus.yaml"
    claims.write_text(
        claims.read_text()
        + """
  - id: new-contradiction
    claim: China announced five centres.
    value: 5 centres
    kind: count
    evidence:
      - source: majueran-new-era-2025
        quote: "China's decision to establish four new cooperative platforms"
      - source: astana-summit-agenda-2025
        quote: "the parties decided to establish three separate centers"
"""
    )
    result = cli("check", "--baseline", "cca-claims-baseline.json", "--format", "github")
    assert result.exit_code == 1
    failing = [ln for ln in result.stdout.splitlines() if ln.startswith("::error")]
    assert failing and all("new-contradiction" in ln or "five" in ln or "5" in ln for ln in failing)


def test_missing_baseline_is_a_usage_error(project: Path) -> None:
    result = cli("check", "--baseline", "nope.json")
    assert result.exit_code == 2
    assert "baseline file nope.json not found" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_machine_formats(project: Path, fmt: str) -> None:
    result = cli("check", "--format", fmt)
    assert result.exit_code == 1
    if fmt == "github":
        assert result.stdout.splitlines()[0].startswith("::")
    else:
        doc = json.loads(result.stdout)
        assert doc["version" if fmt == "sarif" else "schema_version"]


def test_output_file_is_written_and_inputs_protected(project: Path) -> None:
    result = cli("check", "--format", "sarif", "--output", "out/results.sarif")
    assert result.exit_code == 2  # the folder does not exist: a clear error, no traceback
    assert "cannot write out/results.sarif" in result.stderr
    (project / "out").mkdir()
    assert cli("check", "--format", "sarif", "-o", "out/results.sarif").exit_code == 1
    assert json.loads((project / "out" / "results.sarif").read_text())["version"] == "2.1.0"
    refused = cli("export", "--format", "csv", "--output", "claims/rows.csv")
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert not (project / "claims" / "rows.csv").exists()
    forced = cli("export", "--format", "csv", "--output", "claims/rows.csv", "--force")
    assert forced.exit_code == 0 and (project / "claims" / "rows.csv").exists()


def test_export_formats(project: Path) -> None:
    csv = cli("export", "--format", "csv")
    assert csv.exit_code == 0 and csv.stdout.startswith("claim_id,claim,verdict,")
    assert len(csv.stdout.splitlines()) == 1 + 9  # header + one row per evidence item
    jsonl = cli("export", "-f", "jsonl")
    assert all(json.loads(line)["claim_id"] for line in jsonl.stdout.splitlines())
    refused = cli("export", "-f", "claimreview")
    assert refused.exit_code == 2 and "claimreview_author" in refused.output
    (project / "cca-claims.yaml").write_text(
        "claimreview_url: https://desk.example.org/checks/{claim_id}\n"
        "claimreview_author: {name: Example Desk}\n"
        "claimreview_publisher: {name: Example News}\n"
    )
    review = json.loads(cli("export", "-f", "claimreview").stdout)
    assert {r["reviewRating"]["alternateName"] for r in review["@graph"]} >= {
        "Contradicted by the sources"
    }


def test_show_claims_sources(project: Path) -> None:
    shown = cli("show", "grants-usd")
    assert shown.exit_code == 0 and "Evidence" in shown.stdout and "fingerprint:" in shown.stdout
    typo = cli("show", "grants-us")
    assert typo.exit_code == 2 and "did you mean 'grants-usd'" in typo.stderr
    table = cli("claims", "--verdict", "disputed", "--tag", "centres")
    assert table.exit_code == 0 and "centres-count" in table.stdout and "grants" not in table.stdout
    sources = cli("sources", "--source", "majueran-new-era-2025")
    assert "1 of 3 sources" in sources.stdout
    bad = cli("sources", "--source", "majueran")
    assert bad.exit_code == 2 and "no source 'majueran'" in bad.stderr


def test_lint_lines_and_github(project: Path) -> None:
    result = cli("lint")
    lines = result.stdout.splitlines()
    assert lines[-1].startswith("6 claims, 9 quotes:")
    assert any(
        ln.startswith("claims/report-corpus.yaml:") and " warning A103 quote-fuzzy: " in ln
        for ln in lines
    )
    gh = cli("lint", "--format", "github")
    assert any(
        ln.startswith("::warning file=claims/report-corpus.yaml,") for ln in gh.stdout.splitlines()
    )


def _run(project: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cca_claims", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_real_process_bad_input_gives_one_line_and_exit_2(project: Path) -> None:
    (project / "cca-claims.yaml").write_text("fail_on: sometimes\n")
    result = _run(project, "check")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "fail_on must be one of error, warning, info" in result.stderr
    unknown = _run(project, "check", "--format", "xml")
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr


def test_real_process_no_color_and_pipe(project: Path) -> None:
    result = _run(project, "check", "--no-color", env={"COLUMNS": "60"})
    assert result.returncode == 1 and "\x1b" not in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_show_claims_and_sources_as_json(project: Path) -> None:
    """The look-up commands speak the report's JSON: one shape for a desk's tools."""
    full = json.loads(cli("check", "--format", "json").stdout)
    by_id = {c["id"]: c for c in full["claims"]}

    shown = cli("show", "grants-usd", "--format", "json")
    assert shown.exit_code == 0
    doc = json.loads(shown.stdout)
    assert doc["view"] == "show" and doc["schema_version"] == full["schema_version"]
    assert doc["claim"] == by_id["grants-usd"]
    assert {f["fingerprint"] for f in doc["findings"]} == {
        f["fingerprint"] for f in full["findings"] if "grants-usd" in f["claims"]
    }

    listed = json.loads(cli("claims", "-f", "json", "--verdict", "disputed").stdout)
    assert listed["total"] == len(full["claims"])
    assert {c["id"] for c in listed["claims"]} == {
        c["id"] for c in full["claims"] if c["verdict"] == "disputed"
    }
    assert all(
        set(c["findings"]) == {"error", "warning", "info", "reviewed"} for c in listed["claims"]
    )

    sources = json.loads(cli("sources", "-f", "json").stdout)
    assert [s["id"] for s in sources["sources"]] == [s["id"] for s in full["sources"]]
    cited = {s["id"]: {c["id"] for c in s["claims"]} for s in sources["sources"]}
    for claim in full["claims"]:
        for ev in claim["evidence"]:
            assert claim["id"] in cited[ev["source"]]
