"""`--jobs N` reads values in N processes and prints the very bytes one process prints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate import generate
from cca_claims import engine
from cca_claims.config import Config
from cca_claims.speed import fork
from cca_claims.speed.parallel import Runner, jobs_for, parse_jobs

REPO = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only")


def _env(home: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "PYTHONPATH": str(REPO),
        "XDG_CACHE_HOME": str(home / "cache"),
        "CCA_CLAIMS_NO_PROGRESS": "1",
    }
    env.pop("CCA_CLAIMS_WORKERS", None)
    return env


def _output(project: Path, home: Path, fmt: str, jobs: str) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "cca_claims", "check", "--no-cache", "-f", fmt, "--jobs", jobs],
        cwd=project,
        env=_env(home),
        capture_output=True,
        timeout=600,
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tier-xs")
    generate(root, "XS", seed=11)
    return root


@linux_only
@pytest.mark.parametrize("fmt", ["json", "text"])
@pytest.mark.parametrize("corpus", ["bundled", "generated"])
def test_two_jobs_print_what_one_prints(
    corpus: str, fmt: str, generated: Path, tmp_path: Path
) -> None:
    project = REPO if corpus == "bundled" else generated
    one = _output(project, tmp_path, fmt, "1")
    two = _output(project, tmp_path, fmt, "2")
    assert one == two
    assert len(one) > 1_000  # a real report, not two empty ones


@linux_only
def test_the_read_stage_forks_when_asked(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(root=generated, claims=generated / "claims", sources=generated / "sources")
    alone = engine.check(config)
    started = []
    real = fork.start
    monkeypatch.setattr(fork, "start", lambda *a: started.append(a) or real(*a))
    shared = engine.check(config, jobs=2)
    assert len(started) == 1  # one worker beside this process
    assert shared.claims == alone.claims and shared.findings == alone.findings


def test_one_job_forks_nothing(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(root=generated, claims=generated / "claims", sources=generated / "sources")
    started = []
    monkeypatch.setattr(fork, "start", lambda *a: started.append(a))
    engine.check(config)
    engine.check(config, jobs="auto")  # 50 claims: below the measured size
    assert not started


class _Lost:
    def result(self):
        raise RuntimeError("worker lost")


def test_a_lost_worker_has_its_share_done_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fork, "available", lambda: True)
    monkeypatch.setattr(fork, "start", lambda *a: _Lost())
    items = list(range(10))
    assert Runner(3).map(_squares, items, 1) == _squares(items, 1)


@linux_only
def test_workers_compute_their_chunk_in_another_process() -> None:
    pids = Runner(2).map(_pids, list(range(6)))
    assert len(pids) == 6 and pids[:3] == [os.getpid()] * 3
    assert os.getpid() not in pids[3:]


def test_jobs_option() -> None:
    assert parse_jobs("3") == 3 and parse_jobs("auto") == "auto" and parse_jobs(" AUTO ") == "auto"
    for bad in ("0", "-2", "many"):
        with pytest.raises(ValueError):
            parse_jobs(bad)
    assert jobs_for(3, 10) == 3
    assert jobs_for("auto", 10, auto_min=100) == 1
    assert jobs_for("auto", 100, auto_min=100) >= 1


def _squares(items: list[int], plus: int) -> list[int]:
    return [i * i + plus for i in items]


def _pids(items: list[int]) -> list[int]:
    return [os.getpid() for _ in items]


@pytest.mark.parametrize("bad", ["0", "many"])
def test_a_bad_jobs_value_is_a_usage_error(bad: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cca_claims", "check", "--no-cache", "--jobs", bad],
        cwd=REPO,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 2
    assert "--jobs" in done.stderr and "Traceback" not in done.stderr
