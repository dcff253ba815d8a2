"""The check, stage by stage: load sources, load claims, anchor, read values, run rules, decide.

Each stage is a function of the previous stage's records, so the benchmark can time them one by
one and the CLI can stop after anchoring (`cca-claims lint`). Nothing here prints or exits.
"""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cca_claims import __version__, clock
from cca_claims.claims import ClaimSet, load_claims, require_claim_files
from cca_claims.config import Config
from cca_claims.model import ClaimRead, ClaimResult, EvidenceResult, Finding, Report
from cca_claims.speed.sealed import notices as secret_notices
from cca_claims.userdata import user_caches_off

# The stages' modules are imported where they run: a re-check answered from the cache never
# needs the source loader, the anchorer, the reader or the rules, and start-up time is most of
# such a run (the claim loader is imported on every run: the cache key lists the claim files
# with it). docs/performance.md, "Function-local imports", has the figures.
if TYPE_CHECKING:
    from cca_claims.rules.base import RuleContext
    from cca_claims.sources import SourceSet


@dataclass
class Run:
    """The state of one check as it moves through the stages."""

    config: Config
    sources: SourceSet | None = None
    claims: ClaimSet | None = None
    anchors: list[tuple[EvidenceResult, ...]] | None = None  # per claim, from the anchor stage
    context: RuleContext | None = None  # the claims as the rules see them
    findings: list[Finding] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    baseline: frozenset[str] = frozenset()
    memo: Any = None  # cca_claims.speed.memo.Memo: anchors and readings of the previous run
    progress: Callable[[str], None] | None = None  # told each stage's name as it starts
    jobs: int | str = 1  # processes for the read stage: a number or "auto" (speed/parallel.py)
    settle: bool = False  # whether stages may freeze their records (see `_fewer_collections`)


def check(
    config: Config,
    *,
    lint_only: bool = False,
    baseline: frozenset[str] = frozenset(),
    use_cache: bool = False,
    progress: Callable[[str], None] | None = None,
    require_claims: bool = True,
    jobs: int | str = 1,
) -> Report:
    """Run every stage and return the report (`lint_only` stops after anchoring).

    With `use_cache`, a check of inputs already checked (same files, configuration and tool
    code) returns the stored report from `config.cache_dir` (see cca_claims/speed/cache.py); the
    command line turns it on, library callers opt in. Without it no cache is read or written,
    the per-user ones (unit memo, ECB series) included. Why a cache was not used (a cache folder
    tracked by git, a refused secret) is in `report.stats["cache_notices"]`. `progress`, when
    given, is called with each stage's name as the stage starts (the command line's display).
    `jobs` > 1 reads values in that many processes (`"auto"`: only for a large check); the
    report is the same. A claims path without claim files raises
    `cca_claims.claims.NoClaimFiles`, unless `require_claims` is False (the curation commands
    read a new desk's sources before any claim).
    """
    if require_claims:
        require_claim_files(Path(config.claims))  # NoClaimFiles: nothing to check is an error
    with _fewer_collections() as settle:
        if use_cache:
            return _cached_check(config, lint_only, baseline, progress, jobs, settle)
        with user_caches_off():
            run = Run(config, baseline=baseline, progress=progress, jobs=jobs, settle=settle)
            return _run_stages(run, lint_only)


@contextmanager
def _fewer_collections() -> Iterator[bool]:
    """Run the check with a larger young generation for Python's cycle collector.

    A check allocates millions of small, acyclic, long-lived records (YAML nodes, anchors,
    readings, findings); with the default threshold (700) the collector runs every few hundred
    of them and keeps re-scanning the survivors, which cost 15-25 % of the check. Yields whether
    the stages may also freeze what they leave (`_settle`): only when the caller has nothing
    frozen, because `gc.unfreeze()` at the end cannot tell the caller's objects from ours. The
    caller's thresholds and frozen objects are as they were afterwards.
    """
    previous = gc.get_threshold()
    ours = gc.get_freeze_count() == 0
    gc.set_threshold(max(previous[0], 50_000), *previous[1:])
    try:
        yield ours
    finally:
        gc.set_threshold(*previous)
        if ours:
            gc.unfreeze()  # only what the stages froze: the caller had nothing frozen


def _settle(run: Run) -> None:
    """After a stage: move what is alive now out of the collector's view until the check ends.

    The records a stage leaves (sources, claims, anchors, readings) live until the report is
    made; without this, every later collection of the middle generation re-scans all of them
    (~0.5 s at 10,000 claims). `_fewer_collections` gives them back when the check ends.
    """
    if run.settle:
        gc.freeze()


def _run_stages(run: Run, lint_only: bool) -> Report:
    stage(run, "load sources", load_source_stage)
    stage(run, "load claims", load_claim_stage)
    stage(run, "anchor", anchor_stage)
    if not lint_only:
        stage(run, "read values", read_stage)
    if run.memo is not None:  # complete now: written while the rules run (kept if unchanged)
        run.memo.start_save(records=len(run.context.claims) if run.context else 0)
    stage(run, "rules", lambda r: rule_stage(r, lint_only=lint_only))
    return stage(run, "decide", lambda r: finish(r, rules_ran=not lint_only))


def _cached_check(
    config: Config,
    lint_only: bool,
    baseline: frozenset[str],
    progress: Callable[[str], None] | None,
    jobs: int | str,
    settle: bool,
) -> Report:
    from cca_claims.speed import cache
    from cca_claims.speed.memo import Memo

    started = time.perf_counter()
    cache.wait_for_writes()  # a previous check's entries, still being written
    folder, notices = cache.usable_folder(config)
    if folder is None:
        run = Run(config, baseline=baseline, progress=progress, jobs=jobs, settle=settle)
        report = _run_stages(run, lint_only)
        return _with_cache_stats(report, "miss", None, notices + secret_notices())
    cache.prune(folder)  # what writers killed with an earlier check left (hit or miss)
    mode = "lint" if lint_only else "check"
    before = cache.read_inputs(config, mode=mode, baseline=baseline)
    key = before.key
    hit = cache.load(folder, key)
    if isinstance(hit, Report):
        elapsed = time.perf_counter() - started
        stats = {**hit.stats, "timings": {"cache": elapsed}}
        hit = replace(hit, generated_at=clock.stamp(), stats=stats)
        return _with_cache_stats(hit, "hit", key, [])
    # a miss: unchanged quotes and claims still reuse their anchors and readings
    memo = Memo(folder, config)
    run = Run(config, baseline=baseline, memo=memo, progress=progress, jobs=jobs, settle=settle)
    run.timings["cache"] = time.perf_counter() - started
    report = _run_stages(run, lint_only)
    # store only when the inputs did not change while they were being checked, and the loaders
    # read the very bytes the key was made of
    unchanged = cache.unchanged(
        before, config, mode=mode, baseline=baseline, loaded=_loaded_digests(run)
    )
    memo.finish_save(keep=unchanged)
    if unchanged:
        # pickling a large report takes a second or more: done beside the caller's rendering
        cache.write_later(lambda: cache.store(folder, key, report), records=len(report.claims))
        return _with_cache_stats(report, "miss", key, secret_notices())
    return _with_cache_stats(report, "miss", None, secret_notices())


def _with_cache_stats(report: Report, outcome: str, key: str | None, notices: list[str]):
    stats = {k: v for k, v in report.stats.items() if k not in ("cache_key", "cache_notices")}
    stats["cache"] = outcome
    if key is not None:
        stats["cache_key"] = key
    if notices:
        stats["cache_notices"] = list(dict.fromkeys(notices))
    return replace(report, stats=stats)


def _loaded_digests(run: Run) -> dict[tuple[str, str], str]:
    """The SHA-256 of the bytes the loaders read, by file (see `cache.unchanged`)."""
    loaded: dict[tuple[str, str], str] = {}
    if run.claims is not None:
        loaded.update((("claim", name), digest) for name, digest in run.claims.digests.items())
    if run.sources is not None:
        for source in run.sources.sources.values():
            try:
                path = str(Path(source.meta.path).resolve())
            except (OSError, RuntimeError):
                continue
            loaded[("source", path)] = source.sha256
    return loaded


def stage(run: Run, name: str, fn):
    """Run one stage, timing it (and telling `run.progress` its name first)."""
    if run.progress is not None:
        run.progress(name)
    started = time.perf_counter()
    out = fn(run)
    _settle(run)
    run.timings[name] = time.perf_counter() - started
    return out


def load_source_stage(run: Run) -> None:
    """Load the sources (cca_claims/sources.py)."""
    from cca_claims.sources import load_sources

    run.sources = load_sources(run.config.sources, run.config.root)
    run.findings.extend(run.sources.problems)


def load_claim_stage(run: Run) -> None:
    """Load and validate the claim files (cca_claims/claims.py)."""
    assert run.sources is not None
    run.claims = load_claims(Path(run.config.claims), set(run.sources.sources), run.config.root)
    run.findings.extend(run.claims.problems)


def anchor_stage(run: Run) -> None:
    """Anchor every quote (cca_claims/anchor_quotes.py); what a lint's rules see is complete here."""
    assert run.sources is not None and run.claims is not None
    from cca_claims.anchor_quotes import anchor_claims
    from cca_claims.rules.base import ClaimContext, RuleContext

    claims, sources = run.claims.claims, run.sources.sources
    run.anchors = anchor_claims(claims, sources, run.config, run.memo)
    contexts = {
        claim.id: ClaimContext(claim, list(anchored), kind=claim.kind)
        for claim, anchored in zip(claims, run.anchors)
    }
    run.context = RuleContext(run.config, sources, contexts)


def read_stage(run: Run) -> None:
    """Read each passage's values and pick the one each evidence item stands for
    (cca_claims/read_claims.py); the rules then see each claim as read.

    The memo of a cached run supplies unchanged claims; with `run.jobs` above 1 the others are
    read by forked workers too (cca_claims/speed/parallel.py), with the same result.
    """
    from cca_claims.read_claims import read_claims
    from cca_claims.rules.base import ClaimContext, RuleContext

    assert run.context is not None
    memo, config, sources = run.memo, run.config, run.context.sources
    before = list(run.context.claims.values())
    reads: list[ClaimRead | None] = [None] * len(before)
    keys: list[str] = [""] * len(before)
    digests = run.claims.digests if run.claims is not None else {}
    if memo is not None:
        for i, cc in enumerate(before):
            keys[i] = memo.reading_key(cc, sources, digests)
            found = memo.reading(keys[i])
            reads[i] = found if isinstance(found, ClaimRead) else None
    todo = [i for i, found in enumerate(reads) if found is None]
    items = [(before[i].claim, before[i].evidence) for i in todo]
    if run.jobs == 1:
        computed = read_claims(items, sources, config)
    else:
        from cca_claims.read_claims import read_claims_to_send, received
        from cca_claims.speed.parallel import Runner, jobs_for

        runner = Runner(jobs_for(run.jobs, len(items)))
        sent = runner.map(read_claims_to_send, items, sources, config)
        computed = [received(anchored, one) for (_claim, anchored), one in zip(items, sent)]
    for i, read in zip(todo, computed):
        reads[i] = read
    fresh = set(todo)
    contexts: dict[str, ClaimContext] = {}
    for i, (cc, read) in enumerate(zip(before, reads)):
        assert read is not None
        if memo is not None:
            memo.remember_reading(keys[i], read, i in fresh)
        contexts[cc.claim.id] = ClaimContext(
            cc.claim,
            list(read.evidence),
            kind=read.kind,
            claim_reading=read.claim_reading,
            claim_value_problem=read.claim_value_problem,
            period=read.period,
        )
        run.findings.extend(read.findings)
    run.context = RuleContext(run.config, sources, contexts)


def rule_stage(run: Run, lint_only: bool = False) -> None:
    """Run every enabled rule, each by its declared scope (`cca_claims.rules.dispatch`)."""
    from cca_claims.rules.dispatch import run_rules

    assert run.context is not None
    run.findings.extend(run_rules(run.context, lint_only=lint_only))


def finish(run: Run, rules_ran: bool = True) -> Report:
    """Apply configured severities, fingerprints, reviews and baseline; decide verdicts.

    When the rules ran (a check, not a lint), reviews that settle no finding are findings too.
    """
    from cca_claims.fingerprint import fingerprint
    from cca_claims.review_status import apply_reviews, stale_reviews
    from cca_claims.verdicts import decide

    assert run.context is not None and run.sources is not None and run.claims is not None
    config = run.config
    findings = []
    for f in run.findings:
        # input problems (E0xx) and rule findings alike can be turned off in the configuration
        if not config.rule_enabled(f.rule, f.name):
            continue
        severity = config.severity_for(f.rule, f.name, f.severity)
        findings.append(
            replace(f, severity=severity, fingerprint=f.fingerprint or fingerprint(f, run.context))
        )
    findings = apply_reviews(findings, run.context, run.baseline)
    if rules_ran:
        findings += apply_reviews(stale_reviews(findings, run.context), run.context, run.baseline)
    findings.sort(key=lambda f: (f.location.file, f.location.line, f.location.col, f.rule))
    # each claim sees only the findings that name it: the verdict looks no further, and
    # scanning every finding for every claim grew with claims x findings
    by_claim: dict[str, list[Finding]] = {}
    for f in findings:
        for claim_id in dict.fromkeys(f.claims):
            by_claim.setdefault(claim_id, []).append(f)
    results = tuple(
        decide(cc, by_claim.get(claim_id, []), run.context)
        for claim_id, cc in run.context.claims.items()
    )
    return Report(
        sources=tuple(run.sources.sources.values()),
        claims=results,
        findings=tuple(findings),
        generated_at=clock.stamp(),
        tool_version=__version__,
        files=tuple(run.claims.files),
        config=config,
        stats={"timings": dict(run.timings), "quotes": _quote_counts(results)},
    )


def _quote_counts(results: tuple[ClaimResult, ...]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for result in results:
        for ev in result.evidence:
            counts[ev.anchor.status] += 1
    counts["total"] = sum(counts.values())
    return dict(counts)


def resolve_paths(config: Config, claims: Path | None, sources: Path | None) -> Config:
    """Command-line paths override the configuration's."""
    changes = {}
    if claims is not None:
        changes["claims"] = claims
    if sources is not None:
        changes["sources"] = sources
    return replace(config, **changes) if changes else config
