"""Print a benchmark result (or two, side by side) as plain text tables."""

from __future__ import annotations

from typing import Any

from bench.run import STAGES


def _s(value: Any, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _mb(value: Any) -> str:
    return "-" if value is None else f"{value:.0f}"


def render(result: dict[str, Any]) -> str:
    """One result as text: corpus, stages, process, cache, anchoring, bundled corpus."""
    c = result.get("corpus", {})
    m = result.get("machine", {})
    lines = [
        f"tier {result['tier']} (seed {result['seed']}): {c.get('sources')} sources "
        f"({c.get('source_bytes', 0) / 1e6:.1f} MB), {c.get('claims')} claims, "
        f"{c.get('quotes')} quotes ({c.get('typo')} typographic, {c.get('edited')} edited, "
        f"{c.get('lost')} lost; {c.get('contradicted')} contradicted facts)",
        f"commit {result.get('commit')}{' (dirty)' if result.get('dirty') else ''}, "
        f"{m.get('cpu')}, {m.get('cores')} cores, Python {m.get('python')}, "
        f"load {_s(m.get('load_at_start'), 2)} at start",
        "",
        f"{'stage':<14}{'seconds':>10}{'peak MB':>10}",
    ]
    stages = result.get("stages", {})
    total = 0.0
    for name in STAGES:
        st = stages.get(name)
        if st is None:
            continue
        if name != "report json":  # the default check prints the text report only
            total += st.get("seconds") or 0.0
        err = f"  ERROR {st['error'][:70]}" if st.get("error") else ""
        lines.append(f"{name:<14}{_s(st.get('seconds')):>10}{_mb(st.get('peak_mb')):>10}{err}")
    proc = result.get("process", {})
    lines.append(f"{'check total':<14}{_s(total):>10}  (every stage but the JSON report)")
    lines.append(
        f"{'whole process':<14}{_s(proc.get('wall')):>10}{_mb(proc.get('peak_mb')):>10}"
        "  (imports, all stages, both reports)"
    )
    cold, warm = result.get("cold", {}), result.get("warm", {})
    lines += [
        "",
        f"check with cache: cold {_s(cold.get('wall'))} s ({_mb(cold.get('peak_mb'))} MB, "
        f"cache {cold.get('cache')}), warm {_s(warm.get('wall'))} s "
        f"({_mb(warm.get('peak_mb'))} MB, cache {warm.get('cache')}): "
        f"warm/cold {_s(result.get('warm_vs_cold'), 2)}",
    ]
    kept = result.get("warm_rendered")
    if kept:
        lines.append(
            f"  warm with the text report kept in the cache too: {_s(kept.get('wall'))} s "
            f"(reused: {kept.get('rendered_from_cache')}): "
            f"warm/cold {_s(result.get('warm_rendered_vs_cold'), 2)}"
        )
    if "check_seconds" in warm:
        lines.append(
            f"  inside: cold check {_s(cold.get('check_seconds'))} s + text report "
            f"{_s(cold.get('render_seconds'))} s; warm check {_s(warm.get('check_seconds'))} s"
            f" + text report {_s(warm.get('render_seconds'))} s"
        )
    for run in (cold, warm):
        if run.get("error"):
            lines.append(f"  note: {run['error'][:120]}")
    a = result.get("anchoring", {})
    if a:
        lines += [
            "",
            f"anchoring {a.get('quotes')} quotes: floor (normalize + str.find) "
            f"{_s(a.get('floor_seconds'))} s, anchorer {_s(a.get('anchor_seconds'))} s "
            f"({_s(a.get('anchor_vs_floor'), 2)} x floor; CPU "
            f"{_s(a.get('anchor_vs_floor_cpu'), 2)} x), naive baseline "
            f"{_s(a.get('naive_seconds'))} s",
            f"  statuses {a.get('anchor_statuses')}",
        ]
        if "same_as_naive" in a:
            lines.append(
                f"  same anchors as the naive baseline: {a['same_as_naive']}/{a.get('quotes')}"
                f" ({a.get('ambiguous_elsewhere', 0)} ambiguous quotes where the baseline picks"
                " another of the places)"
            )
    b = result.get("bundled")
    if b:
        lines += ["", "bundled corpus through the command line (mean ± stdev, min; peak MB):"]
        for key in (
            "python_startup",
            "floor",
            "check_cold",
            "check_warm",
            "check_no_cache",
            "lint",
        ):
            r = b.get(key)
            if not r:
                continue
            if r.get("error"):
                lines.append(f"  {key:<15} ERROR {r['error'][:100]}")
                continue
            ratio = f"  = {r['vs_floor']:.2f} x floor" if "vs_floor" in r else ""
            lines.append(
                f"  {key:<15}{r['mean']:.3f} ± {r['stdev']:.3f} s, min {r['min']:.3f}; "
                f"{_mb(r.get('peak_mb'))} MB{ratio}   [{r['command'].split('/')[-1]}]"
            )
        if not b.get("cli_has_no_cache"):
            lines.append("  (the command line has no --no-cache option yet)")
        for key in ("importtime_cli", "importtime_check_warm", "importtime_check_cold"):
            prof = b.get(key)
            if not prof:
                continue
            heavy = ", ".join(
                f"{h['module']} {h['cumulative_ms']:.0f}" for h in prof.get("heaviest", [])[:8]
            )
            label = {"importtime_check_warm": " (warm)", "importtime_check_cold": " (cold)"}
            lines.append(
                f"  -X importtime {prof['command'].split(' ', 2)[-1]}{label.get(key, '')}: "
                f"{prof['total_import_ms']:.0f} ms of imports; heaviest (ms): {heavy}"
            )
    return "\n".join(lines) + "\n"


def compare(old: dict[str, Any], new: dict[str, Any]) -> str:
    """Two results of the same tier side by side, stage by stage."""
    lines = [
        f"tier {old['tier']} vs {new['tier']}: {old.get('commit')} -> {new.get('commit')}",
        f"{'stage':<14}{'old s':>9}{'new s':>9}{'ratio':>8}{'old MB':>9}{'new MB':>9}",
    ]
    rows = [(n, old.get("stages", {}).get(n, {}), new.get("stages", {}).get(n, {})) for n in STAGES]
    rows.append(("process", old.get("process", {}), new.get("process", {})))
    for name, a, b in rows:
        sa = a.get("seconds", a.get("wall"))
        sb = b.get("seconds", b.get("wall"))
        ratio = f"{sb / sa:.2f}" if sa and sb else "-"
        lines.append(
            f"{name:<14}{_s(sa):>9}{_s(sb):>9}{ratio:>8}"
            f"{_mb(a.get('peak_mb')):>9}{_mb(b.get('peak_mb')):>9}"
        )
    for key in ("cold", "warm"):
        lines.append(
            f"{key + ' check':<14}{_s(old.get(key, {}).get('wall')):>9}"
            f"{_s(new.get(key, {}).get('wall')):>9}"
        )
    return "\n".join(lines) + "\n"
