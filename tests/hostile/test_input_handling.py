"""Hostile input, issue 12: misquoted figures, digit forms, invisible characters, hidden line
breaks, a huge but honest claim file, an empty claims folder, a page-long quote, a deep baseline.

Each case builds a tiny project under tmp_path and runs it as a user would (the command line in
a fresh process) or through the loader it concerns; a time bound, where there is one, is
generous (seconds where the work takes milliseconds): it catches minutes, not machine speed.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from hostile_support import assert_no_traceback, run_cli

from cca_claims.anchor import Anchorer
from cca_claims.claims import load_claims
from cca_claims.config import Config
from cca_claims.engine import check
from cca_claims.model import Source, SourceMeta
from cca_claims.textnorm import build_view

TRADE = "In 2024, China's total trade with Central Asian states exceeded $94.8 billion."


def project(tmp_path: Path, sources: dict[str, str], claims: str, config: str = "") -> Path:
    """A project folder: sources/<id>.txt with a registry, claims/claims.yaml, a config."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    registry = {}
    for source_id, text in sources.items():
        (tmp_path / "sources" / f"{source_id}.txt").write_text(text, encoding="utf-8")
        registry[source_id] = {"title": source_id, "published": "2025-06-20"}
    (tmp_path / "sources" / "sources.yaml").write_text(yaml.safe_dump(registry), encoding="utf-8")
    (tmp_path / "claims" / "claims.yaml").write_text(claims, encoding="utf-8")
    if config:
        (tmp_path / "cca-claims.yaml").write_text(config, encoding="utf-8")
    return tmp_path


def one_claim(source: str, quote: str, value: str = "") -> str:
    value_line = f"    value: {value}\n" if value else ""
    return (
        "claims:\n"
        "  - id: the-claim\n"
        "    claim: A claim about a figure.\n"
        f"{value_line}"
        "    evidence:\n"
        f"      - source: {source}\n"
        f"        quote: {json.dumps(quote, ensure_ascii=False)}\n"
    )


def report(root: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    proc = run_cli("check", "--no-cache", "-f", "json", *args, cwd=root)
    assert_no_traceback(proc)
    return proc, json.loads(proc.stdout)


# ----------------------------------------------------------------- misquoted figures
@pytest.mark.parametrize(
    ("source", "quote", "said", "found"),
    [
        (TRADE, TRADE.replace("94.8", "49.8"), "$49.8 billion", "$94.8 billion"),
        (
            "The new road from the border is 523 km long, officials said.",
            "The new road from the border is 253 km long",
            "253 km",
            "523 km",
        ),
    ],
)
@pytest.mark.parametrize("command", ["check", "lint"])
def test_misquoted_figure_is_an_error(tmp_path, source, quote, said, found, command) -> None:
    root = project(tmp_path, {"report": source}, one_claim("report", quote))
    if command == "check":
        proc, doc = report(root)
        messages = [f["message"] for f in doc["findings"] if f["rule"] == "A104"]
    else:  # lint writes one line per finding
        proc = run_cli("lint", "--no-cache", "--no-color", cwd=root)
        assert_no_traceback(proc)
        messages = [line for line in proc.stdout.splitlines() if " A104 " in line]
    assert proc.returncode == 1
    assert len(messages) == 1
    assert f"the quote says {said}, the source says {found}" in messages[0]


def test_curly_quotes_and_dashes_are_not_a_misquote(tmp_path: Path) -> None:
    source = "Trade grew 35% in 2023\u20132024, \u201cthe best year\u201d, officials said."
    quote = 'Trade grew 35% in 2023-2024, "the best year"'
    root = project(tmp_path, {"report": source}, one_claim("report", quote))
    proc, doc = report(root)
    assert proc.returncode == 0
    assert [f["rule"] for f in doc["findings"] if f["rule"].startswith("A")] == []


# ----------------------------------------------------------------- digit forms and invisibles
@pytest.mark.parametrize(
    ("source", "quote"),
    [
        ("Freight reached 10\u2076 tonnes.", "10" + "6 tonnes"),
        ("It took 1\u00bd years.", "11\u20442 years"),
    ],
)
def test_digit_forms_never_fold_into_other_digits(source: str, quote: str) -> None:
    src = Source(SourceMeta("s", "s.txt"), source, build_view(source))
    found = Anchorer({"s": src}).anchor("s", quote)
    assert found.status != "exact"
    if found.anchor is not None:  # anchored fuzzily: then the figures differ (A104)
        from cca_claims.rules.A104_misquoted_figure import misquoted

        assert misquoted(quote, found.anchor.text)


def test_superscript_misquote_is_reported(tmp_path: Path) -> None:
    source = "The line carried 10\u2076 tonnes of grain in 2023, the ministry said."
    root = project(
        tmp_path, {"report": source}, one_claim("report", "carried 106 tonnes of grain in 2023")
    )
    proc, doc = report(root)
    assert proc.returncode == 1
    assert [f["rule"] for f in doc["findings"]].count("A104") == 1


def test_zero_width_space_inside_a_figure_is_read_through(tmp_path: Path) -> None:
    source = "Exports reached $2\u200b5 billion in 2024, the ministry said."
    root = project(
        tmp_path,
        {"report": source},
        one_claim("report", "Exports reached $25 billion in 2024", "25 billion USD"),
    )
    proc, doc = report(root)
    assert proc.returncode == 0, [f["message"] for f in doc["findings"]]
    (claim,) = doc["claims"]
    assert claim["verdict"] == "consistent"


# ----------------------------------------------------------------- claim files
def test_hidden_line_break_in_a_comment_is_refused(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    claims.mkdir()
    # what an editor shows as one comment line holds a second YAML line after U+2028
    (claims / "a.yaml").write_text(
        "claims:\n  - id: a\n    claim: A.\r\n    # looks like a comment\u2028    tags: [x]\n",
        encoding="utf-8",
    )
    (claims / "b.yaml").write_text(
        "claims:\n  - id: b\n    claim: B.\n    evidence:\n      - {source: s, quote: q}\n",
        encoding="utf-8",
    )
    result = load_claims(claims, ["s"], tmp_path)
    assert [c.id for c in result.claims] == ["b"]  # the run goes on with the other file
    (bad,) = result.problems
    assert bad.rule == "E015" and "U+2028" in bad.message and bad.hint
    assert (bad.location.file, bad.location.line, bad.location.col) == ("claims/a.yaml", 4, 27)


@pytest.mark.parametrize("char", ["\u2029", "\u0085"])
def test_other_hidden_line_breaks_are_refused(tmp_path: Path, char: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(f"claims: []  # note{char}extra: 1\n", encoding="utf-8")
    result = load_claims(path, [], tmp_path)
    assert [(p.rule, p.location.line, p.location.col) for p in result.problems] == [("E015", 1, 19)]


def test_many_ordinary_claims_in_one_file_load(tmp_path: Path) -> None:
    """42,000 claims, 6 MB, no alias: not an alias bomb."""
    parts = ["claims:\n"]
    for i in range(42_000):
        parts.append(
            f"  - id: c{i}\n"
            f"    claim: Trade reached {i} million dollars.\n"
            "    evidence:\n"
            "      - source: s\n"
            f'        quote: "trade reached {i} million dollars"\n'
        )
    path = tmp_path / "many.yaml"
    path.write_text("".join(parts), encoding="utf-8")
    assert 5_000_000 < path.stat().st_size < 8_000_000
    result = load_claims(path, ["s"], tmp_path)
    assert result.problems == []
    assert len(result.claims) == 42_000


def test_billion_laughs_is_still_refused(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefg", "bcdefgh"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("claims: [" + ",".join(["*h"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = load_claims(path, [], tmp_path)
    assert [p.rule for p in result.problems] == ["E009"]


@pytest.mark.parametrize("command", ["check", "lint"])
def test_empty_claims_folder_exits_2_naming_it(tmp_path: Path, command: str) -> None:
    root = project(tmp_path, {"report": TRADE}, "")
    (root / "claims" / "claims.yaml").unlink()
    (root / "claims" / "notes.txt").write_text("not a claim file\n", encoding="utf-8")
    proc = run_cli(command, "--no-cache", "--claims", "claims", cwd=root)
    assert_no_traceback(proc)
    assert proc.returncode == 2
    assert "claims" in proc.stderr and "no claim files" in proc.stderr
    assert "No findings" not in proc.stdout


def test_empty_claims_folder_is_a_typed_error_in_the_core(tmp_path: Path) -> None:
    from cca_claims.claims import NoClaimFiles

    root = project(tmp_path, {"report": TRADE}, "")
    (root / "claims" / "claims.yaml").unlink()
    config = Config(root=root, claims=root / "claims", sources=root / "sources", cache_dir=None)
    with pytest.raises(NoClaimFiles, match="claims"):
        check(config)
    with pytest.raises(NoClaimFiles, match="does not exist"):
        check(Config(root=root, claims=root / "nowhere", sources=root / "sources"))


# ----------------------------------------------------------------- bounded work
def _prose(chars: int, seed: int) -> str:
    import random

    words = "trade rail gas road summit energy grain freight customs border transit".split()
    rnd = random.Random(seed)
    out: list[str] = []
    while sum(len(w) + 1 for w in out) < chars:
        out.append(rnd.choice(words) if rnd.random() < 0.85 else str(rnd.randint(1, 999)))
    return " ".join(out) + "."


@pytest.mark.parametrize("cap", ["", "max_quote_chars: 100000\n"])
def test_a_30kb_quote_not_in_its_source_is_bounded(tmp_path: Path, cap: str) -> None:
    """A page pasted as a quote: refused by the cap (A105); with the cap raised, the fuzzy search
    still finishes (it took 95 s before the search was bounded per quote)."""
    root = project(
        tmp_path, {"report": _prose(18_000, 1)}, one_claim("report", _prose(30_000, 2)), cap
    )
    proc = run_cli("lint", "--no-cache", "--no-color", cwd=root, timeout=20)
    assert_no_traceback(proc)
    assert proc.returncode == 1
    rule = "A101" if cap else "A105"
    assert rule in proc.stdout
    if not cap:
        assert "claims/claims.yaml:6:" in proc.stdout  # the quote's own line


def test_long_quote_present_in_its_source_is_still_found(tmp_path: Path) -> None:
    text = _prose(60_000, 3)
    start = text.index(" ", 20_000) + 1
    end = text.index(" ", start + 1_500)
    words = text[start:end].split(" ")
    words[len(words) // 2] = "edited"  # one word differs: a fuzzy anchor of the whole passage
    src = Source(SourceMeta("s", "s.txt"), text, build_view(text))
    found = Anchorer({"s": src}).anchor("s", " ".join(words))
    assert found.status == "fuzzy" and found.anchor is not None
    assert abs(found.anchor.start - start) < 20 and abs(found.anchor.end - end) < 20


# ----------------------------------------------------------------- baseline
def test_deeply_nested_baseline_is_a_clear_error(tmp_path: Path) -> None:
    root = project(tmp_path, {"report": TRADE}, one_claim("report", TRADE))
    (root / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--baseline", "deep.json", cwd=root)
    assert_no_traceback(proc)
    assert proc.returncode == 2
    assert "deep.json" in proc.stderr and "nested too deeply" in proc.stderr


def test_huge_baseline_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A sparse 4 GB baseline under a 2 GB address-space limit: read whole, it cannot fit."""
    import resource
    import sys

    root = project(tmp_path, {"report": TRADE}, one_claim("report", TRADE))
    with (root / "huge.json").open("wb") as handle:
        handle.truncate(4 * 1024**3)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    from hostile_support import REPO

    proc = subprocess.run(
        [sys.executable, "-m", "cca_claims", "check", "--no-cache", "--baseline", "huge.json"],
        cwd=root,
        env={"PYTHONPATH": str(REPO), "NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit_memory,
    )
    assert_no_traceback(proc)
    assert proc.returncode == 2
    assert "larger than 50 MB" in proc.stderr
