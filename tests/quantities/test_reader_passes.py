"""The reader's passes (quantities/reader.py), one at a time, and the list of them as a whole.

Each test runs the passes up to the one it is about on a real sentence and looks at what that
pass added; the last ones check that running the list is the reader.
"""

from __future__ import annotations

import datetime as dt

from cca_claims.quantities import ReadContext, read_values
from cca_claims.quantities.reader import (
    PASSES,
    Passage,
    assemble_values,
    attach_periods,
    convert_money,
    cut_tokens,
    make_readings,
    mask_taken_tokens,
    read_dates,
    read_passage,
    skip_addresses,
)

CTX = ReadContext()
SENTENCE = (
    "See https://stat.gov.kz/2024/05/12 or call +7 717 274 0000: in 2024 trade reached "
    "5 million tenge, up from $89.4 billion."
)


def _upto(stop, text: str = SENTENCE, ctx: ReadContext = CTX) -> Passage:
    """The passage after every pass before `stop`."""
    p = Passage(text, ctx)
    for run in PASSES:
        if run is stop:
            return p
        p = run(p)
    raise AssertionError(f"{stop.__name__} is not in PASSES")


def _spanned(text: str, spans) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_cut_tokens_gives_digit_runs_letter_runs_and_single_symbols():
    p = cut_tokens(Passage("US$94.82 billion", CTX))
    assert [(t.kind, t.text) for t in p.toks] == [
        ("word", "US"),
        ("sym", "$"),
        ("num", "94"),
        ("sym", "."),
        ("num", "82"),
        ("word", "billion"),
    ]
    assert [t.glued for t in p.toks] == [False, True, True, True, True, False]


def test_skip_addresses_takes_web_addresses_and_long_phone_numbers():
    p = skip_addresses(_upto(skip_addresses))
    assert _spanned(SENTENCE, p.skip) == ["https://stat.gov.kz/2024/05/12", "+7 717 274 0000"]


def test_a_short_plus_figure_is_not_a_phone_number():
    text = "Exports grew +5 15 30 per cent in three years."
    p = skip_addresses(_upto(skip_addresses, text))
    assert p.skip == ()


def test_read_dates_finds_the_year_but_not_the_numbers_of_an_address():
    p = read_dates(_upto(read_dates))
    assert [(d.kind, d.text, d.granularity) for d in p.dates] == [("date", "2024", "year")]
    assert _spanned(SENTENCE, [d.span for d in p.dates]) == ["2024"]


def test_mask_taken_tokens_covers_dates_and_addresses_only():
    p = mask_taken_tokens(_upto(mask_taken_tokens))
    taken = " ".join(p.toks[k].text for k in sorted(p.masked))
    assert "2024" in taken and "717" in taken and "stat" in taken
    assert not {"5", "million", "tenge", "89", "4"} & {p.toks[k].text for k in p.masked}


def test_assemble_values_reads_only_what_no_earlier_pass_took():
    p = assemble_values(_upto(assemble_values))
    assert [" ".join(t.text for t in p.toks[e.first : e.last + 1]) for e in p.exprs] == [
        "5 million tenge",
        "$ 89 . 4 billion",
    ]
    # without the mask, the year and the phone number's groups would be read as values too
    bare = assemble_values(cut_tokens(Passage(SENTENCE, CTX)))
    assert len(bare.exprs) > len(p.exprs)


def test_make_readings_gives_each_expression_its_kind_unit_and_interval():
    p = make_readings(_upto(make_readings))
    assert [(r.kind, r.unit, r.text) for r in p.values] == [
        ("money", "KZT", "5 million tenge"),
        ("money", "USD", "$89.4 billion"),
    ]
    dollars = p.values[1]
    # written to a tenth of a billion: half a unit of the last digit either side
    assert (dollars.interval.low, dollars.interval.high) == (89.35e9, 89.45e9)


def test_attach_periods_gives_a_value_the_year_of_its_clause_and_not_past_a_contrast():
    p = attach_periods(_upto(attach_periods))
    year = p.dates[0].interval
    tenge, dollars = p.values
    assert tenge.period == year
    assert dollars.period is None  # "up from $89.4 billion": not 2024's


def test_convert_money_converts_with_the_rates_of_the_period():
    before = _upto(convert_money)
    p = convert_money(before)
    tenge = p.values[0]
    assert before.values[0].unit == "KZT" and tenge.unit == "USD"
    (conv,) = tenge.conversions
    assert (conv.from_unit, conv.date_from, conv.date_to) == ("KZT", "2024-01-01", "2024-12-31")
    assert 8_000 < tenge.interval.low < tenge.interval.high < 13_000


def test_a_pass_that_finds_nothing_returns_the_passage_it_was_given():
    p = cut_tokens(Passage("The treaty was signed at the summit.", CTX))
    for run in PASSES[1:]:
        assert run(p) is p


def test_the_passes_in_order_are_the_reader():
    texts = [
        SENTENCE,
        "Between 2013 and 2023 trade grew from $5.1 billion to about 9 billion US dollars.",
        "Some 1,200 students (about 40%) study in 15 universities as of June 2025.",
    ]
    ctx = ReadContext(reference_date=dt.date(2025, 9, 1))
    for text in texts:
        assert read_passage(text, ctx).readings() == read_values(text, ctx)
