"""Baseline files: the findings a project had when it adopted cca_claims, so only new ones fail.

`cca-claims check --write-baseline FILE` records the fingerprints of the current findings;
`cca-claims check --baseline FILE` then marks those findings `baseline` (reported, never failing)
and fails only on findings whose fingerprint is not in the file. A fingerprint hashes what a
finding is about (rule, claim, sources, readings), so editing the wording or moving a claim keeps
it baselined, while changing a quoted figure makes a new finding.

The file is JSON, sorted, one finding per entry with its rule, claims and message for the people
who read the diff; only `fingerprint` is used when reading it back. It is written atomically.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from cca_claims.atomic import WriteRefused, write_atomic
from cca_claims.model import Finding, Report
from cca_claims.report.common import dumps

BASELINE_VERSION = 1
# findings a review in the claim file already settles need no baseline entry
_SETTLED = ("explained", "accepted", "wontfix", "deprecated")


class BaselineError(ValueError):
    """A baseline file that cannot be read or written (exit code 2)."""


MAX_BASELINE_BYTES = 50_000_000


def read_baseline(path: Path) -> frozenset[str]:
    """The fingerprints recorded in a baseline file."""
    raw = _read_bounded(path)
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BaselineError(f"baseline file {path} is not JSON: {exc}") from None
    except RecursionError:
        # json recurses once per nesting level; a baseline is two levels deep
        raise BaselineError(
            f"baseline file {path} is nested too deeply to be a baseline "
            "(write one with --write-baseline)"
        ) from None
    entries = doc.get("findings") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise BaselineError(
            f"baseline file {path} has no `findings` list (write one with --write-baseline)"
        )
    if isinstance(doc.get("version"), int) and doc["version"] > BASELINE_VERSION:
        raise BaselineError(
            f"baseline file {path} has version {doc['version']}; this cca-claims reads "
            f"version {BASELINE_VERSION} (upgrade cca-claims)"
        )
    out = set()
    for i, entry in enumerate(entries):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else entry
        if not isinstance(fp, str) or not fp:
            raise BaselineError(f"baseline file {path}: entry {i + 1} has no fingerprint")
        out.add(fp)
    return frozenset(out)


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, refused from its size before it is read (and never more than the
    limit read, should it grow meanwhile)."""
    too_large = f"baseline file {path} is larger than 50 MB; is it the right file?"
    try:
        with path.open("rb") as fh:
            if os.fstat(fh.fileno()).st_size > MAX_BASELINE_BYTES:
                raise BaselineError(too_large)
            raw = fh.read(MAX_BASELINE_BYTES + 1)
    except FileNotFoundError:
        raise BaselineError(
            f"baseline file {path} not found (create it with --write-baseline {path})"
        ) from None
    except IsADirectoryError:
        raise BaselineError(f"baseline file {path} is a folder, not a file") from None
    except OSError as exc:
        raise BaselineError(f"cannot read baseline file {path}: {exc.strerror}") from None
    if len(raw) > MAX_BASELINE_BYTES:
        raise BaselineError(too_large)
    return raw


def baseline_entries(findings: tuple[Finding, ...] | list[Finding]) -> list[dict[str, Any]]:
    """One entry per finding to record: every finding a claim-file review does not settle."""
    entries: dict[str, dict[str, Any]] = {}
    for f in findings:
        if f.review in _SETTLED or not f.fingerprint:
            continue
        entries.setdefault(
            f.fingerprint,
            {
                "fingerprint": f.fingerprint,
                "rule": f"{f.rule} {f.name}",
                "severity": f.severity,
                "claims": list(f.claims),
                "file": f.location.file,
                "message": f.message,
            },
        )
    return sorted(entries.values(), key=lambda e: (e["file"], e["rule"], e["fingerprint"]))


def baseline_text(report: Report) -> str:
    """The baseline file's content for a report."""
    doc = {
        "version": BASELINE_VERSION,
        "tool": f"cca-claims {report.tool_version}",
        "about": "Findings accepted when this baseline was written; "
        "`cca-claims check --baseline FILE` fails only on findings not listed here.",
        "findings": baseline_entries(report.findings),
    }
    return dumps(doc, indent=2) + "\n"


def write_baseline(path: Path, report: Report, protected: tuple[Path, ...] = ()) -> int:
    """Write the baseline atomically; returns how many findings it records."""
    text = baseline_text(report)
    try:
        write_atomic(path, text, protected=protected)
    except WriteRefused as exc:
        raise BaselineError(f"{exc}; choose another path for the baseline") from None
    except OSError as exc:
        raise BaselineError(f"cannot write baseline file {path}: {exc.strerror or exc}") from None
    return len(baseline_entries(report.findings))
