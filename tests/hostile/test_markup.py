"""Source and claim text are data, never markup: rich markup, ANSI escapes, control characters,
bidi overrides and workflow commands in a claim or a source are shown literally (terminal) or
escaped (JSON, SARIF, GitHub annotations), in every output format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hostile_support import FILES, REPO, assert_no_traceback, run_cli

from cca_claims.claims import load_claims
from cca_claims.config import load_config
from cca_claims.engine import check, resolve_paths
from cca_claims.report import reporter

MARKUP = FILES / "markup"
CLAIMS = MARKUP / "markup.yaml"
SOURCES = MARKUP / "sources"
# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def report():
    config = resolve_paths(load_config(REPO, None), CLAIMS, SOURCES)
    return check(config)


def test_the_crafted_inputs_really_hold_hostile_text(report) -> None:
    """Guard: the file must keep its escapes, or every test below passes for nothing."""
    statements = " ".join(c.claim.statement for c in report.claims)
    source = report.sources[0].text
    for text in (statements, source):
        assert "\x1b[" in text and "\x07" in text and "[/" in text
    assert "\u202e" in source and "\u009b" in source and "\n::error file=forged" in source
    assert any("\n::error" in f.message for f in report.findings)


@pytest.mark.parametrize("details", [False, True])
@pytest.mark.parametrize("color", [False, True])
def test_terminal_shows_markup_and_escapes_literally(report, color: bool, details: bool) -> None:
    out = reporter("text")(report, color=color, width=120, details=details)
    # the short form shows the quote, the long form its context too
    markup = "[bold red]in 2024[/bold red]" if details else "[bold red]in 2024"
    assert markup in out and "[red]A quote" in out
    assert "\\x1b[2J" in out and "\\x07" in out and "\\x9b" in out
    if details:  # these stand in the source around the quotes, which only the long form shows
        assert "\\x1b[31m" in out and "\\u202e" in out
    if color:  # rich's own SGR codes are allowed; the claim's and source's escapes are not
        out = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert not RAW_CONTROL.search(out), repr(RAW_CONTROL.search(out))


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_formats_escape_controls_and_keep_the_data(report, fmt: str) -> None:
    out = reporter(fmt)(report)
    assert not RAW_CONTROL.search(out)
    data = json.loads(out)
    strings = set(_strings(data))
    # the exact original text survives the round trip, escapes included
    if fmt == "json":
        for result in report.claims:
            assert result.claim.statement in strings
    assert any("\n::error file=forged" in s for s in strings)


def test_github_annotations_cannot_be_forged(report) -> None:
    out = reporter("github")(report)
    lines = out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    open_findings = [f for f in report.findings if not f.suppressed]
    assert len(commands) == len(open_findings) >= 3
    shape = re.compile(r"^::(error|warning|notice) file=[^:,]+,line=\d+,col=\d+,title=[^:,]+::")
    for line in commands:
        assert shape.match(line), line
    assert not any(line.startswith("::error file=forged") for line in lines)
    assert "%0A::error file=forged.yaml" in out  # the newline is encoded, not taken
    assert not RAW_CONTROL.search(out)


def test_cli_text_and_json_end_to_end() -> None:
    text = run_cli("check", "--claims", str(CLAIMS), "--sources", str(SOURCES), "--no-color")
    assert_no_traceback(text)
    assert text.returncode == 1
    assert "[red]A quote that is not in the source[/red]" in text.stdout
    assert not RAW_CONTROL.search(text.stdout + text.stderr)
    js = run_cli("check", "--claims", str(CLAIMS), "--sources", str(SOURCES), "-f", "json")
    assert js.returncode == 1 and not RAW_CONTROL.search(js.stdout)
    statements = {c["id"]: c["claim"] for c in json.loads(js.stdout)["claims"]}
    loaded = load_claims(CLAIMS, ["markup-note"], REPO)
    assert statements == {c.id: c.statement for c in loaded.claims}


def _strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


def test_lint_plain_lines_are_escaped() -> None:
    proc = run_cli("lint", "--claims", str(CLAIMS), "--sources", str(SOURCES))
    assert_no_traceback(proc)
    assert proc.returncode == 1
    assert not RAW_CONTROL.search(proc.stdout), repr(proc.stdout)
    # one line per finding location: a newline inside a message must not start a fake one
    assert not any(line.startswith("::error") for line in proc.stdout.splitlines())


def test_registry_title_markup_is_data(report) -> None:
    assert report.sources[0].meta.title == "[link=https://evil.example]click[/link]"
    assert Path(report.sources[0].meta.path).name == "markup-note.txt"


# ----------------------------------------------------------------------------- HTML
HTML_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w:-]*)")
# the elements the HTML report writes itself; a source or claim must never add one
OWN_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "dl", "dt", "dd",
    "span", "main", "section", "form", "label", "select", "option", "button", "p", "table",
    "thead", "tbody", "tr", "th", "td", "a", "article", "b", "ul", "ol", "li", "div", "figure",
    "figcaption", "svg", "rect", "text", "line", "path", "blockquote", "q", "mark", "footer",
    "script",
}  # fmt: skip


def test_html_keeps_markup_escapes_and_commands_as_text(report) -> None:
    page = reporter("html")(report)
    assert not RAW_CONTROL.search(page), repr(RAW_CONTROL.search(page))
    # a claim's "[bold red]" and a source's "<", escapes and forged commands arrive as text
    assert "[bold red]Trade[/bold red]" in page and "\\x1b[5m" in page and "\\x07" in page
    assert "::error file=forged.yaml" in page
    tags = {m.group(2).lower() for m in HTML_TAG.finditer(page)}
    assert tags <= OWN_TAGS, tags - OWN_TAGS
    assert page.count("<script") == 1  # the report's own filter script, and nothing else
    # the registry's rich-markup link is a title, never an href
    assert 'href="https://evil.example' not in page


def test_html_escapes_angle_brackets_and_quotes_from_claims(tmp_path: Path) -> None:
    """A claim and a quote written as HTML and as an attribute breakout stay text."""
    root = tmp_path
    (root / "claims").mkdir()
    (root / "sources").mkdir()
    (root / "sources" / "sources.yaml").write_text(
        'note:\n  title: "<img src=x onerror=alert(1)>"\n  published: 2025-06-20\n'
        '  url: "javascript:alert(1)"\n',
        encoding="utf-8",
    )
    (root / "sources" / "note.txt").write_text(
        'Trade reached $94.8 billion in 2024 "><script>alert(1)</script>.\n', encoding="utf-8"
    )
    (root / "claims" / "c.yaml").write_text(
        "claims:\n"
        '  - id: x"><svg onload=alert(1)>\n'
        "    claim: \"<b>bold</b> & <script>alert('x')</script>\"\n"
        "    value: 90 billion USD\n"
        "    tags: ['\"><i>tag']\n"
        "    evidence:\n"
        "      - source: note\n"
        '        quote: "$94.8 billion in 2024 \\"><script>alert(1)</script>"\n',
        encoding="utf-8",
    )
    config = resolve_paths(load_config(root, None), root / "claims", root / "sources")
    page = reporter("html")(check(config))
    assert page.count("<script") == 1 and "<img" not in page and "<svg onload" not in page
    assert "javascript:" not in page and "<i>" not in page
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
