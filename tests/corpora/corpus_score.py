"""Score the checker against an expert's expectations on a corpus of real reporting.

A corpus folder holds `claims/`, `sources/` and `expectations.yaml` (see
tests/corpora/real_reporting/README.md). Each claim is expected to `agree` (verdict
`consistent`, no error-level finding on it) or to `conflict` (verdict `disputed` or
`contradicted`, which the verdict gives only for a warning- or error-level conflict finding).
A claim the tool leaves `unsupported` matches neither.

    python -m tests.corpora.corpus_score [CORPUS_DIR]

prints the score and every miss with the rules of the findings on it.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from cca_claims.config import Config
from cca_claims.engine import check
from cca_claims.model import Finding, Report

HERE = Path(__file__).resolve().parent
REAL_REPORTING = HERE / "real_reporting"
CONFLICT_VERDICTS = ("disputed", "contradicted")
UNREAD_RULES = ("I602", "I605")  # none chosen among several values; no value read


@dataclass(frozen=True)
class Outcome:
    """One claim: what the editor expected, what the tool said, and the findings behind it."""

    claim_id: str
    expected: str  # agree | conflict
    why: str
    verdict: str
    findings: tuple[Finding, ...]

    @property
    def hit(self) -> bool:
        if self.expected == "agree":
            return self.verdict == "consistent" and not any(
                f.severity == "error" for f in self.findings
            )
        return self.verdict in CONFLICT_VERDICTS

    @property
    def unread(self) -> bool:
        """Some passage of the claim went unread (no value, or none chosen): a hit may be hollow."""
        return any(f.rule in UNREAD_RULES for f in self.findings)

    @property
    def miss_kind(self) -> str:
        """How a miss went wrong, in the words an editor would use."""
        if self.hit:
            return ""
        if self.verdict == "unsupported":
            return "not checked (unsupported)"
        if self.expected == "agree":
            return "false alarm"
        return "conflict missed"


def load_expectations(corpus: Path) -> dict[str, dict]:
    data = yaml.safe_load((corpus / "expectations.yaml").read_text(encoding="utf-8"))
    return data["expectations"]


def run(corpus: Path = REAL_REPORTING) -> Report:
    """The tool's report on the corpus, through the library (no cache: always a fresh run)."""
    config = Config(
        root=corpus, claims=corpus / "claims", sources=corpus / "sources", cache_dir=None
    )
    return check(config)


def outcomes(report: Report, expectations: dict[str, dict]) -> list[Outcome]:
    """One outcome per expected claim, in the order of the expectations file."""
    verdicts = {c.claim.id: c.verdict for c in report.claims}
    out = []
    for claim_id, expected in expectations.items():
        mine = tuple(
            f
            for f in report.findings
            if claim_id in f.claims and not f.suppressed and f.severity in ("error", "warning")
        )
        out.append(
            Outcome(
                claim_id=claim_id,
                expected=expected["expect"],
                why=expected.get("why", ""),
                verdict=verdicts.get(claim_id, "missing"),
                findings=mine,
            )
        )
    return out


def render(results: list[Outcome]) -> str:
    """The score, the misses by kind, then each miss with its findings."""
    hits = sum(r.hit for r in results)
    lines = [f"real-reporting score: {hits}/{len(results)} = {100 * hits / len(results):.1f} %"]
    hollow = sum(r.hit and r.unread for r in results)
    lines.append(f"  hits with some passage unread (I602/I605): {hollow}")
    kinds = Counter(r.miss_kind for r in results if not r.hit)
    lines += [f"  {kind}: {n}" for kind, n in sorted(kinds.items())]
    for r in results:
        if r.hit:
            continue
        lines.append(f"MISS {r.claim_id}: expected {r.expected}, got {r.verdict} ({r.miss_kind})")
        lines.append(f"     editor: {r.why}")
        for f in r.findings:
            lines.append(f"     {f.rule} {f.severity}: {f.message}")
        if not r.findings:
            lines.append("     (no warning or error on this claim)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    corpus = Path(args[0]) if args else REAL_REPORTING
    results = outcomes(run(corpus), load_expectations(corpus))
    print(render(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
