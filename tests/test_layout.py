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


def test_architecture_page_names_every_top_level_module_and_subpackage():
    # docs/architecture.md gives each its job in a line: a new module or a move must update it
    root = Path(__file__).resolve().parent.parent
    page = (root / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = root / "cca_claims"
    names = [f"`{p.name}`" for p in package.glob("*.py") if p.stem not in ("__init__", "__main__")]
    names += [f"`{p.name}/`" for p in package.iterdir() if p.is_dir() and p.name != "__pycache__"]
    assert [name for name in sorted(names) if name not in page] == []
