"""Property tests: escaping never lets user text act on a terminal, a CI log or a parser."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from cca_claims.report.common import dumps, safe
from cca_claims.report.github import escape_data, escape_property

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def unescape_data(text: str) -> str:
    """What the Actions runner does to a command's data."""
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


@given(st.text())
def test_github_data_round_trips_on_one_line(text: str) -> None:
    escaped = escape_data(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert unescape_data(escaped) == text


@given(st.text())
def test_github_property_round_trips_without_separators(text: str) -> None:
    escaped = escape_property(text)
    assert not set(escaped) & {"\n", "\r", ":", ","}
    assert unescape_property(escaped) == text


@given(st.text())
def test_safe_text_has_no_control_characters(text: str) -> None:
    shown = safe(text)
    assert not CONTROL.search(shown)
    assert "\n" not in safe(text, oneline=True)


@given(st.recursive(st.text() | st.integers() | st.none(), lambda c: st.lists(c, max_size=4)))
def test_dumps_round_trips_and_escapes(value) -> None:
    text = dumps({"v": value})
    assert json.loads(text) == {"v": value}
    assert not CONTROL.search(text.replace("\n", ""))
