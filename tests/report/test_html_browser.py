"""The HTML report in a real browser: headless Chromium runs the page's script and we read the
DOM it leaves (`--dump-dom`), as a reader would see it.

- with no filter every claim's row shows; the count line says so;
- a filter set from the address (`#verdict=disputed`, `#rule=C201`) hides exactly the other rows
  and articles;
- the plots' bars are laid out by the browser (the screenshot flag draws the page).

Skipped, with the reason, where no Chromium is installed (`.ci/run` installs Debian's package
when it can). Nothing is fetched: the page is a local file and the browser's network features
are off.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from test_html import parse
from test_snapshots import run

from cca_claims.report import reporter
from cca_claims.report.attention import views
from cca_claims.report.html_plots import plot_rows

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


def _browser() -> str:
    for name in (os.environ.get("CCA_CLAIMS_CHROMIUM", ""), *BROWSERS):
        path = shutil.which(name) if name else None
        if path:
            return path
    pytest.skip("no Chromium found (apt-get install chromium; or set CCA_CLAIMS_CHROMIUM)")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(reporter("html")(run("seed")), encoding="utf-8")
    return path


def dump_dom(page: Path, fragment: str, tmp_path: Path) -> str:
    """The DOM after the page's script ran, for the page opened at `#fragment`."""
    browser = _browser()
    url = page.resolve().as_uri() + (f"#{fragment}" if fragment else "")
    proc = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0 and "<html" in proc.stdout, proc.stderr[-2000:]
    return proc.stdout


def _shown(tree, tag: str, cls: str | None = None) -> tuple[set[str], set[str]]:
    """(shown, hidden) claim ids among the elements carrying `data-claim`."""
    shown, hidden = set(), set()
    for node in tree.root.all(tag):
        if "data-claim" not in node.attrs:
            continue
        (hidden if "hidden" in node.attrs else shown).add(node.attrs["data-claim"])
    return shown, hidden


def test_without_a_filter_every_claim_shows(page: Path, tmp_path: Path) -> None:
    tree = parse(dump_dom(page, "", tmp_path))
    report = run("seed")
    shown, hidden = _shown(tree, "tr")
    assert shown == {c.claim.id for c in report.claims} and not hidden
    count = tree.root.all("p")
    line = next(p.content() for p in count if p.attrs.get("id") == "shown-count")
    assert line == f"{len(report.claims)} of {len(report.claims)} claims shown"


@pytest.mark.parametrize("fragment", ["verdict=disputed", "rule=C201", "tag=trade"])
def test_a_filter_shows_exactly_the_matching_claims(
    page: Path, tmp_path: Path, fragment: str
) -> None:
    tree = parse(dump_dom(page, fragment, tmp_path))
    key, value = fragment.split("=")
    expected = set()
    for view in views(run("seed")):
        rules = {r for i in view.issues for r in i.rules} | {
            f.rule for f in (*view.notes, *view.settled)
        }
        if (
            (key == "verdict" and view.shown_verdict == value)
            or (key == "rule" and value in rules)
            or (key == "tag" and value in view.result.claim.tags)
        ):
            expected.add(view.result.claim.id)
    assert expected, "the filter must select something for the test to mean anything"
    for tag in ("tr", "article"):
        shown, hidden = _shown(tree, tag)
        assert shown == expected
        assert hidden == {c.claim.id for c in run("seed").claims} - expected
    select = next(s for s in tree.root.all("select") if s.attrs.get("data-filter") == key)
    assert select  # the control shows the filter too (its value is a property, not in the DOM)


def test_the_plots_have_their_bars_in_the_browser(page: Path, tmp_path: Path) -> None:
    tree = parse(dump_dom(page, "", tmp_path))
    articles = {a.attrs["data-claim"]: a for a in tree.root.all("article")}
    report = run("seed")
    drawn = 0
    for result in report.claims:
        rows = plot_rows(result)
        if rows:
            bars = articles[result.claim.id].all("rect", **{"class": "bar"})
            assert len(bars) == len(rows)
            assert all(float(b.attrs["width"]) >= 3 for b in bars)
            drawn += 1
    assert drawn >= 3


def test_the_page_draws(page: Path, tmp_path: Path) -> None:
    """A screenshot of the page: the browser lays it out and paints it without error."""
    browser = _browser()
    shot = tmp_path / "page.png"
    proc = subprocess.run(
        [
            browser,
            *FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1200,1600",
            f"--screenshot={shot}",
            page.resolve().as_uri() + "#verdict=disputed",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
