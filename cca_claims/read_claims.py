"""The read stage: what each evidence passage and each claim's own `value:` says.

For every anchored passage the reader lists every value it states; the evidence's explicit
`value:` (if any) or the candidate whose kind and period fit the claim becomes its reading. Values
a passage states only in words are read when the claim's kind asks for them: a status for a
status claim, the passage's enumeration for a set claim (guided by the claim's items). What
cannot be read is recorded on the records (`reading_problem`, `claim_value_problem`) for the
integrity rules to report; only a bad `period:` is an input problem reported here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from cca_claims.config import Config
from cca_claims.model import Claim, ClaimRead, EvidenceResult, Finding, Reading, Source
from cca_claims.problems import problem
from cca_claims.quantities import (
    ValueReadError,
    choose_reading,
    parse_value,
    read_values,
    unread_figures,
)
from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.dates import parse_period
from cca_claims.quantities.labels import accept_variant
from cca_claims.quantities.perperiod import is_flow, mark_flows, speaks_yearly, yearly_amount
from cca_claims.quantities.quote_value import Guide, kind_readings


def read_claims(
    claims: Sequence[tuple[Claim, Sequence[EvidenceResult]]],
    sources: dict[str, Source],
    config: Config,
) -> list[ClaimRead]:
    """`read_claim` of each (claim, anchored evidence), in order (what a parallel worker maps)."""
    return [read_claim(claim, anchored, sources, config) for claim, anchored in claims]


# What reading adds to one evidence result: its reading, candidates and reading problem.
Added = tuple[Reading | None, tuple[Reading, ...], str]


def read_claims_to_send(
    claims: Sequence[tuple[Claim, Sequence[EvidenceResult]]],
    sources: dict[str, Source],
    config: Config,
) -> list[tuple[ClaimRead, tuple[Added, ...]]]:
    """`read_claims`, each result without the evidence and anchors its receiver already has
    (the ClaimRead with no evidence, and what reading added to each item): what a forked reader
    sends back, since pickling them again took two thirds of the transfer at tier M.
    `received` makes a result whole again."""
    return [(replace(r, evidence=()), _added(r)) for r in read_claims(claims, sources, config)]


def _added(read: ClaimRead) -> tuple[Added, ...]:
    return tuple((e.reading, e.candidates, e.reading_problem) for e in read.evidence)


def received(
    anchored: Sequence[EvidenceResult], sent: tuple[ClaimRead, tuple[Added, ...]]
) -> ClaimRead:
    """The ClaimRead that `read_claims_to_send` sent for a claim with `anchored` evidence."""
    read, added = sent
    evidence = tuple(
        replace(result, reading=reading, candidates=candidates, reading_problem=problem)
        for result, (reading, candidates, problem) in zip(anchored, added)
    )
    return replace(read, evidence=evidence)


def read_claim(
    claim: Claim,
    anchored: Sequence[EvidenceResult],
    sources: dict[str, Source],
    config: Config,
) -> ClaimRead:
    """The claim's period, kind, claim reading and evidence readings, and its input problems."""
    findings: list[Finding] = []
    kind = claim.kind
    period = claim_reading = None
    claim_value_problem = ""
    base = ReadContext(
        around=config.around,
        nearly=config.nearly,
        precision_cap=config.precision_cap,
        yen_means=config.yen_means,
    )
    if claim.period is not None:
        try:
            period = parse_period(claim.period, base)
        except ValueError as exc:
            findings.append(
                problem(
                    "E011",
                    f"claim {claim.id!r}: cannot read period {claim.period!r}: {exc}",
                    claim.pos("period"),
                    "write a year (2024), a date (2025-06-17) or a range (2025-06-16..2025-06-17)",
                    claims=(claim.id,),
                )
            )
    period_days = _days(period)
    claim_ctx = replace(base, period=period_days)
    if claim.value is not None:
        try:
            claim_reading = parse_value(claim.value, claim_ctx, kind)
        except ValueReadError as exc:
            claim_value_problem = _explain(exc)

    statement_readings = read_values(claim.statement, claim_ctx) if claim.statement else []
    yearly = speaks_yearly(claim.statement, claim.kind, claim.value)

    # First pass: read every passage, so the claim's kind can be inferred from all of them.
    passages: list[tuple[EvidenceResult, ReadContext, list[Reading], Reading | None, str]] = []
    for result in anchored:
        anchor = result.anchor.anchor
        source = sources.get(result.evidence.source)
        ctx = replace(
            claim_ctx,
            reference_date=source.meta.reference_date if source else None,
            source_id=result.evidence.source,
            language=source.meta.language if source else "",
        )
        candidates = mark_flows(anchor.text, read_values(anchor.text, ctx)) if anchor else []
        if yearly and not (claim_reading is not None and is_flow(claim_reading)):
            candidates = [yearly_amount(c) for c in candidates]
        explicit, explicit_problem = None, ""
        if result.evidence.value is not None:
            try:
                explicit = parse_value(result.evidence.value, ctx, kind)
            except ValueReadError as exc:
                explicit_problem = _explain(exc)
        passages.append((result, ctx, candidates, explicit, explicit_problem))

    if kind is None:
        kind = _infer_kind(claim_reading, passages)

    items = _known_items(claim_reading, passages) if kind in ("set", "label") else ()
    if kind == "label":
        items = (*items, *claim.aliases)  # a name is located by the claim's value and variants
    updated = []
    for result, ctx, candidates, explicit, explicit_problem in passages:
        if result.anchor.anchor is None:
            updated.append(replace(result, candidates=tuple(candidates)))
            continue
        if result.evidence.value is not None:
            reading, why = explicit, explicit_problem
        else:
            if not any(c.kind == kind for c in candidates):
                # a status or an enumeration is a value only for a claim about one
                candidates = [
                    *candidates,
                    *kind_readings(result.anchor.anchor.text, kind, items),
                ]
            guide = Guide.of(
                claim_reading, claim.statement, statement_readings, result.anchor.anchor.text
            )
            reading, why = choose_reading(candidates, kind, period, guide)
            if reading is None:  # say which figures the reader saw but could not read
                unread = unread_figures(result.anchor.anchor.text, ctx)
                why = "; ".join([why, *(u.notice() for u in unread)])
        reading = accept_variant(reading, _own_label(claim_reading), claim.aliases)
        updated.append(
            replace(result, reading=reading, candidates=tuple(candidates), reading_problem=why)
        )
    return ClaimRead(
        period, kind, claim_reading, claim_value_problem, tuple(updated), tuple(findings)
    )


def _own_label(claim_reading: Reading | None) -> str | None:
    """The name a label claim gives as its value (what its `aliases:` are variants of)."""
    if claim_reading is not None and claim_reading.kind == "label" and claim_reading.label:
        return claim_reading.label
    return None


def _known_items(claim_reading: Reading | None, passages) -> tuple[str, ...]:
    """The items a set claim lists (or the name a label claim gives): its own `value:`, else
    the first evidence's explicit one."""
    for reading in (
        claim_reading,
        *(explicit for _result, _ctx, _candidates, explicit, _problem in passages),
    ):
        if reading is not None and reading.kind == "set":
            return reading.items
        if reading is not None and reading.kind == "label" and reading.label:
            return (reading.label,)
    return ()


def _infer_kind(claim_reading: Reading | None, passages) -> str | None:
    """The claim's kind when not declared: its own value's, else what its evidence mostly states."""
    if claim_reading is not None:
        return claim_reading.kind
    votes: Counter[str] = Counter()
    for _result, _ctx, candidates, explicit, _problem in passages:
        if explicit is not None:
            votes[explicit.kind] += 2
            continue
        kinds = {c.kind for c in candidates if c.kind != "date"} or {c.kind for c in candidates}
        if len(kinds) == 1:
            votes[kinds.pop()] += 1
    return votes.most_common(1)[0][0] if votes else None


def _days(interval) -> tuple | None:
    if interval is None or not interval.is_bounded:
        return None
    return (dt.date.fromordinal(int(interval.low)), dt.date.fromordinal(int(interval.high)))


def _explain(exc: ValueReadError) -> str:
    hint = getattr(exc, "hint", "")
    message = getattr(exc, "message", str(exc))
    return f"{message} ({hint})" if hint else message
