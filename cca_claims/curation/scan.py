"""`cca-claims scan`: every value the sources state, which ones claims cover, and what is left.

A figure is covered when some claim's evidence quote contains it (the anchored quote's span
contains the figure's span). Coverage is counted per source; the uncovered figures are grouped
by what they measure: kind, unit (dimension, currency, counted noun) and the nearest noun.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from cca_claims.curation.passages import Figure, few_collections
from cca_claims.curation.workspace import Workspace


@dataclass(frozen=True)
class ScannedFigure:
    """One figure, with the claims that quote it (none: uncovered) and its sentence."""

    figure: Figure
    covered_by: tuple[str, ...]
    passage: str


@dataclass(frozen=True)
class SourceCoverage:
    source: str
    figures: int
    covered: int

    @property
    def share(self) -> float:
        return self.covered / self.figures if self.figures else 1.0


@dataclass(frozen=True)
class MeasureGroup:
    """Uncovered figures that measure the same kind of thing."""

    kind: str
    unit: str
    noun: str
    figures: tuple[ScannedFigure, ...]


@dataclass(frozen=True)
class ScanResult:
    figures: tuple[ScannedFigure, ...]
    sources: tuple[SourceCoverage, ...]
    groups: tuple[MeasureGroup, ...]

    @property
    def covered(self) -> int:
        return sum(1 for f in self.figures if f.covered_by)


def unit_key(figure: Figure) -> str:
    """What a figure's unit says it measures: the currency as written for money, the
    dimension's base unit for quantities, the counted noun for counts."""
    r = figure.reading
    if r.kind == "money":
        written = next((c.from_unit for c in r.conversions if c.kind == "fx"), "") or r.unit
        return written.upper()
    if r.kind in ("quantity", "count"):
        return r.unit
    return r.kind


def scan(ws: Workspace) -> ScanResult:
    """Mark every figure covered or not, count coverage per source, group what is left."""
    with few_collections():
        return _scan(ws)


def _scan(ws: Workspace) -> ScanResult:
    scanned: list[ScannedFigure] = []
    per_source: list[SourceCoverage] = []
    for source in ws.report.sources:
        passages = ws.passages.get(source.id)
        figures = passages.figures if passages else ()
        here = [
            ScannedFigure(
                f,
                ws.covering(f.source, f.start, f.end),
                passages.sentences[f.sentence].text if passages else "",
            )
            for f in figures
        ]
        scanned.extend(here)
        per_source.append(
            SourceCoverage(source.id, len(here), sum(1 for f in here if f.covered_by))
        )
    groups: dict[tuple[str, str, str], list[ScannedFigure]] = defaultdict(list)
    for sf in scanned:
        if not sf.covered_by:
            f = sf.figure
            groups[(f.kind, unit_key(f), f.noun)].append(sf)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return ScanResult(
        tuple(scanned),
        tuple(per_source),
        tuple(MeasureGroup(k, u, n, tuple(fs)) for (k, u, n), fs in ordered),
    )
