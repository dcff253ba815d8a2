"""The registry, the docs and the case files agree (sqlfluff-style checks on the rule set)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
import yaml

from cca_claims.model import SEVERITIES
from cca_claims.ruledocs import render_rules
from cca_claims.rules import CATEGORIES, RULES, SCOPES, category

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).parent / "cases"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_module_shape(rule_id: str) -> None:
    module = RULES[rule_id]
    assert module.ID == rule_id
    assert re.fullmatch(r"[ACVPRI]\d{3}", module.ID)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", module.NAME)
    assert module.DEFAULT_SEVERITY in SEVERITIES
    assert isinstance(module.OPTIONS, dict)
    assert module.CATEGORY in CATEGORIES
    assert module.SCOPE in SCOPES  # where it runs; the category only decides the verdict
    assert category(rule_id) == module.CATEGORY
    assert callable(module.check)
    # the file name carries the id and name, so the registry stays greppable
    assert Path(module.__file__).stem == f"{module.ID}_{module.NAME.replace('-', '_')}"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_docstring_has_both_examples(rule_id: str) -> None:
    doc = inspect.cleandoc(RULES[rule_id].__doc__ or "")
    first = doc.splitlines()[0] if doc else ""
    assert first.endswith("."), "the first line is a one-sentence summary"
    for heading in ("*Contradiction*", "*Consistent*"):
        assert heading in doc
        after = doc.split(heading, 1)[1]
        block = re.search(r"```yaml\n(.*?)```", after, re.S)
        assert block, f"{heading} needs a yaml example"
        yaml.safe_load(block.group(1))  # the example is valid YAML


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_has_cases_in_both_directions(rule_id: str) -> None:
    path = CASES / f"{rule_id}.yaml"
    assert path.is_file(), f"add {path.relative_to(ROOT)}"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert doc["rule"] == rule_id
    firing = [c for c in doc["cases"] if c.get("expect")]
    silent = [c for c in doc["cases"] if not c.get("expect")]
    assert firing and silent
    for case in firing:
        assert all("line" in e for e in case["expect"])


def test_every_case_file_names_a_rule() -> None:
    for path in CASES.glob("*.yaml"):
        assert path.stem in RULES, f"{path.name} names no registered rule"


def test_rule_names_are_unique() -> None:
    names = [m.NAME for m in RULES.values()]
    assert len(names) == len(set(names))


def test_rules_doc_is_current() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == render_rules(markdown=True), (
        "docs/rules.md is stale: run `cca-claims rules --format markdown > docs/rules.md`"
    )


def test_text_rules_list_every_rule() -> None:
    text = render_rules()
    for rule_id, module in RULES.items():
        assert f"{rule_id} {module.NAME} [{module.DEFAULT_SEVERITY}]" in text
