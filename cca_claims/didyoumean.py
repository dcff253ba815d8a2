"""'Did you mean' hints for mistyped keys and ids."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], cutoff: float = 60.0) -> str | None:
    """The choice most similar to `word`, or None when nothing is close enough."""
    from rapidfuzz import fuzz, process

    found = process.extractOne(word, list(choices), scorer=fuzz.ratio, score_cutoff=cutoff)
    return found[0] if found else None


SHOWN = 8  # more valid choices than this: a list no one reads; name the first and count the rest


def did_you_mean(word: str, choices: Iterable[str], noun: str = "keys") -> str:
    """A hint sentence naming the closest choice, or listing the valid ones (the first
    SHOWN of a long list, with how many more)."""
    options = list(choices)
    best = closest(word, options)
    if best:
        return f"did you mean {best!r}?"
    if not options:
        return f"there are no {noun}"
    shown = ", ".join(options[:SHOWN])
    more = len(options) - SHOWN
    return f"valid {noun}: {shown}" + (f" and {more} more" if more > 0 else "")
