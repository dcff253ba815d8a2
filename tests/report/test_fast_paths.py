"""The fast paths of the outputs give the text of the slow ones.

Plain text is laid out by `report.plainlayout` instead of rich's pipeline: on real checks of the
two test corpora and on the hand-built report (hostile text, wide characters), at widths from the
narrowest to the widest, both give the same lines. The JSON report is streamed item by item: the
same bytes as dumping the whole document, valid against the schema, written in many pieces.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text
from test_snapshots import run

from cca_claims.model import Report
from cca_claims.report import json_report, terminal
from cca_claims.report.common import dumps
from cca_claims.report.lint import render as render_lint
from cca_claims.report.plainlayout import NARROW, wrap
from cca_claims.report.text import render as render_text

SCHEMA = Path(__file__).parent.parent.parent / "cca_claims" / "schemas" / "report.schema.json"
WIDTHS = (40, 59, 60, 79, 80, 100, 133, 160)


def both(render, report: Report, width: int, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    fast = render(report, color=False, width=width)
    monkeypatch.setattr(terminal, "FAST_PLAIN", False)
    slow = render(report, color=False, width=width)
    monkeypatch.setattr(terminal, "FAST_PLAIN", True)
    return fast, slow


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("corpus", ["corpus", "seed"])
def test_plain_text_is_rich_s_layout_on_real_checks(corpus, width, monkeypatch) -> None:
    report = run(corpus)
    fast, slow = both(render_text, report, width, monkeypatch)
    assert fast == slow
    assert fast.count("\n") > 20  # passages and findings, not only the summary


@pytest.mark.parametrize("width", WIDTHS)
def test_plain_text_is_rich_s_layout_on_hostile_text(report: Report, width, monkeypatch) -> None:
    fast, slow = both(render_text, report, width, monkeypatch)
    assert fast == slow
    fast, slow = both(render_lint, report, width, monkeypatch)
    assert fast == slow


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("ab cd\u2026\u4e2d\u6587\uff01-\u201c\u0416\u2192\u2260\n")
            + ["word", "  ", "x" * 30]
        ),
        max_size=40,
    ).map("".join),
    st.integers(min_value=1, max_value=50),
)
def test_wrap_breaks_lines_where_rich_does(text: str, width: int) -> None:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False, markup=False)
    console.print(Text(text))
    expected = [line.rstrip() for line in out.getvalue()[:-1].split("\n")]
    assert [line.rstrip() for line in wrap(text, width)] == expected


def test_every_narrow_character_is_one_cell_for_rich() -> None:
    from rich.cells import cell_len

    narrow = [chr(c) for c in range(0x20, 0x3000) if NARROW.fullmatch(chr(c))]
    assert len(narrow) > 1400  # Latin, Cyrillic, punctuation: the fast measure applies
    assert [c for c in narrow if cell_len(c) != 1] == []
    assert not NARROW.fullmatch("\u4e2d") and not NARROW.fullmatch("\u200b")


@pytest.mark.parametrize("corpus", ["corpus", "seed"])
def test_json_stream_is_the_whole_document_in_pieces(corpus: str) -> None:
    report = run(corpus)
    pieces: list[str] = []
    json_report.write(report, pieces.append)
    text = "".join(pieces)
    assert text == dumps(json_report.document(report), indent=2) + "\n"
    assert text == json_report.render(report)
    # one piece per source, claim and finding at least: nothing built whole
    assert len(pieces) > len(report.sources) + len(report.claims) + len(report.findings)
    doc = json.loads(text)
    jsonschema.validate(doc, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(doc["claims"]) == len(report.claims)


def test_json_stream_of_an_empty_report_keeps_empty_lists(report: Report) -> None:
    from dataclasses import replace

    empty = replace(report, sources=(), claims=(), findings=())
    text = json_report.render(empty)
    assert text == dumps(json_report.document(empty), indent=2) + "\n"
    doc = json.loads(text)
    assert doc["claims"] == doc["sources"] == doc["findings"] == []
    assert '"findings": []' in text
