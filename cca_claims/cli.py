"""The command line: options in, one call into the core, a renderer, an exit code.

Exit codes (as sqlfluff): 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or
tool error. No traceback reaches the user: unexpected errors are reported in one line (exit 2).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from enum import StrEnum
from pathlib import Path

import typer

from cca_claims import __version__
from cca_claims.cli_support import (
    baseline_option,
    exit_code,
    fail,
    jobs_option,
    keep_for_the_command,
    options_config,
    run_check,
    stream_json,
    terminal_width,
    use_color,
    write_output,
)
from cca_claims.didyoumean import closest, did_you_mean

app = typer.Typer(
    # `--install-completion` / `--show-completion` for bash, zsh, fish and PowerShell
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
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
    html = "html"


class LintFormat(StrEnum):
    text = "text"
    github = "github"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    claimreview = "claimreview"


class ViewFormat(StrEnum):
    text = "text"
    json = "json"


ViewFormatOpt = typer.Option(
    ViewFormat.text,
    "--format",
    "-f",
    help="text (a table for people) or json (docs/json-format.md)",
)


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
        None, "--output", "-o", help="Write the report to this file (- for standard output)"
    ),
    force: bool = typer.Option(
        False, "--force", help="Allow --output inside the claims or sources folder"
    ),
    include_reviewed: bool = typer.Option(
        False,
        "--include-reviewed",
        help="SARIF: keep reviewed and baselined findings (marked as suppressed)",
    ),
    config_file: Path | None = ConfigOpt,
    no_color: bool = NoColorOpt,
    no_cache: bool = NoCacheOpt,
    details: bool = typer.Option(
        False, "--details", help="Text report: every finding with its passages in full"
    ),
    jobs: str = typer.Option(
        "1", "--jobs", "-j", help="Processes to read values with: a number, or auto (large checks)"
    ),
) -> None:
    """Check every claim against its sources and report the findings.

    Exit 0 when no open finding reaches --fail-on, 1 when one does, 2 on a usage or tool error.
    Reviewed and baselined findings are reported but never fail.
    """
    from cca_claims.report.output import render_output

    config = options_config(claims, sources, config_file, fail_on)
    use_cache = not no_cache
    report = run_check(
        config, baseline=baseline_option(baseline), use_cache=use_cache, jobs=jobs_option(jobs)
    )
    color = output is None and use_color(no_color)
    width = terminal_width() if output is None else 100
    if format is Format.json and output is None:
        stream_json(report)  # 124 MB at 10,000 claims: never held whole in memory
    else:
        pieces = render_output(
            report,
            format.value,
            color=color,
            width=width,
            details=details,
            include_reviewed=include_reviewed,
            config=config,
            use_cache=use_cache,
        )
        if output is not None:
            write_output(output, pieces, config, force)
        else:
            typer.echo("".join(pieces), nl=False)
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
    """Schema and anchoring only: fast, for editors' pre-commit hooks (and stale reviews,
    which takes the rules when the claim files hold reviews)."""
    from cca_claims.report.output import render_output

    config = options_config(claims, sources, config_file, fail_on)
    report = run_check(config, lint_only=True, use_cache=not no_cache)
    if any(result.claim.reviews for result in report.claims):
        # whether a review still settles a finding takes the rules: run them, keep only that
        from dataclasses import replace

        full = run_check(config, use_cache=not no_cache)
        # reviews that settle nothing (I606), and findings whose review went stale
        stale = tuple(f for f in full.findings if f.rule == "I606" or f.review == "stale")
        if stale:
            findings = sorted(
                report.findings + stale,
                key=lambda f: (f.location.file, f.location.line, f.location.col, f.rule),
            )
            report = replace(report, findings=tuple(findings))
    color, width = use_color(no_color), terminal_width()
    use_cache = not no_cache
    pieces = render_output(
        report,
        format.value,
        lint=True,
        color=color,
        width=width,
        config=config,
        use_cache=use_cache,
    )
    typer.echo("".join(pieces), nl=False)
    raise typer.Exit(exit_code(report, config.fail_on))


@app.command()
def show(
    claim_id: str = typer.Argument(..., help="The claim's id"),
    format: ViewFormat = ViewFormatOpt,
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
        best = closest(claim_id, ids)
        fail(
            f"no claim {claim_id!r}"
            + (f"; did you mean {best!r}?" if best else " (cca-claims claims lists them)")
        )
    if format is ViewFormat.json:
        from cca_claims.report.views_json import render_show as render_show_json

        typer.echo(render_show_json(report, claim_id), nl=False)
        return
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
            best = closest(s, known)
            fail(f"no source {s!r}" + (f"; did you mean {best!r}?" if best else ""))
    return Filters(tuple(tag), tuple(v.value for v in verdict), tuple(source))


@app.command("claims")
def claims_command(
    tag: list[str] = TagOpt,
    verdict: list[Verdict] = VerdictOpt,
    source: list[str] = SourceOpt,
    format: ViewFormat = ViewFormatOpt,
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    config_file: Path | None = ConfigOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Table of the claims loaded, with verdicts and findings; filter by tag, verdict, source."""
    from cca_claims.report.tables import render_claims

    _print_table(
        render_claims,
        "render_claims",
        format,
        tag,
        verdict,
        source,
        claims,
        sources,
        config_file,
        no_color,
    )


@app.command("sources")
def sources_command(
    tag: list[str] = TagOpt,
    verdict: list[Verdict] = VerdictOpt,
    source: list[str] = SourceOpt,
    format: ViewFormat = ViewFormatOpt,
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    config_file: Path | None = ConfigOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Table of the sources loaded, with the claims citing them and their verdicts."""
    from cca_claims.report.tables import render_sources

    _print_table(
        render_sources,
        "render_sources",
        format,
        tag,
        verdict,
        source,
        claims,
        sources,
        config_file,
        no_color,
    )


def _print_table(
    render, json_name, format, tag, verdict, source, claims, sources, config_file, no_color
) -> None:
    """Run the check and print one of the filtered tables (`claims`, `sources`), or its JSON."""
    config = options_config(claims, sources, config_file, None)
    report = run_check(config)
    filters = _filters(report, tag, verdict, source)
    if format is ViewFormat.json:
        from cca_claims.report import views_json

        typer.echo(getattr(views_json, json_name)(report, filters), nl=False)
        return
    typer.echo(render(report, filters, color=use_color(no_color), width=terminal_width()), nl=False)


@app.command()
def export(
    format: ExportFormat = typer.Option(..., "--format", "-f", help="csv, jsonl or claimreview"),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write to this file (- or none for standard output)"
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
    if format is ExportFormat.claimreview:
        from cca_claims.report.claimreview import PublishingSettingsError, warnings

        try:
            text = exporter(format.value)(report)
        except PublishingSettingsError as exc:
            fail(str(exc))
        for warning in warnings(report):
            typer.echo(f"cca-claims: warning: {warning}", err=True)
    else:
        text = exporter(format.value)(report)
    if output is None:
        typer.echo(text, nl=False)
    else:
        if write_output(output, text, config, force) == "file":
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
    language: str = typer.Option(
        "", "--language", help="Language of the text (en, ru, kk, uz, zh); default: from its script"
    ),
) -> None:
    """Show every value read in a text: span, number, interval, unit, qualifier, normalized form."""
    from cca_claims.quantities import read_values, unread_figures
    from cca_claims.quantities.context import ReadContext
    from cca_claims.report.display import format_reading, reading_to_json

    if format not in ("text", "json", "jsonl"):
        fail(f"unknown format {format!r}: use text, json or jsonl")
    try:
        ref = dt.date.fromisoformat(reference_date) if reference_date else None
    except ValueError:
        fail(f"--date {reference_date!r} is not a YYYY-MM-DD date")
    ctx = ReadContext(reference_date=ref, yen_means=yen.upper(), language=language)
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
    unread = unread_figures(text, ctx)
    if format in ("json", "jsonl"):
        payload = {"input": text, "values": [reading_to_json(r) for r in readings]}
        if unread:
            payload["not_read"] = [u.notice() for u in unread]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=None if format == "jsonl" else 2))
        return
    if not readings and not unread:
        typer.echo("no values found")
    for u in unread:
        typer.echo(f"{u.span[0]:>4}-{u.span[1]:<4}  {u.notice()}")
    for r in readings:
        span = f"{r.span[0]}-{r.span[1]}" if r.span else "-"
        typer.echo(f"{span:>9}  {r.kind:<8} {r.text!r}  ->  {format_reading(r)}")
        for note in r.notes:
            typer.echo(f"{'':>11}note: {note}")


class ReviewStatus(StrEnum):
    explained = "explained"
    accepted = "accepted"
    wontfix = "wontfix"


@app.command()
def review(
    claim_id: str | None = typer.Argument(None, help="The claim whose finding is reviewed"),
    rule: str | None = typer.Argument(None, help="The finding's rule id or name (C201)"),
    status: ReviewStatus | None = typer.Option(
        None, "--status", help="explained, accepted or wontfix"
    ),
    note: str = typer.Option("", "--note", help="Why the finding is settled (required)"),
    by: str | None = typer.Option(None, "--by", help="Who reviewed it [default: your login]"),
    fingerprint: str | None = typer.Option(
        None, "--fingerprint", help="Which finding, when the claim has several of the rule"
    ),
    interactive: bool = typer.Option(
        False, "--interactive", "-i", help="Walk the open findings one by one"
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the diff, write nothing"),
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    config_file: Path | None = ConfigOpt,
) -> None:
    """Record an editor's review of an open finding in its claim file (comments kept)."""
    from cca_claims.clock import today
    from cca_claims.curation.review import ReviewError, find_finding, open_findings, record_review

    config = options_config(claims, sources, config_file, None)
    report = run_check(config)
    reviewer = by if by is not None else _login()
    day = today().isoformat()

    def save(finding, target: str, chosen: str, text: str) -> None:
        try:
            done = record_review(
                report,
                config.root,
                finding,
                target,
                status=chosen,
                note=text,
                by=reviewer,
                day=day,
                write=not dry_run,
            )
        except ReviewError as exc:
            fail(str(exc))
        typer.echo(done.diff(), nl=False)
        verb = "would record" if dry_run else "recorded"
        typer.echo(f"cca-claims: {verb} {finding.rule} on {target} as {chosen}", err=True)

    if not interactive:
        if claim_id is None or rule is None or status is None:
            fail("give CLAIM_ID RULE --status STATUS --note TEXT, or --interactive")
        try:
            finding = find_finding(report, claim_id, rule, fingerprint)
        except ReviewError as exc:
            fail(str(exc))
        save(finding, claim_id, status.value, note)
        return
    pending = open_findings(report, claim_id)
    if not pending:
        typer.echo("No open findings to review.")
        return
    for n, finding in enumerate(pending, 1):
        target = finding.claims[0]
        typer.echo(
            f"\n[{n}/{len(pending)}] {finding.rule} {finding.name} ({finding.severity}) "
            f"on {target}  {finding.location}\n  {finding.message}"
        )
        choice = (
            typer.prompt("  [a]ccept, [e]xplain, [w]on't fix, [s]kip, [q]uit", default="s")
            .strip()
            .lower()[:1]
        )
        if choice == "q":
            break
        if choice not in ("a", "e", "w"):
            continue
        chosen = {"a": "accepted", "e": "explained", "w": "wontfix"}[choice]
        text = typer.prompt("  note (why it is settled)")
        save(finding, target, chosen, text)


def _login() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


@app.command()
def add(
    source_id: str = typer.Argument(..., help="The source's id"),
    place: str = typer.Argument(..., help="LINE or LINE:COL in the source"),
    to: Path | None = typer.Option(
        None, "--to", help="Append the claim to this claim file (created when missing)"
    ),
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    config_file: Path | None = ConfigOpt,
) -> None:
    """A claim skeleton from the passage at a place in a source, as YAML (or appended --to)."""
    from cca_claims.curation.add import AddError, skeleton
    from cca_claims.curation.passages import read_context
    from cca_claims.quantities import read_values

    config = options_config(claims, sources, config_file, None)
    match = re.fullmatch(r"(\d+)(?::(\d+))?", place)
    if not match:
        fail(f"place {place!r} is not LINE or LINE:COL")
    from cca_claims.claims import NoClaimFiles, require_claim_files
    from cca_claims.sources import load_sources

    try:
        require_claim_files(Path(config.claims))
        report = run_check(config, lint_only=True)
        found = {s.id: s for s in report.sources}
        existing = {c.claim.id for c in report.claims}
    except NoClaimFiles:  # a new desk's first claim: only the sources are needed
        found = load_sources(config.sources, config.root).sources
        existing = set()
    if source_id not in found:
        fail(f"no source {source_id!r} ({did_you_mean(source_id, found, 'source ids')})")
    source = found[source_id]
    context = read_context(source, config)
    try:
        made = skeleton(
            source,
            int(match.group(1)),
            int(match.group(2)) if match.group(2) else None,
            lambda text: read_values(text, context),
            existing,
        )
    except AddError as exc:
        fail(str(exc))
    lines = made.yaml_lines(source_id)
    if to is None:
        typer.echo("".join(lines), nl=False)
        return
    from cca_claims.atomic import write_atomic
    from cca_claims.curation.yamledit import EditError, append_claim

    try:
        before = to.read_text(encoding="utf-8") if to.exists() else ""
        if before.strip():
            text = append_claim(before, lines).text
        else:
            text = "claims:\n" + "".join("  " + ln for ln in lines)
        write_atomic(to, text, allow_inputs=True)
    except (EditError, OSError) as exc:
        fail(f"{to}: {exc}")
    typer.echo("".join(lines), nl=False)
    typer.echo(f"cca-claims: added claim {made.claim_id} to {to}", err=True)


class CurationFormat(StrEnum):
    text = "text"
    json = "json"


CurationFormatOpt = typer.Option(CurationFormat.text, "--format", "-f", help="Output format")


def _workspace(claims: Path | None, sources: Path | None, full: bool):
    """The check's records and every source's sentences and figures (cca_claims.curation)."""
    from cca_claims.curation.workspace import load_workspace

    # with no claim folder yet, scan and discover still read the sources
    config = options_config(claims, sources, None, None, claims_needed=full)
    workspace = load_workspace(config, full=full)
    keep_for_the_command()  # (cli_support: the process is the command's, the gc with it)
    return config, workspace


@app.command()
def scan(
    claims: Path | None = ClaimsOpt,
    sources: Path | None = SourcesOpt,
    format: CurationFormat = CurationFormatOpt,
) -> None:
    """Every figure, date, list and status in the sources; which ones claims cover."""
    from cca_claims.curation.scan import scan as run_scan
    from cca_claims.report import curation_views as render

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
    from cca_claims.curation.suggest import UnknownClaim, find_claim
    from cca_claims.curation.suggest import suggest as run_suggest
    from cca_claims.report import curation_views as render

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
    from cca_claims.curation.discover import discover as run_discover
    from cca_claims.report import curation_views as render

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
