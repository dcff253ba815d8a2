"""The value expression the reader assembles from tokens, shared by the reader's phrase modules."""

from __future__ import annotations

from dataclasses import dataclass, field

from cca_claims.quantities.numbers import Figure, Token


@dataclass
class Expr:
    """A value expression being assembled from tokens."""

    first: int
    last: int
    fig: Figure
    low: Figure | None = None  # the lower figure of a range
    qual: str = ""  # gt | ge | lt | le | nearly | around | range
    qual_text: str = ""
    iso: str | None = None
    currency: str = ""  # as written; "" when not money
    share: float = 1.0  # a subunit's share of its currency (cents: 0.01)
    unit_expr: str = ""
    unit_text: str = ""
    percent: bool = False
    noun: str = ""
    noun_text: str = ""
    notes: list[str] = field(default_factory=list)
    negative: bool = False
    closed: tuple[bool, bool] = (True, True)  # range bounds included ("above X and below Y": no)


def join_tokens(tokens: list[Token], a: int, b: int) -> str:
    """Tokens a..b-1 as a lookup key: glued tokens joined directly, spaced ones with a space."""
    parts = []
    for k in range(a, b):
        if k > a and not tokens[k].glued:
            parts.append(" ")
        parts.append(tokens[k].text)
    return "".join(parts)
