"""The read stage's parallel part: claims read in this process and in forked workers.

Reading values is pure Python and CPU-bound (the GIL rules out threads), and every claim is read
independently, so a large check forks workers that inherit the loaded records and each read a
contiguous share of the claims; the outcomes come back pickled, in order.
"""

from __future__ import annotations

from cca_claims.config import Config

PARALLEL_MIN_CLAIMS = 2_000  # below this a worker process costs more than it saves
WARM_UP_CLAIMS = 100  # read first in this process, so workers inherit loaded unit/FX tables
_FORKED: tuple = ()  # what forked workers read: (claims, sources, config)


def read_one(cc, sources, config) -> tuple:
    """read_claim, returning what it set on the claim's context and its findings."""
    from cca_claims.reading import read_claim

    found = read_claim(cc, sources, config)
    return (cc.period, cc.kind, cc.claim_reading, cc.claim_value_problem, cc.evidence, found)


def _read_chunk(lo: int, hi: int) -> list[tuple]:
    """In a forked worker: read claims [lo, hi) of `_FORKED` and send the outcomes back.

    Each evidence result goes back as only what reading added to it (reading, candidates,
    problem): the parent has the evidence and its anchor already, and pickling them again
    doubled what crossed the pipe."""
    claims, sources, config = _FORKED
    out = []
    for cc in claims[lo:hi]:
        period, kind, reading, problem, evidence, found = read_one(cc, sources, config)
        added = [(e.reading, e.candidates, e.reading_problem) for e in evidence]
        out.append((period, kind, reading, problem, added, found))
    return out


def _expand(cc, outcome: tuple) -> tuple:
    """A worker's outcome for `cc` with its evidence results made whole again."""
    from cca_claims.model import EvidenceResult

    period, kind, reading, problem, added, found = outcome
    evidence = [
        EvidenceResult(e.evidence, e.anchor, r, c, p) for e, (r, c, p) in zip(cc.evidence, added)
    ]
    return (period, kind, reading, problem, evidence, found)


def workers() -> int:
    """Processes to read with: the usable cores, at most 4 (CCA_CLAIMS_WORKERS overrides)."""
    import os

    wanted = os.environ.get("CCA_CLAIMS_WORKERS", "")
    if wanted.isdigit():
        return max(1, int(wanted))
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


def read_claims(claims: list, sources: dict, config: Config) -> list[tuple]:
    """The outcomes of reading `claims`, in order; shared with forked workers when it pays.

    Each worker reads a contiguous share and sends back the outcomes; this process reads the
    first share meanwhile. Any trouble with the workers (no fork on this platform, a worker
    killed) falls back to reading their share here: the result is the same either way.
    """
    global _FORKED
    import multiprocessing as mp
    import sys
    from concurrent.futures import ProcessPoolExecutor

    count = workers()
    parallel = (
        count > 1
        and len(claims) >= PARALLEL_MIN_CLAIMS
        and sys.platform.startswith("linux")
        and "fork" in mp.get_all_start_methods()
    )
    if not parallel:
        return [read_one(cc, sources, config) for cc in claims]
    out = [read_one(cc, sources, config) for cc in claims[:WARM_UP_CLAIMS]]
    start = len(out)
    size = -(-(len(claims) - start) // count)  # ceiling division
    bounds = [(lo, min(lo + size, len(claims))) for lo in range(start, len(claims), size)]
    _FORKED = (claims, sources, config)
    pending = []
    try:
        # a process pool notices a killed worker (BrokenProcessPool) instead of waiting forever
        pool = ProcessPoolExecutor(len(bounds) - 1, mp_context=mp.get_context("fork"))
        pending = [pool.submit(_read_chunk, lo, hi) for lo, hi in bounds[1:]]
    except (OSError, ValueError, RuntimeError):
        pool = None
    try:
        lo, hi = bounds[0]
        out += [read_one(cc, sources, config) for cc in claims[lo:hi]]
        for i, (lo, hi) in enumerate(bounds[1:]):
            try:
                outcomes = pending[i].result()
                out += [_expand(cc, o) for cc, o in zip(claims[lo:hi], outcomes)]
            except Exception:  # no worker, or it failed or died: read its share here
                out += [read_one(cc, sources, config) for cc in claims[lo:hi]]
    finally:
        _FORKED = ()
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    return out
