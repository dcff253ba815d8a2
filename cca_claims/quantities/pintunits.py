"""pint's part of the unit tables: conversions to base SI units and scientific unit symbols.

pint is imported only when a question has no answer in `unitmemo` (kept between runs), through
one lazily created `UnitRegistry` loaded with `cca_claims/data/units.txt`. pint's own disk cache
(`cache_folder`) is never used: it keeps pickles, and loading one runs whatever it holds.
"""

from __future__ import annotations

import functools
import math

import cca_claims.quantities.unitmemo as unitmemo
from cca_claims.quantities.unitmemo import UNITS_FILE


@functools.lru_cache(maxsize=1)
def registry():
    """The one shared pint UnitRegistry, with cca_claims/data/units.txt loaded (created lazily).

    Most runs never call this: pint's answers are kept in `unitmemo` between runs."""
    import pint

    ureg = pint.UnitRegistry(cache_folder=None, on_redefinition="ignore")
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
