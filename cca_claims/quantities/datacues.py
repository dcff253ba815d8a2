"""Cues in the sentence around a figure that decide what its unit means.

Data sizes written with the bare letter "b" ("1500 b", "the 1500b packet"): bits, but only in a
sentence that speaks of data.

Elsewhere a lone "b" after a whole number is a label ("Article 3b", "Form 10 b") and is not read.
A bare "degrees", "°" or "40C" is a temperature only in a sentence that speaks of temperature.
Used by the reader's suffix step and `make_reading`; each looks at a bounded window of text, so
the reader stays linear.
"""

from __future__ import annotations

import re

import cca_claims.quantities.units as un

# Words that put a sentence in the world of computing and data transmission.
DATA_CUES = frozenset(
    """packet packets transmit transmits transmitted transmitting transmission server servers
    bandwidth data memory network networks download downloads upload uploads file files storage
    router ethernet payload buffer protocol bits bytes byte bit throughput""".split()
)
_WORD_RE = re.compile(r"[a-z]+")
_WINDOW = 120  # characters each side of the letter


def data_context(text: str, pos: int) -> bool:
    """Whether the sentence around `pos` speaks of data (packets, servers, memory ...)."""
    lo = max(0, pos - _WINDOW)
    hi = min(len(text), pos + _WINDOW)
    for cut in (". ", "! ", "? ", "\n"):
        a = text.rfind(cut, lo, pos)
        if a >= 0:
            lo = max(lo, a + 1)
        b = text.find(cut, pos, hi)
        if b >= 0:
            hi = min(hi, b)
    return any(w in DATA_CUES for w in _WORD_RE.findall(text[lo:hi].lower()))


def temperature_context(text: str, pos: int, sentences: int = 1) -> bool:
    """Whether the sentence around `pos` (with `sentences` = 2, also the one before it)
    speaks of temperature: for a bare "degrees" or "°", and for "40C" ("Weather turned
    cold. Almaty recorded -20C")."""
    lo = max(0, pos - 120 * sentences)
    hi = min(len(text), pos + 120)
    start = pos
    for _ in range(sentences):
        cut = max(text.rfind(c + " ", lo, start) for c in (".", "!", "?", "\n"))
        if cut < 0:  # the sentence reaches back past the window: keep all of it
            start = lo - 1
            break
        start = cut
    lo = start + 1
    window = text[lo:hi].lower() + " "
    return any(cue in window for cue in un.TEMPERATURE_CUES)
