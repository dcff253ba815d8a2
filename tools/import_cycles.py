"""Import cycles among a package's modules, found from the sources (stdlib `ast` only).

    python tools/import_cycles.py [PACKAGE_DIR] [--known FILE]

Every import statement counts, wherever it is: at the top, inside a function (a function-local
import still ties the two modules together, it only delays the tie), or under
`if TYPE_CHECKING:`. `import a.b` imports the module a.b; `from a.b import c` imports a.b, and
a.b.c too when c is a module; relative imports are resolved against the importing module's
package. A parent package's `__init__` is not counted as imported by its submodules' imports
(a registry in `rules/__init__.py` importing every rule, each rule importing `rules.base`, is
no cycle). Imports by name at run time (`importlib.import_module("...")`) are not seen.

The strongly connected components of that graph (Tarjan) are the cycles: each is printed as a
chain `a -> b -> ... -> a` with the `file:line` of every import on it. Exit 1 when a cycle is
found that the `--known` file does not cover, else 0. That file lists one cycle per line, its
modules space-separated in any order (`#` starts a comment); a cycle is covered when all its
modules are on one line, so a listed cycle that shrinks while being taken apart stays covered,
and one that draws in another module does not. `--local` lists the function-local imports (they
hide the import graph from a reader of the module's head).
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Edge:
    """One import: `source` imports `target` at `path:line` (`local`: inside a function)."""

    source: str
    target: str
    path: str
    line: int
    local: bool = False


def module_files(package_dir: Path) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its `__init__.py`)."""
    package_dir = package_dir.resolve()
    root = package_dir.parent
    modules: dict[str, Path] = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if not all(part.isidentifier() for part in parts):
            continue  # not importable (a data folder, a `foo-bar.py` script)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def _package_of(module: str, path: Path) -> str:
    """The package a relative import in `module` starts from."""
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _known_prefix(name: str, modules: dict[str, Path]) -> str | None:
    """`name` when it is a module, else its longest dotted prefix that is one (for
    `import pkg.mod.attr`-like names), else None (outside the package)."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def _function_local(tree: ast.AST) -> set[int]:
    """The ids of the import statements inside a function of `tree`."""
    functions = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
    imports = (ast.Import, ast.ImportFrom)
    return {
        id(node)
        for function in ast.walk(tree)
        if isinstance(function, functions)
        for node in ast.walk(function)
        if isinstance(node, imports)
    }


def imported_modules(
    module: str, path: Path, tree: ast.AST, modules: dict[str, Path]
) -> Iterable[tuple[str, int, bool]]:
    """(module imported, line, inside a function) for every import in `tree` that names one
    of `modules`."""
    local = _function_local(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _known_prefix(alias.name, modules)
                if target is not None:
                    yield target, node.lineno, id(node) in local
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(module, path)
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                origin = f"{base}.{node.module}" if node.module else base
            else:
                origin = node.module or ""
            target = _known_prefix(origin, modules)
            if target is not None:
                yield target, node.lineno, id(node) in local
            for alias in node.names:
                if f"{origin}.{alias.name}" in modules:
                    yield f"{origin}.{alias.name}", node.lineno, id(node) in local


def import_graph(package_dir: Path) -> tuple[dict[str, list[Edge]], dict[str, Path]]:
    """Each module's imports of other modules of the package, in source order."""
    modules = module_files(package_dir)
    root = package_dir.resolve().parent
    graph: dict[str, list[Edge]] = {name: [] for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        shown = path.relative_to(root).as_posix()
        seen: set[tuple[str, int]] = set()
        for target, line, local in imported_modules(name, path, tree, modules):
            if target != name and (target, line) not in seen:
                seen.add((target, line))
                graph[name].append(Edge(name, target, shown, line, local))
    for edges in graph.values():
        edges.sort(key=lambda e: (e.line, e.target))
    return graph, modules


def strongly_connected(graph: dict[str, list[Edge]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module, each sorted, in
    sorted order (iterative: a deep package must not reach the recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            edges = graph[node]
            if i < len(edges):
                work.append((node, i + 1))
                child = edges[i].target
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return sorted(components)


def cycle_through(component: list[str], graph: dict[str, list[Edge]]) -> list[Edge]:
    """One closed chain of imports inside `component`, from its first module back to it: the
    shortest path out to the farthest-reaching member is not needed; a short readable loop is.
    Breadth-first from the first module to any member importing it back."""
    members = set(component)
    start = component[0]
    came_by: dict[str, Edge] = {}
    queue = [start]
    for node in queue:
        for edge in graph[node]:
            if edge.target not in members:
                continue
            if edge.target == start:
                chain = [edge]
                while chain[0].source != start:
                    chain.insert(0, came_by[chain[0].source])
                return chain
            if edge.target not in came_by:
                came_by[edge.target] = edge
                queue.append(edge.target)
    return []  # unreachable for a strongly connected component


def describe(component: list[str], graph: dict[str, list[Edge]]) -> str:
    """A cycle for people: its modules, one loop through them with where each import is, and
    every other import between its members (each of which must go to break it)."""
    chain = cycle_through(component, graph)
    lines = [f"import cycle among {len(component)} modules: {' '.join(component)}"]
    lines.append("  " + " -> ".join([chain[0].source] + [e.target for e in chain]))
    for edge in chain:
        lines.append(f"    {edge.path}:{edge.line}: {edge.source} imports {edge.target}")
    members, on_chain = set(component), set(chain)
    inside = [e for m in component for e in graph[m] if e.target in members and e not in on_chain]
    if inside:
        lines.append(f"  other imports inside this cycle ({len(inside)}):")
        lines.extend(f"    {e.path}:{e.line}: {e.source} imports {e.target}" for e in inside)
    return "\n".join(lines)


def read_known(path: Path | None) -> set[frozenset[str]]:
    """The cycles a known-cycles file lists (missing file: none)."""
    if path is None or not path.exists():
        return set()
    known = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].split()
        if line:
            known.add(frozenset(line))
    return known


def covered(component: list[str], known: set[frozenset[str]]) -> bool:
    """Whether one known cycle holds every module of `component`."""
    return any(set(component) <= cycle for cycle in known)


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("package", nargs="?", type=Path, default=here.parent / "cca_claims")
    parser.add_argument("--known", type=Path, default=None, help="cycles allowed for now")
    parser.add_argument(
        "--local", action="store_true", help="also list the function-local imports, one a line"
    )
    args = parser.parse_args(argv)
    graph, _ = import_graph(args.package)
    edges = [e for m in sorted(graph) for e in graph[m]]
    local = [e for e in edges if e.local]
    if args.local:
        for e in local:
            print(f"{e.path}:{e.line}: function-local: {e.source} imports {e.target}")
    components = strongly_connected(graph)
    known = read_known(args.known)
    new = [c for c in components if not covered(c, known)]
    for component in components:
        if covered(component, known):  # one line: the details are for the branch breaking it
            print(f"known cycle, allowed by {args.known}: {' '.join(component)}")
        else:
            print(describe(component, graph))
    gone = [k for k in known if not any(set(c) <= k for c in components)]
    for cycle in sorted(sorted(k) for k in gone):
        print(f"listed as known but no longer a cycle (remove it): {' '.join(cycle)}")
    print(
        f"{len(graph)} modules, {len(edges)} imports ({len(local)} function-local), "
        f"{len(components)} cycle(s), {len(new)} not listed as known"
    )
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
