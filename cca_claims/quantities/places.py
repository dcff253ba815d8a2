"""Countries named in list items: by name, other name, demonym or possessive.

Reporters list countries through their people and leaders as often as by name: "Kazakh, Kyrgyz
and Uzbek authorities", "President Sadyr Japarov of Kyrgyzstan", "Kazakhstan's Tokayev". The
table is `cca_claims/data/places.yaml` (its header documents it). `country_in(item)` is the one
country an item names (None for none or several); `is_country(item)` says whether an item is
nothing but a country's name or demonym, which is how a claim's items are known to be countries;
`canonical_words(text)` rewrites country words to the country's name, for comparing set items.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from cca_claims.quantities.spellings import normalize_label

_DATA = Path(__file__).resolve().parent.parent / "data"
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _norm(text: str) -> str:
    return normalize_label(text)


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], re.Pattern[str]]:
    """(normalized form -> country, one pattern for every form, longest first)."""

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((_DATA / "places.yaml").read_text(encoding="utf-8"), Loader=loader) or {}
    forms: dict[str, str] = {}
    for entry in data.get("countries", []):
        country = str(entry["country"])
        for word in [country, *(entry.get("names") or []), *(entry.get("demonyms") or [])]:
            form = _norm(str(word))
            if form:
                forms.setdefault(form, country)
    ordered = sorted(forms, key=len, reverse=True)
    spaced = "|".join(re.escape(f) for f in ordered if not _CJK_RE.search(f))
    unspaced = "|".join(re.escape(f) for f in ordered if _CJK_RE.search(f))
    # a plural ("Kazakhs") or a possessive ("Kazakhstan's" normalizes to "kazakhstans"); a
    # Chinese name stands inside a run of characters, without word boundaries
    pattern = re.compile(rf"\b({spaced})(?:s)?\b" + (f"|({unspaced})" if unspaced else ""))
    return forms, pattern


def countries_in(item: str) -> list[str]:
    """The distinct countries an item names, in the order they appear."""
    forms, pattern = _table()
    found: list[str] = []
    for m in pattern.finditer(_norm(item)):
        country = forms[m.group(1) or m.group(2)]
        if country not in found:
            found.append(country)
    return found


def country_in(item: str) -> str | None:
    """The one country an item names ("President Sadyr Japarov of Kyrgyzstan" -> Kyrgyzstan),
    None when it names none or several ("the China-Kyrgyzstan-Uzbekistan railway")."""
    found = countries_in(item)
    return found[0] if len(found) == 1 else None


def is_country(item: str) -> bool:
    """Whether an item is only a country's name, other name or demonym ("Kyrgyz Republic")."""
    forms, pattern = _table()
    return pattern.fullmatch(_norm(item)) is not None


def all_countries(items: list[str]) -> bool:
    """Whether a claim's items are countries: two or more, and all of them country names."""
    return len(items) >= 2 and all(is_country(i) for i in items)


def canonical_words(normalized: str) -> str:
    """A normalized text with every country word replaced by its country's normalized name."""
    forms, pattern = _table()
    return pattern.sub(lambda m: _norm(forms[m.group(1) or m.group(2)]), normalized)


def has_cjk(text: str) -> bool:
    """Whether a text holds Chinese characters (where lists have no spaces to cut on)."""
    return bool(_CJK_RE.search(text))


def near_country(item: str, score: float = 80.0) -> bool:
    """Whether an item that names no country is nearly a country's name (a typo: "Kyrgystan")."""

    forms, _pattern = _table()
    return (
        process.extractOne(_norm(item), list(forms), scorer=fuzz.ratio, score_cutoff=score)
        is not None
    )


@functools.lru_cache(maxsize=1)
def _regions() -> re.Pattern[str]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((_DATA / "places.yaml").read_text(encoding="utf-8"), Loader=loader) or {}
    forms = sorted({_norm(str(r)) for r in data.get("regions") or []} - {""}, key=len, reverse=True)
    body = "|".join(re.escape(f) for f in forms) or "(?!)"
    return re.compile(rf"(?:\w+ ){{0,4}}?(?:{body})")


def is_region(item: str) -> bool:
    """Whether an item names a sea or a region and no country ("then passes through the
    Caspian Sea", "Southeast Asia"): not a country in a list of countries."""
    if countries_in(item):
        return False
    return _regions().fullmatch(_norm(item)) is not None
