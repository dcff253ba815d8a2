"""Every function-local import of a package module is named in docs/performance.md.

The section "Function-local imports" keeps such imports only where start-up time needs them,
grouped by reason, each group with an `imports` block of lines `path: module ...` (modules
without the `cca_claims.` prefix; `*` for all of a file's). An import statement is covered when
one of the modules it imports is listed for its file. A new function-local import must join a
group (with the measurement that justifies it) or go to the top of its module; a listed one
that is gone must leave the page.
"""

from __future__ import annotations

import re
from pathlib import Path

from tools.import_cycles import import_graph

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Function-local imports"


def listed() -> dict[str, set[str]]:
    """file -> the modules the page lists for it (`*`: all)."""
    page = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    assert SECTION in page
    section = page.split(SECTION, 1)[1].split("\n## ", 1)[0]
    out: dict[str, set[str]] = {}
    for block in re.findall(r"```imports\n(.*?)```", section, flags=re.S):
        for line in block.strip().splitlines():
            path, _, modules = line.partition(":")
            names = {m if m == "*" else f"cca_claims.{m}" for m in modules.split()}
            out.setdefault(path.strip(), set()).update(names)
    return out


def local_statements() -> dict[tuple[str, int], set[str]]:
    """(file, line) of each function-local import statement -> the package modules it imports."""
    graph, _ = import_graph(ROOT / "cca_claims")
    out: dict[tuple[str, int], set[str]] = {}
    for edges in graph.values():
        for e in edges:
            if e.local:
                out.setdefault((e.path, e.line), set()).add(e.target)
    return out


def test_every_function_local_import_is_in_a_named_group() -> None:
    groups = listed()
    missing = [
        f"{path}:{line}: {' '.join(sorted(targets))}"
        for (path, line), targets in sorted(local_statements().items())
        if not ({"*"} | targets) & groups.get(path, set())
    ]
    assert missing == [], "move these to the top of their module, or list them with a reason"


def test_the_page_lists_no_import_that_is_gone() -> None:
    present: dict[str, set[str]] = {}
    for (path, _), targets in local_statements().items():
        present.setdefault(path, set()).update(targets)
    stale = [
        f"{path}: {name}"
        for path, names in sorted(listed().items())
        for name in sorted(names)
        if name != "*" and name not in present.get(path, set())
    ]
    assert stale == []
