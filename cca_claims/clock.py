"""The tool's notion of now: one place, so that a run can be pinned to a day.

Everything the tool stamps or keys by date (a report's `generated_at`, the day a cache entry is
good for) asks `today()` or `now()` here, never `datetime` directly. The environment variable
`CCA_CLAIMS_TODAY=YYYY-MM-DD` pins the day (the time is then midnight UTC). It exists for tests
(`tests/conftest.py` sets it, so a snapshot does not depend on the day the suite runs) and is not
a user setting.

File ages are a different clock: a file's mtime is set by the file system, which may disagree
with this process's clock (a container with a skewed clock, a network file system, a run under
`faketime`). `filesystem_now` reads the file system's own time, so "older than an hour" compares
two times of the same clock.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

ENV = "CCA_CLAIMS_TODAY"


def pinned_day() -> dt.date | None:
    """The day `CCA_CLAIMS_TODAY` pins, or None when it is unset or empty."""
    value = os.environ.get(ENV, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        # a typo must not silently fall back to the real day: the tests would then depend on it
        raise ValueError(f"{ENV}={value!r} is not a YYYY-MM-DD date") from None


def today() -> dt.date:
    """Today's date (UTC), or the pinned day."""
    pinned = pinned_day()
    return pinned if pinned is not None else now().date()


def now() -> dt.datetime:
    """The current time in UTC to the second, or midnight UTC of the pinned day."""
    pinned = pinned_day()
    if pinned is not None:
        return dt.datetime.combine(pinned, dt.time(), tzinfo=dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def stamp() -> str:
    """`now()` as an ISO 8601 string, as reports carry it (`2025-06-17T08:30:00+00:00`)."""
    return now().isoformat()


def filesystem_now(folder: Path) -> float:
    """The file system's current time at `folder`, in seconds since the epoch, to compare with
    the mtimes of files in it: the mtime of a probe file created there and removed at once.
    Falls back to the process's clock when nothing can be created there."""
    try:
        handle, probe = tempfile.mkstemp(prefix=".clock-", suffix=".probe", dir=folder)
    except OSError:
        return time.time()
    try:
        return os.fstat(handle).st_mtime
    finally:
        os.close(handle)
        try:
            os.unlink(probe)
        except OSError:
            pass
