"""The value reader: every figure a passage states, normalized to an interval in a canonical unit.

Public API (others code against these names):

* `read_values(text, ctx)`: every value in a passage, in text order, with spans.
* `unread_figures(text, ctx)`: the figures of a passage the reader could not read, and why.
* `parse_value(text, ctx, kind)`: a claim's or evidence's explicit `value:`.
* `choose_reading(candidates, kind, period)`: the value a quote means, or why it is ambiguous.
* `value_in_quote(value, quote_readings)`: whether an explicit value appears in its quote.
* `usd_rate(currency, days)`: the USD rate range over a period, with provenance.
* `ValueReadError`: raised by `parse_value` on unreadable input (`.message`, `.hint`, `.offset`).

Modules (none imports this package, only its siblings, and none imports back what imports it):
`tokens` (tokens, the figure record, the `TokenStream` the value pass reads), `powers`
("1.5×10⁹", "8x2^10"), `numbers` (digit figures, number-word tables), `numwords` (figures in
words), `fractions` (3/4, ½, "five point five"), `lexicon` (qualifier and connector words),
`units`/`money` (unit and currency tables), `pintunits` (pint for conversion and scientific unit
symbols; its answers kept by `unitmemo`), `datacues` (when "b" is bits, "degrees" a temperature),
`expression` (the value expression the reader assembles), `scanner` (the value walk: one
expression per figure) and the phrase modules it calls, functions over one `TokenStream`:
`money_phrases` (currency prefixes and suffixes), `suffixes` (units, currency signs and counted
nouns after a figure), `shares` (one in five, one over three, more than half), `figures` (the
figure at a token and its magnitude words) and `compound` (ranges, qualifiers, split amounts),
`make_reading` (expression -> Reading), `reader` (the list of
passes: tokens, addresses, dates, values, periods, money), `dates`, `datematch`, `datewords` (dates and periods
as days), `periods` (dates and FX for read values), `spellings` (a name's normal form), `labels`
(sets and names), `places` (countries), `statuses` (project statuses), `enumerations` (sets listed
in prose), `lang` (other languages through an English view), `fx` (USD rates), `quote_value`
(which value a quote means), `value_field` (a claim's explicit `value:`).
"""

from __future__ import annotations

from cca_claims.model import Reading
from cca_claims.quantities.context import DEFAULT_CONTEXT, ReadContext
from cca_claims.quantities.fx import NoRate, usd_rate
from cca_claims.quantities.lang import Unread
from cca_claims.quantities.quote_value import choose_reading, value_in_quote
from cca_claims.quantities.value_field import ValueReadError, parse_value

__all__ = [
    "DEFAULT_CONTEXT",
    "NoRate",
    "ReadContext",
    "Reading",
    "ValueReadError",
    "choose_reading",
    "parse_value",
    "read_values",
    "unread_figures",
    "usd_rate",
    "value_in_quote",
]


def read_values(text: str, ctx: ReadContext = DEFAULT_CONTEXT) -> list[Reading]:
    """Every value stated in `text`, in text order, with spans into `text`.

    Money, quantity, count, percent and date readings (dates via `dates.find_dates`). Numbers
    inside date phrases are not read again. Never raises on any input: an unreadable text gives
    an empty list.
    """
    from cca_claims.quantities.reader import read_text

    try:
        return read_text(text, ctx)
    except Exception:  # noqa: BLE001 - a reader must never break a check run
        return []


def unread_figures(text: str, ctx: ReadContext) -> list[Unread]:
    """The figures of `text` the reader could not read (see `lang.split_unread`); never raises."""
    from cca_claims.quantities.reader import read_as_written, read_text_and_unread

    try:
        if isinstance(text, str) and read_as_written(text, ctx):
            return []  # what read_text_and_unread says, without reading the passage
        return read_text_and_unread(text, ctx)[1]
    except Exception:  # noqa: BLE001 - a notice must never break a run
        return []
