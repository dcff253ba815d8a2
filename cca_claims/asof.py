"""When an evidence item's figure or status holds, and whether two of them speak of one time.

An evidence item may carry `as_of:` (a date, month, year or range, as `period:` takes): the date
its figure or status refers to. Without it, the date is its source's published date (or the
bounds the registry gives). Two uses:

* **Stocks over a period.** A stock ("investment stock", "debt") read at two dates may differ
  because time passed. When a claim's `period:` is a stretch of time (not one day) and two
  evidence items refer to different dates inside it, the claim itself says its figure moved over
  that stretch: their figures are not compared with each other ("nearly $15bn" at the end of
  2022, "over 15 billion dollars" at the end of March 2023, with `period:
  2022-12-31..2023-03-31`). Only written `as_of:` dates count here (the publication date of a
  report on a year's trade is not the date of its figure). In every other case (no period, a
  one-day period, dates outside the period, overlapping dates, no `as_of:`) they are compared as
  before. `compared_at_times` decides; the evidence-against-evidence rules call it for every
  pair.
* **Statuses over time.** A project's status is the stage it had reached at its date: later
  progress is not a conflict (C208 orders the statuses by `evidence_time`).

The core never prints; a bad `as_of:` is reported where the claim file is read (E011) through
`as_of_problem`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cca_claims import compare
from cca_claims.interval import Interval
from cca_claims.model import EvidenceResult, Source
from cca_claims.quantities.context import ReadContext


def _parse(value: Any) -> Interval:
    from cca_claims.quantities.dates import parse_period

    return parse_period(value, ReadContext())


def as_of_problem(value: Any) -> str:
    """Why an `as_of:` value cannot be read as a date or range ("" when it can)."""
    try:
        _parse(value.isoformat() if isinstance(value, dt.date) else value)
    except (ValueError, TypeError) as exc:
        return str(exc)
    return ""


def evidence_time(result: EvidenceResult, sources: dict[str, Source]) -> Interval | None:
    """The days an evidence item's figure or status refers to, as day ordinals.

    Its `as_of:` when written; else its source's published date (or the registry's bounds);
    None when neither is known."""
    written = getattr(result.evidence, "as_of", None)
    if written:
        try:
            return _parse(written)
        except (ValueError, TypeError):
            return None  # reported when the claim file was read
    source = sources.get(result.evidence.source)
    if source is None:
        return None
    bounds = source.meta.date_interval
    if bounds is None:
        return None
    low, high = bounds
    if low == dt.date.min or high == dt.date.max:
        return None  # one-sided bounds say too little to order by
    return Interval(low.toordinal(), high.toordinal())


def compared_at_times(
    a: EvidenceResult, b: EvidenceResult, period: Interval | None, sources: dict[str, Source]
) -> bool:
    """Whether two evidence figures should be compared, given their dates and the claim's period.

    False only when the claim's period is a stretch of time longer than a day, both items carry
    an `as_of:` inside it, and those dates do not overlap: the claim says its figure moved over
    the period, so two figures at two of its dates may differ. True otherwise (a figure's date is
    never taken from its source's publication date: a report on 2024's trade published in March
    2025 speaks of 2024)."""
    if period is None or not period.is_bounded or period.width < 1:
        return True
    if not (getattr(a.evidence, "as_of", None) and getattr(b.evidence, "as_of", None)):
        # a figure's date is what its passage says it is: the publication date of a report on
        # 2024's trade is not the date of its figure, so only written `as_of:` dates count
        return True
    ta, tb = evidence_time(a, sources), evidence_time(b, sources)
    if ta is None or tb is None:
        return True
    inside = all(period.low <= t.low and t.high <= period.high for t in (ta, tb))
    return not (inside and not ta.overlaps(tb))


def day_label(time: Interval | None) -> str:
    """A time for a message: "2024-06-05", or "2024-06-01..2024-06-30"."""
    if time is None or not time.is_bounded:
        return "an unknown date"
    low = dt.date.fromordinal(int(time.low)).isoformat()
    high = dt.date.fromordinal(int(time.high)).isoformat()
    return low if low == high else f"{low}..{high}"


# --------------------------------------------------------------------------- statuses over time
SAME_TIME, STEP_BACK = "same time", "step back"


def status_relation(a: EvidenceResult, b: EvidenceResult, sources: dict[str, Source]) -> str:
    """ "" when two status readings can both hold; else SAME_TIME (different statuses at one
    time, or at unknown times) or STEP_BACK (the later one is an earlier stage, and its passage
    states no reason for going back)."""
    from cca_claims.quantities.statuses import step_back_reason

    ra, rb = a.reading, b.reading
    if ra is None or rb is None or not compare.comparable(ra, rb):
        return ""
    if compare.compare(ra, rb).agrees:
        return ""
    ta, tb = evidence_time(a, sources), evidence_time(b, sources)
    if ta is None or tb is None or ta.overlaps(tb):
        return SAME_TIME
    earlier, later = (a, b) if ta.high < tb.low else (b, a)
    ie = compare.status_interval(earlier.reading)
    il = compare.status_interval(later.reading)
    if ie is None or il is None:
        return SAME_TIME
    if il.low > ie.high:
        return ""  # later news of a later stage: progress
    anchor = later.anchor.anchor
    if anchor is not None and step_back_reason(anchor.text):
        return ""  # the later passage says why the project went back
    return STEP_BACK


def superseded_statuses(
    results: list[EvidenceResult], sources: dict[str, Source], period: Interval | None = None
) -> set[int]:
    """Evidence indices whose status a later item's status has moved past (progress): what the
    claim's own status is not compared with ("feasibility study completed" in June, "under
    construction" in December: a claim of "under construction" is supported, not disputed).
    With the claim's `period`, news from after it supersedes nothing: the claim speaks of then."""
    out = set()
    for e in results:
        te = evidence_time(e, sources)
        if te is None:
            continue
        for f in results:
            tf = evidence_time(f, sources)
            if f is e or tf is None or not te.high < tf.low:
                continue
            if period is not None and period.is_bounded and tf.low > period.high:
                continue
            if not status_relation(e, f, sources):
                if not compare.compare(e.reading, f.reading).agrees:
                    out.add(e.evidence.index)
                    break
    return out
