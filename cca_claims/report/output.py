"""A command's report in the format asked for: the one call `check` and `lint` make to draw it.

`render_output` picks the renderer, passes it the options its format takes, and keeps the text
outputs in the cache (`cca_claims.speed.cache`), so a re-check where nothing changed prints the text
drawn last time without importing a renderer (nor rich). The output comes as pieces of text to
write in order: JSON in one piece per source, claim or finding (124 MB at 10,000 claims is never
held whole), every other format in one piece. Nothing here writes: the caller does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from cca_claims.model import Report
from cca_claims.report import reporter

# the formats of `cca-claims lint` (schema and anchoring only), by their --format name
LINT_FORMATS = ("text", "github")


def render_output(
    report: Report,
    format: str,
    *,
    lint: bool = False,
    color: bool = False,
    width: int = 100,
    details: bool = False,
    include_reviewed: bool = False,
    config: Any = None,
    use_cache: bool = False,
) -> Iterator[str]:
    """The report drawn in `format` (a `check --format` name, or with `lint` one of
    LINT_FORMATS), as pieces of text. With `config` and `use_cache`, the text reports are taken
    from and kept in the cache (only they: JSON and SARIF carry the time of the run)."""
    if lint:
        return iter([_lint_text(report, format, color, width, config, use_cache)])
    if format == "json":
        from cca_claims.report.json_report import chunks

        return chunks(report)

    def draw() -> str:
        options = {"include_reviewed": include_reviewed} if format == "sarif" else {}
        return reporter(format)(report, color=color, width=width, details=details, **options)

    if format == "text":
        variant = f"text|color={color}|width={width}|details={details}"
        return iter([_cached(config, report, variant, draw, use_cache)])
    return iter([draw()])


def _lint_text(
    report: Report, format: str, color: bool, width: int, config: Any, use_cache: bool
) -> str:
    if format == "github":
        from cca_claims.report.github import render

        return render(report)
    if format != "text":
        raise KeyError(format)

    def draw() -> str:
        from cca_claims.report.lint import render

        return render(report, color=color, width=width)

    return _cached(config, report, f"lint|color={color}|width={width}", draw, use_cache)


def _cached(
    config: Any, report: Report, variant: str, draw: Callable[[], str], use_cache: bool
) -> str:
    """`draw()`, or the text drawn earlier for the same inputs and `variant`."""
    if not use_cache or config is None:
        return draw()
    from cca_claims.speed import cache

    text = cache.load_rendered(config, report, variant)
    if text is None:
        text = draw()
        cache.store_rendered(config, report, variant, text)
    return text
