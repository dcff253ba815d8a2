"""`cca-claims parse --language`: the language decides the lexicon; a figure in a language the
reader has no lexicon for is shown as not read."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cca_claims.cli import app

runner = CliRunner()


def _parse(*args: str) -> dict:
    result = runner.invoke(app, ["parse", "--format", "json", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_the_issue_figures_through_the_command():
    for text, number in [
        ("US$4·7bn", 4.7e9),
        ("94,8 млрд долларов", 94.8e9),
        ("3 тысяч квот", 3000),
        ("1,5 млрд юаней", 1.5e9),
        ("6741.5亿元", 674.15e9),
    ]:
        (value,) = _parse(text)["values"]
        assert (value["text"], value["number"]) == (text, number)


def test_language_option_decides_the_lexicon():
    # Latin-script Uzbek is read as Uzbek only when the language says so
    (uz,) = _parse("--language", "uz", "1,5 mlrd dollar")["values"]
    assert (uz["kind"], uz["number"]) == ("money", 1.5e9)
    # without it, "mlrd" is an unknown word and the figure is the bare 1.5 the text shows
    assert [(v["kind"], v["number"]) for v in _parse("1,5 mlrd dollar")["values"]] == [
        ("count", 1.5)
    ]


def test_a_language_without_lexicon_says_what_was_not_read():
    out = _parse("--language", "tr", "ticaret hacmi $95 milyar oldu")
    assert out["values"] == []
    assert out["not_read"] == [
        "not read: '$95 milyar' (no lexicon for language 'tr': the word 'milyar' after the "
        "figure may multiply it)"
    ]
    text = runner.invoke(app, ["parse", "--language", "tr", "$95 milyar"]).output
    assert "not read: '$95 milyar'" in text and "no values found" not in text
