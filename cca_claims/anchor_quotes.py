"""The anchor stage: each claim's quotes found in their sources (not read yet).

A plain function of the loaded claims and sources. A cached check passes its memo (see
`cca_claims/speed/memo.py`), which answers quotes whose source is unchanged and records the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cca_claims.anchor import Anchorer
from cca_claims.config import Config
from cca_claims.model import AnchorResult, Claim, EvidenceResult, Source


def anchor_claims(
    claims: Sequence[Claim],
    sources: dict[str, Source],
    config: Config,
    memo: Any = None,
) -> list[tuple[EvidenceResult, ...]]:
    """Per claim, in order, each evidence item with its anchor (reading still None)."""
    anchorer = Anchorer(sources, config.fuzzy_threshold, config.max_quote_chars)
    out = []
    for claim in claims:
        results = []
        for ev in claim.evidence:
            if ev.source not in sources:
                found = AnchorResult(None, "no-source")
            elif memo is not None and len(ev.quote) <= anchorer.max_quote_chars:
                # a quote over the cap is not searched: nothing to remember, and a memo of
                # "too-long" must not outlive a raised cap (the memo's key has no cap)
                found = memo.anchor(
                    sources[ev.source],
                    ev.quote,
                    anchorer.threshold,
                    lambda ev=ev: anchorer.anchor(ev.source, ev.quote),
                )
            else:
                found = anchorer.anchor(ev.source, ev.quote)
            results.append(EvidenceResult(ev, found, None))
        out.append(tuple(results))
    return out
