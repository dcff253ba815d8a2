"""The loader's fast paths (no expansion walk for alias-free documents, plain strings taken as
written) give what the general path gives, on random documents."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cca_claims import yamlload
from cca_claims.yamlload import load_yaml

# the line breaks editors do not show are refused by the loader (E015): not text to round-trip
characters = st.characters(blacklist_categories=("Cs",), blacklist_characters="\u0085\u2028\u2029")
text = st.text(alphabet=characters, max_size=12)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    text,
    st.sampled_from(["yes", "no", "2025-06-17", "0x1F", "1e3", "~", "null", "-", "*a", "&b"]),
)
keys = st.text(alphabet=characters, min_size=1, max_size=8)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=25,
)


def _general(text: str):
    """load_yaml with every fast path off: the expansion walk always runs, scalars constructed."""
    real_pass, real_str = yamlload._event_pass, yamlload._STR_TAG
    yamlload._event_pass = lambda t: (real_pass(t)[0], False)
    yamlload._STR_TAG = "no such tag"
    try:
        return load_yaml(text)
    finally:
        yamlload._event_pass, yamlload._STR_TAG = real_pass, real_str


def _same(text: str) -> None:
    fast, general = load_yaml(text), _general(text)
    assert fast[1] == general[1]
    assert fast[0] == general[0]
    assert type(fast[0]) is type(general[0])


@settings(max_examples=200)
@given(doc=documents, flow=st.booleans())
def test_fast_paths_agree_on_random_documents(doc, flow: bool) -> None:
    text = yaml.safe_dump(doc, default_flow_style=flow, allow_unicode=True)
    _same(text)
    assert load_yaml(text)[0] == yaml.safe_load(text)


@settings(max_examples=100)
@given(doc=documents, copies=st.integers(1, 4))
def test_fast_paths_agree_with_aliases(doc, copies: int) -> None:
    body = yaml.safe_dump(doc, default_flow_style=True).strip()
    text = f"base: &b {body}\n" + "".join(f"k{i}: *b\n" for i in range(copies))
    _same(text)


def test_many_nodes_without_aliases_load(monkeypatch) -> None:
    # the limit bounds what aliases add, not what the file writes (its size bounds that)
    monkeypatch.setattr(yamlload, "MAX_NODES", 50)  # the limit, made small to keep the test fast
    for count in (49, 50, 51, 600):
        text = "[" + ",".join(["1"] * count) + "]"
        value, problems = load_yaml(text)
        assert (value, problems) == _general(text)
        assert problems == [] and value == [1] * count


def test_alias_expansion_is_bounded_at_the_limit(monkeypatch) -> None:
    monkeypatch.setattr(yamlload, "MAX_NODES", 50)
    for copies in (4, 5, 6, 20):  # each alias of a 10-item list adds 11 values
        text = (
            "base: &b ["
            + ",".join(["1"] * 10)
            + "]\n"
            + "".join(f"k{i}: *b\n" for i in range(copies))
        )
        value, problems = load_yaml(text)
        assert (value, problems) == _general(text)
        assert (value is None) == (copies * 11 > 50), copies
