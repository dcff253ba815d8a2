"""The normalized search view and its map back to original offsets."""

from hypothesis import given
from hypothesis import strategies as st

from cca_claims.textnorm import LineIndex, build_view, normalize_text


def test_folds_quotes_dashes_and_spaces():
    text = "China\u2019s \u201ctrade\u201d\u00a0grew \u2014 by 35%\n\n  overall"
    assert normalize_text(text) == 'China\'s "trade" grew - by 35% overall'


def test_nfkc_expansion_maps_back_to_the_ligature():
    text = "e\ufb01x done"  # the 'fi' ligature expands to two characters
    view = build_view(text)
    assert view.text == "efix done"
    start = view.text.index("fix")
    assert view.to_original(start, start + 3) == (1, 3)


def test_span_after_collapsed_whitespace_points_at_original_bytes():
    text = "In  2024,\n\ntrade \u2013 reached $94.82 billion"
    view = build_view(text)
    needle = "trade - reached $94.82 billion"
    at = view.text.index(needle)
    start, end = view.to_original(at, at + len(needle))
    assert text[start:end] == "trade \u2013 reached $94.82 billion"


def test_zero_width_characters_are_dropped():
    view = build_view("tr\u200bade")
    assert view.text == "trade"
    assert view.to_original(0, 5) == (0, 6)


def test_line_index_is_one_based():
    text = "first\nsecond line\r\nthird"
    index = LineIndex(text)
    assert index.line_col(0) == (1, 1)
    assert index.line_col(text.index("line")) == (2, 8)
    assert index.line_col(text.index("third")) == (3, 1)


_chars = st.sampled_from(list("ab \n\t\u00a0\u2019\u201c\u2014\ufb01\u200b\u3000xyz.,") + ["  "])


@given(st.lists(_chars, max_size=60).map("".join))
def test_every_view_span_maps_inside_the_original(text):
    view = build_view(text)
    n = len(view.text)
    for i in range(0, n + 1, max(1, n // 7)):
        for j in range(i, n + 1, max(1, n // 5)):
            start, end = view.to_original(i, j)
            assert 0 <= start <= end <= len(text)


@given(st.text(alphabet=st.sampled_from(list("abc ,.-")), min_size=1, max_size=40))
def test_plain_ascii_without_double_spaces_is_unchanged(text):
    text = " ".join(text.split(" "))
    if "  " in text:
        return
    assert normalize_text(text) == text
