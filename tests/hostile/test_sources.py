"""Hostile sources: paths and ids that try to leave the folder, links, pipes, odd encodings and
newlines, NUL bytes, very long lines and huge files; each read correctly or refused clearly."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hostile_support import FILES, REPO

from cca_claims.anchor import Anchorer
from cca_claims.claims import load_claims
from cca_claims.sources import MAX_SOURCE_BYTES, load_sources

ODD = FILES / "odd_sources"

# where (file, line, col), code and words of each expected problem in files/odd_sources
EXPECTED = [
    ("sources.yaml", 23, 1, "E007", "'../escape' must be lowercase"),
    ("latin1-note.txt", 1, 4, "E008", "byte 0xe9"),
    ("nul-note.txt", 2, 1, "E008", "NUL"),
    ("utf16-note.txt", 1, 1, "E008", "UTF-16"),
    ("sources.yaml", 17, 1, "E008", "'../sources/summit-note.txt' points outside"),
    ("sources.yaml", 20, 1, "E008", "'/etc/hostname' points outside"),
    ("sources.yaml", 25, 1, "E012", "not found"),
    ("Bad Name.txt", 1, 1, "E012", "not a valid source id"),
]


@pytest.fixture(scope="module")
def odd():
    return load_sources(ODD, REPO)


def test_odd_sources_each_get_a_positioned_problem(odd) -> None:
    got = [
        (Path(p.location.file).name, p.location.line, p.location.col, p.rule, p.message)
        for p in odd.problems
    ]
    for name, line, col, code, words in EXPECTED:
        assert any(g[:4] == (name, line, col, code) and words in g[4] for g in got), (name, got)
    assert len(got) == len(EXPECTED)
    assert all(p.hint for p in odd.problems if p.rule == "E008")
    assert sorted(odd.sources) == ["bom-note", "mixed-newlines"]


def test_bom_is_dropped_and_offsets_point_at_the_text(odd) -> None:
    source = odd.sources["bom-note"]
    assert not source.text.startswith("\ufeff")
    result = Anchorer(odd.sources).anchor("bom-note", "opened in Astana")
    assert result.status == "exact"
    a = result.anchor
    assert source.text[a.start : a.end] == "opened in Astana" and (a.line, a.col) == (1, 12)


def test_mixed_newlines_anchor_across_a_crlf_break(odd) -> None:
    source = odd.sources["mixed-newlines"]
    result = Anchorer(odd.sources).anchor("mixed-newlines", "trade reached $94.8 billion in 2024")
    assert result.status == "exact"
    a = result.anchor
    assert source.text[a.start : a.end] == "trade reached $94.8 billion\r\nin 2024"
    assert a.line == 4  # LF, CRLF and CR each end one line
    third = Anchorer(odd.sources).anchor("mixed-newlines", "Third line ends CR.")
    assert (third.anchor.line, third.anchor.col) == (3, 1)


def test_evidence_cannot_name_a_path(tmp_path: Path, odd) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text(
        "claims:\n"
        "  - id: escape\n    claim: x\n    evidence:\n"
        "      - source: ../sources/summit-note\n        quote: held in Astana\n"
        "      - source: /etc/hostname\n        quote: x\n"
    )
    result = load_claims(claims, odd.sources, tmp_path)
    unknown = [p for p in result.problems if p.rule == "E005"]
    assert [(p.location.line, p.location.col) for p in unknown] == [(5, 17), (7, 17)]
    assert Anchorer(odd.sources).anchor("../sources/summit-note", "x").status == "no-source"


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    outside = tmp_path / "private.txt"
    outside.write_text("A private document outside the sources folder.\n")
    (folder / "ok-note.txt").write_text("An ordinary source.\n")
    (folder / "outside-link.txt").symlink_to(outside)
    (folder / "inside-link.txt").symlink_to(folder / "ok-note.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "absent.txt")
    (folder / "folder.txt").mkdir()
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever
    (folder / "sources.yaml").write_text(
        "via-link:\n  path: sub/../outside-link.txt\nparent-link:\n  path: up/private.txt\n"
    )
    (folder / "up").symlink_to(tmp_path)
    return folder


def test_links_pipes_and_folders_are_refused_without_hanging(linked: Path) -> None:
    started = time.perf_counter()
    result = load_sources(linked, linked.parent)
    assert time.perf_counter() - started < 2.0
    refused = {p.sources[0]: p.message for p in result.problems if p.rule == "E008" and p.sources}
    assert "outside" in refused["outside-link"] and "loop" in refused["loop"]
    assert "regular file" in refused["pipe"] and "regular file" in refused["folder"]
    assert "outside" in refused["via-link"] and "outside" in refused["parent-link"]
    assert sorted(result.sources) == ["inside-link", "ok-note"]
    assert all("private" not in s.text for s in result.sources.values())
    assert any(p.sources == ("dangling",) for p in result.problems)


def test_very_long_line_is_read_and_anchored_in_bounded_time(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    filler = "word " * 400_000  # a 2 MB single line, as a scraped page without breaks
    text = filler + "Trade reached $94.8 billion in 2024. " + filler + "\n"
    (folder / "long-line.txt").write_text(text)
    started = time.perf_counter()
    result = load_sources(folder, tmp_path)
    anchorer = Anchorer(result.sources)
    exact = anchorer.anchor("long-line", "Trade reached $94.8 billion in 2024.")
    fuzzy = anchorer.anchor("long-line", "Trade reachd $94.8 bilion in 2024.")
    absent = anchorer.anchor("long-line", "word word nothing like it word word " * 20)
    assert time.perf_counter() - started < 10.0
    assert exact.status == "exact" and exact.anchor.line == 1
    assert exact.anchor.col == len(filler) + 1
    assert fuzzy.status == "fuzzy" and absent.status in ("not-found", "fuzzy", "ambiguous")


def test_huge_source_is_refused_from_its_size(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(MAX_SOURCE_BYTES + 1)  # sparse: refused before any byte is read
    started = time.perf_counter()
    result = load_sources(folder, tmp_path)
    assert time.perf_counter() - started < 1.0
    assert result.sources == {}
    assert any("limit" in p.message for p in result.problems if p.rule == "E008")


def test_unreadable_registry_and_binary_registry(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "sources.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "ok-note.txt").write_text("Fine.\n")
    result = load_sources(folder, tmp_path)
    assert [p.rule for p in result.problems if "sources.yaml" in p.location.file] == ["E008"]
    assert "ok-note" in result.sources  # the documents are still read
