"""Run a tier: generate (or reuse) its corpus, measure each part in a fresh process, save JSON.

Every measurement runs in its own process (`bench.measure`), so import time and peak memory are
those of a real run, and the parent records each process's wall time and peak RSS. The bundled
corpus is timed through the real command line, hyperfine-style (a warm-up, then repeats; mean,
standard deviation, minimum), next to the import floor `python -c "import typer, rich, yaml,
rapidfuzz"` measured the same way in the same run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.generate import ensure_corpus

REPO = Path(__file__).resolve().parent.parent
# the tree whose code is measured: the working tree, or a snapshot of a commit (see `snapshot`)
TARGET: dict[str, Any] = {"root": REPO, "rev": None}
FLOOR_IMPORTS = "import typer, rich, yaml, rapidfuzz"
STAGES = (
    "load sources",
    "load claims",
    "anchor",
    "read values",
    "rules",
    "decide",
    "report",
    "report json",
)


def child(args: list[str], cwd: Path | None = None) -> tuple[dict[str, Any], float, float]:
    """Run `python -m bench.measure ARGS`; its JSON, wall seconds and peak RSS (MB)."""
    out, wall, peak, code, err = _timed([sys.executable, "-m", "bench.measure", *args], cwd=cwd)
    if code != 0:
        return {"error": f"exit {code}: {err[-2000:]}"}, wall, peak
    try:
        return json.loads(out), wall, peak
    except ValueError:
        return {"error": f"no JSON: {out[-500:]!r} {err[-1500:]}"}, wall, peak


def _timed(cmd: list[str], cwd: Path | None = None) -> tuple[str, float, float, int, str]:
    """Run `cmd`; (stdout, wall seconds, peak RSS MB from wait4, exit code, stderr)."""
    env = {**os.environ, "PYTHONPATH": _pythonpath()}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd or TARGET["root"], stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        return (
            out.read().decode("utf-8", "replace"),
            wall,
            usage.ru_maxrss / 1024,
            proc.returncode,
            err.read().decode("utf-8", "replace"),
        )


def _pythonpath() -> str:
    current = os.environ.get("PYTHONPATH", "")
    return str(TARGET["root"]) + (os.pathsep + current if current else "")


def repeat_command(
    cmd: list[str],
    runs: int,
    warmup: int = 1,
    cwd: Path | None = None,
    ok=(0, 1),
    before=None,
) -> dict[str, Any]:
    """Hyperfine-style timing of a command: `warmup` untimed runs, then `runs` timed ones.

    `before`, when given, runs (untimed) before every run, as hyperfine's --prepare.
    """
    for _ in range(warmup):
        if before:
            before()
        _timed(cmd, cwd)
    walls, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        _, wall, peak, code, err = _timed(cmd, cwd)
        if code not in ok:
            return {"command": " ".join(cmd), "error": f"exit {code}: {err[-800:]}"}
        walls.append(wall)
        peaks.append(peak)
    return {
        "command": " ".join(cmd),
        "runs": runs,
        "mean": statistics.fmean(walls),
        "stdev": statistics.stdev(walls) if len(walls) > 1 else 0.0,
        "min": min(walls),
        "median": statistics.median(walls),
        "peak_mb": max(peaks),
    }


def cli_command() -> list[str]:
    """The installed `cca-claims` script beside this Python, else `python -m cca_claims`."""
    script = Path(sys.executable).parent / "cca-claims"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cca_claims"]


def bundled(runs: int) -> dict[str, Any]:
    """The bundled corpus through the real command line: cold and warm, against the floor."""
    cli = cli_command()
    has_no_cache = "--no-cache" in _timed([*cli, "check", "--help"])[0]
    out: dict[str, Any] = {"cli_has_no_cache": has_no_cache}
    out["python_startup"] = repeat_command([sys.executable, "-c", "pass"], runs)
    out["floor"] = repeat_command([sys.executable, "-c", FLOOR_IMPORTS], runs)
    # the bundled corpus' cache folder (the default, under the repository): safe to delete
    cache = Path(TARGET["root"]) / ".cca-claims-cache"

    def drop_cache() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    out["check_cold"] = repeat_command([*cli, "check"], runs, before=drop_cache)
    out["check_warm"] = repeat_command([*cli, "check"], runs)  # the warm-up fills the cache
    if has_no_cache:
        out["check_no_cache"] = repeat_command([*cli, "check", "--no-cache"], runs)
    out["lint"] = repeat_command([*cli, "lint"], runs)
    floor = out["floor"].get("mean")
    for key in ("check_cold", "check_warm", "check_no_cache", "lint"):
        mean = out.get(key, {}).get("mean")
        if mean and floor:
            out[key]["vs_floor"] = mean / floor
    out["importtime_cli"] = import_profile([sys.executable, "-X", "importtime", "-c",
                                            "import cca_claims.cli"])  # fmt: skip
    check = [sys.executable, "-X", "importtime", "-m", "cca_claims", "check"]
    out["importtime_check_warm"] = import_profile(check)
    drop_cache()  # what a cold check imports: the whole pipeline
    out["importtime_check_cold"] = import_profile(check)
    return out


def import_profile(cmd: list[str], top: int = 15) -> dict[str, Any]:
    """Parse `-X importtime` output: total, and the heaviest top-level imports (cumulative)."""
    _, wall, _, _, err = _timed(cmd)
    rows = []
    for line in err.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        parts = line[len("import time:") :].split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue
        raw = parts[2]
        depth = (len(raw) - len(raw.lstrip(" ")) - 1) // 2  # two spaces per nesting level
        rows.append((int(parts[1]), int(parts[0]), depth, raw.strip()))
    # the heaviest among what the program and its direct imports pulled in
    top_level = sorted((r for r in rows if r[2] <= 1), reverse=True)[:top]
    return {
        "command": " ".join(cmd[1:]),
        "wall": wall,
        "total_import_ms": sum(r[0] for r in rows if r[2] == 0) / 1000,
        "heaviest": [{"module": r[3], "cumulative_ms": r[0] / 1000} for r in top_level],
    }


def machine() -> dict[str, Any]:
    """Where the figures were taken."""
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = None
    return {
        "cpu": cpu,
        "cores": cores,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_at_start": load,
    }


def commit() -> dict[str, Any]:
    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=REPO, capture_output=True, text=True, check=False
            ).stdout.strip()
        except OSError:
            return ""

    if TARGET["rev"]:  # a snapshot of a commit: exactly that code, nothing uncommitted
        return {"commit": git("rev-parse", "--short", TARGET["rev"]), "dirty": False}
    return {"commit": git("rev-parse", "--short", "HEAD"), "dirty": bool(git("status", "-s"))}


def snapshot(rev: str, into: Path) -> Path:
    """Extract commit `rev` (git archive) under `into` and measure it instead of the working
    tree: other edits going on in the working tree then cannot change the code mid-run (which
    would also invalidate the cache between a cold and a warm run)."""
    folder = into / f"snapshot-{rev.replace('/', '_')}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", rev], cwd=REPO, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    TARGET["root"], TARGET["rev"] = folder, rev
    return folder


def compile_target() -> None:
    """Bytecode for the measured code, as an installed package has it.

    pip compiles what it installs, and an editable checkout writes __pycache__ on its first
    run, unless PYTHONDONTWRITEBYTECODE is set (as on some sandboxes): then every measured
    process would compile the whole package from source (~0.1-0.2 s each)."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(TARGET["root"]) / "cca_claims")],
        capture_output=True,
        check=False,
    )


def run_tier(
    tier: str,
    out_dir: Path,
    *,
    seed: int = 7,
    naive: bool = True,
    runs: int = 5,
    with_bundled: bool = True,
    jobs: str = "auto",
) -> dict[str, Any]:
    """Measure one tier (and the bundled corpus); the result as a JSON-ready dict."""
    result: dict[str, Any] = {
        "tier": tier,
        "seed": seed,
        "date": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "machine": machine(),
        **commit(),
    }
    compile_target()
    measure = Path(TARGET["root"]) / "bench" / "measure.py"
    # `--jobs` for the stages and checks, when the measured code has it
    with_jobs = ["--jobs", jobs] if measure.is_file() and "--jobs" in measure.read_text() else []
    result["jobs"] = jobs if with_jobs else None
    started = time.perf_counter()
    corpus, counts = ensure_corpus(out_dir, tier, seed)
    result["generate_seconds"] = time.perf_counter() - started
    result["corpus"] = counts

    stages, wall, peak = child(["stages", str(corpus), *with_jobs])
    result["stages"] = stages.get("stages", {})
    result["process"] = {"wall": wall, "peak_mb": peak}
    result["stages_run"] = {k: v for k, v in stages.items() if k != "stages"}

    cache_dir = out_dir / f"cache-{tier}"
    shutil.rmtree(cache_dir, ignore_errors=True)
    check = ["check", str(corpus), "--cache-dir", str(cache_dir), *with_jobs]
    cold, cold_wall, cold_peak = child(check)
    warm, warm_wall, warm_peak = child(check)
    result["cold"] = {**cold, "wall": cold_wall, "peak_mb": cold_peak}
    result["warm"] = {**warm, "wall": warm_wall, "peak_mb": warm_peak}
    result["warm_vs_cold"] = warm_wall / cold_wall if cold_wall else None
    if measure.is_file() and "--render-cache" in measure.read_text():
        # the text report kept in the cache too (what a command line caching its output gets):
        # one run to store it, one to reuse it
        args = [*check, "--render-cache"]
        child(args)
        kept, kept_wall, kept_peak = child(args)
        result["warm_rendered"] = {**kept, "wall": kept_wall, "peak_mb": kept_peak}
        result["warm_rendered_vs_cold"] = kept_wall / cold_wall if cold_wall else None
    shutil.rmtree(cache_dir, ignore_errors=True)

    args = ["anchors", str(corpus)] + ([] if naive else ["--no-naive"])
    anchoring, wall, peak = child(args)
    result["anchoring"] = {**anchoring, "wall": wall, "peak_mb": peak}
    if with_bundled:
        result["bundled"] = bundled(runs)
    return result


def save(result: dict[str, Any], out_dir: Path) -> Path:
    """Write the result as `results/<tier>-<commit>-<time>.json` and `latest-<tier>.json`."""
    folder = out_dir / "results"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = result["date"].replace(":", "").replace("-", "")[:15]
    name = f"{result['tier']}-{result['commit'] or 'nocommit'}-{stamp}.json"
    text = json.dumps(result, indent=2, sort_keys=False)
    (folder / name).write_text(text + "\n")
    (out_dir / f"latest-{result['tier']}.json").write_text(text + "\n")
    return folder / name
