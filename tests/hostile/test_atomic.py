"""Atomic writes: temp file + fsync + rename, never into claims/ or sources/ unless asked, and a
writer killed mid-write leaves the old file intact."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_support import REPO

from cca_claims.atomic import WriteRefused, stale_temp_files, write_atomic
from cca_claims.claims import find_claim_files


def test_writes_bytes_and_text(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    write_atomic(target, b"\x00\x01binary")
    assert target.read_bytes() == b"\x00\x01binary"
    write_atomic(target, "caf\u00e9 \u201cquoted\u201d\n")
    assert target.read_text(encoding="utf-8") == "caf\u00e9 \u201cquoted\u201d\n"
    assert list(target.parent.iterdir()) == [target]


def test_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "script.sh"
    target.write_text("old")
    target.chmod(0o750)
    write_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o750


@pytest.mark.parametrize("folder", ["claims", "sources", "claims/energy"])
def test_refuses_input_folders_by_name(tmp_path: Path, folder: str) -> None:
    target = tmp_path / folder / "energy.yaml"
    target.parent.mkdir(parents=True)
    target.write_text("claims: []\n")
    if folder == "claims/energy":  # a subfolder of an unnamed input tree is only known if passed
        with pytest.raises(WriteRefused):
            write_atomic(target, "x", protected=[tmp_path / "claims"])
    else:
        with pytest.raises(WriteRefused, match="allow_inputs"):
            write_atomic(target, "claims: [oops]\n")
    assert target.read_text() == "claims: []\n"
    write_atomic(target, "claims: [fixed]\n", allow_inputs=True)
    assert target.read_text() == "claims: [fixed]\n"


def test_refuses_configured_input_paths_even_through_links(tmp_path: Path) -> None:
    inputs = tmp_path / "my-docs"
    inputs.mkdir()
    link = tmp_path / "alias"
    link.symlink_to(inputs)
    with pytest.raises(WriteRefused):
        write_atomic(link / "new.txt", "x", protected=[inputs])
    single = tmp_path / "claims.yaml"
    single.write_text("claims: []\n")
    with pytest.raises(WriteRefused):
        write_atomic(single, "x", protected=[single])
    assert not (inputs / "new.txt").exists() and single.read_text() == "claims: []\n"


def test_failed_write_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "cache.json"
    target.write_text("old")

    class Boom:  # not bytes-like: fails after the temporary file was created
        pass

    with pytest.raises(TypeError):
        write_atomic(target, Boom())  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_missing_folder_is_an_oserror_not_a_partial_file(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_atomic(tmp_path / "absent" / "x.json", "x")
    assert list(tmp_path.iterdir()) == []


_WRITER = """
import hashlib, sys
from pathlib import Path
from cca_claims.atomic import write_atomic

target = Path(sys.argv[1])
size = int(sys.argv[2])
for version in range(1, 1000):
    body = bytes([65 + version % 26]) * size
    head = f"{version} {hashlib.sha256(body).hexdigest()}\\n".encode()
    write_atomic(target, head + body)
    print(version, flush=True)
"""


def _intact(data: bytes) -> int:
    """The version a complete file holds (0 for the original); fails on a torn file."""
    head, _, body = data.partition(b"\n")
    version, digest = head.decode().split()
    assert hashlib.sha256(body).hexdigest() == digest, "torn file"
    return int(version)


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.2])
def test_sigkill_mid_write_leaves_a_complete_file(tmp_path: Path, delay: float) -> None:
    """Kill a writer of 24 MB files while a temporary file exists: the target stays whole."""
    target = tmp_path / "export.json"
    original = b"original"
    target.write_bytes(f"0 {hashlib.sha256(original).hexdigest()}\n".encode() + original)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(target), str(24 * 1024 * 1024)],
        env=env,
        stdout=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while not stale_temp_files(tmp_path):  # wait until a write is under way
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.001)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert _intact(target.read_bytes()) >= 0
    # what a killed writer leaves is a hidden *.tmp: no loader takes it for a claim or a source
    leftovers = [p for p in tmp_path.iterdir() if p != target]
    assert all(p.name.startswith(".export.json.") and p.suffix == ".tmp" for p in leftovers)
    assert set(leftovers) == set(stale_temp_files(tmp_path))
    assert find_claim_files(tmp_path) == [] and list(tmp_path.glob("*.txt")) == []


def test_chunks_are_written_as_one_file(tmp_path):
    from cca_claims.atomic import write_atomic

    target = tmp_path / "out.json"
    target.write_text("old")
    write_atomic(target, (piece for piece in ["{", '"a": ', "1", b"}"]))
    assert target.read_text() == '{"a": 1}'


def test_a_failing_chunk_source_leaves_the_old_file(tmp_path):
    from cca_claims.atomic import stale_temp_files, write_atomic

    target = tmp_path / "out.json"
    target.write_text("old")

    def pieces():
        yield "new start"
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        write_atomic(target, pieces())
    assert target.read_text() == "old" and stale_temp_files(tmp_path) == []
