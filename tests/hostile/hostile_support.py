"""Shared helpers for the hostile-input suite: paths to the crafted files and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
FILES = HERE / "files"
REPO = HERE.parent.parent
CLI = [sys.executable, "-m", "cca_claims"]


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    """Run `cca-claims ARGS` in a fresh process, as a user would (no traceback may escape)."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    env.pop("CCA_CLAIMS_DEBUG", None)
    return subprocess.run(
        [*CLI, *args],
        cwd=cwd or REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def assert_no_traceback(proc: subprocess.CompletedProcess) -> None:
    """No Python traceback and no 'internal error' in what the user sees."""
    seen = proc.stdout + proc.stderr
    assert "Traceback" not in seen, seen
    assert "internal error" not in seen, seen
