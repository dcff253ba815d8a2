"""Hostile YAML: object tags, alias bombs, deep nesting, huge files, duplicate keys, odd syntax.

Each case is a crafted file under files/yaml/ (or a generated input for sizes no one should commit)
and must end in a clear problem at a line and column, quickly, without a traceback.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_support import FILES, REPO

from cca_claims.claims import load_claims
from cca_claims.yamlload import MAX_BYTES, MAX_DEPTH, MAX_NODES, PosDict, load_yaml

YAML = FILES / "yaml"

# file -> (problem code, line, column, words our message or hint must contain; None where the
# message is the parser's own, whose wording is not ours to pin)
FILE_CASES = {
    "python_object.yaml": ("unsafe-yaml", 4, 12, "python/object/apply"),
    "alias_bomb.yaml": ("unsafe-yaml", 7, 4, "alias"),
    "merge_key.yaml": ("unsafe-yaml", 7, 9, "merge keys"),
    "custom_tag.yaml": ("unsafe-yaml", 3, 12, "!secret"),
    "multi_document.yaml": ("yaml-syntax", 4, 1, None),
    "complex_key.yaml": ("yaml-syntax", 3, 7, "plain value"),
    "tabs.yaml": ("yaml-syntax", 2, 1, "tabs"),
    "bad_timestamp.yaml": ("yaml-syntax", 4, 15, "2025-02-30"),
    "undefined_alias.yaml": ("yaml-syntax", 3, 12, "anchor"),
}


@pytest.mark.parametrize("name", sorted(FILE_CASES))
def test_crafted_yaml_file_gives_positioned_problem(name: str) -> None:
    code, line, col, words = FILE_CASES[name]
    started = time.perf_counter()
    _, problems = load_yaml((YAML / name).read_bytes())
    assert time.perf_counter() - started < 2.0
    assert problems, name
    first = problems[0]
    assert (first.code, first.line, first.col) == (code, line, col), first
    assert first.message
    if words is not None:
        assert words in first.message + " " + first.hint


def test_every_crafted_yaml_file_has_a_case() -> None:
    assert sorted(p.name for p in YAML.glob("*.yaml")) == sorted(FILE_CASES)


def test_python_tag_never_runs(tmp_path: Path) -> None:
    """The unsafe tag is refused before construction: nothing is executed, the claim is dropped."""
    marker = Path("/tmp/cca-claims-pwned")
    marker.unlink(missing_ok=True)
    result = load_claims(YAML / "python_object.yaml", ["summit-note"], REPO)
    assert not marker.exists()
    assert result.claims == []
    assert [p.rule for p in result.problems] == ["E009"]


def test_alias_bomb_is_refused_fast() -> None:
    started = time.perf_counter()
    value, problems = load_yaml((YAML / "alias_bomb.yaml").read_bytes())
    assert time.perf_counter() - started < 0.5
    assert value is None and f"{MAX_NODES:,}" in problems[0].message


def test_modest_aliases_still_work() -> None:
    value, problems = load_yaml("base: &b {source: s}\nitems: [*b, *b]\n")
    assert problems == []
    assert value["items"] == [{"source": "s"}, {"source": "s"}]


@pytest.mark.parametrize("text", ["&a [*a]", "- &a [1, *a]", "&m {k: *m}"])
def test_recursive_alias_is_refused(text: str) -> None:
    value, problems = load_yaml(text)
    assert value is None
    assert problems[0].code == "unsafe-yaml" and "contains it" in problems[0].message


# Nesting past MAX_DEPTH but within what any YAML parser allows: our own limit refuses it, at
# the opening of the first level too many (MAX_DEPTH is 64: the 65th level).
@pytest.mark.parametrize(
    "text, line, col",
    [
        ("[" * 100 + "]" * 100, 1, 65),
        ("{a: " * 100 + "1" + "}" * 100, 1, 4 * 64 + 1),
        ("".join(" " * i + "-\n" for i in range(0, 400, 2)), 65, 2 * 64 + 1),
        ("- " * 200 + "x", 1, 2 * 64 + 1),
    ],
    ids=["flow-seq-100", "flow-map-100", "block-seq-200", "inline-seq-200"],
)
def test_nesting_past_our_limit_is_refused_where_it_passes_the_limit(
    text: str, line: int, col: int
) -> None:
    assert MAX_DEPTH == 64
    value, problems = load_yaml(text)
    assert value is None
    assert [(p.code, p.line, p.col) for p in problems] == [("unsafe-yaml", line, col)]
    assert str(MAX_DEPTH) in problems[0].message and problems[0].hint


# Far deeper nesting: refused without a crash, whether our limit or the parser's own (libyaml
# stops at a depth of its choosing, with its own wording) is met first. What is asserted is the
# behaviour: no value, one problem at a position, the claim file's error, the run goes on.
DEEP = {
    "flow-seq-100k": "[" * 100_000 + "]" * 100_000,  # crashed libyaml's recursive composer before
    "flow-map-5k": "{a: " * 5_000 + "1" + "}" * 5_000,
    "inline-seq-5k": "- " * 5_000 + "x",
    "unclosed-1m": "[" * 1_000_000,
}
REFUSALS = {"unsafe-yaml", "yaml-syntax"}


@pytest.mark.parametrize("text", list(DEEP.values()), ids=list(DEEP))
def test_deep_nesting_is_refused_in_process(text: str) -> None:
    value, problems = load_yaml(text)
    assert value is None
    assert len(problems) == 1
    assert problems[0].code in REFUSALS
    assert problems[0].line == 1 and problems[0].col >= 1 and problems[0].message


def test_a_deeply_nested_claim_file_is_an_error_and_the_others_are_read(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "a-deep.yaml").write_text("claims: " + DEEP["flow-seq-100k"] + "\n")
    (claims / "b-fine.yaml").write_text(
        "claims:\n  - id: fine\n    claim: A claim.\n    evidence:\n"
        "      - source: s\n        quote: a quote\n"
    )
    result = load_claims(claims, ["s"], tmp_path)
    assert [c.id for c in result.claims] == ["fine"]
    [problem] = [p for p in result.problems if p.severity == "error"]
    assert problem.rule.startswith("E0")
    assert problem.location.file.endswith("a-deep.yaml") and problem.location.line == 1


def test_deep_nesting_does_not_crash_the_interpreter() -> None:
    """A fresh process, so a C-stack overflow would show as a signal rather than kill pytest."""
    code = (
        "from cca_claims.yamlload import load_yaml\n"
        "v, p = load_yaml('[' * 1_000_000)\n"
        "print(v is None, len(p), p[0].code, p[0].line)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    none, count, code_seen, line = proc.stdout.split()
    assert (none, count, line) == ("True", "1", "1") and code_seen in REFUSALS


def test_nesting_within_the_limit_is_fine() -> None:
    depth = MAX_DEPTH - 1
    value, problems = load_yaml("[" * depth + "1" + "]" * depth)
    assert problems == []
    for _ in range(depth):
        value = value[0]
    assert value == 1


@pytest.mark.parametrize("as_bytes", [True, False])
def test_oversized_document_is_refused_before_parsing(as_bytes: bool) -> None:
    text = "claims:\n" + "# padding\n" * (MAX_BYTES // 10 + 1)
    started = time.perf_counter()
    value, problems = load_yaml(text.encode() if as_bytes else text)
    assert time.perf_counter() - started < 0.5
    assert value is None and problems[0].code == "too-large"


def test_oversized_claim_file_is_not_read_into_memory(tmp_path: Path) -> None:
    """A sparse 4 GB file: refused from its size, never read (reading would take seconds)."""
    big = tmp_path / "huge.yaml"
    with big.open("wb") as handle:
        handle.truncate(4 * 1024**3)
    started = time.perf_counter()
    result = load_claims(big, [], tmp_path)
    assert time.perf_counter() - started < 1.0
    assert [p.rule for p in result.problems] == ["E008"]
    assert "4,294,967,296 bytes" in result.problems[0].message


def test_long_scalar_within_the_limit_is_read() -> None:
    value, problems = load_yaml("claim: " + "x" * 1_000_000 + "\n")
    assert problems == [] and len(value["claim"]) == 1_000_000


def test_duplicate_keys_are_all_reported_with_positions() -> None:
    text = "a: 1\nb: 2\na: 3\nnested:\n  k: x\n  k: y\n"
    value, problems = load_yaml(text)
    assert isinstance(value, PosDict)
    assert [(p.code, p.line, p.col) for p in problems] == [
        ("duplicate-key", 3, 1),
        ("duplicate-key", 6, 3),
    ]
    assert "first at line 1" in problems[0].message


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", None),
        (b"\xef\xbb\xbfclaims: []\n", None),  # a BOM is accepted
        (b"claims:\r\n  - id: crlf\r\n", None),
        (b"claims: [\x00]\n", "yaml-syntax"),
        (b"claims:\n  - id: \xff\xfe\n", "not-utf8"),
        (b"\xff\xfeh\x00i\x00", "not-utf8"),  # UTF-16 with a BOM
        (b"a: 1e99999\nb: 0x" + b"f" * 5000 + b"\n", None),  # inf and a 20,000-bit integer
        (b"a: " + b"9" * 5000 + b"\n", "yaml-syntax"),  # past Python's int digit limit
        (b"a: \x1b[31mred\n", "yaml-syntax"),  # a raw escape byte is not allowed by YAML
        (b'a: "\\e[31mred"\n', None),  # but a YAML-escaped one is data
    ],
    ids=[
        "empty",
        "bom",
        "crlf",
        "nul",
        "bad-utf8",
        "utf16",
        "huge-numbers",
        "int-digits",
        "raw-esc",
        "yaml-esc",
    ],
)
def test_odd_bytes_give_result_or_problem(data: bytes, code: str | None) -> None:
    value, problems = load_yaml(data)
    assert [p.code for p in problems][:1] == ([code] if code else [])
    for p in problems:
        assert p.line >= 1 and p.col >= 1 and p.message
