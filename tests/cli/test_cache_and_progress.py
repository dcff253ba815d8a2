"""The command line's cache (`--no-cache`, rendered output kept), its progress bar, and disabled
input problems, on a copy of the fixed report corpus."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cca_claims.cli import app
from cca_claims.config import Config
from cca_claims.engine import check
from cca_claims.speed import sealed

CORPUS = Path(__file__).parent.parent / "report" / "corpus"
runner = CliRunner()


def cli(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def cache_files(project: Path, suffix: str) -> list[Path]:
    return sorted((project / ".cca-claims-cache").glob(f"*{suffix}"))


def test_no_cache_neither_reads_nor_fills_the_cache(project: Path) -> None:
    for command, code in (("check", 1), ("lint", 0)):  # lint: warnings only
        assert cli(command, "--no-cache").exit_code == code
    assert not (project / ".cca-claims-cache").exists()
    cli("check")
    assert cache_files(project, ".pickle") and cache_files(project, ".out")


def _kept_text(entry: Path) -> str:
    payload = sealed.unseal(f"text|{entry.stem}", entry.read_bytes())
    assert payload is not None
    return bytes(payload).decode("utf-8")


@pytest.mark.parametrize("command", ["check", "lint"])
def test_unchanged_recheck_prints_the_kept_text_and_no_cache_renders_again(
    project: Path, command: str
) -> None:
    first = cli(command)
    kept = cache_files(project, ".out")
    assert len(kept) == 1 and _kept_text(kept[0]) == first.stdout
    # the next run prints what the cache holds: mark it (sealed as the cache seals it) to see
    # that it is read, not re-rendered
    marked = first.stdout + "(from the cache)\n"
    kept[0].write_bytes(sealed.seal(f"text|{kept[0].stem}", marked.encode("utf-8")))
    again = cli(command)
    assert again.stdout == marked
    assert again.exit_code == first.exit_code  # the exit code still comes from the report
    fresh = cli(command, "--no-cache")
    assert fresh.stdout == first.stdout
    # another width is another output: rendered, not taken from the marked entry
    wide = runner.invoke(app, [command], env={"COLUMNS": "150"}, catch_exceptions=False)
    assert "(from the cache)" not in wide.stdout
    # a kept text changed by anyone without the user's secret is not shown: rendered again
    kept[0].write_bytes(kept[0].read_bytes().replace(b"(from the cache)", b"(planted text!)"))
    assert cli(command).stdout == first.stdout


def test_json_is_never_taken_from_the_cache(project: Path) -> None:
    import json

    cli("check", "--format", "json")
    assert not cache_files(project, ".out")  # it carries the time of the run
    doc = json.loads(cli("check", "--format", "json").stdout)
    assert len(doc["claims"]) == 6


def _process(project: Path, *args: str, stderr_tty: bool) -> tuple[int, str, str]:
    """Run the CLI in a real process, stdout a pipe, stderr a pipe or a pseudo-terminal."""
    env = {**os.environ, "COLUMNS": "100"}
    env.pop("CCA_CLAIMS_NO_PROGRESS", None)
    env.pop("NO_COLOR", None)
    command = [sys.executable, "-m", "cca_claims", *args]
    if not stderr_tty:
        done = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        command, cwd=project, stdout=subprocess.PIPE, stderr=follower, env=env, text=True
    )
    os.close(follower)
    out, _ = proc.communicate(timeout=60)
    err = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed when the process ended
            break
        if not chunk:
            break
        err += chunk
    os.close(leader)
    return proc.returncode, out, err.decode("utf-8", "replace")


def test_progress_only_on_a_terminal_s_stderr_never_on_stdout(project: Path) -> None:
    code, out, err = _process(project, "check", "--no-cache", stderr_tty=False)
    assert code == 1 and err == ""  # piped stderr: no bar, no spinner
    code_tty, out_tty, err_tty = _process(project, "check", "--no-cache", stderr_tty=True)
    assert code_tty == 1
    assert out_tty == out  # stdout is the report alone either way
    assert "cca-claims:" in err_tty  # the bar was drawn on the terminal


def test_disabled_input_problems_are_dropped(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    shutil.copytree(CORPUS / "claims", claims)
    (claims / "broken.yaml").write_text("claims: [unclosed\n", encoding="utf-8")
    config = Config(root=tmp_path, claims=claims, sources=CORPUS / "sources", cache_dir=None)
    rules = {f.rule for f in check(config).findings}
    assert "E001" in rules
    for disable in (("E001",), ("yaml-syntax",)):
        left = {f.rule for f in check(Config(**{**vars(config), "disable": disable})).findings}
        assert left == rules - {"E001"}
    only = check(Config(**{**vars(config), "enable_only": ("C201",)})).findings
    assert {f.rule for f in only} == {"C201"}


def test_json_to_stdout_is_utf8_and_a_closed_pipe_is_not_an_error(project: Path) -> None:
    import json

    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "CCA_CLAIMS_NO_PROGRESS": "1"}
    command = [sys.executable, "-m", "cca_claims", "check", "-f", "json", "--no-cache"]
    done = subprocess.run(command, cwd=project, capture_output=True, env=env, timeout=60)
    assert done.returncode == 1 and done.stderr == b""
    doc = json.loads(done.stdout.decode("utf-8"))  # curly quotes and dashes survive
    assert any("\u2013" in c["claim"] for c in doc["claims"])
    # a reader that stops after the first bytes (`| head -c 10`)
    proc = subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.read(10) == b'{\n  "schem'
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, 1) and b"Traceback" not in err and b"internal error" not in err
