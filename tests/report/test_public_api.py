"""The tool uses other libraries through their public API only: a private module or name
(`rich._wrap`, `from x import _helper`) can change in any release, and the suite must pass with
every version the project allows."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "cca_claims"


def _private_imports(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            top = node.module.split(".")[0]
            if top in ("cca_claims", "__future__"):
                continue
            parts = node.module.split(".") + [alias.name for alias in node.names]
            if any(part.startswith("_") for part in parts):
                found.append(f"from {node.module} import {', '.join(a.name for a in node.names)}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] != "cca_claims" and any(
                    part.startswith("_") for part in alias.name.split(".")
                ):
                    found.append(f"import {alias.name}")
    return found


def test_the_finder_sees_private_imports() -> None:
    code = "from rich._wrap import divide_line\nimport rich._ratio\nfrom rich.cells import _x\n"
    assert len(_private_imports(ast.parse(code))) == 3
    assert _private_imports(ast.parse("from rich.cells import cell_len\nimport os.path\n")) == []


def test_no_module_imports_a_private_part_of_another_library() -> None:
    found = {
        str(path.relative_to(PACKAGE.parent)): hits
        for path in sorted(PACKAGE.rglob("*.py"))
        if (hits := _private_imports(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}
