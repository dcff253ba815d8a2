"""The reader's two leaf modules: `tokens` (tokens, the figure record and the token stream the
value pass reads) and `spellings` (the form two spellings of one name share)."""

from __future__ import annotations

import pytest

from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.spellings import normalize_label
from cca_claims.quantities.tokens import TokenStream, gap_text, int_figure, tokenize


def test_tokens_cut_any_script_and_say_what_is_glued():
    text = "94,8 млрд тенге"
    toks = tokenize(text)
    assert [(t.kind, t.text, t.glued) for t in toks] == [
        ("num", "94", False),
        ("sym", ",", True),
        ("num", "8", True),
        ("word", "млрд", False),
        ("word", "тенге", False),
    ]
    assert [text[t.start : t.end] for t in toks] == [t.text for t in toks]
    assert gap_text(text, toks[2], toks[3]) == " "


def test_a_token_stream_answers_for_any_index_and_knows_what_is_taken():
    s = TokenStream("Trade hit $5 bn in 2024", ReadContext(yen_means="JPY"), masked=frozenset({6}))
    assert s.n == 7 and s.ctx.yen_means == "JPY"
    assert s.tok(2).text == "$" and s.tok(7) is None and s.tok(-1) is None
    assert (s.low(0), s.low(4), s.low(7), s.low(-1)) == ("trade", "bn", "", "")
    assert [s.free(k) for k in (-1, 0, 5, 6, 7)] == [False, True, True, False, False]


def test_a_token_stream_keeps_the_tokens_it_is_given():
    given = tuple(tokenize("5 km"))[:1]  # the reader hands over the tokens it cut
    s = TokenStream("5 km", toks=given)
    assert s.toks is given and s.n == 1 and s.tok(1) is None
    assert [t.text for t in TokenStream("5 km").toks] == ["5", "km"]


def test_superscript_digits_are_symbols_not_numbers():
    assert [t.kind for t in tokenize("10⁹")] == ["num", "sym"]


@pytest.mark.parametrize(
    ("written", "half_unit"),
    [("420", 5.0), ("400", 50.0), ("7", 0.5), ("1000", 500.0)],
)
def test_an_integer_figure_keeps_its_written_precision(written, half_unit):
    fig = int_figure(written, 3, 3)
    assert (fig.value, fig.half_unit, fig.integer) == (float(written), half_unit, True)


def test_a_magnitude_word_scales_value_and_precision():
    fig = int_figure("420", 0, 0).scaled(1e6, 1, "million")
    assert (fig.value, fig.half_unit, fig.last, fig.integer) == (420e6, 5e6, 1, False)
    assert (fig.magnitude, fig.magnitude_text) == (1e6, "million")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The Programme of Good-Neighbourliness & Co-operation",
            "program of good neighborliness and co operation",
        ),
        ("Xi'an Centre", "xian center"),
        ("Organisation for Economic Co-operation", "organization for economic co operation"),
        ("Ağa Khan Fund", "aga khan fund"),
        ("the Four Seasons", "four seasons"),  # "four" is not a British "for"
    ],
)
def test_normalize_label_unifies_spelling_case_punctuation_and_articles(a, b):
    assert normalize_label(a) == b
