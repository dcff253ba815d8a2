"""Project statuses, read with the ordered vocabulary of `cca_claims/data/statuses.yaml`.

A status is a project's stage ("under construction", "completed", "suspended"). The vocabulary
is ordered: a status's rank is its position, a later one is later news about the project, and
two readings whose ranks differ conflict. `status_reading` reads a passage; `status_rank` and
`known_status` take a `value:` (a status, one of its other names, or a phrase a passage would
use); `unknown_status_hint` says what a `value:` that is none of these could have meant.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from cca_claims.interval import Interval
from cca_claims.model import Reading

_DATA = Path(__file__).resolve().parent.parent / "data"


@functools.lru_cache(maxsize=1)
def _vocabulary() -> dict:
    # libyaml's loader where present: the pure-Python one takes ~10 ms for this file
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((_DATA / "statuses.yaml").read_text(encoding="utf-8"), Loader=loader) or {}


@functools.lru_cache(maxsize=1)
def _status_table() -> tuple[list[str], list[tuple[re.Pattern[str], str, int, int, bool]]]:
    """The ordered status names, and (pattern, status, rank, upto rank, weak) per phrase."""
    data = _vocabulary()
    names = [entry["status"] for entry in data["statuses"]]
    rank = {name: i for i, name in enumerate(names)}
    phrases = []
    for entry in data["statuses"]:
        r = rank[entry["status"]]
        for weak, key in ((False, "phrases"), (True, "weak")):
            for item in entry.get(key) or []:
                if isinstance(item, dict):
                    ((phrase, upto),) = item.items()
                    hi = rank[upto]
                else:
                    phrase, hi = item, r
                pat = _LazyPattern(str(phrase))
                phrases.append((pat, entry["status"], r, max(r, hi), weak))
    return names, phrases


_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")
# re.I lets four non-ASCII letters match ASCII ones (the re module's documentation): folded
# here too, a lowered passage holds a phrase's first word wherever its pattern could match, so
# the word test can skip the pattern for text with curly quotes and dashes as for plain ASCII
# "İ" lowers to "i" and a combining dot (U+0307), which re.I does not see: the dot is dropped.
# The lowered text only decides which patterns to skip, so dropping a character is safe: at
# worst a pattern runs and finds nothing.
_FOLD_TO_ASCII = {0x131: "i", 0x17F: "s", 0x212A: "k", 0x307: None}  # ı ſ K, İ's dot


class _LazyPattern:
    """A vocabulary phrase's pattern, compiled the first time a passage may hold it.

    Compiling the ~70 phrases costs more than the rest of a small check's status reading. A
    plain phrase ("under construction") can only match a passage whose lowered text contains
    its first word, so it is not compiled (nor run) for the others; regex phrases compile when
    first used. A regex phrase is skipped for an ASCII passage that holds none of the words
    one of which its every match holds (`ascii_needs`).
    """

    __slots__ = ("source", "head", "_compiled", "_needs")

    def __init__(self, phrase: str) -> None:
        self.source = phrase
        self.head = phrase.split(" ", 1)[0] if _PLAIN.fullmatch(phrase) else None
        self._compiled: re.Pattern[str] | None = None
        self._needs: tuple[tuple[str, ...], ...] | None | bool = False  # False: not derived yet

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            body = self.source.replace(" ", r"[\s\-‐–—]+")
            self._compiled = re.compile(rf"(?<![\w-]){body}(?![\w-])", re.I)
        return self._compiled

    @property
    def ascii_needs(self) -> tuple[tuple[str, ...], ...] | None:
        """See `ascii_needs`; derived when first asked."""
        if self._needs is False:
            self._needs = ascii_needs(self.source)
        return self._needs  # type: ignore[return-value]

    def finditer(self, text: str, lowered: str | None = None):
        """Matches in `text` (`lowered`: the text lowered and folded to ASCII as
        `status_reading` does it, to skip cheaply)."""
        if lowered is not None:
            if self.head is not None:
                if self.head not in lowered:
                    return iter(())
            elif text.isascii():
                for part in self.ascii_needs or ():
                    for word in part:  # loops, not any(): this runs ~100 times a passage
                        if word in lowered:
                            break
                    else:
                        return iter(())
        return self.compiled.finditer(text)


def ascii_needs(phrase: str) -> tuple[tuple[str, ...], ...] | None:
    """What every match of a vocabulary phrase in an ASCII text holds: parts, each a choice of
    lower-case words one of which the match holds ("signed" for "(?:is|are) signed";
    "agreement" or "deal" for "(?:agreements?|deals?) ..."), read from the phrase: each run of
    letters it requires, and each required group whose every alternative holds one. For ASCII
    text, matching with re.IGNORECASE is comparing lower-cased letters, so the lowered text
    holds a word of every part wherever the phrase matches. Words with letters no ASCII letter
    matches (Cyrillic) hold for no ASCII text and are left out: a part of only such words (an
    empty part) makes the phrase one that never matches there. The most telling parts (longest
    words) come first, at most three. None when no part is known (the phrase always runs).
    """
    try:
        parts = _parts(phrase)
    except ValueError:  # a form this reading does not know: the phrase always runs
        return None
    out = []
    for part in parts:
        if any(not ch.isascii() and _matches_ascii(ch) for word in part for ch in word):
            continue  # "ſ" or "K": IGNORECASE matches an ASCII letter the test would miss
        out.append(tuple(word.lower() for word in part if word.isascii()))
    if not out:
        return None
    out.sort(key=lambda part: -min((len(w) for w in part), default=99))
    return tuple(out[:3])


@functools.cache
def _matches_ascii(ch: str) -> bool:
    """Whether re.IGNORECASE matches `ch` to an ASCII character (once per character: the
    vocabulary's Cyrillic phrases ask about the same few letters thousands of times)."""
    return any(re.fullmatch(re.escape(ch), chr(a), re.I) for a in range(128))


_OPTIONAL = ("?", "*", "{0")


def _parts(source: str) -> list[list[str]]:
    """The parts of a phrase (or of one alternative of a group) that every match holds: runs of
    letters (a letter made optional by "?", "*" or "{0," ends its run without it), and groups
    "(?:a|b)" not made optional whose every alternative holds a part. Anything else (classes,
    escapes, other characters) holds no part and only ends a run. ValueError for a choice "|"
    outside a group, or unbalanced brackets."""
    out: list[list[str]] = []
    run: list[str] = []
    k, n = 0, len(source)

    def end_run() -> None:
        if run:
            out.append(["".join(run)])
            run.clear()

    while k < n:
        c = source[k]
        if c.isalpha():
            if source.startswith(_OPTIONAL, k + 1):
                end_run()
            else:
                run.append(c)
            k += 1
            continue
        end_run()
        if c == "|":
            raise ValueError("a choice outside a group")
        if c == "\\":
            k += 2
        elif c == "[":
            close = source.find("]", k + 2)
            if close < 0:
                raise ValueError("unbalanced class")
            k = close + 1
        elif c == "(":
            close = _group_end(source, k)
            body = source[k + 1 : close]
            k = close + 1
            if not body.startswith("?:") or source.startswith(_OPTIONAL, k):
                continue  # a lookaround, or an optional group: no part
            alternatives = [_parts(alt) for alt in _split_choices(body[2:])]
            if all(alternatives):
                out.append([w for alt in alternatives for w in _telling(alt)])
        else:
            k += 1
    end_run()
    return out


def _bracket_depths(source: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for each character of `source` from `start`
    that is neither escaped nor inside a class ("[...]"): what both walks below need."""
    depth, k = 0, start
    while k < len(source):
        c = source[k]
        if c == "\\":
            k += 2
            continue
        if c == "[":
            k = source.index("]", k + 2) + 1
            continue
        depth += c == "("
        depth -= c == ")"
        yield k, c, depth
        k += 1


def _group_end(source: str, start: int) -> int:
    """The index of the ")" that closes the group opened at `start`."""
    for k, _c, depth in _bracket_depths(source, start):
        if depth == 0:
            return k
    raise ValueError("unbalanced group")


def _split_choices(body: str) -> list[str]:
    """A group's body cut at its own "|" (not those of groups or classes inside it)."""
    pieces, last = [], 0
    for k, c, depth in _bracket_depths(body):
        if c == "|" and depth == 0:
            pieces.append(body[last:k])
            last = k + 1
    return [*pieces, body[last:]]


def _telling(parts: list[list[str]]) -> list[str]:
    """The part whose shortest word is longest."""
    return max(parts, key=lambda part: min(len(w) for w in part))


@functools.lru_cache(maxsize=1)
def _other_names() -> dict[str, str]:
    """Each status's other names (`names:` in the vocabulary) -> the status."""
    out = {}
    for entry in _vocabulary()["statuses"]:
        for name in entry.get("names") or []:
            out[_key(name)] = entry["status"]
    return out


def _key(text: str) -> str:
    return " ".join(str(text).casefold().replace("-", " ").split())


# A status that is denied ("not suspended", "yet to be completed") or that an earlier stage has
# left behind ("resumed after being suspended") is not the passage's status.
_NEGATION_RE = re.compile(
    r"\b(?:(?:not|never|yet to be|no longer)\s+(?:\w+\s+)?|after\s+(?:being|having\s+been)\s+)$",
    re.I,
)


# A status only expected ("could be completed", "will be commissioned by 2030", "is set to be
# opened") has not been reached: a modal or future "be" just before a phrase cancels it.
_EXPECTED_RE = re.compile(
    r"\b(?:could|would|will|shall|may|might|should|must|to|(?:is|are) (?:set|due|expected|"
    r"likely|scheduled|planned) to)\s+(?:\w+ly\s+|not\s+|also\s+|soon\s+)?be\s+"
    r"(?:\w+ly\s+|fully\s+)?$",
    re.I,
)


def status_reading(text: str) -> Reading | None:
    """The project status a passage states (kind "status", label = canonical status), or None.

    The reading's interval is the rank range the words allow ("targeted for completion" is
    planned..under construction). When several statuses appear, the most advanced (latest) one
    is taken and the others listed in the notes; negated ones ("not completed", "no longer
    suspended"), superseded ones ("resumed after being suspended") and expected ones ("could be
    completed", "will be commissioned") are ignored.
    """
    if not isinstance(text, str) or not text:
        return None
    _, phrases = _status_table()
    lowered = text.lower().translate(_FOLD_TO_ASCII)
    found = []
    for pat, status, lo, hi, weak in phrases:
        for m in pat.finditer(text, lowered):
            before = text[max(0, m.start() - 40) : m.start()]
            if _NEGATION_RE.search(before) or _EXPECTED_RE.search(before):
                continue
            found.append((m.start(), m.end(), status, lo, hi, weak, "{0," in pat.source))
    # a longer phrase wins over the shorter ones inside it ("feasibility studies have been
    # completed" is not "completed"), except inside the free stretch of a phrase with one: "the
    # protocol confirming the transition into the implementation phase was signed" states both
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, str, int, int, bool]] = []
    for f in found:
        if all(
            f[1] <= k[0] or f[0] >= k[1] or (gap and k[0] < f[0] and f[1] < k[1])
            for (*k, gap) in kept
        ):
            kept.append(f)
    kept = [k[:6] for k in kept]
    kept = [k for k in kept if not any(a <= k[0] and k[1] <= b for a, b in _event_spans(text))]
    if not kept:
        return None
    strong = [k for k in kept if not k[5]] or kept
    best = max(strong, key=lambda k: (k[3], k[0]))
    others = sorted({k[2] for k in strong if k[2] != best[2]})
    notes = (f"the passage also mentions: {', '.join(others)}",) if others else ()
    return Reading(
        kind="status",
        unit="status-rank",
        interval=Interval(best[3], best[4]),
        text=text[best[0] : best[1]],
        span=(best[0], best[1]),
        label=best[2],
        notes=notes,
    )


def known_status(label: str) -> str | None:
    """The canonical status a `value:` names: a status ("suspended"), one of its other names
    ("signed" is agreed, "scrapped" cancelled) or a phrase a passage would use ("implementation
    phase"); None when it names none."""
    names, _ = _status_table()
    key = _key(label)
    if key in names:
        return key
    if key in _other_names():
        return _other_names()[key]
    reading = status_reading(str(label))
    return reading.label if reading else None


def status_rank(label: str) -> int:
    """The rank of a status in the ordered vocabulary (0 = proposed); other names and phrases
    are accepted ("implementation phase" ranks as "under construction"). -1 when it is not a
    status."""
    status = known_status(label)
    return status_names().index(status) if status else -1


def status_names() -> list[str]:
    """The canonical statuses, in order of progress (index = rank)."""
    return list(_status_table()[0])


def unknown_status_hint(label: str) -> str:
    """What to write instead of a `value:` that names no status: the statuses, and the closest
    status or other name when one is close ("compelted" -> completed)."""
    names = status_names()
    choices = {n: n for n in names} | {k: v for k, v in _other_names().items()}
    close = difflib.get_close_matches(_key(label), list(choices), n=1, cutoff=0.75)
    guess = ""
    if close:
        word, status = close[0], choices[close[0]]
        guess = f"did you mean '{status}'" + (f" ('{word}')" if word != status else "") + "? "
    return f"{guess}write one of: {', '.join(names)}"


@functools.lru_cache(maxsize=1)
def _not_statuses() -> re.Pattern[str] | None:
    words = [str(w) for w in _vocabulary().get("not_statuses") or []]
    if not words:
        return None
    body = "|".join(f"(?:{w})" for w in words).replace(" ", r"[\s\-‐–—]+")
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)


def _event_spans(text: str) -> list[tuple[int, int]]:
    """Where a passage speaks of an event as under way ("a meeting currently underway"): a
    status phrase inside such a stretch is not the project's."""
    pattern = _not_statuses()
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


@functools.lru_cache(maxsize=1)
def _reasons() -> re.Pattern[str] | None:
    words = [str(w) for w in _vocabulary().get("step_back_reasons") or []]
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(words) + r")(?![\w-])", re.I)


def step_back_reason(text: str) -> str:
    """The words of a passage that explain a step back to an earlier stage ("construction
    resumed", "due to"), from `step_back_reasons` in the vocabulary; "" when it states none."""
    pattern = _reasons()
    if pattern is None or not isinstance(text, str):
        return ""
    m = pattern.search(text)
    return m.group() if m else ""


def whole_status(text: str) -> str | None:
    """The status a `value:` names when it is nothing but a status, one of its other names or
    one of its phrases ("under construction", "on hold", "implementation phase"); else None.
    A value without `kind:` that is wholly a status is a status, not a name."""
    names, _ = _status_table()
    key = _key(text)
    if key in names:
        return key
    if key in _other_names():
        return _other_names()[key]
    reading = status_reading(str(text).strip())
    if reading is not None and reading.span == (0, len(str(text).strip())):
        return reading.label
    return None
