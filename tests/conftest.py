"""The whole suite runs on one fixed day, whatever the calendar says.

The tool asks `cca_claims.clock` for today's date; `CCA_CLAIMS_TODAY` pins it. It is set here
before any test runs (and so for the CLI processes tests start, which inherit the environment),
so a snapshot or a cache key never depends on the day the suite happens to run. A test that needs
another day uses the `today` fixture. Set CCA_CLAIMS_TODAY yourself to run the suite as of
another day; the suite must pass on any day.

Nor does a unit test depend on the machine's speed: Hypothesis's per-example deadline and its
"too slow" health check are wall-clock limits, so they are off for the whole suite (bounds on
time live in tests/hostile, generous, and in bench/).
"""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings

from cca_claims import clock

settings.register_profile("cca-claims", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("cca-claims")

# After every date in the seed corpus (its sources and reviews); any day would do.
FIXED_TODAY = "2026-12-01"


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault(clock.ENV, FIXED_TODAY)


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """`today("2031-01-02")` makes the tool's today that day, for this test only."""

    def set_today(day: str) -> None:
        monkeypatch.setenv(clock.ENV, day)

    return set_today
