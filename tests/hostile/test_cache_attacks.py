"""Caches turned against their user: planted entries, poisoned user caches, foreign files.

Each case is what an attacker can deliver: a pull request can commit `.cca-claims-cache/` (`git
add -f`), and a CI job that saves and restores `~/.cache/cca-claims` with `actions/cache` can be
handed a folder written by a pull request's job. Entries are built the way an attacker builds
them: pickle opcodes written by hand, JSON edited in place. Every check runs in a fresh process
(a pickle that sets an attribute on a class would otherwise leak into the test process), with
its own per-user folders (XDG_CACHE_HOME, XDG_CONFIG_HOME), so the user's real secret and caches
are never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.hostile_support import REPO

CORPUS = REPO / "tests" / "report" / "corpus"  # six claims; `check` exits 1 (open errors)


def _env(home: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "PYTHONPATH": str(REPO),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "CCA_CLAIMS_NO_PROGRESS": "1",
    }
    env.pop("CCA_CLAIMS_CACHE_SECRET", None)
    return env


def _cli(project: Path, home: Path, *args: str, timeout: float = 120):
    return subprocess.run(
        [sys.executable, "-m", "cca_claims", *args],
        cwd=project,
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(CORPUS, root)
    return root


def _unicode(text: str) -> bytes:
    data = text.encode()
    return b"\x8c" + bytes([len(data)]) + data  # SHORT_BINUNICODE


def _set_class_attribute(module: str, name: str, attribute: str, value: bytes) -> bytes:
    """A pickle that sets `attribute` on class `module.name` (BUILD with a slot state), the
    way the issue's 47- and 242-byte files did; `value` is the opcodes that push the value."""
    return (
        b"\x80\x02"  # PROTO 2
        + b"c"
        + f"{module}\n{name}\n".encode()  # GLOBAL: the class itself
        + b"N}"  # NONE (no dict state), EMPTY_DICT (slot state)
        + _unicode(attribute)
        + value
        + b"s"  # SETITEM
        + b"\x86"  # TUPLE2: (None, {attribute: value})
        + b"b"  # BUILD: setattr(class, attribute, value)
        + b"."  # STOP
    )


def test_a_committed_memo_cannot_forge_reviews(project: Path, tmp_path: Path) -> None:
    """47 bytes that replace `Finding.suppressed` (a property) by True: every finding would
    count as reviewed and `check` would pass a corpus with open errors."""
    forged = _set_class_attribute("cca_claims.model", "Finding", "suppressed", b"\x88")
    assert len(forged) == 47
    folder = project / ".cca-claims-cache"
    folder.mkdir()
    (folder / "memo.pickle").write_bytes(forged)
    done = _cli(project, tmp_path, "check", "--format", "json")
    assert done.returncode == 1, done.stderr
    doc = json.loads(done.stdout)
    assert any(f["severity"] == "error" and not f.get("review") for f in doc["findings"])


def test_a_committed_memo_cannot_choose_where_the_cache_writes(
    project: Path, tmp_path: Path
) -> None:
    """A memo that sets the memo's file name to an absolute path: the next memo would be
    written over that file (an `authorized_keys`, in the issue's report)."""
    victim = tmp_path / "home" / ".ssh" / "authorized_keys"
    victim.parent.mkdir(parents=True)
    victim.write_text("ssh-ed25519 AAAA the-owner\n")
    # "/../../…/<victim>": the memo's pending copy (".<name>.<pid>.pending" in the cache folder)
    # climbs to the root and lands beside the victim, and the final rename replaces the victim
    name = "/" + "../" * 40 + str(victim).lstrip("/")
    planted = _set_class_attribute("cca_claims.speed.memo", "Memo", "NAME", _unicode(name))
    folder = project / ".cca-claims-cache"
    folder.mkdir()
    (folder / "memo.pickle").write_bytes(planted)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    done = _cli(project, tmp_path, "check")
    assert done.returncode == 1, done.stderr
    assert victim.read_bytes() == b"ssh-ed25519 AAAA the-owner\n"
    # nothing outside the cache folder (and the per-user folders) was written or replaced
    outside = {
        p: p.read_bytes()
        for p in tmp_path.rglob("*")
        if p.is_file()
        and folder not in p.parents
        and not {tmp_path / "cache", tmp_path / "config"} & set(p.parents)
    }
    assert outside == {p: data for p, data in before.items() if p in outside}
    assert set(outside) == {p for p in before if folder not in p.parents}


def test_an_entry_sealed_with_a_stolen_secret_still_builds_records_only(tmp_path: Path) -> None:
    """The second wall: even an entry that passes the seal (the secret leaked) cannot set an
    attribute on a class, nor name any global but the record builder."""
    forged = _set_class_attribute("cca_claims.model", "Finding", "suppressed", b"\x88")
    script = f"""
from pathlib import Path
from cca_claims import model
from cca_claims.speed import cache, sealed
folder = Path({str(tmp_path / "c")!r}); folder.mkdir()
key = "0" * 64
(folder / f"{{key}}.pickle").write_bytes(sealed.seal(f"report|{{key}}", {forged!r}))
print(cache.load(folder, key), isinstance(model.Finding.suppressed, property))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], env=_env(tmp_path), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["None", "True"]


def _old_and_new_unit_memos(home: Path) -> list[Path]:
    """Where a unit memo is kept (this version's name and the one before it)."""
    from cca_claims.quantities import unitmemo
    from cca_claims.userdata import library_stamp

    pint = hashlib.sha256(library_stamp("pint").encode()).hexdigest()[:16]
    units = hashlib.sha256(unitmemo.UNITS_FILE.read_bytes()).hexdigest()[:16]
    cache = home / "cache" / "cca-claims"
    return [
        cache / "pint" / f"memo-1-pint-{pint}-units-{units}.json",
        cache / "units" / f"memo-{unitmemo.FORMAT}-pint-{pint}-units-{units}.json",
    ]


LENGTH_CLAIM = """claims:
  - id: pipeline-length
    claim: The pipeline is 1,830 km long.
    value: 1830 km
    kind: quantity
    evidence:
      - source: pipeline-note
        quote: "The new pipeline runs for 1,830,000 metres"
"""
LENGTH_SOURCE = "The new pipeline runs for 1,830,000 metres across the steppe.\n"
REGISTRY = """pipeline-note:
  title: "A note on the pipeline"
  publisher: Example Wire
  published: 2024-06-01
  language: en
  kind: news
"""


@pytest.fixture
def length_project(tmp_path: Path) -> Path:
    root = tmp_path / "length"
    (root / "claims").mkdir(parents=True)
    (root / "sources").mkdir()
    (root / "claims" / "length.yaml").write_text(LENGTH_CLAIM, encoding="utf-8")
    (root / "sources" / "sources.yaml").write_text(REGISTRY, encoding="utf-8")
    (root / "sources" / "pipeline-note.txt").write_text(LENGTH_SOURCE, encoding="utf-8")
    return root


def _evil_pickle(marker: Path) -> bytes:
    """A pickle that creates `marker` when loaded (what a poisoned cache file runs)."""
    command = f"open({str(marker)!r}, 'w').write('ran')"
    return (
        b"\x80\x02cbuiltins\nexec\n"
        + b"X"
        + struct.pack("<I", len(command.encode()))
        + command.encode()
        + b"\x85R."  # TUPLE1, REDUCE, STOP
    )


def test_a_poisoned_pint_cache_runs_nothing(length_project: Path, tmp_path: Path) -> None:
    """pint's own disk cache is a pickle: files at the names pint reads, each running code (the
    claim's kilometres are asked of pint: no unit memo is kept yet)."""
    pint_folder = tmp_path / "cache" / "cca-claims" / "pint"
    units = REPO / "cca_claims" / "data" / "units.txt"
    # let pint itself make its cache there, so the planted files carry the names it reads
    make = (
        "import pint, sys; u = pint.UnitRegistry(cache_folder=sys.argv[1]); "
        "u.load_definitions(sys.argv[2])"
    )
    subprocess.run([sys.executable, "-c", make, str(pint_folder), str(units)], check=True)
    marker = tmp_path / "pwned"
    planted = [p for p in pint_folder.rglob("*") if p.is_file()]
    assert planted
    for path in planted:
        path.write_bytes(_evil_pickle(marker))
    for args in (("check", "--no-cache"), ("check",), ("lint",)):
        done = _cli(length_project, tmp_path, *args)
        assert done.returncode in (0, 1), done.stderr
        assert not marker.exists(), args


def test_a_poisoned_unit_memo_changes_no_result(length_project: Path, tmp_path: Path) -> None:
    """A unit memo saying a kilometre is 5 metres, planted as plain JSON where the memo lives:
    believed, it would turn a consistent claim into a contradicted one."""
    lie = json.dumps({"base": {"kilometer": [5.0, 0.0, "meter", False]}})
    for path in _old_and_new_unit_memos(tmp_path):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(lie, encoding="utf-8")
    for args in (("check", "--no-cache"), ("check",)):
        done = _cli(length_project, tmp_path, *args, "--format", "json")
        assert done.returncode == 0, done.stdout + done.stderr
        (claim,) = json.loads(done.stdout)["claims"]
        assert claim["verdict"] == "consistent", args


def test_no_cache_reads_no_user_cache_even_a_sealed_one(
    length_project: Path, tmp_path: Path
) -> None:
    """`--no-cache` reads no cache at all: not even a unit memo sealed with the user's own
    secret (here holding a wrong factor, so that reading it would show)."""
    seal = (
        "import sys; from pathlib import Path; from cca_claims.speed import sealed; "
        "p = Path(sys.argv[1]); p.parent.mkdir(parents=True, exist_ok=True); "
        "p.write_bytes(sealed.seal('unit memo|' + p.name, sys.argv[2].encode()))"
    )
    lie = json.dumps({"base": {"kilometer": [5.0, 0.0, "meter", False]}})
    old, new = _old_and_new_unit_memos(tmp_path)
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text(lie, encoding="utf-8")  # how the previous version kept it
    subprocess.run([sys.executable, "-c", seal, str(new), lie], env=_env(tmp_path), check=True)
    done = _cli(length_project, tmp_path, "check", "--no-cache", "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["claims"][0]["verdict"] == "consistent"
    # the sealed memo is the user's own: with the cache on it is believed (which shows that
    # `--no-cache` did not read it)
    cached = _cli(length_project, tmp_path, "check", "--format", "json")
    assert json.loads(cached.stdout)["claims"][0]["verdict"] != "consistent"


def test_a_poisoned_ecb_series_changes_no_conversion(project: Path, tmp_path: Path) -> None:
    """An ECB series file saying a yuan is a dollar: the grants claim's conversion would be
    seven times too large."""
    script = (
        "import json, sys; from pathlib import Path; from cca_claims.quantities import fx; "
        "print(fx._rates_cache_dir(), fx._ecb_data_key())"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], env=_env(tmp_path), capture_output=True, text=True
    )
    folder, key = shown.stdout.split()
    planted = Path(folder) / f"{key}-CNY.json"
    planted.parent.mkdir(parents=True)
    first = 700_000  # 1917-07-06 as an ordinal: the lie covers every year
    planted.write_text(json.dumps({"first": first, "rates": [1.0] * 50_000}))
    for args in (("check", "--no-cache"), ("check",)):
        done = _cli(project, tmp_path, *args, "--format", "json")
        grants = next(c for c in json.loads(done.stdout)["claims"] if c["id"] == "grants-usd")
        usd = grants["evidence"][0]["reading"]["interval"]
        # 1.5 billion yuan is about 210 million dollars (1.5 billion if a yuan were a dollar)
        assert 150e6 < usd["low"] < usd["high"] < 300e6, args
