"""`cca-claims export`: one row per evidence item, for spreadsheets and notebooks (CSV or JSON lines).

Columns (docs/json-format.md#export): claim id and statement, verdict, the source and its kind and
date, the quote, where and how well it was anchored, the value as written, and the normalized
reading: kind, unit, low and high (numbers), low_date and high_date (ISO days, for dates), whether
each bound is inclusive, qualifier, currency, the FX rate range and its dates when the value was
converted, and how many findings concern the item. Every column holds one type.
pandas is imported only here, when an export runs.
"""

from __future__ import annotations

import io
import math
import re
from typing import Any

from cca_claims.model import Report
from cca_claims.report.common import day_text, dumps, findings_by_claim, sources_by_id

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
    "low_date",
    "high_date",
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
            dated = reading is not None and reading.kind == "date"
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
                    "low": _number(interval.low) if interval and not dated else None,
                    "high": _number(interval.high) if interval and not dated else None,
                    "low_date": _day(interval.low) if interval and dated else None,
                    "high_date": _day(interval.high) if interval and dated else None,
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
    for column in ("low", "high", "anchor_score", "fx_rate_low", "fx_rate_high"):
        df[column] = df[column].astype("Float64")
    return df


# text columns that carry user-written text into a spreadsheet
TEXT_COLUMNS = ("claim_id", "claim", "source", "quote", "value_written", "qualifier")


def render_csv(report: Report) -> str:
    """CSV with a header row; empty cells where a value does not apply; unbounded sides empty.

    Claim texts and quotes are user-written and end up in spreadsheets, so every text cell is
    made safe for them (`_spreadsheet_safe`), and any cell holding a line break is quoted (RFC
    4180): a bare carriage return inside an unquoted cell would start a new row for csv readers,
    pandas and spreadsheets alike.
    """
    import csv

    df = frame(report)
    for column in TEXT_COLUMNS:
        df[column] = df[column].map(_spreadsheet_safe)
    # csv's minimal quoting quotes a field only when it holds a character of the line terminator
    # (among others): written with "\n" alone, a lone "\r" goes out unquoted. So the cells are
    # quoted as for "\r\n", and each row is then ended with "\n" (the terminator kept since v0.1).
    text = df.to_csv(index=False, lineterminator="\r\n")
    out = io.StringIO()
    for row in csv.reader(io.StringIO(text, newline="")):
        line = io.StringIO()
        csv.writer(line, lineterminator="\r\n").writerow(row)
        out.write(line.getvalue()[:-2] + "\n")
    return out.getvalue()


# C0 controls (but tab, LF, CR), DEL and the C1 controls: terminal escapes (ESC), bells, and
# characters no spreadsheet cell should hold
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# a formula can start the cell or any line in it: spreadsheets evaluate a cell's text from its
# start, and a reader that splits rows at a stray CR sees each line as a cell of its own
_FORMULA_START = re.compile(r"(^|[\r\n])([=+\-@\t\r])")


def _spreadsheet_safe(value: Any) -> Any:
    """Control characters removed; a leading `'` (which spreadsheets hide) before a formula
    character (`=`, `+`, `-`, `@`, tab, CR) at the start of the cell or of any line in it."""
    if not isinstance(value, str):
        return value
    value = _CONTROLS.sub("", value)
    return _FORMULA_START.sub(lambda m: m.group(1) + "'" + m.group(2), value)


def render_jsonl(report: Report) -> str:
    """One JSON object per line, null where a value does not apply."""
    return "".join(dumps(row, indent=None) + "\n" for row in rows(report))


def _number(x: float) -> float | None:
    """A numeric bound for a cell; CSV and JSON have no infinity, so unbounded is empty."""
    return None if math.isinf(x) else x


def _day(x: float) -> str | None:
    """A day ordinal as an ISO date; unbounded is empty."""
    if math.isinf(x):
        return None
    return day_text(x)


def _written(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)
