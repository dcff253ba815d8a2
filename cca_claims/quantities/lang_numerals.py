"""Chinese numerals and powers of ten, written as the English figures the value reader reads.

* `chinese_number("一千零六十三")` -> Decimal 1063; "三亿五千万" -> 350000000; "十五" -> 15;
  "二〇二五" (digit by digit) -> 2025; "十二点五" -> 12.5. None for what is not one numeral
  ("十五五", the 15th Five-Year Plan's "十五五" is two).
* `english_figure(Decimal("6741.5"), 8)` -> "674.15 billion": a figure times 10^power written
  with the largest of thousand, million, billion, trillion that keeps it at least 1, and with
  the written precision of the original (half a unit of its last significant digit): "1000亿"
  is "100 billion" (±5 billion), not "100.0 billion".

The tables (digits, 十 百 千, 万 亿, the decimal mark) are the lexicon's (`data/lexicon_zh.yaml`).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

_ENGLISH_POWERS = ((12, "trillion"), (9, "billion"), (6, "million"), (3, "thousand"))


def chinese_number(text: str, lexicon: dict) -> Decimal | None:
    """The value of a Chinese numeral (see the module doc), or None."""
    digits: dict[str, int] = lexicon.get("numerals") or {}
    units: dict[str, int] = lexicon.get("numeral_units") or {}
    big: dict[str, int] = lexicon.get("numeral_big") or {}
    point: str = lexicon.get("point") or "点"
    if not text:
        return None
    whole, _, frac = text.partition(point)
    if frac and not all(ch in digits for ch in frac):
        return None
    if all(ch in digits for ch in whole):
        if len(whole) == 1 or len(whole) >= 2 and whole[0] not in ("零", "〇"):
            value = "".join(str(digits[ch]) for ch in whole)  # "二〇二五": digit by digit
        else:
            return None
        if len(whole) > 1 and len(whole) != 4:
            return None  # "一二" is not a number; a year is four digits
    else:
        parsed = _positional(whole, digits, units, big)
        if parsed is None:
            return None
        value = str(parsed)
    if frac:
        value += "." + "".join(str(digits[ch]) for ch in frac)
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def _positional(text: str, digits: dict, units: dict, big: dict) -> int | None:
    """A numeral with 十 百 千 and 万 亿: "一千零六十三", "三亿五千万", "十五"."""
    total = section = 0
    number: int | None = None
    last_unit = 10**13
    last_big = 10**17
    for ch in text:
        if ch in digits:
            if number is not None and digits[ch] != 0:
                return None  # two digits in a row: "十五五"
            number = digits[ch] if digits[ch] else None
            if digits[ch] == 0:
                last_unit = 10**13  # "一千零六": the zero only marks a gap
        elif ch in units:
            unit = units[ch]
            if unit >= last_unit:
                return None  # "十百": not a numeral
            section += (1 if number is None else number) * unit
            number, last_unit = None, unit
        elif ch in big:
            power = big[ch]
            if power >= last_big and section == 0 and number is None and total:
                total *= power  # "万亿": ten thousand hundred-millions
                continue
            if power >= last_big:
                return None
            total += (section + (number or 0)) * power
            section, number, last_unit, last_big = 0, None, 10**13, power
        else:
            return None
    return total + section + (number or 0)


def english_figure(value: Decimal, power: int, integer_written: bool) -> str:
    """`value` × 10^power as digits and an English magnitude word, precision kept.

    `integer_written`: the figure was written without decimals, so its trailing zeros are not
    significant ("1000亿": known to the nearest 100亿).
    """
    if integer_written:
        value = value.normalize()  # 1000 -> 1E+3: the trailing zeros say nothing
    total_exponent = value.adjusted() + power
    for exp, word in _ENGLISH_POWERS:
        if total_exponent >= exp:
            shifted = value.scaleb(power - exp)
            return f"{_plain(shifted)} {word}"
    return _plain(value.scaleb(power))


def _plain(value: Decimal) -> str:
    """A Decimal in positional notation: 6.7415E+2 -> "674.15", 1.5E+2 -> "150"."""
    text = f"{value:f}"
    return text
