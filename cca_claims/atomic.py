"""Write files so that a crash never leaves a half-written one: temporary file, fsync, rename.

Everything cca_claims writes (exports, caches, a future `--fix`) goes through `write_atomic`. The
data is written to a hidden temporary file in the same folder (so the final `os.replace` is a
rename on one file system, atomic on POSIX and Windows), flushed to disk, then renamed over the
target. A process killed at any moment leaves either the old file or the complete new one; a
leftover temporary file is named `.<name>.<random>.tmp`, so no loader mistakes it for a claim file
(`*.yaml`) or a source (`*.txt`).

The claim and source folders hold what users wrote by hand: writing there is refused unless the
caller passes `allow_inputs=True` (as a `--fix` would, on the user's explicit request).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"
INPUT_FOLDER_NAMES = ("claims", "sources")


class WriteRefused(Exception):
    """Raised when asked to write inside a claims or sources folder without `allow_inputs`."""


def write_atomic(
    path: Path | str,
    data: bytes | str | Iterable[bytes | str],
    *,
    allow_inputs: bool = False,
    protected: Iterable[Path | str] = (),
    encoding: str = "utf-8",
) -> None:
    """Replace `path` with `data` atomically (temp file in the same folder, fsync, os.replace).

    `data` may be an iterable of text or byte chunks, so a large document is written as it is
    produced and never held whole in memory.

    Unless `allow_inputs`, refuses (WriteRefused) to write directly in a folder named `claims` or
    `sources`, or anywhere inside the `protected` paths (pass the configured claims and sources
    paths; a protected file is itself refused).
    The file keeps the permissions of the file it replaces (new files get 0o644 less the umask).
    OSError from the file system propagates; the old file is then left untouched.
    """
    target = Path(path)
    if not allow_inputs:
        refused = _protected_folder(target, protected)
        if refused is not None:
            raise WriteRefused(
                f"refusing to write {target}: it lies in {refused}, which holds hand-written "
                "inputs (pass allow_inputs=True to write there on purpose)"
            )
    folder = target.parent
    mode = _mode_for(target)
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in _pieces(data, encoding):
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        # a failed write (disk full, interrupt) must not leave the temporary file behind
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise
    _fsync_folder(folder)


def _pieces(data: bytes | str | Iterable[bytes | str], encoding: str) -> Iterable[bytes]:
    """`data` as byte chunks of at most 1 MiB (no second copy of a huge payload)."""
    if isinstance(data, (str, bytes, bytearray, memoryview)):
        data = (data,)
    for part in data:
        payload = part.encode(encoding) if isinstance(part, str) else part
        view = memoryview(payload)
        for start in range(0, len(view), 1 << 20):
            yield view[start : start + (1 << 20)]


def stale_temp_files(folder: Path | str) -> list[Path]:
    """Temporary files a killed writer left in `folder` (safe to delete; never real data)."""
    return sorted(
        p for p in Path(folder).glob(f".*{TEMP_SUFFIX}") if p.is_file() and p.name.count(".") >= 3
    )


def _protected_folder(target: Path, protected: Iterable[Path | str]) -> Path | None:
    """The claims/sources folder (or claim file) `target` would overwrite, or None."""
    real_target = _resolve(target)
    real_parent = real_target.parent
    for given in protected:
        real = _resolve(Path(given))
        if real_target == real or real == real_parent or real in real_parent.parents:
            return Path(given)
    # without the configured paths, the conventional folder names still protect the inputs
    if real_parent.name in INPUT_FOLDER_NAMES:
        return real_parent
    return None


def _resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop: compare the path as written
        return path.absolute()


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on every platform."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
