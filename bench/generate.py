"""A deterministic generator of synthetic corpora in the shape of the bundled one.

A corpus is a `sources/` folder (news-like `.txt` documents plus `sources.yaml`) and a `claims/`
folder of claim files. Each claim is a *fact* (money, count, percent, quantity, date, set, status)
stated in one to five sources with varying phrasing; its evidence quotes are cut from those
statements. Like real hand-copied quotes, a share is perturbed:

- typographic: curly vs straight quotes, en dash vs hyphen, doubled spaces or a line break
  (absorbed by the normalized view: still exact anchors);
- edited: one or two words changed, dropped or misspelt (the fuzzy path);
- lost: the quote is taken from another document (not found: the slowest fuzzy case).

A share of facts are real contradictions: one source states another figure, or the claim's own
`value:` disagrees with every source. The same tier and seed always give the same bytes.
"""

from __future__ import annotations

import json
import random
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR_VERSION = "3"

# tier -> (sources, claims); a claim has ~3 evidence quotes on average
TIERS: dict[str, tuple[int, int]] = {
    "XS": (10, 50),
    "S": (100, 1_000),
    "M": (1_000, 10_000),
    "L": (5_000, 50_000),
}
SOURCE_CHARS = 10_000  # target size of one source document
CLAIMS_PER_FILE = 100
SHARE_TYPO = 0.10  # quotes with typographic changes only
SHARE_EDITED = 0.10  # quotes with one or two words edited
SHARE_LOST = 0.01  # quotes copied from another document
SHARE_CONTRADICTED = 0.05  # facts with a real contradiction

COUNTRIES = ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "China"]
CITIES = ["Astana", "Almaty", "Bishkek", "Dushanbe", "Ashgabat", "Tashkent", "Xi'an", "Urumqi"]
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
SYLLABLES = [
    "ka", "ra", "bel", "tash", "ul", "bek", "nur", "sar", "min", "dor", "zhan", "ar", "tal",
    "kor", "gul", "san", "tur", "ab", "ay", "mir", "ol", "tem", "yer", "qiz", "jol", "han",
]  # fmt: skip
THINGS = ["logistics hub", "industrial park", "solar plant", "railway link", "gas pipeline",
          "dry port", "water project", "trade zone", "data centre", "road corridor"]  # fmt: skip
NOUNS = ["centres", "schools", "clinics", "warehouses", "factories", "stations", "laboratories"]
GOODS = ["wheat", "cotton", "copper", "machinery", "textiles", "fertiliser", "electronics"]
STATUSES = ["under construction", "completed", "signed", "agreed", "suspended", "planned"]
AGENCIES = ["the customs service", "the statistics bureau", "the ministry of trade", "officials"]
FILLER = [
    "Officials said talks would continue in {city} next month.",
    "The delegation from {country} included ministers of energy, transport and finance.",
    "Analysts in {city} described the meeting as “a turning point” for the region.",
    "The statement did not give a timetable for the next round of talks.",
    "Observers noted that the agenda covered trade, transit, water and digital links.",
    "A spokesperson for the {country} foreign ministry declined to comment further.",
    "Earlier this year, {n} delegations attended a preparatory forum in {city}.",
    "Local media reported queues of lorries at the border crossing near {city}.",
    "The project’s backers say it will create about {n},000 jobs over the next decade.",
    "Construction companies from {country} and China – many state-owned – bid for the work.",
    "The forum’s final declaration runs to {n} pages and lists dozens of commitments.",
]
SYNONYMS = {
    "said": "stated", "reached": "hit", "new": "additional", "will": "would",
    "the": "a", "in": "during", "officials": "authorities", "grew": "rose", "about": "around",
    "signed": "concluded", "opened": "launched", "according": "accoding", "held": "convened",
}  # fmt: skip


@dataclass
class Fact:
    """One statement of the corpus: what claims cite and sources state."""

    id: str
    kind: str
    claim: str
    value: str
    period: str | None
    sentences: list[str]  # one per stating source, each its own phrasing
    sources: list[int] = field(default_factory=list)
    claim_value: str = ""  # the claim's `value:` (may contradict the sources)
    contradicted: bool = False


def _name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        name += f"-{rng.randint(2, 99)}"
        if name not in used:
            used.add(name)
            return name


def _fact(rng: random.Random, index: int, used: set[str], copies: int, bad: bool) -> Fact:
    """A fact stated `copies` times; when `bad`, one statement or the claim value disagrees."""
    kind = rng.choice(["money", "money", "count", "percent", "quantity", "date", "set", "status"])
    name = _name(rng, used)
    thing = rng.choice(THINGS)
    year = rng.randint(2019, 2025)
    country = rng.choice(COUNTRIES[:5])
    city = rng.choice(CITIES)
    agency = rng.choice(AGENCIES)
    fid = f"f{index:06d}-{kind}"

    def variants(values: list) -> list[str]:
        out = []
        for v in values:
            if kind == "money":
                phrasing = [
                    f"Investment in the {name} {thing} in {country} reached ${v} billion in "
                    f"{year}, according to {agency}.",
                    f"According to {agency}, the {name} {thing} drew ${v} billion of investment "
                    f"in {year}.",
                    f"The {name} {thing} – backed by lenders in {city} – attracted {v} billion "
                    f"US dollars in {year}.",
                ]
            elif kind == "count":
                noun = NOUNS[index % len(NOUNS)]
                phrasing = [
                    f"The {name} programme opened {v} new {noun} in {country} during {year}.",
                    f"In {year}, the {name} programme opened {v} {noun} across {country}.",
                ]
            elif kind == "percent":
                good = GOODS[index % len(GOODS)]
                phrasing = [
                    f"Exports of {good} through the {name} {thing} grew by {v}% in {year}.",
                    f"{agency.capitalize()} said {good} shipments via the {name} {thing} rose "
                    f"{v} percent in {year}.",
                ]
            elif kind == "quantity":
                phrasing = [
                    f"The {name} {thing} will carry {v} million tonnes of cargo a year.",
                    f"Once finished, the {name} {thing} is designed to handle {v} million tonnes "
                    f"of cargo annually.",
                ]
            elif kind == "date":
                d = v
                phrasing = [
                    f"The {name} forum was held in {city} on {MONTHS[d[1] - 1]} {d[2]}, {d[0]}.",
                    f"On {d[2]} {MONTHS[d[1] - 1]} {d[0]}, delegates met in {city} for the "
                    f"{name} forum.",
                ]
            elif kind == "set":
                phrasing = [
                    f"The {name} agreement was signed by {', '.join(v[:-1])} and {v[-1]}.",
                    f"Signatories of the {name} agreement: {', '.join(v)}.",
                ]
            else:
                phrasing = [
                    f"Work on the {name} {thing} is {v}, {agency} said.",
                    f"{agency.capitalize()} said the {name} {thing} is {v}.",
                ]
            out.append(rng.choice(phrasing))
        return out

    if kind == "money":
        v = round(rng.uniform(0.2, 30), 1)
        wrong = round(v * rng.choice([1.5, 2.0, 0.5]), 1)
        fmt = lambda x: f"{x} billion USD"  # noqa: E731
        claim = f"Investment in the {name} {thing} reached ${v} billion in {year}."
        period = str(year)
    elif kind == "count":
        v = rng.randint(3, 400)
        wrong = v + rng.randint(5, 40)
        noun = NOUNS[index % len(NOUNS)]
        fmt = lambda x: f"{x} {noun}"  # noqa: E731
        claim = f"The {name} programme opened {v} {noun} in {year}."
        period = str(year)
    elif kind == "percent":
        v = rng.randint(2, 90)
        wrong = v + rng.randint(10, 30)
        fmt = lambda x: f"{x}%"  # noqa: E731
        claim = f"Exports through the {name} {thing} grew by {v}% in {year}."
        period = str(year)
    elif kind == "quantity":
        v = rng.randint(2, 120)
        wrong = v * 2
        fmt = lambda x: f"{x} million tonnes"  # noqa: E731
        claim = f"The {name} {thing} is designed for {v} million tonnes of cargo a year."
        period = None
    elif kind == "date":
        v = (year, rng.randint(1, 12), rng.randint(1, 28))
        wrong = (year, v[1] % 12 + 1, v[2])
        fmt = lambda x: f"{x[0]:04d}-{x[1]:02d}-{x[2]:02d}"  # noqa: E731
        claim = f"The {name} forum took place in {city}."
        period = None
    elif kind == "set":
        v = sorted(rng.sample(COUNTRIES[:5], rng.randint(2, 4)))
        wrong = sorted(set(COUNTRIES[:5]) - set(v))[:2] + v[:1]
        fmt = lambda x: "[" + ", ".join(x) + "]"  # noqa: E731
        claim = f"The {name} agreement was signed by {len(v)} countries."
        period = None
    else:
        v = rng.choice(STATUSES)
        wrong = rng.choice([s for s in STATUSES if s != v])
        fmt = lambda x: x  # noqa: E731
        claim = f"The {name} {thing} is {v}."
        period = None
    values = [v] * copies
    claim_value = fmt(v)
    if bad:
        if copies > 1 and rng.random() < 0.6:
            values[rng.randrange(copies)] = wrong  # the sources disagree
        else:
            claim_value = fmt(wrong)  # the claim disagrees with its sources
    return Fact(
        fid,
        kind,
        claim,
        fmt(v),
        period,
        variants(values),
        claim_value=claim_value,
        contradicted=bad,
    )


def _filler(rng: random.Random) -> str:
    return rng.choice(FILLER).format(
        city=rng.choice(CITIES), country=rng.choice(COUNTRIES), n=rng.randint(2, 60)
    )


def _perturb(rng: random.Random, quote: str, mode: str) -> str:
    """Change a quote the way hand copying does."""
    if mode == "typo":
        changes = [
            lambda q: q.replace("’", "'").replace("“", '"').replace("”", '"'),
            lambda q: q.replace("'", "’"),
            lambda q: q.replace(" – ", " - ").replace("-", "‑"),
            lambda q: q.replace(" ", "  ", 2),
            lambda q: q.replace(" ", "\n", 1),
        ]
        return rng.choice(changes)(quote)
    words = quote.split(" ")
    for _ in range(rng.randint(1, 2)):
        candidates = [i for i, w in enumerate(words) if w.isalpha() and len(w) > 2]
        if not candidates:
            break
        i = rng.choice(candidates)
        w = words[i]
        action = rng.random()
        if w.lower() in SYNONYMS and action < 0.5:
            words[i] = SYNONYMS[w.lower()]
        elif action < 0.7 and len(words) > 6:
            del words[i]
        else:  # a misspelling: two letters swapped
            j = rng.randrange(len(w) - 1)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def generate(out: Path, tier: str, seed: int = 7) -> dict[str, int]:
    """Write tier `tier`'s corpus under `out` (`sources/`, `claims/`); return its counts."""
    n_sources, n_claims = TIERS[tier]
    rng = random.Random(f"{seed}-{tier}")
    used: set[str] = set()
    facts: list[Fact] = []
    per_source: list[list[tuple[str, str]]] = [[] for _ in range(n_sources)]  # (fact id, sentence)
    for i in range(n_claims):
        copies = min(n_sources, rng.choice([1, 2, 3, 3, 3, 4, 5]))
        fact = _fact(rng, i, used, copies, rng.random() < SHARE_CONTRADICTED)
        fact.sources = rng.sample(range(n_sources), copies)
        for s, sentence in zip(fact.sources, fact.sentences):
            per_source[s].append((fact.id, sentence))
        facts.append(fact)

    src_dir, claim_dir = out / "sources", out / "claims"
    src_dir.mkdir(parents=True, exist_ok=True)
    claim_dir.mkdir(parents=True, exist_ok=True)
    texts: list[str] = []
    registry = ["# Synthetic sources written by bench/generate.py (deterministic).", ""]
    total_bytes = 0
    for s in range(n_sources):
        sid = f"src-{s:05d}"
        stated = per_source[s]
        rng.shuffle(stated)
        paragraphs: list[str] = [f"Synthetic report {s}: regional cooperation update"]
        size = len(paragraphs[0])
        k = 0
        while size < SOURCE_CHARS or k < len(stated):
            sentences = []
            for _ in range(rng.randint(3, 6)):
                if k < len(stated) and rng.random() < 0.5:
                    sentences.append(stated[k][1])
                    k += 1
                else:
                    sentences.append(_filler(rng))
            if rng.random() < 0.15:  # a list, as briefings have
                para = "\n".join(f"- {x}" for x in sentences)
            else:
                para = " ".join(sentences)
                if s % 3 == 0:  # hard-wrapped documents: quotes span line breaks
                    para = "\n".join(textwrap.wrap(para, 80))
            paragraphs.append(para)
            size += len(para) + 2
        text = "\n\n".join(paragraphs) + "\n"
        texts.append(text)
        data = text.encode("utf-8")
        total_bytes += len(data)
        (src_dir / f"{sid}.txt").write_bytes(data)
        month = rng.randint(1, 12)
        registry += [
            f"{sid}:",
            f'  title: "Synthetic report {s}"',
            f"  publisher: Bench Wire {s % 17}",
            f"  published: 2025-{month:02d}-{rng.randint(1, 28):02d}",
            "  language: en",
            f"  kind: {rng.choice(['news', 'analysis', 'official', 'commentary'])}",
        ]
    (src_dir / "sources.yaml").write_text("\n".join(registry) + "\n", encoding="utf-8")

    counts = {"sources": n_sources, "claims": n_claims, "quotes": 0, "source_bytes": total_bytes}
    counts.update({"typo": 0, "edited": 0, "lost": 0, "contradicted": 0})
    for f0 in range(0, n_claims, CLAIMS_PER_FILE):
        lines = [f"# Synthetic claims {f0}..{f0 + CLAIMS_PER_FILE - 1}", "claims:"]
        for fact in facts[f0 : f0 + CLAIMS_PER_FILE]:
            counts["contradicted"] += fact.contradicted
            lines += [
                f"  - id: {fact.id}",
                f"    claim: {json.dumps(fact.claim, ensure_ascii=False)}",
                f"    value: {_yaml_value(fact)}",
                f"    kind: {fact.kind}",
            ]
            if fact.period:
                lines.append(f"    period: {fact.period}")
            lines.append("    evidence:")
            for s, sentence in zip(fact.sources, fact.sentences):
                quote = sentence
                clause = quote[: quote.index(", ")] if ", " in quote else ""
                if rng.random() < 0.3 and "-" in clause:  # a clause naming the fact's subject
                    quote = clause
                roll = rng.random()
                if roll < SHARE_LOST:
                    other = texts[rng.randrange(n_sources)]
                    at = rng.randrange(max(1, len(other) - 120))
                    quote = " ".join(other[at : at + 120].split()[1:-1]) or quote
                    counts["lost"] += 1
                elif roll < SHARE_LOST + SHARE_EDITED:
                    quote = _perturb(rng, quote, "edit")
                    counts["edited"] += 1
                elif roll < SHARE_LOST + SHARE_EDITED + SHARE_TYPO:
                    quote = _perturb(rng, quote, "typo")
                    counts["typo"] += 1
                counts["quotes"] += 1
                lines += [
                    f"      - source: src-{s:05d}",
                    f"        quote: {json.dumps(quote, ensure_ascii=False)}",
                ]
        name = claim_dir / f"claims-{f0 // CLAIMS_PER_FILE:04d}.yaml"
        name.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return counts


def _yaml_value(fact: Fact) -> str:
    if fact.kind == "set":  # a YAML list, as editors write sets
        return fact.claim_value
    return json.dumps(fact.claim_value, ensure_ascii=False)


def ensure_corpus(root: Path, tier: str, seed: int = 7) -> tuple[Path, dict[str, int]]:
    """The corpus of `tier` under `root`, generated once and reused while its stamp matches."""
    folder = root / f"corpus-{tier}-{seed}"
    stamp = folder / "corpus.json"
    want = {"generator": GENERATOR_VERSION, "tier": tier, "seed": seed}
    if stamp.is_file():
        try:
            meta = json.loads(stamp.read_text())
            if all(meta.get(k) == v for k, v in want.items()):
                return folder, meta["counts"]
        except (OSError, ValueError, KeyError):
            pass
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    counts = generate(folder, tier, seed)
    stamp.write_text(json.dumps({**want, "counts": counts}, indent=2))
    return folder, counts
