"""What a reader needs to know besides the text: dates to resolve against and tolerances."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ReadContext:
    """Context for reading values out of one passage.

    reference_date: the source's publication date (or its best known bound); "this year",
        "16 June" and "last year" resolve against it, and the reading's notes say so.
    period: the days the figure refers to (the claim's `period:`), used to pick dated FX rates;
        when None, the reader uses a period written in the passage, else the reference date.
    around: relative half-width for "around", "about", "approximately", "some", "roughly".
    nearly: how far below X "nearly X" / "almost X" / "just under X" reaches: [X(1-nearly), X).
    precision_cap: the widest relative band a bare figure's written precision may give.
    yen_means: which currency "¥" stands for in this corpus ("CNY" or "JPY").
    source_id: for notes and errors only.
    language: the source's `language:` (registry); with the passage's script it decides which
        lexicon reads the passage (`quantities.lang`). Empty: inferred from the script.
    """

    reference_date: dt.date | None = None
    period: tuple[dt.date, dt.date] | None = None
    around: float = 0.05
    nearly: float = 0.10
    precision_cap: float = 0.05
    yen_means: str = "CNY"
    source_id: str = ""
    language: str = ""


DEFAULT_CONTEXT = ReadContext()
