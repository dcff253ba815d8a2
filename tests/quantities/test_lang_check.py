"""The source's `language:` through a whole check: Russian read by its lexicon, and a figure in a
language without one not read, with a notice instead of a verdict that blames a source."""

from __future__ import annotations

import textwrap

from cca_claims.config import Config
from cca_claims.engine import check

REGISTRY = """\
kazinform-ru:
  title: "Китай предоставит странам Центральной Азии грант"
  publisher: Kazinform
  published: 2025-06-17
  language: ru
  kind: news
aa-tr:
  title: "Cin ile Orta Asya ticareti"
  publisher: Anadolu Ajansi
  published: 2025-06-17
  language: tr
  kind: news
"""
CLAIMS = """\
claims:
  - id: grant
    claim: China offered Central Asia a grant of 1.5 billion yuan.
    value: 1.5 billion CNY
    evidence:
      - source: kazinform-ru
        quote: "безвозмездный грант в размере 1,5 млрд юаней"
  - id: trade
    claim: Trade between China and Central Asia reached $95 billion.
    value: 95 billion USD
    evidence:
      - source: aa-tr
        quote: "ticaret hacmi $95 milyar oldu"
"""


def _run(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "claims").mkdir()
    (tmp_path / "sources" / "sources.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "sources" / "kazinform-ru.txt").write_text(
        "— Мы готовы предоставить странам Центральной Азии безвозмездный грант в размере 1,5 млрд "
        "юаней на поддержку значимых проектов.",
        encoding="utf-8",
    )
    (tmp_path / "sources" / "aa-tr.txt").write_text(
        "Cin ile Orta Asya arasindaki ticaret hacmi $95 milyar oldu.", encoding="utf-8"
    )
    (tmp_path / "claims" / "trade.yaml").write_text(textwrap.dedent(CLAIMS), encoding="utf-8")
    config = Config(
        root=tmp_path, claims=tmp_path / "claims", sources=tmp_path / "sources", cache_dir=None
    )
    return check(config)


def test_language_of_the_registry_decides_and_unread_figures_blame_no_source(tmp_path):
    report = _run(tmp_path)
    verdicts = {c.claim.id: c.verdict for c in report.claims}
    assert verdicts["grant"] == "consistent"
    # "$95 milyar": the reader has no Turkish lexicon; reading "$95" would contradict the claim
    assert verdicts["trade"] == "unsupported"
    about_trade = [f for f in report.findings if "trade" in f.claims]
    assert not any(f.severity == "error" for f in about_trade)
    assert any("not read: '$95 milyar'" in f.message for f in about_trade)
