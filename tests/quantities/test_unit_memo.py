"""The persistent memo of pint's answers: right answers, and no pint import once they are kept."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cca_claims.quantities import pintunits, unitmemo, units
from cca_claims.speed import sealed


def _kept(path: Path) -> dict:
    """What the memo file holds (its seal checked as the reader checks it)."""
    payload = sealed.unseal(f"unit memo|{path.name}", path.read_bytes())
    assert payload is not None
    return json.loads(bytes(payload))


def _fresh(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    """Point the memo at `cache` and forget what this process already knows."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    unitmemo._memo_path.cache_clear()
    unitmemo._loaded.cache_clear()
    pintunits._affine.cache_clear()
    pintunits.scientific_unit.cache_clear()


@pytest.fixture(autouse=True)
def _restore():
    yield
    unitmemo._memo_path.cache_clear()
    unitmemo._loaded.cache_clear()
    pintunits._affine.cache_clear()
    pintunits.scientific_unit.cache_clear()


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (3.0, "kilometer", 3000.0),
        (2.5, "bcm", 2.5e9),
        (20.0, "degree_Celsius", 293.15),
        (212.0, "degree_Fahrenheit", 373.15),
        (-40.0, "degree_Fahrenheit", 233.15),
    ],
)
def test_memoized_answers_equal_pints(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: float, unit: str, expected: float
) -> None:
    _fresh(monkeypatch, tmp_path)
    first = units.to_base(value, unit)  # asks pint, keeps the answer
    _fresh(monkeypatch, tmp_path)
    second = units.to_base(value, unit)  # from the memo file only
    assert math.isclose(first, expected, rel_tol=1e-9)
    assert math.isclose(second, expected, rel_tol=1e-9)
    ureg = units.registry()
    assert math.isclose(ureg.Quantity(value, unit).to_base_units().magnitude, second, rel_tol=1e-9)


def test_memo_file_is_keyed_by_pint_version_and_units_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fresh(monkeypatch, tmp_path)
    units.base_of("kilometer")
    (memo,) = (tmp_path / "cca-claims" / "units").glob("memo-*.json")
    assert "pint" in memo.name
    data = _kept(memo)
    assert data["base"]["kilometer"] == [1000.0, 0.0, "meter", False]


def test_unknown_unit_is_remembered_as_unknown(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fresh(monkeypatch, tmp_path)
    with pytest.raises(units.UnknownUnit):
        units.base_of("florbs_per_wug")
    _fresh(monkeypatch, tmp_path)
    with pytest.raises(units.UnknownUnit):
        units.base_of("florbs_per_wug")


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", ""])
def test_damaged_memo_is_ignored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: str
) -> None:
    _fresh(monkeypatch, tmp_path)
    path = unitmemo._memo_path()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_text(content)
    assert units.to_base(2.0, "kilometer") == 2000.0


def test_unwritable_cache_folder_still_converts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    _fresh(monkeypatch, blocker)  # the cache folder would be inside a plain file
    assert units.to_base(4.0, "kilometer") == 4000.0


def test_a_second_run_does_not_import_pint(tmp_path: Path) -> None:
    """The point of the memo: once the answers are kept, reading units never imports pint."""
    script = (
        "import sys\n"
        "from cca_claims.quantities import read_values\n"
        "r = read_values('The pipeline carries 55 bcm a year over 1,830 km at 20 kPa.')\n"
        "print(sorted(x.unit for x in r), 'pint' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    first = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    second = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    units_first, imported_first = first.stdout.rsplit(" ", 1)
    units_second, imported_second = second.stdout.rsplit(" ", 1)
    assert imported_first.strip() == "True"  # the first run had to ask pint
    assert imported_second.strip() == "False"
    assert units_first == units_second
    assert "meter" in units_second


def test_a_memo_not_sealed_by_this_user_is_not_believed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A memo file written by anyone else (here: plain JSON saying a kilometre is 5 metres) is
    ignored: the answer comes from pint, and the file is replaced by a sealed one."""
    _fresh(monkeypatch, tmp_path)
    path = unitmemo._memo_path()
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"base": {"kilometer": [5.0, 0.0, "meter", False]}}))
    assert units.to_base(2.0, "kilometer") == 2000.0
    assert _kept(path)["base"]["kilometer"][0] == 1000.0


def test_sealed_answers_of_the_wrong_shape_are_dropped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fresh(monkeypatch, tmp_path)
    path = unitmemo._memo_path()
    assert path is not None
    path.parent.mkdir(parents=True)
    odd = {"base": {"kilometer": [1000.0, 0.0, "meter"], "metre": {"x": 1}}, "scientific": [1]}
    payload = json.dumps(odd).encode()
    path.write_bytes(sealed.seal(f"unit memo|{path.name}", payload))
    assert unitmemo.recall("base", "kilometer") == (False, None)
    assert unitmemo.recall("base", "metre") == (False, None)
    assert units.to_base(2.0, "kilometer") == 2000.0
