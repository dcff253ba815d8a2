"""The form two spellings of one name share: case, punctuation, hyphens, "&"/"and",
British/American spelling, diacritics and articles removed or unified.

A leaf module: `labels` compares names and sets with it, and `places` keys its country names
with it, without either importing the other.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# British spellings that no general rule below catches -> American.
_SPELLING = {
    "programme": "program",
    "programmes": "programs",
    "defence": "defense",
    "licence": "license",
    "offence": "offense",
    "aluminium": "aluminum",
    "grey": "gray",
    "tyre": "tire",
    "tyres": "tires",
    "practise": "practice",
    "enrol": "enroll",
    "fulfil": "fulfill",
    "judgement": "judgment",
    "ageing": "aging",
    "manoeuvre": "maneuver",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "towards": "toward",
    "whilst": "while",
    "amongst": "among",
}
# Stems whose British "-our" is American "-or" (a general our->or rule would turn "four" into
# "for" and "tour" into "tor").
_OUR_STEMS = (
    "neighb|col|fav|hon|lab|behavi|harb|vig|rum|hum|endeav|sav|arm|vap|od|flav|glam|parl|rig|"
    "splend|tum|val|cand|clam|ferv|ranc"
)
_OUR_RE = re.compile(rf"({_OUR_STEMS})our")  # anywhere: "goodneighbourliness"
_RE_END = re.compile(r"^(\w{2,}[^aeiou\W])(t|b)re(s|d)?$")  # centre, fibre, metres
_ISE_RE = re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$")  # organise, -isation
_YSE_RE = re.compile(r"^(\w+)ys(e|es|ed|ing)$")  # analyse
_OGUE_RE = re.compile(r"^(\w+)ogue(s)?$")  # dialogue, catalogue
_LL_RE = re.compile(
    r"^(travel|model|label|cancel|fuel|signal|channel|level|total|counsel|equal|marshal|tunnel"
    r"|jewel)l(ed|ing|er|ers)$"
)


@functools.lru_cache(maxsize=8192)
def _american(word: str) -> str:
    if word in _SPELLING:
        return _SPELLING[word]
    word = _OUR_RE.sub(r"\1or", word)
    word = _RE_END.sub(lambda m: f"{m[1]}{m[2]}er{m[3] or ''}", word)
    word = _ISE_RE.sub(r"\1iz\2", word)
    word = _YSE_RE.sub(r"\1yz\2", word)
    word = _OGUE_RE.sub(r"\1og\2", word)
    return _LL_RE.sub(r"\1\2", word)


def _tokens(text: str) -> list[str]:
    """Normalized words, articles kept (callers drop what they do not need)."""
    return list(_tokens_cached(str(text)))


@functools.lru_cache(maxsize=4096)
def _tokens_cached(text: str) -> tuple[str, ...]:
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = s.replace("&", " and ")
    s = re.sub(r"['’‘`´]", "", s)  # Xi'an -> xian, People's -> peoples
    s = re.sub(r"[^\w]+|_", " ", s)
    return tuple(_american(w) for w in s.split())


def normalize_label(text: str) -> str:
    """The form two spellings of one name share: case, punctuation, hyphens, "&"/"and",
    British/American spelling, diacritics and articles removed or unified."""
    return " ".join(w for w in _tokens(text) if w not in ("the", "a", "an"))
