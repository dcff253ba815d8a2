"""The finding builders' shapes where no case file reaches them (tests/rules/cases/ pins the rest).

R503's finding on the claim's own value is built by `value_finding` with no subject: at the
claim's `growth:` line, naming the three claims and no source or evidence item, the claim's value
compared with the two levels.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from cca_claims.engine import check
from tests.rules.test_rule_cases import CASES, write_case


def test_growth_mismatch_of_the_claims_own_value(tmp_path: Path) -> None:
    doc = yaml.safe_load((CASES / "R503.yaml").read_text(encoding="utf-8"))
    case = dict(doc["cases"][0])  # rate-does-not-match-levels: report-b says 35 %
    growth = "    growth: {from: trade-2023, to: trade-2024}\n"
    assert growth in case["claims"]
    case["claims"] = case["claims"].replace(growth, "    value: 35%\n" + growth)
    found = [f for f in check(write_case(tmp_path, doc, case)).findings if f.rule == "R503"]
    own = [f for f in found if f.message.startswith("the claim's value")]
    assert len(found) == 2 and len(own) == 1, [f.message for f in found]
    (f,) = own
    assert f.location.line == 15  # the `growth:` line
    assert f.claims == ("trade-growth", "trade-2023", "trade-2024")
    assert f.sources == () and f.evidence == ()
    assert [c.label for c in f.compared] == ["claim value", "trade-2023", "trade-2024"]
