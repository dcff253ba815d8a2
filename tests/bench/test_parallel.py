"""Reading values in forked workers gives the report a single process gives."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from bench.generate import generate
from cca_claims import engine, parallel_read
from cca_claims.config import Config

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only")


def _summary(report) -> tuple:
    findings = tuple((f.rule, f.message, str(f.location), f.fingerprint) for f in report.findings)
    claims = tuple(
        (
            c.claim.id,
            c.verdict,
            c.kind,
            tuple(
                (e.reading.kind, e.reading.interval, e.reading.text) if e.reading else None
                for e in c.evidence
            ),
            tuple(e.reading_problem for e in c.evidence),
            c.reconciled,
        )
        for c in report.claims
    )
    return findings, claims


@pytest.fixture()
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Config:
    generate(tmp_path, "XS", seed=13)
    monkeypatch.setattr(parallel_read, "PARALLEL_MIN_CLAIMS", 1)
    monkeypatch.setattr(parallel_read, "WARM_UP_CLAIMS", 3)
    return Config(root=tmp_path, claims=tmp_path / "claims", sources=tmp_path / "sources")


def test_workers_give_the_serial_report(config: Config, monkeypatch) -> None:
    monkeypatch.setenv("CCA_CLAIMS_WORKERS", "1")
    serial = engine.check(config)
    monkeypatch.setenv("CCA_CLAIMS_WORKERS", "3")
    parallel = engine.check(config)
    assert _summary(parallel) == _summary(serial)
    assert any(c.verdict != "unsupported" for c in serial.claims)


def test_a_dead_worker_falls_back_to_reading_here(config: Config, monkeypatch) -> None:
    monkeypatch.setenv("CCA_CLAIMS_WORKERS", "1")
    serial = engine.check(config)
    parent = os.getpid()
    real = parallel_read._read_chunk

    def dying(*args):
        if os.getpid() != parent:
            os._exit(3)  # as if killed: the pool breaks, the parent must not wait forever
        return real(*args)

    monkeypatch.setattr(parallel_read, "_read_chunk", dying)
    monkeypatch.setenv("CCA_CLAIMS_WORKERS", "2")
    assert _summary(engine.check(config)) == _summary(serial)


def test_workers_read_and_reconcile_but_run_no_rules(config: Config, monkeypatch) -> None:
    run = engine.Run(config)
    for step in (engine.load_source_stage, engine.load_claim_stage, engine.anchor_stage):
        step(run)
    monkeypatch.setenv("CCA_CLAIMS_WORKERS", "2")
    engine.read_stage(run)
    share = run.rule_share
    # every rule runs in the rules stage (cca_claims.rules.dispatch), by its declared scope
    assert share.findings == {} and not share.claims
    # the workers still reconcile the claims they read
    assert share.reconciled and len(share.reconciled) < len(run.context.claims)


def test_a_rule_failing_in_a_worker_is_reported_as_one_process_would(
    config: Config, monkeypatch
) -> None:
    from cca_claims.rules import RULES

    module = RULES["C201"]
    parent = os.getpid()
    real = module.check

    def fragile(context):
        if os.getpid() != parent:
            raise RuntimeError("only in the worker")
        return real(context)

    monkeypatch.setattr(module, "check", fragile)
    monkeypatch.setenv("CCA_CLAIMS_WORKERS", "1")
    serial = engine.check(config)
    monkeypatch.setenv("CCA_CLAIMS_WORKERS", "2")
    assert _summary(engine.check(config)) == _summary(serial)
    assert not any(f.rule == "E001" for f in serial.findings)
