"""What every curation command starts from: the check's report (sources, claims, anchors) and
every source's sentences and figures, with an index of which spans claims already quote."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from cca_claims.curation.passages import Figure, SourcePassages, few_collections, read_sources
from cca_claims.engine import check
from cca_claims.model import Report


@dataclass
class Workspace:
    """The report of a check (or a lint: anchors only), and every source's passages."""

    report: Report
    passages: dict[str, SourcePassages]
    # per source: (start, end, claim id) of every anchored evidence quote, sorted by start
    quoted: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for cr in self.report.claims:
            for ev in cr.evidence:
                anchor = ev.anchor.anchor
                if anchor is not None and ev.evidence.rank != "deprecated":
                    spans = self.quoted.setdefault(anchor.source, [])
                    spans.append((anchor.start, anchor.end, cr.claim.id))
        for spans in self.quoted.values():
            spans.sort()

    def covering(self, source: str, start: int, end: int) -> tuple[str, ...]:
        """The claims whose evidence quote contains the span [start, end) of `source`."""
        spans = self.quoted.get(source, ())
        stop = bisect.bisect_right(spans, (start, float("inf"), ""))
        found = {cid for lo, hi, cid in spans[:stop] if lo <= start and end <= hi}
        return tuple(sorted(found))

    def overlapping(self, source: str, start: int, end: int) -> tuple[str, ...]:
        """The claims whose evidence quote overlaps the span [start, end) of `source`."""
        found = {cid for lo, hi, cid in self.quoted.get(source, ()) if lo < end and start < hi}
        return tuple(sorted(found))

    def figures(self) -> list[Figure]:
        return [f for p in self.passages.values() for f in p.figures]

    def sentence_of(self, figure: Figure):
        return self.passages[figure.source].sentences[figure.sentence]


def load_workspace(config, *, full: bool = False, use_cache: bool = True) -> Workspace:
    """Check (`full`) or lint the inputs, then read every sentence of every source."""
    # no claim yet is a new desk's normal start: scan and discover need only the sources
    report = check(config, lint_only=not full, use_cache=use_cache, require_claims=False)
    passages = read_sources(list(report.sources), config, use_cache=use_cache)
    with few_collections():
        return Workspace(report, {p.source: p for p in passages})
