"""Reading one claim file's document into Claim records, field by field, with positions,
collected in a ClaimSet.

`cca_claims.claims` finds and parses the files; this module knows the format's keys (the
contract in docs/claim-format.md) and turns every problem into a Finding at `file:line:col`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from cca_claims.asof import as_of_problem
from cca_claims.didyoumean import closest, did_you_mean
from cca_claims.model import KINDS, Claim, Evidence, Finding, Growth, Position, Review
from cca_claims.problems import problem
from cca_claims.yamlload import PosDict, PosList

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TOP_KEYS = ("claims",)
CLAIM_KEYS = (
    "id",
    "claim",
    "value",
    "period",
    "kind",
    "tags",
    "evidence",
    "part_of",
    "sum_of",
    "growth",
    "same_as",
    "note",
    "reviewed",
    "reviews",
    "aliases",
    "tolerance",
)
EVIDENCE_KEYS = ("source", "quote", "value", "rank", "reason", "note", "as_of")
REVIEW_KEYS = ("rule", "fingerprint", "status", "note", "by", "date")
REVIEW_STATUSES = ("explained", "accepted", "wontfix")
RANKS = ("normal", "deprecated")


@dataclass
class ClaimSet:
    """Every claim read, the files they came from, and the problems met."""

    claims: list[Claim] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    # SHA-256 of the bytes each file was read from, by its shown name: what the reading memo
    # keys a claim by (cache.py), so a claim's key never needs the claim's records hashed
    digests: dict[str, str] = field(default_factory=dict)


class ClaimFileReader:
    """Validates one file's claims into a ClaimSet, recording every problem with its position."""

    def __init__(
        self, file: str, sources: set[str], result: ClaimSet, first_seen: dict[str, Position]
    ):
        self.file = file
        self.sources = sources
        self.result = result
        self.first_seen = first_seen

    def pos(self, line_col: tuple[int, int]) -> Position:
        return Position(self.file, line_col[0], line_col[1])

    def add(
        self, code: str, message: str, where: tuple[int, int], hint: str = "", **kw: Any
    ) -> None:
        self.result.problems.append(problem(code, message, self.pos(where), hint, **kw))

    def unknown_keys(self, mapping: PosDict, allowed: tuple[str, ...], what: str) -> None:
        for key in mapping:
            if key not in allowed:
                self.add(
                    "E002",
                    f"unknown key {key!r} in {what}",
                    mapping.key_pos[key],
                    did_you_mean(key, allowed),
                )

    def read(self, doc: Any) -> None:
        if isinstance(doc, PosList):
            self.add(
                "E007",
                "the file holds a bare list",
                (doc.line, doc.col),
                "put the list under a `claims:` key",
            )
            items = doc
        elif isinstance(doc, PosDict):
            self.unknown_keys(doc, TOP_KEYS, "the file")
            if "claims" not in doc:
                self.add(
                    "E003",
                    "no `claims:` list in this file",
                    (doc.line, doc.col),
                    "start the file with `claims:` and a list of claims",
                )
                return
            items = doc["claims"]
            if not isinstance(items, PosList):
                if items is None:
                    return
                self.add(
                    "E007",
                    "`claims:` must be a list",
                    doc.value_pos["claims"],
                    "write each claim as `- id: ...`",
                )
                return
        else:
            self.add("E007", "a claim file must be a mapping with a `claims:` list", (1, 1))
            return
        for item, where in zip(items, items.item_pos):
            if not isinstance(item, PosDict):
                self.add("E007", "each claim must be a mapping (id, claim, evidence, ...)", where)
                continue
            claim = self.claim(item)
            if claim is not None:
                self.result.claims.append(claim)

    def claim(self, item: PosDict) -> Claim | None:
        where = (item.line, item.col)
        self.unknown_keys(item, CLAIM_KEYS, "a claim")
        claim_id = item.get("id")
        if claim_id is None:
            self.add(
                "E003",
                "claim has no `id`",
                where,
                "add `id: a-short-slug` (lowercase letters, digits, '-')",
            )
            return None
        claim_id = str(claim_id)
        id_where = item.value_pos["id"]
        if not ID_PATTERN.match(claim_id):
            self.add(
                "E007",
                f"claim id {claim_id!r} must be lowercase letters, digits and '-'",
                id_where,
                "e.g. trade-2024",
                claims=(claim_id,),
            )
        if claim_id in self.first_seen:
            first = self.first_seen[claim_id]
            self.add(
                "E004",
                f"duplicate claim id {claim_id!r} (first at {first})",
                id_where,
                "ids are unique across all claim files: rename one",
                claims=(claim_id,),
            )
            return None
        self.first_seen[claim_id] = self.pos(id_where)
        positions = {key: self.pos(item.key_pos[key]) for key in item}
        statement = item.get("claim")
        if statement is None or (isinstance(statement, str) and not statement.strip()):
            self.add(
                "E003",
                f"claim {claim_id!r} has no `claim` statement",
                where,
                "add `claim:` with the statement in one sentence",
                claims=(claim_id,),
            )
            statement = ""
        kind = self.text_field(item, "kind", claim_id)
        if kind is not None and kind not in KINDS:
            self.add(
                "E007",
                f"claim {claim_id!r}: kind {kind!r} is not one of {', '.join(KINDS)}",
                item.value_pos["kind"],
                did_you_mean(kind, KINDS),
                claims=(claim_id,),
            )
            kind = None
        evidence = self.evidence_list(item, claim_id)
        return Claim(
            id=claim_id,
            statement=str(statement),
            file=self.file,
            value=self.value_field(item, "value"),
            period=self.period_field(item, claim_id),
            kind=kind,
            tags=tuple(str(t) for t in self.list_field(item, "tags", claim_id)),
            evidence=tuple(evidence),
            part_of=self.text_field(item, "part_of", claim_id),
            sum_of=tuple(str(t) for t in self.list_field(item, "sum_of", claim_id)),
            growth=self.growth_field(item, claim_id),
            same_as=self.text_field(item, "same_as", claim_id),
            reviewed=self.date_field(item, "reviewed", claim_id),
            reviews=tuple(self.reviews(item, claim_id)),
            note=self.text_field(item, "note", claim_id) or "",
            aliases=tuple(str(a) for a in self.list_field(item, "aliases", claim_id)),
            tolerance=self.tolerance_field(item, claim_id),
            position=self.pos(where),
            positions=positions,
        )

    # -- fields ---------------------------------------------------------------------------
    def text_field(self, item: PosDict, key: str, claim_id: str) -> str | None:
        value = item.get(key)
        if value is None:
            return None
        if isinstance(value, (PosDict, PosList)):
            self.add(
                "E007",
                f"claim {claim_id!r}: `{key}` must be text, not a {'list' if isinstance(value, list) else 'mapping'}",
                item.value_pos[key],
                claims=(claim_id,),
            )
            return None
        return str(value)

    def value_field(self, item: PosDict, key: str) -> Any:
        """A `value:` may be a scalar or a list (a set value); kept as written."""
        value = item.get(key)
        if value is None:
            return None
        if isinstance(value, PosList):
            return [str(v) for v in value]
        if isinstance(value, PosDict):
            self.add("E007", f"`{key}` must be text or a list", item.value_pos[key])
            return None
        return value if isinstance(value, str) else str(value)

    def tolerance_field(self, item: PosDict, claim_id: str) -> float | None:
        """`tolerance: 2%` or `0.02`: this claim's relative slack, in place of the config's."""
        value = item.get("tolerance")
        if value is None:
            return None
        text = str(value).strip()
        try:
            number = float(text[:-1]) / 100 if text.endswith("%") else float(text)
        except ValueError:
            number = -1.0
        if isinstance(value, bool) or not 0.0 <= number <= 1.0:
            self.add(
                "E007",
                f"claim {claim_id!r}: `tolerance` must be a fraction from 0 to 1 or a percentage",
                item.value_pos["tolerance"],
                "e.g. `tolerance: 2%` or `tolerance: 0.02`",
                claims=(claim_id,),
            )
            return None
        return number

    def period_field(self, item: PosDict, claim_id: str) -> str | None:
        value = item.get("period")
        if value is None:
            return None
        if isinstance(value, (PosDict, PosList)):
            self.add(
                "E011",
                f"claim {claim_id!r}: `period` must be a year, a date or a range",
                item.value_pos["period"],
                "e.g. 2024, 2025-06-17 or 2025-06-16..2025-06-17",
                claims=(claim_id,),
            )
            return None
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    def as_of_field(self, entry: PosDict, claim_id: str) -> str | None:
        """An evidence item's `as_of:`: a date, month, year or range, as `period:` takes."""
        value = entry.get("as_of")
        if value is None:
            return None
        text = value.isoformat() if isinstance(value, dt.date) else str(value)
        why = as_of_problem(value)
        if why:
            self.add(
                "E011",
                f"claim {claim_id!r}: cannot read as_of {text!r}: {why}",
                entry.value_pos["as_of"],
                "write the date the passage's figure or status refers to: 2023-03-31, "
                "2023-03 or 2022",
                claims=(claim_id,),
            )
            return None
        return text

    def date_field(self, item: PosDict, key: str, claim_id: str) -> str | None:
        value = item.get(key)
        if value is None:
            return None
        if isinstance(value, dt.date):
            return value.isoformat()
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            self.add(
                "E007",
                f"claim {claim_id!r}: `{key}` {value!r} is not a YYYY-MM-DD date",
                item.value_pos[key],
                claims=(claim_id,),
            )
            return None

    def list_field(self, item: PosDict, key: str, claim_id: str) -> list:
        value = item.get(key)
        if value is None:
            return []
        if isinstance(value, PosList):
            return list(value)
        if isinstance(value, PosDict):
            self.add(
                "E007",
                f"claim {claim_id!r}: `{key}` must be a list",
                item.value_pos[key],
                claims=(claim_id,),
            )
            return []
        return [value]

    def growth_field(self, item: PosDict, claim_id: str) -> Growth | None:
        value = item.get("growth")
        if value is None:
            return None
        if not isinstance(value, PosDict) or "from" not in value or "to" not in value:
            self.add(
                "E007",
                f"claim {claim_id!r}: `growth` must be a mapping with `from` and `to`",
                item.value_pos["growth"],
                "e.g. growth: {from: trade-2023, to: trade-2024}",
                claims=(claim_id,),
            )
            return None
        self.unknown_keys(value, ("from", "to"), "growth")
        return Growth(str(value["from"]), str(value["to"]))

    def evidence_list(self, item: PosDict, claim_id: str) -> list[Evidence]:
        raw = item.get("evidence")
        where = item.key_pos.get("evidence", (item.line, item.col))
        if raw is None or (isinstance(raw, PosList) and not raw):
            self.add(
                "E006",
                f"claim {claim_id!r} has no evidence",
                where,
                "add at least one `evidence:` item with `source:` and `quote:`",
                claims=(claim_id,),
            )
            return []
        if not isinstance(raw, PosList):
            self.add(
                "E007", f"claim {claim_id!r}: `evidence` must be a list", where, claims=(claim_id,)
            )
            return []
        out = []
        for index, (entry, at) in enumerate(zip(raw, raw.item_pos)):
            if not isinstance(entry, PosDict):
                self.add(
                    "E007",
                    f"claim {claim_id!r}: each evidence item needs `source:` and `quote:`",
                    at,
                    claims=(claim_id,),
                )
                continue
            ev = self.evidence(entry, claim_id, index, at)
            if ev is not None:
                out.append(ev)
        return out

    def evidence(
        self, entry: PosDict, claim_id: str, index: int, at: tuple[int, int]
    ) -> Evidence | None:
        self.unknown_keys(entry, EVIDENCE_KEYS, "an evidence item")
        missing = [k for k in ("source", "quote") if entry.get(k) in (None, "")]
        for key in missing:
            self.add(
                "E003", f"claim {claim_id!r}: evidence item has no `{key}`", at, claims=(claim_id,)
            )
        if missing:
            return None
        source = str(entry["source"])
        quote = entry["quote"]
        if isinstance(quote, (PosDict, PosList)):
            self.add(
                "E007",
                f"claim {claim_id!r}: `quote` must be text",
                entry.value_pos["quote"],
                claims=(claim_id,),
            )
            return None
        if source not in self.sources:
            best = closest(source, self.sources)
            hint = (
                f"did you mean {best!r}?"
                if best
                else "add the document to sources/ and sources.yaml"
            )
            self.add(
                "E005",
                f"claim {claim_id!r}: unknown source {source!r}",
                entry.value_pos["source"],
                hint,
                claims=(claim_id,),
                sources=(source,),
            )
        rank = str(entry.get("rank", "normal"))
        if rank not in RANKS:
            self.add(
                "E007",
                f"claim {claim_id!r}: rank {rank!r} is not one of {', '.join(RANKS)}",
                entry.value_pos["rank"],
                claims=(claim_id,),
            )
            rank = "normal"
        if rank == "deprecated" and not entry.get("reason"):
            self.add(
                "E003",
                f"claim {claim_id!r}: a deprecated evidence item needs a `reason`",
                entry.key_pos["rank"],
                "say why this passage is known to be wrong",
                claims=(claim_id,),
            )
        return Evidence(
            source=source,
            quote=str(quote),
            value=self.value_field(entry, "value"),
            rank=rank,
            reason=str(entry.get("reason") or ""),
            note=str(entry.get("note") or ""),
            as_of=self.as_of_field(entry, claim_id),
            index=index,
            position=self.pos(at),
            positions={key: self.pos(entry.key_pos[key]) for key in entry},
        )

    def reviews(self, item: PosDict, claim_id: str) -> list[Review]:
        raw = item.get("reviews")
        if raw is None:
            return []
        if not isinstance(raw, PosList):
            self.add(
                "E014",
                f"claim {claim_id!r}: `reviews` must be a list",
                item.value_pos["reviews"],
                claims=(claim_id,),
            )
            return []
        out = []
        for entry, at in zip(raw, raw.item_pos):
            if not isinstance(entry, PosDict):
                self.add(
                    "E014",
                    "a review must be a mapping with rule, fingerprint and status",
                    at,
                    claims=(claim_id,),
                )
                continue
            self.unknown_keys(entry, REVIEW_KEYS, "a review")
            missing = [k for k in ("rule", "fingerprint", "status") if not entry.get(k)]
            if missing:
                self.add(
                    "E014",
                    f"claim {claim_id!r}: review lacks {', '.join(missing)}",
                    at,
                    "copy rule and fingerprint from the finding (`cca-claims show ID`)",
                    claims=(claim_id,),
                )
                continue
            status = str(entry["status"])
            if status not in REVIEW_STATUSES:
                self.add(
                    "E014",
                    f"claim {claim_id!r}: review status {status!r} is not one of "
                    f"{', '.join(REVIEW_STATUSES)}",
                    entry.value_pos["status"],
                    claims=(claim_id,),
                )
                continue
            date = entry.get("date")
            out.append(
                Review(
                    rule=str(entry["rule"]),
                    fingerprint=str(entry["fingerprint"]),
                    status=status,
                    note=str(entry.get("note") or ""),
                    by=str(entry.get("by") or ""),
                    date=date.isoformat() if isinstance(date, dt.date) else str(date or ""),
                    position=self.pos(at),
                )
            )
        return out
