"""Labels, sets and statuses on the seed corpus's wording."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from cca_claims.quantities.labels import (
    _status_table,
    label_difference,
    label_reading,
    labels_equal,
    match_sets,
    normalize_label,
    set_reading,
    status_rank,
    status_reading,
)

HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "labels_cases.yaml").read_text(encoding="utf-8"))["cases"]
STATUSES = yaml.safe_load(
    (HERE.parent.parent / "cca_claims" / "data" / "statuses.yaml").read_text(encoding="utf-8")
)["statuses"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['a'][:25]}|{c['b'][:25]}" for c in CASES])
def test_label_case(case: dict) -> None:
    equal, score = labels_equal(case["a"], case["b"])
    assert equal is case["equal"], score
    assert 0.0 <= score <= 100.0
    assert labels_equal(case["b"], case["a"])[0] is case["equal"]  # symmetric
    if case["equal"]:
        assert label_difference(case["a"], case["b"]) == []
    else:
        assert label_difference(case["a"], case["b"]) == case["difference"]


def test_normalize_label() -> None:
    assert normalize_label("The Good-Neighbourliness & Friendship Centre") == (
        "good neighborliness and friendship center"
    )
    assert normalize_label("Café  «Astana»") == "cafe astana"


def test_similar_but_unequal_scores_high() -> None:
    # the score alone would call these equal: the differing word decides
    equal, score = labels_equal(
        "Treaty on Eternal Good-Neighborliness, Friendship, and Cooperation",
        "Treaty on Eternal Good-Neighborliness and Cooperation",
    )
    assert not equal and score >= 85


def test_threshold_decides_without_word_difference() -> None:
    assert labels_equal(
        "Astana International Financial Centre", "Astana Internationl Financial Center"
    )[0]
    assert not labels_equal(
        "Astana International Financial Centre",
        "Astana Internationl Financial Center",
        threshold=99.9,
    )[0]


def test_readings() -> None:
    r = label_reading("  Xi’an Declaration ")
    assert r.kind == "label" and r.label == "Xi’an Declaration"
    s = set_reading(["poverty reduction", " education ", ""], text="centres for ...")
    assert s.kind == "set" and s.items == ("poverty reduction", "education")


# --------------------------------------------------------------------------- sets
FOUR = [
    "poverty reduction",
    "education exchange",
    "desertification control",
    "smooth trade facilitation",
]
THREE = ["educational exchange", "combating desertification", "facilitating trade"]


def test_seed_centres_sets() -> None:
    pairs, only_a, only_b = match_sets(FOUR, THREE)
    assert pairs == [
        ("education exchange", "educational exchange"),
        ("desertification control", "combating desertification"),
        ("smooth trade facilitation", "facilitating trade"),
    ]
    assert only_a == ["poverty reduction"] and only_b == []


def test_seed_centres_other_wordings() -> None:
    # co-architecting-eurasia-2025 and astana-summit-agenda-2025 wordings
    a = ["poverty alleviation", "education", "desertification control", "trade facilitation"]
    b = ["poverty reduction", "education", "desertification control", "trade facilitation"]
    pairs, only_a, only_b = match_sets(a, b)
    assert len(pairs) == 4 and only_a == [] and only_b == []
    pairs, only_a, only_b = match_sets(
        ["education"], ["educational exchange", "education exchange"]
    )
    assert pairs == [("education", "education exchange")] and only_b == ["educational exchange"]


def test_unrelated_items_do_not_match() -> None:
    pairs, only_a, only_b = match_sets(["poverty reduction", "energy"], ["education", "transport"])
    assert pairs == [] and only_a == ["poverty reduction", "energy"]


def test_match_is_one_to_one_and_optimal() -> None:
    # greedy would pair "trade" with the first item it sees; the optimal match pairs exact names
    a = ["trade", "trade facilitation"]
    b = ["trade facilitation", "trade"]
    pairs, only_a, only_b = match_sets(a, b)
    assert sorted(pairs) == [("trade", "trade"), ("trade facilitation", "trade facilitation")]


@given(
    st.lists(
        st.sampled_from(FOUR + THREE + ["energy", "transport", "green development"]),
        max_size=8,
        unique=True,
    ),
    st.lists(st.sampled_from(FOUR + THREE + ["energy", "culture"]), max_size=8, unique=True),
)
def test_match_sets_partitions_both_sides(a: list[str], b: list[str]) -> None:
    pairs, only_a, only_b = match_sets(a, b)
    assert sorted([x for x, _ in pairs] + only_a) == sorted(a)
    assert sorted([y for _, y in pairs] + only_b) == sorted(b)


# --------------------------------------------------------------------------- statuses
@pytest.mark.parametrize(
    ("text", "label", "phrase"),
    [
        (
            "two more lines connecting China with Kazakhstan and Turkmenistan are under construction",
            "under construction",
            "under construction",
        ),
        (
            "the fourth D-line via Tajikistan under-construction",
            "under construction",
            "under-construction",
        ),
        (
            "The feasibility studies for the China-Kyrgyzstan-Uzbekistan Railway Project have been "
            "completed and the project has entered the implementation phase",
            "under construction",
            "has entered the implementation phase",
        ),
        (
            "The line, targeted for completion by 2030, constitutes a strategic",
            "planned",
            "targeted for completion",
        ),
        (
            "feasibility studies for a third railway connection between China and Kazakhstan are "
            "ongoing",
            "feasibility study",
            "feasibility studies",
        ),
        (
            "the second phase of restoration work on the China-Tajikistan highway has been "
            "commissioned",
            "completed",
            "commissioned",
        ),
        (
            "pipelines connecting China with Tajikistan and Uzbekistan have been completed",
            "completed",
            "completed",
        ),
        ("the project is not yet completed", "planned", "not yet completed"),
        (
            "the commencement of construction of the section",
            "under construction",
            "commencement of construction",
        ),
        (
            "In June, the decision was made to establish the format",
            "agreed",
            "the decision was made",
        ),
        ("work on the corridor is ongoing", "under construction", "ongoing"),
    ],
)
def test_status_reading(text: str, label: str, phrase: str) -> None:
    r = status_reading(text)
    assert r is not None and r.kind == "status" and r.items == ()
    assert (r.label, r.text) == (label, phrase)
    assert text[r.span[0] : r.span[1]] == r.text
    assert r.interval.low == status_rank(label)


def test_status_order() -> None:
    assert status_rank("proposed") < status_rank("agreed") < status_rank("planned")
    assert status_rank("planned") < status_rank("feasibility study")
    assert status_rank("feasibility study") < status_rank("under construction")
    assert status_rank("under construction") < status_rank("completed")
    assert status_rank("implementation phase") == status_rank("under construction")
    assert status_rank("commissioned") == status_rank("completed")
    assert status_rank("a bowl of soup") == -1


def test_targeted_for_completion_spans_ranks() -> None:
    r = status_reading("targeted for completion by 2030")
    assert r.interval.low == status_rank("planned")
    assert r.interval.high == status_rank("under construction")


def test_several_statuses_take_the_most_advanced_and_note_the_rest() -> None:
    r = status_reading("The first phase is completed; the second is under construction.")
    assert r.label == "completed"
    assert "under construction" in r.notes[0]


def test_no_status() -> None:
    assert status_reading("The leaders met in Astana.") is None
    assert status_reading("") is None


@pytest.mark.parametrize("entry", STATUSES, ids=[e["status"] for e in STATUSES])
def test_every_vocabulary_phrase_compiles_and_has_a_rank(entry: dict) -> None:
    names, phrases = _status_table()
    assert entry["status"] in names
    own = [p for p in phrases if p[1] == entry["status"]]
    assert len(own) == len(entry.get("phrases") or []) + len(entry.get("weak") or [])
    for pat, _, lo, hi, _ in own:
        assert lo == names.index(entry["status"]) and hi >= lo
        assert pat.compiled.pattern  # compiles (phrases are compiled when first needed)


def test_skipping_phrases_by_their_first_word_never_changes_a_reading(monkeypatch) -> None:
    from cca_claims.quantities import statuses

    texts = []
    for entry in STATUSES:
        for item in (entry.get("phrases") or []) + (entry.get("weak") or []):
            phrase = next(iter(item)) if isinstance(item, dict) else str(item)
            if "(" in phrase or "\\" in phrase:
                continue
            texts += [
                f"The line is {phrase} now.",
                f"THE LINE IS {phrase.upper()}.",
                f"Work was {phrase.replace(' ', '-')}, officials said.",
                f"It is not {phrase} yet; the {phrase} phase follows.",
            ]
    assert len(texts) > 40
    with_skips = [statuses.status_reading(t) for t in texts]
    original = statuses._LazyPattern.finditer
    monkeypatch.setattr(
        statuses._LazyPattern, "finditer", lambda self, text, lowered=None: original(self, text)
    )
    assert [statuses.status_reading(t) for t in texts] == with_skips
