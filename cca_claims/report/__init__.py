"""Renderers: one pure function `render(report, options) -> str` per output format.

The commands draw their output through `cca_claims.report.output.render_output`, which picks
the renderer by the `--format` name (and keeps text reports in the cache); no format logic
lives anywhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from cca_claims.model import Report

# format name -> module path; imported only when used, so start-up stays fast
_MODULES = {
    "text": "cca_claims.report.text",
    "json": "cca_claims.report.json_report",
    "github": "cca_claims.report.github",
    "sarif": "cca_claims.report.sarif",
    "html": "cca_claims.report.html",
}


def reporter(name: str) -> Callable[..., str]:
    """The `render` function for a format name (KeyError for an unknown one)."""
    return import_module(_MODULES[name]).render


def format_names() -> list[str]:
    return list(_MODULES)


# export format name -> (module, function); rows for spreadsheets or JSON-LD for publishing
_EXPORTS = {
    "csv": ("cca_claims.report.export", "render_csv"),
    "jsonl": ("cca_claims.report.export", "render_jsonl"),
    "claimreview": ("cca_claims.report.claimreview", "render"),
}


def exporter(name: str) -> Callable[[Report], str]:
    """The function producing an export format (KeyError for an unknown one)."""
    module, function = _EXPORTS[name]
    return getattr(import_module(module), function)


def export_names() -> list[str]:
    return list(_EXPORTS)


__all__ = ["Report", "reporter", "format_names", "exporter", "export_names"]
