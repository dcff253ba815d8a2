"""What an editor must look at: the claims that need attention, each disagreement said once.

Shared by the editor's text report and the HTML report, over the same frozen records:

- a claim **needs attention** when an open (not reviewed, baselined or deprecated) finding at
  warning or error is about it first (a relation finding belongs to the claim that declares it),
  or when it was **not checked** (verdict `unsupported`: no anchored, readable evidence);
- a finding that only **restates** another on the same claim is folded into it: a claim-value
  finding (V301/V302: "the claim's value is supported by A but not by B") whose passages are all
  compared by an evidence finding (C2xx: "A says x but B says y") adds no disagreement of its own;
- info findings are notes, and settled findings one line each.

Nothing here renders: it sorts findings into `ClaimView`s that the renderers lay out.
"""

from __future__ import annotations

from dataclasses import dataclass

from cca_claims.model import ClaimResult, Finding, Report, severity_rank
from cca_claims.quantities.labels import match_sets
from cca_claims.report.common import findings_by_claim, short_text
from cca_claims.rules import category

NOT_CHECKED = "not checked"  # how an `unsupported` verdict is shown: no evidence could be read


@dataclass(frozen=True)
class Issue:
    """One disagreement: the finding that says it, and the findings folded into it."""

    finding: Finding
    folded: tuple[Finding, ...] = ()
    alike: tuple[Finding, ...] = ()  # the same rule on other passages of the claim

    @property
    def rules(self) -> tuple[str, ...]:
        return (self.finding.rule, *(f.rule for f in self.folded))

    @property
    def evidence(self) -> tuple[int, ...]:
        """The passages this issue is about, each once, in order."""
        out = [*self.finding.evidence]
        for f in (*self.folded, *self.alike):
            out.extend(f.evidence)
        return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class ClaimView:
    """One claim as the editor's report shows it."""

    result: ClaimResult
    issues: tuple[Issue, ...]  # open warnings and errors about this claim first
    notes: tuple[Finding, ...]  # open info findings
    settled: tuple[Finding, ...]  # reviewed, baselined or deprecated findings
    elsewhere: tuple[Finding, ...]  # open findings told under another claim (relations)
    not_checked: str = ""  # why no evidence could be read (verdict `unsupported`)

    @property
    def needs_attention(self) -> bool:
        return bool(self.issues) or bool(self.not_checked)

    @property
    def shown_verdict(self) -> str:
        """The verdict as shown to people: `unsupported` reads "not checked"."""
        return NOT_CHECKED if self.result.verdict == "unsupported" else self.result.verdict

    @property
    def first_rule(self) -> str:
        if self.issues:
            return self.issues[0].finding.rule
        return ""


def views(report: Report) -> list[ClaimView]:
    """Every claim, in report order, sorted into what needs attention and what does not."""
    by_claim = findings_by_claim(report)
    out = []
    for result in report.claims:
        out.append(claim_view(result, by_claim.get(result.claim.id, [])))
    return out


def claim_view(result: ClaimResult, findings: list[Finding]) -> ClaimView:
    claim_id = result.claim.id
    mine = [f for f in findings if not f.claims or f.claims[0] == claim_id]
    elsewhere = tuple(f for f in findings if f not in mine and not f.suppressed)
    settled = tuple(f for f in mine if f.suppressed)
    notes = tuple(f for f in mine if not f.suppressed and f.severity == "info")
    loud = [f for f in mine if not f.suppressed and f.severity != "info"]
    reason = not_checked_reason(result) if result.verdict == "unsupported" else ""
    return ClaimView(result, fold(loud), notes, settled, elsewhere, reason)


def fold(findings: list[Finding]) -> tuple[Issue, ...]:
    """Findings as issues, worst first, a restating claim-value finding folded into the
    evidence finding that compares all of its passages (at the same or a higher severity)."""
    ordered = sorted(findings, key=lambda f: -severity_rank(f.severity))
    hosts = [f for f in ordered if category(f.rule) == "evidence"]
    folded: dict[int, list[Finding]] = {}
    issues: list[Finding] = []
    for f in ordered:
        host = None
        if category(f.rule) == "claim-value" and f.evidence:
            host = next(
                (
                    h
                    for h in hosts
                    if set(f.evidence) <= set(h.evidence)
                    and severity_rank(h.severity) >= severity_rank(f.severity)
                ),
                None,
            )
        if host is None:
            issues.append(f)
        else:
            folded.setdefault(id(host), []).append(f)
    # a passage-level problem (anchoring, reading, precision) on several passages of one claim
    # is one issue: its first message, the others counted (each passage line shows its own)
    alike: dict[int, list[Finding]] = {}
    kept: list[Finding] = []
    for f in issues:
        host = next(
            (
                h
                for h in kept
                if h.rule == f.rule
                and h.severity == f.severity
                and category(f.rule) in PER_PASSAGE
                and h.claims == f.claims
            ),
            None,
        )
        if host is None:
            kept.append(f)
        else:
            alike.setdefault(id(host), []).append(f)
    return tuple(Issue(f, tuple(folded.get(id(f), ())), tuple(alike.get(id(f), ()))) for f in kept)


PER_PASSAGE = ("anchoring", "integrity", "precision")  # categories whose findings are per passage


def not_checked_reason(result: ClaimResult) -> str:
    """Why a claim has no readable evidence, in a few words an editor can act on."""
    active = [e for e in result.evidence if e.evidence.rank != "deprecated"]
    if not result.evidence:
        return "no evidence listed"
    if not active:
        return "all evidence deprecated"
    reasons: list[str] = []
    for e in active:
        status = e.anchor.status
        source = e.evidence.source
        if status == "no-source":
            reasons.append(f"source {source} not found")
        elif e.anchor.anchor is None:
            reasons.append(f"quote not found in {source}")
        elif e.reading is None:
            reasons.append(f"no value read in {source}'s quote")
        elif result.kind and e.reading.kind != result.kind:
            reasons.append(f"{source}'s quote reads a {e.reading.kind}, not a {result.kind}")
        else:
            reasons.append(f"no usable value in {source}'s quote")
    return "; ".join(dict.fromkeys(reasons))


def reason_kind(reason: str) -> str:
    """The reason without the source names, to count alike reasons together."""
    for key in ("not found", "no value read", "reads a", "deprecated", "no evidence", "usable"):
        if key in reason:
            return {
                "not found": "quote or source not found",
                "no value read": "no value read",
                "reads a": "value of another kind",
                "deprecated": "all evidence deprecated",
                "no evidence": "no evidence listed",
                "usable": "no usable value",
            }[key]
    return reason


def what_disagrees(view: ClaimView) -> str:
    """One line on what disagrees: the values and who says them, or the finding's message."""
    if view.not_checked and not view.issues:
        return view.not_checked
    finding = view.issues[0].finding
    group_of = {
        index: n for n, group in enumerate(view.result.reconciled) for index in group.evidence
    }
    # sources in one reconciled group say the same; the claim's value is a side of its own
    sides: dict[object, tuple[str, list[str]]] = {}
    lists: list[tuple[str, ...]] = []  # sets: each side's items, to name those that differ
    for c in finding.compared:
        if c.reading is None:
            continue
        key = group_of.get(c.evidence_index, c.label) if c.evidence_index is not None else c.label
        who = "claim" if c.label == "claim value" else c.label
        if key not in sides and c.reading.kind == "set":
            lists.append(c.reading.items)
        value = f"{len(c.reading.items)} items" if c.reading.kind == "set" else None
        _, names = sides.setdefault(key, (value or short_text(c.reading), []))
        if who not in names:
            names.append(who)
    if len(sides) >= 2:
        line = " vs ".join(f"{value} ({_names(names)})" for value, names in sides.values())
        if len(lists) >= 2:
            _, only_a, only_b = match_sets(list(lists[0]), list(lists[1]))
            if only_a or only_b:  # the items first: the line may be clipped at its end
                line = "differ on " + ", ".join([*only_a, *only_b]) + ": " + line
        return line
    return finding.message


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return ", ".join(names)
    return f"{names[0]} and {len(names) - 1} more"


def counts(views_: list[ClaimView]) -> dict[str, int]:
    """Claims needing attention, not checked, with notes only, and settled only."""
    return {
        "attention": sum(1 for v in views_ if v.needs_attention),
        "not_checked": sum(1 for v in views_ if v.not_checked),
        "notes": sum(1 for v in views_ if not v.needs_attention and v.notes),
        "settled": sum(1 for v in views_ if not v.needs_attention and v.settled),
    }
