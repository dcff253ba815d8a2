"""Hostile outputs: what `--output` may replace, and CSV cells that would start rows or formulas.

Each case here was a real failure: a CR inside a claim text went out unquoted (csv readers and
pandas then start a new row whose first cell is the attacker's formula), control characters reached
spreadsheets, `-o` replaced a FIFO or a character device with a regular file, and `-o -` wrote a
file named `-`.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.hostile.hostile_support import REPO, assert_no_traceback, run_cli

CORPUS = REPO / "tests" / "report" / "corpus"
FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(CORPUS, root)
    return root


def _claim_file(project: Path) -> Path:
    return next(p for p in sorted((project / "claims").glob("*.yaml")))


def _set_first_statement(project: Path, statement: str) -> None:
    """Put `statement` (escaped as a YAML double-quoted scalar) as the first claim's text."""
    path = _claim_file(project)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        if stripped.startswith("claim:"):
            indent = line[: len(line) - len(stripped)]
            escaped = statement.encode("unicode_escape").decode("ascii").replace('"', '\\"')
            lines[i] = f'{indent}claim: "{escaped}"\n'
            break
    else:
        raise AssertionError("no claim: line in the corpus")
    path.write_text("".join(lines), encoding="utf-8")


def test_carriage_return_before_a_formula_stays_inside_its_cell(project: Path) -> None:
    _set_first_statement(project, f"Trade grew.\r{FORMULA}")
    out = project / "rows.csv"
    proc = run_cli("export", "--format", "csv", "-o", str(out), cwd=project)
    assert proc.returncode == 0, proc.stderr
    text = out.read_bytes().decode("utf-8")  # as written: no newline translation
    # every reader sees the same rows: the header and one row per evidence item, none starting
    # with the formula, and the formula cell defused wherever its line starts
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert all(not row[0].startswith("=") for row in rows)
    statements = {row[1] for row in rows[1:]}
    assert f"Trade grew.\r'{FORMULA}" in statements
    import pandas as pd

    df = pd.read_csv(io.StringIO(text))
    assert len(df) == len(rows) - 1
    assert not df.claim_id.astype(str).str.startswith("=").any()


def test_control_characters_never_reach_the_csv(project: Path) -> None:
    _set_first_statement(project, "Bell\x07 and escape\x1b[31m red\x9b")
    proc = run_cli("export", "--format", "csv", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert "\x07" not in proc.stdout and "\x1b" not in proc.stdout and "\x9b" not in proc.stdout
    assert "Bell and escape[31m red" in proc.stdout


def test_dash_output_is_standard_output(project: Path) -> None:
    for args in (("export", "--format", "csv"), ("check", "--format", "json")):
        proc = run_cli(*args, "-o", "-", cwd=project)
        assert_no_traceback(proc)
        assert proc.returncode in (0, 1), proc.stderr
        assert not (project / "-").exists()
        assert proc.stdout.startswith(("claim_id,", "{"))


def test_output_onto_a_fifo_writes_through_to_its_reader(project: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "rows.fifo"
    os.mkfifo(fifo)
    received = tmp_path / "received.csv"
    # the reader waits on the FIFO as a pipeline would; replacing the FIFO by a regular file
    # (what a rename does) leaves it waiting forever, so it runs in its own process, killed late
    reader = subprocess.Popen(["sh", "-c", f"cat '{fifo}' > '{received}'"])
    try:
        proc = run_cli("export", "--format", "csv", "-o", str(fifo), cwd=project, timeout=60)
        assert_no_traceback(proc)
        assert proc.returncode == 0, proc.stderr
        reader.wait(timeout=30)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a regular file"
    assert received.read_text(encoding="utf-8").startswith("claim_id,claim,verdict,")


@pytest.mark.skipif(os.geteuid() != 0, reason="making a character device needs root (as in CI)")
def test_output_onto_a_character_device_keeps_the_device(project: Path, tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the kernel's /dev/null
    proc = run_cli("check", "--format", "json", "-o", str(null), cwd=project)
    assert_no_traceback(proc)
    assert proc.returncode in (0, 1), proc.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode), "the device was turned into a regular file"


def test_output_onto_a_folder_is_refused(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    proc = run_cli("export", "--format", "csv", "-o", str(folder), cwd=project)
    assert_no_traceback(proc)
    assert proc.returncode == 2
    assert "folder" in proc.stderr and str(folder) in proc.stderr
    assert (folder / "keep.txt").read_text() == "mine"


def test_output_through_a_link_replaces_the_file_it_points_to(
    project: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    proc = run_cli("export", "--format", "csv", "-o", str(link), cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("claim_id,")
