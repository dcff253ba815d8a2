"""Large checks load and anchor the second half of their claim files in a forked worker: the
report must be exactly the one a single process makes, duplicates and references included."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.generate import generate
from cca_claims import engine, parallel_read, partition
from cca_claims.config import Config
from cca_claims.memo import Memo


def _config(root: Path) -> Config:
    return Config(root=root, claims=root / "claims", sources=root / "sources")


def _summary(report) -> tuple:
    findings = tuple(
        (f.rule, f.severity, f.message, str(f.location), f.fingerprint, f.claims)
        for f in report.findings
    )
    claims = tuple(
        (
            c.claim.id,
            c.claim.file,
            c.verdict,
            tuple(
                (
                    ev.anchor.status,
                    (ev.anchor.anchor.start, ev.anchor.anchor.end) if ev.anchor.anchor else None,
                    (ev.reading.kind, ev.reading.interval) if ev.reading else None,
                )
                for ev in c.evidence
            ),
        )
        for c in report.claims
    )
    return findings, claims, report.files


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """The XS corpus with its claims cut into four files."""
    generate(tmp_path, "XS", seed=5)
    (only,) = sorted((tmp_path / "claims").glob("*.yaml"))
    text = only.read_text()
    head, _, body = text.partition("claims:\n")
    blocks = ["  - id: " + b for b in body.split("  - id: ")[1:]]
    only.unlink()
    quarter = -(-len(blocks) // 4)
    for n in range(4):
        part = blocks[n * quarter : (n + 1) * quarter]
        (tmp_path / "claims" / f"part-{n}.yaml").write_text(head + "claims:\n" + "".join(part))
    return tmp_path


def _both(root: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple, tuple, list]:
    """(sequential summary, partitioned summary, calls of the worker)."""
    monkeypatch.setattr(partition, "PARALLEL_MIN_BYTES", 10**12)
    sequential = _summary(engine.check(_config(root)))
    monkeypatch.setattr(partition, "PARALLEL_MIN_BYTES", 0)
    started = []
    real_start = partition.start

    def counting(*args, **kwargs):
        started.append(args[0])
        return real_start(*args, **kwargs)

    monkeypatch.setattr(partition, "start", counting)
    parallel = _summary(engine.check(_config(root)))
    return sequential, parallel, started


def test_a_partitioned_check_is_the_sequential_one(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sequential, parallel, started = _both(corpus, monkeypatch)
    (second,) = started  # the worker loads the last files, this process the first
    assert 1 <= len(second) < 4 and second[-1].name == "part-3.yaml"
    assert parallel == sequential
    assert len(sequential[1]) > 20


def _first_id(path: Path) -> str:
    """The id of the first claim of a claim file written as the generator writes them."""
    return path.read_text().split("  - id: ", 2)[1].split("\n", 1)[0]


def test_a_duplicate_id_across_the_halves_is_reported_as_one_process_would(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_id = _first_id(corpus / "claims" / "part-0.yaml")
    last = corpus / "claims" / "part-3.yaml"
    second_id = _first_id(last)
    last.write_text(last.read_text().replace(f"id: {second_id}\n", f"id: {first_id}\n", 1))
    sequential, parallel, _ = _both(corpus, monkeypatch)
    assert parallel == sequential
    assert any(f[0] == "E004" and first_id in f[2] for f in sequential[0])


def test_references_across_the_halves_resolve(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target_id = _first_id(corpus / "claims" / "part-0.yaml")
    last = corpus / "claims" / "part-3.yaml"
    own_id = _first_id(last)
    text = last.read_text().replace(
        f"id: {own_id}\n", f"id: {own_id}\n    same_as: {target_id}\n", 1
    )
    text = text.replace(
        "  - id: ", "  - id: dangling\n    claim: x\n    part_of: nowhere\n  - id: ", 1
    )
    last.write_text(text)
    sequential, parallel, _ = _both(corpus, monkeypatch)
    assert parallel == sequential
    codes = [f[0] for f in sequential[0]]
    assert "E013" in codes  # `nowhere` is reported, `target_id` in the other half is not
    assert not any(f[0] == "E013" and target_id in f[2] for f in sequential[0])


def test_a_failing_worker_falls_back_to_loading_here(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(partition, "PARALLEL_MIN_BYTES", 10**12)
    sequential = _summary(engine.check(_config(corpus)))
    monkeypatch.setattr(partition, "PARALLEL_MIN_BYTES", 0)

    def broken(*_args) -> None:
        raise RuntimeError("worker lost")

    monkeypatch.setattr(partition, "_work", broken)
    assert _summary(engine.check(_config(corpus))) == sequential


def test_small_claim_sets_stay_in_one_process(tmp_path: Path) -> None:
    files = []
    for n in range(3):
        path = tmp_path / f"c{n}.yaml"
        path.write_text("claims: []\n")
        files.append(path)
    assert partition.split(files) is None
    assert partition.split(files[:1]) is None


def test_the_workers_anchors_are_kept_in_the_cache_memo(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cca_claims import cache

    monkeypatch.setattr(partition, "PARALLEL_MIN_BYTES", 0)
    config = Config(
        root=corpus,
        claims=corpus / "claims",
        sources=corpus / "sources",
        cache_dir=corpus / ".cache",
    )
    cold = engine.check(config, use_cache=True)
    cache.wait_for_writes()
    memo = Memo(cache.cache_folder(config), config)
    quotes = {(ev.evidence.source, ev.evidence.quote) for c in cold.claims for ev in c.evidence}
    assert len(memo.anchors_old) == len(quotes)
    # a new comment in the first file: its claims are read again, every anchor is reused
    first = corpus / "claims" / "part-0.yaml"
    first.write_text(first.read_text() + "# checked again\n")
    # anchors computed in either process are logged to a file (the worker's list would be its own)
    log = corpus / "anchored.log"
    from cca_claims import anchor

    original = anchor.Anchorer.anchor

    def counting(self, source_id, quote):
        with log.open("a") as handle:
            handle.write(quote.replace("\n", " ") + "\n")
        return original(self, source_id, quote)

    monkeypatch.setattr(anchor.Anchorer, "anchor", counting)
    again = engine.check(config, use_cache=True)
    assert again.stats["cache"] == "miss"
    assert not log.exists()  # every anchor came from the memo, in both halves
    assert _summary(again) == _summary(cold)
    # and the log does fill when anchors are computed, in both processes
    monkeypatch.setattr(parallel_read, "workers", lambda: 1)
    engine.check(Config(root=corpus, claims=corpus / "claims", sources=corpus / "sources"))
    assert len(log.read_text().splitlines()) == len(
        [ev for c in cold.claims for ev in c.evidence if ev.anchor.status != "no-source"]
    )
