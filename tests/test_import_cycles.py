"""The import-cycle checker (tools/import_cycles.py) on tiny packages, then on cca_claims."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tools.import_cycles import import_graph, main, strongly_connected

ROOT = Path(__file__).resolve().parent.parent


def make_package(tmp_path: Path, files: dict[str, str]) -> Path:
    """A package `pkg` under tmp_path with the given files (paths relative to it)."""
    package = tmp_path / "pkg"
    for name, text in {"__init__.py": "", **files}.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return package


def cycles(package: Path) -> list[list[str]]:
    graph, _ = import_graph(package)
    return strongly_connected(graph)


def test_a_cycle_is_printed_as_a_chain_with_the_line_of_each_import(tmp_path, capsys):
    package = make_package(
        tmp_path,
        {
            "a.py": '"""A."""\n\nfrom pkg.b import helper\n',
            "b.py": "import os\nimport pkg.c\n",
            "c.py": "\n\n\n\nfrom pkg import a\n",
        },
    )
    assert main([str(package)]) == 1
    out = capsys.readouterr().out
    assert "import cycle among 3 modules: pkg.a pkg.b pkg.c" in out
    assert "pkg.a -> pkg.b -> pkg.c -> pkg.a" in out
    assert "pkg/a.py:3: pkg.a imports pkg.b" in out
    assert "pkg/b.py:2: pkg.b imports pkg.c" in out
    assert "pkg/c.py:5: pkg.c imports pkg.a" in out


def test_a_package_without_cycles_passes(tmp_path, capsys):
    package = make_package(
        tmp_path,
        {
            "model.py": "import dataclasses\n",
            "engine.py": "from pkg.model import Record\nfrom pkg import report\n",
            "report.py": "from pkg.model import Record\n",
        },
    )
    assert cycles(package) == []
    assert main([str(package)]) == 0
    assert "0 cycle(s)" in capsys.readouterr().out


def test_a_function_local_import_counts(tmp_path):
    package = make_package(
        tmp_path,
        {
            "model.py": "def show(x):\n    if x:\n        from pkg.display import fmt\n",
            "display.py": "from pkg.model import Reading\n",
        },
    )
    graph, _ = import_graph(package)
    assert [(e.target, e.line, e.local) for e in graph["pkg.model"]] == [("pkg.display", 3, True)]
    assert [e.local for e in graph["pkg.display"]] == [False]
    assert cycles(package) == [["pkg.display", "pkg.model"]]


def test_local_lists_the_function_local_imports(tmp_path, capsys):
    package = make_package(
        tmp_path,
        {
            "a.py": "import pkg.b\n\nclass A:\n    def f(self):\n        from pkg import b\n",
            "b.py": "",
        },
    )
    assert main([str(package), "--local"]) == 0
    out = capsys.readouterr().out
    assert "pkg/a.py:5: function-local: pkg.a imports pkg.b" in out
    assert "pkg/a.py:1: function-local" not in out
    assert "imports (2 function-local)" in out  # pkg and pkg.b, both on line 5


def test_an_import_under_type_checking_counts(tmp_path):
    package = make_package(
        tmp_path,
        {
            "claims.py": "from pkg.fields import read\n",
            "fields.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.claims import S\n",
        },
    )
    assert cycles(package) == [["pkg.claims", "pkg.fields"]]


def test_relative_imports_are_resolved_against_the_module_s_package(tmp_path):
    package = make_package(
        tmp_path,
        {
            "top.py": "",
            "sub/__init__.py": "from . import leaf\n",
            "sub/leaf.py": "from .. import top\nfrom .other import thing\n",
            "sub/other.py": "from ..sub import leaf\n",
        },
    )
    graph, _ = import_graph(package)
    targets = {name: sorted({e.target for e in edges}) for name, edges in graph.items()}
    # `from . import leaf` in a package's __init__ starts from that package
    assert targets["pkg.sub"] == ["pkg.sub.leaf"]
    # `from .. import top`: the parent package and, top being a module, top itself
    assert targets["pkg.sub.leaf"] == ["pkg", "pkg.sub.other", "pkg.top"]
    assert targets["pkg.sub.other"] == ["pkg.sub", "pkg.sub.leaf"]
    assert cycles(package) == [["pkg.sub", "pkg.sub.leaf", "pkg.sub.other"]]


def test_from_import_of_a_name_that_is_no_module_imports_only_its_module(tmp_path):
    package = make_package(
        tmp_path,
        {"a.py": "from pkg.b import helper, c\n", "b.py": "def helper(): ...\nc = 1\n"},
    )
    graph, _ = import_graph(package)
    assert [e.target for e in graph["pkg.a"]] == ["pkg.b"]


def test_a_known_cycle_passes_and_a_new_one_fails(tmp_path, capsys):
    package = make_package(
        tmp_path,
        {
            "a.py": "import pkg.b\n",
            "b.py": "import pkg.a\n",
            "c.py": "import pkg.d\n",
            "d.py": "import pkg.c\n",
        },
    )
    known = tmp_path / "known.txt"
    # a listed cycle that shrank (e) is still covered; one no longer there is said
    known.write_text("# comment\npkg.b pkg.a pkg.e  # being broken\npkg.x pkg.y\n")
    assert main([str(package), "--known", str(known)]) == 1
    out = capsys.readouterr().out
    assert "known cycle, allowed by" in out and "pkg.a pkg.b" in out
    assert "import cycle among 2 modules: pkg.c pkg.d" in out
    assert "no longer a cycle (remove it): pkg.x pkg.y" in out
    known.write_text("pkg.a pkg.b\npkg.c pkg.d\n")
    assert main([str(package), "--known", str(known)]) == 0


def test_cca_claims_has_no_import_cycle(capsys):
    code = main([str(ROOT / "cca_claims")])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "import cycle among" not in out and " 0 cycle(s)" in out
