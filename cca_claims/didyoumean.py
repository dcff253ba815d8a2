"""'Did you mean' hints for mistyped keys and ids."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], cutoff: float = 60.0) -> str | None:
    """The choice most similar to `word`, or None when nothing is close enough."""
    from rapidfuzz import fuzz, process

    found = process.extractOne(word, list(choices), scorer=fuzz.ratio, score_cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint sentence naming the closest choice, or listing the valid ones."""
    options = list(choices)
    best = closest(word, options)
    if best:
        return f"did you mean {best!r}?"
    return "valid keys: " + ", ".join(options)
