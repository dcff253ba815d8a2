"""What a rule sees and how it reports: the context of a check and the finding builder.

A rule is a module with `ID`, `NAME`, `CATEGORY` (what the verdicts read), `SCOPE` (where the
engine runs it), `DEFAULT_SEVERITY`, `OPTIONS` (name -> default) and
`check(context) -> Iterator[Finding]`; its docstring is its user documentation, with a
*Contradiction* and a *Consistent* YAML example (`cca-claims rules` prints it). The contract is
checked when the registry is imported (`cca_claims.rules`), and "How to add a rule" is there.

A rule never names itself in what it yields: `finding(...)` leaves the rule's id, name and
severity blank and the engine (`cca_claims.rules.dispatch`) stamps them from the module it ran.
Nothing here imports the configuration: a rule reads only what `RuleSettings` lists, so the
configuration can ask the registry about rules without an import cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from cca_claims import compare
from cca_claims.compare import Comparison, Tolerance
from cca_claims.interval import Interval
from cca_claims.model import (
    Claim,
    Compared,
    EvidenceResult,
    Finding,
    Position,
    Reading,
    Source,
)

T = TypeVar("T")


@dataclass
class ClaimContext:
    """One claim with its evidence anchored and read, as the rules see it.

    Built whole by the engine, once after anchoring and again from the read stage's frozen
    `model.ClaimRead`; nothing changes its fields afterwards. It is not frozen only because it
    caches its evidence by reading kind (`readings_of`), and it is never part of a report: the
    report's records (`model.ClaimResult`) are made from it by `verdicts.decide`.
    """

    claim: Claim
    evidence: list[EvidenceResult]
    kind: str | None = None  # declared or inferred
    claim_reading: Reading | None = None
    claim_value_problem: str = ""  # why the claim's own `value:` could not be read
    period: Interval | None = None  # the claim's `period:` as days

    # the anchored, read evidence by reading kind, for the evidence list it was built from:
    # rules ask "the readings of kind K" for every claim and kind, ~15 times per claim
    _by_kind: tuple[list[EvidenceResult], dict[str, list[EvidenceResult]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    # what the rules and the verdicts work out more than once for this claim (`compared`,
    # `remembered`), by the identity of what it was worked out from; made on first use and
    # dropped with the context, at the end of the run
    _memo: dict[Any, Any] | None = field(default=None, init=False, repr=False, compare=False)
    # the objects whose ids key `_memo`, held so that no id is reused while the memo stands
    _kept: dict[int, object] | None = field(default=None, init=False, repr=False, compare=False)

    def compared(self, a: Reading, b: Reading, tol: Tolerance) -> Comparison:
        """`compare.compare(a, b, tol)`, computed once per pair for this claim: the C2xx and
        V3xx rules and the verdicts compare the same readings ~2.6 times over."""
        key = (id(a) << 128) | (id(b) << 64) | id(tol)  # an int: nothing for the collector
        memo = self._memo
        if memo is None:
            memo = self._memo = {}
        out = memo.get(key)
        if out is None:
            out = memo[key] = compare.compare(a, b, tol)
            self._keep(a, b, tol)
        return out

    def remembered(self, fn: Callable[..., T], *args: object) -> T:
        """`fn(self, *args)`, computed once per function and arguments (by identity)."""
        key = (fn, *map(id, args))
        memo = self._memo
        if memo is None:
            memo = self._memo = {}
        if key in memo:
            return memo[key]
        out = memo[key] = fn(self, *args)
        self._keep(*args)
        return out

    def _keep(self, *objects: object) -> None:
        kept = self._kept
        if kept is None:
            kept = self._kept = {}
        for obj in objects:
            kept[id(obj)] = obj

    def readings_of(self, kind: str) -> list[EvidenceResult]:
        """Anchored evidence whose reading is of `kind` (deprecated items included), in order."""
        cached = self._by_kind
        if cached is None or cached[0] is not self.evidence:
            index: dict[str, list[EvidenceResult]] = {}
            for e in self.evidence:
                if e.anchor.anchor is not None and e.reading is not None:
                    index.setdefault(e.reading.kind, []).append(e)
            cached = self._by_kind = (self.evidence, index)
        return cached[1].get(kind, [])

    def active(self) -> list[EvidenceResult]:
        """Evidence that counts: not deprecated, anchored, with a reading."""
        return [
            e
            for e in self.evidence
            if e.evidence.rank != "deprecated"
            and e.anchor.anchor is not None
            and e.reading is not None
        ]


class RuleSettings(Protocol):
    """What rules and their dispatch read from the configuration (`cca_claims.config.Config`)."""

    rule_options: dict[str, dict[str, Any]]
    max_quote_chars: int

    def tolerance(self, slack: float | None = None) -> Tolerance: ...

    def rule_enabled(self, rule_id: str, name: str) -> bool: ...


@dataclass
class RuleContext:
    """Everything rules may look at; rules never change it.

    `options` are the options of the rule being run, resolved by the dispatch from
    `[tool.cca-claims.rule_options.<ID or NAME>]` over the rule's `OPTIONS` defaults."""

    config: RuleSettings
    sources: dict[str, Source]
    claims: dict[str, ClaimContext] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    # the tolerances handed out, by a claim's own slack (None: the configured one), with the
    # configuration they were made from; shared by the copies the dispatch makes per rule
    _tolerances: dict[float | None, tuple[RuleSettings, Tolerance]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def option(self, name: str) -> Any:
        """One option of the rule being run."""
        return self.options[name]

    def tolerance(self, cc: ClaimContext | None = None) -> Tolerance:
        """The comparison tolerances of this run, or of one claim: its own `tolerance:`
        replaces the configured `rounding_slack` for its figures."""
        slack = cc.claim.tolerance if cc is not None else None
        made = self._tolerances.get(slack)
        if made is None or made[0] is not self.config:
            made = self._tolerances[slack] = (self.config, self.config.tolerance(slack))
        return made[1]


def finding(
    message: str,
    location: Position,
    claims: tuple[str, ...],
    *,
    sources: tuple[str, ...] = (),
    evidence: tuple[int, ...] = (),
    compared: tuple[Compared, ...] = (),
    hint: str = "",
    severity: str | None = None,
) -> Finding:
    """A finding of the rule being run: the dispatch stamps its id, name and, unless `severity`
    sets one here, its default severity (configured severities are applied after that)."""
    return Finding(
        rule="",
        name="",
        severity=severity or "",
        message=message,
        location=location,
        claims=claims,
        sources=sources,
        evidence=evidence,
        compared=compared,
        hint=hint,
    )


def evidence_location(claim: Claim, result: EvidenceResult, key: str = "quote") -> Position:
    """Where an evidence item's `key` is written in the claim file."""
    ev = result.evidence
    return ev.positions.get(key) or ev.position or claim.pos("evidence")


def compared_evidence(result: EvidenceResult) -> Compared:
    return Compared(
        label=result.evidence.source,
        reading=result.reading,
        evidence_index=result.evidence.index,
        anchor=result.anchor.anchor,
    )
