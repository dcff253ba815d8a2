"""The scorer the held-out batches of real passages share (test_lists_heldout*.py).

A batch is a list of list cases (url, passage, claim items, expected items, first-run miss note)
and status cases (url, passage, expected status, miss note); a case with a non-empty note is
asserted as a miss, every other as read right, so the score printed is the score asserted.
"""

from __future__ import annotations

from cca_claims.compare import status_name
from cca_claims.quantities.enumerations import read_enumeration
from cca_claims.quantities.labels import match_sets, status_reading


def list_right(passage: str, claim: list[str], expected: list[str]) -> bool:
    reading = read_enumeration(passage, claim)
    if reading is None:
        return False
    _pairs, only_found, only_expected = match_sets(list(reading.items), expected)
    return not only_found and not only_expected and len(reading.items) == len(expected)


def status_right(passage: str, expected: str) -> bool:
    reading = status_reading(passage)
    return reading is not None and status_name(reading) == expected


def assert_batch(name: str, lists: list, statuses: list, capsys) -> None:
    """Score one batch, print it, and assert each case as measured."""
    results = [(list_right(p, c, e), m) for _u, p, c, e, m in lists]
    results += [(status_right(p, e), m) for _u, p, e, m in statuses]
    right = sum(ok for ok, _ in results)
    with capsys.disabled():
        print(f"\n{name} (lists, statuses): {right}/{len(results)} read right")
    for (ok, miss), case in zip(results, [*lists, *statuses], strict=True):
        assert ok is (not miss), case[0]
