"""Markdown tables of saved results, for docs/performance.md (`python -m bench markdown ...`)."""

from __future__ import annotations

from typing import Any

from bench.run import STAGES


def _f(value: Any, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def tables(results: list[dict[str, Any]]) -> str:
    """Stage table (seconds / peak MB per tier), then cache, anchoring and bundled-corpus rows."""
    head = "| stage | " + " | ".join(f"{r['tier']} s | {r['tier']} MB" for r in results) + " |"
    rule = "|---|" + "---:|---:|" * len(results)
    lines = [head, rule]
    for name in STAGES:
        cells = []
        for r in results:
            st = r.get("stages", {}).get(name, {})
            cells += [_f(st.get("seconds")), _f(st.get("peak_mb"), 0)]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    totals = []
    for r in results:
        total = sum(
            (s.get("seconds") or 0.0) for n, s in r.get("stages", {}).items() if n != "report json"
        )
        totals += [f"**{_f(total)}**", ""]
    lines.append("| check total (no JSON) | " + " | ".join(totals) + " |")
    procs = []
    for r in results:
        procs += [_f(r.get("process", {}).get("wall")), _f(r.get("process", {}).get("peak_mb"), 0)]
    lines.append("| whole process | " + " | ".join(procs) + " |")
    lines += [
        "",
        "| tier | commit | cold s | warm s | warm/cold | warm, text kept s | its /cold "
        "| cold MB | warm MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        cold, warm = r.get("cold", {}), r.get("warm", {})
        kept = r.get("warm_rendered", {})
        lines.append(
            f"| {r['tier']} | {r.get('commit')} | {_f(cold.get('wall'))} | {_f(warm.get('wall'))}"
            f" | {_f(r.get('warm_vs_cold'))} | {_f(kept.get('wall'))} "
            f"| {_f(r.get('warm_rendered_vs_cold'))} | {_f(cold.get('peak_mb'), 0)} "
            f"| {_f(warm.get('peak_mb'), 0)} |"
        )
    lines += [
        "",
        "| tier | quotes | floor s | anchorer s | × floor (wall / CPU) | naive s | same anchors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        a = r.get("anchoring", {})
        same = f"{a.get('same_as_naive', '–')}/{a.get('quotes', '–')}"
        lines.append(
            f"| {r['tier']} | {a.get('quotes')} | {_f(a.get('floor_seconds'), 3)} "
            f"| {_f(a.get('anchor_seconds'), 3)} | {_f(a.get('anchor_vs_floor'))} / "
            f"{_f(a.get('anchor_vs_floor_cpu'))} | {_f(a.get('naive_seconds'), 3)} | {same} |"
        )
    bundled = [r for r in results if r.get("bundled")]
    if bundled:
        lines += [
            "",
            "| bundled corpus (tier run, commit) | mean s | ± | min s | peak MB | × floor |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for r in bundled:
            b = r["bundled"]
            for key in ("python_startup", "floor", "check_cold", "check_warm", "lint"):
                x = b.get(key)
                if not x or x.get("error"):
                    continue
                lines.append(
                    f"| {key} ({r['tier']}, {r.get('commit')}) | {_f(x['mean'], 3)} "
                    f"| {_f(x['stdev'], 3)} | {_f(x['min'], 3)} | {_f(x.get('peak_mb'), 0)} "
                    f"| {_f(x.get('vs_floor'))} |"
                )
    return "\n".join(lines) + "\n"
