"""What several rules share: which evidence counts, outliers against the majority, messages,
and one finding builder per shape of finding.

The shapes: `item_finding` (at one evidence item's line, about that item alone: anchoring and
integrity), `evidence_finding` (at an evidence item's value line, that item against others),
`claim_value_finding` (at the claim's `value:` line, the claim against its evidence),
`value_finding` (at one value's line, the claim's own or one item's, against reference values
that are not evidence of the finding: the most precise reading, the levels of a relation) and
`relation_finding` (at a relation's line, the levels of the related claims). Each fills the
claims, sources, evidence indices and compared sides the same way for every rule that uses it,
so the fingerprints of one shape are built alike.

The evidence-against-evidence rules (C201-C208) differ in the kind of value they compare and in
how two readings conflict: C201-C205 are `outlier_rule(KIND)` with a module constant `KIND`, C206
and C207 call `evidence_outliers` before their own typo checks, and C208 relates statuses in time
through `outliers`. `outliers` splits a claim's readings of that kind into agreeing groups
(`compare.group`) and yields each reading outside the largest group, once, with the readings of
the largest group it conflicts with; the rule reports it at its own line. Deprecated evidence never
shapes the groups; when it conflicts, it is still reported (and marked deprecated by the review
stage).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from cca_claims import compare
from cca_claims.asof import compared_at_times, superseded_statuses
from cca_claims.compare import AGREE, NUMERIC_KINDS, SOFT, Comparison, Tolerance
from cca_claims.model import Compared, EvidenceResult, Finding, Position, Reading
from cca_claims.report.display import normalized
from cca_claims.rules.base import (
    ClaimContext,
    RuleContext,
    compared_evidence,
    evidence_location,
    finding,
)


def readable(cc: ClaimContext, kind: str, *, deprecated: bool = True) -> list[EvidenceResult]:
    """Anchored evidence whose reading is of `kind` (deprecated items only when asked)."""
    items = cc.readings_of(kind)
    if deprecated:
        return list(items)
    return [e for e in items if e.evidence.rank != "deprecated"]


def value_location(cc: ClaimContext, result: EvidenceResult) -> Position:
    """An evidence item's `value:` line when it has one, else its quote's."""
    key = "value" if result.evidence.value is not None else "quote"
    return evidence_location(cc.claim, result, key)


def claim_compared(cc: ClaimContext) -> Compared:
    return Compared(label="claim value", reading=cc.claim_reading)


def item_finding(
    cc: ClaimContext,
    message: str,
    result: EvidenceResult,
    *,
    hint: str,
    key: str = "quote",
    with_reading: bool = False,
) -> Finding:
    """A finding at one evidence item's `key` line about that item alone (with its reading
    as the compared side when `with_reading`)."""
    ev = result.evidence
    return finding(
        message,
        evidence_location(cc.claim, result, key),
        (cc.claim.id,),
        sources=(ev.source,),
        evidence=(ev.index,),
        compared=(compared_evidence(result),) if with_reading else (),
        hint=hint,
    )


def evidence_finding(
    cc: ClaimContext,
    message: str,
    subject: EvidenceResult,
    others: Sequence[EvidenceResult] = (),
    *,
    hint: str,
    severity: str | None = None,
    distinct_sources: bool = True,
) -> Finding:
    """A finding at `subject`'s value line about it (against `others`, when any).

    `distinct_sources=False` keeps a source named once per side (P402 has always done so, and
    the sources are part of the fingerprint reviews are matched by)."""
    sources = [subject.evidence.source, *(m.evidence.source for m in others)]
    return finding(
        message,
        value_location(cc, subject),
        (cc.claim.id,),
        sources=tuple(dict.fromkeys(sources)) if distinct_sources else tuple(sources),
        evidence=(subject.evidence.index, *(m.evidence.index for m in others)),
        compared=(compared_evidence(subject), *(compared_evidence(m) for m in others)),
        hint=hint,
        severity=severity,
    )


def relation_finding(
    message: str,
    where: Position,
    levels: Sequence[tuple[ClaimContext, Reading]],
    *,
    hint: str,
    severity: str | None = None,
) -> Finding:
    """A finding on a relation between claims, comparing each claim's level (`level`)."""
    return finding(
        message,
        where,
        tuple(cc.claim.id for cc, _ in levels),
        compared=tuple(level_compared(cc, reading) for cc, reading in levels),
        hint=hint,
        severity=severity,
    )


def claim_value_finding(
    cc: ClaimContext, message: str, against: list[EvidenceResult], hint: str
) -> Finding:
    """A finding on the claim's own `value:` line, comparing it with the evidence `against`."""
    return finding(
        message,
        cc.claim.pos("value"),
        (cc.claim.id,),
        sources=tuple(dict.fromkeys(e.evidence.source for e in against)),
        evidence=tuple(e.evidence.index for e in against),
        compared=(claim_compared(cc), *(compared_evidence(e) for e in against)),
        hint=hint,
    )


def value_finding(
    cc: ClaimContext,
    message: str,
    subject: EvidenceResult | None,
    against: Sequence[Compared],
    *,
    hint: str,
    at: str = "value",
    related: tuple[str, ...] = (),
) -> Finding:
    """A finding about one value against reference values (`against`, which name no evidence
    of the finding): the claim's own value (`subject` None, at the claim's `at` line) or one
    evidence item's (at its value line). `related` are the other claims it concerns."""
    return finding(
        message,
        cc.claim.pos(at) if subject is None else value_location(cc, subject),
        (cc.claim.id, *related),
        sources=() if subject is None else (subject.evidence.source,),
        evidence=() if subject is None else (subject.evidence.index,),
        compared=(
            claim_compared(cc) if subject is None else compared_evidence(subject),
            *against,
        ),
        hint=hint,
    )


def say(reading: Reading | None) -> str:
    """What a reading says, with its normalized value when a conversion changed it."""
    text = compare.describe(reading)
    if reading is None or reading.kind != "money" or not reading.conversions:
        return text
    if any(c.kind == "fx" for c in reading.conversions) and reading.interval is not None:
        return f"{text} (= {normalized(reading)})"
    return text


def names(results: list[EvidenceResult]) -> str:
    return compare.join_names([r.evidence.source for r in results])


def verb(kind: str, many: bool) -> str:
    if kind == "set":
        return "list" if many else "lists"
    return "say" if many else "says"


def detail(kind: str, outlier: str, cmp: Comparison, other: str) -> str:
    """The part of a message naming what differs: missing and extra set items, label words."""
    if kind == "set":
        parts = []
        if cmp.only_b:
            parts.append(f"it lacks {compare.join_names(list(cmp.only_b))}")
        if cmp.only_a:
            parts.append(f"it adds {compare.join_names(list(cmp.only_a))}")
        return " and ".join(parts)
    if kind == "label":
        words = []
        if cmp.only_a:
            words.append(f'"{" ".join(cmp.only_a)}"')
        if cmp.only_b:
            words.append(f'"{" ".join(cmp.only_b)}"')
        if len(words) == 2:
            return f"the names differ in {words[0]} vs {words[1]}"
        if words:
            return f"the names differ in {words[0]}"
    return ""


def outlier_rule(kind: str) -> Callable[[RuleContext], Iterator[Finding]]:
    """The `check` of a rule that only reports the readings of `kind` outside the main group."""

    def check(context: RuleContext) -> Iterator[Finding]:
        """Each reading of the rule's kind that conflicts with the claim's main group."""
        return evidence_outliers(context, kind)

    return check


Relate = Callable[[EvidenceResult, EvidenceResult], Comparison]


def outliers(
    context: RuleContext, kind: str, relation: Callable[[ClaimContext], Relate]
) -> Iterator[tuple[ClaimContext, EvidenceResult, list[tuple[EvidenceResult, Comparison]]]]:
    """Each evidence reading of `kind` outside its claim's main group, with the readings of the
    main group it does not agree with and how it relates to each (`relation(cc)` relates two
    of the claim's items; only items that agree share a group)."""
    for cc in context.claims.values():
        of_kind = cc.readings_of(kind)
        if len(of_kind) < 2:
            continue  # most claims: nothing to split
        items = [e for e in of_kind if _usable(e.reading)]
        if len(items) < 2:
            continue
        active = [e for e in items if e.evidence.rank != "deprecated"]
        if not active:
            continue
        relate = relation(cc)
        groups = compare.group(
            active,  # type: ignore[arg-type]  # relate takes the evidence, for its date
            relate,  # type: ignore[arg-type]
        )
        main = [active[i] for i in groups[0]]
        in_main = {id(m) for m in main}  # items are distinct evidence (each has its index)
        for e in items:
            if id(e) in in_main:
                continue
            against = [(m, cmp) for m in main if (cmp := relate(e, m)).relation != AGREE]
            if against:
                yield cc, e, against


def evidence_outliers(context: RuleContext, kind: str) -> Iterator[Finding]:
    """One finding per evidence reading of `kind` that conflicts with the claim's main group."""

    def relation(cc: ClaimContext) -> Relate:
        tol = context.tolerance(cc)

        # compare within the dominant unit only (a count of centres against one of platforms
        # is the claim's business; cubic metres against tonnes is not comparable at all); two
        # figures at two dates inside the claim's period are not compared (cca_claims.asof)
        def relate(a: EvidenceResult, b: EvidenceResult) -> Comparison:
            if not compared_at_times(a, b, cc.period, context.sources):
                return Comparison(AGREE)
            return _relate(cc, a.reading, b.reading, tol)

        return relate

    for cc, e, against in outliers(context, kind, relation):
        yield _outlier_finding(cc, kind, e, against)


def _usable(reading: Reading | None) -> bool:
    if reading is None:
        return False
    if reading.kind == "set":
        return bool(reading.items)
    if reading.kind in ("label", "status"):
        return bool(reading.label) or reading.interval is not None
    return reading.interval is not None


def _relate(cc: ClaimContext, a: Reading, b: Reading, tol: Tolerance) -> Comparison:
    if not compare.comparable(a, b):
        return Comparison(AGREE)  # cannot tell: never a reason to split
    return cc.compared(a, b, tol)


def _outlier_finding(
    cc: ClaimContext,
    kind: str,
    e: EvidenceResult,
    against: list[tuple[EvidenceResult, Comparison]],
) -> Finding:
    others = [m for m, _ in against]
    # name the other side by the reading most of them share (the first one as written)
    first, cmp = against[0]
    src = e.evidence.source
    other_names = names(others)
    many = len({m.evidence.source for m in others}) > 1
    same_source = src in {m.evidence.source for m in others}
    if same_source:
        src = f"{src} (item {e.evidence.index + 1})"
    message = (
        f"{src} {verb(kind, False)} {say(e.reading)} but {other_names} "
        f"{verb(kind, many)} {say(first.reading)}"
    )
    extra = detail(kind, src, cmp, other_names)
    if extra:
        message += f"; {extra}"
    soft = all(c.relation == SOFT for _, c in against)
    severity = None
    hint = "check which source is right; mark a wrong passage `rank: deprecated` with a `reason`"
    if soft:
        severity = "warning"
        message += " (the days overlap but differ)"
        hint = "check the exact days; if both are defensible, review the finding with a note"
    return evidence_finding(cc, message, e, others, hint=hint, severity=severity)


def claim_vs_evidence(
    cc: ClaimContext, tol: Tolerance, sources: dict | None = None
) -> list[tuple[EvidenceResult, Comparison]] | None:
    """The claim's own value against each active, comparable evidence reading (None: no value).

    With `sources`, a status that later evidence has moved past is not compared: the claim
    speaks of the project's latest stage (`cca_claims.asof.superseded_statuses`). V301 and V302
    both ask, with the same arguments: the answer is kept on the claim (`ClaimContext.memo`)."""
    pairs = cc.remembered(_claim_vs_evidence, tol, sources)
    return None if pairs is None else list(pairs)


def _claim_vs_evidence(
    cc: ClaimContext, tol: Tolerance, sources: dict | None
) -> list[tuple[EvidenceResult, Comparison]] | None:
    value = cc.claim_reading
    if value is None or not _usable(value):
        return None
    results = readable(cc, value.kind, deprecated=False)
    past: set[int] = set()
    if sources is not None and value.kind == "status":
        past = superseded_statuses([e for e in results if _usable(e.reading)], sources, cc.period)
    out = []
    for e in results:
        if e.evidence.index in past:
            continue
        if _usable(e.reading) and compare.comparable(value, e.reading):
            out.append((e, cc.compared(value, e.reading, tol)))
    return out


# --------------------------------------------------------------------------- relations
def level(cc: ClaimContext, tol: Tolerance) -> Reading | None:
    """The figure a claim stands for in relations between claims.

    What its agreeing sources jointly allow (the intersection), narrowed by its own value when
    that overlaps; else its own value; else None (a disputed claim without a value, or one that
    is not a number). The reading's `text` says where it came from.
    """
    kind = cc.kind
    if kind not in NUMERIC_KINDS:
        return None
    evidence = [
        e.reading for e in readable(cc, kind, deprecated=False) if e.reading.interval is not None
    ]
    value = cc.claim_reading
    if value is not None and (value.kind != kind or value.interval is None):
        value = None
    unit = value.unit if value is not None else (evidence[0].unit if evidence else "")
    evidence = [r for r in evidence if r.unit == unit]  # never intersect metres with tonnes
    joint = compare.intersect(evidence, tol.slack) if evidence else None
    if joint is not None and value is not None:
        joint = joint.intersection(value.interval) or joint
    if joint is None:
        if value is None:
            return None
        return value
    base = value or evidence[0]
    return replace(base, interval=joint, text=base.text)


def show(reading: Reading) -> str:
    """A level for a message: the words as written and the interval they allow."""
    return f"{compare.describe(reading)}, i.e. {normalized(reading)}"


def level_compared(cc: ClaimContext, reading: Reading) -> Compared:
    return Compared(label=cc.claim.id, reading=reading)
