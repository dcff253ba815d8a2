"""`cca-claims export`: one row per evidence item, for spreadsheets and notebooks (CSV or JSON lines).

Columns (docs/json-format.md#export): claim id and statement, verdict, the source and its kind and
date, the quote, where and how well it was anchored, the value as written, and the normalized
reading: kind, unit, low, high (ISO days for dates), whether each bound is inclusive, qualifier, currency, the FX rate
range and its dates when the value was converted, and how many findings concern the item.
pandas is imported only here, when an export runs.
"""

from __future__ import annotations

import math
from typing import Any

from cca_claims.model import Report
from cca_claims.report.common import findings_by_claim, sources_by_id

COLUMNS = (
    "claim_id",
    "claim",
    "verdict",
    "evidence_index",
    "source",
    "source_kind",
    "source_date",
    "quote",
    "rank",
    "anchor_status",
    "anchor_score",
    "anchor_line",
    "value_written",
    "kind",
    "unit",
    "low",
    "high",
    "low_inclusive",
    "high_inclusive",
    "qualifier",
    "currency",
    "fx_rate_low",
    "fx_rate_high",
    "fx_date_from",
    "fx_date_to",
    "findings",
)


def rows(report: Report) -> list[dict[str, Any]]:
    """The export's rows as plain dicts (None where a value does not apply)."""
    sources = sources_by_id(report)
    by_claim = findings_by_claim(report)
    out = []
    for result in report.claims:
        claim = result.claim
        findings = by_claim.get(claim.id, [])
        for ev in result.evidence:
            source = sources.get(ev.evidence.source)
            anchor = ev.anchor.anchor
            reading = ev.reading
            interval = reading.interval if reading is not None else None
            fx = next((c for c in reading.conversions if c.kind == "fx"), None) if reading else None
            currency = None
            if reading is not None and reading.kind == "money":
                currency = fx.from_unit if fx is not None else reading.unit
            out.append(
                {
                    "claim_id": claim.id,
                    "claim": claim.statement,
                    "verdict": result.verdict,
                    "evidence_index": ev.evidence.index,
                    "source": ev.evidence.source,
                    "source_kind": source.meta.kind if source else None,
                    "source_date": source.meta.date_label if source else None,
                    "quote": ev.evidence.quote,
                    "rank": ev.evidence.rank,
                    "anchor_status": ev.anchor.status,
                    "anchor_score": round(anchor.score, 1) if anchor else None,
                    "anchor_line": anchor.line if anchor else None,
                    "value_written": reading.text if reading else _written(ev.evidence.value),
                    "kind": reading.kind if reading else None,
                    "unit": reading.unit if reading else None,
                    "low": _bound(interval.low, reading.kind) if interval else None,
                    "high": _bound(interval.high, reading.kind) if interval else None,
                    "low_inclusive": interval.low_closed if interval else None,
                    "high_inclusive": interval.high_closed if interval else None,
                    "qualifier": (reading.qualifier or None) if reading else None,
                    "currency": currency,
                    "fx_rate_low": fx.factor.low if fx else None,
                    "fx_rate_high": fx.factor.high if fx else None,
                    "fx_date_from": (fx.date_from or None) if fx else None,
                    "fx_date_to": (fx.date_to or None) if fx else None,
                    "findings": sum(1 for f in findings if ev.evidence.index in f.evidence),
                }
            )
    return out


def frame(report: Report):
    """The rows as a pandas DataFrame with the documented columns and dtypes."""
    import pandas as pd

    df = pd.DataFrame(rows(report), columns=list(COLUMNS))
    for column in ("evidence_index", "anchor_line", "findings"):
        df[column] = df[column].astype("Int64")
    for column in ("low_inclusive", "high_inclusive"):
        df[column] = df[column].astype("boolean")
    return df


# text columns that carry user-written text into a spreadsheet
TEXT_COLUMNS = ("claim_id", "claim", "source", "quote", "value_written", "qualifier")


def render_csv(report: Report) -> str:
    """CSV with a header row; empty cells where a value does not apply; unbounded sides empty.

    A text cell starting with `=`, `+`, `-`, `@`, tab or CR would be run as a formula by
    spreadsheet programs (CSV injection): such cells get a leading `'`, which spreadsheets hide.
    """
    df = frame(report)
    for column in TEXT_COLUMNS:
        df[column] = df[column].map(_defuse)
    return df.to_csv(index=False, lineterminator="\n")


def _defuse(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def render_jsonl(report: Report) -> str:
    """One JSON object per line, null where a value does not apply."""
    from cca_claims.report.common import dumps

    return "".join(dumps(row, indent=None) + "\n" for row in rows(report))


def _bound(x: float, kind: str) -> float | str | None:
    """A bound for a cell: dates as ISO days; CSV and JSON have no infinity, so unbounded is empty."""
    if math.isinf(x):
        return None
    if kind == "date":
        from cca_claims.report.common import day_text

        return day_text(x)
    return x


def _written(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)
