"""What runs inside one measured process: `python -m bench.measure MODE CORPUS [options]`.

Each mode prints one JSON object on stdout. The parent (`bench.run`) starts a fresh process per
measurement so that import time and peak memory are those of a real run.

Modes:
- `stages`: the check stage by stage (no cache), with wall seconds and peak RSS per stage;
- `check`: one `engine.check` plus rendering, with or without the cache (cold/warm runs);
- `anchors`: the anchoring reference points: exact `str.find` floor, cca_claims' anchorer and the
  naive baseline, and whether the anchorer finds the same anchors as the naive baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path
from typing import Any

_CLEAR_REFS = Path("/proc/self/clear_refs")
_STATUS = Path("/proc/self/status")


def peak_reset() -> None:
    """Reset the kernel's peak-RSS mark (Linux), so the next reading is one stage's peak."""
    try:
        _CLEAR_REFS.write_text("5")
    except OSError:
        pass


def peak_mb() -> float | None:
    """Peak resident memory since the last reset, in MB (VmHWM), else the process's maximum."""
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except (ImportError, OSError):
        return None


def corpus_config(corpus: Path, cache_dir: Path | None = None):
    """The configuration a check of a generated corpus uses (defaults otherwise)."""
    from cca_claims.config import Config

    return Config(
        root=corpus,
        claims=corpus / "claims",
        sources=corpus / "sources",
        cache_dir=cache_dir,
    )


def mode_stages(corpus: Path, jobs: int | str = "auto") -> dict[str, Any]:
    """Every stage in turn, timed and with its peak memory; a failing stage is recorded."""
    from cca_claims import engine

    config = corpus_config(corpus)
    run = engine.Run(config, jobs=jobs)
    stages: dict[str, dict[str, Any]] = {}
    lint_only = False

    def timed(name: str, fn) -> Any:
        peak_reset()
        started = time.perf_counter()
        out = None
        entry: dict[str, Any] = {}
        try:
            out = fn(run)
        except Exception as exc:  # a stage not written yet must not stop the benchmark
            entry["error"] = f"{type(exc).__name__}: {exc}"
            entry["traceback"] = traceback.format_exc(limit=4)
        entry["seconds"] = time.perf_counter() - started
        entry["peak_mb"] = peak_mb()
        stages[name] = entry
        return out

    # the collector settings engine.check uses, so each stage is timed as a check runs it
    fewer_collections = engine._fewer_collections()
    run.settle = fewer_collections.__enter__()
    timed("load sources", engine.load_source_stage)
    timed("load claims", engine.load_claim_stage)
    timed("anchor", engine.anchor_stage)
    timed("read values", engine.read_stage)
    if "error" in stages["read values"]:
        lint_only = True  # the rules that need readings cannot run; anchoring rules still can
    timed("rules", lambda r: engine.rule_stage(r, lint_only=lint_only))
    report = timed("decide", engine.finish)
    fewer_collections.__exit__(None, None, None)  # rendering runs outside engine.check
    rendered: dict[str, int] = {}

    def render(fmt: str):
        def go(_run) -> None:
            from cca_claims.report import reporter

            rendered[fmt] = len(reporter(fmt)(report, color=False, width=100))

        return go

    def stream_json(_run) -> None:
        # as `cca-claims check --format json` writes it: piece by piece to standard output
        from cca_claims.report.json_report import write

        with open(os.devnull, "w", encoding="utf-8") as sink:
            total = 0

            def out(chunk: str) -> None:
                nonlocal total
                total += len(chunk)
                sink.write(chunk)

            write(report, out)
        rendered["json"] = total

    if report is not None:
        timed("report", render("text"))  # what `cca-claims check` prints by default
        timed("report json", stream_json)  # `--format json` as streamed, measured apart
    else:
        for name in ("report", "report json"):
            stages[name] = {"error": "no report (decide failed)", "seconds": 0.0, "peak_mb": None}
    out: dict[str, Any] = {"stages": stages, "lint_only_rules": lint_only}
    if report is not None:
        out["quotes"] = report.stats.get("quotes", {})
        out["findings"] = len(report.findings)
        out["verdicts"] = report.verdict_counts()
        out["rendered_chars"] = rendered
    return out


def mode_check(
    corpus: Path, cache_dir: Path | None, render_cache: bool = False, jobs: int | str = "auto"
) -> dict[str, Any]:
    """One whole check as the command line runs it (cache on when `cache_dir` is given).

    With `render_cache`, the text report is also taken from / kept in the cache
    (`cache.load_rendered`), as a command line that caches its text output would.
    """
    from cca_claims import engine
    from cca_claims.report import reporter
    from cca_claims.speed import cache

    config = corpus_config(corpus, cache_dir)
    started = time.perf_counter()
    out: dict[str, Any] = {}
    try:
        report = engine.check(config, use_cache=cache_dir is not None, jobs=jobs)
    except Exception as exc:  # before the value reader exists the full check fails: lint then
        out["error"] = f"{type(exc).__name__}: {exc}"
        report = engine.check(config, lint_only=True, use_cache=cache_dir is not None)
        out["lint_only"] = True
    out["check_seconds"] = time.perf_counter() - started
    variant = "text|color=False|width=100"
    text = cache.load_rendered(config, report, variant) if render_cache else None
    out["rendered_from_cache"] = text is not None
    if text is None:
        text = reporter("text")(report, color=False, width=100)
        if render_cache:
            cache.store_rendered(config, report, variant, text)
    out["seconds"] = time.perf_counter() - started
    out["render_seconds"] = out["seconds"] - out["check_seconds"]
    out["cache"] = report.stats.get("cache", "off")
    out["findings"] = len(report.findings)
    out["text_chars"] = len(text)
    return out


def mode_anchors(corpus: Path, naive: bool, repeats: int = 3) -> dict[str, Any]:
    """The floor, the anchorer and the naive baseline on the same quotes, and their agreement."""
    from cca_claims.engine import _fewer_collections

    with _fewer_collections():  # as inside engine.check
        return _anchors(corpus, naive, repeats)


def _anchors(corpus: Path, naive: bool, repeats: int) -> dict[str, Any]:
    from cca_claims.anchor import Anchorer, naive_anchor
    from cca_claims.claims import load_claims
    from cca_claims.sources import load_sources
    from cca_claims.textnorm import build_view

    config = corpus_config(corpus)
    sources = load_sources(config.sources, config.root).sources
    claims = load_claims(config.claims, sources.keys(), config.root).claims
    pairs = [(ev.source, ev.quote) for c in claims for ev in c.evidence if ev.source in sources]
    out: dict[str, Any] = {"quotes": len(pairs)}

    # the floor: exact search of every normalized quote in its own normalized source
    def floor() -> int:
        found = 0
        for source_id, quote in pairs:
            needle = build_view(quote).text.strip()
            found += sources[source_id].view.text.find(needle) >= 0
        return found

    # best of `repeats` runs: the machine may be shared, and the minimum is the least disturbed
    out["floor_seconds"], out["floor_found"] = _best_of(floor, repeats, "floor")

    def ours() -> list:
        anchorer = Anchorer(sources, config.fuzzy_threshold)  # per-source aids built inside
        return [anchorer.anchor(s, q) for s, q in pairs]

    out["anchor_seconds"], results = _best_of(ours, repeats, "anchor")
    statuses: dict[str, int] = {}
    for r in results:
        statuses[r.status] = statuses.get(r.status, 0) + 1
    out["anchor_statuses"] = statuses
    out["anchor_vs_floor"] = out["anchor_seconds"] / max(out["floor_seconds"], 1e-9)
    # CPU seconds too: on a shared machine they are steadier than wall time
    out["floor_cpu_seconds"], out["anchor_cpu_seconds"] = _CPU["floor"], _CPU["anchor"]
    out["anchor_vs_floor_cpu"] = _CPU["anchor"] / max(_CPU["floor"], 1e-9)
    out["repeats"] = repeats

    if naive:
        started = time.perf_counter()
        theirs = [naive_anchor(sources[s], q, config.fuzzy_threshold) for s, q in pairs]
        out["naive_seconds"] = time.perf_counter() - started
        same, elsewhere, differ = 0, 0, []
        for (source_id, quote), mine, base in zip(pairs, results, theirs):
            mine_span = _span(mine)
            if mine_span == base:
                same += 1
            elif mine.status == "ambiguous" and base in {(a.start, a.end) for a in mine.candidates}:
                elsewhere += 1  # the same places; the baseline just picks another first
            elif len(differ) < 10:
                differ.append(
                    {"source": source_id, "quote": quote, "anchorer": mine_span, "naive": base}
                )
        out["same_as_naive"] = same + elsewhere
        out["ambiguous_elsewhere"] = elsewhere
        out["differ_from_naive"] = len(pairs) - same - elsewhere
        out["differences"] = differ
    return out


_CPU: dict[str, float] = {}  # CPU seconds of the last _best_of, by label


def _best_of(fn, repeats: int, label: str = "") -> tuple[float, Any]:
    """Best wall time of `repeats` runs (CPU time of the best run kept under `label`)."""
    best, best_cpu, value = float("inf"), float("inf"), None
    for _ in range(max(1, repeats)):
        started, cpu = time.perf_counter(), time.process_time()
        value = fn()
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    if label:
        _CPU[label] = best_cpu
    return best, value


def _span(result) -> tuple[int, int] | None:
    """The anchor a quote resolves to (first place when ambiguous), as original offsets."""
    if result.anchor is None:
        return None
    return (result.anchor.start, result.anchor.end)


def main(argv: list[str] | None = None) -> int:
    """Run one measurement and print its JSON (with the process's own peak memory)."""
    parser = argparse.ArgumentParser(prog="python -m bench.measure")
    parser.add_argument("mode", choices=("stages", "check", "anchors"))
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--no-naive", action="store_true")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--render-cache", action="store_true")
    parser.add_argument("--jobs", default="auto", help="as `cca-claims check --jobs`")
    args = parser.parse_args(argv)
    jobs: int | str = int(args.jobs) if args.jobs.isdigit() else args.jobs
    started = time.perf_counter()
    if args.mode == "stages":
        out = mode_stages(args.corpus, jobs)
    elif args.mode == "check":
        out = mode_check(args.corpus, args.cache_dir, args.render_cache, jobs)
    else:
        out = mode_anchors(args.corpus, not args.no_naive, args.repeats)
    out["inner_seconds"] = time.perf_counter() - started
    try:
        import resource

        out["process_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except ImportError:
        out["process_peak_mb"] = None
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
