"""`python -m bench`: generate corpora, run a tier, compare two results.

    python -m bench run --tier S            # or M, L (XS for a smoke run); prints and saves JSON
    python -m bench run --tier M --no-naive --no-bundled --runs 3
    python -m bench run --tier M --at HEAD  # measure a commit, not the working tree
    python -m bench generate --tier M       # only write the corpus (bench/out/corpus-M-7/)
    python -m bench compare OLD.json NEW.json
    python -m bench show bench/out/latest-S.json
    python -m bench markdown bench/out/latest-S.json bench/out/latest-M.json

Results go to bench/out/results/<tier>-<commit>-<time>.json and bench/out/latest-<tier>.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.generate import TIERS, ensure_corpus
from bench.run import REPO, run_tier, save, snapshot
from bench.show import compare, render

DEFAULT_OUT = REPO / "bench" / "out"


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="measure a tier and save the figures as JSON")
    run.add_argument("--tier", choices=sorted(TIERS), default="S", type=str.upper)
    run.add_argument("--seed", type=int, default=7)
    run.add_argument("--out", type=Path, default=DEFAULT_OUT, help="corpora and results folder")
    run.add_argument("--runs", type=int, default=5, help="repeats of each command-line timing")
    run.add_argument("--no-naive", action="store_true", help="skip the naive anchoring baseline")
    run.add_argument("--no-bundled", action="store_true", help="skip the bundled-corpus timings")
    run.add_argument("--json", type=Path, help="also write the result to this file")
    run.add_argument("--jobs", default="auto", help="the check's --jobs (default: auto)")
    run.add_argument(
        "--at",
        metavar="REV",
        help="measure commit REV (extracted with git archive) instead of the working tree",
    )
    gen = sub.add_parser("generate", help="write a tier's corpus")
    gen.add_argument("--tier", choices=sorted(TIERS), default="S", type=str.upper)
    gen.add_argument("--seed", type=int, default=7)
    gen.add_argument("--out", type=Path, default=DEFAULT_OUT)
    cmp = sub.add_parser("compare", help="two result files side by side")
    cmp.add_argument("old", type=Path)
    cmp.add_argument("new", type=Path)
    show = sub.add_parser("show", help="print a saved result")
    show.add_argument("result", type=Path)
    md = sub.add_parser("markdown", help="markdown tables of saved results (for the docs)")
    md.add_argument("results", type=Path, nargs="+")
    args = parser.parse_args(argv)

    if args.command == "generate":
        folder, counts = ensure_corpus(args.out, args.tier, args.seed)
        print(f"{folder}: {counts}")
        return 0
    if args.command == "compare":
        print(compare(_load(args.old), _load(args.new)), end="")
        return 0
    if args.command == "markdown":
        from bench.markdown import tables

        print(tables([_load(p) for p in args.results]), end="")
        return 0
    if args.command == "show":
        print(render(_load(args.result)), end="")
        return 0
    if args.at:
        snapshot(args.at, args.out)
    result = run_tier(
        args.tier,
        args.out,
        seed=args.seed,
        naive=not args.no_naive,
        runs=args.runs,
        with_bundled=not args.no_bundled,
        jobs=args.jobs,
    )
    path = save(result, args.out)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    print(render(result), end="")
    print(f"\nsaved {path}")
    return 0


def _load(path: Path) -> dict:
    return json.loads(path.read_text())


if __name__ == "__main__":
    sys.exit(main())
