"""The rules stage: run every enabled rule by its declared scope and stamp what it yields.

The engine calls `run_rules` once. Each rule gets the context with its own options resolved; a
`claim` rule and an `across` rule both see every claim here (a claim rule's findings on all
claims are its findings on each), and `reviews` rules are left to the review stage. What a rule
yields is stamped with the rule's id, name and default severity, as yamllint's linter does, so a
rule never has to name itself.

A rule that raises does not stop the check: its findings so far are dropped and the failure
becomes an `E016 rule-crashed` finding naming the rule and the exception. A claim-scope rule is
then run again one claim at a time, so the claims it handles still get its findings and the
error points at the claim file that makes it fail.
"""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType

from cca_claims.model import Finding, Position
from cca_claims.problems import problem
from cca_claims.rules import RULES
from cca_claims.rules.base import RuleContext


def enabled(config, scope: str | None = None, *, lint_only: bool = False) -> list[ModuleType]:
    """The rules this configuration runs, in registry order (of one `scope` when given; only
    the anchoring rules for a lint)."""
    return [
        module
        for module in RULES.values()
        if config.rule_enabled(module.ID, module.NAME)
        and (scope is None or module.SCOPE == scope)
        and (not lint_only or module.CATEGORY == "anchoring")
    ]


def options(module: ModuleType, config) -> dict:
    """A rule's options: `[tool.cca-claims.rule_options.<ID or NAME>]` over its defaults
    (by id first, as before: an id names one rule, a name could be reused one day)."""
    out = dict(module.OPTIONS)
    configured = config.rule_options
    for key in (module.NAME, module.ID):  # the id's table is applied last and wins
        out.update({k: v for k, v in (configured.get(key) or {}).items() if k in out})
    return out


def run_rules(context: RuleContext, *, lint_only: bool = False) -> list[Finding]:
    """Every enabled rule's findings on `context` (stamped), failures included as findings."""
    out: list[Finding] = []
    for module in enabled(context.config, lint_only=lint_only):
        if module.SCOPE == "reviews":
            continue  # cca_claims.review.stale_reviews runs it, after the fingerprints
        out.extend(run_rule(module, context))
    return out


def run_rule(module: ModuleType, context: RuleContext) -> list[Finding]:
    """One rule's stamped findings on `context`; a failure becomes an E016 finding."""
    mine = replace(context, options=options(module, context.config))
    try:
        return [stamp(module, f) for f in module.check(mine)]
    except Exception as exc:  # a rule bug must not hide every other finding
        if module.SCOPE != "claim" or len(mine.claims) < 2:
            return [crashed(module, exc, mine)]
    out: list[Finding] = []
    for claim_id, cc in mine.claims.items():  # find the claims it fails on; keep the rest
        one = replace(mine, claims={claim_id: cc})
        try:
            out.extend(stamp(module, f) for f in module.check(one))
        except Exception as exc:  # noqa: BLE001 - reported as a finding on that claim
            out.append(crashed(module, exc, one))
    return out


def stamp(module: ModuleType, found: Finding) -> Finding:
    """`found` as a finding of `module`: its id, name and (unless set) default severity."""
    return replace(
        found,
        rule=module.ID,
        name=module.NAME,
        severity=found.severity or module.DEFAULT_SEVERITY,
    )


def crashed(module: ModuleType, exc: Exception, context: RuleContext) -> Finding:
    """The finding for a rule that raised, at the first claim it was given (its file's path
    as the claims carry it, relative to the project root)."""
    first = next(iter(context.claims.values()), None)
    where = first.claim.pos("id") if first is not None else Position("")
    detail = (str(exc).strip().splitlines() or [""])[0]
    message = f"rule {module.ID} {module.NAME} failed: {type(exc).__name__}"
    if detail:
        message += f": {detail}"
    return problem(
        "E016",
        message,
        where,
        "this is a bug in cca-claims, not in your files: please report it with this claim file",
        claims=(first.claim.id,) if first is not None else (),
    )
