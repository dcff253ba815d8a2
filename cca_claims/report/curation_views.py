"""The curation commands' output: text for people (rich, as tables.py) and JSON for tools.

Every renderer is a pure function of the records of curation/scan.py, suggest.py and discover.py. The
JSON documents carry `"format": "cca-claims-<command>"` and a `"version"`, as the check's does.
"""

from __future__ import annotations

import json

import yaml
from rich.padding import Padding
from rich.text import Text

from cca_claims.curation.discover import Candidate, add_command
from cca_claims.curation.passages import Figure, few_collections
from cca_claims.curation.scan import ScanResult, unit_key
from cca_claims.curation.suggest import Suggestion
from cca_claims.model import ClaimResult
from cca_claims.report.common import safe, short_text
from cca_claims.report.terminal import Screen, styled

JSON_VERSION = "1"
GROUP_LINES = 10  # uncovered figures shown per group in text (JSON lists all)
PASSAGE_CHARS = 160


_RELATION_STYLE = {"agrees": "green", "differs": "yellow", "conflicts": "red"}


def _short(text: str, limit: int = PASSAGE_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _where(f: Figure) -> str:
    return f"{f.source}:{f.line}:{f.col}"


def figure_json(f: Figure, *, shown: bool = True) -> dict:
    """A figure for JSON: where it is, what it says, what it measures; with `shown`, also its
    value as the report shows it ("$94.82B"), which costs a third of a scan's JSON."""
    r = f.reading
    doc = {
        "source": f.source,
        "line": f.line,
        "column": f.col,
        "start": f.start,
        "end": f.end,
        "kind": r.kind,
        "text": r.text,
        "unit": r.unit,
        "interval": r.interval.to_json() if r.interval is not None else None,
        "measure": {"kind": r.kind, "unit": unit_key(f), "noun": f.noun},
        "place": f.place,
    }
    if shown:
        doc["value"] = short_text(r)
    return doc


# ----------------------------------------------------------------------------- scan
def scan_text(result: ScanResult, *, color: bool = False, width: int = 100) -> str:
    with few_collections():
        return _scan_text(result, color, width)


def _scan_text(result: ScanResult, color: bool, width: int) -> str:
    screen = Screen(color, width)
    total = len(result.figures)
    screen.print(
        styled(
            f"{total} figures, dates, lists and statuses in {len(result.sources)} sources; "
            f"{result.covered} covered by a claim's evidence, {total - result.covered} not",
            "bold",
        )
    )
    table = screen.table("source", "figures", "covered", "share", title="Coverage by source")
    for s in sorted(result.sources, key=lambda s: (s.share, s.source)):
        table.add_row(safe(s.source), str(s.figures), str(s.covered), f"{s.share:.0%}")
    screen.print(table)
    if result.groups:
        screen.print(styled("Uncovered, by what they measure", "bold"))
    for g in result.groups:
        noun = f" · {g.noun}" if g.noun else ""
        screen.print(styled(f"{g.kind} ({g.unit}){noun}: {len(g.figures)}", "bold"))
        for sf in g.figures[:GROUP_LINES]:
            f = sf.figure
            line = Text("  ")
            line.append(safe(_where(f), oneline=True), "cyan")
            line.append("  ")
            line.append(safe(_short(f.reading.text, 60), oneline=True), "bold")
            line.append("  " + safe(_short(sf.passage, 100), oneline=True))
            screen.print(line)
        if len(g.figures) > GROUP_LINES:
            more = len(g.figures) - GROUP_LINES
            screen.print(styled(f"  … and {more} more (--format json lists all)", "dim"))
    return screen.text()


def scan_json(result: ScanResult) -> str:
    with few_collections():  # an archive's scan is a million small dicts
        return _scan_json(result)


def _scan_json(result: ScanResult) -> str:
    doc = {
        "format": "cca-claims-scan",
        "version": JSON_VERSION,
        "summary": {
            "sources": len(result.sources),
            "figures": len(result.figures),
            "covered": result.covered,
        },
        "sources": [
            {"source": s.source, "figures": s.figures, "covered": s.covered} for s in result.sources
        ],
        # the passage of uncovered figures only: a covered one is quoted in a claim already
        "figures": [
            {**figure_json(sf.figure, shown=False), "covered_by": list(sf.covered_by)}
            if sf.covered_by
            else {**figure_json(sf.figure, shown=False), "covered_by": [], "passage": sf.passage}
            for sf in result.figures
        ],
        "uncovered_groups": [
            {
                "kind": g.kind,
                "unit": g.unit,
                "noun": g.noun,
                "figures": [f"{_where(sf.figure)}" for sf in g.figures],
            }
            for g in result.groups
        ],
    }
    # one line: an archive's scan is tens of megabytes, and indenting it costs a third more
    return json.dumps(doc, ensure_ascii=False) + "\n"


# ----------------------------------------------------------------------------- suggest
def evidence_yaml(item: dict) -> str:
    """An evidence item as YAML to paste under a claim's `evidence:` list."""
    return yaml.safe_dump([item], allow_unicode=True, sort_keys=False, width=10**9)


def suggest_text(
    claim: ClaimResult, suggestions: list[Suggestion], *, color: bool = False, width: int = 100
) -> str:
    screen = Screen(color, width)
    c = claim.claim
    value = f" ({c.value})" if c.value else ""
    screen.print(styled(f"{c.id}{value}: {c.statement}", "bold"))
    new = sum(1 for s in suggestions if not s.cited)
    screen.print(
        styled(
            f"verdict {claim.verdict}; {len(suggestions)} "
            f"{'passage states' if len(suggestions) == 1 else 'passages state'} a comparable "
            f"value ({new} not cited yet)"
        )
    )
    for n, s in enumerate(suggestions, 1):
        f = s.figure
        head = Text(f"{n:>2}. ")
        head.append(safe(_where(f), oneline=True), "cyan")
        head.append("  ")
        head.append(safe(" ".join(f.reading.text.split()), oneline=True), "bold")
        head.append(f"  {s.relation}", _RELATION_STYLE.get(s.relation, "red"))
        head.append(f"  (match {s.similarity:.2f})")
        screen.print(head)
        # wrapped lines hang under the first, so the numbers stay a column of their own
        screen.print(Padding(styled(s.effect), (0, 0, 0, 4)))
        screen.print(Padding(styled(f"“{_short(s.sentence.text)}”", "dim"), (0, 0, 0, 4)))
        if not s.cited:
            # one line per YAML line however long: wrapped, it would no longer paste
            screen.soft_wrap = True
            for line in evidence_yaml(s.item).rstrip("\n").split("\n"):
                screen.print(Text("      " + safe(line, oneline=True)))
            screen.soft_wrap = False
    if not suggestions:
        screen.print(styled("no passage states a comparable value"))
    return screen.text()


def suggest_json(claim: ClaimResult, suggestions: list[Suggestion]) -> str:
    doc = {
        "format": "cca-claims-suggest",
        "version": JSON_VERSION,
        "claim": claim.claim.id,
        "verdict": claim.verdict,
        "suggestions": [
            {
                **figure_json(s.figure),
                "similarity": s.similarity,
                "relation": s.relation,
                "effect": s.effect,
                "cited": s.cited,
                "passage": s.sentence.text,
                "evidence": s.item,
            }
            for s in suggestions
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# ----------------------------------------------------------------------------- discover
def discover_text(candidates: list[Candidate], *, color: bool = False, width: int = 100) -> str:
    screen = Screen(color, width)
    noun = "contradiction" if len(candidates) == 1 else "contradictions"
    screen.print(styled(f"{len(candidates)} candidate {noun} no claim covers yet", "bold"))
    for n, c in enumerate(candidates, 1):
        head = Text(f"{n:>2}. ")
        head.append(safe(short_text(c.a.reading)), "bold")
        head.append(" vs ")
        head.append(safe(short_text(c.b.reading)), "bold")
        head.append(f"  (match {c.score:.2f}; {'; '.join(c.reasons)})")
        screen.print(head)
        for f, passage in ((c.a, c.passage_a), (c.b, c.passage_b)):
            line = Text()
            line.append(safe(_where(f), oneline=True), "cyan")
            line.append("  " + safe(_short(passage), oneline=True), "dim")
            screen.print(Padding(line, (0, 0, 0, 4)))  # wrapped lines hang under the first
        screen.print(styled(f"    {add_command(c.a)}"))
        screen.print(styled(f"    {add_command(c.b)}"))
    return screen.text()


def discover_json(candidates: list[Candidate]) -> str:
    doc = {
        "format": "cca-claims-discover",
        "version": JSON_VERSION,
        "candidates": [
            {
                "score": c.score,
                "reasons": list(c.reasons),
                "a": {**figure_json(c.a), "passage": c.passage_a, "add": add_command(c.a)},
                "b": {**figure_json(c.b), "passage": c.passage_b, "add": add_command(c.b)},
            }
            for c in candidates
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
