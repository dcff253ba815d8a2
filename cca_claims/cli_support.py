"""What the commands share: their configuration, the check with its progress display, output
through the cache, output files and exit codes. Errors end the command with exit code 2 and one
line on stderr (`fail`)."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Any, NoReturn

import typer


def fail(message: str) -> NoReturn:
    """End the command: one line on stderr, exit code 2."""
    typer.echo(f"cca-claims: error: {message}", err=True)
    raise typer.Exit(2)


def options_config(
    claims: Path | None,
    sources: Path | None,
    config_file: Path | None,
    fail_on: Any | None,
    *,
    claims_needed: bool = True,
):
    """The configuration the options and the configuration file give, checked for use
    (`claims_needed=False`: scan and discover work on sources alone, a new desk's start)."""
    from cca_claims.config import ConfigError, load_config, project_root
    from cca_claims.engine import resolve_paths

    try:
        root = Path.cwd() if config_file is not None else project_root(Path.cwd())
        config = load_config(root, config_file)
    except ConfigError as exc:
        fail(str(exc))
    config = resolve_paths(config, claims, sources)
    if fail_on is not None:
        from dataclasses import replace

        config = replace(config, fail_on=fail_on.value)
    if claims_needed and not config.claims.exists():
        fail(f"claims path {config.claims} does not exist (use --claims DIR_OR_FILE)")
    if not config.sources.is_dir():
        fail(f"sources folder {config.sources} does not exist (use --sources DIR)")
    return config


def use_color(no_color: bool) -> bool:
    """Colour on a terminal; never with --no-color or NO_COLOR; always with FORCE_COLOR
    (CI logs that render colour), in that order of precedence (no-color.org, force-color.org)."""
    if no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def terminal_width() -> int:
    """COLUMNS, else the terminal's width, else 100 (kept within 40..160)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return max(40, min(int(columns), 160))
    try:
        return max(40, min(os.get_terminal_size().columns, 160))
    except OSError:
        return 100


# the engine's stages in order, for the progress bar (lint stops before reading values)
_STAGES = ("load sources", "load claims", "anchor", "read values", "rules", "decide")


def _show_progress() -> bool:
    """A progress bar only on a terminal's stderr: never in pipes, logs or CI output."""
    return sys.stderr.isatty() and not os.environ.get("CCA_CLAIMS_NO_PROGRESS")


def run_check(
    config,
    *,
    lint_only: bool = False,
    baseline: frozenset[str] = frozenset(),
    use_cache: bool = True,
    jobs: int | str = 1,
):
    """The check, with a progress bar on stderr (stage by stage) when stderr is a terminal."""
    from cca_claims.claims import NoClaimFiles

    try:
        report = _check_with_progress(config, lint_only, baseline, use_cache, jobs)
    except NoClaimFiles as exc:
        fail(f"{exc} ({exc.hint})")
    # why a cache was not used (a cache folder tracked by git...): said, never fatal
    for notice in report.stats.get("cache_notices", ()):
        typer.echo(f"cca-claims: warning: {notice}", err=True)
    return report


def _check_with_progress(
    config, lint_only: bool, baseline: frozenset[str], use_cache: bool, jobs: int | str
):
    from cca_claims.engine import check

    if not _show_progress():
        return check(config, lint_only=lint_only, baseline=baseline, use_cache=use_cache, jobs=jobs)
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    stages = [s for s in _STAGES if not (lint_only and s == "read values")]
    console = Console(stderr=True, no_color=bool(os.environ.get("NO_COLOR")))
    columns = (SpinnerColumn(), TextColumn("cca-claims: {task.description}"), BarColumn())
    with Progress(*columns, TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("looking for a cached check", total=len(stages))

        def progress(name: str) -> None:
            done = stages.index(name) if name in stages else 0
            bar.update(task, description=name, completed=done)

        return check(
            config,
            lint_only=lint_only,
            baseline=baseline,
            use_cache=use_cache,
            progress=progress,
            jobs=jobs,
        )


def stream_json(report) -> None:
    """The JSON report straight to standard output, one claim at a time."""
    from cca_claims.report.json_report import write

    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    try:
        if buffer is not None:  # JSON is UTF-8 whatever the locale's encoding
            write(report, lambda chunk: buffer.write(chunk.encode("utf-8")))
            buffer.flush()
        else:
            write(report, sys.stdout.write)
            sys.stdout.flush()
    except BrokenPipeError:
        # the reader stopped early (`| head`): not an error; silence the final flush too
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass


def exit_code(report, fail_on: str) -> int:
    """1 when an open finding is at or above `fail_on`, else 0."""
    from cca_claims.report.common import failing

    return 1 if failing(report, fail_on) else 0


def write_output(path: Path, text, config, force: bool) -> str:
    """Write `--output` (see `atomic.write_output`: `-` is standard output, a device or FIFO is
    written through, a regular file replaced atomically, anything else refused); the claims/ and
    sources/ folders are refused unless forced. Returns how it was written."""
    from cca_claims.atomic import WriteRefused
    from cca_claims.atomic import write_output as write

    try:
        return write(path, text, allow_inputs=force, protected=(config.claims, config.sources))
    except WriteRefused as exc:
        message = str(exc)
        if "claims or sources" in message or "hand-written" in message:
            message = (
                f"refusing to write {path}: it is inside the claims or sources folder "
                "(choose another --output, or add --force to write there on purpose)"
            )
        fail(message)
    except BrokenPipeError:
        return "stdout"
    except OSError as exc:
        fail(f"cannot write {path}: {exc.strerror or exc}")


def baseline_option(path: Path | None) -> frozenset[str]:
    """The fingerprints of a --baseline file (none without one)."""
    if path is None:
        return frozenset()
    from cca_claims.baseline import BaselineError, read_baseline

    try:
        return read_baseline(path)
    except BaselineError as exc:
        fail(str(exc))
    return frozenset()


def keep_for_the_command() -> None:
    """Move what is loaded now out of the cycle collector's view until the command ends.

    A curation command's workspace (an archive's millions of acyclic records) lives until the
    process exits; without this, every collection of the old generation while the command
    builds its output re-scans all of it (reference counting still frees the records). Only
    the command line does this: it owns the process, a library caller's interpreter is its own.
    """
    gc.freeze()


def jobs_option(text: str) -> int | str:
    """`--jobs`: a positive number or `auto` (a usage error otherwise)."""
    if text.strip() == "1":
        return 1  # the default: nothing of cca_claims.speed is imported
    from cca_claims.speed.parallel import parse_jobs

    try:
        return parse_jobs(text)
    except ValueError:
        fail(f"--jobs takes a number of processes (1 or more) or auto, not {text!r}")
