"""Tokens and figures, the records of the value reader's lexical layer, and `TokenStream`, the
state the value pass's phrase modules share.

A leaf module (it imports only `context`): `numbers` assembles figures from tokens and `powers`
applies exponents to them, and both build on these records without importing each other back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from cca_claims.quantities.context import DEFAULT_CONTEXT, ReadContext

# digits (group 1), a letter run (group 2: [^\W\d_] also takes "²" or "½", not letters) or one
# other character
_TOKEN_RE = re.compile(r"(\d+)|([^\W\d_]+)|\S")


class Token(NamedTuple):
    """One token: kind is "num" (a digit run), "word" (a letter run) or "sym" (one character).

    A named tuple, not a frozen dataclass: every passage is cut into dozens of tokens, and a
    frozen dataclass's __init__ cost a third of the reader's time at scale."""

    kind: str
    text: str
    start: int
    end: int
    lower: str
    glued: bool  # no whitespace between this token and the previous one


def tokenize(text: str) -> list[Token]:
    """Cut `text` into tokens; linear in the length of the text."""
    out: list[Token] = []
    append = out.append
    new = tuple.__new__  # Token._make without its Python frame
    prev_end = -1
    for m in _TOKEN_RE.finditer(text):
        s = m.group()
        start, end = m.span()
        # "num" only for decimal digits (any script; \d is str.isdecimal): "²" or "①" are digits
        # to str.isdigit but not numbers float() can read
        group = m.lastindex
        kind = "num" if group == 1 else "word" if group == 2 and s[0].isalpha() else "sym"
        append(new(Token, (kind, s, start, end, s.lower(), start == prev_end)))
        prev_end = end
    return out


class TokenStream:
    """One passage's tokens as the value pass reads them: the text, its tokens, the tokens an
    earlier pass took (`masked`: dates, web addresses, phone numbers) and the `ReadContext`.

    The value pass (`scanner`) and its phrase modules (`money_phrases`, `suffixes`, `shares`,
    `figures`, `compound`) are functions of a stream and a token index (or of the expression
    being assembled); they read the stream and never change it. `tok`, `low` and `free` answer
    for any index, in range or not, so a phrase can look ahead without checking bounds."""

    __slots__ = ("text", "ctx", "toks", "n", "masked")

    def __init__(
        self,
        text: str,
        ctx: ReadContext = DEFAULT_CONTEXT,
        toks: Sequence[Token] | None = None,
        masked: frozenset[int] = frozenset(),
    ) -> None:
        self.text = text
        self.ctx = ctx
        self.toks = tokenize(text) if toks is None else toks
        self.n = len(self.toks)
        self.masked = masked

    def tok(self, k: int) -> Token | None:
        """Token k, or None past either end."""
        return self.toks[k] if 0 <= k < self.n else None

    def low(self, k: int) -> str:
        """Token k in lower case, or "" past either end."""
        t = self.tok(k)
        return t.lower if t else ""

    def free(self, k: int) -> bool:
        """Whether token k exists and no earlier pass took it."""
        return 0 <= k < self.n and k not in self.masked


@dataclass(frozen=True)
class Figure:
    """A number as written: its value, the token range it spans and its written precision."""

    value: float
    first: int  # token index of the first token
    last: int  # token index of the last token (inclusive)
    half_unit: float  # half a unit of the last significant digit, magnitude applied
    integer: bool  # written without decimals or magnitude word
    words: bool = False  # written in words ("four", "a dozen")
    magnitude: float = 1.0
    magnitude_text: str = ""

    def scaled(self, factor: float, last: int, text: str) -> Figure:
        """The figure with a magnitude word applied."""
        return Figure(
            self.value * factor,
            self.first,
            last,
            self.half_unit * factor,
            False,
            self.words,
            factor,
            text,
        )


def _digits_precision(int_part: str, decimals: str) -> float:
    if decimals:
        return 0.5 * 10 ** (-len(decimals))
    stripped = int_part.rstrip("0")
    zeros = len(int_part) - len(stripped) if stripped else 0
    return 0.5 * 10**zeros


def int_figure(s: str, first: int, last: int) -> Figure:
    """A plain integer figure over tokens first..last, with its written precision."""
    return Figure(float(s), first, last, _digits_precision(s, ""), True)


def gap_text(text: str, a: Token, b: Token) -> str:
    """The characters between two tokens."""
    return text[a.end : b.start]
