"""The positioned, safe YAML loader."""

import datetime as dt

from cca_claims.yamlload import MAX_BYTES, PosDict, load_yaml


def test_keys_and_items_keep_their_positions():
    doc, problems = load_yaml(b"claims:\n  - id: a\n    claim: x\n  - id: b\n")
    assert problems == []
    claims = doc["claims"]
    assert claims.item_pos == [(2, 5), (4, 5)]
    assert isinstance(claims[0], PosDict)
    assert claims[0].key_pos["claim"] == (3, 5)
    assert claims[1].value_pos["id"] == (4, 9)


def test_duplicate_key_is_reported_with_both_lines():
    _doc, problems = load_yaml(b"a: 1\nb: 2\na: 3\n")
    assert [(p.code, p.line, p.col) for p in problems] == [("duplicate-key", 3, 1)]
    assert "first at line 1" in problems[0].message


def test_python_object_tag_is_refused():
    doc, problems = load_yaml(b"x: !!python/object/apply:os.system ['echo hi']\n")
    assert doc is None
    assert problems[0].code == "unsafe-yaml"
    assert "not allowed" in problems[0].message


def test_syntax_error_has_line_column_and_hint():
    doc, problems = load_yaml(b"claims:\n  - id: a\n    claim: the: bad\n")
    assert doc is None
    assert (problems[0].code, problems[0].line) == ("yaml-syntax", 3)
    assert problems[0].hint


def test_an_unclosed_quote_is_reported_where_it_opens_not_at_the_end_of_the_file():
    lines = [
        "claims:",
        "  - id: trade",
        "    claim: \"China's trade reached $94.8 billion",
        "    value: 94.8 billion USD",
        *[f"  - id: other-{n}\n    claim: Claim {n}." for n in range(10)],
    ]
    doc, problems = load_yaml("\n".join(lines).encode())
    assert doc is None
    problem = problems[0]
    assert (problem.code, problem.line, problem.col) == ("yaml-syntax", 3, 12)
    assert "no closing quote" in problem.hint
    assert "noticed at line" in problem.message  # where the parser gave up, for reference


def test_alias_bomb_is_bounded():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    doc, problems = load_yaml("\n".join(lines).encode())
    assert doc is None
    assert problems[0].code == "unsafe-yaml"


def test_too_large_is_refused_before_parsing():
    doc, problems = load_yaml(b"#" * (MAX_BYTES + 1))
    assert doc is None and problems[0].code == "too-large"


def test_non_utf8_names_the_byte_and_position():
    doc, problems = load_yaml(b"claims:\n  - id: caf\xe9\n")
    assert doc is None
    assert (problems[0].code, problems[0].line, problems[0].col) == ("not-utf8", 2, 12)


def test_bom_is_accepted_and_dates_are_dates():
    doc, problems = load_yaml("\ufeffwhen: 2025-06-17\n".encode())
    assert problems == [] and doc["when"] == dt.date(2025, 6, 17)
