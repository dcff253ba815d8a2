"""Where `--jobs` starts to pay: the read stage of the first N claims, in 1 and in 2 processes.

    python -m bench.jobs                      # tier M's corpus, N = 250 ... 10,000
    python -m bench.jobs --tier S --sizes 100 500 1000

The read stage is the only stage `--jobs` shares between processes. The corpus is loaded and
anchored once; then, for each N, the first N claims are read by `Runner(1)` and by `Runner(2)`
(best of `--repeats`), as `engine.read_stage` reads them with `--jobs`. A forked worker costs its fork, its
first touch of every inherited page and the pickling of its results, so below some N one
process is faster: that N, measured here, is `speed/parallel.py`'s AUTO_MIN_CLAIMS
(docs/performance.md, "Parallel work").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from bench.generate import TIERS, ensure_corpus
from bench.run import REPO

SIZES = (250, 500, 1_000, 2_000, 4_000, 10_000)


def measure(corpus: Path, sizes: list[int], repeats: int) -> list[dict]:
    from bench.measure import corpus_config
    from cca_claims import engine
    from cca_claims.read_claims import read_claims, read_claims_to_send, received
    from cca_claims.speed.parallel import Runner

    run = engine.Run(corpus_config(corpus))
    with engine._fewer_collections():  # the collector settings of a check
        for stage in (engine.load_source_stage, engine.load_claim_stage, engine.anchor_stage):
            stage(run)
        assert run.context is not None
        items = [(cc.claim, cc.evidence) for cc in run.context.claims.values()]
        sources, config = run.context.sources, run.config
        read_claims(items[:50], sources, config)  # the reader's tables loaded, as in a check
        rows = []
        for size in sizes:
            if size > len(items):
                break
            row: dict = {"claims": size}
            for jobs in (1, 2):
                best = float("inf")
                for _ in range(repeats):
                    started = time.perf_counter()
                    sent = Runner(jobs).map(read_claims_to_send, items[:size], sources, config)
                    [received(anchored, one) for (_c, anchored), one in zip(items, sent)]
                    best = min(best, time.perf_counter() - started)
                row[f"jobs_{jobs}"] = round(best, 3)
            row["speed_up"] = round(row["jobs_1"] / row["jobs_2"], 2)
            rows.append(row)
            print(json.dumps(row), flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.jobs")
    parser.add_argument("--tier", choices=sorted(TIERS), default="M", type=str.upper)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    corpus, _counts = ensure_corpus(args.out, args.tier, args.seed)
    measure(corpus, args.sizes, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
