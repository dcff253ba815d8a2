"""The command line: options in, one call into the core, a renderer, an exit code.

Exit codes (as sqlfluff): 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or
tool error. No traceback reaches the user: unexpected errors are reported in one line (exit 2).
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path

import typer

from cca_claims import __version__
from cca_claims.cli_support import (
    baseline_option,
    exit_code,
    fail,
    options_config,
    rendered,
    run_check,
    stream_json,
    terminal_width,
    use_color,
    write_output,
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Check hand-curated claims against the passages of their sources.",
)


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class LintFormat(StrEnum):
    text = "text"
    github = "github"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    claimreview = "claimreview"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class Verdict(StrEnum):
    consistent = "consistent"
    disputed = "disputed"
    contradicted = "contradicted"
    unsupported = "unsupported"


ClaimsOpt = typer.Option(None, "--claims", help="Claim file or folder [default: claims/]")
SourcesOpt = typer.Option(None, "--sources", help="Sources folder [default: sources/]")
ConfigOpt = typer.Option(
    None, "--config", help="Configuration file [default: cca-claims.yaml or pyproject.toml]"
)
NoColorOpt = typer.Option(False, "--no-color", help="Plain text without colour (also NO_COLOR=1)")
NoCacheOpt = typer.Option(
    False, "--no-cache", help="Check everything again, ignoring (and not filling) the cache"
)
FailOnOpt = typer.Option(
    None, "--fail-on", help="Lowest severity that fails (exit 1) [default: error]"
)


@app.command()
def check(
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format"),
    fail_on: FailOn | None = FailOnOpt,
    baseline: Path | None = typer.Option(
        None, "--baseline", help="Ignore the findings recorded in this baseline file"
    ),
    write_baseline: Path | None = typer.Option(
        None, "--write-baseline", help="Record the current findings in this baseline file"
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report to this file instead of standard output"
    ),
    force: bool = typer.Option(
        False, "--force", help="Allow --output inside the claims or sources folder"
    ),
    config_file: Path | None = ConfigOpt,
    no_color: bool = NoColorOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """Check every claim against its sources and report the findings.

    Exit 0 when no open finding reaches --fail-on, 1 when one does, 2 on a usage or tool error.
    Reviewed and baselined findings are reported but never fail.
    """
    from cca_claims.report import reporter

    config = options_config(claims, sources, config_file, fail_on)
    use_cache = not no_cache
    report = run_check(config, baseline=baseline_option(baseline), use_cache=use_cache)
    color = output is None and use_color(no_color)
    width = terminal_width() if output is None else 100
    if format is Format.json and output is None:
        stream_json(report)  # 124 MB at 10,000 claims: never held whole in memory
    elif format is Format.json:
        from cca_claims.report.json_report import chunks

        write_output(output, chunks(report), config, force)
    else:

        def draw() -> str:
            # imported here: a text report taken from the cache needs no renderer (nor rich)
            return reporter(format.value)(report, color=color, width=width)

        # JSON and SARIF carry the time of the run: only the text report is kept in the cache
        if format is Format.text:
            text = rendered(config, report, f"text|color={color}|width={width}", draw, use_cache)
        else:
            text = draw()
        if output is not None:
            write_output(output, text, config, force)
        else:
            typer.echo(text, nl=False)
    if write_baseline is not None:
        from cca_claims.baseline import BaselineError
        from cca_claims.baseline import write_baseline as write

        try:
            n = write(write_baseline, report, protected=(config.claims, config.sources))
        except BaselineError as exc:
            fail(str(exc))
        typer.echo(f"cca-claims: recorded {n} finding(s) in {write_baseline}", err=True)
        raise typer.Exit(0)
    raise typer.Exit(exit_code(report, config.fail_on))


@app.command()
def lint(
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    format: LintFormat = typer.Option(LintFormat.text, "--format", "-f", help="Output format"),
    fail_on: FailOn | None = FailOnOpt,
    config_file: Path | None = ConfigOpt,
    no_color: bool = NoColorOpt,
    no_cache: bool = NoCacheOpt,
) -> None:
    """Schema and anchoring only: fast, for editors' pre-commit hooks."""

    def lint_report(report, **options) -> str:
        # imported when drawn: a lint output taken from the cache needs no renderer (nor rich)
        from cca_claims.report.lint import render

        return render(report, **options)

    config = options_config(claims, sources, config_file, fail_on)
    report = run_check(config, lint_only=True, use_cache=not no_cache)
    if format is LintFormat.github:
        from cca_claims.report.github import render

        typer.echo(render(report), nl=False)
    else:
        color, width = use_color(no_color), terminal_width()
        text = rendered(
            config,
            report,
            f"lint|color={color}|width={width}",
            lambda: lint_report(report, color=color, width=width),
            not no_cache,
        )
        typer.echo(text, nl=False)
    raise typer.Exit(exit_code(report, config.fail_on))


@app.command()
def show(
    claim_id: str = typer.Argument(..., help="The claim's id"),
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    config_file: Path | None = ConfigOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Everything about one claim: evidence side by side, findings, reviews, reconciled value."""
    from cca_claims.report.tables import render_show

    config = options_config(claims, sources, config_file, None)
    report = run_check(config)
    ids = [c.claim.id for c in report.claims]
    if claim_id not in ids:
        from cca_claims.suggest import closest

        best = closest(claim_id, ids)
        fail(
            f"no claim {claim_id!r}"
            + (f"; did you mean {best!r}?" if best else " (cca-claims claims lists them)")
        )
    typer.echo(
        render_show(report, claim_id, color=use_color(no_color), width=terminal_width()), nl=False
    )


TagOpt = typer.Option([], "--tag", help="Only claims with this tag (repeatable)")
VerdictOpt = typer.Option([], "--verdict", help="Only claims with this verdict (repeatable)")
SourceOpt = typer.Option([], "--source", help="Only claims citing this source (repeatable)")


def _filters(report, tag: list[str], verdict: list[Verdict], source: list[str]):
    from cca_claims.report.tables import Filters

    known = {s.id for s in report.sources}
    for s in source:
        if s not in known:
            from cca_claims.suggest import closest

            best = closest(s, known)
            fail(f"no source {s!r}" + (f"; did you mean {best!r}?" if best else ""))
    return Filters(tuple(tag), tuple(v.value for v in verdict), tuple(source))


@app.command("claims")
def claims_command(
    tag: list[str] = TagOpt,
    verdict: list[Verdict] = VerdictOpt,
    source: list[str] = SourceOpt,
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    config_file: Path | None = ConfigOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Table of the claims loaded, with verdicts and findings; filter by tag, verdict, source."""
    from cca_claims.report.tables import render_claims

    _print_table(render_claims, tag, verdict, source, claims, sources, config_file, no_color)


@app.command("sources")
def sources_command(
    tag: list[str] = TagOpt,
    verdict: list[Verdict] = VerdictOpt,
    source: list[str] = SourceOpt,
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    config_file: Path | None = ConfigOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Table of the sources loaded, with the claims citing them and their verdicts."""
    from cca_claims.report.tables import render_sources

    _print_table(render_sources, tag, verdict, source, claims, sources, config_file, no_color)


def _print_table(render, tag, verdict, source, claims, sources, config_file, no_color) -> None:
    """Run the check and print one of the filtered tables (`claims`, `sources`)."""
    config = options_config(claims, sources, config_file, None)
    report = run_check(config)
    filters = _filters(report, tag, verdict, source)
    typer.echo(render(report, filters, color=use_color(no_color), width=terminal_width()), nl=False)


@app.command()
def export(
    format: ExportFormat = typer.Option(..., "--format", "-f", help="csv, jsonl or claimreview"),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file [default: standard output]"
    ),
    force: bool = typer.Option(
        False, "--force", help="Allow --output inside the claims or sources folder"
    ),
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    config_file: Path | None = ConfigOpt,
) -> None:
    """Evidence as rows (csv, jsonl) or schema.org ClaimReview JSON-LD for publishing."""
    from cca_claims.report import exporter

    config = options_config(claims, sources, config_file, None)
    report = run_check(config)
    text = exporter(format.value)(report)
    if output is None:
        typer.echo(text, nl=False)
    else:
        write_output(output, text, config, force)
        typer.echo(f"cca-claims: wrote {output}", err=True)


@app.command()
def parse(
    text: str = typer.Argument(
        ..., help='Text to read, or "-" for one JSON string per line on stdin'
    ),
    format: str = typer.Option("text", "--format", "-f", help="text, json or jsonl"),
    reference_date: str | None = typer.Option(
        None, "--date", help="Publication date for relative dates (YYYY-MM-DD)"
    ),
    yen: str = typer.Option("CNY", "--yen", help="What ¥ stands for: CNY or JPY"),
) -> None:
    """Show every value read in a text: span, number, interval, unit, qualifier, normalized form."""
    import datetime as dt

    from cca_claims.display import format_reading, reading_to_json
    from cca_claims.quantities import read_values
    from cca_claims.quantities.context import ReadContext

    if format not in ("text", "json", "jsonl"):
        fail(f"unknown format {format!r}: use text, json or jsonl")
    try:
        ref = dt.date.fromisoformat(reference_date) if reference_date else None
    except ValueError:
        fail(f"--date {reference_date!r} is not a YYYY-MM-DD date")
    ctx = ReadContext(reference_date=ref, yen_means=yen.upper())
    if text == "-":
        for number, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError:
                item = None
            if not isinstance(item, str):
                out = {"line": number, "error": "expected one JSON string per line"}
            else:
                out = {
                    "input": item,
                    "values": [reading_to_json(r) for r in read_values(item, ctx)],
                }
            typer.echo(json.dumps(out, ensure_ascii=False))
        return
    readings = read_values(text, ctx)
    if format in ("json", "jsonl"):
        payload = {"input": text, "values": [reading_to_json(r) for r in readings]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=None if format == "jsonl" else 2))
        return
    if not readings:
        typer.echo("no values found")
    for r in readings:
        span = f"{r.span[0]}-{r.span[1]}" if r.span else "-"
        typer.echo(f"{span:>9}  {r.kind:<8} {r.text!r}  ->  {format_reading(r)}")
        for note in r.notes:
            typer.echo(f"{'':>11}note: {note}")


class CurationFormat(StrEnum):
    text = "text"
    json = "json"


CurationFormatOpt = typer.Option(CurationFormat.text, "--format", "-f", help="Output format")


def _workspace(claims: Path | None, sources: Path | None, full: bool):
    """The check's records and every source's sentences and figures (cca_claims.curation)."""
    from cca_claims.curation.workspace import load_workspace

    config = options_config(claims, sources, None, None)
    return config, load_workspace(config, full=full)


@app.command()
def scan(
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    format: CurationFormat = CurationFormatOpt,
) -> None:
    """Every figure, date, list and status in the sources; which ones claims cover."""
    from cca_claims.curation import render
    from cca_claims.curation.scan import scan as run_scan

    _config, ws = _workspace(claims, sources, full=False)
    result = run_scan(ws)
    if format is CurationFormat.json:
        typer.echo(render.scan_json(result), nl=False)
    else:
        typer.echo(
            render.scan_text(result, color=use_color(False), width=terminal_width()), nl=False
        )


@app.command()
def suggest(
    claim_id: str = typer.Argument(..., help="The claim's id"),
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    format: CurationFormat = CurationFormatOpt,
) -> None:
    """Passages that state a value comparable with the claim's, agreeing or not."""
    from cca_claims.curation import render
    from cca_claims.curation.suggest import UnknownClaim, find_claim
    from cca_claims.curation.suggest import suggest as run_suggest

    config, ws = _workspace(claims, sources, full=True)
    try:
        claim = find_claim(ws, claim_id)
    except UnknownClaim as exc:
        hint = (
            f"; did you mean {exc.closest!r}?" if exc.closest else " (cca-claims claims lists them)"
        )
        fail(f"no claim {claim_id!r}{hint}")
    found = run_suggest(ws, claim_id, config)
    if format is CurationFormat.json:
        typer.echo(render.suggest_json(claim, found), nl=False)
    else:
        text = render.suggest_text(claim, found, color=use_color(False), width=terminal_width())
        typer.echo(text, nl=False)


@app.command()
def discover(
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    format: CurationFormat = CurationFormatOpt,
) -> None:
    """Candidate contradictions across sources that no claim covers yet, surest first."""
    from cca_claims.curation import render
    from cca_claims.curation.discover import discover as run_discover

    config, ws = _workspace(claims, sources, full=False)
    found = run_discover(ws, config)
    if format is CurationFormat.json:
        typer.echo(render.discover_json(found), nl=False)
    else:
        typer.echo(
            render.discover_text(found, color=use_color(False), width=terminal_width()), nl=False
        )


@app.command()
def rules(
    format: str = typer.Option("text", "--format", "-f", help="text or markdown"),
) -> None:
    """List every rule and input check with its documentation."""
    from cca_claims.ruledocs import render_rules

    if format not in ("text", "markdown"):
        fail(f"unknown format {format!r}: use text or markdown")
    typer.echo(render_rules(markdown=format == "markdown"), nl=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cca-claims {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version"
    ),
) -> None:
    """Check hand-curated claims against the passages of their sources."""


def main() -> None:
    """Console entry point: never lets a traceback reach the user."""
    try:
        code = app(standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("cca-claims: interrupted", err=True)
        sys.exit(130)
    except typer.Abort:
        sys.exit(130)
    except Exception as exc:  # usage errors, and any bug: one line, exit 2
        if isinstance(exc, typer.TyperException):
            show = getattr(exc, "show", None)
            if show is not None:
                show()
            else:
                typer.echo(f"cca-claims: error: {exc.format_message()}", err=True)
            sys.exit(2)
        typer.echo(f"cca-claims: internal error: {exc!r} (please report it)", err=True)
        if os.environ.get("CCA_CLAIMS_DEBUG"):
            raise
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
