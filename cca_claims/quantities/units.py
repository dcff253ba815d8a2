"""Units: the words that name them and counted nouns (pint's part is in `pintunits`).

The lexical work is done with small tables here (no pint import): `match_unit` finds a unit
written after a figure ("km", "cubic meters", "°C", "km/h"), `count_noun` normalizes a counted
noun ("centres", "centers" -> "centre"). Conversions to base units (`to_base`, `base_of`) and
scientific symbols are `pintunits`' (re-exported here): pint is imported only for a question
`unitmemo` has no answer for, so most runs never import it.
"""

from __future__ import annotations

import functools
from pathlib import Path

# pint's part (conversions, scientific symbols) lives in pintunits; its names stay importable here
from cca_claims.quantities.pintunits import (  # noqa: F401 - re-exported for callers
    UnknownUnit,
    base_of,
    looks_scientific,
    registry,
    scientific_unit,
    to_base,
)

UNITS_FILE = Path(__file__).resolve().parent.parent / "data" / "units.txt"


def _plural(word: str) -> list[str]:
    if word.endswith("y") and not word.endswith("ey"):
        return [word, word[:-1] + "ies"]
    if word.endswith(("s", "x", "ch", "sh")):
        return [word, word + "es"]
    return [word, word + "s"]


def _spellings(*names: str) -> list[str]:
    out: list[str] = []
    for name in names:
        out += _plural(name)
        if "meter" in name:
            out += _plural(name.replace("meter", "metre"))
        if "liter" in name:
            out += _plural(name.replace("liter", "litre"))
        if "gram" in name:
            out += _plural(name.replace("gram", "gramme"))
    return out


# surface form (lowercase; tokens joined by " " when spaced, "" when glued) -> pint expression
_UNIT_GROUPS: list[tuple[str, list[str]]] = [
    ("meter", ["m", "meter"]),
    ("kilometer", ["km", "kms", "kilometer", "klick"]),
    ("centimeter", ["cm", "centimeter"]),
    ("millimeter", ["mm", "millimeter"]),
    ("decimeter", ["dm", "decimeter"]),
    ("micrometer", ["µm", "μm", "micrometer", "micron"]),
    ("nanometer", ["nm", "nanometer"]),
    ("picometer", ["picometer", "pm"]),
    ("attometer", ["attometer", "am"]),
    ("mile", ["mi", "mile"]),
    ("nautical_mile", ["nautical mile", "nmi"]),
    ("foot", ["ft", "foot", "feet"]),
    ("yard", ["yd", "yds", "yard"]),
    ("inch", ["inch", "inches"]),
    ("light_year", ["light year", "light-year", "lightyear"]),
    ("kilometer ** 2", ["km2", "km²", "sq km", "sq. km", "square kilometer"]),
    ("meter ** 2", ["m2", "m²", "sq m", "square meter", "sqm"]),
    ("mile ** 2", ["sq mi", "square mile"]),
    ("foot ** 2", ["sq ft", "square foot", "square feet"]),
    ("hectare", ["ha", "hectare"]),
    ("acre", ["acre"]),
    ("meter ** 3", ["m3", "m³", "cubic meter", "cu m"]),
    ("kilometer ** 3", ["km3", "km³", "cubic kilometer"]),
    ("centimeter ** 3", ["cm3", "cm³", "cc", "cubic centimeter"]),
    ("foot ** 3", ["cubic foot", "cubic feet", "cu ft"]),
    ("bcm", ["bcm", "billion cubic meter"]),
    ("tcm", ["tcm", "trillion cubic meter"]),
    ("liter", ["l", "liter", "ltr"]),
    ("milliliter", ["ml", "milliliter"]),
    ("gallon", ["gal", "gallon"]),
    ("oil_barrel", ["bbl", "barrel"]),
    ("cup", ["cup"]),
    ("tablespoon", ["tbsp", "tablespoon"]),
    ("teaspoon", ["tsp", "teaspoon"]),
    ("tonne", ["t", "tonne", "metric ton", "ton", "tn."]),
    ("megatonne", ["mt", "million tonne", "megatonne"]),
    ("kilogram", ["kg", "kgs", "kilogram", "kilo"]),
    ("gram", ["g", "gm", "gram"]),
    ("milligram", ["mg", "milligram"]),
    ("microgram", ["µg", "μg", "mcg", "microgram"]),
    ("pound", ["lb", "lbs", "pound", "pounds"]),  # money only with "£", a magnitude, "sterling"
    ("ounce", ["oz", "ounce"]),
    ("dram", ["dram"]),
    ("second", ["sec", "secs", "second"]),
    ("millisecond", ["ms", "millisecond"]),
    ("minute", ["min", "mins", "minute"]),
    ("hour", ["h", "hr", "hrs", "hour"]),
    ("day", ["day"]),
    ("week", ["wk", "wks", "week"]),
    ("month", ["month"]),
    ("year", ["yr", "yrs", "year"]),
    ("decade_of_years", ["decade"]),
    ("century", ["century", "centuries"]),
    ("millennium", ["millennium", "millennia"]),
    ("kilometer / hour", ["km/h", "kmh", "kph", "km/hr", "kilometers per hour", "kmph"]),
    ("mile / hour", ["mph", "miles per hour", "mi/h"]),
    ("meter / second", ["m/s", "meters per second"]),
    ("knot", ["knot", "kn"]),
    ("degree_Celsius", ["°c", "° c", "ºc", "deg c", "degc", "celsius", "centigrade", "℃"]),
    ("degree_Celsius", ["degree celsius", "degrees celsius", "deg celsius", "degrees c"]),
    ("degree_Celsius", ["degree c", "degrees centigrade", "degree centigrade"]),
    # "° Celsius" written apart, and the two common misspellings of the scale names
    ("degree_Celsius", ["° celsius", "º celsius", "celcius", "degrees celcius", "degree celcius"]),
    ("degree_Fahrenheit", ["° fahrenheit", "º fahrenheit", "farenheit", "degrees farenheit"]),
    ("degree_Fahrenheit", ["degree farenheit"]),
    ("degree_Fahrenheit", ["°f", "° f", "ºf", "deg f", "degf", "fahrenheit", "℉"]),
    ("degree_Fahrenheit", ["degree fahrenheit", "degrees fahrenheit", "deg fahrenheit"]),
    ("degree_Fahrenheit", ["degrees f", "degree f"]),
    ("kelvin", ["kelvin"]),
    ("degree", ["°", "º", "degree", "deg"]),
    ("radian", ["rad", "radian"]),
    ("turn", ["turn"]),
    ("arcminute", ["arcminute", "minute of arc"]),
    ("arcsecond", ["arcsecond", "second of arc"]),
    ("watt", ["w", "watt"]),
    ("kilowatt", ["kw", "kilowatt"]),
    ("megawatt", ["mw", "megawatt"]),
    ("gigawatt", ["gw", "gigawatt"]),
    ("kilowatt_hour", ["kwh", "kilowatt hour", "kilowatt-hour"]),
    ("megawatt_hour", ["mwh", "megawatt hour"]),
    ("gigawatt_hour", ["gwh", "gigawatt hour"]),
    ("terawatt_hour", ["twh", "terawatt hour"]),
    ("joule", ["j", "joule"]),
    ("electron_volt", ["ev", "electronvolt", "electron volt"]),
    ("british_thermal_unit", ["btu", "british thermal unit"]),
    ("toe", ["toe", "tonne of oil equivalent"]),
    ("bit", ["bit"]),
    ("byte", ["byte"]),
    ("kilobyte", ["kb", "kilobyte"]),
    ("megabyte", ["mb", "megabyte"]),
    ("gigabyte", ["gb", "gigabyte"]),
    ("terabyte", ["tb", "terabyte"]),
    ("megabit", ["mbit", "megabit"]),
    ("kibibyte", ["kib", "kibibyte"]),
    ("exabyte", ["eb", "exabyte"]),
    ("kilobit / second", ["kbps", "kb/s", "kbit/s"]),
    ("megabit / second", ["mbps", "mb/s", "mbit/s"]),
    ("gigabit / second", ["gbps", "gb/s", "gbit/s"]),
    ("TEU", ["teu", "teus"]),
]
# Case matters for these spellings: "K" is kelvin, "k" a thousand; "Mb" is a megabit.
CASED_UNITS = {
    "K": "kelvin",
    "Mb": "megabit",
    "MB": "megabyte",
    "GB": "gigabyte",
    "kB": "kilobyte",
    "kN": "kilonewton",  # not "kn" (knot)
    "MN": "meganewton",
    # "highs of 40C": a capital C or F glued to a figure, in a sentence about temperature, is
    # one (never when spaced, "grade 5 C", nor elsewhere, "the 13F filing"; see GLUED_ONLY)
    "C": "degree_Celsius",
    "F": "degree_Fahrenheit",
}
# Cased spellings that are units only glued to their figure.
GLUED_ONLY = frozenset({"C", "F"})
# Symbols that are units only in lower case: "5 g" is five grams, but "5G" is a network
# generation and "10 G" a g-force or a grade; "M" and "T" are magnitudes or sizes more often
# than metres or tonnes, and "MM" is a million in finance. ("KM", "KG" stay units.)
LOWERCASE_ONLY_SYMBOLS = frozenset({"g", "m", "t", "h", "s", "mm"})
# One-letter or ambiguous spellings that are units only right after a figure.
SHORT_ONLY_GLUED_OR_SPACED = {"m", "t", "g", "h", "l", "w", "j", "kn", "mt", "pm", "am"}
# Words near a bare "degrees" or "°" that make it a temperature, not an angle.
TEMPERATURE_CUES = (
    "temperature",
    "thermostat",
    "weather",
    "celsius",
    "fahrenheit",
    "heatwave",
    "heat wave",
    "fever",
    "boil",
    "freez",
    "frost",
    "warm",
    "cold",
    "hot ",
    "cool",
    "degrees of heat",
    "highs of",
    "lows of",
    "swelter",
)

UNIT_SURFACES: dict[str, str] = {}
for _expr, _names in _UNIT_GROUPS:
    for _name in _names:
        forms = [_name] if len(_name) < 3 or not _name.isalpha() else _spellings(_name)
        if " " in _name and _name.split()[-1].isalpha():
            head, last = _name.rsplit(" ", 1)
            forms = [f"{head} {w}" for w in _spellings(last)]
            if "meter" in head:
                forms += [f"{head.replace('meter', 'metre')} {w}" for w in _spellings(last)]
        for form in forms:
            UNIT_SURFACES.setdefault(form, _expr)
MAX_UNIT_WORDS = 4


# --------------------------------------------------------------------------- counted nouns
@functools.lru_cache(maxsize=1)
def counted_nouns() -> dict[str, str]:
    """Alias -> canonical counted noun, read from the "counted nouns" section of units.txt."""
    out: dict[str, str] = {}
    try:
        lines = UNITS_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return out
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line or "=" not in line:
            continue
        fields = [f.strip() for f in line.split("=")]
        if len(fields) < 2 or not (fields[1].startswith("[") and fields[1].endswith("]")):
            continue
        name = fields[0]
        out[name.lower()] = name
        for alias in fields[3:]:
            out[alias.lower()] = name
    return out


_IRREGULAR = {
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "personnel": "personnel",
    "staff": "staff",
    "police": "police",
    "aircraft": "aircraft",
    "sheep": "sheep",
    "cattle": "cattle",
    "fish": "fish",
    "media": "medium",
    "criteria": "criterion",
    "memoranda": "memorandum",
}
# Words ending in "s" that are not plural nouns.
_NOT_PLURAL = {
    "was",
    "has",
    "is",
    "its",
    "this",
    "thus",
    "always",
    "plus",
    "across",
    "perhaps",
    "besides",
    "towards",
    "afterwards",
    "as",
    "us",
    "yes",
    "whereas",
    "sometimes",
    "less",
    "unless",
    "news",
    "series",
    "species",
    "means",
    "does",
    "goes",
    "his",
    "hers",
    "ours",
    "yours",
    "theirs",
    "various",
    "previous",
    "numerous",
    "famous",
    "serious",
    "gas",
    "bus",
    "status",
    "campus",
    "bonus",
    "census",
    "focus",
    "basis",
    "analysis",
    "crisis",
    "emphasis",
    "christmas",
    "overseas",
    "nevertheless",
    "regardless",
    "business",
    "progress",
    "access",
    "process",
    "success",
    "address",
    "congress",
    "express",
    "class",
    "mass",
    "glass",
    "grass",
}


def singular(word: str) -> str:
    """A plural English noun in the singular ("cities" -> "city", "centres" -> "centre")."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes", "zes")):
        return w[:-2]
    if w.endswith("ss") or w.endswith("us") or w.endswith("is"):
        return w
    if w.endswith("s") and len(w) > 2:
        return w[:-1]
    return w


def looks_plural(word: str) -> bool:
    """Whether a word is probably a plural noun."""
    w = word.lower()
    if w in _IRREGULAR:
        return True
    if len(w) < 3 or w in _NOT_PLURAL or not w.isalpha():
        return False
    return w.endswith("s") and not w.endswith(("ss", "us", "ous", "is", "'s"))


def count_noun(word: str) -> str:
    """The canonical counted noun for a word as written ("Centers" -> "centre")."""
    table = counted_nouns()
    w = word.lower()
    if w in table:
        return table[w]
    s = singular(w)
    return table.get(s, s)


def is_known_count_noun(word: str) -> bool:
    """Whether units.txt lists this word (any spelling, singular or plural) as a counted noun."""
    table = counted_nouns()
    w = word.lower()
    return w in table or singular(w) in table


def unit_at_word(word: str) -> bool:
    """Whether a single word names a unit ("years", "km")."""
    return word.lower() in UNIT_SURFACES
