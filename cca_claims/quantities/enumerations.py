"""Sets read from prose: the enumeration a passage writes ("signed by A, B and C").

A set claim's evidence may quote a passage without an explicit `value:` list; its set is then
the enumeration the passage writes: "A, B and C", "A, B, and C", "A, B or C", "A and B", after a
colon "A, B" or "A, B, C", and elsewhere "A, B, C" (three items at least) up to the end of the
sentence. Items may be several words long ("desertification control"). A list the quote cuts
off ("signed by A, B and") is not read, nor is a single item: the quote holds no set.

What is an enumeration is decided by the punctuation, never by the claim: every item of a list
is read, so a passage that lists other items than the claim contradicts it. The claim's items
only settle what the punctuation leaves open:

* where the first item begins and the last one ends ("signed by Kazakhstan", "trade facilitation
  in the region"): the cut whose item best matches a claim item, else after the last linking
  word before the first item ("by", "of", "including") and before the first one after the last;
* whether "A and B" between commas is one item ("good-neighborliness and friendship") or two:
  one only when it is, nearly word for word, one of the claim's items;
* which list, when the passage writes several: the one that matches the claim's items best.

Lists as reporters write them are read too:

* a chain: "from Turkmenistan, via Uzbekistan, Tajikistan and Kyrgyzstan, to China" is the five
  countries (the route words "from", "via", "through", "to" are not part of an item, and the
  "to ..." after the list's last conjunction belongs to it);
* brackets after items: "Uzbekistan (205 km), Tajikistan (391 km) and China (155 km)", "Kazakhstan
  (Astana)": the bracket is an aside, not a break (a list inside brackets is still read);
* countries by their people and leaders: when the claim's items are countries, an item naming
  exactly one country is read as it ("President Sadyr Japarov of Kyrgyzstan", "Kazakh
  authorities", "Kazakhstan's Tokayev"; the table is `cca_claims/data/places.yaml`).

`read_enumeration(text, items)` returns a set reading (kind "set", with the span of the list),
or None when the passage writes no list of two or more items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from cca_claims.model import Reading
from cca_claims.quantities.labels import _set_key, match_sets, normalize_label, set_reading
from cca_claims.quantities.places import (
    all_countries,
    countries_in,
    country_in,
    has_cjk,
    is_region,
    near_country,
)

# Where a list cannot run on: sentence ends, clause punctuation, brackets, quotation marks,
# spaced dashes. A colon ends a segment too, and a list may begin right after one.
_BREAK_RE = re.compile(r"[.!?](?=\s|$)|[;()\[\]{}“”\"«»]|\s[–—-]\s|\n\s*\n|\n\s*[-•*]\s|:")
# Joints between items: a comma (with an optional conjunction) or a bare conjunction.
# Russian "и", "или", "а также" join items as "and", "or", "as well as" do.
_JOINT_RE = re.compile(
    r"\s*,\s*(?:(?:and|or|и|или)\s+)?|\s+(?:and|or|as well as|&|и|или|а также)\s+", re.I
)
_WORD_RE = re.compile(r"\S+")
# Words after which a list's first item begins, and before which its last item ends.
_LINKS = frozenset(
    """by of on in to for with from between among at via into onto across over under during since
    through towards reaching crosses crossing passes passing traverses traversing
    including include includes included namely are is were was be been being as like such
    covering covers covered comprising comprises comprised involving involves respectively said
    says signed concluded joined joins attended focused focusing focuses spanning than
    which who that these those they it its their has have had will would""".split()
)
# An opening phrase that is not an item: "In 2022, A, B and C signed ...", "Meanwhile, A and B".
_OPENER_RE = re.compile(
    r"^(?:(?:in|on|at|during|since|after|before|by|from|under|for|with|over|as|according)\s.*"
    r"|\w+ly|however|meanwhile|moreover|also|then|now|today|yesterday)$",
    re.I,
)
# A list the quote cuts off: it ends with a conjunction or a comma.
_CUT_OFF_RE = re.compile(r"(?:\s(?:and|or|as well as|и|или)|&|,)\s*$", re.I)
# Route words that lead an item in a chain ("via Uzbekistan", "to China"), never part of it.
_ROUTE_RE = re.compile(
    r"(?:(?:and|then|on|onward|onwards|finally|eventually)\s+)*(?:via|through|to|into|onto)\s+",
    re.I,
)
# A chain opens with "from" (or "via") and may end after the last conjunction with ", to X".
_CHAIN_OPEN_RE = re.compile(r"\b(?:from|via|through)\s", re.I)
# A short bracket right after an item ("Uzbekistan (205 km)", "Kazakhstan (Astana)").
_ASIDE_RE = re.compile(r"(?<=[\w.%)])\s*\([^()\n]{1,60}\)")
# A part after "and" that opens with a verb is a clause, not an item ("..., to China and is
# expected to deliver"): the list ends before it.
_CLAUSE_AFTER_AND = frozenset(
    "is are was were be been has have had will would can could should may might must did does do".split()
)
_LIST_OPENERS = frozenset("including namely such like notably especially particularly".split())
_PRONOUNS = frozenset("its their his her it they this these those we he she".split())
# A middle part opening a subordinate clause ("when Beijing enticed Turkmen, Uzbek and Tajik
# authorities") holds the list's first item: the list does not run back past it.
_CLAUSE_OPENERS = frozenset(
    "when where while whereas which who whom whose that after before because if since although"
    " though once until unless".split()
)
# A collective noun the list stands in apposition to ("his counterparts, A, B and C", "five
# Central Asian countries, namely A, B and C"): it ends the stretch before the list.
_HEAD_RE = re.compile(
    r"\b(?:his|her|its|their|our|the|these|those|all|both|other|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|many)\s+(?:[\w-]+\s+){0,3}(?:countries|counterparts|states|nations|"
    r"leaders|presidents|heads of state|members|partners|neighbou?rs|republics|participants|"
    r"parties|governments|economies|neighbou?ring countries)$",
    re.I,
)
# A closing "and others" / "etc." ends a list without being an item.
_ETC_RE = re.compile(
    r"^(?:(?:many|several|some|numerous|various|a few|the)\s+)?(?:others?|more)(?:\s+\w+)?$"
    r"|^etc\.?$|^so on$|^the like$",
    re.I,
)
_MAX_ITEM_WORDS = 6  # an item between two commas; longer is a clause, not an item
_MERGE_RATIO = 90.0  # how closely "A and B" must equal a claim item to be one item


@dataclass(frozen=True)
class _Part:
    start: int
    end: int
    # how it joins the previous part: "" (first), "comma", "final" (", and") or "and" (a bare
    # conjunction, which may also join two halves of one item: "good-neighborliness and friendship")
    joint: str


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, follows a colon) of each stretch a list may lie in."""
    out, pos, colon = [], 0, False
    for m in _BREAK_RE.finditer(text):
        out.append((pos, m.start(), colon))
        pos, colon = m.end(), m.group() == ":"
    out.append((pos, len(text), colon))
    return [s for s in out if text[s[0] : s[1]].strip()]


def _parts(text: str, start: int, end: int) -> list[_Part]:
    parts, pos, joint = [], start, ""
    for m in _JOINT_RE.finditer(text, start, end):
        if m.start() == m.end():
            continue
        parts.append(_Part(pos, m.start(), joint))
        pos = m.end()
        conjunction = m.group().strip(" \t\n,") != ""
        joint = ("final" if "," in m.group() else "and") if conjunction else "comma"
    parts.append(_Part(pos, end, joint))
    return [p for p in parts if text[p.start : p.end].strip()]


def _words(text: str, part: _Part) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD_RE.finditer(text, part.start, part.end)]


def _bare(word: str) -> str:
    return word.strip("\"'“”‘’,.").casefold()


@dataclass(frozen=True)
class _List:
    parts: tuple[_Part, ...]


def _lists(text: str, targets: Sequence[str] = ()) -> list[_List]:
    """The enumerations the punctuation shows, each as its parts (first and last untrimmed)."""
    found = []
    for start, end, after_colon in _segments(text):
        parts = _joined_names(text, _parts(text, start, end), targets)
        for i, part in enumerate(parts):
            head = text[part.start : part.end].split(None, 1)
            later_end = any(p.joint in ("and", "final") for p in parts[i + 1 :])
            verb = (
                head[0].lower() in _CLAUSE_AFTER_AND
                or (
                    # ", and its goal is to ...": a clause opening with a pronoun, not an item
                    head[0].lower() in _PRONOUNS and len(text[part.start : part.end].split()) > 2
                )
                or (
                    # "... and attracting additional transit flows": a clause, not "and combating
                    # desertification" (two words: an item)
                    head[0].lower().endswith("ing") and len(text[part.start : part.end].split()) > 2
                )
            )
            if i and part.joint in ("and", "final") and verb and not later_end:
                parts = parts[:i]  # "... and is expected to": a clause, the list ends before
                break
        if len(parts) < 2:
            continue
        # the run of parts ending at the last conjunction ("A, B and C"), or, after a colon, a
        # bare comma list ("Signatories: A, B, C")
        if _CUT_OFF_RE.search(text[parts[-1].start : parts[-1].end]):
            continue  # "signed by A, B and": the quote stops inside the list
        last = max((i for i, p in enumerate(parts) if p.joint in ("and", "final")), default=None)
        bare = last is None and all(p.joint == "comma" for p in parts[1:])
        if bare and (after_colon or len(parts) >= 3):
            # "Signatories: A, B" after a colon; elsewhere "A, B, C" up to where the sentence
            # (or the quote) ends, with three items at least: "In 2022, the plant opened" is
            # not a list
            last = len(parts) - 1
        if last is None or last == 0:
            continue  # "and Kazakhstan, ..." after a semicolon: no item before the conjunction
        first = last - 1
        while first > 0 and parts[first].joint in ("comma", "and"):
            middle = text[parts[first].start : parts[first].end]
            if len(middle.split()) > _MAX_ITEM_WORDS and not _names_an_item(middle, targets):
                break  # a clause, not an item (unless it is one of the claim's long items)
            opens = _CHAIN_OPEN_RE.search(middle)
            if opens and middle[: opens.start()].strip():
                break  # "... and will pass via A, B and C": the chain opens in this part
            if middle.split(None, 1)[0].lower() in _CLAUSE_OPENERS | _LIST_OPENERS:
                # "when Beijing enticed Turkmen, Uzbek ...", "funds, including A, B and C": the
                # list opens in this part
                break
            if _HEAD_RE.search(middle.strip()):
                first += 1  # "his counterparts, A, B and C": the list follows its head noun
                break
            first -= 1
        if first == 0 and last - first >= 2:
            opener = text[parts[0].start : parts[0].end].strip()
            # "From 2022, A, B and C ..." opens a sentence; "from A, via B and C" opens a chain
            chain = opener.lower().startswith("from ") and _ROUTE_RE.match(
                text, parts[1].start, parts[1].end
            )
            if _OPENER_RE.match(opener) and len(opener.split()) <= _MAX_ITEM_WORDS and not chain:
                first = 1
        if bare and not after_colon and last - first < 2:
            continue
        # a chain ("from A, via B, C and D, to E") runs on to its ", to E" after the conjunction
        opened = _CHAIN_OPEN_RE.search(text, parts[first].start, parts[last].end) is not None
        while opened and last + 1 < len(parts) and parts[last + 1].joint == "comma":
            nxt = text[parts[last + 1].start : parts[last + 1].end]
            if not _ROUTE_RE.match(nxt) or len(nxt.split()) > _MAX_ITEM_WORDS:
                break
            last += 1
        found.append(_List(tuple(parts[first : last + 1])))
    return found


def _joined_names(text: str, parts: list[_Part], targets: Sequence[str]) -> list[_Part]:
    """Parts joined by "and" that together are one of the claim's items holding "and" ("the
    Savings and Trust Fund of Italy"): one part, so the name's "and" does not end the list."""
    names = [t for t in targets if re.search(r"\sand\s|&", t)]
    if not names or len(parts) < 2:
        return parts

    wanted = [normalize_label(t) for t in names]
    out = [parts[0]]
    for part in parts[1:]:
        if part.joint == "and":
            both = normalize_label(text[out[-1].start : part.end])
            if any(fuzz.partial_ratio(w, both) >= 95 and w.split()[0] in both for w in wanted):
                out[-1] = _Part(out[-1].start, part.end, out[-1].joint)
                continue
        out.append(part)
    return out


def _names_an_item(part: str, targets: Sequence[str]) -> bool:
    """Whether a long part holds one of the claim's items of two words or more, nearly word for
    word ("the establishment of a coal gasification facility in the Karaganda region")."""

    key = _set_key(part)
    for t in targets:
        wanted = _set_key(t)
        if len(wanted.split()) >= 2 and fuzz.token_set_ratio(key, wanted) >= 90:
            return True
    return False


def _fit(item: str, targets: Sequence[str]) -> float:
    """How nearly an item is, word for word, the closest of `targets` (0-100).

    The set key (synonyms, stems) is compared whole, not as a token set: "signed by Kazakhstan"
    holds "Kazakhstan" but is not it, and the cut must find where the item begins."""

    key = _set_key(item)
    if not key:
        return 0.0
    return max(float(fuzz.ratio(key, _set_key(t))) for t in targets)


def _cut(text: str, words: list[tuple[int, int]], first: bool, targets: Sequence[str]):
    """The (start, end) of the first item (`first`) or last item within its part's words."""
    if first:
        options = [(words[k][0], words[-1][1]) for k in range(max(0, len(words) - 8), len(words))]
        links = [k for k, w in enumerate(words) if _bare(text[w[0] : w[1]]) in _LINKS]
        k = links[-1] + 1 if links and links[-1] + 1 < len(words) else 0
        default = (words[k][0], words[-1][1])
    else:
        options = [(words[0][0], words[k][1]) for k in range(min(len(words), 8))]
        links = [k for k, w in enumerate(words) if _bare(text[w[0] : w[1]]) in _LINKS and k > 0]
        k = links[0] - 1 if links else len(words) - 1
        default = (words[0][0], words[k][1])
    if targets:
        # equal scores: the shortest cut ("by Kazakhstan" keys as "Kazakhstan" does)
        scored = [(_fit(text[a:b], targets), a - b, (a, b)) for a, b in options]
        best = max(scored)[::2]
        if best[0] >= 85.0:
            return best[1]
        if not first:
            # "Shavkat Mirziyoyev of Uzbekistan will attend": the apposition ends the item
            appositive = _appositive_end(text, words, targets)
            if appositive is not None:
                return appositive
    return default


def _appositive_end(text: str, words: list[tuple[int, int]], targets: Sequence[str]):
    """The shortest last item that ends naming one of the claim's countries ("Shavkat Mirziyoyev
    of Uzbekistan will attend", "Reform of the People's Republic of China on ...")."""

    if not all_countries(list(targets)):
        return None
    wanted = {country_in(t) for t in targets}
    for k in range(min(len(words), _MAX_ITEM_WORDS + 4)):
        if country_in(text[words[0][0] : words[k][1]]) in wanted:
            return (words[0][0], words[k][1])
    return None


def _chain_head(text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The items of a first part that is itself a chain ("from A to B via C" -> A, B, C), as
    spans; [] when it is not one (it needs "from" and a later "to", "via" or "through")."""
    bare = [_bare(text[a:b]) for a, b in words]
    if "from" not in bare:
        return []
    k = len(bare) - 1 - bare[::-1].index("from")
    cuts = [j for j in range(k + 1, len(bare)) if bare[j] in ("to", "via", "through")]
    if not cuts:
        return []
    if any(w in ("such", "including", "namely", "like") for w in bare[cuts[-1] :]):
        return []  # "from China to countries such as A, B and C": the list is what follows
    out, start = [], k + 1
    for j in [*cuts, len(bare)]:
        if start < j:
            out.append((words[start][0], words[j - 1][1]))
        start = j + 1
    return out if len(out) >= 2 else []


def _unrouted(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """An item without the route words that lead it ("via Uzbekistan" -> "Uzbekistan")."""
    m = _ROUTE_RE.match(text, span[0], span[1])
    if m and m.end() < span[1]:
        return (m.end(), span[1])
    return span


def _items(text: str, lst: _List, targets: Sequence[str]) -> list[tuple[int, int]]:
    spans = []
    joints = []  # how each span joins the previous one (a chain's head items: by a comma)
    n = len(lst.parts)
    for i, part in enumerate(lst.parts):
        words = _words(text, part)
        joints.append(part.joint)
        if i == 0:
            chain = _chain_head(text, words)
            if chain:
                spans.extend(chain[:-1])
                joints.extend(["comma"] * (len(chain) - 1))
                words = [w for w in words if w[0] >= chain[-1][0]]
            spans.append(_cut(text, words, True, targets))
        elif i == n - 1:
            # "and finally into China": the route words go before the item is cut
            begin = _unrouted(text, (words[0][0], words[-1][1]))[0]
            words = [w for w in words if w[0] >= begin]
            spans.append(_cut(text, words, False, targets))
        else:
            spans.append(_unrouted(text, (words[0][0], words[-1][1])))
    if not targets:
        return spans

    countries = all_countries(list(targets))
    # "A and B" is one item when a claim item says, nearly word for word, "A and B"; and, when
    # the claim's items are countries, when only one side names a country: "the Committee for
    # Development and Reform of China", "Mazar-i-Sharif and Logar in Afghanistan"
    merged = [spans[0]]
    for i in range(1, len(spans)):
        if joints[i] == "and" and countries:
            a, b = text[slice(*merged[-1])], text[slice(*spans[i])]
            if not countries_in(a) and country_in(b) and not near_country(a):
                merged[-1] = (merged[-1][0], spans[i][1])  # "X and Y of Country": one item
                continue
        if joints[i] == "and":
            both = normalize_label(text[merged[-1][0] : spans[i][1]])
            alone = max(normalize_label(text[a:b]) for a, b in (merged[-1], spans[i]))
            for t in targets:
                nt = normalize_label(t)
                if fuzz.ratio(both, nt) >= _MERGE_RATIO and fuzz.ratio(both, nt) > fuzz.ratio(
                    alone, nt
                ):
                    merged[-1] = (merged[-1][0], spans[i][1])
                    break
            else:
                merged.append(spans[i])
        else:
            merged.append(spans[i])
    return merged


def _agreement(found: list[str], targets: Sequence[str]) -> tuple[int, int]:
    pairs, only_found, only_targets = match_sets(found, list(targets))
    return (len(pairs) - len(only_found) - len(only_targets), len(found))


def read_enumeration(text: str, items: Sequence[str] = ()) -> Reading | None:
    """The set a passage enumerates (kind "set", span from the first item to the last), or None.

    `items` are the claim's items, if known: they choose among several lists and settle item
    boundaries the punctuation leaves open (see the module notes), never which items are read.
    """
    if not isinstance(text, str) or not text.strip():
        return None

    targets = [str(t) for t in items if str(t).strip()]
    countries = all_countries(targets)
    best: tuple[tuple[int, int], list[tuple[int, int]], list[str]] | None = None
    # the text as written, and with the brackets after items blanked out (offsets kept): a list
    # inside brackets is read from the first, "A (205 km), B (391 km) and C" from the second
    asides = _ASIDE_RE.sub(lambda m: " " * len(m.group()), text)
    for variant in dict.fromkeys((text, asides)):
        for lst in _lists(variant, targets):
            spans = [
                s for s in _items(variant, lst, targets) if re.search(r"\w", variant[s[0] : s[1]])
            ]
            if len(spans) < 2:
                continue
            if countries:
                spans = spans + _onward(variant, lst, spans[-1])
            found = [_clean(variant[a:b]) for a, b in spans]
            if len(found) > 2 and _ETC_RE.match(found[-1]):
                found, spans = found[:-1], spans[:-1]  # "A, B, C and others": not an item
            if countries:
                found = _as_countries(found)
            score = _agreement(found, targets) if targets else (0, len(found))
            if best is None or score > best[0]:
                best = (score, spans, found)
    if countries and ";" in text:
        # "Ministers from Uzbekistan, J. M.; Kyrgyzstan, T. I.; and Kazakhstan, A. S.": items
        # that hold commas are separated by semicolons
        for sentence in re.split(r"[.!?](?:\s|$)", text):
            chunks = [c for c in re.split(r"\s*;\s*(?:and\s+|и\s+)?", sentence) if c.strip()]
            named = [countries_in(c) for c in chunks]
            if len(chunks) >= 2 and all(len(n) == 1 for n in named):
                found = [n[0] for n in named]
                score = _agreement(found, targets)
                if best is None or score > best[0]:
                    start = text.index(sentence)
                    best = (score, [(start, start + len(sentence))], found)
    if countries and has_cjk(text):
        # Chinese writes a list of states as one run ("中华人民共和国同哈萨克斯坦共和国、吉尔吉斯
        # 共和国、..."): the countries it names, in order, are the list
        named = countries_in(text)
        score = _agreement(named, targets)
        if len(named) >= 2 and (best is None or score > best[0]):
            best = (score, [(0, len(text))], named)
    if best is None:
        return None
    _score, spans, found = best

    start, end = spans[0][0], spans[-1][1]
    reading = set_reading(found, text=text[start:end])

    return replace(reading, span=(start, end))


def _onward(text: str, lst: _List, last: tuple[int, int]) -> list[tuple[int, int]]:
    """A country the route runs on to after the last item, without a comma ("across Uzbekistan
    and Kazakhstan into China's western Xinjiang region"): its span, or nothing."""

    end = lst.parts[-1].end
    m = re.match(
        r"\s+(?:and\s+)?(?:on\s+|finally\s+)?(?:into|to|through|via)\s+", text[last[1] : end]
    )
    if m is None:
        return []
    start = last[1] + m.end()
    words = [w for w in _WORD_RE.finditer(text, start, end)][:2]
    for w in words:
        if country_in(w.group()):
            return [(w.start(), w.end())]
    return []


def _as_countries(found: list[str]) -> list[str]:
    """Each item that names exactly one country, read as that country (duplicates dropped);
    an item that only names a sea or a region ("the Caspian Sea", "Europe") is no country of
    the list (`regions` in places.yaml)."""

    # a list of countries starts at its first country: what comes before it ("June 15, 2001 by
    # China, ...", "the Shanghai Five, formed in 1996 between China, ...") is the sentence's run-up
    first = next((i for i, item in enumerate(found) if countries_in(item)), 0)
    return list(
        dict.fromkeys(country_in(item) or item for item in found[first:] if not is_region(item))
    )


def _clean(item: str) -> str:
    return " ".join(item.strip(" \t\n\"'“”‘’,.").split())
