"""The cache of finished checks: same reports as an uncached check, safe against bad entries."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from bench.generate import generate
from cca_claims import cache
from cca_claims.config import Config
from cca_claims.engine import check


def _config(root: Path) -> Config:
    return Config(
        root=root,
        claims=root / "claims",
        sources=root / "sources",
        cache_dir=root / ".cca-claims-cache",
    )


def _summary(report) -> tuple:
    """What a user sees of a report: findings and verdicts (not the time it was made)."""
    findings = tuple(
        (f.rule, f.severity, f.message, str(f.location), f.fingerprint, f.review)
        for f in report.findings
    )
    verdicts = tuple((c.claim.id, c.verdict) for c in report.claims)
    anchors = tuple(
        (ev.anchor.status, ev.anchor.anchor.start if ev.anchor.anchor else None)
        for c in report.claims
        for ev in c.evidence
    )
    readings = tuple(
        (ev.reading.kind, ev.reading.interval) if ev.reading else None
        for c in report.claims
        for ev in c.evidence
    )
    return findings, verdicts, anchors, readings


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    generate(tmp_path, "XS", seed=11)
    return tmp_path


def test_warm_run_returns_the_cold_report(corpus: Path) -> None:
    config = _config(corpus)
    plain = check(config)
    cold = check(config, use_cache=True)
    warm = check(config, use_cache=True)
    assert cold.stats["cache"] == "miss" and warm.stats["cache"] == "hit"
    assert _summary(plain) == _summary(cold) == _summary(warm)
    assert (corpus / ".cca-claims-cache" / "README.txt").is_file()


def test_an_edited_claim_is_rechecked_and_the_rest_reused(corpus: Path) -> None:
    config = _config(corpus)
    check(config, use_cache=True)
    claim_file = sorted((corpus / "claims").glob("*.yaml"))[0]
    text = claim_file.read_text()
    # change the first claim's value: its readings must be recomputed, not reused
    first_value = next(line for line in text.splitlines() if line.startswith("    value:"))
    edited = text.replace(first_value, '    value: "999 billion USD"', 1)
    assert edited != text
    claim_file.write_text(edited)
    memo = cache.Memo(cache.cache_folder(config), config)
    assert memo.reads_old and memo.anchors_old
    after = check(config, use_cache=True)
    assert after.stats["cache"] == "miss"
    assert _summary(after) == _summary(check(config))


def test_a_changed_source_is_reanchored(corpus: Path) -> None:
    config = _config(corpus)
    check(config, use_cache=True)
    source = corpus / "sources" / "src-00000.txt"
    text = source.read_text()
    # every sentence that states a fact drops a word: its quotes become fuzzy anchors
    edited = text.replace(" the ", " ")
    assert edited != text
    source.write_text(edited)
    after = check(config, use_cache=True)
    assert after.stats["cache"] == "miss"
    assert _summary(after) == _summary(check(config))


def test_corrupt_entries_are_ignored_and_rebuilt(corpus: Path) -> None:
    config = _config(corpus)
    expected = _summary(check(config, use_cache=True))
    folder = corpus / ".cca-claims-cache"
    entries = list(folder.glob("*.pickle"))
    assert len(entries) == 2  # the report and the memo
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:100])  # truncated, as after a crash
    again = check(config, use_cache=True)
    assert again.stats["cache"] == "miss"
    assert _summary(again) == expected
    assert check(config, use_cache=True).stats["cache"] == "hit"


def test_a_planted_entry_cannot_run_code(corpus: Path) -> None:
    config = _config(corpus)
    check(config, use_cache=True)
    folder = corpus / ".cca-claims-cache"
    marker = corpus / "pwned"

    class Evil:
        def __reduce__(self):
            return (exec, (f"open({str(marker)!r}, 'w').write('x')",))

    for entry in folder.glob("*.pickle"):
        key = entry.stem
        entry.write_bytes(pickle.dumps((key, Evil())))
    report = check(config, use_cache=True)
    assert not marker.exists()
    assert report.stats["cache"] == "miss"
    assert _summary(report) == _summary(check(config))


def test_code_change_invalidates(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _config(corpus)
    key = cache.input_key(config, mode="check")
    monkeypatch.setattr(cache, "_code_hash", "another version of the code")
    assert cache.input_key(config, mode="check") != key
    assert cache.input_key(replace(config, fuzzy_threshold=90.0), mode="check") != key


def test_unwritable_cache_folder_still_checks(corpus: Path) -> None:
    blocker = corpus / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    config = replace(_config(corpus), cache_dir=blocker / "cache")
    report = check(config, use_cache=True)
    assert report.stats["cache"] == "miss"
    assert _summary(report) == _summary(check(config))


def test_no_cache_folder_configured(corpus: Path) -> None:
    config = replace(_config(corpus), cache_dir=None)
    assert check(config, use_cache=True).stats["cache"] == "miss"
    assert not (corpus / ".cca-claims-cache").exists()


def test_cache_lists_the_claim_files_the_loader_reads(corpus: Path) -> None:
    from cca_claims.claims import find_claim_files

    (corpus / "claims" / "nested").mkdir()
    (corpus / "claims" / "nested" / "more.yml").write_text("claims: []\n")
    (corpus / "claims" / "notes.txt").write_text("not a claim file\n")
    assert cache.claim_files(corpus / "claims") == find_claim_files(corpus / "claims")


def test_rendered_output_is_kept_per_inputs_and_variant(corpus: Path) -> None:
    config = _config(corpus)
    report = check(config, use_cache=True)
    assert cache.load_rendered(config, report, "text|100") is None
    assert cache.store_rendered(config, report, "text|100", "the rendered report\n")
    again = check(config, use_cache=True)
    assert again.stats["cache"] == "hit"
    assert cache.load_rendered(config, again, "text|100") == "the rendered report\n"
    assert cache.load_rendered(config, again, "text|80") is None
    # an uncached report has no key: nothing is loaded or stored for it
    plain = check(config)
    assert cache.load_rendered(config, plain, "text|100") is None
    assert not cache.store_rendered(config, plain, "text|100", "x")
    # changed inputs: the old output is not offered
    claim_file = sorted((corpus / "claims").glob("*.yaml"))[0]
    claim_file.write_text(claim_file.read_text() + "\n# an edit\n")
    changed = check(config, use_cache=True)
    assert cache.load_rendered(config, changed, "text|100") is None
