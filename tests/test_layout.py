"""pytest imports test modules by basename: two files with one name break collection."""

from collections import Counter
from pathlib import Path


def test_test_module_names_are_unique():
    names = Counter(p.name for p in Path(__file__).parent.rglob("test_*.py"))
    assert [name for name, n in names.items() if n > 1] == []


def test_no_test_imports_a_conftest():
    # every folder's conftest.py is importable as `conftest`: an import picks whichever came first
    this = Path(__file__).resolve()
    offenders = []
    for path in Path(__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path.resolve() != this and ("from conftest import" in text or "import conftest" in text):
            offenders.append(str(path))
    assert offenders == []
