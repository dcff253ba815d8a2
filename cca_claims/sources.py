"""Load the source documents and their registry (`sources/sources.yaml`).

A source is a plain UTF-8 text file `<id>.txt` in the sources folder, kept byte-for-byte as
collected. Its metadata lives in the registry beside it (see the header of the bundled
`sources/sources.yaml`). A text file with no registry entry is still loaded, with a warning, so
a new document can be cited before it is described.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from cca_claims.didyoumean import did_you_mean
from cca_claims.limits import SOURCE_FILE_BYTES
from cca_claims.model import Finding, Position, Source, SourceMeta
from cca_claims.paths import display_path
from cca_claims.problems import problem, yaml_problem_code
from cca_claims.textnorm import build_view, drop_invisible_in_figures
from cca_claims.yamlload import PosDict, decode_utf8, load_yaml

REGISTRY_NAME = "sources.yaml"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SOURCE_BYTES = SOURCE_FILE_BYTES
SOURCE_KINDS = ("news", "analysis", "official", "commentary")
META_KEYS = (
    "title",
    "author",
    "publisher",
    "published",
    "published_not_before",
    "published_not_after",
    "language",
    "kind",
    "url",
    "notes",
    "path",
)


@dataclass
class SourceSet:
    """The sources loaded from one folder, and the problems met on the way."""

    folder: Path
    sources: dict[str, Source] = field(default_factory=dict)
    problems: list[Finding] = field(default_factory=list)
    registry_path: Path | None = None


def load_sources(folder: Path, display_root: Path | None = None) -> SourceSet:
    """Read the registry and every `*.txt` in `folder`; never raises on bad input."""
    result = SourceSet(folder)
    root = display_root or Path.cwd()
    registry = folder / REGISTRY_NAME
    entries: dict[str, tuple[dict, Position]] = {}
    if registry.is_file():
        result.registry_path = registry
        entries = _read_registry(registry, _display(registry, root), result.problems)
    described_files: set[Path] = set()
    for source_id, (entry, pos) in entries.items():
        path_text = entry.get("path") or f"{source_id}.txt"
        path = _inside(folder, str(path_text))
        if path is None:
            result.problems.append(
                problem(
                    "E008",
                    f"source {source_id!r}: path {path_text!r} points outside {folder}",
                    pos,
                    "keep source files inside the sources folder",
                    sources=(source_id,),
                )
            )
            continue
        described_files.update(p for p in (path, _resolved(path)) if p is not None)
        if not path.is_file():
            result.problems.append(
                problem(
                    "E012",
                    f"source {source_id!r}: file {path_text} not found",
                    pos,
                    f"add {path_text} to {folder} or remove the entry",
                    sources=(source_id,),
                )
            )
            continue
        meta = _meta(source_id, str(path), entry, pos, result.problems)
        _add(result, meta, path, root)
    for path in sorted(folder.glob("*.txt")):
        if path in described_files or _resolved(path) in described_files:
            continue
        source_id = path.stem
        pos = Position(_display(path, root), 1, 1)
        if not ID_PATTERN.match(source_id):
            result.problems.append(
                problem(
                    "E012",
                    f"source file {path.name}: its name is not a valid source id",
                    pos,
                    "rename it to lowercase letters, digits and '-', e.g. my-source-2025.txt",
                )
            )
            continue
        if source_id in result.sources:
            continue
        result.problems.append(
            problem(
                "E012",
                f"source {source_id!r} has no entry in {REGISTRY_NAME}",
                pos,
                f"describe it in {REGISTRY_NAME} (title, publisher, published, kind)",
                sources=(source_id,),
            )
        )
        _add(result, SourceMeta(id=source_id, path=str(path)), path, root)
    return result


def _add(result: SourceSet, meta: SourceMeta, path: Path, root: Path) -> None:
    pos = Position(_display(path, root), 1, 1)
    if _escapes(result.folder, path):
        where = "in a loop" if _resolved(path) is None else f"outside {result.folder}"
        result.problems.append(
            problem(
                "E008",
                f"source {meta.id!r}: {path.name} is a link pointing {where}",
                pos,
                "copy the document into the sources folder",
                sources=(meta.id,),
            )
        )
        return
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # a folder, a pipe or a device named *.txt: reading a pipe would block forever
            result.problems.append(
                problem(
                    "E008",
                    f"source {meta.id!r}: {path.name} is not a regular file",
                    pos,
                    "sources are plain text files",
                    sources=(meta.id,),
                )
            )
            return
        size = info.st_size
        if size > MAX_SOURCE_BYTES:
            result.problems.append(
                problem(
                    "E008",
                    f"source {meta.id!r} is {size:,} bytes; the limit is {MAX_SOURCE_BYTES:,}",
                    pos,
                    "split the document",
                    sources=(meta.id,),
                )
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        result.problems.append(
            problem(
                "E008", f"cannot read source {meta.id!r}: {exc.strerror}", pos, sources=(meta.id,)
            )
        )
        return
    text, bad = decode_utf8(data)
    if bad or text is None:
        result.problems.append(
            problem(
                "E008",
                f"source {meta.id!r}: {bad.message if bad else 'unreadable'}",
                Position(pos.file, bad.line if bad else 1, bad.col if bad else 1),
                bad.hint if bad else "",
                sources=(meta.id,),
            )
        )
        return
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        result.problems.append(
            problem(
                "E008",
                f"source {meta.id!r} contains NUL bytes (a binary file?)",
                Position(pos.file, line, 1),
                "store sources as plain text",
                sources=(meta.id,),
            )
        )
        return
    digest = hashlib.sha256(data).hexdigest()
    # an invisible character inside a figure would cut it in two for the reader: "$2\u200b5"
    # is $25 as shown; anchors point into this text, so its offsets and the view's agree
    text = drop_invisible_in_figures(text)
    result.sources[meta.id] = Source(meta=meta, text=text, view=build_view(text), sha256=digest)


def _display(path: Path, root: Path) -> str:
    """How `path` is shown; a link loop (which `display_path` cannot resolve) as written."""
    try:
        return display_path(path, root)
    except RuntimeError:
        return str(path)


def _resolved(path: Path) -> Path | None:
    """`path` with links followed, or None for a link loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def _escapes(folder: Path, path: Path) -> bool:
    """True when `path` (after following links) lies outside `folder`."""
    try:
        real_folder, real = folder.resolve(), path.resolve()
    except (OSError, RuntimeError):
        return True
    return real_folder not in real.parents


def _inside(folder: Path, relative: str) -> Path | None:
    """The file `relative` under `folder`, or None when it would escape it (.., absolute, links)."""
    candidate = Path(relative)
    if candidate.is_absolute():
        return None
    full = folder / candidate
    return None if _escapes(folder, full) else full


def _read_registry(
    path: Path, display: str, problems: list[Finding]
) -> dict[str, tuple[dict, Position]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(
            problem("E008", f"cannot read {REGISTRY_NAME}: {exc.strerror}", Position(display))
        )
        return {}
    doc, yaml_problems = load_yaml(data)
    for p in yaml_problems:
        problems.append(
            problem(
                yaml_problem_code(p.code),
                f"{REGISTRY_NAME}: {p.message}",
                Position(display, p.line, p.col),
                p.hint,
            )
        )
    if doc is None:
        return {}
    if not isinstance(doc, PosDict):
        problems.append(
            problem(
                "E007",
                f"{REGISTRY_NAME} must map source ids to their metadata",
                Position(display, 1, 1),
            )
        )
        return {}
    entries: dict[str, tuple[dict, Position]] = {}
    for source_id, entry in doc.items():
        line, col = doc.key_pos[source_id]
        pos = Position(display, line, col)
        if not ID_PATTERN.match(source_id):
            problems.append(
                problem(
                    "E007",
                    f"source id {source_id!r} must be lowercase letters, digits and '-'",
                    pos,
                    "e.g. china-studies-center-astana-2025",
                )
            )
            continue
        if not isinstance(entry, PosDict):
            problems.append(
                problem("E007", f"source {source_id!r}: metadata must be a mapping", pos)
            )
            continue
        for key in entry:
            if key not in META_KEYS:
                kline, kcol = entry.key_pos[key]
                problems.append(
                    problem(
                        "E002",
                        f"source {source_id!r}: unknown key {key!r}",
                        Position(display, kline, kcol),
                        did_you_mean(key, META_KEYS),
                    )
                )
        entries[source_id] = (entry, pos)
    return entries


def _meta(
    source_id: str, path: str, entry: PosDict, pos: Position, problems: list[Finding]
) -> SourceMeta:
    dates: dict[str, dt.date | None] = {}
    for key in ("published", "published_not_before", "published_not_after"):
        value = entry.get(key)
        if value is None or isinstance(value, dt.date):
            dates[key] = value if not isinstance(value, dt.datetime) else value.date()
            continue
        try:
            dates[key] = dt.date.fromisoformat(str(value))
        except ValueError:
            line, col = entry.value_pos[key]
            problems.append(
                problem(
                    "E007",
                    f"source {source_id!r}: {key} {value!r} is not a YYYY-MM-DD date",
                    Position(pos.file, line, col),
                    "write e.g. 2025-06-17",
                    sources=(source_id,),
                )
            )
            dates[key] = None
    kind = str(entry.get("kind", "news"))
    if kind not in SOURCE_KINDS:
        line, col = entry.value_pos.get("kind", (pos.line, pos.col))
        problems.append(
            problem(
                "E007",
                f"source {source_id!r}: kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}",
                Position(pos.file, line, col),
                sources=(source_id,),
            )
        )
    return SourceMeta(
        id=source_id,
        path=path,
        title=str(entry.get("title", "")),
        author=str(entry.get("author", "")),
        publisher=str(entry.get("publisher", "")),
        published=dates["published"],
        published_not_before=dates["published_not_before"],
        published_not_after=dates["published_not_after"],
        language=str(entry.get("language", "en")),
        kind=kind,
        url=str(entry.get("url", "")),
        notes=str(entry.get("notes", "")),
        position=pos,
    )
