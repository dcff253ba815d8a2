"""The tool's clock: one place for today's date, pinned by the suite; file ages on the file
system's own clock."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

import pytest

from cca_claims import clock
from cca_claims.config import Config
from cca_claims.engine import check
from cca_claims.speed import cache

CORPUS = Path(__file__).resolve().parents[1] / "report" / "corpus"


def test_the_suite_runs_on_a_pinned_day() -> None:
    """tests/conftest.py pins the day, so nothing in the suite depends on the calendar."""
    assert os.environ[clock.ENV]
    assert clock.today() == dt.date.fromisoformat(os.environ[clock.ENV])


def test_a_pinned_day_is_the_reports_time(today, tmp_path: Path) -> None:
    today("2031-01-02")
    assert clock.today() == dt.date(2031, 1, 2)
    assert clock.stamp() == "2031-01-02T00:00:00+00:00"
    root = tmp_path / "p"
    shutil.copytree(CORPUS, root)
    report = check(Config(root=root, claims=root / "claims", sources=root / "sources"))
    assert report.generated_at == "2031-01-02T00:00:00+00:00"


def test_unpinned_the_clock_is_the_real_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(clock.ENV)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    now = clock.now()
    assert now.tzinfo is not None and now.microsecond == 0
    assert before <= now <= dt.datetime.now(dt.UTC)


def test_a_malformed_pin_is_an_error_not_the_real_day(today) -> None:
    today("2031-13-45")
    with pytest.raises(ValueError, match=r"CCA_CLAIMS_TODAY='2031-13-45' is not a YYYY-MM-DD"):
        clock.today()


def test_the_cache_key_changes_with_the_day(today, tmp_path: Path) -> None:
    """An entry is good for the day it was made (a rule may compare a date with today's)."""
    config = Config(root=CORPUS, claims=CORPUS / "claims", sources=CORPUS / "sources")
    today("2026-12-01")
    first = cache.input_key(config, mode="check")
    assert cache.input_key(config, mode="check") == first
    today("2026-12-02")
    assert cache.input_key(config, mode="check") != first


def test_filesystem_now_is_the_time_the_file_system_gives_a_new_file(tmp_path: Path) -> None:
    before = tmp_path / "before"
    before.write_text("x")
    now = clock.filesystem_now(tmp_path)
    after = tmp_path / "after"
    after.write_text("x")
    assert before.stat().st_mtime <= now <= after.stat().st_mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["after", "before"]  # no probe left


def test_a_process_clock_years_ahead_does_not_age_the_cache_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As under `faketime` or a skewed container clock: the process's time is five years ahead
    of the file system's. A memo set aside a minute ago stays (a check may be writing it); one
    set aside two hours ago, on the file system's clock, is removed."""
    root = tmp_path / "p"
    shutil.copytree(CORPUS, root)
    folder = root / ".cca-claims-cache"
    folder.mkdir()
    # written aside by processes that still run (init and pytest's parent), so that only their
    # age can make them stale
    fresh = folder / f".{cache.MEMO_NAME}.1.pending"
    old = folder / f".{cache.MEMO_NAME}.{os.getppid()}.pending"
    for path in (fresh, old):
        path.write_bytes(b"half a memo")
    written = fresh.stat().st_mtime
    os.utime(fresh, (written - 60, written - 60))
    os.utime(old, (written - 2 * cache.STALE_PENDING_SECONDS,) * 2)
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 5 * 365 * 86400)
    config = Config(root=root, claims=root / "claims", sources=root / "sources", cache_dir=folder)
    check(config, use_cache=True)
    cache.wait_for_writes()
    assert fresh.exists()
    assert not old.exists()


def test_no_module_but_the_clock_asks_the_system_for_the_date() -> None:
    """`date.today()`, `datetime.now()` and the like anywhere else would bypass the pin."""
    import ast

    package = Path(clock.__file__).parent
    asking = {"today", "now", "utcnow"}
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "clock.py" and path.parent == package:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in asking
                and isinstance(node.value, (ast.Name, ast.Attribute))
                and (getattr(node.value, "id", None) or node.value.attr) in ("date", "datetime")
            ):
                found.append(f"{path.relative_to(package)}:{node.lineno}")
    assert found == []
