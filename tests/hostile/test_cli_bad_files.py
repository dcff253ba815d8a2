"""Crafted bad claim files through the real CLI: each yields `file:line:col`, a hint, exit code 1,
no traceback, and the run goes on to report the other files (issue 2's core loop)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_support import FILES, assert_no_traceback, run_cli

BAD = FILES / "bad_claims"
SOURCES = FILES / "sources"
REL = "tests/hostile/files/bad_claims"

# file -> (line, col, code, words of the hint)
EXPECTED = {
    "broken_syntax.yaml": (3, 22, "E001", "must be quoted"),
    "duplicate_id.yaml": (2, 9, "E004", "rename one"),
    "duplicate_key.yaml": (4, 5, "E010", "remove one"),
    "empty.yaml": (1, 1, "E003", "start the file with `claims:`"),
    "latin1.yaml": (3, 16, "E008", "UTF-8"),
    "unknown_key.yaml": (4, 5, "E002", "did you mean 'evidence'?"),
    "unknown_source.yaml": (5, 17, "E005", "did you mean 'trade-note'?"),
}


def test_every_bad_file_has_an_expectation() -> None:
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted([*EXPECTED, "accepted.yaml"])


@pytest.fixture(scope="module")
def folder_run():
    return run_cli("check", "--claims", REL, "--sources", str(SOURCES), "-f", "json")


def test_folder_of_bad_files_reports_each_and_goes_on(folder_run) -> None:
    assert_no_traceback(folder_run)
    assert folder_run.returncode == 1
    doc = json.loads(folder_run.stdout)
    found = {
        (
            Path(f["location"]["file"]).name,
            f["location"]["line"],
            f["location"]["column"],
            f["rule"],
        )
        for f in doc["findings"]
    }
    hints = {f["rule"]: f["hint"] or "" for f in doc["findings"]}
    for name, (line, col, code, hint) in EXPECTED.items():
        assert (name, line, col, code) in found, name
        assert hint in hints[code], (code, hints[code])
    # the good file's claim and the readable claims of broken files were still checked
    verdicts = {c["id"]: c["verdict"] for c in doc["claims"]}
    assert verdicts["astana-summit-date"] == "consistent"
    assert {"trade-2024", "treaty-signed"} <= set(verdicts)
    assert len(doc["summary"]["claim_files"]) == len(EXPECTED) + 1


def test_text_output_shows_file_line_col_and_hint() -> None:
    proc = run_cli("check", "--claims", REL, "--sources", str(SOURCES), "--no-color")
    assert_no_traceback(proc)
    assert proc.returncode == 1
    for name, (line, col, code, _) in EXPECTED.items():
        assert f"{REL}/{name}:{line}:{col}: error {code}" in proc.stdout, name
    assert proc.stdout.count("hint: ") >= len(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_alone(name: str) -> None:
    line, col, code, hint = EXPECTED[name]
    if name == "duplicate_id.yaml":
        pytest.skip("needs the claim it duplicates: covered by the folder run")
    proc = run_cli("lint", "--claims", f"{REL}/{name}", "--sources", str(SOURCES))
    assert_no_traceback(proc)
    assert proc.returncode == 1
    assert f"{REL}/{name}:{line}:{col}: error {code}" in proc.stdout
    assert hint in proc.stdout


@pytest.mark.parametrize(
    "args, words",
    [
        (["check", "--claims", "no/such/folder", "--sources", "x"], "does not exist"),
        (["check", "--claims", REL, "--sources", "no/such/sources"], "does not exist"),
        (["check", "--claims", REL, "--sources", f"{REL}/empty.yaml"], "does not exist"),
        (["check", "--claims", REL, "--sources", str(SOURCES), "-f", "xml"], "xml"),
        (["check", "--no-such-option"], "no-such-option"),
        (["check", "--config", "no/such/config.yaml"], ""),
    ],
    ids=[
        "claims-missing",
        "sources-missing",
        "sources-is-file",
        "bad-format",
        "bad-option",
        "bad-config",
    ],
)
def test_usage_errors_exit_2_with_a_message(args: list[str], words: str) -> None:
    proc = run_cli(*args)
    assert_no_traceback(proc)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.strip() and words in proc.stderr


def test_hostile_yaml_folder_through_the_cli(tmp_path: Path) -> None:
    """The unsafe YAML files as a claims folder: every one reported, nothing constructed."""
    proc = run_cli(
        "check", "--claims", "tests/hostile/files/yaml", "--sources", str(SOURCES), "-f", "json"
    )
    assert_no_traceback(proc)
    assert proc.returncode == 1
    files = {Path(f["location"]["file"]).name for f in json.loads(proc.stdout)["findings"]}
    assert len(files) == len(list((FILES / "yaml").glob("*.yaml")))
