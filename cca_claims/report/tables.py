"""`cca-claims show`, `sources` and `claims`: what is loaded, as tables, and one claim in full.

`show` lays out one claim: its statement and value, its evidence side by side (source, kind, date,
value as read, normalized interval), each passage with the figure highlighted, the findings with
the fingerprint and a `reviews:` entry ready to paste, the reviews already written, and the
reconciled reading. `sources` and `claims` are tables filtered by tag, verdict and source.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rich.padding import Padding
from rich.text import Text

from cca_claims.model import ClaimResult, Reading, Report
from cca_claims.report.common import (
    findings_by_claim,
    reading_text,
    safe,
    short_text,
    sources_by_id,
)
from cca_claims.report.terminal import (
    Screen,
    claim_heading,
    evidence_cell,
    finding_line,
    styled,
    value_lines,
    verdict_text,
)


@dataclass(frozen=True)
class Filters:
    """Which claims a table shows; empty means all."""

    tags: tuple[str, ...] = ()
    verdicts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    def keep(self, result: ClaimResult) -> bool:
        claim = result.claim
        if self.tags and not set(self.tags) & set(claim.tags):
            return False
        if self.verdicts and result.verdict not in self.verdicts:
            return False
        cited = {ev.source for ev in claim.evidence}
        return not (self.sources and not set(self.sources) & cited)


def select(report: Report, filters: Filters) -> list[ClaimResult]:
    """The claims that pass the filters, in report order."""
    return [c for c in report.claims if filters.keep(c)]


# ----------------------------------------------------------------------------- claims
def render_claims(
    report: Report, filters: Filters = Filters(), *, color: bool = False, width: int = 100
) -> str:
    """One row per claim: id, verdict, kind, tags, sources, open findings, statement."""
    screen = Screen(color, width)
    chosen = select(report, filters)
    by_claim = findings_by_claim(report)
    # the widest layout that fits: statement under the id, then kinds, tags and sources
    level = 0 if screen.narrow else 1 if screen.width < 140 else 2
    columns = ["claim", "verdict", "findings"]
    if level:
        columns = ["claim (statement)", "verdict", "findings", "kind", "tags", "sources"]
    table = screen.table(*columns, title=f"{len(chosen)} of {len(report.claims)} claims")
    table.columns[0].no_wrap = True
    id_width = max([30] + [len(c.claim.id) for c in chosen])
    for result in chosen:
        claim = result.claim
        findings = by_claim.get(claim.id, [])
        open_ = sum(1 for f in findings if not f.suppressed)
        reviewed = len(findings) - open_
        count = str(open_) + (f" (+{reviewed} reviewed)" if reviewed else "")
        cited = list(dict.fromkeys(ev.source for ev in claim.evidence))
        if not level:
            table.add_row(styled(claim.id), verdict_text(result.verdict), Text(count))
            continue
        table.add_row(
            styled(claim.id)
            + styled("\n" + _clip(claim.statement, id_width), "dim", oneline=False),
            verdict_text(result.verdict),
            Text(count),
            styled(result.kind or claim.kind or "-"),
            styled(", ".join(claim.tags) or "-"),
            styled("\n".join(cited), oneline=False) if level == 2 else Text(str(len(cited))),
        )
    screen.print(table)
    counts = Counter(c.verdict for c in chosen)
    screen.print(Text(_count_line(counts) or "no claims match"))
    return screen.text()


# ----------------------------------------------------------------------------- sources
def render_sources(
    report: Report, filters: Filters = Filters(), *, color: bool = False, width: int = 100
) -> str:
    """One row per source: id, kind, date, publisher, claims citing it and their verdicts."""
    screen = Screen(color, width)
    chosen = select(report, Filters(filters.tags, filters.verdicts))
    citing: dict[str, list[ClaimResult]] = {}
    quotes: Counter[str] = Counter()
    for result in chosen:
        for ev in result.claim.evidence:
            quotes[ev.source] += 1
        for source_id in dict.fromkeys(ev.source for ev in result.claim.evidence):
            citing.setdefault(source_id, []).append(result)
    rows = [
        s
        for s in report.sources
        if (not filters.sources or s.id in filters.sources)
        and (not (filters.tags or filters.verdicts) or s.id in citing)
    ]
    # the widest layout that fits: more columns as the terminal grows
    level = 0 if screen.narrow else 1 if screen.width < 130 else 2
    columns = {
        0: ["source", "claims", "verdicts"],
        1: ["source (title)", "date", "claims", "verdicts"],
        2: ["source (title)", "kind", "date", "claims", "quotes", "verdicts", "claim tags"],
    }[level]
    table = screen.table(*columns, title=f"{len(rows)} of {len(report.sources)} sources")
    table.columns[0].no_wrap = True
    if level:
        table.columns[columns.index("date")].no_wrap = True
        table.columns[columns.index("verdicts")].min_width = 14
    for s in rows:
        results = citing.get(s.id, [])
        verdicts = _count_line(Counter(r.verdict for r in results)) or "-"
        who = s.meta.publisher or s.meta.author or "-"
        cells = {
            "source": styled(s.id),
            "source (title)": styled(s.id)
            + styled("\n" + _clip(s.meta.title or who, 36), "dim", oneline=False),
            "kind": styled(s.meta.kind),
            "date": styled(s.meta.date_label),
            "claims": Text(str(len(results))),
            "quotes": Text(str(quotes.get(s.id, 0))),
            "verdicts": styled(verdicts),
            "claim tags": styled(_clip(", ".join(_top_tags(results, 3)) or "-", 30)),
        }
        table.add_row(*(cells[c] for c in columns))
    screen.print(table)
    return screen.text()


# ----------------------------------------------------------------------------- show
def render_show(report: Report, claim_id: str, *, color: bool = False, width: int = 100) -> str:
    """Everything about one claim (the caller checks that the id exists)."""
    screen = Screen(color, width)
    plain = not color
    result = next(c for c in report.claims if c.claim.id == claim_id)
    claim = result.claim
    sources = sources_by_id(report)
    head = claim_heading(result)
    screen.print(head, Padding(styled(claim.statement), (0, 0, 0, 2)))
    facts = [("kind", result.kind or claim.kind or "-"), ("tags", ", ".join(claim.tags) or "-")]
    for key, target in (
        ("period", claim.period),
        ("part of", claim.part_of),
        ("sum of", ", ".join(claim.sum_of)),
        ("growth", f"{claim.growth.from_id} -> {claim.growth.to_id}" if claim.growth else ""),
        ("same as", claim.same_as),
        ("reviewed", claim.reviewed),
        ("note", claim.note),
    ):
        if target:
            facts.append((key, target))
    for key, value in facts:
        screen.print(Padding(_label(f"{key}: ") + styled(str(value)), (0, 0, 0, 2)))
    if claim.value is not None or result.claim_reading is not None:
        screen.print(Text("Claim value", style="bold"))
        written = claim.value if isinstance(claim.value, str) else None
        screen.print(Padding(value_lines(result.claim_reading, written), (0, 0, 0, 2)))

    screen.print(Text(""), Text("Evidence", style="bold"))
    # below 120 columns, source, kind and date share one column so the values keep their room
    wide = screen.width >= 120
    headers = ["#", "source", "kind", "date"] if wide else ["#", "source (kind, date)"]
    table = screen.table(*headers, "anchor", "value as read", "normalized")
    table.columns[0].no_wrap = True
    for ev in result.evidence:
        source = sources.get(ev.evidence.source)
        anchor = ev.anchor.anchor
        status = ev.anchor.status + (f" {anchor.score:.0f}%" if anchor and not anchor.exact else "")
        if anchor:
            status += f" line {anchor.line}"
        if ev.evidence.rank == "deprecated":
            status += ", deprecated"
        kind = source.meta.kind if source else "?"
        date = source.meta.date_label if source else "?"
        where = (
            [styled(ev.evidence.source), styled(kind), styled(date)]
            if wide
            else [styled(ev.evidence.source) + styled(f"\n{kind}, {date}", "dim", oneline=False)]
        )
        table.add_row(
            Text(str(ev.evidence.index)),
            *where,
            styled(status),
            styled(short_text(ev.reading) if ev.reading else ev.reading_problem or "-"),
            styled(reading_text(ev.reading)),
        )
    screen.print(table)
    for ev in result.evidence:
        cell = evidence_cell(ev, sources.get(ev.evidence.source), plain=plain, context=60)
        screen.print(Padding(_label(f"[{ev.evidence.index}] ") + cell, (0, 0, 1, 2)))

    screen.print(Text("Reconciled", style="bold"))
    if not result.reconciled:
        screen.print(Padding(Text("(nothing to reconcile)", style="dim"), (0, 0, 0, 2)))
    for group in result.reconciled:
        what = reading_text(
            Reading(
                kind=result.kind or "quantity",
                unit=group.unit,
                interval=group.interval,
                items=group.items,
                label=group.label,
            )
        )
        line_text = Text("  ")
        line_text.append(safe(", ".join(dict.fromkeys(group.sources)), oneline=True), style="bold")
        line_text.append(": ")
        line_text.append(safe(what or "-", oneline=True))
        screen.print(line_text)

    findings = findings_by_claim(report).get(claim.id, [])
    screen.print(Text(""), Text(f"Findings ({len(findings)})", style="bold"))
    for f in findings:
        screen.print(Padding(finding_line(f), (0, 0, 0, 2)))
        fp = Text()
        fp.append("    fingerprint: ", style="dim")
        fp.append(f.fingerprint)
        screen.print(fp)
        if not f.review or f.review == "stale":
            screen.print(Padding(review_snippet(f.rule, f.fingerprint), (0, 0, 1, 4)))
        elif f.review_note:
            screen.print(
                Padding(Text(safe(f.review_note, oneline=True), style="dim"), (0, 0, 1, 4))
            )
    screen.print(Text(f"Reviews ({len(claim.reviews)})", style="bold"))
    for r in claim.reviews:
        matched = any(f.fingerprint == r.fingerprint for f in findings)
        row = Text("  ")
        row.append(safe(f"{r.rule} {r.fingerprint} {r.status}", oneline=True))
        if r.note:
            row.append(": " + safe(r.note, oneline=True))
        row.append("" if matched else "  (matches no current finding)", style="dim")
        screen.print(row)
    return screen.text()


def review_snippet(rule: str, fingerprint: str) -> Text:
    """A `reviews:` entry to paste into the claim, settling this finding."""
    out = Text("to accept it, add to the claim:\n", style="dim")
    out.append("reviews:\n")
    out.append(f"  - rule: {rule}\n    fingerprint: {fingerprint}\n")
    out.append("    status: explained\n    note: <why the difference is fine>")
    return out


def _top_tags(results: list[ClaimResult], n: int = 5) -> list[str]:
    """The tags most used by these claims, most frequent first."""
    counts = Counter(tag for r in results for tag in r.claim.tags)
    return [tag for tag, _ in counts.most_common(n)]


def _label(text: str) -> Text:
    """A dim label whose style does not spill onto the text appended after it."""
    out = Text()
    out.append(text, style="dim")
    return out


def _clip(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _count_line(counts: Counter[str]) -> str:
    order = ("consistent", "disputed", "contradicted", "unsupported")
    return ", ".join(f"{counts[v]} {v}" for v in order if counts.get(v))
