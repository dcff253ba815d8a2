"""The cache of finished checks: same reports as an uncached check, safe against bad entries."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from pathlib import Path

import pytest

from bench.generate import generate
from cca_claims.config import Config
from cca_claims.engine import check
from cca_claims.speed import cache
from cca_claims.speed.memo import Memo


def _config(root: Path) -> Config:
    return Config(
        root=root,
        claims=root / "claims",
        sources=root / "sources",
        cache_dir=root / ".cca-claims-cache",
    )


def _cached(config: Config):
    """A cached check whose cache entries are on disk when it returns (they are written by a
    forked child: see cache.write_later)."""
    report = check(config, use_cache=True)
    cache.wait_for_writes()
    return report


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


@pytest.fixture(autouse=True)
def _background_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Entries written by a forked child, as for a large check (the corpora here are small)."""
    monkeypatch.setattr(cache, "BACKGROUND_MIN_RECORDS", 1)


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
    _cached(config)
    claim_file = sorted((corpus / "claims").glob("*.yaml"))[0]
    text = claim_file.read_text()
    # change the first claim's value: its readings must be recomputed, not reused
    first_value = next(line for line in text.splitlines() if line.startswith("    value:"))
    edited = text.replace(first_value, '    value: "999 billion USD"', 1)
    assert edited != text
    claim_file.write_text(edited)
    memo = Memo(cache.cache_folder(config), config)
    assert memo.reads_old and memo.anchors_old
    after = _cached(config)
    assert after.stats["cache"] == "miss"
    assert _summary(after) == _summary(check(config))


def test_claims_of_an_unchanged_file_are_not_read_again(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cca_claims import read_claims as reading

    config = _config(corpus)
    _cached(config)
    (existing,) = sorted((corpus / "claims").glob("*.yaml"))
    text = existing.read_text()
    # a new file with a copy of the first claim under a new id
    first = text.index("\n  - id: ")
    block = text[first : text.index("\n  - id: ", first + 1)]
    old_id = block.split("id: ", 1)[1].split("\n", 1)[0]
    (corpus / "claims" / "added.yaml").write_text(
        "claims:" + block.replace(f"id: {old_id}", "id: added-claim", 1) + "\n"
    )
    read: list[str] = []
    real = reading.read_claim

    def counting(claim, anchored, sources, cfg):
        read.append(claim.id)
        return real(claim, anchored, sources, cfg)

    monkeypatch.setattr(reading, "read_claim", counting)
    after = _cached(config)
    assert after.stats["cache"] == "miss"
    assert read == ["added-claim"]
    # and an edit anywhere in a file reads that file's claims again
    existing.write_text(text + "\n# reviewed again\n")
    read.clear()
    _cached(config)
    assert sorted(read) == sorted(c.claim.id for c in after.claims if c.claim.id != "added-claim")
    assert _summary(_cached(config)) == _summary(check(config))


def test_a_changed_source_is_reanchored(corpus: Path) -> None:
    config = _config(corpus)
    _cached(config)
    source = corpus / "sources" / "src-00000.txt"
    text = source.read_text()
    # every sentence that states a fact drops a word: its quotes become fuzzy anchors
    edited = text.replace(" the ", " ")
    assert edited != text
    source.write_text(edited)
    after = _cached(config)
    assert after.stats["cache"] == "miss"
    assert _summary(after) == _summary(check(config))


def test_corrupt_entries_are_ignored_and_rebuilt(corpus: Path) -> None:
    config = _config(corpus)
    expected = _summary(_cached(config))
    folder = corpus / ".cca-claims-cache"
    entries = list(folder.glob("*.pickle"))
    assert len(entries) == 2  # the report and the memo
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:100])  # truncated, as after a crash
    again = _cached(config)
    assert again.stats["cache"] == "miss"
    assert _summary(again) == expected
    assert _cached(config).stats["cache"] == "hit"


def test_a_planted_entry_cannot_run_code(corpus: Path) -> None:
    config = _config(corpus)
    _cached(config)
    folder = corpus / ".cca-claims-cache"
    marker = corpus / "pwned"

    class Evil:
        def __reduce__(self):
            return (exec, (f"open({str(marker)!r}, 'w').write('x')",))

    for entry in folder.glob("*.pickle"):
        key = entry.stem
        entry.write_bytes(pickle.dumps((key, Evil())))
    report = _cached(config)
    assert not marker.exists()
    assert report.stats["cache"] == "miss"
    assert _summary(report) == _summary(check(config))


def test_code_change_invalidates(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = _config(corpus)
    key = cache.input_key(config, mode="check")
    from cca_claims.speed import cachekey

    monkeypatch.setattr(cachekey, "_code_hash", "another version of the code")
    assert cache.input_key(config, mode="check") != key
    assert cache.input_key(replace(config, fuzzy_threshold=90.0), mode="check") != key


def test_unwritable_cache_folder_still_checks(corpus: Path) -> None:
    blocker = corpus / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    config = replace(_config(corpus), cache_dir=blocker / "cache")
    report = _cached(config)
    assert report.stats["cache"] == "miss"
    assert _summary(report) == _summary(check(config))


def test_no_cache_folder_configured(corpus: Path) -> None:
    config = replace(_config(corpus), cache_dir=None)
    assert _cached(config).stats["cache"] == "miss"
    assert not (corpus / ".cca-claims-cache").exists()


def test_rendered_output_is_kept_per_inputs_and_variant(corpus: Path) -> None:
    config = _config(corpus)
    report = _cached(config)
    assert cache.load_rendered(config, report, "text|100") is None
    assert cache.store_rendered(config, report, "text|100", "the rendered report\n")
    again = _cached(config)
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
    changed = _cached(config)
    assert cache.load_rendered(config, changed, "text|100") is None


# the command line, with this small corpus's entries written in the background as a large one's
LARGE_CHECK_CLI = (
    "import sys; import cca_claims.speed.cache as c; c.BACKGROUND_MIN_RECORDS = 1; "
    "from cca_claims.cli import main; sys.argv[0] = 'cca-claims'; main()"
)


def test_entries_are_complete_when_the_command_exits(corpus: Path) -> None:
    """The forked writer is waited for at exit: the next run, even a fresh process, hits."""
    import subprocess
    import sys

    def run() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-c", LARGE_CHECK_CLI, "check", "--format", "json"],
            cwd=corpus,
            capture_output=True,
            text=True,
            timeout=120,
        )

    first = run()
    entries = sorted(p.name for p in (corpus / ".cca-claims-cache").glob("*.pickle"))
    assert len(entries) == 2 and "memo.pickle" in entries  # the report and the memo
    assert not list((corpus / ".cca-claims-cache").glob(".*.tmp"))  # nothing half written
    second = run()
    assert first.returncode == second.returncode
    assert json.loads(first.stdout)["findings"] == json.loads(second.stdout)["findings"]


def test_a_failing_background_write_leaves_the_caller_alone(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(cache, "store", broken)
    report = check(_config(corpus), use_cache=True)
    cache.wait_for_writes()
    assert report.stats["cache"] == "miss"
    assert not list((corpus / ".cca-claims-cache").glob("*.pickle"))


def test_small_checks_write_their_entries_before_returning(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "BACKGROUND_MIN_RECORDS", 1_000)
    forks: list[int] = []
    monkeypatch.setattr(cache.os, "fork", lambda: forks.append(1) or 0)
    check(_config(corpus), use_cache=True)
    assert not forks
    assert len(list((corpus / ".cca-claims-cache").glob("*.pickle"))) == 2


def test_nothing_is_kept_when_an_input_changes_during_the_check(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The memo is written while the rules run; it is put in place only if the inputs are the
    same at the end, and the report is not stored at all otherwise."""
    from cca_claims import engine

    config = _config(corpus)
    claim_file = sorted((corpus / "claims").glob("*.yaml"))[0]
    real_rules = engine.rule_stage

    def editing_rules(run, lint_only=False):
        claim_file.write_text(claim_file.read_text() + "\n# edited during the check\n")
        return real_rules(run, lint_only=lint_only)

    monkeypatch.setattr(engine, "rule_stage", editing_rules)
    report = check(config, use_cache=True)
    cache.wait_for_writes()
    assert report.stats["cache"] == "miss" and "cache_key" not in report.stats
    folder = corpus / ".cca-claims-cache"
    assert not list(folder.glob("*.pickle")) and not list(folder.glob(".*pending"))
    monkeypatch.setattr(engine, "rule_stage", real_rules)
    _cached(config)
    assert sorted(p.name for p in folder.glob("*.pickle"))[-1] == "memo.pickle"
    assert len(list(folder.glob("*.pickle"))) == 2


def test_a_memo_left_aside_by_a_dead_check_is_removed(corpus: Path) -> None:
    """A pending memo is removed when its writer is gone (its process no longer runs) or when
    it is old; one of a running check is kept. Ages by the file system's clock."""
    import os
    import subprocess
    import sys

    folder = corpus / ".cca-claims-cache"
    folder.mkdir()
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(gone.stdout)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        old = folder / f".memo.pickle.{running.pid}.pending"
        dead = folder / f".memo.pickle.{dead_pid}.pending"
        fresh = folder / f".memo.pickle.{os.getppid()}.pending"
        for path in (old, dead, fresh):
            path.write_bytes(b"half a memo")
        past = cache.folder_time(folder) / 1e9 - 2 * cache.STALE_PENDING_SECONDS
        os.utime(old, (past, past))
        _cached(_config(corpus))
        assert not old.exists()  # too old, whoever wrote it
        assert not dead.exists()  # its writer is gone
        assert fresh.exists()  # may belong to a check running now
    finally:
        running.kill()
        running.wait()


def test_record_entries_round_trip_records_and_refuse_anything_else(corpus: Path) -> None:
    from cca_claims.speed import recordpickle

    report = check(_config(corpus))
    again = recordpickle.loads(recordpickle.dumps(report))
    assert again == report and type(again.claims[0]) is type(report.claims[0])
    assert recordpickle.loads(recordpickle.dumps({"p": Path("a/b")})) == {"p": Path("a/b")}
    # what is not a record is not written...
    for value in (print, type, object(), cache):
        with pytest.raises(pickle.PicklingError):
            recordpickle.dumps(value)
    # ...and no global but the record builder (and datetime's types) is ever resolved
    for module, name in (("os", "system"), ("builtins", "eval"), ("cca_claims.model", "Finding")):
        with pytest.raises(pickle.UnpicklingError):
            recordpickle.loads(b"\x80\x02c" + f"{module}\n{name}\n".encode() + b".")
    # the builder has no attribute to set: pickle's BUILD on it fails
    build = b"\x80\x02ccca_claims.speed.recordpickle\nRECORD\nN}\x8c\x01xK\x01s\x86b."
    with pytest.raises(Exception):  # noqa: B017 - whichever error pickle raises for it
        recordpickle.loads(build)
    assert not hasattr(recordpickle.RECORD, "x")
