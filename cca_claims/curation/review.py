"""Record an editor's review of an open finding in its claim file (`cca-claims review`).

The review names the finding by rule and fingerprint (what it is about, not its wording), with the
editor's status, note, name and the day. It is appended under the claim's `reviews:` by
`yamledit`, which keeps every other byte of the file, and written atomically; the caller shows the
diff. Nothing here prints or prompts: `cca_claims/cli.py` walks the findings interactively.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from cca_claims.atomic import write_atomic
from cca_claims.curation.yamledit import EditError, append_list_item
from cca_claims.didyoumean import did_you_mean
from cca_claims.model import Finding, Report

STATUSES = ("explained", "accepted", "wontfix")


class ReviewError(ValueError):
    """The review cannot be recorded; the message says why and what to do."""


@dataclass(frozen=True)
class RecordedReview:
    path: Path
    finding: Finding
    before: str
    after: str
    root: Path | None = None  # the project's root: the diff names the file relative to it

    def diff(self) -> str:
        """A unified diff of the claim file, as `git diff` would show it (a/claims/x.yaml)."""
        name = self.path.as_posix()
        if self.root is not None and self.path.is_relative_to(self.root):
            name = self.path.relative_to(self.root).as_posix()
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                f"a/{name}",
                f"b/{name}",
                n=2,
            )
        )


def open_findings(report: Report, claim_id: str | None = None) -> list[Finding]:
    """Findings an editor can still review: not reviewed, baselined or deprecated (a finding
    whose review went stale is open again), on `claim_id` when given, in report order."""
    return [
        f
        for f in report.findings
        if not f.suppressed
        and f.claims
        and f.rule != "I606"  # a stale review is removed, not reviewed
        and (claim_id is None or claim_id in f.claims)
    ]


def find_finding(
    report: Report, claim_id: str, rule: str, fingerprint: str | None = None
) -> Finding:
    """The one open finding of `rule` (id or name) on `claim_id`, or ReviewError saying which
    exist."""
    if claim_id not in {c.claim.id for c in report.claims}:
        raise ReviewError(
            f"no claim {claim_id!r} ({did_you_mean(claim_id, [c.claim.id for c in report.claims], 'claim ids')})"
        )
    on_claim = open_findings(report, claim_id)
    matching = [
        f
        for f in on_claim
        if rule in (f.rule, f.name) and (fingerprint is None or f.fingerprint == fingerprint)
    ]
    if len(matching) == 1:
        return matching[0]
    listed = "; ".join(f"{f.rule} {f.name} {f.fingerprint}" for f in on_claim) or "none"
    if not matching:
        raise ReviewError(f"no open {rule} finding on {claim_id} (open findings on it: {listed})")
    raise ReviewError(
        f"{len(matching)} open {rule} findings on {claim_id}: choose one with --fingerprint "
        f"({', '.join(f.fingerprint for f in matching)})"
    )


def record_review(
    report: Report,
    root: Path,
    finding: Finding,
    claim_id: str,
    *,
    status: str,
    note: str,
    by: str,
    day: str,
    write: bool = True,
) -> RecordedReview:
    """Append the review of `finding` to `claim_id`'s `reviews:` and (with `write`) save the
    file atomically. ReviewError when the status is unknown, the note is missing or the file
    cannot be edited safely."""
    if status not in STATUSES:
        raise ReviewError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    if not note.strip():
        raise ReviewError("a review needs a note: say why the finding is settled (--note)")
    claim = next(c.claim for c in report.claims if c.claim.id == claim_id)
    path = Path(claim.file)
    if not path.is_absolute():
        path = root / path
    try:
        before = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ReviewError(f"cannot read {path}: {exc.strerror or exc}") from None
    fields = [
        ("rule", finding.rule),
        ("fingerprint", finding.fingerprint),
        ("status", status),
        ("note", " ".join(note.split())),
    ]
    if by.strip():
        fields.append(("by", by.strip()))
    fields.append(("date", day))
    try:
        edit = append_list_item(before, claim_id, "reviews", fields)
    except EditError as exc:
        raise ReviewError(f"{path}: {exc}") from None
    if write:
        # the user asked for this edit of their own file: the inputs folder may be written
        write_atomic(path, edit.text, allow_inputs=True)
    return RecordedReview(path, finding, before, edit.text, root)
