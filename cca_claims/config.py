"""Settings: defaults, overridden by `[tool.cca-claims]` in pyproject.toml or `cca-claims.yaml`.

The configuration file is looked up in the working folder and then in each folder above it, as
ruff and pytest do (`project_root`): the first `cca-claims.yaml`, or `pyproject.toml` with a
`[tool.cca-claims]` table, wins, and its folder is the project root that relative paths start
from. Every key and its default is documented in docs/configuration.md; unknown keys are reported,
never silently ignored.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from cca_claims.compare import Tolerance
from cca_claims.didyoumean import did_you_mean
from cca_claims.model import SEVERITIES
from cca_claims.problems import PROBLEM_TYPES
from cca_claims.yamlload import load_yaml

# the comparison tolerances' defaults are written once, on `compare.Tolerance`
_TOLERANCE = Tolerance()


class ConfigError(ValueError):
    """A configuration file or option that cannot be used (exit code 2)."""


@dataclass(frozen=True)
class Config:
    """Everything a check needs to know besides the files themselves."""

    root: Path = Path(".")
    claims: Path = Path("claims")
    sources: Path = Path("sources")
    fail_on: str = "error"
    fuzzy_threshold: float = 85.0  # minimum rapidfuzz score for a fuzzy anchor
    max_quote_chars: int = 2_000  # a longer quote is not searched (A105): a passage, not a page
    around: float = 0.05  # relative band for "around", "about", "approximately", "some"
    nearly: float = 0.10  # "nearly X", "almost X": [X(1-nearly), X)
    precision_cap: float = 0.05  # widest relative band a bare figure's precision may give
    # extra relative tolerance before two intervals count as disjoint
    rounding_slack: float = _TOLERANCE.slack
    # rapidfuzz score for two set items to be the same item
    set_match_threshold: float = _TOLERANCE.set_threshold
    # rapidfuzz score for two names without differing words
    label_match_threshold: float = _TOLERANCE.label_threshold
    yen_means: str = "CNY"  # what "¥" stands for in this corpus
    severity: dict[str, str] = field(default_factory=dict)  # rule id or name -> severity
    disable: tuple[str, ...] = ()  # rule ids or names switched off
    enable_only: tuple[str, ...] = ()  # when set, only these rules run
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    # ClaimReview publishing (docs/claimreview.md): who reviews, who publishes, and the address
    # of each review's page ("{claim_id}" is replaced); none has a default, a desk names its own
    claimreview_author: dict[str, str] = field(default_factory=dict)
    claimreview_publisher: dict[str, str] = field(default_factory=dict)
    claimreview_url: str = ""
    docs_url: str = ""  # where docs/ is published: SARIF links each rule to its documentation
    cache_dir: Path | None = Path(".cca-claims-cache")
    config_file: str = ""

    def rule_enabled(self, rule_id: str, name: str) -> bool:
        if self.enable_only and rule_id not in self.enable_only and name not in self.enable_only:
            return False
        return rule_id not in self.disable and name not in self.disable

    def severity_for(self, rule_id: str, name: str, default: str) -> str:
        return self.severity.get(rule_id) or self.severity.get(name) or default

    def tolerance(self, slack: float | None = None) -> Tolerance:
        """The tolerances comparisons use in this run; `slack` (a claim's own `tolerance:`)
        replaces the configured `rounding_slack`."""
        return Tolerance(
            slack=float(self.rounding_slack if slack is None else slack),
            set_threshold=float(self.set_match_threshold),
            label_threshold=float(self.label_match_threshold),
        )


_KEYS = {f.name for f in fields(Config)} - {"root", "config_file"}
_PATH_KEYS = {"claims", "sources", "cache_dir"}
_NUMBER_KEYS = {
    "fuzzy_threshold",
    "around",
    "nearly",
    "precision_cap",
    "rounding_slack",
    "set_match_threshold",
    "label_match_threshold",
}


CONFIG_NAMES = ("cca-claims.yaml", "pyproject.toml")


def project_root(start: Path) -> Path:
    """The folder whose configuration applies to a run started in `start`.

    `start` itself or the nearest folder above it holding `cca-claims.yaml` or a
    `pyproject.toml` with a `[tool.cca-claims]` table; the search stops at a repository's top
    (a folder with `.git`). Without any, `start`.
    """
    start = start.absolute()
    for folder in (start, *start.parents):
        if (folder / "cca-claims.yaml").is_file():
            return folder
        toml = folder / "pyproject.toml"
        if toml.is_file():
            try:
                with toml.open("rb") as fh:
                    if "cca-claims" in tomllib.load(fh).get("tool", {}):
                        return folder
            except (OSError, tomllib.TOMLDecodeError):
                return folder  # load_config reports the broken file
        if (folder / ".git").exists():
            break
    return start


def load_config(root: Path, explicit: Path | None = None) -> Config:
    """The configuration for a run in `root`: explicit file, else cca-claims.yaml, else pyproject."""
    settings: dict[str, Any] = {}
    origin = ""
    candidates = [explicit] if explicit else [root / "cca-claims.yaml", root / "pyproject.toml"]
    for path in candidates:
        if path is None or not path.is_file():
            if explicit:
                raise ConfigError(f"configuration file {explicit} not found")
            continue
        settings = _read(path)
        if settings or path.suffix != ".toml":
            origin = str(path)
            break
    return apply_settings(Config(root=root), settings, origin)


def apply_settings(config: Config, settings: dict[str, Any], origin: str = "") -> Config:
    """A copy of `config` with `settings` (from a file or the command line) applied and checked."""
    changes: dict[str, Any] = {}
    for key, value in settings.items():
        name = key.replace("-", "_")
        if name not in _KEYS:
            raise ConfigError(
                f"{origin or 'config'}: unknown key {key!r} ({did_you_mean(name, sorted(_KEYS))})"
            )
        if name in _PATH_KEYS:
            value = None if value in (None, "", False) else config.root / str(value)
        elif name in ("disable", "enable_only"):
            value = tuple(str(v) for v in (value if isinstance(value, list) else [value]))
        elif name == "max_quote_chars":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10**6:
                raise ConfigError(
                    f"{origin or 'config'}: {key} must be a whole number from 1 to 1000000, "
                    f"not {value!r}"
                )
        elif name in _NUMBER_KEYS:
            try:
                value = float(value)
            except (TypeError, ValueError):
                raise ConfigError(
                    f"{origin or 'config'}: {key} must be a number, not {value!r}"
                ) from None
        elif name == "severity":
            if not isinstance(value, dict) or any(v not in SEVERITIES for v in value.values()):
                raise ConfigError(
                    f"{origin or 'config'}: severity maps rule ids to one of {', '.join(SEVERITIES)}"
                )
        elif name == "fail_on" and value not in SEVERITIES:
            raise ConfigError(
                f"{origin or 'config'}: fail_on must be one of {', '.join(SEVERITIES)}"
            )
        if name in _NUMBER_KEYS:
            low, high = _RANGES.get(name, (0.0, float("inf")))
            if not low <= value <= high:
                raise ConfigError(
                    f"{origin or 'config'}: {key} must be between {low:g} and {high:g}, "
                    f"not {value:g}"
                )
        if name in ("severity", "disable", "enable_only", "rule_options"):
            _check_rule_refs(name, value, origin)
        changes[name] = value
    if origin:
        changes["config_file"] = origin
    return replace(config, **changes)


_RANGES = {
    "fuzzy_threshold": (0.0, 100.0),
    "set_match_threshold": (0.0, 100.0),
    "label_match_threshold": (0.0, 100.0),
    "around": (0.0, 1.0),
    "nearly": (0.0, 1.0),
    "precision_cap": (0.0, 1.0),
    "rounding_slack": (0.0, 1.0),
}


def _check_rule_refs(name: str, value: Any, origin: str) -> None:
    """Rule ids/names in severity, disable, enable_only and rule_options must exist; so must
    the option names under rule_options (a typo would silently do nothing). The rule registry
    answers; no rule imports this module, so there is no import cycle."""
    from cca_claims.rules import RULES, by_key

    rule_keys = [key for module in RULES.values() for key in (module.ID, module.NAME)]
    known = sorted(rule_keys) + sorted(PROBLEM_TYPES) + [p.name for p in PROBLEM_TYPES.values()]
    where = origin or "config"
    if name == "rule_options" and not isinstance(value, dict):
        raise ConfigError(f"{where}: rule_options maps a rule id to a table of options")
    keys = list(value) if isinstance(value, (dict, tuple, list)) else [value]
    for key in keys:
        if str(key) not in known:
            raise ConfigError(
                f"{where}: {name} names unknown rule {key!r} ({did_you_mean(str(key), known)})"
            )
    if name == "rule_options":
        for key, options in value.items():
            module = by_key(str(key))
            if module is None or not isinstance(options, dict):
                raise ConfigError(f"{where}: rule_options.{key} must be a table of options")
            for option in options:
                if option not in module.OPTIONS:
                    allowed = ", ".join(module.OPTIONS) or "none"
                    raise ConfigError(
                        f"{where}: rule {key} has no option {option!r} (options: {allowed})"
                    )


def _read(path: Path) -> dict[str, Any]:
    try:
        if path.suffix == ".toml":
            with path.open("rb") as fh:
                data = tomllib.load(fh)
            return dict(data.get("tool", {}).get("cca-claims", {}))
        doc, problems = load_yaml(path.read_bytes())
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    if problems:
        p = problems[0]
        raise ConfigError(f"{path}:{p.line}:{p.col}: {p.message}")
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise ConfigError(f"{path}: configuration must be a mapping")
    return _plain(doc)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
