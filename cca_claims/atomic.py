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
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"
INPUT_FOLDER_NAMES = ("claims", "sources")


class WriteRefused(Exception):
    """Raised when asked to write inside a claims or sources folder without `allow_inputs`,
    or over something that is not a regular file (a folder, a socket, a block device)."""


def write_output(
    path: Path | str,
    data: bytes | str | Iterable[bytes | str],
    *,
    allow_inputs: bool = False,
    protected: Iterable[Path | str] = (),
    stdout=None,
    encoding: str = "utf-8",
) -> str:
    """Write a command's output to `path` the way a user means it; return how it was written.

    - `-` is standard output (`stdout`, a binary stream), as with most Unix tools: "stdout".
    - A character device (`/dev/null`, a terminal) or a FIFO is written through, in place: it is
      never replaced by a regular file (as root, `os.replace` onto `/dev/null` would turn the
      device into a file, and a FIFO's reader would wait forever): "device".
    - A regular file, or a path that does not exist yet, is replaced atomically: "file".
    - Anything else already at the path (a folder, a socket, a block device) is refused
      (WriteRefused): an output option is no way to clobber those.
    A symbolic link is judged by what it points to; the protected-folder rule of `write_atomic`
    applies to the place that is finally written.
    """
    if str(path) == "-":
        if stdout is None:
            stdout = sys.stdout.buffer
        for chunk in _pieces(data, encoding):
            stdout.write(chunk)
        stdout.flush()
        return "stdout"
    target = Path(path)
    try:
        mode = os.stat(target).st_mode  # follows links: what would really be written
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise WriteRefused(f"refusing to write {target}: {exc.strerror or exc}") from exc
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        with open(target, "wb") as handle:  # write through; no truncation needed for either
            for chunk in _pieces(data, encoding):
                handle.write(chunk)
        return "device"
    if mode is not None and not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise WriteRefused(
            f"refusing to write {target}: it is {kind} (give a file path, or - for standard output)"
        )
    if target.is_symlink():
        target = _resolve(target)
    write_atomic(target, data, allow_inputs=allow_inputs, protected=protected, encoding=encoding)
    return "file"


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
