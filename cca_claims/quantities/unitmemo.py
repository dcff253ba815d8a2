"""A persistent memo of pint's answers, so that most runs never import pint.

Importing pint and building its registry costs about 0.25 s here, more than the rest of a check
of the bundled corpus. Yet the reader asks pint only a few small, stable questions: the factor
from a unit to base SI units, and which unit a scientific symbol names. Their answers depend
only on the installed pint and on `cca_claims/data/units.txt`, so they are kept in one small JSON
file under the user's cache folder (`~/.cache/cca-claims/units/`), keyed by both. A run whose
units are all in the memo does not import pint.

The file is sealed with the per-user secret (`sealed.py`) and its contents are checked shape by
shape before use: a memo planted or edited by anyone else (a factor changed to alter a result)
is ignored, as is one that does not hold exactly the shapes `remember` writes. pint's own disk
cache is not used: it is a pickle, and loading it would run whatever it holds.

The memo is safe to delete; a missing, unreadable or unwritable one only means pint is asked
again, and a check without its cache (`--no-cache`) neither reads nor writes it. Offset units
(°C, °F) are affine, so they are kept as a factor and a shift measured from two points:
`to_base(v) = v * factor + shift`.
"""

from __future__ import annotations

import functools
import hashlib
import math
from pathlib import Path
from typing import Any

from cca_claims.userdata import (
    library_stamp,
    read_sealed_json,
    user_cache_folder,
    user_caches_on,
    write_sealed_json,
)

UNITS_FILE = Path(__file__).resolve().parent.parent / "data" / "units.txt"
FORMAT = 2
TABLES = ("base", "scientific")
_local: dict[str, dict[str, Any]] = {}  # this process's answers while user caches are off


def cache_folder() -> Path:
    """Where this memo lives."""
    return user_cache_folder("units")


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


def _memo() -> dict[str, dict[str, Any]]:
    """The answers known: the memo file's (read once) or, with user caches off, this run's."""
    return _loaded() if user_caches_on() else _local


@functools.lru_cache(maxsize=1)
def _loaded() -> dict[str, dict[str, Any]]:
    path = _memo_path()
    data = read_sealed_json(path, _purpose(path)) if path is not None else None
    if not isinstance(data, dict):
        return {}
    return {table: _valid(table, data.get(table)) for table in TABLES}


def _purpose(path: Path) -> str:
    return f"unit memo|{path.name}"


def _valid(table: str, entries: Any) -> dict[str, Any]:
    """The entries of `table` that have the shape `remember` gives them (others are dropped)."""
    if not isinstance(entries, dict):
        return {}
    check = _valid_base if table == "base" else _valid_scientific
    return {k: v for k, v in entries.items() if isinstance(k, str) and check(v)}


def _valid_base(answer: Any) -> bool:
    if isinstance(answer, str):  # why pint could not place the unit
        return True
    if not isinstance(answer, list) or len(answer) != 4:
        return False
    factor, shift, base, offset = answer
    numbers = all(
        isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)
        for x in (factor, shift)
    )
    return numbers and isinstance(base, str) and isinstance(offset, bool)


def _valid_scientific(answer: Any) -> bool:
    return answer is None or isinstance(answer, str)


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
    if path is None or not user_caches_on():
        return
    write_sealed_json(path, _purpose(path), memo)
