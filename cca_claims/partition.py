"""Loading and anchoring claim files; a large check does it in two parts, one in a forked worker.

Loading claims (YAML, validation) and anchoring their quotes take a quarter of a large check and
each claim file is independent of the others, except for two things seen across files: duplicate
claim ids and references between claims. So the files are cut in two by size: a forked worker,
started before anything is loaded, loads the sources, then loads and anchors the second part
while this process loads the sources and does the first; the parts are joined in file order, as
one process would have read them. The reference check then runs on the whole.

A duplicate id across the two parts is the one thing a part cannot see, and one process would
have dropped the later claim with an E004 there: when the worker's ids meet this process's, its
work is discarded and the second part is loaded here with the ids of the first (the result is
then exactly a sequential load's). The same happens when the worker cannot be forked or fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cca_claims.claims import ClaimSet
    from cca_claims.engine import Run

PARALLEL_MIN_BYTES = 1_500_000  # claim files below this in all are loaded in one process
# the share of the claim bytes this process loads: the worker also pickles its part and this
# process unpickles it, about a third of the loading time (measured at tier M)
OWN_SHARE = 0.57


@dataclass
class Half:
    """What the worker sends back for its part: claims, their anchors and the ids it met."""

    claims: Any  # cca_claims.claims.ClaimSet
    anchors: list[list[Any]]  # per claim, the AnchorResult of each evidence item
    first_seen: dict[str, Any]
    memo_anchors: dict[str, Any]
    memo_misses: int


def split(files: list[Path]) -> tuple[list[Path], list[Path]] | None:
    """The files cut in two parts, the first `OWN_SHARE` of the bytes for this process, or
    None when one process should load them all (few or small files, no fork here)."""
    from cca_claims import forking

    if len(files) < 2 or not forking.available():
        return None
    sizes = []
    for path in files:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)
    total = sum(sizes)
    if total < PARALLEL_MIN_BYTES:
        return None
    running = 0
    for i, size in enumerate(sizes):
        running += size
        if running >= total * OWN_SHARE:
            cut = max(1, min(i + 1, len(files) - 1))
            return files[:cut], files[cut:]
    return None


def start(files: list[Path], target: Path, root: Path, prepare, anchor_fn) -> Any:
    """Fork a worker that loads and anchors `files`: a `forking.Forked` whose result is a
    `Half`, or None when no worker can be forked (the caller then loads them itself).

    The worker starts before this process loads the sources: `prepare()` loads them there too
    and returns the known source ids; `anchor_fn(claims)` anchors a ClaimSet's claims as the
    engine does and returns (anchors, memo), whose new entries come back."""
    from cca_claims import forking

    return forking.start(_work, files, target, root, prepare, anchor_fn)


def _work(files: list[Path], target: Path, root: Path, prepare, anchor_fn) -> Half:
    from cca_claims.claims import load_claims

    source_ids = prepare()
    first_seen: dict[str, Any] = {}
    claims = load_claims(
        target, source_ids, root, files=files, first_seen=first_seen, references=False
    )
    anchors, memo = anchor_fn(claims)
    return Half(
        claims,
        anchors,
        first_seen,
        dict(memo.anchors) if memo is not None else {},
        memo.misses if memo is not None else 0,
    )


def load_sources_here(run: Run) -> set[str]:
    """In the worker: the sources, loaded as this process loads them (the ids it knows)."""
    from cca_claims.sources import load_sources

    run.sources = load_sources(run.config.sources, run.config.root)
    return set(run.sources.sources)


def join(job: Any, first_seen: dict[str, Any]) -> Half | None:
    """The worker's half, or None when it must be loaded here instead (no worker, it failed, or
    it met an id the first half has: only a sequential load reports that duplicate as one
    process would)."""
    try:
        half = job.result() if job is not None else None
    except Exception:  # noqa: BLE001 - the worker failed or died: load here
        half = None
    if half is None or any(claim_id in first_seen for claim_id in half.first_seen):
        return None
    return half


def anchor_claims(run: Run, claims: ClaimSet) -> tuple[list[list], Any]:
    """Each claim's evidence anchored in its source (EvidenceResult, not read yet), and the memo
    that supplied and recorded the anchors."""
    from cca_claims.anchor import Anchorer
    from cca_claims.model import AnchorResult, EvidenceResult

    assert run.sources is not None
    anchorer = Anchorer(run.sources.sources, run.config.fuzzy_threshold, run.config.max_quote_chars)
    sources, memo = run.sources.sources, run.memo
    out = []
    for claim in claims.claims:
        results = []
        for ev in claim.evidence:
            if ev.source not in sources:
                found = AnchorResult(None, "no-source")
            elif memo is not None and len(ev.quote) <= anchorer.max_quote_chars:
                # a quote over the cap is not searched: nothing to remember, and a memo of
                # "too-long" must not outlive a raised cap (the memo's key has no cap)
                found = memo.anchor(
                    sources[ev.source],
                    ev.quote,
                    anchorer.threshold,
                    lambda ev=ev: anchorer.anchor(ev.source, ev.quote),
                )
            else:
                found = anchorer.anchor(ev.source, ev.quote)
            results.append(EvidenceResult(ev, found, None))
        out.append(results)
    return out, memo


def join_second_half(run: Run) -> list[list]:
    """Add the worker's claims after this process's, as one process would have loaded them (or
    load them here when the worker cannot be used), then check references on the whole."""
    from cca_claims.claims import check_references, load_claims

    assert run.partition is not None and run.claims is not None and run.sources is not None
    job, _first, files = run.partition
    run.partition = None
    half = join(job, run.first_seen)
    if half is not None:
        rest, anchors = half.claims, half.anchors
        if run.memo is not None:
            run.memo.anchors.update(half.memo_anchors)
            run.memo.misses += half.memo_misses
    else:
        rest = load_claims(
            Path(run.config.claims),
            set(run.sources.sources),
            run.config.root,
            files=files,
            first_seen=run.first_seen,
            references=False,
        )
        anchors, _memo = anchor_claims(run, rest)
    whole = run.claims
    whole.claims += rest.claims
    whole.files += rest.files
    whole.problems += rest.problems
    whole.digests.update(rest.digests)
    run.findings.extend(rest.problems)
    before = len(whole.problems)
    check_references(whole)
    run.findings.extend(whole.problems[before:])
    return anchors
