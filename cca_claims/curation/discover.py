"""`cca-claims discover`: candidate contradictions across sources that no claim covers yet.

Two figures from different sources are a candidate when they measure the same thing and their
intervals do not overlap (the comparison the rules use, `cca_claims.compare`). "The same thing"
is read from their sentences (`context.py`): the same kind and unit (currency converted, counted
noun), nearby words in common (what is measured), the same place named nearest to each figure
(where) and periods that overlap when both are stated (when). Precision matters more than
recall: a pair whose places or periods differ is never a candidate, and values further apart
than `MAX_RATIO` are taken for different measures.

Pairs are found the way a distributed engine would (docs/performance.md): every figure is filed
under a few blocking keys (kind, unit, one of its nearest words), the keys group the figures (a
shuffle), and only figures sharing a key are compared. A key shared by more than `MAX_BLOCK`
figures says nothing (a word on every page) and is dropped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from cca_claims.compare import CONFLICT, NUMERIC_KINDS, Tolerance, compare
from cca_claims.curation.context import measure_of, places_in
from cca_claims.curation.passages import Figure, few_collections
from cca_claims.curation.workspace import Workspace

KINDS = (*NUMERIC_KINDS, "date")
NEAR = 6  # words on each side that say what a figure measures
MAX_BLOCK = 200  # a word near more figures of one measure than this names no one thing
MAX_RATIO = 2.0  # values further apart measure different things ("$4.6 billion" vs "$60 million")
MAX_DAYS = 7  # two dates further apart are two events, not one event dated twice
MIN_WORDS = 0.3  # share of the nearby words the two figures must have in common
SENTENCE_WEIGHT = 0.8  # words shared anywhere in the two sentences count for less
MIN_SCORE = 0.3
ONE_PERIOD_PENALTY = 0.1
AIM_REACH = 4  # how many words before a figure may make it a goal ("a goal of $20 billion")
TREND_DAYS = 2 * 366  # a stated period longer than this is a trend's span ("since 2013")
SAME_PERIOD = 0.95  # two periods are one when they overlap on this share of the longer
# words before a figure that make it a goal or a forecast (stems, as `context.words` gives
# them); not "planned": "a planned 454-kilometer line" states the plan's design, a fact
AIM_WORDS = frozenset(
    "target goal aim expected expect forecast projected sight ambitious eye could might would "
    "should".split()
)


@dataclass(frozen=True)
class Candidate:
    """Two figures that look like the same measure stated differently."""

    a: Figure
    b: Figure
    score: float  # 0..1, how sure the match of what, where and when is
    reasons: tuple[str, ...]
    passage_a: str
    passage_b: str


def measure_unit(f: Figure) -> str:
    """The unit two figures must share to be compared: the canonical one (money in USD)."""
    return "day" if f.kind == "date" else f.reading.unit


def _eligible(f: Figure) -> bool:
    r = f.reading
    if r.kind not in KINDS or r.interval is None or not f.words:
        return False
    if r.kind == "count" and r.unit == "count":
        return False  # a bare number: what it counts is not written
    if r.kind == "date":  # a day written with its figure: not "today", not "on Tuesday"
        return r.granularity == "day" and any(ch.isdigit() for ch in r.text)
    return r.interval.is_bounded or r.number is not None


def candidate_pairs(figures: list[Figure]) -> set[tuple[int, int]]:
    """Index pairs of figures from different sources sharing a blocking key."""
    blocks: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(figures):
        for word in _as_measures((*f.words[:NEAR], f.noun)):
            blocks[(f.kind, measure_unit(f), word)].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if figures[i].source != figures[j].source:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def _as_measures(words) -> set[str]:
    """Words with those naming a measure in any language as the measure's English name
    ("товарооборот" and "贸易" as "trade", cca_claims/data/measures.txt), so that a Russian or
    Chinese passage meets an English one."""
    return {measure_of(w) or w for w in words if w}


def _same_period(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two stated periods are one: they overlap, and neither is much shorter (eleven
    months of a year are not the year)."""
    overlap = min(a[1], b[1]) - max(a[0], b[0]) + 1
    longest = max(a[1] - a[0], b[1] - b[0]) + 1
    if longest > TREND_DAYS:  # "doubled since 2013 to $93.7 billion in 2024": a level at its end
        return overlap > 0
    return overlap > 0 and overlap >= SAME_PERIOD * longest


def is_aim(f: Figure) -> bool:
    """Whether the sentence states the figure as a goal or a forecast, not as a fact."""
    return bool(AIM_WORDS.intersection(f.before[:AIM_REACH]))


def _middle(f: Figure) -> float | None:
    iv = f.reading.interval
    if iv is not None and iv.is_bounded:
        return (iv.low + iv.high) / 2
    return f.reading.number


def match(a: Figure, b: Figure, tol: Tolerance) -> tuple[float, tuple[str, ...]] | None:
    """How sure it is that `a` and `b` state one measure differently, or None when they do
    not (different what, where or when, or values that agree)."""
    if a.kind == "count" and a.reading.unit != b.reading.unit:
        return None
    if a.place and b.place and a.place != b.place:
        return None
    if a.period and b.period and not _same_period(a.period, b.period):
        return None
    if (a.cutoff or b.cutoff) and not (a.period and b.period and a.period[1] == b.period[1]):
        return None  # running totals compare only at one stated date (their period's end)
    if a.names and b.names and not set(a.names) & set(b.names):
        return None  # "the Kok-Art bridge" and "the Naryn dam": two named things
    if is_aim(a) != is_aim(b):
        return None  # a target or a forecast is not a contradiction of what happened
    if a.kind == "count" and places_in(a.reading.text) != places_in(b.reading.text):
        return None  # "five Central Asian countries" and "six countries" count different sets
    if compare(a.reading, b.reading, tol).relation != CONFLICT:
        return None
    ma, mb = _middle(a), _middle(b)
    if ma is None or mb is None:
        return None
    if a.kind == "date":
        if abs(ma - mb) > MAX_DAYS:
            return None
    elif min(abs(ma), abs(mb)) == 0 or max(abs(ma), abs(mb)) / min(abs(ma), abs(mb)) > MAX_RATIO:
        return None
    wa, wb = _as_measures(a.words[:NEAR]), _as_measures(b.words[:NEAR])
    if a.kind == "count":  # the counted noun says what is measured
        wa.add(a.noun)
        wb.add(b.noun)
    near = len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0
    ta, tb = _as_measures(a.topic), _as_measures(b.topic)
    whole = len(ta & tb) / min(len(ta), len(tb)) if ta and tb else 0.0
    overlap = max(near, SENTENCE_WEIGHT * whole)
    if overlap < MIN_WORDS:
        return None
    common = sorted((wa & wb) or (ta & tb))
    reasons = [f"what: {', '.join(common[:6])}"]
    score = 0.5 * overlap
    if a.noun and a.noun == b.noun:
        score += 0.15
        reasons[0] += f" (both about '{a.noun}')"
    if a.place and a.place == b.place:
        score += 0.15
        reasons.append(f"where: {a.place}")
    if a.period and b.period:
        score += 0.15 if a.period == b.period else 0.1
        reasons.append("when: same period" if a.period == b.period else "when: periods overlap")
    elif a.period or b.period:
        score -= ONE_PERIOD_PENALTY  # one side dates its figure, the other does not
        reasons.append("when: only one passage states a period")
    if score < MIN_SCORE:
        return None
    return min(score, 1.0), tuple(reasons)


def discover(ws: Workspace, config=None, limit: int | None = None) -> list[Candidate]:
    """Candidate contradictions no claim covers, surest first (at most `limit`)."""
    with few_collections():
        return _discover(ws, config, limit)


def _discover(ws: Workspace, config, limit: int | None) -> list[Candidate]:
    tol = config.tolerance() if config is not None else Tolerance()
    figures = [f for f in ws.figures() if _eligible(f)]
    best: dict[tuple, Candidate] = {}
    for i, j in candidate_pairs(figures):
        a, b = figures[i], figures[j]
        if a.source > b.source:
            a, b = b, a
        found = match(a, b, tol)
        if found is None:
            continue
        covered_a = set(ws.covering(a.source, a.start, a.end))
        if covered_a & set(ws.covering(b.source, b.start, b.end)):
            continue  # one claim quotes both: the check reports it already
        score, reasons = found
        # one candidate per pair of sentences and measure ("18 stations, 81 bridges, 41
        # tunnels" against another list of the three is three candidates, not nine)
        key = (a.source, a.sentence, b.source, b.sentence, measure_unit(a))
        if key in best and best[key].score >= score:
            continue
        best[key] = Candidate(
            a, b, round(score, 3), reasons, ws.sentence_of(a).text, ws.sentence_of(b).text
        )
    ranked = sorted(
        best.values(),
        key=lambda c: (-c.score, c.a.source, c.a.start, c.b.source, c.b.start),
    )
    return ranked[:limit] if limit is not None else ranked


def add_command(f: Figure) -> str:
    """The command that turns a figure's passage into a claim skeleton."""
    return f"cca-claims add {f.source} {f.line}:{f.col}"
