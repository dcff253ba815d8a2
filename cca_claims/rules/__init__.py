"""The rule registry: every rule module, imported explicitly, by id.

To add a rule: write `cca_claims/rules/<ID>_<name>.py` (see base.py for the shape), import it
here and add it to RULES, then add `tests/rules/cases/<ID>.yaml` with cases in both directions.

Each module's `CATEGORY` says what it is about, and the verdicts use it: `anchoring` (A1xx,
quotes and sources), `evidence` (C2xx, sources against each other), `claim-value` (V3xx, the
claim's own value against its sources), `precision` (P4xx, info only), `relation` (R5xx, claims
against claims) and `integrity` (I6xx, what cannot be read or checked).
"""

from __future__ import annotations

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

RULES: dict[str, ModuleType] = {
    module.ID: module
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


def category(rule_id: str) -> str:
    """The category of a rule id ("" for input problems and unknown ids)."""
    module = RULES.get(rule_id)
    return getattr(module, "CATEGORY", "") if module is not None else ""
