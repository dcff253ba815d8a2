"""`cca-claims review` and `cca-claims add` on copies of the bundled and real-reporting corpora."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cca_claims.cli import app
from cca_claims.config import Config
from cca_claims.curation.review import open_findings
from cca_claims.engine import check

REPO = Path(__file__).parents[2]
REAL = REPO / "tests" / "corpora" / "real_reporting"
runner = CliRunner()


def cli(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "seed"
    root.mkdir()
    shutil.copytree(REPO / "claims", root / "claims")
    shutil.copytree(REPO / "sources", root / "sources")
    monkeypatch.chdir(root)
    return root


def run(root: Path):
    return check(
        Config(root=root, claims=root / "claims", sources=root / "sources", cache_dir=None)
    )


def _only_added(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`, asserting that nothing else changed, byte for byte."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    i = 0
    while i < len(old) and old[i] == new[i]:
        i += 1
    added = len(new) - len(old)
    assert added > 0 and new[i + added :] == old[i:], "the edit changed existing lines"
    return new[i : i + added]


def test_review_of_every_open_finding_keeps_every_other_byte_of_the_seed_files(seed: Path) -> None:
    report = run(seed)
    pending = open_findings(report)
    assert pending, "the seed corpus has open findings by design"
    originals = {p: p.read_text(encoding="utf-8") for p in (seed / "claims").glob("*.yaml")}
    for finding in pending:
        claim_id = finding.claims[0]
        path = seed / next(c.claim.file for c in report.claims if c.claim.id == claim_id)
        before = path.read_text(encoding="utf-8")
        result = cli(
            "review",
            claim_id,
            finding.rule,
            "--status",
            "explained",
            "--note",
            "checked: a different scope # not a comment",
            "--by",
            "desk",
            "--fingerprint",
            finding.fingerprint,
        )
        assert result.exit_code == 0, result.output
        added = _only_added(before, path.read_text(encoding="utf-8"))
        assert any(finding.fingerprint in line for line in added)
        assert f"+        fingerprint: {finding.fingerprint}" in result.stdout  # the diff shown
    # every comment of every file is still there, in order
    for path, text in originals.items():
        comments = [ln for ln in text.splitlines() if ln.lstrip().startswith("#")]
        now = [
            ln
            for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.lstrip().startswith("#")
        ]
        assert now == comments
    again = run(seed)
    assert not open_findings(again)
    assert not [f for f in again.findings if f.rule == "I606"]
    reviewed = {f.fingerprint: f.review for f in again.findings}
    assert all(reviewed[f.fingerprint] == "explained" for f in pending)


def test_review_refuses_what_it_cannot_do_and_writes_nothing(seed: Path) -> None:
    snapshot = {p: p.read_bytes() for p in (seed / "claims").glob("*.yaml")}
    unknown = cli("review", "no-such-claim", "C201", "--status", "explained", "--note", "x")
    assert unknown.exit_code == 2 and "no claim" in unknown.output
    report = run(seed)
    finding = open_findings(report)[0]
    claim_id = finding.claims[0]
    wrong_rule = cli("review", claim_id, "R504", "--status", "accepted", "--note", "x")
    assert wrong_rule.exit_code == 2 and finding.rule in wrong_rule.output  # lists what is open
    no_note = cli(
        "review",
        claim_id,
        finding.rule,
        "--status",
        "accepted",
        "--fingerprint",
        finding.fingerprint,
    )
    assert no_note.exit_code == 2 and "note" in no_note.output
    dry = cli(
        "review",
        claim_id,
        finding.rule,
        "--status",
        "accepted",
        "--note",
        "ok",
        "--fingerprint",
        finding.fingerprint,
        "--dry-run",
    )
    assert dry.exit_code == 0 and "+      - rule:" in dry.stdout
    assert {p: p.read_bytes() for p in (seed / "claims").glob("*.yaml")} == snapshot


def test_interactive_review_walks_the_open_findings(seed: Path) -> None:
    pending = open_findings(run(seed))
    assert len(pending) >= 2
    # explain the first, skip the second, quit
    answers = "e\nsources differ in scope\ns\nq\n"
    result = cli("review", "--interactive", "--by", "desk", input=answers)
    assert result.exit_code == 0, result.output
    after = {f.fingerprint: f.review for f in run(seed).findings}
    assert after[pending[0].fingerprint] == "explained"
    assert after[pending[1].fingerprint] == ""


def test_a_stale_review_is_listed_by_lint(seed: Path) -> None:
    path = seed / "claims" / "treaties-and-documents.yaml"
    text = path.read_text(encoding="utf-8")
    assert "- rule: C207" in text
    path.write_text(text.replace("- rule: C207", "- rule: C201", 1), encoding="utf-8")
    result = cli("lint", "--no-cache")
    assert "I606 stale-review" in result.stdout and "no C201 finding" in result.stdout


def test_add_makes_a_claim_that_checks_from_a_real_passage(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "desk"
    root.mkdir()
    shutil.copytree(REAL / "sources", root / "sources")
    (root / "claims").mkdir()
    monkeypatch.chdir(root)
    source = next(
        p
        for p in sorted((root / "sources").glob("*.txt"))
        if "$94.8 billion" in p.read_text(encoding="utf-8")
    )
    lines = source.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "$94.8 billion" in text)
    col = lines[line - 1].index("$94.8 billion") + 1
    target = root / "claims" / "new.yaml"
    made = cli("add", source.stem, f"{line}:{col}", "--to", str(target))
    assert made.exit_code == 0, made.output
    value_line = next(ln for ln in made.stdout.splitlines() if ln.startswith("  value:"))
    assert "$94.8 billion" in value_line and "kind: money" in made.stdout
    # a second claim from the same place gets its own id, and the file keeps the first as is
    first = target.read_text(encoding="utf-8")
    again = cli("add", source.stem, f"{line}:{col}", "--to", str(target))
    assert again.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith(first)
    report = run(root)
    assert len(report.claims) == 2 and len({c.claim.id for c in report.claims}) == 2
    assert all(c.verdict == "consistent" for c in report.claims)
    assert all(e.anchor.status == "exact" for c in report.claims for e in c.evidence)


def test_add_explains_a_place_with_nothing_to_claim(seed: Path) -> None:
    empty = cli("add", "baidarov-first-summit-2025", "9999")
    assert empty.exit_code == 2 and "lines" in empty.output
    unknown = cli("add", "no-such-source", "1")
    assert unknown.exit_code == 2 and "no source" in unknown.output


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Trade topped $94.8 billion in 2024, up $5.4 billion year-on-year.", "$5.4"),
        ("Trade topped $94.8 billion in 2024, up $5.4 billion year-on-year.", "$94.8"),
        ("Exports were $3.1 billion and imports $2.9 billion in 2024.", "$2.9"),
    ],
)
def test_add_leaves_out_an_evidence_value_the_claims_own_value_settles(
    tmp_path: Path, monkeypatch, sentence: str, figure: str
) -> None:
    # the claim's own value picks its figure among the others, as the check does: the evidence
    # item needs no value: of its own, and the claim checks consistent with the figure chosen
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    (tmp_path / "sources" / "sources.yaml").write_text(
        "wire:\n  title: A wire\n  published: 2025-02-01\n  language: en\n  kind: news\n", "utf-8"
    )
    (tmp_path / "sources" / "wire.txt").write_text(sentence + "\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    made = cli("add", "wire", f"1:{sentence.index(figure) + 1}", "--to", "claims/new.yaml")
    assert made.exit_code == 0, made.output
    value_line = next(ln for ln in made.stdout.splitlines() if ln.startswith("  value:"))
    assert figure in value_line
    assert "      value:" not in made.stdout
    report = run(tmp_path)
    assert [c.verdict for c in report.claims] == ["consistent"]
    chosen = report.claims[0].evidence[0].reading
    assert chosen is not None and figure in chosen.text


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        # the year comes from the source's date; the claim's value says it
        ("From June 16 to 18, Astana hosts the summit.", "2025-06-13", "2025-06-16..2025-06-18"),
        ("The summit was held on June 17 in Astana.", "2025-07-01", "2025-06-17"),
        ("The railway opened in May 2023.", "2024-06-01", "2023-05"),
        ("The treaty was signed in 2025.", "2025-07-01", "2025"),
    ],
)
def test_add_writes_a_date_as_the_days_read_so_the_claim_checks(
    tmp_path: Path, monkeypatch, sentence: str, published: str, value: str
) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    (tmp_path / "sources" / "sources.yaml").write_text(
        f"wire:\n  title: A wire\n  published: {published}\n  language: en\n  kind: news\n", "utf-8"
    )
    (tmp_path / "sources" / "wire.txt").write_text(sentence + "\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    made = cli("add", "wire", "1", "--to", "claims/new.yaml")
    assert made.exit_code == 0, made.output
    assert f'  value: "{value}"' in made.stdout or f"  value: {value}\n" in made.stdout
    report = run(tmp_path)
    assert [c.verdict for c in report.claims] == ["consistent"]
    assert not [f for f in report.findings if f.rule == "I605"]  # the value reads back


def test_review_shows_the_diff_under_the_files_own_name(seed: Path) -> None:
    finding = open_findings(run(seed))[0]
    shown = cli(
        "review",
        finding.claims[0],
        finding.rule,
        "--status",
        "explained",
        "--note",
        "ok",
        "--fingerprint",
        finding.fingerprint,
        "--dry-run",
    )
    assert shown.exit_code == 0, shown.output
    heads = [ln for ln in shown.stdout.splitlines() if ln.startswith(("--- ", "+++ "))]
    assert len(heads) == 2 and all(h[4:].startswith(("a/claims/", "b/claims/")) for h in heads)


def test_an_unknown_claim_names_a_few_ids_not_the_whole_corpus(seed: Path) -> None:
    result = cli("review", "zzzz-qqqq", "C205", "--status", "explained", "--note", "x")
    assert result.exit_code == 2
    ids = [c.claim.id for c in run(seed).claims]
    assert len(ids) > 8
    assert f"and {len(ids) - 8} more" in result.output
    assert ids[-1] not in result.output
