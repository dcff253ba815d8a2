"""The one parallel runner: independent items mapped in chunks by forked workers.

Reading values and extracting sentences are pure Python and CPU-bound (the GIL rules out
threads), and each item is independent of the others. `Runner(jobs).map(fn, items, *args)` cuts
`items` into `jobs` contiguous chunks, forks a worker for each chunk but the first (the workers
inherit the loaded records copy-on-write, so only the chunk's results cross a pipe), maps the
first chunk here meanwhile, and joins the results in order. `fn(chunk, *args)` returns one
result per item, so the joined list is exactly `fn(items, *args)`: the same bytes whatever the
number of jobs. A worker that cannot be forked or dies has its chunk mapped here.

Parallel work is opt-in (`--jobs N`); `--jobs auto` turns it on only above a size where forking
was measured to pay (docs/performance.md, "Parallel work").
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from cca_claims.speed import fork

# `--jobs auto` forks only for a check of at least this many claims: below it a worker (fork,
# pickling the outcomes back) cost more than it saved on this 2-core machine (bench/jobs.py)
AUTO_MIN_CLAIMS = 300
MAX_AUTO_JOBS = 4  # more processes than this gained nothing measurable (memory grows with each)


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def parse_jobs(text: str) -> int | str:
    """`--jobs` as given: a positive number, or "auto". ValueError otherwise."""
    if text.strip().lower() == "auto":
        return "auto"
    jobs = int(text)
    if jobs < 1:
        raise ValueError(f"--jobs must be 1 or more, or auto (got {text})")
    return jobs


def jobs_for(requested: int | str, size: int, auto_min: int = AUTO_MIN_CLAIMS) -> int:
    """The processes to use for `size` items: `requested`, or for "auto" one per usable core
    (at most MAX_AUTO_JOBS) when `size` reaches `auto_min`, else 1."""
    if requested == "auto":
        return min(usable_cores(), MAX_AUTO_JOBS) if size >= auto_min else 1
    return max(1, int(requested))


class Runner:
    """Maps chunks of independent items over `jobs` processes (this one and forked workers)."""

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)

    def map(self, fn: Callable[..., list], items: Sequence[Any], *args: Any) -> list:
        """`fn(items, *args)`, computed a chunk per process and joined in order."""
        items = list(items)
        chunks = self._chunks(items)
        if len(chunks) < 2:
            return list(fn(items, *args))
        pending = [fork.start(fn, chunk, *args) for chunk in chunks[1:]]
        out = list(fn(chunks[0], *args))
        for job, chunk in zip(pending, chunks[1:]):
            try:
                if job is None:
                    raise RuntimeError("no worker could be forked")
                results = job.result()
                if len(results) != len(chunk):
                    raise RuntimeError("a worker returned a short chunk")
            except Exception:  # noqa: BLE001 - no worker, or it failed or died: map it here
                results = fn(chunk, *args)
            out.extend(results)
        return out

    def _chunks(self, items: list) -> list[list]:
        if self.jobs < 2 or len(items) < 2:
            return [items]
        if not fork.available():
            return [items]
        size = -(-len(items) // min(self.jobs, len(items)))  # ceiling division
        return [items[i : i + size] for i in range(0, len(items), size)]
