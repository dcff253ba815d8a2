"""`cca-claims suggest CLAIM_ID`: the passages of the sources that speak to one claim.

A sentence is a suggestion when it states a value comparable with the claim's (same kind; same
unit, currency converted, or counted noun), for a period compatible with the claim's, in words
near the claim's own (the share of the claim's content words and places the sentence has, and
rapidfuzz's token-set similarity of the two). Agreeing or not, each comes with what it would do
to the claim's verdict and an evidence item ready to paste: the sentence as the quote, and a
`value:` only where the sentence holds several values the checker could not choose between.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from cca_claims.compare import AGREE, CONFLICT, SOFT, Tolerance, comparable, compare
from cca_claims.curation.context import measure_of, places_in, words
from cca_claims.curation.discover import AIM_WORDS, is_aim
from cca_claims.curation.passages import Figure, Sentence
from cca_claims.curation.workspace import Workspace
from cca_claims.model import ClaimResult, Reading

MIN_SIMILARITY = 0.3
# what makes a passage near a claim: its words (`similarity`), its value's closeness to the
# claim's (a passage stating the claim's figure is about it, whatever its words), and, for
# counts, the same counted noun ("bridges")
WORDS_WEIGHT = 0.6
VALUE_WEIGHT = 0.3
NOUN_WEIGHT = 0.1
NEAR_WORDS = 8  # a figure's nearest content words that say what it measures
BEFORE_WORDS = 3  # the words just before a figure: its subject ("investment stock exceeds")
# kinds whose value does not say what it measures: "$8 billion" may be trade or a railway's
# cost, while "1,883 km", "81 bridges", a date or a status carry their measure in their unit,
# noun or kind
_BARE_KINDS = frozenset({"money", "percent"})
MAX_RATIO = 5.0  # a value further from every reading of the claim measures something else
DATE_SPAN_DAYS = 31  # a date as wide as a month still names when something happened


@dataclass(frozen=True)
class Suggestion:
    """One passage that speaks to the claim, with what it would change."""

    figure: Figure
    sentence: Sentence
    similarity: float  # 0..1, how near the sentence's words are to the claim's
    relation: str  # "agrees" | "differs" | "conflicts" (with the claim's value or its evidence)
    effect: str  # one sentence: what adding it would do to the verdict
    cited: bool  # the claim's evidence already quotes this passage
    item: dict  # the evidence item to paste: source, quote, and value when needed


class UnknownClaim(LookupError):
    """No claim has the id asked for; `.closest` is the nearest id, if any."""

    def __init__(self, claim_id: str, closest: str | None) -> None:
        super().__init__(claim_id)
        self.claim_id, self.closest = claim_id, closest


def find_claim(ws: Workspace, claim_id: str) -> ClaimResult:
    """The claim's result in the workspace's report, or UnknownClaim."""
    for cr in ws.report.claims:
        if cr.claim.id == claim_id:
            return cr
    from cca_claims.didyoumean import closest

    raise UnknownClaim(claim_id, closest(claim_id, [c.claim.id for c in ws.report.claims]))


def _claim_period(cr: ClaimResult) -> tuple[float, float] | None:
    if cr.claim.period is None:
        return None
    from cca_claims.quantities.context import ReadContext
    from cca_claims.quantities.dates import parse_period

    try:
        iv = parse_period(cr.claim.period, ReadContext())
    except ValueError:
        return None
    return (iv.low, iv.high) if iv is not None and iv.is_bounded else None


def _references(cr: ClaimResult) -> list[Reading]:
    refs = [cr.claim_reading] if cr.claim_reading is not None else []
    refs += [e.reading for e in cr.evidence if e.reading is not None]
    return [r for r in refs if r.kind == cr.kind]


def _fits(f: Figure, refs: list[Reading]) -> bool:
    """Same kind and unit as the claim's readings (a count of the same noun)."""
    r = f.reading
    for ref in refs:
        if not comparable(ref, r):
            continue
        if r.kind == "count" and r.unit != ref.unit:
            continue  # a count of other things, or a bare number ("six")
        return True
    return False


def similarity(statement: str, sentence: str, near: tuple[str, ...] = ()) -> float:
    """How near a sentence's words are to a claim statement's, 0..1: the share of the claim's
    content words and places the sentence has, the share of them next to the figure (`near`:
    what the figure measures), and rapidfuzz's token-set ratio of the two texts."""
    from rapidfuzz import fuzz

    mine = _statement_words(statement)
    theirs = {w[2] for w in words(sentence)} | {p[2] for p in places_in(sentence)}
    share = len(mine & theirs) / len(mine) if mine else 0.0
    close = len(mine & set(near)) / min(len(mine), len(near)) if mine and near else 0.0
    ratio = fuzz.token_set_ratio(statement.lower(), sentence.lower()) / 100
    here, there = _statement_places(statement), {p[2] for p in places_in(sentence)}
    where = len(here & there) / len(here | there) if here or there else 1.0
    return (share + close + ratio + where) / 4


@functools.lru_cache(maxsize=64)
def _statement_places(statement: str) -> frozenset[str]:
    return frozenset(p[2] for p in places_in(statement))


def closeness(f: Figure, refs: list[Reading], tol: Tolerance) -> float:
    """How close the figure's value is to the claim's readings, 0..1: 1 when it agrees with
    one, falling to 0 at MAX_RATIO apart (dates: at a month apart; sets and statuses: 1 when
    they agree)."""
    best = 0.0
    bounded = f.reading.interval is not None and f.reading.interval.is_bounded
    for ref in refs:
        if (
            bounded  # "more than $40 billion" agrees with any larger figure: says little
            and comparable(ref, f.reading)
            and compare(ref, f.reading, tol).relation == AGREE
        ):
            return 1.0
        a, b = _middle(ref), _middle(f.reading)
        if a and b and f.kind in ("money", "quantity", "count", "percent"):
            ratio = max(abs(a), abs(b)) / min(abs(a), abs(b))
            best = max(best, 1 - min(1.0, math.log(ratio) / math.log(MAX_RATIO)))
        elif a and b and f.kind == "date":  # days apart, to none at a month
            best = max(best, 1 - min(1.0, abs(a - b) / DATE_SPAN_DAYS))
    return best


@functools.lru_cache(maxsize=64)
def _statement_words(statement: str) -> frozenset[str]:
    """A claim's content words and places, without the words of its own value ("27 tunnels"):
    those say what the value is, not what it is about."""
    from cca_claims.quantities import read_values

    places = places_in(statement)
    taken = [r.span for r in read_values(statement) if r.span]
    taken += [p[:2] for p in places_in(statement, joined=True)]
    kept = {w[2] for w in words(statement) if not any(lo < w[1] and w[0] < hi for lo, hi in taken)}
    return frozenset(kept | {p[2] for p in places})


def _measures_alike(f: Figure, statement: str) -> bool:
    """Whether the words nearest the figure (what it measures: "investments and credit
    resources amounted to around $24 billion") are among the claim's own words. A passage
    that agrees is evidence whatever its words; one that disagrees is a false alarm unless it
    speaks of the same measure, so it must name it near its figure."""
    near = {w for w in (*f.words[:NEAR_WORDS], f.noun) if w}
    claim_words = _statement_words(statement)
    if near & claim_words:
        return True
    # in another language: "товарооборот" near the figure, "trade" in the claim
    near_measures = {measure_of(w) for w in near} - {""}
    return bool(near_measures & {measure_of(w) for w in claim_words})


def _measures_differ(f: Figure, statement: str) -> bool:
    """Whether the words just before the figure name a measure and the claim names others
    only: "investment stock exceeds $60B" is no evidence for a claim on trade, even where its
    open interval overlaps the claim's."""
    before = {measure_of(w) for w in f.before[:BEFORE_WORDS]} - {""}
    if not before:
        return False
    claimed = {measure_of(w) for w in _statement_words(statement)} - {""}
    return bool(claimed) and not before & claimed


def _magnitude_fits(f: Figure, refs: list[Reading]) -> bool:
    """Whether the figure is within MAX_RATIO of some reading of the claim: a passage stating
    a tenth of the claim's value measures something else ("26 billion yuan" for "$94.8 billion
    of trade"). A date fits when it spans no more than a month or twice the claim's days: a
    year, or "2022–2026", contains a summit's day and so agrees with it, but says nothing about
    it (the claim is as precise as its most precise reading). Sets and statuses always fit."""
    if f.kind == "date":
        spans = [_days_spanned(ref) for ref in refs]
        finest = min((s for s in spans if s is not None), default=None)
        mine = _days_spanned(f.reading)
        return finest is None or mine is None or mine <= max(DATE_SPAN_DAYS, 2 * finest)
    mid = _middle(f.reading)
    if mid is None or f.kind not in ("money", "quantity", "count", "percent"):
        return True
    for ref in refs:
        other = _middle(ref)
        if other is None or other == 0 or mid == 0:
            continue
        if max(abs(mid), abs(other)) / min(abs(mid), abs(other)) <= MAX_RATIO:
            return True
    return False


def _days_spanned(r: Reading) -> float | None:
    iv = r.interval
    return iv.high - iv.low + 1 if iv is not None and iv.is_bounded else None


def _middle(r: Reading) -> float | None:
    iv = r.interval
    if iv is not None and iv.is_bounded:
        return (iv.low + iv.high) / 2
    return iv.low if iv is not None and iv.low not in (float("inf"), float("-inf")) else None


def suggest(
    ws: Workspace, claim_id: str, config=None, limit: int | None = None
) -> list[Suggestion]:
    """The passages that state a value comparable with the claim's, nearest first."""
    cr = find_claim(ws, claim_id)
    tol = config.tolerance() if config is not None else Tolerance()
    refs = _references(cr)
    if cr.kind is None or not refs:
        return []
    period = _claim_period(cr)
    statement = cr.claim.statement
    out: list[Suggestion] = []
    seen: set[tuple[str, int]] = set()
    for f in ws.figures():
        if f.kind != cr.kind or not _fits(f, refs):
            continue
        if not _magnitude_fits(f, refs) and not _cited_by(cr, f):
            continue  # (what the claim cites is listed whatever it says)
        if period and f.period and (f.period[1] < period[0] or period[1] < f.period[0]):
            continue
        if f.kind != "date" and is_aim(f) and not AIM_WORDS & _statement_words(statement):
            continue  # a goal or a forecast, and the claim is about what happened (a date
            # "expected" is a schedule, which claims are about)
        places = _statement_places(statement)
        if places and f.place and f.place not in places and not places & set(f.places):
            continue  # "$13 billion in Uzbekistan" says nothing of Kazakhstan's trade
        key = (f.source, f.sentence)
        sentence = ws.sentence_of(f)
        words_near = similarity(statement, sentence.text, (*f.words, f.place, f.noun))
        specific = f.kind == "count" and f.reading.unit != "count"  # "bridges", not "six"
        score = (
            WORDS_WEIGHT * words_near
            + VALUE_WEIGHT * closeness(f, refs, tol)
            + (NOUN_WEIGHT if specific else 0.0)
        )
        if score < MIN_SIMILARITY:
            continue
        relation, effect, cited = _effect(ws, cr, f, tol)
        if not cited and f.kind in _BARE_KINDS and _measures_differ(f, statement):
            continue  # another measure named right before the figure
        if (
            relation == "conflicts"
            and not cited
            and f.kind in _BARE_KINDS
            and not _measures_alike(f, statement)
        ):
            continue  # a different sum must be shown to measure the same thing first
        if key in seen:
            # one suggestion per sentence: the figure that agrees, else the first
            prev = next(i for i, s in enumerate(out) if (s.figure.source, s.figure.sentence) == key)
            if out[prev].relation == "agrees" or relation != "agrees":
                continue
            del out[prev]
        seen.add(key)
        item = evidence_item(ws, f, sentence, cr, period)
        out.append(Suggestion(f, sentence, round(score, 3), relation, effect, cited, item))
    out.sort(key=lambda s: (-s.similarity, s.cited, s.figure.source, s.figure.start))
    return out[:limit] if limit is not None else out


def _effect(ws: Workspace, cr: ClaimResult, f: Figure, tol: Tolerance) -> tuple[str, str, bool]:
    """(agrees|conflicts, what adding the passage would do, whether it is cited already)."""
    cited_by = _cited_by(cr, f)
    others = [
        (e.evidence.source, e.reading)
        for i, e in enumerate(cr.evidence)
        if i not in cited_by and e.reading is not None and e.evidence.rank != "deprecated"
    ]
    with_others = [(s, _relation(r, f.reading, tol)) for s, r in others]
    against = [s for s, rel in with_others if rel == CONFLICT]
    differing = [s for s, rel in with_others if rel == SOFT]
    claim = cr.claim_reading
    to_claim = _relation(claim, f.reading, tol) if claim is not None else None
    if to_claim is not None and comparable(claim, f.reading):
        relation = _RELATION[to_claim]  # with the claim's own value
    else:  # with the evidence cited so far
        relation = _RELATION[CONFLICT if against else SOFT if differing else AGREE]
    if cited_by:
        where = ", ".join(f"#{i + 1}" for i in cited_by)
        return relation, f"already cited (evidence {where}); the verdict is {cr.verdict}", True
    disputed = "stays disputed" if cr.verdict == "disputed" else f"{cr.verdict} -> disputed"
    if against:
        return relation, f"would contradict {_some(against)}: {disputed}", False
    if to_claim == CONFLICT:
        after = "contradicted" if not others else "disputed"
        return relation, f"would contradict the claim's value: {cr.verdict} -> {after}", False
    if differing:
        return (
            relation,
            f"the days overlap {_some(differing)}'s but differ (a warning): {disputed}",
            False,
        )
    if to_claim == SOFT:
        return relation, "the days overlap the claim's but differ (a warning)", False
    if cr.verdict == "unsupported":
        return relation, "agrees: unsupported -> consistent", False
    if cr.verdict == "consistent":
        return relation, "agrees: stays consistent", False
    return relation, f"agrees; the verdict stays {cr.verdict}", False


def _cited_by(cr: ClaimResult, f: Figure) -> list[int]:
    """The claim's evidence items whose quote holds the figure."""
    return [
        i
        for i, e in enumerate(cr.evidence)
        if e.anchor.anchor is not None
        and e.anchor.anchor.source == f.source
        and e.anchor.anchor.start < f.end
        and f.start < e.anchor.anchor.end
    ]


_RELATION = {AGREE: "agrees", SOFT: "differs", CONFLICT: "conflicts"}


def _relation(a: Reading, b: Reading, tol: Tolerance) -> str:
    """AGREE, SOFT (two day-level dates that overlap but differ) or CONFLICT; readings that
    cannot be compared agree (nothing to say)."""
    return compare(a, b, tol).relation if comparable(a, b) else AGREE


def _some(sources: list[str]) -> str:
    names = sorted(set(sources))
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def evidence_item(ws: Workspace, f: Figure, sentence: Sentence, cr: ClaimResult, period) -> dict:
    """The evidence item to paste: the sentence as the quote (whitespace folded, as the anchorer
    matches it), with `value:` only when the checker could not tell which value it means."""
    from cca_claims.interval import Interval
    from cca_claims.quantities import choose_reading, read_values
    from cca_claims.quantities.quote_value import Guide

    item: dict = {"source": f.source, "quote": " ".join(sentence.text.split())}
    here = [g.reading for g in ws.passages[f.source].figures if g.sentence == f.sentence]
    # the check's own choice: guided by the claim's value, words and period, as read_claims.py does
    statement = cr.claim.statement or ""
    guide = Guide.of(cr.claim_reading, statement, read_values(statement), sentence.text)
    chosen, _why = choose_reading(
        here, cr.kind, Interval(period[0], period[1], True, True) if period else None, guide
    )
    if chosen is None or chosen.span != f.reading.span:
        item["value"] = " ".join(f.reading.text.split())
    return item


__all__ = ["AGREE", "Suggestion", "UnknownClaim", "evidence_item", "find_claim", "suggest"]
