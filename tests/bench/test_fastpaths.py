"""The speed-ups keep behaviour: fast paths agree with the general code they short-cut."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cca_claims.textnorm import _build_view, build_view

ASCII_TEXT = st.text(alphabet=st.sampled_from(list("ab -'\"`\t\n\r\x0b\x0c.,0")), max_size=30)


@settings(max_examples=400)
@given(ASCII_TEXT)
def test_ascii_fast_path_gives_the_general_view(text: str) -> None:
    assert build_view(text) == _build_view(text)


@given(st.text(max_size=30))
def test_any_text_gives_the_general_view(text: str) -> None:
    assert build_view(text) == _build_view(text)
