"""docs/configuration.md documents every key, and its examples are valid configurations."""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from cca_claims.config import Config, ConfigError, apply_settings
from cca_claims.rules import RULES

DOC = (Path(__file__).resolve().parents[2] / "docs" / "configuration.md").read_text("utf-8")


def test_every_key_is_documented() -> None:
    for f in fields(Config):
        if f.name in ("root", "config_file"):
            continue
        assert f"| `{f.name}` |" in DOC, f"document {f.name} in docs/configuration.md"


def test_every_rule_option_is_documented() -> None:
    for module in RULES.values():
        for option in module.OPTIONS:
            assert f"| {module.ID} {module.NAME} | `{option}` |" in DOC


def _block(lang: str) -> str:
    return re.search(rf"```{lang}\n(.*?)```", DOC, re.S).group(1)


def test_toml_example_applies() -> None:
    settings = tomllib.loads(_block("toml"))["tool"]["cca-claims"]
    config = apply_settings(Config(), settings)
    assert config.severity["C205"] == "error"
    assert config.rule_options["imprecise-value"]["ratio"] == 50
    assert config.rule_enabled("P402", "hedged-value") is False


def test_yaml_example_matches_toml_example() -> None:
    from_yaml = apply_settings(Config(), yaml.safe_load(_block("yaml")))
    from_toml = apply_settings(Config(), tomllib.loads(_block("toml"))["tool"]["cca-claims"])
    assert from_yaml == from_toml


@pytest.mark.parametrize(
    "settings",
    [
        {"severity": {"C2O5": "error"}},
        {"disable": ["imprecise-valu"]},
        {"rule_options": {"P401": {"ration": 5}}},
        {"rounding_slack": 2},
        {"set_match_threshold": "high"},
    ],
)
def test_bad_rule_settings_are_refused(settings: dict) -> None:
    with pytest.raises(ConfigError):
        apply_settings(Config(), settings)
