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


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def _fail(message: str) -> None:
    typer.echo(f"cca-claims: error: {message}", err=True)
    raise typer.Exit(2)


def _config(
    claims: Path | None, sources: Path | None, config_file: Path | None, fail_on: FailOn | None
):
    from cca_claims.config import ConfigError, load_config
    from cca_claims.engine import resolve_paths

    try:
        config = load_config(Path.cwd(), config_file)
    except ConfigError as exc:
        _fail(str(exc))
    config = resolve_paths(config, claims, sources)
    if fail_on is not None:
        from dataclasses import replace

        config = replace(config, fail_on=fail_on.value)
    if not config.claims.exists():
        _fail(f"claims path {config.claims} does not exist (use --claims DIR_OR_FILE)")
    if not config.sources.is_dir():
        _fail(f"sources folder {config.sources} does not exist (use --sources DIR)")
    return config


def _use_color(no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _width() -> int:
    try:
        return max(40, min(os.get_terminal_size().columns, 140))
    except OSError:
        return 100


def _exit_code(report, fail_on: str) -> int:
    from cca_claims.model import severity_rank

    threshold = severity_rank(fail_on)
    failing = [
        f for f in report.findings if not f.suppressed and severity_rank(f.severity) >= threshold
    ]
    return 1 if failing else 0


ClaimsOpt = typer.Option(None, "--claims", help="Claim file or folder [default: claims/]")
SourcesOpt = typer.Option(None, "--sources", help="Sources folder [default: sources/]")
ConfigOpt = typer.Option(
    None, "--config", help="Configuration file [default: cca-claims.yaml or pyproject.toml]"
)


@app.command()
def check(
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format"),
    fail_on: FailOn | None = typer.Option(
        None, "--fail-on", help="Lowest severity that fails (exit 1) [default: error]"
    ),
    config_file: Path | None = ConfigOpt,
    no_color: bool = typer.Option(False, "--no-color", help="Plain text without colour"),
) -> None:
    """Check every claim against its sources and report the findings."""
    from cca_claims.engine import check as run_check
    from cca_claims.report import reporter

    config = _config(claims, sources, config_file, fail_on)
    report = run_check(config)
    render = reporter(format.value)
    typer.echo(render(report, color=_use_color(no_color), width=_width()), nl=False)
    raise typer.Exit(_exit_code(report, config.fail_on))


@app.command()
def lint(
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    config_file: Path | None = ConfigOpt,
) -> None:
    """Schema and anchoring only: fast, for editors' pre-commit hooks."""
    from cca_claims.engine import check as run_check
    from cca_claims.report.text import finding_line

    config = _config(claims, sources, config_file, None)
    report = run_check(config, lint_only=True)
    for f in report.findings:
        typer.echo(finding_line(f).plain)
    counts = report.counts()
    typer.echo(
        f"{len(report.claims)} claims, {report.stats['quotes'].get('total', 0)} quotes: "
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
    )
    raise typer.Exit(_exit_code(report, config.fail_on))


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
        _fail(f"unknown format {format!r}: use text, json or jsonl")
    try:
        ref = dt.date.fromisoformat(reference_date) if reference_date else None
    except ValueError:
        _fail(f"--date {reference_date!r} is not a YYYY-MM-DD date")
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


@app.command()
def rules(
    format: str = typer.Option("text", "--format", "-f", help="text or markdown"),
) -> None:
    """List every rule and input check with its documentation."""
    from cca_claims.ruledocs import render_rules

    if format not in ("text", "markdown"):
        _fail(f"unknown format {format!r}: use text or markdown")
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
