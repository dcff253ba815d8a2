"""A claim's or evidence's explicit `value:`, read strictly: one value, or an error with a hint."""

from __future__ import annotations

import datetime as dt
import functools

from cca_claims.model import Reading
from cca_claims.quantities.context import DEFAULT_CONTEXT, ReadContext

HINT = (
    "write one value, e.g. '94.8 billion USD', '> 94.8 billion USD', '24 agreements', '35%', "
    "'2025-06-17' or 'June 16-17, 2025'"
)
_IGNORABLE = set(" \t\n.,;:\"'()[]")


class ValueReadError(ValueError):
    """An explicit value that cannot be read: `message`, `hint`, and the 0-based `offset`."""

    def __init__(self, message: str, hint: str = HINT, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.offset = offset

    def __str__(self) -> str:
        return f"{self.message} (column {self.offset + 1}); {self.hint}"


def _set_reading(items: list[str]) -> Reading:
    try:
        from cca_claims.quantities.labels import set_reading

        return set_reading(items)
    except ImportError:
        return Reading(kind="set", items=tuple(str(x) for x in items))


def _label_reading(text: str) -> Reading:
    try:
        from cca_claims.quantities.labels import label_reading

        return label_reading(text)
    except ImportError:
        return Reading(kind="label", label=text, text=text, span=(0, len(text)))


def _uncovered(s: str, readings: list[Reading]) -> int | None:
    covered = [False] * len(s)
    for r in readings:
        if r.span:
            for k in range(r.span[0], min(r.span[1], len(s))):
                covered[k] = True
    for k, c in enumerate(s):
        if not covered[k] and c not in _IGNORABLE:
            return k
    return None


def parse_value(
    text: str | list | int | float | dt.date,
    ctx: ReadContext = DEFAULT_CONTEXT,
    kind: str | None = None,
) -> Reading:
    """Read an explicit `value:`; raise ValueReadError on unreadable input.

    Accepts '94.8 billion USD', '> 94.8 billion USD', '$210 million', 'around 24 billion USD',
    '24 agreements', '35%', '2025-06-17', 'June 16-17, 2025', a list (a set reading), a plain name
    (a label) or a status word (with kind="status"). `kind` forces an interpretation.
    """
    if not isinstance(text, str):
        return _parse_value(text, ctx, kind)
    reading, error = _parse_text(text, ctx, kind)
    if error is not None:
        raise ValueReadError(*error)
    return reading  # type: ignore[return-value]


@functools.lru_cache(maxsize=4096)
def _parse_text(
    text: str, ctx: ReadContext, kind: str | None
) -> tuple[Reading | None, tuple[str, str, int] | None]:
    """`parse_value` of a string: its reading, or its error's message, hint and offset.

    Remembered: many claims give the same short `value:` ("24 agreements") with the same
    context, and reading it is a pure function of the three (a Reading is immutable)."""
    try:
        return _parse_value(text, ctx, kind), None
    except ValueReadError as exc:
        return None, (exc.message, exc.hint, exc.offset)


def _parse_value(
    text: str | list | int | float | dt.date, ctx: ReadContext, kind: str | None
) -> Reading:
    from cca_claims.quantities.reader import read_text

    if isinstance(text, (list, tuple, set, frozenset)):
        return _set_reading([str(x) for x in text])
    if isinstance(text, dt.date):
        text = text.isoformat()
    if isinstance(text, bool) or text is None:
        raise ValueReadError(f"cannot read {text!r} as a value", offset=0)
    s = str(text)
    stripped = s.strip()
    if not stripped:
        raise ValueReadError("the value is empty", offset=0)
    lead = len(s) - len(s.lstrip())
    if kind == "set":
        parts = [p.strip() for p in stripped.replace(";", ",").split(",") if p.strip()]
        return _set_reading(parts)
    if kind == "label":
        return _label_reading(stripped)
    if kind == "status":
        return _status_value(stripped, lead, len(s))
    if kind == "date":
        return _date_value(s, ctx)
    try:
        readings = read_text(s, ctx)
    except Exception:  # noqa: BLE001
        readings = []
    if not readings:
        if not any(c.isdigit() for c in s) and kind is None:
            from cca_claims.quantities.statuses import whole_status

            if whole_status(stripped):  # "under construction" is a status, not a name
                return _status_value(stripped, lead, len(s))
            return _label_reading(stripped)
        first = next((k for k, c in enumerate(s) if c.isdigit()), lead)
        raise ValueReadError("no value could be read here", offset=first)
    bad = _uncovered(s, readings)
    if bad is not None:
        word_end = bad
        while word_end < len(s) and not s[word_end].isspace():
            word_end += 1
        raise ValueReadError(f"cannot read '{s[bad:word_end]}' as part of a value", offset=bad)
    if len(readings) > 1:
        second = readings[1].span[0] if readings[1].span else 0
        raise ValueReadError(
            f"{len(readings)} values in one `value:` ('{readings[0].text}', '{readings[1].text}')",
            hint="give one value; use a YAML list for a set of names",
            offset=second,
        )
    reading = readings[0]
    if kind and reading.kind != kind:
        raise ValueReadError(
            f"expected a {kind} value, read a {reading.kind} ('{reading.text}')",
            offset=reading.span[0] if reading.span else 0,
        )
    return reading


def _status_value(stripped: str, start: int, end: int) -> Reading:
    """A status `value:`: a status, one of its other names or a passage phrase ("signed",
    "implementation phase"); anything else is an error that lists the statuses."""
    from cca_claims.quantities.statuses import known_status, unknown_status_hint

    if known_status(stripped) is None:
        raise ValueReadError(
            f"'{stripped}' is not a project status",
            hint=unknown_status_hint(stripped),
            offset=start,
        )
    return Reading(kind="status", label=stripped.lower(), text=stripped, span=(start, end))


def _date_value(s: str, ctx: ReadContext) -> Reading:
    try:
        from cca_claims.quantities.dates import find_dates, parse_period
    except ImportError as exc:
        raise ValueReadError("dates cannot be read (date reader missing)") from exc
    found = find_dates(s, ctx)
    if len(found) == 1 and _uncovered(s, found) is None:
        return found[0]
    try:
        interval = parse_period(s.strip(), ctx)
    except ValueError as exc:
        raise ValueReadError(f"cannot read '{s.strip()}' as a date: {exc}", offset=0) from exc
    return Reading(kind="date", unit="day", interval=interval, text=s.strip(), span=(0, len(s)))
