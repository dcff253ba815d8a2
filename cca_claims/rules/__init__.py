"""The rule registry: every rule module, imported explicitly, by id; the one place that knows them.

Each module's `CATEGORY` says what it is about; the verdicts read it (and `cca-claims lint`
runs the anchoring rules only): `anchoring` (A1xx, quotes and sources), `evidence` (C2xx,
sources against each other), `claim-value` (V3xx, the claim's own value against its sources),
`precision` (P4xx, info only), `relation` (R5xx, claims against claims) and `integrity` (I6xx,
what cannot be read or checked). It never decides where a rule runs.

Its `SCOPE` says where the engine runs it (`cca_claims.rules.dispatch`), whatever its category:
`claim` for a rule that looks at one claim and its evidence at a time (it may be given any subset
of the claims, and its findings on a subset are its findings on those claims), `across` for a
rule that relates claims to each other (always given every claim), `reviews` for a rule the
review stage runs once every other finding has its fingerprint (I606).

Every module's constants are checked when this package is imported: a malformed rule stops the
program at start-up (`RuleContractError`), never half-way through a check.

How to add a rule
-----------------
1. Write `cca_claims/rules/<ID>_<name>.py` (`C210_capacity_mismatch.py` for ID `C210`, NAME
   `capacity-mismatch`). Its docstring is its user documentation: a one-sentence first line, then
   a *Contradiction* and a *Consistent* YAML example. Set `ID`, `NAME`, `CATEGORY`, `SCOPE`,
   `DEFAULT_SEVERITY` and `OPTIONS` (option name -> default; `context.option(name)` reads it).
2. Write `check(context: RuleContext) -> Iterator[Finding]`. Build what it yields with the
   builders of `rules._shared` (`item_finding`, `evidence_finding`, `claim_value_finding`,
   `relation_finding`; `outlier_rule(KIND)` is a whole check) or `rules.base.finding`: never
   set the rule id or name (the dispatch stamps them, and the default severity), and take
   tolerances from `context.tolerance(cc)`. A rule never imports `cca_claims.config`.
3. Import the module below and add it to `RULES`, in the order of the report.
4. Add `tests/rules/cases/<ID>.yaml` with cases in both directions (a case that fires, with the
   lines it fires at, and one that stays silent), document any option in docs/configuration.md,
   and run `make docs` to regenerate docs/rules.md. `tests/rules/test_registry.py` checks all of it.

docs/rules-authoring.md says the same at more length, with the builders' shapes.
"""

from __future__ import annotations

import re
from types import ModuleType

from cca_claims.rules import (
    A101_quote_not_found,
    A102_quote_ambiguous,
    A103_quote_fuzzy,
    A104_misquoted_figure,
    A105_quote_too_long,
    C201_count_mismatch,
    C202_quantity_mismatch,
    C203_money_mismatch,
    C204_percent_mismatch,
    C205_date_mismatch,
    C206_set_mismatch,
    C207_label_mismatch,
    C208_status_conflict,
    C209_conversion_at_other_period,
    I601_value_not_in_quote,
    I602_ambiguous_value,
    I603_period_mismatch,
    I604_source_newer_than_review,
    I605_unreadable_value,
    I606_stale_review,
    I607_not_compared,
    P401_imprecise_value,
    P402_hedged_value,
    R501_part_exceeds_whole,
    R502_sum_mismatch,
    R503_growth_mismatch,
    R504_same_as_mismatch,
    V301_claim_value_contradicted,
    V302_claim_value_partly_supported,
)

CATEGORIES = ("anchoring", "evidence", "claim-value", "precision", "relation", "integrity")
SCOPES = ("claim", "across", "reviews")
SEVERITIES = ("error", "warning", "info")  # model.SEVERITIES; checked equal in the tests
_ID = re.compile(r"[ACVPRI]\d{3}")
_NAME = re.compile(r"[a-z]+(-[a-z]+)*")


class RuleContractError(TypeError):
    """A rule module that does not declare what the registry needs (a bug, not bad input)."""


def validate(module: ModuleType) -> ModuleType:
    """`module` if its constants follow the rule contract, else RuleContractError naming the fault."""
    where = getattr(module, "__name__", repr(module))
    checks = (
        (
            "ID",
            lambda v: isinstance(v, str) and _ID.fullmatch(v),
            "a letter of ACVPRI and 3 digits",
        ),
        ("NAME", lambda v: isinstance(v, str) and _NAME.fullmatch(v), "lower-case-words"),
        ("CATEGORY", lambda v: v in CATEGORIES, "one of " + ", ".join(CATEGORIES)),
        ("SCOPE", lambda v: v in SCOPES, "one of " + ", ".join(SCOPES)),
        ("DEFAULT_SEVERITY", lambda v: v in SEVERITIES, "one of " + ", ".join(SEVERITIES)),
        ("OPTIONS", lambda v: isinstance(v, dict), "a dict of option -> default"),
        ("check", callable, "a function check(context)"),
    )
    for attr, ok, what in checks:
        if not hasattr(module, attr):
            raise RuleContractError(f"rule module {where} has no {attr} ({what})")
        if not ok(getattr(module, attr)):
            raise RuleContractError(
                f"rule module {where}: {attr} = {getattr(module, attr)!r} is not {what}"
            )
    return module


RULES: dict[str, ModuleType] = {
    validate(module).ID: module
    for module in (
        A101_quote_not_found,
        A102_quote_ambiguous,
        A103_quote_fuzzy,
        A104_misquoted_figure,
        A105_quote_too_long,
        C201_count_mismatch,
        C202_quantity_mismatch,
        C203_money_mismatch,
        C204_percent_mismatch,
        C205_date_mismatch,
        C206_set_mismatch,
        C207_label_mismatch,
        C208_status_conflict,
        C209_conversion_at_other_period,
        V301_claim_value_contradicted,
        V302_claim_value_partly_supported,
        P401_imprecise_value,
        P402_hedged_value,
        R501_part_exceeds_whole,
        R502_sum_mismatch,
        R503_growth_mismatch,
        R504_same_as_mismatch,
        I601_value_not_in_quote,
        I602_ambiguous_value,
        I603_period_mismatch,
        I604_source_newer_than_review,
        I605_unreadable_value,
        I606_stale_review,
        I607_not_compared,
    )
}


if len({m.NAME for m in RULES.values()}) != len(RULES):
    raise RuleContractError("two rules share a NAME")


def category(rule_id: str) -> str:
    """The category of a rule id ("" for input problems and unknown ids)."""
    module = RULES.get(rule_id)
    return module.CATEGORY if module is not None else ""


def by_key(key: str) -> ModuleType | None:
    """The rule a configuration or review names, by id ("C201") or name ("count-mismatch")."""
    if key in RULES:
        return RULES[key]
    return next((m for m in RULES.values() if m.NAME == key), None)
