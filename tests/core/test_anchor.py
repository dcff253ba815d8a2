"""Anchoring quotes in the real seed sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from cca_claims.anchor import Anchorer
from cca_claims.sources import load_sources

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def anchorer():
    return Anchorer(load_sources(REPO / "sources", REPO).sources)


def test_exact_quote_with_straight_apostrophe_anchors_on_the_curly_original(anchorer):
    result = anchorer.anchor(
        "china-studies-center-astana-2025",
        "In 2024, China's total trade with Central Asian states exceeded $94.8 billion",
    )
    assert result.status == "exact"
    a = result.anchor
    assert (
        a.text
        == "In 2024, China\u2019s total trade with Central Asian states exceeded $94.8 billion"
    )
    assert (a.line, a.score, a.exact) == (7, 100.0, True)
    source = anchorer.sources["china-studies-center-astana-2025"].text
    assert source[a.start : a.end] == a.text
    assert a.prefix and source[a.start - len(a.prefix) : a.start] == a.prefix


def test_quote_edited_by_one_word_anchors_fuzzily_with_its_score(anchorer):
    result = anchorer.anchor(
        "baidarov-first-summit-2025",
        "In 2024, bilateral commerce reached $94.82 billion—up from $89.4 billion in 2023",
    )
    assert result.status == "fuzzy"
    assert 85 <= result.anchor.score < 100
    assert result.anchor.text.startswith("In 2024, bilateral trade reached $94.82 billion")


def test_missing_quote_names_the_closest_passage_and_line(anchorer):
    result = anchorer.anchor(
        "baidarov-first-summit-2025", "In 2024, bilateral trade reached $99 billion exactly"
    )
    assert result.status == "not-found" and result.anchor is None
    (closest,) = result.candidates
    assert closest.line == 19 and "bilateral trade reached" in closest.text


def test_repeated_quote_is_ambiguous_with_its_places(anchorer):
    result = anchorer.anchor(
        "astana-summit-agenda-2025", "China-Kyrgyzstan-Uzbekistan Railway Project"
    )
    assert result.status == "ambiguous"
    lines = [result.anchor.line] + [c.line for c in result.candidates]
    assert len(lines) >= 3 and lines == sorted(lines)


def test_unknown_source(anchorer):
    assert anchorer.anchor("no-such-source", "x").status == "no-source"


def test_fast_anchor_construction_is_the_dataclass() -> None:
    """The anchorer fills Anchor's fields directly; the result must be the real thing."""
    import pickle

    from cca_claims import anchor as anchor_mod
    from cca_claims.model import Anchor

    assert anchor_mod._DIRECT  # Anchor is a plain frozen dataclass: the shortcut is in use
    args = ("src", 3, 9, 1, 4, 92.5, False, "passage", "before ", " after")
    fast, real = anchor_mod._new_anchor(*args), Anchor(*args)
    assert type(fast) is Anchor and fast == real and hash(fast) == hash(real)
    assert list(vars(fast).items()) == list(vars(real).items())
    assert pickle.loads(pickle.dumps(fast)) == real


def test_line_index_without_carriage_returns_matches_the_general_one() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from cca_claims.textnorm import LineIndex

    @given(st.text(alphabet="ab \n\r", max_size=40), st.data())
    def check(text: str, data) -> None:
        index = LineIndex(text)
        # the same text with "\r" somewhere forces the regex path; compare on a "\r"-free text
        plain = text.replace("\r", "")
        fast, general = LineIndex(plain), LineIndex(plain + "\r")
        for offset in range(len(plain) + 1):
            assert fast.line_col(offset) == general.line_col(offset)
        offset = data.draw(st.integers(0, len(text)))
        line, col = index.line_col(offset)
        assert line >= 1 and col >= 1

    check()
