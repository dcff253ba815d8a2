"""The reader's fast paths agree with the general paths they shortcut, on random news-like text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cca_claims.quantities.context import ReadContext
from cca_claims.quantities.dates import _find_dates
from cca_claims.quantities.statuses import _FOLD_TO_ASCII

# Words that make date patterns match, nearly match, or share letters with month names
# ("market", "Mayor", "decade", "novel", "ſept" folds to "sept" only under re.IGNORECASE).
WORDS = (
    "In on by since until from to and the of early mid late end beginning over past last next "
    "this year month decade years months yesterday tomorrow Monday Thursday Tuesday, quarter "
    "half first Q1 H2 May may March market Mayor decade novel Dec. Sept ſept JUNE jun. 17 16 "
    "5th 30 2 2025 2023 2012 13 1960s 2000 2100 1899 2025-06-17 2025-06 – - — , . : $ % km "
    "trains $1.5 billion 3,000 the 1990s between through up prior as of at 40"
).split()

text_st = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), min_size=0, max_size=30
).map(lambda ws: " ".join(ws))
gap_st = st.lists(st.sampled_from(WORDS), max_size=25).flatmap(
    lambda ws: st.lists(
        st.sampled_from([" ", "", "  ", "\n", ", "]), min_size=len(ws), max_size=len(ws)
    ).map(lambda gaps: "".join(w + g for w, g in zip(ws, gaps)))
)
refs = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 1, 1)))


def _same(text: str, ref: dt.date | None) -> None:
    ctx = ReadContext(reference_date=ref)
    assert _find_dates(text, ctx, prefilter=True) == _find_dates(text, ctx, prefilter=False)


@settings(max_examples=300)
@given(text=text_st, ref=refs)
def test_date_prefilter_agrees_on_words(text: str, ref: dt.date | None) -> None:
    _same(text, ref)


@settings(max_examples=300)
@given(text=gap_st, ref=refs)
def test_date_prefilter_agrees_on_glued_words(text: str, ref: dt.date | None) -> None:
    _same(text, ref)


def test_date_prefilter_agrees_on_the_seed_corpus() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "sources"
    ctx = ReadContext(reference_date=dt.date(2025, 6, 17))
    for path in sorted(root.glob("*.txt"))[:20]:
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            assert _find_dates(para, ctx, prefilter=True) == _find_dates(para, ctx, prefilter=False)


@settings(max_examples=500)
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(
                ["Jan", "fEB", "mAr", "ſep", "SEP", "oct", "No", "v", "De", "c", "may"]
            ),
            st.text(alphabet="abcdefjmnoprstuvyJMNOSDAFſKé ", max_size=6),
        ),
        max_size=12,
    ).map("".join)
)
def test_month_test_is_the_month_regex(text: str) -> None:
    from cca_claims.quantities.datewords import _MONTH_NEED, names_a_month

    assert names_a_month(text) == (_MONTH_NEED.search(text) is not None)


VALUE_WORDS = (
    "$ US$ NZD $ € £ ¥ Rs Rp RM KD USD usd MUSD EUR RMB yuan tenge som one two twenty-five a an "
    "hundred dozen half quarter nought naught ½ ¾ . , - − minus negative million bn billion k "
    "km kg tonnes per cent percent % trains agreements 5 3.5 1,200 12 0.5 2025 about over up to "
    "nearly some at the projects S A R s a r in : 7 4"
).split()
value_text = st.lists(
    st.one_of(st.sampled_from(VALUE_WORDS), st.text(alphabet="$€.,5aS ", max_size=3)),
    max_size=25,
).flatmap(
    lambda ws: st.lists(st.sampled_from([" ", "", " "]), min_size=len(ws), max_size=len(ws)).map(
        lambda gaps: "".join(w + g for w, g in zip(ws, gaps))
    )
)


@settings(max_examples=400)
@given(text=value_text)
def test_scanner_skip_of_quiet_tokens_changes_nothing(text: str) -> None:
    from cca_claims.quantities.context import DEFAULT_CONTEXT
    from cca_claims.quantities.scanner import scan
    from cca_claims.quantities.tokens import TokenStream

    fast = scan(TokenStream(text, DEFAULT_CONTEXT))
    general = scan(TokenStream(text, DEFAULT_CONTEXT), skip_quiet=False)
    assert fast == general


def _clause_bounds_by_char(text: str, stops: str) -> list[int]:
    """The clause cuts as first written: a loop over the characters."""
    cuts = [0]
    for k, c in enumerate(text):
        if c in stops or (c in ".!?" and (k + 1 == len(text) or text[k + 1].isspace())):
            cuts.append(k + 1)
    cuts.append(len(text) + 1)
    return cuts


@settings(max_examples=400)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("ab .!?;—\n\t\u00a0\u2009\u3000\x1c-,")), max_size=40
    )
)
def test_clause_and_sentence_cuts_match_the_character_loop(text: str) -> None:
    from cca_claims.quantities.periods import _clause_bounds, _sentence_bounds

    assert _clause_bounds(text) == _clause_bounds_by_char(text, ";—\n")
    assert _sentence_bounds(text) == _clause_bounds_by_char(text, "\n")


def _matches(pattern, text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def _same_matches(text: str) -> None:
    from cca_claims.quantities.datewords import PATTERNS, WRITTEN

    for (name, written), (_, quick) in zip(WRITTEN, PATTERNS):
        assert _matches(quick, text) == _matches(written.compiled(), text), name


@settings(max_examples=300)
@given(text=text_st)
def test_quick_date_patterns_match_as_written_on_words(text: str) -> None:
    _same_matches(text)


@settings(max_examples=300)
@given(text=gap_st)
def test_quick_date_patterns_match_as_written_on_glued_words(text: str) -> None:
    _same_matches(text)


@settings(max_examples=300)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("JjUuNnEeMmAaRrYySsPpTtOoCcDdVvLlGgIiBbFfHhWw ſKı1290٣,.-–")),
        max_size=30,
    )
)
def test_quick_date_patterns_match_as_written_on_letters(text: str) -> None:
    _same_matches(text)


def test_quick_date_patterns_match_as_written_on_the_seed_corpus() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "sources"
    for path in sorted(root.glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            _same_matches(para)


@settings(max_examples=500)
@given(text=st.one_of(text_st, gap_st))
def test_quick_date_prefix_finds_as_written(text: str) -> None:
    from cca_claims.quantities.datewords import PREFIX, PREFIX_WRITTEN

    for end in range(len(text) + 1):
        window = text[max(0, end - 40) : end]
        quick, written = PREFIX.search(window), PREFIX_WRITTEN.search(window)
        assert (quick and (quick.span(), quick.groupdict())) == (
            written and (written.span(), written.groupdict())
        )


def _regex_phrases() -> list:
    from cca_claims.quantities.statuses import _status_table

    return [pat for pat, *_ in _status_table()[1] if pat.head is None]


@pytest.mark.parametrize("index", range(len(_regex_phrases())))
def test_status_phrases_skipped_by_their_words_miss_no_match(index: int) -> None:
    """A regex phrase skipped for an ASCII passage without its words (`ascii_needs`) finds the
    same matches as the phrase run on it: on passages that hold a match, in any case, glued to
    anything."""
    pat = _regex_phrases()[index]
    ascii_chars = st.characters(max_codepoint=127)
    # a phrase in Cyrillic has no ASCII match: its passages are not ASCII, and are never skipped
    chars = ascii_chars if pat.source.isascii() else st.characters()

    @settings(max_examples=25, deadline=None)
    @given(
        text=st.tuples(
            st.text(ascii_chars, max_size=8),
            st.from_regex(pat.compiled, alphabet=chars),
            st.sampled_from(["", " ", "SİGNED ", "ſigned ", "\u212a "]),
        ).map("".join)
    )
    def run(text: str) -> None:
        lowered = text.lower().translate(_FOLD_TO_ASCII)
        assert [m.span() for m in pat.finditer(text, lowered)] == [
            m.span() for m in pat.compiled.finditer(text)
        ]

    run()


def test_status_readings_with_skipped_phrases_on_the_seed_corpus() -> None:
    from pathlib import Path

    from cca_claims.quantities.statuses import _status_table

    root = Path(__file__).resolve().parents[2] / "sources"
    phrases = [pat for pat, *_ in _status_table()[1]]
    for path in sorted(root.glob("*.txt")):
        for text in path.read_text(encoding="utf-8").split("\n\n"):
            lowered = text.lower().translate(_FOLD_TO_ASCII)
            for pat in phrases:
                assert [m.span() for m in pat.finditer(text, lowered)] == [
                    m.span() for m in pat.compiled.finditer(text)
                ] or pat.head is not None  # a plain phrase's own skip is tested elsewhere


@settings(max_examples=500)
@given(text=st.one_of(st.text(max_size=30), text_st))
def test_tokens_kinds_as_first_written(text: str) -> None:
    import re

    from cca_claims.quantities.tokens import tokenize

    first = []
    prev_end = -1
    for m in re.finditer(r"\d+|[^\W\d_]+|\S", text):
        s, (start, end) = m.group(), m.span()
        kind = "num" if s.isdecimal() else "word" if s[0].isalpha() else "sym"
        first.append((kind, s, start, end, s.lower(), start == prev_end))
        prev_end = end
    assert [tuple(t) for t in tokenize(text)] == first


@settings(max_examples=500)
@given(text=st.one_of(st.text(alphabet="wW.:/+ 1-x", max_size=30), text_st))
def test_address_skip_as_without_its_test(text: str) -> None:
    from cca_claims.quantities.reader import _PHONE_RE, _URL_RE, Passage, skip_addresses

    urls = [m.span() for m in _URL_RE.finditer(text)]
    phones = [
        m.span() for m in _PHONE_RE.finditer(text) if sum(c.isdigit() for c in m.group()) >= 8
    ]
    assert skip_addresses(Passage(text, ReadContext())).skip == (*urls, *phones)
