"""A persistent memo of pint's answers, so that most runs never import pint.

Importing pint and building its registry costs about 0.25 s here, more than the rest of a check
of the bundled corpus. Yet the reader asks pint only a few small, stable questions: the factor
from a unit to base SI units, and which unit a scientific symbol names. Their answers depend
only on the installed pint and on `cca_claims/data/units.txt`, so they are kept in one small JSON
file under the user's cache folder (`~/.cache/cca-claims/pint/`, next to pint's own cache of
parsed definitions), keyed by both. A run whose units are all in the memo does not import pint.

The memo is safe to delete; a missing, unreadable or unwritable one only means pint is asked
again. Offset units (°C, °F) are affine, so they are kept as a factor and a shift measured from
two points: `to_base(v) = v * factor + shift`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from cca_claims.userdata import library_stamp, user_cache_folder

UNITS_FILE = Path(__file__).resolve().parent.parent / "data" / "units.txt"
FORMAT = 1


def cache_folder() -> Path:
    """Where pint's cache and this memo live."""
    return user_cache_folder("pint")


@functools.lru_cache(maxsize=1)
def _memo_path() -> Path | None:
    """The memo file for this pint installation and this units.txt (None: no memo is kept)."""
    try:
        stamp = library_stamp("pint")
        if stamp == "missing":
            return None
        pint = hashlib.sha256(stamp.encode()).hexdigest()[:16]
        units = hashlib.sha256(UNITS_FILE.read_bytes()).hexdigest()[:16]
    except Exception:  # noqa: BLE001 - no key, no memo: pint answers every time
        return None
    return cache_folder() / f"memo-{FORMAT}-pint-{pint}-units-{units}.json"


@functools.lru_cache(maxsize=1)
def _memo() -> dict[str, dict[str, Any]]:
    path = _memo_path()
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)}


def recall(table: str, key: str) -> tuple[bool, Any]:
    """(found, answer) for a question asked before in any run."""
    entries = _memo().get(table)
    if entries is None or key not in entries:
        return False, None
    return True, entries[key]


def remember(table: str, key: str, answer: Any) -> None:
    """Keep an answer for later runs (written at once, atomically; failures are ignored)."""
    memo = _memo()
    memo.setdefault(table, {})[key] = answer
    path = _memo_path()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # a per-process temporary name: forked readers may write at the same moment, and the
        # last complete file wins (an answer it lacks is simply asked again)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(memo, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
