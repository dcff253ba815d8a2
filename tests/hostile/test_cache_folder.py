"""The project cache folder as an attacker or an accident leaves it: tracked by git, shared with
other files, fed a sparse 3 GB input, or changed under a running check.

Checks run in fresh processes with their own per-user folders (see test_cache_attacks.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tests.hostile.test_cache_attacks import CORPUS, _cli, _env

GIB = 1024**3


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(CORPUS, root)
    return root


def _git(project: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    done = subprocess.run(
        ["git", *args], cwd=project, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_the_cache_folder_keeps_itself_out_of_git(project: Path, tmp_path: Path) -> None:
    _git(project, "init", "-q")
    assert _cli(project, tmp_path, "check").returncode == 1
    folder = project / ".cca-claims-cache"
    assert list(folder.glob("*.pickle"))
    assert "*" in (folder / ".gitignore").read_text().splitlines()
    assert ".cca-claims-cache" not in _git(project, "status", "--porcelain", "--untracked=all")


@needs_git
def test_a_cache_folder_tracked_by_git_is_ignored_with_a_warning(
    project: Path, tmp_path: Path
) -> None:
    """A pull request can commit the folder (`git add -f`): its entries are never read, even
    valid ones, and the command says why on stderr."""
    _git(project, "init", "-q")
    first = _cli(project, tmp_path, "check")
    _git(project, "add", "-f", ".")
    _git(project, "commit", "-q", "-m", "a commit that carries the cache")
    folder = project / ".cca-claims-cache"
    before = sorted(p.name for p in folder.iterdir())
    again = _cli(project, tmp_path, "check")
    assert again.returncode == first.returncode == 1
    assert again.stdout == first.stdout  # checked again, the same report
    assert "tracked by git" in again.stderr and "warning" in again.stderr
    assert sorted(p.name for p in folder.iterdir()) == before  # nothing read, nothing written


def test_a_shared_cache_dir_loses_none_of_its_other_files(project: Path, tmp_path: Path) -> None:
    """A configured `cache_dir` that already holds other files: pruning the cache's old entries
    never removes them, whatever their names, and no `.gitignore` is dropped among them."""
    shared = tmp_path / "shared"
    shared.mkdir()
    foreign = {f"{i:064x}.pickle": f"someone's data {i}" for i in range(12)}
    foreign |= {"results.pickle": "mine", "notes.out": "mine too", "README.txt": "my folder"}
    for name, text in foreign.items():
        (shared / name).write_text(text)
        os.utime(shared / name, (1_000_000_000, 1_000_000_000))  # older than any entry
    (project / "cca-claims.yaml").write_text(f"cache_dir: {shared}\n")
    claim_file = project / "claims" / "report-corpus.yaml"
    text = claim_file.read_text()
    for run in range(3):  # new inputs each time: new entries, old ones pruned
        claim_file.write_text(text + f"# run {run}\n")
        assert _cli(project, tmp_path, "check").returncode == 1
    for name, data in foreign.items():
        assert (shared / name).read_text() == data
    assert not (shared / ".gitignore").exists()


def test_the_cache_key_reads_a_sparse_3_gb_input_within_the_loaders_limits(
    project: Path, tmp_path: Path
) -> None:
    """A sparse 3 GB claim file and a sparse 3 GB source: the loaders refuse both from their
    size; the cache key must not read them either (it read every input whole)."""
    for path in (project / "claims" / "huge.yaml", project / "sources" / "huge.txt"):
        with open(path, "wb") as handle:
            handle.truncate(3 * GIB)
    script = (
        "import resource, sys\n"
        "from cca_claims.speed import cache\n"
        "from cca_claims.config import load_config\n"
        "from pathlib import Path\n"
        "config = load_config(Path.cwd())\n"
        "key = cache.input_key(config, mode='check')\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=project,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    peak_mb = int(done.stdout.split()[-1])
    assert peak_mb < 300, f"{peak_mb} MB to compute the key"  # generous: reading one is 3,072
    # and the whole check, cache on: both refused, no traceback, memory bounded
    runner = (
        "import resource, sys\n"
        "from cca_claims.cli import main\n"
        "sys.argv[0] = 'cca-claims'\n"
        "try:\n    main()\n"
        "finally:\n"
        "    print('peak', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,"
        " file=sys.stderr)\n"
    )
    check = subprocess.run(
        [sys.executable, "-c", runner, "check"],
        cwd=project,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert check.returncode == 1 and "Traceback" not in check.stderr, check.stderr
    assert "huge.yaml" in check.stdout and "huge" in check.stdout
    peak = int(check.stderr.rsplit("peak", 1)[1].split()[0])
    assert peak < 400, f"{peak} MB for the check"


def test_a_source_edited_and_restored_during_a_check_is_not_cached(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check reads a source while it is edited; the edit is undone before the check ends.
    The report of the edited source must not be kept under the original inputs' key."""
    from cca_claims import sources
    from cca_claims.config import load_config
    from cca_claims.engine import check
    from cca_claims.speed import cache

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("CCA_CLAIMS_CACHE_SYNC", "1")
    monkeypatch.chdir(project)
    config = replace(load_config(project), root=project)
    source = project / "sources" / "astana-summit-agenda-2025.txt"
    original = source.read_bytes()
    assert b"three separate centers" in original
    real = sources.load_sources

    def reading_an_edit(*args, **kwargs):
        source.write_bytes(original.replace(b"three separate centers", b"four separate centers"))
        try:
            return real(*args, **kwargs)
        finally:
            source.write_bytes(original)  # undone: same bytes as before the check

    monkeypatch.setattr(sources, "load_sources", reading_an_edit)
    edited = check(config, use_cache=True)
    monkeypatch.setattr(sources, "load_sources", real)
    honest = check(config)

    def rules(report) -> list[str]:
        return sorted(f.rule for f in report.findings)

    assert rules(edited) != rules(honest)  # the edit was read: its report differs
    assert "cache_key" not in edited.stats
    assert not list((project / ".cca-claims-cache").glob("*.pickle"))
    after = check(config, use_cache=True)
    assert after.stats["cache"] == "miss"
    assert rules(after) == rules(honest)
    cache.wait_for_writes()


def test_a_killed_writer_leaves_nothing_older_than_the_next_run(
    project: Path, tmp_path: Path
) -> None:
    """Temporary and pending files whose writer is gone (its process was killed) are removed by
    the next run, whatever their age; other files of the folder stay."""
    assert _cli(project, tmp_path, "check").returncode == 1
    folder = project / ".cca-claims-cache"
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    pid = int(gone.stdout)
    left = [
        folder / f".memo.pickle.{pid}.pending",
        folder / f".{'ab' * 32}.pickle.{pid}.x1y2z3.tmp",
        folder / f"..memo.pickle.{pid}.pending.{pid}.q7w8e9.tmp",  # the pending one, half
    ]
    for path in left:
        path.write_bytes(b"half written by a killed check")
    kept = folder / "my-notes.txt"
    kept.write_text("not the cache's")
    claim_file = project / "claims" / "report-corpus.yaml"
    claim_file.write_text(claim_file.read_text() + "# edited\n")  # a miss: entries are written
    assert _cli(project, tmp_path, "check").returncode == 1
    assert not [p for p in left if p.exists()]
    assert not list(folder.glob("*.pending")) and not list(folder.glob(".*.tmp"))
    assert kept.exists()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
@pytest.mark.parametrize("mode", [0o644, 0o640, 0o606])
def test_a_secret_others_can_read_is_refused_and_no_cache_is_used(
    project: Path, tmp_path: Path, mode: int
) -> None:
    """Anyone who can read the secret can forge entries: then no cache is read or written, and
    the command says so (the check itself runs as usual)."""
    secret = tmp_path / "config" / "cca-claims" / "cache-secret"
    secret.parent.mkdir(parents=True)
    secret.write_bytes(os.urandom(32))
    secret.chmod(mode)
    done = _cli(project, tmp_path, "check")
    assert done.returncode == 1
    assert "cache secret" in done.stderr and "warning" in done.stderr
    assert not list((project / ".cca-claims-cache").glob("*.pickle"))
    assert not list((tmp_path / "cache").rglob("*.json"))  # no per-user cache either
    secret.chmod(0o600)  # put right: the cache is used again
    again = _cli(project, tmp_path, "check")
    assert again.stderr == "" and list((project / ".cca-claims-cache").glob("*.pickle"))


def test_a_ci_secret_from_the_environment_makes_a_restored_cache_usable(
    project: Path, tmp_path: Path
) -> None:
    """docs/ci.md: two runners share a secret only through CCA_CLAIMS_CACHE_SECRET; without it
    a restored cache fails its seal on a new runner (a fresh per-user secret) and is rebuilt."""

    def run(runner: str, secret: str | None) -> subprocess.CompletedProcess:
        env = _env(tmp_path / runner)
        if secret is not None:
            env["CCA_CLAIMS_CACHE_SECRET"] = secret
        return subprocess.run(
            [sys.executable, "-c", STATS, "check"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    shared = "x" * 40
    assert run("runner-1", shared).stdout.split() == ["miss"]
    assert run("runner-2", shared).stdout.split() == ["hit"]  # another machine, same secret
    assert run("runner-3", None).stdout.split() == ["miss"]  # its own secret: entries refused
    short = run("runner-4", "too short")
    assert short.stdout.split() == ["miss"] and "CCA_CLAIMS_CACHE_SECRET" in short.stderr


# a cached check in a fresh process, printing whether it hit the cache
STATS = (
    "import sys\n"
    "from pathlib import Path\n"
    "from cca_claims.config import load_config\n"
    "from cca_claims.engine import check\n"
    "report = check(load_config(Path.cwd()), use_cache=True)\n"
    "print(report.stats['cache'])\n"
    "print(*report.stats.get('cache_notices', ()), file=sys.stderr)\n"
)
