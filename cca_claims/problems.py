"""Input problems: what is wrong with the files themselves, before any rule runs.

Loaders record problems as data (never raise, never print), so one broken file never hides the
problems of the others. The engine turns each into a Finding with the code below; the codes are
stable, documented by `cca-claims rules`, and configurable like rule ids.
One code is not about the files: E016 `rule-crashed`, which the rules stage
(`cca_claims.rules.dispatch`) reports for a rule that failed, so the check can go on.
"""

from __future__ import annotations

from dataclasses import dataclass

from cca_claims.model import Finding, Position


@dataclass(frozen=True)
class ProblemType:
    code: str
    name: str
    severity: str
    doc: str


PROBLEM_TYPES: dict[str, ProblemType] = {
    p.code: p
    for p in (
        ProblemType(
            "E001", "yaml-syntax", "error", "The file is not valid YAML, or a value cannot be read."
        ),
        ProblemType(
            "E002", "unknown-key", "error", "A key the claim format does not define (often a typo)."
        ),
        ProblemType(
            "E003",
            "missing-field",
            "error",
            "A required key (`id`, `claim`, `source`, `quote`) is missing.",
        ),
        ProblemType(
            "E004",
            "duplicate-id",
            "error",
            "Two claims share an id; ids are unique across all files.",
        ),
        ProblemType(
            "E005",
            "unknown-source",
            "error",
            "Evidence cites a source id the registry does not have.",
        ),
        ProblemType(
            "E006",
            "empty-evidence",
            "warning",
            "A claim has no evidence, so nothing can support it.",
        ),
        ProblemType(
            "E007",
            "bad-field",
            "error",
            "A key has the wrong type or form (an id with spaces, a list where text is expected).",
        ),
        ProblemType(
            "E008",
            "unreadable-file",
            "error",
            "A file cannot be read: not UTF-8, NUL bytes, too large, outside its folder.",
        ),
        ProblemType(
            "E009",
            "unsafe-yaml",
            "error",
            "YAML that could build objects or expand without bound (tags, alias bombs, deep nesting).",
        ),
        ProblemType(
            "E010",
            "duplicate-key",
            "error",
            "A key written twice in one mapping; YAML would silently keep the last.",
        ),
        ProblemType(
            "E011",
            "bad-period",
            "error",
            "A `period:` that cannot be read as a year, date or range.",
        ),
        ProblemType(
            "E012",
            "source-registry",
            "warning",
            "A problem in `sources/sources.yaml` or a source file without an entry.",
        ),
        ProblemType(
            "E013",
            "unknown-claim-ref",
            "error",
            "A relation (`part_of`, `sum_of`, `growth`, `same_as`) names a claim that does not exist.",
        ),
        ProblemType(
            "E014",
            "bad-review",
            "warning",
            "A `reviews:` entry that is incomplete or names an unknown rule.",
        ),
        ProblemType(
            "E015",
            "hidden-line-break",
            "error",
            "U+2028, U+2029 or U+0085: a line break for YAML that editors, grep and `git diff` "
            "do not show, so text after it on a comment line would be read unseen.",
        ),
        ProblemType(
            "E016",
            "rule-crashed",
            "error",
            "A rule failed with an internal error on this claim (a bug in cca-claims, not in "
            "the files); the check goes on without that rule's findings there.",
        ),
    )
}

_YAML_CODES = {
    "yaml-syntax": "E001",
    "duplicate-key": "E010",
    "unsafe-yaml": "E009",
    "too-large": "E008",
    "not-utf8": "E008",
    "hidden-line-break": "E015",
}


def problem(
    code: str,
    message: str,
    position: Position,
    hint: str = "",
    claims: tuple[str, ...] = (),
    sources: tuple[str, ...] = (),
) -> Finding:
    """A Finding for an input problem; the fingerprint is set later by the engine."""
    kind = PROBLEM_TYPES[code]
    return Finding(
        rule=code,
        name=kind.name,
        severity=kind.severity,
        message=message,
        location=position,
        claims=claims,
        sources=sources,
        hint=hint,
    )


def yaml_problem_code(kind: str) -> str:
    """The problem code for a `yamlload.YamlProblem.code`."""
    return _YAML_CODES.get(kind, "E001")
