"""Pickles of cca_claims' records that can only ever rebuild records.

The cache keeps reports and memos as pickles (the fastest way to store and load hundreds of
thousands of small frozen records). An entry is read only once its seal (`sealed.py`) proves
this user wrote it; this module is the second wall. `dumps` writes every record as one call
`RECORD(tag, field values)` and nothing else; `loads` resolves exactly these globals:

- `RECORD`, an object without attributes of its own (no `__dict__`, no slots): pickle's BUILD,
  which sets attributes on whatever object it is given, fails on it;
- datetime's types, which are immutable built-in types (BUILD fails on those too).

So no class object ever reaches the unpickler's stack: an entry cannot set an attribute on a
class (a forged `Finding.suppressed` would make every finding count as reviewed), and can call
nothing but the construction of an allow-listed record from its fields. Records are the frozen
dataclasses of `cca_claims.model` and the few listed in `_EXTRA_RECORDS`; paths are stored as text.
"""

from __future__ import annotations

import copyreg
import datetime as dt
import functools
import importlib
import io
import operator
import pickle
from dataclasses import fields, is_dataclass
from pathlib import Path, PurePath
from typing import Any

from cca_claims import model

_PLAIN_GLOBALS = {
    ("datetime", "date"): dt.date,
    ("datetime", "datetime"): dt.datetime,
    ("datetime", "timedelta"): dt.timedelta,
    ("datetime", "timezone"): dt.timezone,
}
_PLAIN_TYPES = frozenset(_PLAIN_GLOBALS.values())
# records outside cca_claims.model that reports and memos hold
_EXTRA_RECORDS = (
    ("cca_claims.config", "Config"),
    ("cca_claims.interval", "Interval"),
    ("cca_claims.textnorm", "SearchView"),
    # the curation commands' memo of every source's sentences and figures
    ("cca_claims.curation.passages", "Sentence"),
    ("cca_claims.curation.passages", "Figure"),
    ("cca_claims.curation.passages", "SourcePassages"),
)
_PATH_TAG = "path"


class UnsafeEntry(pickle.UnpicklingError):
    """An entry that refers to anything but records and plain data."""


@functools.lru_cache(maxsize=1)
def _records() -> dict[str, tuple[type, tuple[str, ...]]]:
    """tag -> (record class, its field names), for every allowed record class."""
    classes = [
        value
        for value in vars(model).values()
        if isinstance(value, type) and is_dataclass(value) and value.__module__ == model.__name__
    ]
    for module, name in _EXTRA_RECORDS:
        classes.append(getattr(importlib.import_module(module), name))
    return {
        f"{cls.__module__}.{cls.__qualname__}": (cls, tuple(f.name for f in fields(cls)))
        for cls in classes
    }


@functools.lru_cache(maxsize=1)
def _tags() -> dict[type, tuple[str, Any]]:
    """record class -> (tag, a getter of its field values as a tuple)."""
    out = {}
    for tag, (cls, names) in _records().items():
        getter = operator.attrgetter(*names)
        if len(names) == 1:  # attrgetter of one name gives the value, not a tuple
            getter = (lambda one: lambda obj: (one(obj),))(getter)
        out[cls] = (tag, getter)
    return out


@functools.lru_cache(maxsize=1)
def _builds() -> dict[str, tuple[type, tuple[str, ...], int]]:
    """tag -> (record class, its field names, their number): what `RECORD` looks up."""
    return {tag: (cls, names, len(names)) for tag, (cls, names) in _records().items()}


class _Record:
    """The one constructor an entry may call: `RECORD(tag, values)` builds the record `tag`
    names from its field values. It has no attributes to set (see the module's docstring)."""

    __slots__ = ()

    def __call__(self, tag: str, values: tuple) -> Any:
        # the hot path of loading a report: one call per record, kept short
        found = _BY_TAG.get(tag) if type(tag) is str else None
        if found is None or type(values) is not tuple or len(values) != found[2]:
            return _odd_record(tag, values)
        record = _new(found[0])
        try:
            record.__dict__.update(zip(found[1], values))
        except AttributeError:  # a record with slots
            for name, value in zip(found[1], values):
                object.__setattr__(record, name, value)
        return record

    def __reduce__(self) -> str:
        return "RECORD"  # pickled by reference, as a module-level name


_BY_TAG: dict[str, tuple[type, tuple[str, ...], int]] = {}
_new = object.__new__


def _odd_record(tag: Any, values: Any) -> Any:
    if tag == _PATH_TAG and type(values) is str:
        return Path(values)
    raise UnsafeEntry(f"cache entry names no known record: {tag!r}")


RECORD = _Record()


class _RecordPickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        found = self.tags.get(kind)
        if found is not None:
            return RECORD, (found[0], found[1](obj))
        if obj is RECORD or kind in _PLAIN_TYPES or (kind is type and obj in _PLAIN_TYPES):
            return NotImplemented  # (the plain types themselves are written by reference)
        if isinstance(obj, PurePath):
            return RECORD, (_PATH_TAG, str(obj))
        raise pickle.PicklingError(f"{kind.__qualname__} is not a record the cache may keep")


def dumps(value: Any) -> bytes:
    """`value` (records, paths and plain data) as a pickle `loads` accepts."""
    out = io.BytesIO()
    pickler = _RecordPickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.tags = _tags()
    # a private dispatch table: copyreg's global one must not decide how records are written
    pickler.dispatch_table = copyreg.dispatch_table.copy()
    pickler.dump(value)
    return out.getvalue()


class _RecordUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name == "RECORD":
            return RECORD
        found = _PLAIN_GLOBALS.get((module, name))
        if found is None:
            raise UnsafeEntry(f"cache entry refers to {module}.{name}: not allowed")
        return found

    def persistent_load(self, pid: Any) -> Any:
        raise UnsafeEntry("cache entry with a persistent id")


def loads(data: bytes, start: int = 0) -> Any:
    """What `dumps` wrote, read from `data[start:]` (no copy of a large entry is made);
    UnsafeEntry (or another UnpicklingError) for anything else."""
    if not _BY_TAG:
        _BY_TAG.update(_builds())
    stream = io.BytesIO(data)  # shares the bytes' buffer until written to
    stream.seek(start)
    return _RecordUnpickler(stream).load()
