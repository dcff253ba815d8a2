"""The read stage's parallel part: claims read in this process and in forked workers.

Reading values is pure Python and CPU-bound (the GIL rules out threads), and every claim is read
independently, so a large check forks workers that inherit the loaded records and each read a
contiguous share of the claims; the outcomes come back pickled, in order.

A worker also runs the per-claim rules (every rule but the relations between claims) on the
claims it read, while their readings are at hand: those rules look at one claim at a time, so
their findings are the ones the rules stage would make, and it only runs them on the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cca_claims.config import Config

PARALLEL_MIN_CLAIMS = 2_000  # below this a worker process costs more than it saves
WARM_UP_CLAIMS = 100  # read first in this process, so workers inherit loaded unit/FX tables
OWN_SHARE_BIAS = 0.2  # this process reads a fifth more than a worker (measured at tier M)


def read_one(cc, sources, config) -> tuple:
    """read_claim, returning what it set on the claim's context and its findings."""
    from cca_claims.reading import read_claim

    found = read_claim(cc, sources, config)
    return (cc.period, cc.kind, cc.claim_reading, cc.claim_value_problem, cc.evidence, found)


def _read_chunk(
    claims: list, lo: int, hi: int, sources: dict, config: Config, rules: list
) -> tuple[list[tuple], dict[str, list | None], dict[str, tuple]]:
    """In a forked worker: read claims [lo, hi), run `rules` on them and reconcile their
    evidence; send all three back.

    Each evidence result goes back as only what reading added to it (reading, candidates,
    problem): the parent has the evidence and its anchor already, and pickling them again
    doubled what crossed the pipe. A rule that fails here comes back as None (the parent then
    runs it itself, and reports the failure as it would)."""
    from cca_claims.rules.base import RuleContext
    from cca_claims.verdicts import reconcile

    out = []
    for cc in claims[lo:hi]:
        period, kind, reading, problem, evidence, found = read_one(cc, sources, config)
        added = [(e.reading, e.candidates, e.reading_problem) for e in evidence]
        out.append((period, kind, reading, problem, added, found))
    context = RuleContext(config, sources, {cc.claim.id: cc for cc in claims[lo:hi]})
    findings: dict[str, list | None] = {}
    for rule_id, module in rules:
        try:
            findings[rule_id] = list(module.check(context))
        except Exception:  # noqa: BLE001 - the parent runs it again and reports the error
            findings[rule_id] = None
    try:  # the groups of agreeing evidence depend on the readings alone: reconciled here too
        reconciled = {cc.claim.id: reconcile(cc, context) for cc in claims[lo:hi]}
    except Exception:  # noqa: BLE001 - the parent reconciles them, and reports any error
        reconciled = {}
    return out, findings, reconciled


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


@dataclass
class RuleShare:
    """Per-claim rules already run by the workers: findings by rule, and the claims covered."""

    findings: dict[str, list] = field(default_factory=dict)
    claims: set[str] = field(default_factory=set)
    reconciled: dict[str, tuple] = field(default_factory=dict)  # claim id -> ReconciledGroups


def read_claims(
    claims: list, sources: dict, config: Config, rules: list | None = None
) -> tuple[list[tuple], RuleShare]:
    """The outcomes of reading `claims`, in order; shared with forked workers when it pays.

    Each worker reads a contiguous share, runs the per-claim `rules` on it and sends both back;
    this process reads the first share meanwhile. Any trouble with the workers (no fork on this
    platform, a worker killed) falls back to reading their share here (its rules are then left
    to the rules stage): the result is the same either way.
    """
    from cca_claims import forking

    share = RuleShare()
    count = workers()
    if count < 2 or len(claims) < PARALLEL_MIN_CLAIMS or not forking.available():
        return [read_one(cc, sources, config) for cc in claims], share
    rules = list(rules or [])
    out = [read_one(cc, sources, config) for cc in claims[:WARM_UP_CLAIMS]]
    start = len(out)
    # this process takes a larger share: a worker reads more slowly (its first touch of each
    # inherited page copies it), also runs rules and reconciles evidence, and pickles all that
    # for this process to unpickle
    left = len(claims) - start
    own = min(left, round(left * (1 + OWN_SHARE_BIAS) / count))
    size = max(1, -(-(left - own) // (count - 1)))  # ceiling division
    bounds = [(start, start + own)]
    bounds += [(lo, min(lo + size, len(claims))) for lo in range(start + own, len(claims), size)]
    pending = [
        forking.start(_read_chunk, claims, lo, hi, sources, config, rules) for lo, hi in bounds[1:]
    ]
    lo, hi = bounds[0]
    out += [read_one(cc, sources, config) for cc in claims[lo:hi]]
    failed: set[str] = set()
    for job, (lo, hi) in zip(pending, bounds[1:]):
        try:
            if job is None:
                raise RuntimeError("no worker")
            outcomes, found, reconciled = job.result()
            out += [_expand(cc, o) for cc, o in zip(claims[lo:hi], outcomes)]
        except Exception:  # noqa: BLE001 - no worker, or it failed or died: read its share here
            out += [read_one(cc, sources, config) for cc in claims[lo:hi]]
            failed.update(rule_id for rule_id, _module in rules)
            continue
        share.claims.update(cc.claim.id for cc in claims[lo:hi])
        share.reconciled.update(reconciled)
        for rule_id, listed in found.items():
            if listed is None:
                failed.add(rule_id)
            else:
                share.findings.setdefault(rule_id, []).extend(listed)
    if failed:  # those rules run on every claim in the rules stage
        for rule_id in failed:
            share.findings.pop(rule_id, None)
    if not share.findings:
        share.claims.clear()  # (the reconciled groups stay: they do not depend on rules)
    return out, share
