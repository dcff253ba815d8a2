"""Add lines to a hand-written claim file without touching any other byte of it.

A claim file is an editor's work: comments with the reasoning behind a claim, an order, folded
notes, quoting chosen by hand. A round-trip YAML library (ruamel.yaml) re-emits the whole
document from its tree, which re-indents sequences and re-wraps long scalars unless every style
is guessed right; so edits here are made as text instead. The positioned loader
(`yamlload.load_yaml`) says where each claim, key and list item starts; the new lines are
inserted after the last line of content they belong to, indented as their neighbours are; and
the result is parsed again and compared with the original, so that an edit which would change
anything but what it adds is refused (`EditError`) rather than written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from cca_claims.yamlload import PosDict, PosList, load_yaml


class EditError(ValueError):
    """The edit cannot be made safely; the message says why (nothing was written)."""


@dataclass(frozen=True)
class Edit:
    """The file's new text and the 1-based line where the added lines start."""

    text: str
    first_added_line: int
    added_lines: int


# A plain scalar that YAML reads back as the same string: no indicator at the start, no ": "
# or " #" inside, no leading/trailing space, nothing YAML would take for another type.
_PLAIN = re.compile(r"[A-Za-z0-9_(][^\n\r\t]*\Z")
_RISKY = re.compile(
    r": |\s#|:\Z|^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*)\Z", re.I
)


def scalar(value: str) -> str:
    """`value` as a YAML scalar for one line: plain when that reads back the same, else
    double-quoted (a JSON string is a valid YAML double-quoted scalar)."""
    if _PLAIN.match(value) and not _RISKY.search(value) and value == value.strip():
        return value
    return json.dumps(value, ensure_ascii=False)


def append_list_item(text: str, claim_id: str, key: str, fields: list[tuple[str, str]]) -> Edit:
    """Append a mapping (`fields`, in order) to the claim's list under `key` (e.g. `reviews`),
    creating the key at the end of the claim when it is absent."""
    lines = text.splitlines(keepends=True)
    doc, claim, index, claims = _find_claim(text, claim_id)
    key_col = claim.col  # 1-based column of the claim's keys
    key_indent = " " * (key_col - 1)
    end = _claim_end(lines, claims, index, doc)  # 1-based, exclusive
    existing = claim.get(key)
    if key in claim and not (existing is None or isinstance(existing, PosList)):
        raise EditError(f"claim {claim_id!r}: `{key}` is not a list; fix it by hand first")
    if isinstance(existing, PosList) and existing:
        first_item_line, first_item_col = existing.item_pos[0]
        dash_indent = _dash_indent(lines[first_item_line - 1], first_item_col)
        if dash_indent is None:
            raise EditError(f"claim {claim_id!r}: `{key}` is written in flow style; edit by hand")
        key_line = claim.key_pos[key][0]
        after = _next_key_line(claim, key_line, end)
        insert_at = _last_content_line(lines, key_line, after)
        block = _item_lines(dash_indent, fields)
        new_lines = lines[:insert_at] + block + lines[insert_at:]
        start = insert_at + 1
    elif key in claim:
        # `key:` with nothing, or `key: []`: the key line becomes a block list's header
        key_line = claim.key_pos[key][0]
        header = lines[key_line - 1]
        rewritten = re.sub(r":\s*(\[\s*\]|~|null)?(\s*(#.*)?)$", r":\2", header.rstrip("\r\n"))
        ending = header[len(header.rstrip("\r\n")) :] or "\n"
        block = _item_lines(key_indent + "  ", fields)
        new_lines = lines[: key_line - 1] + [rewritten + ending] + block + lines[key_line:]
        start = key_line + 1
    else:
        insert_at = _last_content_line(lines, claim.line, end)
        block = [f"{key_indent}{key}:\n", *_item_lines(key_indent + "  ", fields)]
        new_lines = lines[:insert_at] + block + lines[insert_at:]
        start = insert_at + 1
    eol = _line_ending(text)
    if eol != "\n":  # the added lines end as the file's own lines do
        new_lines = [ln[:-1] + eol if ln in block else ln for ln in new_lines]
    if new_lines and not new_lines[start - 2].endswith(("\n", "\r")):
        new_lines[start - 2] += eol  # the file ended without a newline: keep lines apart
    new_text = "".join(new_lines)
    _verify(text, new_text, claim_id, key, fields)
    return Edit(new_text, start, len(block))


def append_claim(text: str, claim_lines: list[str]) -> Edit:
    """Append a claim (its YAML lines, written for a list item at column 1: `- id: ...`) to the
    file's `claims:` list, indented as the file's other claims are."""
    doc, _ = _load(text)
    claims = doc.get("claims") if isinstance(doc, dict) else None
    lines = text.splitlines(keepends=True)
    if not isinstance(claims, PosList):
        raise EditError("the file has no `claims:` list to append to")
    if claims:
        line, col = claims.item_pos[-1]
        dash = _dash_indent(lines[line - 1], col)
        if dash is None:
            raise EditError("the file's claims are written in flow style; add the claim by hand")
    else:
        dash = "  "
    end = _last_content_line(lines, 1, len(lines) + 1)
    body = [dash + ln if ln.strip() else ln for ln in claim_lines]
    prefix = [] if not lines or lines[end - 1].endswith(("\n", "\r")) else ["\n"]
    blank = ["\n"] if claims else []
    new_lines = lines[:end] + prefix + blank + body + lines[end:]
    new_text = "".join(new_lines)
    after, problems = _load(new_text)
    if problems or len(after.get("claims") or []) != len(claims) + 1:
        raise EditError("the new claim would not read back as one more claim; nothing written")
    if _plain(after["claims"][:-1]) != _plain(claims) or _plain(
        {k: v for k, v in after.items() if k != "claims"}
    ) != _plain({k: v for k, v in doc.items() if k != "claims"}):
        raise EditError("appending would change other claims; nothing written")
    return Edit(new_text, end + len(prefix) + len(blank) + 1, len(body))


# --------------------------------------------------------------------------- helpers
def _load(text: str) -> tuple[Any, list]:
    doc, problems = load_yaml(text)
    if problems:
        p = problems[0]
        raise EditError(f"line {p.line}:{p.col}: {p.message} (fix the file first)")
    return doc, problems


def _find_claim(text: str, claim_id: str) -> tuple[PosDict, PosDict, int, PosList]:
    doc, _ = _load(text)
    claims = doc.get("claims") if isinstance(doc, dict) else None
    if not isinstance(claims, PosList):
        raise EditError("the file has no `claims:` list")
    for index, item in enumerate(claims):
        if isinstance(item, PosDict) and item.get("id") == claim_id:
            line, col = claims.item_pos[index]
            if _dash_indent(text.splitlines()[line - 1], col) is None:
                raise EditError(f"claim {claim_id!r} is written in flow style; edit it by hand")
            return doc, item, index, claims
    raise EditError(f"no claim {claim_id!r} in this file")


def _line_ending(text: str) -> str:
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def _dash_indent(line: str, item_col: int) -> str | None:
    """The indentation before `- ` of a block list item whose content starts at `item_col`."""
    head = line[: item_col - 1]
    match = re.fullmatch(r"( *)- +", head)
    return match.group(1) if match else None


def _claim_end(lines: list[str], claims: PosList, index: int, doc: PosDict) -> int:
    """The 1-based line where the claim after `index` (or whatever follows the list) starts."""
    if index + 1 < len(claims):
        return claims.item_pos[index + 1][0]
    later = [pos[0] for key, pos in doc.key_pos.items() if pos[0] > claims.item_pos[index][0]]
    return min(later) if later else len(lines) + 1


def _next_key_line(claim: PosDict, key_line: int, end: int) -> int:
    later = [pos[0] for pos in claim.key_pos.values() if pos[0] > key_line]
    return min(later) if later else end


def _last_content_line(lines: list[str], first: int, stop: int) -> int:
    """The last line in [first, stop) with content (not blank, not only a comment), 1-based."""
    for number in range(stop - 1, first - 1, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return first


def _item_lines(dash_indent: str, fields: list[tuple[str, str]]) -> list[str]:
    out = []
    for n, (name, value) in enumerate(fields):
        lead = f"{dash_indent}- " if n == 0 else f"{dash_indent}  "
        out.append(f"{lead}{name}: {scalar(value)}\n")
    return out


def _plain(value: Any) -> Any:
    """Positioned values as plain data, for comparison."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _verify(
    before: str, after: str, claim_id: str, key: str, fields: list[tuple[str, str]]
) -> None:
    """The edited file reads back as the original plus exactly the new item."""
    old, _ = _load(before)
    try:
        new, _ = _load(after)
    except EditError as exc:
        raise EditError(f"the edit would break the file ({exc}); nothing written") from None
    expected = _plain(old)
    for claim in expected["claims"]:
        if isinstance(claim, dict) and claim.get("id") == claim_id:
            items = list(claim.get(key) or [])
            added = _plain(new["claims"][expected["claims"].index(claim)].get(key) or [])
            if not added or len(added) != len(items) + 1:
                raise EditError("the edit did not read back as one more item; nothing written")
            items.append(added[-1])
            claim[key] = items
            got = {k: str(v) for k, v in added[-1].items()}
            if got != {k: v for k, v in fields}:
                raise EditError("the new item did not read back as written; nothing written")
            break
    if _plain(new) != expected:
        raise EditError("the edit would change more than the new item; nothing written")
