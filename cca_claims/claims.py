"""Load and validate claim files (`claims/*.yaml`), keeping where every field was written.

The format is a contract editors and other tools write against (see docs/claim-format.md):
keys may be added, never renamed. Every problem becomes a Finding at `file:line:col` with a hint,
and loading goes on, so one broken claim never hides the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from cca_claims.claim_fields import (  # noqa: F401 - the format's keys, re-exported
    CLAIM_KEYS,
    EVIDENCE_KEYS,
    ID_PATTERN,
    RANKS,
    REVIEW_KEYS,
    REVIEW_STATUSES,
    TOP_KEYS,
    ClaimFileReader,
    ClaimSet,
)
from cca_claims.didyoumean import closest
from cca_claims.model import Position
from cca_claims.paths import display_path
from cca_claims.problems import problem, yaml_problem_code
from cca_claims.yamlload import MAX_BYTES, load_yaml, too_large


class NoClaimFiles(ValueError):
    """The claims path names no claim file: missing, or a folder without `*.yaml`/`*.yml`
    (exit code 2: a wrong path in CI must not pass as "no findings")."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def require_claim_files(target: Path) -> list[Path]:
    """`find_claim_files(target)`, or NoClaimFiles naming `target` when there is none."""
    hint = "check the path: `--claims DIR_OR_FILE`, or `claims` in the configuration"
    if not target.exists():
        raise NoClaimFiles(f"claims path {str(target)!r} does not exist", hint)
    files = find_claim_files(target)
    if not files:
        raise NoClaimFiles(
            f"claims folder {str(target)!r} has no claim files (*.yaml, *.yml)", hint
        )
    return files


def find_claim_files(target: Path) -> list[Path]:
    """`target` itself when it is a file, else its `*.yaml`/`*.yml` files, sorted, recursively."""
    if target.is_file():
        return [target]
    files = [p for p in target.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()]
    return sorted(files)


def load_claims(
    target: Path,
    known_sources: Iterable[str],
    display_root: Path | None = None,
    *,
    files: list[Path] | None = None,
    first_seen: dict[str, Position] | None = None,
    references: bool = True,
) -> ClaimSet:
    """Read every claim file under `target` and validate it against the known source ids.

    `files` (default: `find_claim_files(target)`) and `first_seen` (the ids met so far, shared
    across files to find duplicates) let a caller load the files in parts; `references=False`
    leaves the cross-claim reference check (`check_references`) to the caller, for the whole.
    """
    result = ClaimSet()
    sources = set(known_sources)
    root = display_root or Path.cwd()
    first_seen = {} if first_seen is None else first_seen
    for path in find_claim_files(target) if files is None else files:
        display = display_path(path, root)
        result.files.append(display)
        try:
            # refuse a huge file before reading it into memory (load_yaml would refuse it after)
            size = path.stat().st_size
            data = path.read_bytes() if size <= MAX_BYTES else b""
        except OSError as exc:
            result.problems.append(
                problem("E008", f"cannot read claim file: {exc.strerror}", Position(display))
            )
            continue
        if size <= MAX_BYTES:
            result.digests[display] = hashlib.sha256(data).hexdigest()
        doc, yaml_problems = load_yaml(data) if size <= MAX_BYTES else (None, [too_large(size)])
        for p in yaml_problems:
            result.problems.append(
                problem(
                    yaml_problem_code(p.code), p.message, Position(display, p.line, p.col), p.hint
                )
            )
        if doc is None:
            if not yaml_problems:
                result.problems.append(
                    problem(
                        "E003",
                        "the file is empty: no `claims:` list",
                        Position(display, 1, 1),
                        "start the file with `claims:` and a list of claims",
                    )
                )
            continue
        ClaimFileReader(display, sources, result, first_seen).read(doc)
    if references:
        check_references(result)
    return result


def check_references(result: ClaimSet) -> None:
    """Report `part_of`, `sum_of`, `growth` and `same_as` naming no claim of `result`."""
    ids = {c.id for c in result.claims}
    for claim in result.claims:
        refs: list[tuple[str, str]] = []
        if claim.part_of:
            refs.append(("part_of", claim.part_of))
        refs += [("sum_of", r) for r in claim.sum_of]
        if claim.growth:
            refs += [("growth", claim.growth.from_id), ("growth", claim.growth.to_id)]
        if claim.same_as:
            refs.append(("same_as", claim.same_as))
        for key, ref in refs:
            if ref not in ids:
                best = closest(ref, ids)
                hint = f"did you mean {best!r}?" if best else "name the id of another claim"
                result.problems.append(
                    problem(
                        "E013",
                        f"claim {claim.id!r}: `{key}` names unknown claim {ref!r}",
                        claim.pos(key),
                        hint,
                        claims=(claim.id,),
                    )
                )
            elif ref == claim.id:
                result.problems.append(
                    problem(
                        "E013",
                        f"claim {claim.id!r}: `{key}` names the claim itself",
                        claim.pos(key),
                        claims=(claim.id,),
                    )
                )
