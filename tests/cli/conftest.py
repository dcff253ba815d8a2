"""The CLI tests' working folder: a copy of the fixed report corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent.parent / "report" / "corpus"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the corpus as the working folder (the CLI caches and writes next to it)."""
    root = tmp_path / "project"
    shutil.copytree(CORPUS, root)
    monkeypatch.chdir(root)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return root
