"""Run a function in a forked worker that inherits this process's records.

The expensive parts of a large check (loading claims, reading values, drawing the report) work
on records this process already holds. A forked worker shares them copy-on-write, so only the
call and its result cross a pipe: the function and its arguments are left in a table here
before the fork and looked up by a number in the worker. Linux only (fork); elsewhere, or when
no process can be started, callers do the work themselves.

(The cache's background writers, `cache.write_later`, fork bare processes instead: nothing
comes back from them, they must not collect garbage, and they leave with `os._exit`.)

Every forked process dies with the process that forked it (`die_with_parent`): a worker waits on
its pipe for work that a killed parent will never send, and would otherwise wait forever.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

_JOBS: dict[int, tuple[Callable[..., Any], tuple]] = {}
_NUMBERS = itertools.count()


def available() -> bool:
    """Whether workers can be forked here."""
    import multiprocessing as mp

    return sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods()


class Forked:
    """A call running in a forked worker; `result()` waits for it (and raises what it raised)."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        self._number = next(_NUMBERS)
        _JOBS[self._number] = (fn, args)
        # a process pool notices a killed worker (BrokenProcessPool) instead of waiting forever
        self._pool = ProcessPoolExecutor(
            1,
            mp_context=mp.get_context("fork"),
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        )
        try:
            self._future = self._pool.submit(_run, self._number)  # forks the worker now
        except BaseException:
            self._pool.shutdown(wait=False)
            raise
        finally:
            del _JOBS[self._number]  # the worker has its copy

    def result(self) -> Any:
        try:
            return self._future.result()
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)


def start(fn: Callable[..., Any], *args: Any) -> Forked | None:
    """`fn(*args)` started in a forked worker, or None when that is not possible here."""
    if not available():
        return None
    try:
        return Forked(fn, *args)
    except (OSError, ValueError, RuntimeError):
        return None


def _run(number: int) -> Any:
    fn, args = _JOBS[number]
    return fn(*args)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h
WATCH_SECONDS = 1.0  # how often a worker without prctl looks for its parent


def die_with_parent(parent: int) -> None:
    """In a forked process: be killed when `parent` (the process that forked it) dies.

    On Linux the kernel does it (prctl PR_SET_PDEATHSIG, SIGKILL); elsewhere, or when that
    fails, a daemon thread looks every WATCH_SECONDS whether the parent is still the parent.
    A parent that died before this call is caught by the same look, made at once."""
    if os.getppid() != parent:
        os._exit(1)
    if not _set_death_signal():
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died between the fork and the prctl
        os._exit(1)


def _set_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError, ValueError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
