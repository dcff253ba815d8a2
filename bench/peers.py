"""Peer benchmark: our value reader and quantulum3 on the peer extractors' own test cases.

Usage (from the repo root):  python -m bench.peers [--suites DIR] [--json FILE] [--no-quantulum]
                                                   [--failures N]

The suites are JSON Lines files (see ../shared/peer-suites/README.md); every file is one suite,
the `*.python-notsupported.jsonl` files included. Both readers go through the same adapter shape
(`Found`: number, interval bounds, ISO currency, kind) and are scored by the same function:

* a labelled case passes when every expected value appears among the readings: the reading's
  number in its written unit within 0.5 % of the expected `value` (for ranges and qualifiers the
  expected `interval` bounds may match the reading's interval bounds instead: an open side must
  be open, or 0 for a lower bound), with the expected ISO currency where the case names one;
  extra readings are not penalized in labelled cases;
* a negative case (`expected: []`) passes when no value is read (dates aside, but see Years);
* Recognizers-Text suites come from one model per kind (numbers, currency, dimensions,
  temperature, percent): only the values of that kind count there (see SUITE_KINDS; the number
  models also count the number of a money amount, as their own cases do). Each
  reader's own kind decides: our "kelvin" and "temperature:degree" readings and quantulum3's
  temperature entity are temperatures, quantulum3's currency entity or code is money, and so on;
* not scored (they only must not crash): unlabelled cases (`expected: null`), bare unit mentions
  (value null, no interval), and cases whose input has no digit at all while every expected
  amount is written in digits (price-parser's currency-only rows such as "CND" -> 1 or
  "Free!" -> 0: the amount is not in the text, so no reader can find it);
* a crash fails the case, whatever its kind.

Years. quantulum3 reports a year as a plain number ("1979" in "in 1979", "1960" in "the
1960s"); our reader reads it as a date. So that neither reader is scored on a naming choice, the
adapter `ours()` reports a date written as a bare year or decade, alone or inside a date phrase
("in 1979", "by the end of the 1960s", "since 2013"; not "May 2023", "2012-13" or "Q1 2024") as
the count it writes, as quantulum3 does. The rule holds in every case, negative ones included:
a bare year in a negative case now fails us exactly as it fails quantulum3. Other dates
("15.08.2017", "June 16") are never counted as values, for either reader (quantulum3 has no
date kind, so a year inside such a date still counts for it).

Known ways the scoring differs from each source's own semantics, the same for both readers:
price-parser wants the first price of "£6.95 - £9.95" while both readers report a range whose
number is not the first price (ours: the upper bound; quantulum3: the midpoint), so those fail;
quantulum3 reports "a dozen" as 1 dozen, which we read as 12 (Recognizers-Text expects 12: the
suites contradict each other); the price-parser `decimal_separator` hint is given to neither
reader.

price-parser receives a separate currency hint string with some inputs; both readers get the
same help: the hint is read on its own and its currency stands for a figure that has none.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SUITES = REPO.parent / "shared" / "peer-suites"
TOLERANCE = 0.005


@dataclass
class Found:
    """One value a reader reported, in the shape the scoring needs."""

    number: float | None
    low: float | None
    high: float | None
    iso: str | None
    kind: str = ""  # money | count | quantity | temperature | percent


# --------------------------------------------------------------------------- readers
def ours(text: str, hint: str | None) -> list[Found]:
    """Our reader: every non-date reading."""
    from cca_claims.quantities import read_values

    out = []
    hint_iso = _our_hint(hint)
    for r in read_values(text):
        if r.kind == "date":
            year = _bare_year(r)
            if year is not None:  # "in 1979", "the 1960s": reported as the number written
                out.append(Found(year, year, year, None, "count"))
            continue
        iv = r.native if r.native is not None else r.interval
        iso = r.written_unit if r.kind == "money" and len(r.written_unit) == 3 else None
        if r.kind != "money" and hint_iso and r.unit == "count":
            iso = hint_iso
        temperature = r.unit == "kelvin" or r.unit.startswith("temperature:")
        kind = "temperature" if temperature else r.kind
        out.append(Found(r.number, iv.low if iv else None, iv.high if iv else None, iso, kind))
    return out


# A date written as a bare year or decade, possibly inside a phrase: "1979", "the 1960s",
# "by the end of the 1960s", "since 2013" (one digit run, four digits; not "May 2023").
_DIGIT_RUNS = re.compile(r"\d+")


def _bare_year(reading) -> float | None:
    runs = _DIGIT_RUNS.findall(reading.text)
    if len(runs) != 1 or len(runs[0]) != 4 or reading.granularity in ("day", "month"):
        return None
    return float(runs[0])


def _our_hint(hint: str | None) -> str | None:
    if not hint:
        return None
    from cca_claims.quantities import read_values

    for r in read_values(f"1 {hint}") + read_values(f"{hint} 1"):
        if r.kind == "money" and len(r.written_unit) == 3:
            return r.written_unit
    return None


def quantulum(text: str, hint: str | None) -> list[Found]:
    """quantulum3's parser, its results in the same shape."""
    from quantulum3 import parser

    out = []
    hint_iso = _quantulum_hint(hint)
    for q in parser.parse(text):
        iso = getattr(q.unit, "currency_code", None)
        if not iso and hint_iso and q.unit.name == "dimensionless":
            iso = hint_iso
        unc = q.uncertainty or 0.0
        v = float(q.value)
        entity = getattr(getattr(q.unit, "entity", None), "name", "")
        if iso or entity == "currency":
            kind = "money"
        elif q.unit.name == "dimensionless":
            kind = "count"
        elif entity == "temperature":
            kind = "temperature"
        elif "percent" in q.unit.name:
            kind = "percent"
        else:
            kind = "quantity"
        out.append(Found(v, v - unc, v + unc, iso, kind))
    return out


def _quantulum_hint(hint: str | None) -> str | None:
    if not hint:
        return None
    from quantulum3 import parser

    for text in (f"1 {hint}", f"{hint} 1"):
        for q in parser.parse(text):
            code = getattr(q.unit, "currency_code", None)
            if code:
                return code
    return None


# --------------------------------------------------------------------------- scoring
def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=1e-9)


def _matches(item: dict, found: Found) -> bool:
    iso = item.get("iso_currency")
    if iso and found.iso != iso:
        return False
    value = item.get("value")
    if value is not None and _close(float(value), found.number):
        return True
    iv = item.get("interval")
    if iv:
        low = iv.get("low")
        high = iv.get("high")
        low_ok = _close(low, found.low) if low is not None else found.low in (None, 0, -math.inf)
        high_ok = _close(high, found.high) if high is not None else found.high in (None, math.inf)
        return low_ok and high_ok
    return False


# Recognizers-Text runs one model per kind of value. Its number models find the number of a money
# amount too ("$20" -> 20, "I want to earn $10000 in 3 years" -> 10000 and 3, "US$ 1MM" -> 1MM)
# but not a number glued to a unit ("the 180ml liquid", " 29km Road " are negative cases), so
# they see counts and money. Each reader's values are filtered to the kinds the suite's model
# covers (the same filter for both readers); other suites see every value.
SUITE_KINDS = {
    "NumberModel": {"count", "money"},
    "NumberRangeModel": {"count", "money"},
    "CurrencyModel": {"money"},
    "DimensionModel": {"quantity"},
    "TemperatureModel": {"temperature"},
    "PercentModel": {"percent"},
}


def suite_kinds(case: dict) -> set[str] | None:
    suite = case.get("suite", "")
    for model, kinds in SUITE_KINDS.items():
        if suite.endswith("/" + model):
            return kinds
    return None


def _digit_text(item: dict) -> bool:
    t = item.get("text")
    return isinstance(t, str) and t != "" and all(c.isdigit() or c in ".," for c in t)


def score_case(case: dict, reader) -> tuple[bool | None, str]:
    """(passed, detail): passed is None for cases that only must not crash."""
    expected = case.get("expected")
    try:
        found = reader(case.get("input") or "", case.get("currency_hint"))
    except Exception as exc:  # a crash fails every kind of case
        return False, f"crash: {type(exc).__name__}: {exc}"
    kinds = suite_kinds(case)
    if kinds is not None:
        found = [f for f in found if f.kind in kinds]
    if expected is None:
        return None, "no labels"
    if expected == []:
        return (not found), f"read {len(found)} value(s)"
    scored = [e for e in expected if e.get("value") is not None or e.get("interval")]
    if not scored:
        return None, "unit mentions only"
    text = case.get("input") or ""
    if not any(c.isdigit() for c in text) and all(_digit_text(e) for e in scored):
        # price-parser's currency-only rows ("CND" -> 1, "Free!" -> 0): the amount is not
        # written in the input, so no reader can find it
        return None, "value not written in the input"
    missing = [e for e in scored if not any(_matches(e, f) for f in found)]
    return (not missing), "missing " + ", ".join(repr(e.get("text")) for e in missing)


def run_suite(path: Path, readers: dict) -> dict:
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    result: dict = {"file": path.name, "cases": len(cases), "readers": {}}
    for name, reader in readers.items():
        passed = scored = crashed = 0
        failures = []
        t0 = time.perf_counter()
        for case in cases:
            ok, detail = score_case(case, reader)
            if detail.startswith("crash"):
                crashed += 1
            if ok is None:
                continue
            scored += 1
            if ok:
                passed += 1
            else:
                failures.append({"id": case.get("id"), "input": case.get("input"), "why": detail})
        result["readers"][name] = {
            "scored": scored,
            "passed": passed,
            "crashed": crashed,
            "rate": passed / scored if scored else None,
            "seconds": round(time.perf_counter() - t0, 3),
            "failures": failures,
        }
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--suites", type=Path, default=DEFAULT_SUITES)
    ap.add_argument("--json", type=Path, default=None, help="write the full results here")
    ap.add_argument("--no-quantulum", action="store_true")
    ap.add_argument("--failures", type=int, default=0, help="print N failures per suite (ours)")
    args = ap.parse_args(argv)
    files = sorted(args.suites.glob("*.jsonl"))
    if not files:
        print(f"no *.jsonl suites under {args.suites}", file=sys.stderr)
        return 2
    readers = {"cca_claims": ours}
    if not args.no_quantulum:
        try:
            import quantulum3  # noqa: F401

            readers["quantulum3"] = quantulum
        except ImportError:
            print("quantulum3 not installed: skipped")
    results = [run_suite(f, readers) for f in files]
    names = list(readers)
    header = f"{'suite':58} {'cases':>5} " + " ".join(f"{n:>12}" for n in names)
    print(header)
    print("-" * len(header))
    totals = {n: [0, 0] for n in names}
    means = {n: [] for n in names}
    for res in results:
        cells = []
        for n in names:
            r = res["readers"][n]
            totals[n][0] += r["passed"]
            totals[n][1] += r["scored"]
            if r["rate"] is not None:
                means[n].append(r["rate"])
                cells.append(f"{100 * r['rate']:11.1f}%")
            else:
                cells.append(f"{'n/a':>12}")
        print(f"{res['file']:58} {res['cases']:5d} " + " ".join(cells))
        if args.failures:
            for fail in res["readers"]["cca_claims"]["failures"][: args.failures]:
                print(f"    FAIL {fail['id']}: {fail['input']!r} ({fail['why']})")
    print("-" * len(header))
    overall = {}
    for n in names:
        p, s = totals[n]
        overall[n] = {
            "passed": p,
            "scored": s,
            "pooled_rate": p / s if s else None,
            "mean_suite_rate": sum(means[n]) / len(means[n]) if means[n] else None,
        }
    print(
        f"{'overall (pooled cases)':58} {'':5} "
        + " ".join(f"{100 * (overall[n]['pooled_rate'] or 0):11.1f}%" for n in names)
    )
    print(
        f"{'overall (mean of suites)':58} {'':5} "
        + " ".join(f"{100 * (overall[n]['mean_suite_rate'] or 0):11.1f}%" for n in names)
    )
    if args.json:
        args.json.write_text(
            json.dumps({"suites": results, "overall": overall}, indent=1), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
