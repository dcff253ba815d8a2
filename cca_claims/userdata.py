"""Where derived data is kept per user, and how an installed library is known without importing it.

What cca_claims derives from its libraries once per machine (pint's parsed definitions and its
answers, the ECB rate series) lives under the user's cache folder, keyed by a stamp of the
library's installed files, so that reinstalling or upgrading a library starts afresh. Importing a
library, or asking `importlib.metadata`, only to learn that would cost more than the work saved.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path


def user_cache_folder(*parts: str) -> Path:
    """`~/.cache/cca-claims/<parts>` (XDG_CACHE_HOME is honoured); safe to delete."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "cca-claims", *parts)


@functools.lru_cache(maxsize=16)
def library_stamp(name: str) -> str:
    """Where package `name` is installed and the size and time of each file at its top level
    (its code and its data files), without importing it; "missing" when it is not installed."""
    from importlib.util import find_spec

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
    from importlib.util import find_spec

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
