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
