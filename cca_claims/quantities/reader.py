"""Read every value a passage states: money, quantities, counts, percents and dates.

The reader is the list of passes below, run in order over one `Passage`: each pass takes the
passage as the passes before it left it (its tokens, the spans and tokens already taken, the
readings so far) and returns a new one. Read them top to bottom:

    PASSES = (
        cut_tokens,           cut the text into tokens (numbers.tokenize; linear regex)
        skip_addresses,       web addresses and phone numbers are not values
        read_dates,           date phrases first (dates.find_dates): "June 16-17, 2025"
        mask_taken_tokens,    the tokens of those spans are never read as numbers again
        assemble_values,      the value pass (scanner.scan): one expression per figure
        make_readings,        each expression as a Reading: money, quantity, count, percent
        attach_periods,       the period a value is stated for ("$5bn in 2024")
        convert_money,        USD rates for money read with a period (fx)
    )

A passage in Russian, Kazakh, Uzbek or Chinese is read through its English view (`lang`,
`lang_cyrl`, `lang_zh`: "94,8 млрд долларов" is read as "94.8 billion dollars"), and each
reading's span is mapped back to the passage; a figure followed by a word no lexicon reads is
not read (`lang.split_unread`), and `read_text_and_unread` says which. Every pass looks at a
bounded number of tokens per token, so the reader runs in linear time on any input.
"""

from __future__ import annotations

import operator
import re
from typing import NamedTuple

import cca_claims.quantities.periods as periods
from cca_claims.model import Reading
from cca_claims.quantities.context import DEFAULT_CONTEXT, ReadContext
from cca_claims.quantities.dates import find_dates
from cca_claims.quantities.expression import Expr
from cca_claims.quantities.lang import Unread, english_view, language_of, split_unread
from cca_claims.quantities.make_reading import to_reading
from cca_claims.quantities.numbers import Token, tokenize
from cca_claims.quantities.scanner import scan
from cca_claims.quantities.tokens import TokenStream

Span = tuple[int, int]


class Passage(NamedTuple):
    """What one pass hands the next: the text and what has been read of it so far.

    A named tuple, not a frozen dataclass, and a pass that finds nothing returns the passage it
    was given: with a new frozen dataclass out of every pass the reader was a fifth slower."""

    text: str
    ctx: ReadContext
    toks: tuple[Token, ...] = ()
    skip: tuple[Span, ...] = ()  # character spans that hold no value (addresses)
    dates: tuple[Reading, ...] = ()
    masked: frozenset[int] = frozenset()  # tokens a value may not use (dates, addresses)
    exprs: tuple[Expr, ...] = ()  # value expressions assembled from the free tokens
    values: tuple[Reading, ...] = ()  # money, quantities, counts, percents

    def readings(self) -> list[Reading]:
        """Values and dates, in text order."""
        out = [*self.values, *self.dates]
        out.sort(key=lambda r: (r.span or (0, 0))[0])
        return out


def cut_tokens(p: Passage) -> Passage:
    """The passage cut into tokens (digit runs, letter runs, single other characters)."""
    return p._replace(toks=tuple(tokenize(p.text)))


_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
# An international phone number: "+", a country code, then two or more digit groups joined by
# one space, dash, dot or slash ("+86 10 6532 1234", "+1-222-2222-2222").
_PHONE_RE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ \-./]\(?\d{1,5}\)?){2,}(?![\w.,]\d)")


def skip_addresses(p: Passage) -> Passage:
    """Web addresses and phone numbers (eight digits or more): their numbers are not values."""
    text = p.text
    # a web address holds "://" or "www." (any case: only "W" lowers to "w"), a phone number "+"
    urls = (
        [m.span() for m in _URL_RE.finditer(text)]
        if "://" in text or "www." in text.lower()
        else []
    )
    phones = (
        [m.span() for m in _PHONE_RE.finditer(text) if sum(c.isdigit() for c in m.group()) >= 8]
        if "+" in text
        else []
    )
    if not urls and not phones:
        return p
    return p._replace(skip=(*p.skip, *urls, *phones))


def read_dates(p: Passage) -> Passage:
    """The dates and periods of the passage, outside the skipped spans (see `dates`)."""
    found = [
        d
        for d in _find_dates(p.text, p.ctx)
        if d.span is not None and not any(a <= d.span[0] < b for a, b in p.skip)
    ]
    if not found:
        return p
    return p._replace(dates=(*p.dates, *found))


def _find_dates(text: str, ctx: ReadContext) -> list[Reading]:
    try:
        return list(find_dates(text, ctx))
    except Exception:  # noqa: BLE001 - a date reader that fails still leaves the numbers read
        return []


def mask_taken_tokens(p: Passage) -> Passage:
    """The tokens that overlap a date or a skipped span: no value is read from them."""
    spans = [d.span for d in p.dates if d.span is not None] + list(p.skip)
    if not spans:
        return p
    masked = set(p.masked)
    for k, t in enumerate(p.toks):
        for a, b in spans:
            if t.start < b and t.end > a:
                masked.add(k)
                break
    return p._replace(masked=frozenset(masked))


def assemble_values(p: Passage) -> Passage:
    """The value pass: one expression per value, from the tokens no pass took (see `scanner`)."""
    found = scan(TokenStream(p.text, p.ctx, p.toks, p.masked))
    if not found:
        return p
    return p._replace(exprs=(*p.exprs, *found))


def make_readings(p: Passage) -> Passage:
    """Each expression as a `Reading` in its canonical unit (see `make_reading`); a bare year
    the date reader did not take is no reading."""
    if not p.exprs:
        return p
    found = [to_reading(e, p.toks, p.text, p.ctx) for e in p.exprs]
    return p._replace(values=(*p.values, *(r for r in found if r is not None)))


def attach_periods(p: Passage) -> Passage:
    """The period each value is stated for, from the dates next to it (see `periods`)."""
    if not p.values or not p.dates:
        return p
    values = periods.attach_periods(p.text, list(p.values), list(p.dates))
    return p._replace(values=tuple(values))


def convert_money(p: Passage) -> Passage:
    """Money with a period gets its USD conversion at that period's rates (see `periods`)."""
    if not p.values:
        return p
    values = tuple([periods.convert_money(r, p.ctx) for r in p.values])
    if all(map(operator.is_, values, p.values)):
        return p
    return p._replace(values=values)


PASSES = (
    cut_tokens,
    skip_addresses,
    read_dates,
    mask_taken_tokens,
    assemble_values,
    make_readings,
    attach_periods,
    convert_money,
)


def read_passage(text: str, ctx: ReadContext) -> Passage:
    """`text` after every pass of `PASSES`, in order."""
    p = Passage(text, ctx)
    for run in PASSES:
        p = run(p)
    return p


def read_text(text: str, ctx: ReadContext = DEFAULT_CONTEXT) -> list[Reading]:
    """Every value stated in `text`, in text order (see `cca_claims.quantities.read_values`)."""
    if not isinstance(text, str) or not text.strip():
        return []
    return read_text_and_unread(text, ctx)[0]


def read_text_and_unread(
    text: str, ctx: ReadContext = DEFAULT_CONTEXT
) -> tuple[list[Reading], list[Unread]]:
    """The values of `text`, and the figures in it that could not be read (`lang.Unread`).

    A passage in a language the reader has a lexicon for is read through its English view
    (`lang.english_view`); every reading's span and text are then those of the passage.
    """
    if not isinstance(text, str) or not text.strip():
        return [], []
    if read_as_written(text, ctx):
        return _read_english(text, ctx), []
    language = language_of(text, ctx.language)
    view = english_view(text, language)
    if view is None:
        readings = _read_english(text, ctx)
    else:
        readings = [view.reading_in_original(r) for r in _read_english(view.text, ctx)]
    return split_unread(text, readings, language)


def read_as_written(text: str, ctx: ReadContext) -> bool:
    """Whether `text` is read as it is written (ASCII, in English or no language given): no
    figure of it is then left unread (`read_text_and_unread`)."""
    return text.isascii() and ctx.language in ("", "en")


def _read_english(text: str, ctx: ReadContext) -> list[Reading]:
    return read_passage(text, ctx).readings()
