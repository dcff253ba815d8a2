"""`python -m bench.curation --tier M`: time `cca-claims scan` and `cca-claims discover` on a
tier's corpus, through the real command line, each in a fresh process.

Per command: a cold run (empty cache folder: the check's anchors and every source's sentences
and figures are computed) and warm runs (the same cache folder: unchanged sources come from the
per-source memo, `cca_claims/curation/passages.py`). Then, in one process, where the time goes
(`--stages`): the lint check, the extraction of every source, and the command's own work.
Results: printed, and saved to bench/out/curation-<tier>.json.

    python -m bench.curation --tier M            # scan and discover, cold then warm
    python -m bench.curation --tier S --runs 3   # three warm runs each
    python -m bench.curation stages CORPUS       # (internal) the in-process breakdown, as JSON
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench.generate import TIERS, ensure_corpus
from bench.run import REPO, _timed, machine

DEFAULT_OUT = REPO / "bench" / "out"
COMMANDS = ("scan", "discover")


def command_line(corpus: Path, command: str, cache_home: Path, runs: int) -> dict:
    """One cold and `runs` warm runs of `cca-claims COMMAND --format json` on `corpus`."""
    work = cache_home / command
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    args = [sys.executable, "-m", "cca_claims", command, "--format", "json"]
    args += ["--claims", str(corpus / "claims"), "--sources", str(corpus / "sources")]
    out, cold, cold_peak, code, err = _timed(args, cwd=work)  # the cache folder lands in `work`
    if code != 0:
        return {"error": f"exit {code}: {err[-1500:]}"}
    warm = []
    for _ in range(runs):
        _out, wall, peak, code, err = _timed(args, cwd=work)
        if code != 0:
            return {"error": f"warm run: exit {code}: {err[-1500:]}"}
        warm.append((wall, peak))
    summary = _summary(command, json.loads(out))
    return {
        "cold_s": round(cold, 2),
        "cold_peak_mb": round(cold_peak),
        "warm_s": [round(w, 2) for w, _ in warm],
        "warm_best_s": round(min(w for w, _ in warm), 2) if warm else None,
        "warm_peak_mb": round(max(p for _, p in warm)) if warm else None,
        "output": summary,
    }


def _summary(command: str, doc: dict) -> dict:
    if command == "scan":
        return doc["summary"]
    return {"candidates": len(doc["candidates"])}


def stages(corpus: Path) -> dict:
    """Where a cold and a warm run spend their time, in this process (no cache folder reuse
    between the two but the per-source memo)."""
    from cca_claims.config import Config
    from cca_claims.curation.discover import discover
    from cca_claims.curation.passages import read_sources
    from cca_claims.curation.scan import scan
    from cca_claims.curation.workspace import Workspace
    from cca_claims.engine import check, resolve_paths

    out: dict = {}
    with tempfile.TemporaryDirectory() as cache:
        config = resolve_paths(Config(cache_dir=Path(cache)), corpus / "claims", corpus / "sources")
        for label in ("cold", "warm"):
            t0 = time.perf_counter()
            report = check(config, lint_only=True, use_cache=True)
            t1 = time.perf_counter()
            passages = read_sources(list(report.sources), config, use_cache=True)
            t2 = time.perf_counter()
            ws = Workspace(report, {p.source: p for p in passages})
            result = scan(ws)
            t3 = time.perf_counter()
            found = discover(ws, config)
            t4 = time.perf_counter()
            # the same sources as if no claim existed: the planted disagreements are candidates
            bare = discover(Workspace(replace(report, claims=()), ws.passages), config)
            out[label] = {
                "lint check s": round(t1 - t0, 2),
                "sentences and figures s": round(t2 - t1, 2),
                "scan s": round(t3 - t2, 2),
                "discover s": round(t4 - t3, 2),
                "figures": len(result.figures),
                "candidates": len(found),
                "candidates without claims": len(bare),
            }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.curation", description=__doc__)
    parser.add_argument("mode", nargs="?", default="run", choices=("run", "stages"))
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--tier", choices=sorted(TIERS), default="S", type=str.upper)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--runs", type=int, default=2, help="warm runs per command")
    parser.add_argument("--no-stages", action="store_true", help="skip the in-process breakdown")
    args = parser.parse_args(argv)
    if args.mode == "stages":
        print(json.dumps(stages(args.corpus)))
        return 0
    corpus, counts = ensure_corpus(args.out, args.tier, args.seed)
    result: dict = {"tier": args.tier, "corpus": counts, "machine": machine()}
    with tempfile.TemporaryDirectory() as home:
        for command in COMMANDS:
            result[command] = command_line(corpus, command, Path(home), args.runs)
            print(f"{command}: {json.dumps(result[command])}", flush=True)
    if not args.no_stages:
        out, wall, peak, code, err = _timed(
            [sys.executable, "-m", "bench.curation", "stages", str(corpus)]
        )
        result["stages"] = json.loads(out) if code == 0 else {"error": err[-1500:]}
        print(f"stages: {json.dumps(result['stages'])}", flush=True)
    path = args.out / f"curation-{args.tier}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"saved {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
