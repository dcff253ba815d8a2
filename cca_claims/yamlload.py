"""Safe YAML loading that remembers where every key and value was written.

Claim files come from many hands, so the loader is strict where PyYAML is lenient: duplicate keys
in one mapping are reported (PyYAML keeps the last silently), tags that would construct objects
are refused, alias expansion and nesting are bounded, and oversized files are refused before they
are parsed. Every problem carries a 1-based line and column.
"""

from __future__ import annotations

from typing import Any

import yaml

from cca_claims.limits import CLAIM_FILE_BYTES

# YamlProblem and decode_utf8 live with the text checks; importers find them here too
from cca_claims.yamltext import YamlProblem, decode_utf8, hidden_line_break

try:  # the C loader is much faster; both produce nodes with marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = CLAIM_FILE_BYTES
MAX_NODES = 500_000  # values that aliases may add to a document (each alias adds its node's size)
_SIZE_CAP = 1 << 62  # expanded sizes are capped here, so a bomb's sizes stay machine-sized
MAX_DEPTH = 64
_STR_TAG = "tag:yaml.org,2002:str"

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class PosDict(dict):
    """A mapping that knows where it and each of its keys and values were written."""

    line: int = 1
    col: int = 1

    def __init__(self) -> None:
        super().__init__()
        self.key_pos: dict[str, tuple[int, int]] = {}
        self.value_pos: dict[str, tuple[int, int]] = {}


class PosList(list):
    """A sequence that knows where it and each of its items were written."""

    line: int = 1
    col: int = 1

    def __init__(self) -> None:
        super().__init__()
        self.item_pos: list[tuple[int, int]] = []


def load_yaml(data: bytes | str) -> tuple[Any, list[YamlProblem]]:
    """Parse one YAML document into PosDict/PosList/scalars, with every problem found.

    Returns (None, problems) when the document cannot be used at all.
    """
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            return None, [too_large(len(data))]
        text, problem = decode_utf8(data)
        if problem:
            return None, [problem]
    else:
        text = data
        if len(text) > MAX_BYTES:
            return None, [too_large(len(text))]
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return None, [YamlProblem("yaml-syntax", "file contains a NUL byte", line, 1)]
    hidden = hidden_line_break(text)
    if hidden is not None:
        return None, [hidden]
    too_deep, plain_tree = _event_pass(text)
    if too_deep is not None:
        return None, [too_deep]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = _where_it_starts(exc)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p) or "invalid YAML"
        found = exc.problem_mark
        if found is not None and mark is not found and found.line != mark.line:
            message += f" (noticed at line {found.line + 1})"
        hint = _hint_for(message, _char_at(text, mark.index) if mark else "")
        return None, [YamlProblem("yaml-syntax", f"YAML syntax error: {message}", line, col, hint)]
    except yaml.YAMLError as exc:
        return None, [YamlProblem("yaml-syntax", f"YAML error: {exc}", 1, 1)]
    except RecursionError:
        return None, [YamlProblem("unsafe-yaml", "nesting too deep to parse", 1, 1)]
    finally:
        loader.dispose()
    if node is None:
        return None, []
    # without aliases every node is built once: no bomb, and nothing for the builder to bound
    limit = None
    if not plain_tree:
        bomb, written = _expansion_problem(node)
        if bomb is not None:
            return None, [bomb]
        limit = written + MAX_NODES
    builder = _Builder(limit)
    try:
        value = builder.build(node, 0)
    except _Refused as refused:
        return None, builder.problems + [refused.problem]
    return value, builder.problems


def _where_it_starts(exc: yaml.MarkedYAMLError):
    """Where an editor should look: a token the scanner could not finish (a quoted scalar whose
    closing quote is missing) is reported where it starts, not at the end of the file where the
    scanner gave up; any other error where it was found."""
    context = str(exc.context or "")
    if exc.context_mark is not None and context.startswith("while scanning"):
        return exc.context_mark
    return exc.problem_mark or exc.context_mark


def too_large(size: int) -> YamlProblem:
    """The problem for a file of `size` bytes, over MAX_BYTES."""
    return YamlProblem(
        "too-large",
        f"file is {size:,} bytes; the limit is {MAX_BYTES:,}",
        1,
        1,
        "split the claims across several files",
    )


# what each event does to the nesting depth and whether it makes a node; classes not listed
# here (subclasses, a future event) are looked at with isinstance
_EVENT_STEP: dict[type, tuple[int, bool]] = {
    yaml.ScalarEvent: (0, True),
    yaml.MappingStartEvent: (1, True),
    yaml.SequenceStartEvent: (1, True),
    yaml.MappingEndEvent: (-1, False),
    yaml.SequenceEndEvent: (-1, False),
    yaml.StreamStartEvent: (0, False),
    yaml.DocumentStartEvent: (0, False),
    yaml.DocumentEndEvent: (0, False),
}


def _event_pass(text: str) -> tuple[YamlProblem | None, bool]:
    """One pass over the parser's events: (nesting problem, plain tree).

    It runs before composing because libyaml's composer recurses on the C stack: 100,000
    opening brackets would crash the interpreter instead of raising. "plain tree" is True when
    the text has no alias: each node is then built exactly once, however many there are (the
    file size bounds them), so `_expansion_problem` cannot find anything and is skipped. It is
    False whenever that is not certain (an alias, a parse error, an unknown event).
    """
    loader = _Loader(text)
    depth = 0
    plain = True
    get_event = loader.get_event
    step_of = _EVENT_STEP.get
    try:
        while True:
            event = get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return None, plain
            step = step_of(type(event))
            if step is None:
                plain = False  # an alias, or an event this table does not know
                if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                    step = (1, True)
                elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                    step = (-1, False)
                else:
                    continue
            delta = step[0]
            if delta > 0:
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    return YamlProblem(
                        "unsafe-yaml",
                        f"nesting deeper than {MAX_DEPTH} levels",
                        mark.line + 1,
                        mark.column + 1,
                        "flatten the structure: claim files are at most a few levels deep",
                    ), False
            elif delta < 0:
                depth -= 1
    except (yaml.YAMLError, RecursionError):
        # composing again meets the same error and reports it with its position
        return None, False
    finally:
        loader.dispose()


def _expansion_problem(root: yaml.Node) -> tuple[YamlProblem | None, int]:
    """Refuse a document whose aliases add more than MAX_NODES values, before building anything;
    also return how many nodes the document writes.

    What is bounded is the expansion: each alias adds the expanded size of the node it refers
    to. The written nodes are bounded by the file size already, so 42,000 ordinary claims in
    one file load, while a "billion laughs" file is refused. Each distinct node's expanded size
    is computed once (aliases share node objects), so the bomb is measured in microseconds; the
    position reported is the deepest node that alone adds more than the limit, i.e. where the
    repetition starts to explode.
    """
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    stack = [(root, iter(_children(root)))]
    in_progress.add(id(root))
    while stack:  # depth-first without recursion; a node's size is known when it is left
        node, pending = stack[-1]
        child = next(pending, None)
        if child is None:
            stack.pop()
            in_progress.discard(id(node))
            # capped so an astronomically repeated graph stays a small number
            total = 1 + sum(sizes[id(c)] for c in _children(node))
            sizes[id(node)] = min(total, _SIZE_CAP)
        elif id(child) in in_progress:
            return YamlProblem(
                "unsafe-yaml",
                "an alias (*name) refers to the collection that contains it",
                child.start_mark.line + 1,
                child.start_mark.column + 1,
                "a value cannot contain itself; write it out",
            ), len(sizes)
        elif id(child) not in sizes:
            in_progress.add(id(child))
            stack.append((child, iter(_children(child))))
    written = len(sizes)
    if sizes[id(root)] - written <= MAX_NODES:
        return None, written
    node = root
    while True:
        big = [c for c in _children(node) if sizes.get(id(c), 1) > MAX_NODES]
        if not big:
            break
        node = big[0]
    return YamlProblem(
        "unsafe-yaml",
        f"aliases expand the document by more than {MAX_NODES:,} values (an alias bomb?)",
        node.start_mark.line + 1,
        node.start_mark.column + 1,
        "avoid repeating aliases (*name) of aliases; write the values out",
    ), written


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _char_at(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else ""


def _hint_for(message: str, char: str = "") -> str:
    if char == "\t":
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in message:
        return "a value containing ': ' must be quoted"
    if "found character '\\t'" in message or "tab" in message:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in message:
        return "check the indentation and that every key ends with ':'"
    if "found undefined alias" in message:
        return "define the anchor (&name) before using the alias (*name)"
    if "while scanning a quoted scalar" in message:
        return "the quoted text that opens here has no closing quote"
    return "check the indentation and quoting around this line"


class _Refused(Exception):
    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Builder:
    """Turns composed nodes into positioned values, enforcing the limits."""

    def __init__(self, limit: int | None = None) -> None:
        self.problems: list[YamlProblem] = []
        self.visited = 0
        # nodes written plus what aliases may add (None: no alias, each node is built once)
        self.limit = limit
        self._scalar_loader = _Loader("")

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.visited += 1
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if self.limit is not None and self.visited > self.limit:
            raise _Refused(
                YamlProblem(
                    "unsafe-yaml",
                    f"aliases expand the document by more than {MAX_NODES:,} values (alias bomb?)",
                    line,
                    col,
                    "avoid deeply repeated aliases (*name)",
                )
            )
        if depth > MAX_DEPTH:
            raise _Refused(
                YamlProblem("unsafe-yaml", f"nesting deeper than {MAX_DEPTH} levels", line, col)
            )
        if node.tag not in _SAFE_TAGS:
            raise _Refused(
                YamlProblem(
                    "unsafe-yaml",
                    f"tag {node.tag!r} is not allowed: claim files hold plain data only",
                    line,
                    col,
                    "remove the tag; quote the value if it is meant as text",
                )
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth, line, col)
        if isinstance(node, yaml.SequenceNode):
            out = PosList()
            out.line, out.col = line, col
            for item in node.value:
                out.append(self.build(item, depth + 1))
                out.item_pos.append((item.start_mark.line + 1, item.start_mark.column + 1))
            return out
        if node.tag == _STR_TAG and type(node) is yaml.ScalarNode:
            return node.value  # what SafeConstructor makes of a plain string, without its caches
        try:
            return self._scalar_loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            self.problems.append(
                YamlProblem("yaml-syntax", f"cannot read value {node.value!r}: {exc}", line, col)
            )
            return node.value

    def _mapping(self, node: yaml.MappingNode, depth: int, line: int, col: int) -> PosDict:
        out = PosDict()
        out.line, out.col = line, col
        for key_node, value_node in node.value:
            key_line, key_col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(
                    YamlProblem(
                        "unsafe-yaml", "merge keys (<<) are not supported", key_line, key_col
                    )
                )
            key = self.build(key_node, depth + 1)
            if not isinstance(key, (str, int, float, bool)) or isinstance(key, (PosDict, PosList)):
                self.problems.append(
                    YamlProblem(
                        "yaml-syntax", "a mapping key must be a plain value", key_line, key_col
                    )
                )
                continue
            key = str(key)
            if key in out:
                first = out.key_pos[key]
                self.problems.append(
                    YamlProblem(
                        "duplicate-key",
                        f"duplicate key {key!r} (first at line {first[0]}); YAML would keep only the last",
                        key_line,
                        key_col,
                        "remove one of the two or merge them",
                    )
                )
            out[key] = self.build(value_node, depth + 1)
            out.key_pos[key] = (key_line, key_col)
            out.value_pos[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)
        return out
