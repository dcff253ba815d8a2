"""The speed-ups keep behaviour: fast paths agree with the general code they short-cut."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cca_claims.textnorm import _ONE_TO_ONE, _build_view, _translate, build_view

_ONE_TO_ONE_CHARS = "".join(chr(c) for c in _ONE_TO_ONE)

ASCII_TEXT = st.text(alphabet=st.sampled_from(list("ab -'\"`\t\n\r\x0b\x0c.,0")), max_size=30)


@settings(max_examples=400)
@given(ASCII_TEXT)
def test_ascii_fast_path_gives_the_general_view(text: str) -> None:
    assert build_view(text) == _build_view(text)


@given(st.text(max_size=30))
def test_any_text_gives_the_general_view(text: str) -> None:
    assert build_view(text) == _build_view(text)


@given(st.text(alphabet=st.sampled_from(list(_ONE_TO_ONE_CHARS)) | st.characters(), max_size=40))
def test_translate_is_str_translate(text: str) -> None:
    assert _translate(text) == text.translate(_ONE_TO_ONE)


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from(list("ab \n\t–’\u00a0\u200b\ufb01x½")), max_size=40),
    st.data(),
)
def test_to_original_fast_path_maps_like_the_general_one(text: str, data: st.DataObject) -> None:
    view = build_view(text)
    n = len(view.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(0, n))
    assert view.to_original(start, end) == view._to_original(start, end)
