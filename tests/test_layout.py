"""pytest imports test modules by basename: two files with one name break collection."""

from collections import Counter
from pathlib import Path


def test_test_module_names_are_unique():
    names = Counter(p.name for p in Path(__file__).parent.rglob("test_*.py"))
    assert [name for name, n in names.items() if n > 1] == []


def test_no_test_imports_a_conftest():
    # every folder's conftest.py is importable as `conftest`: an import picks whichever came first
    offenders = [
        str(p)
        for p in Path(__file__).parent.rglob("*.py")
        if p != Path(__file__)
        and "from conftest import" in p.read_text(encoding="utf-8")
        or "import conftest" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
