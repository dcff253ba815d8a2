"""Issue 12's input handling at the unit level: digit forms in the search view, invisible
characters inside figures, hidden line breaks in YAML, the quote cap and long quotes, the
baseline reader's limits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cca_claims import baseline
from cca_claims.anchor import PROBE_CHARS, Anchorer
from cca_claims.baseline import BaselineError, read_baseline
from cca_claims.model import Source, SourceMeta
from cca_claims.textnorm import build_view, drop_invisible_in_figures
from cca_claims.yamltext import hidden_line_break


def source(text: str) -> Source:
    return Source(SourceMeta("s", "s.txt"), text, build_view(text))


# ----------------------------------------------------------------- digit forms
@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("10\u2076 tonnes", "10\u2076 tonnes"),  # next to a figure: kept
        ("1\u00bd years", "1\u00bd years"),
        ("x\u00b2\u00b3", "x\u00b2\u00b3"),  # each is next to a digit form
        ("3,300 km\u00b2 of land", "3,300 km2 of land"),  # alone: folded as before
        ("\u00bd of it", "1\u20442 of it"),
        ("\uff11\uff12 units", "12 units"),  # full-width digits are the same digits
        ("CO\u2082 output", "CO2 output"),
    ],
)
def test_digit_forms_fold_only_where_they_cannot_join_a_figure(text: str, view: str) -> None:
    assert build_view(text).text == view


def test_kept_digit_form_keeps_the_offset_map() -> None:
    text = "\u2003Freight: 10\u2076 tonnes \ufb01nal"
    v = build_view(text)
    at = v.text.index("10\u2076 tonnes")
    start, end = v.to_original(at, at + len("10\u2076 tonnes"))
    assert text[start:end] == "10\u2076 tonnes"


# ----------------------------------------------------------------- invisible characters
@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("$2\u200b5 billion", "$25 billion"),
        ("1\u00ad000 tonnes", "1000 tonnes"),
        ("25\u2060% more", "25% more"),
        ("$\ufeff25", "$25"),
        ("94.\u200d8", "94.8"),
        ("Tehr\u200can 5", "Tehr\u200can 5"),  # a joiner inside a word is spelling: kept
        ("the \u200b5 ships", "the \u200b5 ships"),  # not inside a figure
    ],
)
def test_invisible_characters_inside_a_figure_are_dropped(text: str, clean: str) -> None:
    assert drop_invisible_in_figures(text) == clean


# ----------------------------------------------------------------- hidden line breaks
@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("a: 1 # x\u2028b: 2\n", 1, 9),
        ("a: 1\r\nb: 2\r\n# \u2029c: 3\n", 3, 3),  # CRLF is one break
        ("a: 1\rb: 2\r# \u0085c\n", 3, 3),  # a lone CR is a break for editors too
        ("a: \u00e9\u00e9 \u2028", 1, 7),  # columns count characters, not bytes
    ],
)
def test_hidden_line_break_is_placed_as_an_editor_shows_it(text: str, line: int, col: int):
    found = hidden_line_break(text)
    assert found is not None and (found.line, found.col) == (line, col)
    assert found.code == "hidden-line-break" and found.hint


def test_text_without_hidden_breaks_passes() -> None:
    assert hidden_line_break("a: 1\r\nb: [x, y]\n# a comment\n") is None


# ----------------------------------------------------------------- quote cap and long quotes
def test_quote_over_the_cap_is_not_searched() -> None:
    text = "Trade grew. " * 50
    anchorer = Anchorer({"s": source(text)}, max_quote_chars=100)
    assert anchorer.anchor("s", text[:101]).status == "too-long"
    assert anchorer.anchor("s", text[:100].strip()).status in ("exact", "ambiguous")


def _text(words: int, seed: int) -> str:
    import random

    vocabulary = "rail gas road grain freight border transit customs summit trade".split()
    rnd = random.Random(seed)
    return " ".join(
        rnd.choice(vocabulary) if rnd.random() < 0.85 else str(rnd.randint(1, 999))
        for _ in range(words)
    )


@pytest.mark.parametrize("length", [PROBE_CHARS + 50, 1_200])
@pytest.mark.parametrize("size", [12_000, 90_000])  # whole-view and windowed searches
def test_long_edited_quote_is_anchored_at_its_passage(length: int, size: int) -> None:
    text = _text(size // 6, 7)
    start = text.index(" ", len(text) // 2) + 1
    end = text.index(" ", start + length)
    words = text[start:end].split(" ")
    words[len(words) // 3] = "changed"
    found = Anchorer({"s": source(text)}).anchor("s", " ".join(words))
    assert found.status == "fuzzy" and found.anchor is not None
    assert abs(found.anchor.start - start) <= 12 and abs(found.anchor.end - end) <= 12


def test_long_quote_from_elsewhere_is_not_found_with_a_closest_passage() -> None:
    found = Anchorer({"s": source(_text(3_000, 1))}).anchor("s", _text(300, 2))
    assert found.status == "not-found"
    assert found.candidates and found.candidates[0].score < 85


# ----------------------------------------------------------------- baseline
def test_deep_baseline_is_a_baseline_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(BaselineError, match="nested too deeply"):
        read_baseline(path)


def test_oversized_baseline_is_refused_from_its_size(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(baseline, "MAX_BASELINE_BYTES", 100)
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"findings": [{"fingerprint": "x" * 200}]}))
    with pytest.raises(BaselineError, match="larger than"):
        read_baseline(path)
    path.write_text(json.dumps({"findings": [{"fingerprint": "abc"}]}))
    assert read_baseline(path) == frozenset({"abc"})


def test_baseline_that_is_a_folder_is_a_baseline_error(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match="folder"):
        read_baseline(tmp_path)
