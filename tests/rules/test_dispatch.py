"""The rule contract: the dispatch runs rules by scope, stamps what they yield, survives a crash.

The rules here are injected into the registry for one test (`monkeypatch`), as a plugin author's
broken rule would be: a module object with the contract's constants and a `check`.
"""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from cca_claims.compare import Tolerance
from cca_claims.config import Config, apply_settings
from cca_claims.engine import check
from cca_claims.model import SEVERITIES
from cca_claims.rules import RULES, RuleContractError, validate
from cca_claims.rules import SEVERITIES as RULE_SEVERITIES
from cca_claims.rules.base import finding
from cca_claims.rules.dispatch import enabled, options

PACKAGE = Path(__file__).resolve().parents[2] / "cca_claims"

SOURCES = {"report-a": "In 2024, bilateral trade reached $94.82 billion, a record."}
GOOD = """claims:
  - id: good
    claim: Trade reached $94.82 billion.
    evidence:
      - source: report-a
        quote: "Exports of grain doubled across the whole of Eurasia last spring"
"""
BAD = """claims:
  - id: bad
    claim: Trade reached $94.82 billion.
    evidence:
      - source: report-a
        quote: "bilateral trade reached $94.82 billion"
"""


def _corpus(tmp_path: Path) -> Config:
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    registry = {}
    for source_id, text in SOURCES.items():
        (tmp_path / "sources" / f"{source_id}.txt").write_text(text, encoding="utf-8")
        registry[source_id] = {"title": source_id, "published": "2025-06-20"}
    (tmp_path / "sources" / "sources.yaml").write_text(yaml.safe_dump(registry), "utf-8")
    (tmp_path / "claims" / "a-good.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "claims" / "b-bad.yaml").write_text(BAD, encoding="utf-8")
    return Config(
        root=tmp_path, claims=tmp_path / "claims", sources=tmp_path / "sources", cache_dir=None
    )


def _rule(rule_id: str, name: str, scope: str, check_fn, **extra) -> ModuleType:
    module = ModuleType(f"test_rule_{rule_id}")
    module.ID, module.NAME, module.CATEGORY, module.SCOPE = rule_id, name, "evidence", scope
    module.DEFAULT_SEVERITY, module.OPTIONS, module.check = "warning", {}, check_fn
    for key, value in extra.items():
        setattr(module, key, value)
    return module


def _breaks_on_bad(context):
    for cc in context.claims.values():
        if cc.claim.id == "bad":
            raise ValueError("no reading for this claim\nsecond line of the error")
        yield finding("checked", cc.claim.pos("id"), (cc.claim.id,))


def test_a_crashing_claim_rule_is_its_own_finding_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(RULES, "C299", _rule("C299", "breaks-on-bad", "claim", _breaks_on_bad))
    report = check(_corpus(tmp_path))

    crashes = [f for f in report.findings if f.rule == "E016"]
    assert len(crashes) == 1
    crash = crashes[0]
    assert crash.name == "rule-crashed"
    assert crash.severity == "error"
    assert crash.location.file == "claims/b-bad.yaml"  # relative, at the claim that fails
    assert crash.location.line == 2
    assert crash.claims == ("bad",)
    assert "C299 breaks-on-bad" in crash.message
    assert crash.message.endswith("ValueError: no reading for this claim")
    assert not [f for f in report.findings if f.rule == "E001"]
    # the rule's findings on the claims it handles are kept, stamped with its id and name
    mine = [f for f in report.findings if f.rule == "C299"]
    assert [(f.name, f.severity, f.claims) for f in mine] == [
        ("breaks-on-bad", "warning", ("good",))
    ]
    # and every other rule still ran
    assert [f.claims for f in report.findings if f.rule == "A101"] == [("good",)]


def test_a_crashing_cross_claim_rule_is_reported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(context):
        raise KeyError("missing")
        yield  # a generator, as rules are

    monkeypatch.setitem(RULES, "R599", _rule("R599", "broken-relation", "across", broken))
    report = check(_corpus(tmp_path))
    crashes = [f for f in report.findings if f.rule == "E016"]
    assert [f.message for f in crashes] == ["rule R599 broken-relation failed: KeyError: 'missing'"]
    assert crashes[0].location.file.startswith("claims/")
    assert [f.claims for f in report.findings if f.rule == "A101"] == [("good",)]


def test_a_cross_claim_rule_of_any_category_sees_every_claim_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, ...]] = []

    def pairs(context):
        seen.append(tuple(sorted(context.claims)))
        first = next(iter(context.claims.values()))
        yield finding("a pair", first.claim.pos("id"), tuple(sorted(context.claims)))

    module = _rule("C298", "pairs-across", "across", pairs)
    monkeypatch.setitem(RULES, "C298", module)
    config = _corpus(tmp_path)
    report = check(config)
    assert seen == [("bad", "good")]
    assert [f.claims for f in report.findings if f.rule == "C298"] == [("bad", "good")]
    # whoever shares claims out (a parallel runner) asks for the claim rules: this is not one
    assert module not in enabled(config, "claim")
    assert module in enabled(config, "across")


def test_the_dispatch_stamps_default_severity_unless_the_rule_sets_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def two(context):
        cc = context.claims["good"]
        yield finding("plain", cc.claim.pos("id"), ("good",))
        yield finding("softer", cc.claim.pos("id"), ("good",), severity="info")

    monkeypatch.setitem(RULES, "C297", _rule("C297", "two-findings", "claim", two))
    report = check(_corpus(tmp_path))
    got = {f.message: (f.rule, f.name, f.severity) for f in report.findings if f.rule == "C297"}
    assert got == {
        "plain": ("C297", "two-findings", "warning"),
        "softer": ("C297", "two-findings", "info"),
    }


def test_rule_options_come_from_the_configuration_by_id_over_name() -> None:
    module = RULES["P401"]
    default = module.OPTIONS["ratio"]
    assert options(module, Config()) == {"ratio": default}
    by_name = apply_settings(Config(), {"rule_options": {module.NAME: {"ratio": default + 1}}})
    assert options(module, by_name) == {"ratio": default + 1}
    both = apply_settings(
        Config(),
        {"rule_options": {module.NAME: {"ratio": default + 1}, "P401": {"ratio": default + 2}}},
    )
    assert options(module, both) == {"ratio": default + 2}


def test_tolerance_defaults_are_written_once() -> None:
    assert Config().tolerance() == Tolerance()
    assert Config(rounding_slack=0.02).tolerance().slack == 0.02
    assert Config(rounding_slack=0.02).tolerance(0.05).slack == 0.05  # a claim's own tolerance


def test_registry_severities_are_the_models() -> None:
    assert RULE_SEVERITIES == SEVERITIES


@pytest.mark.parametrize(
    ("change", "fault"),
    [
        ({"ID": "X101"}, "ID"),
        ({"ID": "C2011"}, "ID"),
        ({"NAME": "Count_Mismatch"}, "NAME"),
        ({"CATEGORY": "relations"}, "CATEGORY"),
        ({"SCOPE": "relation"}, "SCOPE"),
        ({"SCOPE": None}, "SCOPE"),
        ({"DEFAULT_SEVERITY": "fatal"}, "DEFAULT_SEVERITY"),
        ({"OPTIONS": ["ratio"]}, "OPTIONS"),
        ({"check": "not a function"}, "check"),
    ],
)
def test_the_registry_rejects_a_module_that_breaks_the_contract(change: dict, fault: str) -> None:
    module = _rule("C296", "well-formed", "claim", _breaks_on_bad)
    assert validate(module) is module
    for key, value in change.items():
        if value is None:
            delattr(module, key)
        else:
            setattr(module, key, value)
    with pytest.raises(RuleContractError, match=rf"\b{fault}\b"):
        validate(module)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The package modules `path` imports anywhere in it (function-local imports included)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                out.add(full if full in modules else node.module)
    return out & modules


def test_no_import_cycle_runs_through_the_configuration_or_the_rules() -> None:
    files = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        files[name] = path
    graph = {name: _imports(path, set(files)) - {name} for name, path in files.items()}

    def reaches(start: str, goal: str) -> bool:
        todo, seen = [start], set()
        while todo:
            for nxt in graph[todo.pop()]:
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    watched = [n for n in files if n == "cca_claims.config" or n.startswith("cca_claims.rules")]
    assert len(watched) > len(RULES)
    cycles = [name for name in watched if reaches(name, name)]
    assert cycles == []


def test_claim_rules_find_on_each_claim_what_they_find_on_all(monkeypatch) -> None:
    """What SCOPE = "claim" promises, on the seed corpus: a claim rule run on every claim at once
    finds what it finds claim by claim (so a runner may share claims out between processes)."""
    from cca_claims.config import load_config
    from cca_claims.rules import dispatch

    captured = []
    real = dispatch.run_rules

    def capture(context, **kwargs):
        captured.append(context)
        return real(context, **kwargs)

    monkeypatch.setattr(dispatch, "run_rules", capture)
    root = Path(__file__).resolve().parents[2]
    check(load_config(root))
    (context,) = captured
    assert len(context.claims) > 10
    rules = enabled(context.config, "claim")
    assert len(rules) > 20
    fired = 0
    for module in rules:
        together = dispatch.run_rule(module, context)
        apart = [
            f
            for claim_id, cc in context.claims.items()
            for f in dispatch.run_rule(module, replace(context, claims={claim_id: cc}))
        ]
        assert sorted(map(repr, together)) == sorted(map(repr, apart)), module.ID
        assert not [f for f in together if f.rule == "E016"], module.ID
        fired += bool(together)
    assert fired >= 5  # the seed corpus makes several claim rules fire: the comparison bites
