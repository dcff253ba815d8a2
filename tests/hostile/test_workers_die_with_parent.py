"""`kill -9` of a large check: its forked workers must not live on, blocked on their pipes.

A check with `--jobs 3` forks workers (shares of the read stage) and the cache's background
writer. The corpus here is bench tier S with the writer's threshold lowered in the launched
process, so that every kind of worker starts on a corpus that takes seconds, not minutes; the
parent is killed as soon as it has children. Generous waits, no timing asserts.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.generate import generate
from tests.hostile.test_cache_attacks import _env

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="workers are forked on Linux only"
)

LARGE_CHECK = (
    "import sys\n"
    "import cca_claims.speed.cache as cache\n"
    "cache.BACKGROUND_MIN_RECORDS = 1\n"  # entries written by a forked writer
    "from cca_claims.cli import main\n"
    "sys.argv[0] = 'cca-claims'\n"
    "main()\n"
)
GIVE_UP_SECONDS = 120  # for the parent to fork (a slow machine); never reached when it works
GONE_SECONDS = 30  # for orphaned workers to die: generous


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    """Running or sleeping: not gone and not a zombie waiting for a reaper."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tier-s")
    generate(root, "S", seed=5)
    return root


@pytest.mark.parametrize("stage", ["first fork", "read stage"])  # one child, or several at once
def test_a_killed_check_leaves_no_worker_behind(corpus: Path, tmp_path: Path, stage: str) -> None:
    env = _env(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-c", LARGE_CHECK, "check", "--format", "json", "--jobs", "3"],
        cwd=corpus,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seen: set[int] = set()
    try:
        wanted = 1 if stage == "first fork" else 2  # the read stage has several at once
        deadline = time.monotonic() + GIVE_UP_SECONDS
        while time.monotonic() < deadline and proc.poll() is None:
            children = _children(proc.pid)
            seen |= children
            if len(children) >= wanted:
                break
            time.sleep(0.005)
        assert proc.poll() is None and seen, "the check ended before it forked"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + GONE_SECONDS
    while time.monotonic() < deadline and any(_alive(pid) for pid in seen):
        time.sleep(0.1)
    left = [pid for pid in seen if _alive(pid)]
    for pid in left:  # do not leave them to the rest of the suite
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers still running after their check was killed: {left}"
    # the next check removes whatever the killed one's writers left half done
    again = subprocess.run(
        [sys.executable, "-m", "cca_claims", "check", "--format", "json"],
        cwd=corpus,
        env=env,
        capture_output=True,
        timeout=600,
    )
    assert again.returncode in (0, 1), again.stderr
    folder = corpus / ".cca-claims-cache"
    assert not list(folder.glob("*.pending")) and not list(folder.glob(".*.tmp"))
