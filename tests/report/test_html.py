"""The HTML report's structure, read with the standard library's parser (no browser).

Well-formed (every element closed in order), self-contained (no script, style, font or image from
elsewhere), every claim present with its row and its article, the plots' bars as many as the
readings they draw, the figure marked in its passage, links only to http(s) or the source file.
"""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_snapshots import run

from cca_claims.model import Report
from cca_claims.report import format_names, reporter
from cca_claims.report.html_plots import plot_rows

VOID = {"meta", "link", "br", "hr", "img", "input", "col", "source", "wbr", "area", "base"}
SVG_EMPTY = {"rect", "line", "path", "circle"}  # written <x .../> or <x ...></x>


@dataclasses.dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node] = dataclasses.field(default_factory=list)
    text: str = ""

    def all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        out = []
        for child in self.children:
            if (tag is None or child.tag == tag) and all(
                v in child.attrs.get(k, "").split() for k, v in attrs.items()
            ):
                out.append(child)
            out.extend(child.all(tag, **attrs))
        return out

    def content(self) -> str:
        return self.text + "".join(c.content() for c in self.children)


class Tree(HTMLParser):
    """A strict tree builder: an end tag that does not close the open element is an error."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.errors: list[str] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag, attrs) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag) -> None:
        if tag in VOID:
            return
        if self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag}> at {self.getpos()}")
            return
        self.stack.pop()

    def handle_data(self, data) -> None:
        self.stack[-1].text += data


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert not tree.errors, tree.errors[:5]
    assert [n.tag for n in tree.stack] == ["#root"], "unclosed elements"
    return tree


REAL = Path(__file__).resolve().parents[1] / "corpora" / "real_reporting"


def _report(name: str) -> Report:
    if name != "real":
        return run(name)
    if not (REAL / "claims").is_dir():
        pytest.skip(f"no real-reporting corpus at {REAL}")
    from cca_claims.config import Config
    from cca_claims.engine import check

    return check(
        Config(root=REAL, claims=REAL / "claims", sources=REAL / "sources", cache_dir=None)
    )


@pytest.fixture(scope="module", params=["seed", "corpus", "real"])
def checked(request) -> tuple[Report, Tree, str]:
    """The page of a real check: the seed corpus, the report corpus, the real-reporting one
    (Russian and Chinese passages, claims written by someone else)."""
    report = _report(request.param)
    page = reporter("html")(report)
    return report, parse(page), page


def test_html_is_a_registered_format() -> None:
    assert "html" in format_names()


def test_well_formed_and_self_contained(checked) -> None:
    _, tree, page = checked
    assert tree.doctype.lower() == "doctype html"
    for node in tree.root.all():
        for attr in ("src", "href", "srcset", "data", "action"):
            value = node.attrs.get(attr, "")
            if node.tag in ("script", "link", "img", "iframe", "object", "embed", "source"):
                assert not value, f"<{node.tag} {attr}={value!r}> loads from elsewhere"
    assert not tree.root.all("link") and not tree.root.all("iframe")
    assert len(tree.root.all("style")) == 1 and len(tree.root.all("script")) == 1
    assert "@import" not in page and "url(" not in page
    csp = [m for m in tree.root.all("meta") if m.attrs.get("http-equiv")]
    assert "default-src 'none'" in csp[0].attrs["content"]


def test_every_claim_has_a_row_and_an_article(checked) -> None:
    report, tree, _ = checked
    rows = {r.attrs["data-claim"] for r in tree.root.all("tr", **{"class": "claim-row"})}
    articles = {a.attrs["data-claim"] for a in tree.root.all("article")}
    ids = {c.claim.id for c in report.claims}
    assert rows == ids and articles == ids
    for article in tree.root.all("article"):
        assert article.attrs["id"] == "claim-" + article.attrs["data-claim"]


def test_filters_offer_every_verdict_tag_and_rule(checked) -> None:
    report, tree, _ = checked
    options = {
        s.attrs["data-filter"]: {o.attrs["value"] for o in s.all("option")} - {""}
        for s in tree.root.all("select")
    }
    assert {t for c in report.claims for t in c.claim.tags} == options["tag"]
    open_rules = {f.rule for f in report.findings if f.claims}
    assert open_rules <= options["rule"]
    assert {"consistent"} <= options["verdict"]


def test_each_numeric_or_date_claim_has_a_plot_with_one_bar_per_reading(checked) -> None:
    report, tree, _ = checked
    articles = {a.attrs["data-claim"]: a for a in tree.root.all("article")}
    plotted = 0
    for result in report.claims:
        rows = plot_rows(result)
        svgs = articles[result.claim.id].all("svg")
        if not rows:
            continue
        plotted += 1
        assert len(svgs) == 1, result.claim.id
        bars = svgs[0].all("rect", **{"class": "bar"})
        assert len(bars) == len(rows)
        claim_bars = [b for b in bars if "claim" in b.attrs["class"].split()]
        has_value = result.claim_reading is not None and result.claim_reading.interval is not None
        assert len(claim_bars) == (
            1 if has_value and result.claim_reading.kind == result.kind else 0
        )
        kind = "timeline" if result.kind == "date" else "intervals"
        assert kind in svgs[0].attrs["class"].split()
    assert plotted >= 3


def test_set_claims_have_an_item_table(checked) -> None:
    report, tree, _ = checked
    articles = {a.attrs["data-claim"]: a for a in tree.root.all("article")}
    sets = [r for r in report.claims if r.kind == "set" and r.claim_reading is not None]
    for result in sets:
        table = articles[result.claim.id].all("table", **{"class": "set-table"})
        assert table, result.claim.id
        heads = [th.content() for th in table[0].all("thead")[0].all("th")]
        assert heads[:2] == ["item", "claim value"]


def test_passages_mark_the_figure_and_link_the_source(checked) -> None:
    report, tree, _ = checked
    marks = [m.content() for m in tree.root.all("mark")]
    figures = {e.reading.text for c in report.claims for e in c.evidence if e.reading}
    assert marks and set(marks) & figures
    for link in tree.root.all("a", **{"class": "source"}):
        href = link.attrs["href"]
        assert href.startswith(("http://", "https://", "file:///")), href


def test_the_summary_counts_not_checked_claims_apart() -> None:
    report = run("corpus")
    tree = parse(reporter("html")(report))
    summary = tree.root.all("dl", **{"class": "summary"})[0]
    pairs = dict(
        zip(
            (d.content() for d in summary.all("dt")),
            (d.content() for d in summary.all("dd")),
            strict=True,
        )
    )
    unchecked = sum(1 for c in report.claims if c.verdict == "unsupported")
    assert pairs["Not checked"].split(":")[0] == str(unchecked)
    assert f"(of {len(report.claims) - unchecked} checked)" in pairs["Verdicts"]


def test_hostile_text_and_links_are_escaped(report: Report, hostile_text: str) -> None:
    """The hand-built report: markup, escapes and a javascript: URL in the registry."""
    bad = dataclasses.replace(
        report.sources[1].meta, url="javascript:alert(1)", title="<script>alert(1)</script>"
    )
    sources = (report.sources[0], dataclasses.replace(report.sources[1], meta=bad))
    page = reporter("html")(dataclasses.replace(report, sources=sources))
    tree = parse(page)
    assert "javascript:" not in page
    assert len(tree.root.all("script")) == 1
    assert "[bold red]boom[/]" in page and "\\x1b[31m" in page and "\\u202e" in page
    assert "\x1b" not in page and "\u202e" not in page
    statements = [n.content() for n in tree.root.all("p", **{"class": "statement"})]
    assert any("::error::forged" in s for s in statements)


def test_a_check_writes_the_page(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from cca_claims.cli import app

    root = Path(__file__).parent / "corpus"
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app,
        [
            "check",
            "--claims",
            str(root / "claims"),
            "--sources",
            str(root / "sources"),
            "--format",
            "html",
            "-o",
            str(out),
            "--no-cache",
        ],
    )
    assert result.exit_code == 1, result.output  # the corpus has errors
    parse(out.read_text(encoding="utf-8"))
