"""Sealed cache entries: bytes authenticated with a per-user secret before anything reads them.

Every cache cca_claims reads back from disk (the project's `.cca-claims-cache/`, the unit memo
and the ECB series under the user's cache folder) is sealed: the file starts with a header line
holding an HMAC-SHA256 of the entry's purpose (what it is and under which key it was stored) and
its payload, made with a 32-byte secret that only this user can read. An entry whose tag does not
match (planted by a pull request, restored from another machine's CI cache, truncated, or moved
to another key's name) is ignored and rebuilt, before a single byte of its payload is parsed.

The secret lives outside every project and outside the cache folders a CI job might save: in
`$XDG_CONFIG_HOME/cca-claims/cache-secret` (default `~/.config/...`), created with mode 0600 on
first use. A secret file that is not a regular file of exactly 32 bytes owned by this user and
unreadable by group and others is refused: no cache is then read or written, and `notices()`
says why (the core never prints; the command line shows it). `CCA_CLAIMS_CACHE_SECRET` (at
least 32 characters, e.g. a CI secret that pull requests from forks never see) takes its place.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import stat
from pathlib import Path

SECRET_BYTES = 32
SECRET_ENV = "CCA_CLAIMS_CACHE_SECRET"
HEADER = b"cca-claims-sealed 1 "
HEADER_SIZE = len(HEADER) + 64 + 1  # the header, the tag in hex, a newline
_notices: list[str] = []


def secret_path() -> Path:
    """Where the per-user secret is kept (never inside a project or a cache folder)."""
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base, "cca-claims", "cache-secret")


def notices() -> list[str]:
    """Why caches were not used in this process (empty when they were), for the report."""
    return list(_notices)


def _notice(text: str) -> None:
    if text not in _notices:
        _notices.append(text)


@functools.lru_cache(maxsize=4)
def _secret_for(env_value: str | None, path: str) -> bytes | None:
    if env_value is not None:
        if len(env_value) < SECRET_BYTES:
            _notice(f"{SECRET_ENV} is shorter than {SECRET_BYTES} characters: caches are not used")
            return None
        return hashlib.sha256(b"cca-claims cache secret\0" + env_value.encode()).digest()
    return _read_or_create(Path(path))


def secret() -> bytes | None:
    """The per-user secret (created on first use), or None when it is missing and cannot be
    made, or refused (see the module's docstring): then no cache is used."""
    return _secret_for(os.environ.get(SECRET_ENV) or None, str(secret_path()))


def _read_or_create(path: Path) -> bytes | None:
    try:
        return _read_secret(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        _notice(f"cannot read the cache secret {path}: {exc.strerror or exc}; caches not used")
        return None
    except ValueError as exc:
        _notice(f"the cache secret {path} {exc}: caches are not used (delete it to start afresh)")
        return None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # written whole under a temporary name, then linked into place: a process that loses
        # the race reads the winner's complete secret, never half of one
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(temp, flags, 0o600)
        try:
            os.write(fd, os.urandom(SECRET_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(temp)
        return _read_secret(path)
    except (OSError, ValueError) as exc:
        _notice(f"cannot create the cache secret {path}: {exc}; caches are not used")
        return None


def _read_secret(path: Path) -> bytes:
    """The secret's bytes; ValueError when the file is not one only this user can read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("is not a regular file")
        if hasattr(os, "getuid"):
            if info.st_uid != os.getuid():
                raise ValueError("is not owned by this user")
            if info.st_mode & 0o077:
                raise ValueError("is readable or writable by group or others (chmod 600 it)")
        data = os.read(fd, SECRET_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) != SECRET_BYTES:
        raise ValueError(f"does not hold exactly {SECRET_BYTES} bytes")
    return data


def _tag(key: bytes, purpose: str, payload: bytes | memoryview) -> bytes:
    mac = hmac.new(key, purpose.encode("utf-8") + b"\0", hashlib.sha256)
    mac.update(payload)
    return mac.hexdigest().encode("ascii")


def seal(purpose: str, payload: bytes) -> bytes | None:
    """The entry to write for `payload` stored as `purpose`, or None when caches are off."""
    key = secret()
    if key is None:
        return None
    return HEADER + _tag(key, purpose, payload) + b"\n" + payload


def unseal(purpose: str, data: bytes) -> memoryview | None:
    """The payload of an entry sealed as `purpose` with this user's secret, or None when it is
    not one (nothing of the payload is looked at before the tag matches)."""
    key = secret()
    if key is None or len(data) < HEADER_SIZE or not data.startswith(HEADER):
        return None
    view = memoryview(data)
    payload = view[HEADER_SIZE:]
    expected = _tag(key, purpose, payload)
    if data[HEADER_SIZE - 1 : HEADER_SIZE] != b"\n":
        return None
    if not hmac.compare_digest(expected, bytes(view[len(HEADER) : HEADER_SIZE - 1])):
        return None
    return payload


def is_sealed_file(path: Path) -> bool:
    """Whether `path` starts as a sealed entry does (how the cache knows its own files)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(HEADER)) == HEADER
    except OSError:
        return False


def read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of `path` when it is a regular file (not a link) of at most `limit` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # the size it has now, and one byte more to see it grow (entries are replaced
            # whole, never grown: a file that grows is not one of them)
            data = handle.read(info.st_size + 1)
    except (OSError, MemoryError):
        return None
    finally:
        os.close(fd)
    return data if len(data) == info.st_size else None
