"""Units: the words that name them, counted nouns, and the one shared pint registry.

The lexical work is done with small tables here (no pint import): `match_unit` finds a unit
written after a figure ("km", "cubic meters", "°C", "km/h"), `count_noun` normalizes a counted
noun ("centres", "centers" -> "centre"). pint is imported only when a unit is converted to base
units (`to_base`), through one lazily created `UnitRegistry` loaded with
`cca_claims/data/units.txt` and cached on disk (pint's `cache_folder`); its answers are kept
between runs by `unitmemo`, so most runs never import pint.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

from cca_claims.quantities import unitmemo

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
}
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


# --------------------------------------------------------------------------- pint
@functools.lru_cache(maxsize=1)
def registry():
    """The one shared pint UnitRegistry, with cca_claims/data/units.txt loaded (created lazily).

    Most runs never call this: pint's answers are kept in `unitmemo` between runs."""
    import pint

    folder = unitmemo.cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ureg = pint.UnitRegistry(cache_folder=str(folder), on_redefinition="ignore")
    except Exception:  # an unwritable cache folder must not stop the reader
        ureg = pint.UnitRegistry(on_redefinition="ignore")
    ureg.load_definitions(str(UNITS_FILE))
    return ureg


class UnknownUnit(ValueError):
    """pint cannot place a unit expression."""


@functools.lru_cache(maxsize=512)
def _affine(expr: str) -> tuple[float, float, str, bool]:
    """(factor, shift, base unit, offset?) with base = value * factor + shift, memoized."""
    found, answer = unitmemo.recall("base", expr)
    if found:
        if isinstance(answer, str):
            raise UnknownUnit(answer)
        factor, shift, base, offset = answer
        return float(factor), float(shift), str(base), bool(offset)
    try:
        ureg = registry()
        one = ureg.Quantity(1.0, expr).to_base_units()
        if ureg.Quantity(1.0, expr)._is_multiplicative:
            result = (float(one.magnitude), 0.0, str(one.units), False)
        else:  # affine (°C, °F): measured from two points
            zero = ureg.Quantity(0.0, expr).to_base_units()
            step = float(one.magnitude) - float(zero.magnitude)
            result = (step, float(zero.magnitude), str(one.units), True)
    except Exception as exc:  # noqa: BLE001 - any pint failure means "not a unit we can place"
        unitmemo.remember("base", expr, f"{type(exc).__name__}: {exc}")
        raise UnknownUnit(str(exc)) from exc
    unitmemo.remember("base", expr, list(result))
    return result


def base_of(expr: str) -> tuple[float, str, bool]:
    """(factor to base units, base unit string, whether the unit has an offset) for `expr`.

    For an offset unit the factor is NaN: convert values with `to_base`, never by scaling."""
    factor, _shift, base, offset = _affine(expr)
    return (float("nan") if offset else factor, base, offset)


def to_base(value: float, expr: str) -> float:
    """`value` in `expr` expressed in base SI units (handles offset units such as °C)."""
    if math.isinf(value):
        return value
    factor, shift, _base, _offset = _affine(expr)
    return value * factor + shift


def unit_at_word(word: str) -> bool:
    """Whether a single word names a unit ("years", "km")."""
    return word.lower() in UNIT_SURFACES


# --------------------------------------------------------------------------- scientific units
# Unit names that are not ordinary English words, looked up in pint when the tables above lack
# them. Symbols are tried only when their case marks them as symbols ("kPa", "mSv", "GHz", "MeV",
# "dB"): a lowercase word after a figure is far more often a noun ("5 chains", "3 points"), which
# pint would also accept as a unit.
_SCIENTIFIC_WORDS = frozenset(
    """hertz pascal pascals newton newtons volt volts ampere amperes ohm ohms sievert sieverts
    becquerel becquerels lux lumen lumens candela farad farads coulomb coulombs decibel decibels
    kilopascal kilopascals megapascal megapascals kilovolt kilovolts millisievert millisieverts
    microsievert microsieverts gigahertz megahertz kilohertz terahertz electronvolts psi mol mmol
    kpa mpa hpa ghz mhz khz thz kev mev gev tev msv kv""".split()
)
_SCIENTIFIC_SYMBOLS_2 = frozenset({"Hz", "Pa", "Sv", "Gy", "Bq", "Wb", "Ci"})


def looks_scientific(word: str) -> bool:
    """Whether a word after a figure may be a scientific unit worth asking pint about."""
    if not 2 <= len(word) <= 14 or not word.replace("µ", "").replace("μ", "").isalpha():
        return False
    if word.lower() in _SCIENTIFIC_WORDS:
        return True
    if len(word) == 2 and word in _SCIENTIFIC_SYMBOLS_2:
        return True
    # a symbol with a prefix: "kPa", "mSv", "GHz", "MeV", "dB" (never an all-capitals acronym)
    return len(word) <= 5 and any(c.isupper() for c in word[1:]) and not word.isupper()


@functools.lru_cache(maxsize=256)
def scientific_unit(word: str) -> str | None:
    """The pint unit a scientific unit word names ("kPa" -> "kilopascal"), or None (memoized)."""
    if not looks_scientific(word):
        return None
    found, answer = unitmemo.recall("scientific", word)
    if found:
        return answer if isinstance(answer, str) else None
    answer = _ask_pint_scientific(word)
    unitmemo.remember("scientific", word, answer)
    return answer


def _ask_pint_scientific(word: str) -> str | None:
    try:
        ureg = registry()
        key = word.lower() if word.lower() in _SCIENTIFIC_WORDS and word.islower() else word
        try:
            units = ureg.parse_units(key)
        except Exception:
            units = ureg.parse_units(key.lower())
        if units.dimensionless:
            return None
        return str(units)
    except Exception:  # pint does not know it: not a unit
        return None
