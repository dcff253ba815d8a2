"""Where derived data is kept per user, and how an installed library is known without importing it.

What cca_claims derives from its libraries once per machine (pint's parsed definitions and its
answers, the ECB rate series) lives under the user's cache folder, keyed by a stamp of the
library's installed files, so that reinstalling or upgrading a library starts afresh. Importing a
library, or asking `importlib.metadata`, only to learn that would cost more than the work saved.

Whatever is kept there is sealed with the per-user secret (`sealed.py`) and checked before use;
a check run without its cache (`--no-cache`) neither reads nor writes it (`user_caches_off`).
"""

from __future__ import annotations

import functools
import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path

from cca_claims.speed.sealed import read_regular, seal, unseal

_off = 0  # how many `user_caches_off` blocks are open


@contextmanager
def user_caches_off() -> Iterator[None]:
    """Within this block no per-user cache is read or written (a check without its cache)."""
    global _off
    _off += 1
    try:
        yield
    finally:
        _off -= 1


def user_caches_on() -> bool:
    """Whether per-user caches may be read and written now."""
    return _off == 0


def user_cache_folder(*parts: str) -> Path:
    """`~/.cache/cca-claims/<parts>` (XDG_CACHE_HOME is honoured); safe to delete."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "cca-claims", *parts)


@functools.lru_cache(maxsize=16)
def library_stamp(name: str) -> str:
    """Where package `name` is installed and the size and time of each file at its top level
    (its code and its data files), without importing it; "missing" when it is not installed."""
    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return "missing"
    if spec is None or not spec.origin:
        return "missing"
    try:
        stamps = []
        for path in Path(spec.origin).parent.iterdir():
            info = path.stat()
            stamps.append(f"{path.name}:{info.st_mtime_ns}:{info.st_size}")
    except OSError:
        return spec.origin
    return f"{spec.origin}|{'|'.join(sorted(stamps))}"


@functools.lru_cache(maxsize=16)
def library_version(package: str, distribution: str) -> str:
    """The installed version of `distribution` (which provides `package`), from its dist-info
    folder's name; "" when it cannot be told."""
    try:
        spec = find_spec(package)
        site = Path(spec.origin).parent.parent  # type: ignore[union-attr, arg-type]
        prefix = distribution.lower().replace("-", "_") + "-"
        for info in site.glob("*.dist-info"):
            name = info.name.lower()
            if name.startswith(prefix):
                return info.name[len(prefix) : -len(".dist-info")]
    except Exception:  # noqa: BLE001 - an unknown version, never a failure
        pass
    return ""


def read_sealed_json(path: Path, purpose: str, limit: int = 64 * 1024 * 1024) -> object | None:
    """The JSON value kept in `path` when it is sealed as `purpose` with this user's secret,
    else None (also with user caches off). The caller still checks the value's shape."""
    if not user_caches_on():
        return None
    data = read_regular(path, limit)
    payload = unseal(purpose, data) if data is not None else None
    if payload is None:
        return None
    try:
        return json.loads(bytes(payload).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None


def write_sealed_json(path: Path, purpose: str, value: object) -> bool:
    """Keep `value` in `path`, sealed as `purpose` (atomically; False when not written)."""
    if not user_caches_on():
        return False
    entry = seal(purpose, json.dumps(value, sort_keys=True).encode("utf-8"))
    if entry is None:
        return False
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not own_folder(path.parent):
            return False
        # a per-process temporary name: forked readers may write at the same moment, and the
        # last complete file wins; never through a link left in the folder
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            temp.unlink()
        except FileNotFoundError:
            pass
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(temp, flags, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(entry)
        os.replace(temp, path)
    except OSError:
        return False
    return True


def own_folder(folder: Path) -> bool:
    """Whether `folder` is a real folder (not a link) owned by this user: a cache is written
    only there, so a link restored into a cache folder never sends a write elsewhere."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()
