"""Run the README's walkthrough and compare every output it shows with what the commands print.

    python tools/walkthrough.py            # exit 1 and a diff when an output shown is not today's
    python tools/walkthrough.py --write    # put today's outputs into README.md

The walkthrough is the part of README.md between `<!-- walkthrough -->` and
`<!-- /walkthrough -->`. In it, every ```console block holds commands (lines starting with `$ `)
each followed by its output as shown; a command ending in `<<'EOF'` takes the lines up to `EOF`
as its input. The commands run one after the other, from the root of a temporary copy of the
repository's `claims/`, `sources/` and `docs/walkthrough/`, in a shell; `cd` is followed. The
environment is fixed so that the outputs do not depend on the machine or the day: the day the
tool takes for today is pinned (CCA_CLAIMS_TODAY, the date a review records), the width is 100
columns, no colour, caches under the temporary folder. An output is the command's standard
output followed by its standard error.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START, END = "<!-- walkthrough -->", "<!-- /walkthrough -->"
PINNED_DAY = "2026-12-05"  # the day the walkthrough's review is recorded on
COPIED = ("claims", "sources", "docs/walkthrough")
_FENCE = re.compile(r"^```console\n(.*?)^```\n", re.S | re.M)
_HEREDOC = re.compile(r"<<'?(\w+)'?\s*$")


@dataclass
class Step:
    command: str  # as typed, heredoc included
    shown: str  # the output the README shows
    start: int  # offsets of the shown output in README.md
    end: int


def steps(readme: str) -> list[Step]:
    """The walkthrough's commands with the output shown after each."""
    begin, finish = readme.index(START), readme.index(END)
    found: list[Step] = []
    for fence in _FENCE.finditer(readme, begin, finish):
        body_start = fence.start(1)
        lines = fence.group(1).splitlines(keepends=True)
        i, offset = 0, body_start
        while i < len(lines):
            line = lines[i]
            if not line.startswith("$ "):
                raise ValueError(f"README.md: output before any command: {line!r}")
            command = line[2:]
            offset += len(line)
            i += 1
            heredoc = _HEREDOC.search(line)
            if heredoc:
                while i < len(lines):
                    command += lines[i]
                    offset += len(lines[i])
                    i += 1
                    if lines[i - 1].strip() == heredoc.group(1):
                        break
            out_start = offset
            while i < len(lines) and not lines[i].startswith("$ "):
                offset += len(lines[i])
                i += 1
            found.append(Step(command, readme[out_start:offset], out_start, offset))
    return found


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CCA_CLAIMS", "XDG_"))}
    env.update(
        PATH=str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", ""),
        HOME=str(home),
        XDG_CACHE_HOME=str(home / ".cache"),
        CCA_CLAIMS_TODAY=PINNED_DAY,
        COLUMNS="100",
        LINES="50",
        NO_COLOR="1",
        TERM="dumb",
        LC_ALL="C.UTF-8",
        PYTHONIOENCODING="utf-8",
    )
    return env


def run(walk: list[Step]) -> list[str]:
    """Each step's output, run in order in a temporary copy of the repository."""
    with tempfile.TemporaryDirectory(prefix="cca-walkthrough-") as tmp:
        top = Path(tmp) / "repo"
        for part in COPIED:
            shutil.copytree(ROOT / part, top / part)
        env = environment(Path(tmp))
        cwd = top
        outputs = []
        for step in walk:
            cd = re.fullmatch(r"cd\s+(\S+)\s*", step.command)
            if cd:
                cwd = (cwd / cd.group(1)).resolve()
                outputs.append("")
                continue
            done = subprocess.run(
                ["bash", "-c", step.command],
                cwd=cwd,
                env=env,
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=300,
            )
            out = done.stdout + done.stderr
            outputs.append(out if not out or out.endswith("\n") else out + "\n")
        return outputs


def compare(walk: list[Step], outputs: list[str]) -> list[str]:
    """A unified diff per step whose shown output differs from its output."""
    diffs = []
    for step, out in zip(walk, outputs):
        if step.shown != out:
            diffs.append(
                "".join(
                    difflib.unified_diff(
                        step.shown.splitlines(keepends=True),
                        out.splitlines(keepends=True),
                        f"README.md: $ {step.command.splitlines()[0]}",
                        "what it prints",
                    )
                )
            )
    return diffs


def write(readme: str, walk: list[Step], outputs: list[str]) -> str:
    """README.md with each step's shown output replaced by its output."""
    for step, out in sorted(zip(walk, outputs), key=lambda p: -p[0].start):
        readme = readme[: step.start] + out + readme[step.end :]
    return readme


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="put today's outputs into README")
    args = parser.parse_args(argv)
    readme = README.read_text(encoding="utf-8")
    walk = steps(readme)
    outputs = run(walk)
    if args.write:
        README.write_text(write(readme, walk, outputs), encoding="utf-8")
        print(f"README.md: {len(walk)} commands, outputs written")
        return 0
    diffs = compare(walk, outputs)
    for diff in diffs:
        print(diff)
    print(f"README.md walkthrough: {len(walk)} commands, {len(diffs)} output(s) differ")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
