"""`show`, `claims`, `sources` renderers and baseline files, on the hand-built report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cca_claims.baseline import (
    BaselineError,
    baseline_entries,
    read_baseline,
    write_baseline,
)
from cca_claims.model import Report
from cca_claims.report.tables import Filters, render_claims, render_show, render_sources


def test_show_lays_out_evidence_findings_reviews_and_reconciled(report: Report) -> None:
    out = render_show(report, "trade-2024", color=False, width=120)
    flat = " ".join(out.split())
    for header in ("source", "kind", "date", "value as read", "normalized"):
        assert header in out
    assert "trade-news news 2025-01-20 exact line 2" in flat
    assert "yuan-brief analysis 2025-02-01..2025-03-01" in flat
    # the open finding has its fingerprint and a reviews: entry ready to paste
    assert "fingerprint: fedcba9876543210" in out
    assert "- rule: C201 fingerprint: fedcba9876543210 status: explained" in flat
    # the reviewed one shows its note, not a snippet
    assert flat.count("- rule: V301") == 0
    assert "Reviews (1)" in out and "C201 0123456789abcdef explained: different scope" in flat
    assert "Reconciled" in out and "trade-news: [94.815 billion, 94.825 billion) USD" in flat


def test_show_keeps_hostile_text_literal(report: Report) -> None:
    out = render_show(report, "hostile-text", color=True, width=100)
    assert "\x1b[31mred" not in out and "\u202e" not in out
    assert "[bold red]boom[/]" in out


def test_claims_table_filters(report: Report) -> None:
    everything = render_claims(report, color=False, width=120)
    assert "3 of 3 claims" in everything
    by_tag = render_claims(report, Filters(tags=("investment",)), color=False, width=120)
    assert "1 of 3 claims" in by_tag and "investment" in by_tag and "trade-2024" not in by_tag
    by_verdict = render_claims(report, Filters(verdicts=("disputed",)), color=False, width=120)
    assert "trade-2024" in by_verdict and "hostile-text" not in by_verdict
    by_source = render_claims(report, Filters(sources=("yuan-brief",)), color=False, width=120)
    assert "trade-2024" in by_source and "investment" not in by_source
    none = render_claims(report, Filters(tags=("nope",)), color=False, width=120)
    assert "no claims match" in none
    # reviewed findings are counted apart from open ones
    assert "1 (+1 reviewed)" in everything


def test_sources_table_counts_citing_claims(report: Report) -> None:
    out = render_sources(report, color=False, width=140)
    row = next(ln for ln in out.splitlines() if ln.lstrip().startswith("trade-news"))
    assert "2   2   1 consistent, 1 disputed" in " ".join(row.split("  ")).replace("  ", " ") or (
        row.split()[-8:-2] == ["2", "2", "1", "consistent,", "1", "disputed"]
    )
    assert row.split()[-2:] == ["trade,", "investment"]
    narrow = render_sources(report, Filters(verdicts=("unsupported",)), color=False, width=60)
    assert "1 of 2 sources" in narrow and "yuan-brief" in narrow
    assert max(len(ln) for ln in narrow.splitlines()) <= 60


# ----------------------------------------------------------------------------- baseline
def test_baseline_round_trip_records_open_stale_and_baselined_findings(
    report: Report, tmp_path: Path
) -> None:
    path = tmp_path / "baseline.json"
    n = write_baseline(path, report)
    recorded = read_baseline(path)
    expected = {f.fingerprint for f in report.findings if f.review in ("", "stale", "baseline")}
    assert recorded == expected and n == len(expected)
    assert "0123456789abcdef" not in recorded  # settled by a review in the claim file
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]  # no temp file left
    doc = json.loads(path.read_text())
    assert doc["version"] == 1 and all("message" in e for e in doc["findings"])


def test_baseline_entries_are_sorted_and_unique(report: Report) -> None:
    entries = baseline_entries(list(report.findings) * 2)
    keys = [(e["file"], e["rule"], e["fingerprint"]) for e in entries]
    assert keys == sorted(set(keys))


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "not found (create it with --write-baseline"),
        (b"\xff\xfe", "is not JSON"),
        (b"[1, 2]", "has no `findings` list"),
        (b'{"findings": [{"rule": "C201"}]}', "entry 1 has no fingerprint"),
        (b'{"version": 99, "findings": []}', "has version 99"),
    ],
)
def test_bad_baseline_files_give_clear_errors(tmp_path: Path, content, message) -> None:
    path = tmp_path / "b.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(BaselineError, match=".*" + message.replace("(", r"\(").replace("[", r"\[")):
        read_baseline(path)


def test_baseline_refuses_the_claims_folder(report: Report, tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    claims.mkdir()
    with pytest.raises(BaselineError, match="choose another path"):
        write_baseline(claims / "baseline.json", report, protected=(claims,))
    assert not list(claims.iterdir())
