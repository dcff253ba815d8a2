"""The rule registry: every rule module, imported explicitly, by id.

To add a rule: write `cca_claims/rules/<ID>_<name>.py` (see base.py for the shape), import it
here and add it to RULES, then add `tests/rules/cases/<ID>.yaml` with cases in both directions.
"""

from __future__ import annotations

from types import ModuleType

from cca_claims.rules import (
    A101_quote_not_found,
    A102_quote_ambiguous,
    A103_quote_fuzzy,
)

RULES: dict[str, ModuleType] = {
    module.ID: module
    for module in (
        A101_quote_not_found,
        A102_quote_ambiguous,
        A103_quote_fuzzy,
    )
}
