"""A large text report draws its second half of claims in a forked worker: same text, always."""

from __future__ import annotations

from pathlib import Path

import pytest

from cca_claims import engine, forking
from cca_claims.config import Config
from cca_claims.report import text_details as text

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def report():
    """The seed corpus's report (claims with findings: more than a handful of blocks)."""
    return engine.check(Config(root=REPO, claims=REPO / "claims", sources=REPO / "sources"))


@pytest.mark.parametrize(("color", "width"), [(False, 100), (False, 60), (True, 100)])
def test_drawn_in_two_processes_is_drawn_in_one(
    report, monkeypatch: pytest.MonkeyPatch, color: bool, width: int
) -> None:
    monkeypatch.setattr(text, "PARALLEL_MIN_BLOCKS", 10**9)
    alone = text.render(report, color=color, width=width)
    started = []
    real = forking.start
    monkeypatch.setattr(forking, "start", lambda *a: started.append(a) or real(*a))
    monkeypatch.setattr(text, "PARALLEL_MIN_BLOCKS", 2)
    shared = text.render(report, color=color, width=width)
    assert started and shared == alone
    assert alone.count("\n") > 50


def test_a_failed_worker_is_drawn_here(report, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = text.render(report)

    class Lost:
        def result(self):
            raise RuntimeError("worker lost")

    calls = []
    monkeypatch.setattr(forking, "start", lambda *a: calls.append(a) or Lost())
    monkeypatch.setattr(text, "PARALLEL_MIN_BLOCKS", 2)
    assert text.render(report) == alone and calls


def test_forking_runs_the_call_in_another_process() -> None:
    import os

    job = forking.start(os.getpid)
    if job is None:
        pytest.skip("no fork on this platform")
    assert job.result() != os.getpid()
