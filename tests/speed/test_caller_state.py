"""A check leaves its caller's interpreter as it found it, and a plain check forks nothing."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate import generate
from cca_claims import engine
from cca_claims.config import Config

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    root = tmp_path_factory.mktemp("tier-xs")
    generate(root, "XS", seed=3)
    return Config(root=root, claims=root / "claims", sources=root / "sources")


class Kept:
    """An object of the caller's, frozen by it."""


@pytest.fixture()
def frozen_by_the_caller():
    """The caller froze its own objects and set its own thresholds before calling."""
    thresholds = gc.get_threshold()
    kept = Kept()
    gc.collect()
    gc.freeze()
    gc.set_threshold(1234, 11, 12)
    try:
        yield kept
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def _caller_state_kept(kept: Kept, frozen_before: int) -> None:
    # still frozen: the collector's generations (what `gc.get_objects()` lists) do not hold it
    assert not any(o is kept for o in gc.get_objects())
    # nothing frozen for the caller (the count drops only as frozen objects are freed)
    assert 0 < gc.get_freeze_count() <= frozen_before
    assert gc.get_threshold() == (1234, 11, 12)
    assert gc.isenabled()


@pytest.mark.parametrize("use_cache", [False, True])
def test_check_keeps_the_callers_frozen_objects_and_thresholds(
    config: Config, frozen_by_the_caller: Kept, use_cache: bool, tmp_path: Path
) -> None:
    from dataclasses import replace

    frozen = gc.get_freeze_count()
    assert not any(o is frozen_by_the_caller for o in gc.get_objects())
    engine.check(replace(config, cache_dir=tmp_path / "cache"), use_cache=use_cache)
    _caller_state_kept(frozen_by_the_caller, frozen)


def test_check_leaves_nothing_frozen_when_the_caller_froze_nothing(config: Config) -> None:
    gc.unfreeze()  # (another test's leftovers, if any)
    before = gc.get_threshold()
    engine.check(config)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_curation_workspace_keeps_the_callers_gc_state(
    config: Config, frozen_by_the_caller: Kept
) -> None:
    from cca_claims.curation.workspace import load_workspace

    frozen = gc.get_freeze_count()
    workspace = load_workspace(config, use_cache=False)
    assert workspace.report.claims
    _caller_state_kept(frozen_by_the_caller, frozen)


# run as `python -m cca_claims check` does, then list the modules it imported
IMPORTED = (
    "import sys, runpy\n"
    "sys.argv = ['cca-claims', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('cca_claims', run_name='__main__')\n"
    "except SystemExit:\n"
    "    pass\n"
    "sys.stderr.write('\\nIMPORTED ' + ' '.join(sorted(sys.modules)) + '\\n')\n"
)


@pytest.mark.parametrize("cached", [False, True])
def test_a_bundled_check_imports_no_process_machinery(tmp_path: Path, cached: bool) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "CCA_CLAIMS_NO_PROGRESS": "1",
    }
    args = ["check", "-f", "json", "-o", str(tmp_path / "report.json")]
    if not cached:
        args.append("--no-cache")
    for _ in range(2 if cached else 1):  # the second cached run answers from the cache
        done = subprocess.run(
            [sys.executable, "-c", IMPORTED, *args, "--force"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    assert (tmp_path / "report.json").stat().st_size > 1_000, done.stderr
    modules = set(done.stderr.rsplit("IMPORTED ", 1)[1].split())
    assert "cca_claims.engine" in modules  # the check ran in this process
    assert not modules & {"multiprocessing", "concurrent.futures", "cca_claims.speed.parallel"}
