"""The value parsers run in bounded time on any input: no catastrophic regex backtracking.

Two angles: every compiled pattern of the readers is run on long adversarial strings (a
backtracking pattern shows up as seconds instead of microseconds), and the public readers are fed
long generated strings built from the pieces they look for, with a time bound per call.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

quantities = pytest.importorskip("cca_claims.quantities")
from cca_claims.quantities import ValueReadError, parse_value, read_values  # noqa: E402
from cca_claims.quantities.context import DEFAULT_CONTEXT, ReadContext  # noqa: E402
from cca_claims.quantities.dates import find_dates  # noqa: E402

PER_CALL = 2.0  # seconds for a 5,000-character input; a linear reader needs ~0.3 s
LENGTH = 5_000

# pieces the readers react to: digits and separators, qualifiers, units, currencies, months
PIECES = [
    "1",
    "9",
    "0",
    ",",
    ".",
    " ",
    "-",
    "\u2013",
    "/",
    "%",
    "$",
    "\u00a5",
    "\u20ac",
    "(",
    ")",
    "1,000",
    "1.5",
    "94.8",
    " billion",
    " million",
    " bn",
    " km",
    " km\u00b2",
    " tonnes",
    " bcm",
    " USD",
    " yuan",
    "more than ",
    "at least ",
    "about ",
    "nearly ",
    "up to ",
    " to ",
    " and ",
    "May ",
    "June ",
    "18-19 ",
    "2023",
    "2025-06-17",
    "Q1 ",
    "H2 ",
    "per cent",
    "x",
    "\u00a0",
    "\n",
    "'",
    "\u0661",
    "e",
    "E+",
    "..",
    ",,",
    "--",
]
ADVERSARIAL = [
    unit * (LENGTH // len(unit) + 1)
    for unit in ["1", "1,", "1.", "1 ", "1-", "1 to ", "$", "more than ", "May ", "1/", "a1", ",1"]
] + ["1" * LENGTH + "x", "9" * 2000 + "." + "9" * 2000, "(" * 2000 + "1" + ")" * 2000]


def _patterns() -> list[tuple[str, re.Pattern]]:
    """Every module-level compiled pattern of the readers, anchoring and normalization."""
    modules = ["cca_claims.textnorm", "cca_claims.anchor"]
    modules += [
        f"cca_claims.quantities.{m.name}" for m in pkgutil.iter_modules(quantities.__path__)
    ]
    found = []
    for name in modules:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern):
                found.append((f"{name.rsplit('.', 1)[-1]}.{attr}", value))
    return found


PATTERNS = _patterns()


def test_patterns_were_found() -> None:
    assert len(PATTERNS) >= 10


@pytest.mark.parametrize("name, pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_no_pattern_backtracks_catastrophically(name: str, pattern: re.Pattern) -> None:
    for text in ADVERSARIAL:
        started = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        elapsed = time.perf_counter() - started
        assert elapsed < 0.5, f"{name} took {elapsed:.2f} s on {text[:20]!r}..."


@pytest.mark.parametrize("text", ADVERSARIAL, ids=[t[:6] for t in ADVERSARIAL])
def test_readers_on_fixed_adversarial_strings(text: str) -> None:
    _timed_calls(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), st.integers(1, 400))
def test_readers_on_generated_long_strings(pieces: list[str], repeat: int) -> None:
    text = ("".join(pieces) * repeat)[:LENGTH]
    _timed_calls(text)


def _timed_calls(text: str) -> None:
    calls = {
        "read_values": lambda: read_values(text, DEFAULT_CONTEXT),
        "find_dates": lambda: find_dates(text, DEFAULT_CONTEXT),
        "parse_value": lambda: parse_value(text, DEFAULT_CONTEXT),
    }
    for name, call in calls.items():
        started = time.perf_counter()
        try:
            call()
        except ValueReadError:
            pass  # a clean refusal is a correct outcome for parse_value
        elapsed = time.perf_counter() - started
        assert elapsed < PER_CALL, f"{name} took {elapsed:.2f} s on {len(text)} chars"


# Long repetitions of date pieces, 10,000 characters each (once timed in the date reader's unit
# tests: a bound on time belongs here, generous, and never in a unit test).
DATE_REPETITIONS = ["1", "June ", "2025-", "16–", "over the past ", " ", "June 16–17, ", "Q1 "]


@pytest.mark.parametrize("chunk", DATE_REPETITIONS)
def test_date_reader_on_long_repetitions(chunk: str) -> None:
    text = (chunk * 10_000)[:10_000]
    context = ReadContext(reference_date=dt.date(2025, 6, 17))
    started = time.perf_counter()
    find_dates(text, context)
    elapsed = time.perf_counter() - started
    assert elapsed < 2 * PER_CALL, f"find_dates took {elapsed:.2f} s on {chunk!r} * 10,000"


def test_reader_on_a_long_mixed_passage() -> None:
    """83,000 characters of separators, currency signs, ranges and qualifiers (~2.5 s here: the
    bound catches a reader gone quadratic, not a slow machine)."""
    hostile = "1," * 20000 + " $" * 5000 + "-1-" * 5000 + " more than" * 3000
    started = time.perf_counter()
    read_values(hostile, DEFAULT_CONTEXT)
    elapsed = time.perf_counter() - started
    assert elapsed < 30, f"read_values took {elapsed:.2f} s"
