"""The text of a YAML file before it is parsed: how its bytes are decoded, and the characters
that are refused because a reader and the parser would see different lines.

Every problem is a `YamlProblem` at a 1-based line and column, counted as an editor counts them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class YamlProblem:
    """Something wrong in a YAML file, at a 1-based line and column."""

    code: str  # yaml-syntax, duplicate-key, unsafe-yaml, too-large, not-utf8, hidden-line-break
    message: str
    line: int
    col: int
    hint: str = ""


def decode_utf8(data: bytes) -> tuple[str | None, YamlProblem | None]:
    """Decode UTF-8 (a BOM is accepted and dropped); on failure say where the bad byte is."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, YamlProblem(
            "not-utf8",
            "not UTF-8: the file is UTF-16 (it starts with a UTF-16 byte-order mark)",
            1,
            1,
            "save the file as UTF-8 (e.g. `iconv -f utf-16 -t utf-8`)",
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        # the column counts characters, as editors show it, not bytes
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, YamlProblem(
            "not-utf8",
            f"not UTF-8: byte 0x{data[exc.start]:02x} cannot be decoded",
            line,
            col,
            "save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
        )


# Line breaks for YAML 1.1 (and PyYAML) that editors, grep and `git diff` show inside a line:
# what follows one on a comment line would be parsed, unseen by a reviewer.
_HIDDEN_BREAKS = {
    "\u2028": "U+2028 LINE SEPARATOR",
    "\u2029": "U+2029 PARAGRAPH SEPARATOR",
    "\u0085": "U+0085 NEXT LINE",
}
_HIDDEN_BREAK = re.compile("[\u2028\u2029\u0085]")
_EDITOR_BREAK = re.compile(r"\r\n|\r|\n")


def hidden_line_break(text: str) -> YamlProblem | None:
    """Refuse a character that ends a line for YAML but not for an editor, at the line and
    column an editor shows (lines end at \\n, \\r\\n or \\r only)."""
    m = _HIDDEN_BREAK.search(text)
    if m is None:
        return None
    at = m.start()
    line, line_start = 1, 0
    for brk in _EDITOR_BREAK.finditer(text, 0, at):
        line, line_start = line + 1, brk.end()
    return YamlProblem(
        "hidden-line-break",
        f"{_HIDDEN_BREAKS[m.group()]} ends a line for YAML but not in editors, grep or git diff: "
        "text after it would be read as YAML while it looks like part of this line",
        line,
        at - line_start + 1,
        "delete the character, or replace it with a real line break or a space",
    )
