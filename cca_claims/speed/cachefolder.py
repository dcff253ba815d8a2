"""The cache's folder: whether it may be used, what it holds, and what it may remove.

A folder tracked by git, a link, or a folder of another user is never used (`usable_folder`).
The cache makes its folder with a README and a `.gitignore` of `*`; it writes only names it
makes, and prunes only its own files: entries under its names that hold a sealed entry, and the
temporary and pending files of writers that are gone.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from cca_claims import userdata
from cca_claims.speed import sealed

SUFFIX = ".pickle"
RENDERED_SUFFIX = ".out"
MAX_ENTRIES = 8
MEMO_NAME = "memo.pickle"  # the memo (memo.py), beside the entries, never pruned
STALE_PENDING_SECONDS = 3600  # a memo kept aside this long belongs to no running check
README = (
    "This folder is cca-claims' cache of finished checks (see cca_claims/speed/cache.py).\n"
    "It is safe to delete; `cca-claims check --no-cache` ignores it.\n"
    "Never commit it: a cache folder tracked by git is ignored.\n"
)
GITIGNORE = "# created by cca-claims: a cache is never committed\n*\n"


def cache_folder(config: Any) -> Path | None:
    """The configured cache folder (relative paths under the configuration's root), or None."""
    folder = getattr(config, "cache_dir", None)
    if folder is None:
        return None
    folder = Path(folder)
    return folder if folder.is_absolute() else Path(config.root) / folder


def usable_folder(config: Any) -> tuple[Path | None, list[str]]:
    """The cache folder to use, or None, and why it is not used (notices for the user).

    A folder tracked by git is never used: a pull request can commit one (`git add -f`). Nor is
    a link (it would send the cache's writes elsewhere), a folder owned by another user, or any
    folder when no cache secret is at hand (`sealed.py`)."""
    folder = cache_folder(config)
    if folder is None:
        return None, []
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        return None, [f"cache folder {folder}: {exc.strerror or exc}; the cache is not used"]
    if info is not None:
        if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
            return None, [f"cache folder {folder} is not a plain folder: the cache is not used"]
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None, [f"cache folder {folder} belongs to another user: the cache is not used"]
        if _tracked_by_git(folder):
            return None, [
                f"cache folder {folder} is tracked by git: its entries are ignored (a cache "
                f"must never be committed: `git rm -r --cached {folder}`)"
            ]
    if sealed.secret() is None:
        return None, sealed.notices()
    return folder, []


def _tracked_by_git(folder: Path) -> bool:
    """Whether git tracks any file in `folder` (False when git or a repository is missing)."""
    git = shutil.which("git")
    if git is None:
        return False
    try:
        done = subprocess.run(
            [git, "-C", str(folder), "ls-files", "-z", "--", "."],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=30,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and bool(done.stdout.strip(b"\0"))


# the only names the cache writes, and those of its temporary and pending files
_ENTRY_NAME = re.compile(
    r"[0-9a-f]{64}\.(?:pickle|out)|memo\.pickle|passages\.memo|\.memo\.pickle\.\d+\.pending"
)
_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp")
_PENDING_NAME = re.compile(r"\.memo\.pickle\.(?P<pid>\d+)\.pending")


def entry_path(folder: Path, key: str, name: str) -> Path:
    """The file of an entry: a name of the cache's own making, inside `folder`, always."""
    name = name or f"{key}{SUFFIX}"
    if not _ENTRY_NAME.fullmatch(name):
        raise ValueError(f"not a cache entry name: {name!r}")
    return folder / name


def prepare_folder(folder: Path) -> None:
    """Create the cache folder with its README and a `.gitignore` of `*` (as pytest's cache
    has), so that git never offers to commit it. A folder the cache did not make (a configured
    `cache_dir` that already held files) gets neither: its files are not the cache's."""
    try:
        folder.mkdir(parents=True)
        made = True
    except FileExistsError:
        made = (_read_small(folder / "README.txt") or "").startswith(README.splitlines()[0])
    if not userdata.own_folder(folder):
        raise OSError(f"{folder} is not a folder of this user's")
    if made:
        for name, text in (("README.txt", README), (".gitignore", GITIGNORE)):
            _create_once(folder / name, text)


def _read_small(path: Path) -> str | None:
    data = sealed.read_regular(path, 4096)
    return data.decode("utf-8", "replace") if data is not None else None


def _create_once(path: Path, text: str) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


def prune(folder: Path, suffix: str = SUFFIX) -> None:
    """Keep the newest MAX_ENTRIES entries; older ones belong to past states of the inputs.

    Only the cache's own files are ever removed: names it makes (a 64-digit hex key, the memo)
    holding a sealed entry, and the temporary and pending files of writers that are gone (their
    process no longer runs) or older than STALE_PENDING_SECONDS. A configured `cache_dir` that
    holds other files keeps them all."""
    entries = []
    stale = []
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        path = folder / name
        if name.endswith(suffix) and name != MEMO_NAME and _ENTRY_NAME.fullmatch(name):
            if not sealed.is_sealed_file(path):
                continue
            try:
                entries.append((path.lstat().st_mtime_ns, path))
            except OSError:
                continue
            continue
        leftover = _TEMP_NAME.fullmatch(name) or _PENDING_NAME.fullmatch(name)
        if leftover is None:
            continue
        if "name" in leftover.groupdict() and not _ENTRY_NAME.fullmatch(leftover["name"]):
            continue
        if _abandoned(path, int(leftover["pid"])):
            stale.append(path)
    entries.sort(reverse=True)
    stale += [path for _, path in entries[MAX_ENTRIES:]]
    for path in stale:
        try:
            path.unlink()
        except OSError:
            pass


def _abandoned(path: Path, pid: int) -> bool:
    """Whether a temporary or pending file's writer is gone: its process is not running here,
    or the file is older than STALE_PENDING_SECONDS (by the file system's own clock)."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode):
        return False
    if pid != os.getpid() and not _running(pid):
        return True
    # the folder's own time is the file system's "now" (no process clock involved)
    try:
        now = folder_time(path.parent)
    except OSError:
        return False
    return now - info.st_mtime_ns > STALE_PENDING_SECONDS * 1_000_000_000


def folder_time(folder: Path) -> int:
    """The file system's current time, in ns: the time of a file written just now."""
    probe = tempfile.NamedTemporaryFile(dir=folder, prefix=".clock.", suffix=".probe")
    with probe:
        return os.fstat(probe.fileno()).st_mtime_ns


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True
