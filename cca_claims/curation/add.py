"""A claim skeleton from one place in a source (`cca-claims add SOURCE_ID LINE[:COL]`).

The sentence around the place becomes the evidence quote and the draft claim sentence; the value
the reader finds there (the one at or after the column, else the sentence's first figure; a date
only when the sentence states nothing else) becomes the claim's `value:`, `kind:` and, when the
figure is tied to a year or a range of days, `period:`; the evidence item names the figure with
its own `value:` only when the quote states other figures of the same kind and the claim's own
value, period and words would not pick it as the check does. The id is made from the sentence's words
and is unique among the claims given. The editor then restates the claim in their own words: the
skeleton says so in a comment.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cca_claims.curation.passages import split_sentences
from cca_claims.curation.yamledit import scalar
from cca_claims.interval import Interval
from cca_claims.model import Reading, Source
from cca_claims.quantities.quote_value import Guide, choose_reading

MAX_QUOTE = 400  # characters: a quote is a passage, not a page
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_STOP = frozenset(
    "the and for with from that this which were was are has have had its their into over "
    "than more less about said will would also been between both after before under while "
    "when where there these those year years per cent percent".split()
)
_PREFERRED = ("money", "quantity", "count", "percent", "status", "set", "label", "date")


class AddError(ValueError):
    """The place holds nothing to make a claim of; the message says why."""


@dataclass(frozen=True)
class Skeleton:
    claim_id: str
    sentence: str
    reading: Reading
    quote: str
    line: int
    pin_value: bool = False  # the quote states other figures of the same kind: name this one

    def yaml_lines(self, source_id: str) -> list[str]:
        """The claim as YAML lines for a list item at column 1 (`- id: ...`)."""
        r = self.reading
        lines = [
            f"- id: {self.claim_id}\n",
            f"  claim: {scalar(self.sentence)}  # restate as the claim you check\n",
        ]
        if r.kind in ("set",) and r.items:
            lines.append(f"  value: [{', '.join(scalar(i) for i in r.items)}]\n")
        elif r.text:
            lines.append(f"  value: {scalar(_figure_text(r))}\n")
        period = _period(r)
        if period:
            lines.append(f"  period: {scalar(period)}\n")
        lines.append(f"  kind: {r.kind}\n")
        lines.append("  evidence:\n")
        lines.append(f"    - source: {scalar(source_id)}\n")
        lines.append(f"      quote: {scalar(self.quote)}\n")
        if self.pin_value and r.text:
            # the evidence names the figure as the quote writes it: the check finds it there
            lines.append(f"      value: {scalar(' '.join(r.text.split()))}\n")
        return lines


def skeleton(source: Source, line: int, col: int | None, read, existing_ids: set[str]) -> Skeleton:
    """The skeleton for `line`:`col` (1-based) of `source`; `read(text)` reads a passage's
    values with the source's context (date, language, yen)."""
    text = source.text
    lines = text.splitlines(keepends=True)
    if not 1 <= line <= len(lines):
        raise AddError(f"{source.id} has {len(lines)} lines; line {line} is not one of them")
    start_of_line = sum(len(x) for x in lines[: line - 1])
    width = len(lines[line - 1].rstrip("\r\n"))
    if col is not None and not 1 <= col <= max(1, width):
        raise AddError(
            f"line {line} of {source.id} has {width} characters; column {col} is past it"
        )
    offset = start_of_line + ((col or 1) - 1)
    begin, end = _sentence_around(text, offset)
    sentence_raw = text[begin:end]
    readings = [r for r in read(sentence_raw) if r.span is not None]
    if not readings:
        raise AddError(
            f"{source.id}:{line}: the sentence there states no figure, date, list or status "
            "the reader can read"
        )
    chosen = _choose(readings, offset - begin if col is not None else None)
    quote_start, quote_end = _trim(sentence_raw, chosen.span)
    quote = " ".join(sentence_raw[quote_start:quote_end].split())
    sentence = " ".join(sentence_raw.split())
    in_quote = [
        r
        for r in readings
        if r.kind == chosen.kind and quote_start <= r.span[0] and r.span[1] <= quote_end
    ]
    return Skeleton(
        _unique_id(sentence, chosen, existing_ids),
        sentence,
        chosen,
        quote,
        text.count("\n", 0, begin) + 1,
        pin_value=len(in_quote) > 1 and not _claim_picks(chosen, sentence, read(quote), quote),
    )


def _claim_picks(chosen: Reading, sentence: str, candidates: list[Reading], quote: str) -> bool:
    """Whether the check, given the claim's own value, period and words, picks `chosen` among
    the quote's figures without an evidence `value:` ("topped $94.8 billion in 2024, up $5.4
    billion": the claim's $94.8 billion picks the first)."""
    guide = Guide.of(chosen, sentence, [chosen], quote)
    picked, _why = choose_reading(candidates, chosen.kind, chosen.period, guide)
    return (
        picked is not None and picked.interval == chosen.interval and (picked.unit == chosen.unit)
    )


def _sentence_around(text: str, offset: int) -> tuple[int, int]:
    """The sentence holding `offset`, split as `scan` and `suggest` split it."""
    sentences = split_sentences("", text)
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.start, sentence.end
    following = [s for s in sentences if s.start >= offset]
    chosen = following[0] if following else sentences[-1] if sentences else None
    return (chosen.start, chosen.end) if chosen else (offset, offset)


def _choose(readings: list[Reading], at: int | None) -> Reading:
    if at is not None:
        here = [r for r in readings if r.span[1] > at]
        # a date at the place usually dates the figure that follows it ("In 2024, trade
        # reached ..."): the figure is the claim, the date its period
        figures = [r for r in here if r.kind != "date"]
        covering = [r for r in here if r.span[0] <= at and r.kind != "date"]
        if covering or figures:
            return (covering or figures)[0]
        if here:
            return here[0]
    return min(
        readings,
        key=lambda r: (_PREFERRED.index(r.kind) if r.kind in _PREFERRED else 9, r.span[0]),
    )


def _trim(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """The sentence, or a window of it around the figure, cut at word boundaries."""
    if len(sentence) <= MAX_QUOTE:
        return 0, len(sentence)
    middle = (span[0] + span[1]) // 2
    start = max(0, middle - MAX_QUOTE // 2)
    end = min(len(sentence), start + MAX_QUOTE)
    start = max(0, min(start, span[0]))
    while start > 0 and not sentence[start - 1].isspace():
        start += 1
    while end < len(sentence) and not sentence[end].isspace():
        end -= 1
    return start, max(end, span[1])


def _figure_text(r: Reading) -> str:
    if r.kind == "date" and r.interval is not None:
        return _days(r.interval) or " ".join(r.text.split())
    return " ".join(r.text.split())


def _period(r: Reading) -> str | None:
    if r.period is None or r.kind == "date":
        return None
    return _days(r.period)


def _days(days: Interval) -> str | None:
    """Days (inclusive ordinals) as a `value:` or `period:` reads them back: 2024, 2023-05,
    2025-06-17, 2025-06-16..2025-06-18 (the figure as written lacks the year a reader supplied
    from the source's date: "From June 16 to 18")."""
    try:
        first = dt.date.fromordinal(int(days.low))
        last = dt.date.fromordinal(int(days.high))
    except (ValueError, OverflowError):
        return None
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year) if first.year == last.year else f"{first.year}..{last.year}"
    if first == last:
        return first.isoformat()
    if first.day == 1 and (first.year, first.month) == (last.year, last.month):
        if (last + dt.timedelta(days=1)).day == 1:  # the whole month: written as 2023-05
            return f"{first.year:04d}-{first.month:02d}"
    return f"{first.isoformat()}..{last.isoformat()}"


def _unique_id(sentence: str, reading: Reading, existing: set[str]) -> str:
    words = [w.lower() for w in _WORD.findall(sentence) if w.lower() not in _STOP][:4]
    year = _period(reading)
    # the year alone names the period in an id ("...-2023", not "...-2023-05-01")
    base = "-".join([*words, *([year[:4]] if year else [])]) or reading.kind
    base = re.sub(r"[^\w-]+", "", base, flags=re.ASCII) or f"{reading.kind}-claim"
    claim_id, n = base, 2
    while claim_id in existing:
        claim_id, n = f"{base}-{n}", n + 1
    return claim_id
