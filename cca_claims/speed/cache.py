"""A cache of finished checks, so a re-check where nothing changed costs a hash and a load.

CI checks a claims repository on every commit, and most commits touch one claim file or none.
The key of an entry is a SHA-256 over everything the result depends on (`cachekey.py`): the
input files as the loaders read them, the configuration, the mode, the tool's code and the data
libraries' versions.

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

import atexit
import gc
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cca_claims.speed import recordpickle, sealed
from cca_claims.speed.cachefolder import (  # noqa: F401 - the cache's folder, used through here too
    GITIGNORE,
    MAX_ENTRIES,
    MEMO_NAME,
    README,
    RENDERED_SUFFIX,
    STALE_PENDING_SECONDS,
    SUFFIX,
    cache_folder,
    entry_path,
    folder_time,
    prepare_folder,
    prune,
    usable_folder,
)
from cca_claims.speed.cachekey import (  # noqa: F401 - the key, used through here too
    FORMAT,
    Inputs,
    code_hash,
    config_repr,
    input_key,
    read_inputs,
    unchanged,
)
from cca_claims.speed.fork import die_with_parent

MAX_ENTRY_BYTES = 1 << 32  # a report of 50,000 claims is a few hundred MB


def load(folder: Path | None, key: str, name: str = "", purpose: str = "report") -> Any | None:
    """The value stored under `key` (in file `name`, default `<key>.pickle`), or None when there
    is none, it cannot be read, or its seal is not this user's (nothing of it is unpickled)."""
    if folder is None:
        return None
    data = sealed.read_regular(entry_path(folder, key, name), MAX_ENTRY_BYTES)
    payload = sealed.unseal(f"{purpose}|{key}", data) if data is not None else None
    if payload is None:
        return None
    try:
        return recordpickle.loads(data, len(data) - len(payload))
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
        target = entry_path(folder, key, name)
        prepare_folder(folder)
        _write_atomic(target, entry)
        prune(folder)
    except (OSError, ValueError):
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
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:  # no process to spare: write here
        job()
        return
    if pid == 0:  # the child: write, then leave without touching the parent's state
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
    path = entry_path(folder, name, f"{name}{RENDERED_SUFFIX}")
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
        _write_atomic(entry_path(folder, name, f"{name}{RENDERED_SUFFIX}"), entry)
        prune(folder, RENDERED_SUFFIX)
    except (OSError, ValueError):
        return False
    return True
