"""The HTML report (`check --format html -o report.html`): one self-contained file for a browser.

Nothing is fetched: the style sheet and the few lines of script are inline, the plots are inline
SVG, no font, image or script comes from elsewhere (a Content-Security-Policy says so to the
browser too). The page holds:

- the summary (as the text report's, with the claims not checked counted apart);
- a table of every claim, those needing attention first (verdict, rules, what disagrees, where),
  with filters by verdict, tag and rule (also set from the address: `report.html#verdict=disputed`
  or `#tag=trade&rule=C201`);
- per claim: its statement and value, each disagreement once (restating findings folded in),
  notes and reviews, an interval plot for numbers (a timeline for dates, a table of who names
  which item for sets), and each passage in its context with the figure highlighted and a link to
  the source (its URL from the registry, else the source file).

All user text is escaped (`esc`): markup stays text, control characters and bidi overrides show as
escapes, and only http(s) and file links are ever written into an `href`.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cca_claims.model import ClaimResult, EvidenceResult, Report, Source
from cca_claims.report import html_plots
from cca_claims.report.attention import ClaimView, counts, reason_kind, views, what_disagrees
from cca_claims.report.common import (
    conversion_texts,
    figure_span,
    reading_text,
    safe,
    short_text,
    source_path,
    sources_by_id,
    squash,
)
from cca_claims.report.html_assets import SCRIPT, STYLE

CONTEXT = 120  # characters of source shown either side of a quote


def flat(text: str) -> str:
    """Runs of whitespace as one space, the edges kept (a passage cut in pieces stays spaced)."""
    return re.sub(r"\s+", " ", text)


def esc(text: object) -> str:
    """User text for HTML: control characters as visible escapes, then HTML-escaped."""
    return html.escape(safe(str(text), oneline=True), quote=True)


def render(report: Report, **_: Any) -> str:
    """The whole report as one HTML document."""
    all_views = views(report)
    sources = sources_by_id(report)
    links = {s.id: _link(report, s, s.id) for s in report.sources}  # resolved once per source
    ordered = [v for v in all_views if v.needs_attention] + [
        v for v in all_views if not v.needs_attention
    ]
    parts = [
        _head(),
        "<body>",
        "<header><h1>cca-claims check</h1>",
        _summary(report, all_views),
        "</header><main>",
        _filters(all_views),
        _table(ordered),
        '<section id="claims">',
        *(_claim(v, sources, links) for v in ordered),
        "</section>",
        _loose(report),
        "</main>",
        f"<footer>cca-claims {esc(report.tool_version)}, {esc(report.generated_at)}</footer>",
        f"<script>{SCRIPT}</script>",
        "</body></html>\n",
    ]
    return "\n".join(p for p in parts if p)


# ----------------------------------------------------------------------------- page parts
def _head() -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<title>cca-claims report</title><style>{STYLE}</style></head>"
    )


def _summary(report: Report, all_views: list[ClaimView]) -> str:
    tally = counts(all_views)
    verdicts = report.verdict_counts()
    checked = len(report.claims) - verdicts.get("unsupported", 0)
    quotes = report.stats.get("quotes", {})
    anchored = sum(quotes.get(k, 0) for k in ("exact", "fuzzy", "ambiguous"))
    found = report.counts()
    verdict_text = ", ".join(
        f'<span class="verdict v-{v}">{n} {v}</span>'
        for v, n in verdicts.items()
        if n and v != "unsupported"
    )
    reasons: dict[str, int] = {}
    for v in all_views:
        if v.not_checked:
            key = reason_kind(v.not_checked)
            reasons[key] = reasons.get(key, 0) + 1
    not_checked = str(tally["not_checked"])
    if reasons:
        not_checked += ": " + ", ".join(f"{n} {esc(k)}" for k, n in reasons.items())
    rows = [
        (
            "Claims",
            f"{len(report.claims)} in {len(report.files)} file(s), "
            f"citing {len(report.sources)} source(s)",
        ),
        ("Quotes anchored", f"{anchored} of {quotes.get('total', 0)}"),
        ("Verdicts", f"{verdict_text or 'none'} (of {checked} checked)"),
        ("Not checked", not_checked),
        (
            "Findings",
            f'<span class="sev-error">{found["error"]} error</span>, '
            f'<span class="sev-warning">{found["warning"]} warning</span>, '
            f"{found['info']} info; {found['reviewed']} reviewed or baselined",
        ),
        ("Needs attention", f"{tally['attention']} claim(s)"),
    ]
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="summary">{body}</dl>'


def _filters(all_views: list[ClaimView]) -> str:
    verdicts = sorted({v.shown_verdict for v in all_views})
    tags = sorted({t for v in all_views for t in v.result.claim.tags})
    rules = sorted({r for v in all_views for r in _rules(v)})

    def select(name: str, values: list[str]) -> str:
        options = "".join(f'<option value="{esc(x)}">{esc(x)}</option>' for x in values)
        return (
            f'<label>{name} <select id="filter-{name}" data-filter="{name}">'
            f'<option value="">any</option>{options}</select></label>'
        )

    return (
        '<section id="filters"><h2>Claims</h2><form class="filters">'
        + select("verdict", verdicts)
        + select("tag", tags)
        + select("rule", rules)
        + '<button type="reset" id="filter-reset">show all</button></form>'
        '<p id="shown-count" aria-live="polite"></p></section>'
    )


def _rules(view: ClaimView) -> list[str]:
    out = [r for issue in view.issues for r in issue.rules]
    out += [f.rule for f in (*view.notes, *view.settled)]
    return list(dict.fromkeys(out))


def _data(view: ClaimView) -> str:
    """The attributes the filters read: `|`-framed lists, so one value never matches a part."""
    tags = "|" + "|".join(view.result.claim.tags) + "|"
    rules = "|" + "|".join(_rules(view)) + "|"
    return (
        f'data-claim="{esc(view.result.claim.id)}" data-verdict="{esc(view.shown_verdict)}" '
        f'data-tags="{esc(tags)}" data-rules="{esc(rules)}" '
        f'data-attention="{"yes" if view.needs_attention else "no"}"'
    )


def _table(ordered: list[ClaimView]) -> str:
    rows = []
    for v in ordered:
        claim = v.result.claim
        line = claim.position.line if claim.position else 1
        what = what_disagrees(v) if v.needs_attention else ""
        rules = " ".join(_rules(v)) or "\u2014"
        rows.append(
            f'<tr class="claim-row" {_data(v)}>'
            f'<td><a href="#claim-{esc(claim.id)}">{esc(claim.id)}</a></td>'
            f'<td><span class="verdict v-{esc(v.result.verdict)}">{esc(v.shown_verdict)}</span></td>'
            f"<td>{esc(rules)}</td><td>{esc(what)}</td>"
            f'<td class="where">{esc(claim.file)}:{line}</td></tr>'
        )
    return (
        '<table id="claims-table"><thead><tr><th>claim</th><th>verdict</th><th>rules</th>'
        "<th>what disagrees</th><th>where</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _claim(view: ClaimView, sources: dict[str, Source], links: dict[str, str]) -> str:
    result = view.result
    claim = result.claim
    line = claim.position.line if claim.position else 1
    out = [
        f'<article class="claim" id="claim-{esc(claim.id)}" {_data(view)}>',
        f"<h3>{esc(claim.id)} "
        f'<span class="verdict v-{esc(result.verdict)}">{esc(view.shown_verdict)}</span> '
        f'<span class="where">{esc(claim.file)}:{line}</span></h3>',
        f'<p class="statement">{esc(claim.statement)}</p>',
    ]
    if result.claim_reading is not None or claim.value is not None:
        r = result.claim_reading
        value = claim.value
        if isinstance(value, list | tuple):
            value = "; ".join(str(v) for v in value)
        written = (r.text if r is not None and r.text else "") or str(value or "")
        normal = f" = {esc(reading_text(r))}" if r is not None else ""
        out.append(f'<p class="value">value: <b>{esc(written)}</b>{normal}</p>')
    if claim.tags:
        out.append(f'<p class="tags">{" ".join(f"<span>{esc(t)}</span>" for t in claim.tags)}</p>')
    if view.not_checked:
        out.append(f'<p class="not-checked">not checked: {esc(view.not_checked)}</p>')
    items = []
    for issue in view.issues:
        f = issue.finding
        folded = f' <span class="folded">(+{esc(", ".join(g.rule for g in issue.folded))})</span>'
        hint = f'<div class="hint">hint: {esc(f.hint)}</div>' if f.hint else ""
        items.append(
            f'<li class="finding sev-{esc(f.severity)}"><b>{esc(f.severity)} {esc(f.rule)}</b> '
            f"{esc(f.name)}{folded if issue.folded else ''}: {esc(f.message)} "
            f'<span class="where">{esc(f.location)}</span>{_alike(issue)}{hint}</li>'
        )
    for f in view.notes:
        items.append(
            f'<li class="finding sev-info"><b>info {esc(f.rule)}</b> {esc(f.name)}: '
            f"{esc(f.message)}</li>"
        )
    for f in view.settled:
        note = f" \u2014 {esc(f.review_note)}" if f.review_note else ""
        items.append(
            f'<li class="finding settled"><b>{esc(f.rule)}</b> {esc(f.name)} '
            f"[{esc(f.review)}]: {esc(f.message)}{note}</li>"
        )
    for f in view.elsewhere:
        other = f.claims[0] if f.claims else ""
        items.append(
            f'<li class="finding elsewhere">{esc(f.rule)} {esc(f.name)}: see '
            f'<a href="#claim-{esc(other)}">{esc(other)}</a></li>'
        )
    if items:
        out.append(f'<ul class="findings">{"".join(items)}</ul>')
    out.append(_picture(result))
    passages = [
        _passage(ev, result, sources.get(ev.evidence.source), links) for ev in result.evidence
    ]
    if passages:
        out.append(f'<ol class="passages">{"".join(passages)}</ol>')
    out.append("</article>")
    return "".join(out)


def _alike(issue) -> str:
    """The same rule on the claim's other passages: one line each under the first."""
    if not issue.alike:
        return ""
    lines = "".join(
        f'<li>{esc(g.message)} <span class="where">{esc(g.location)}</span></li>'
        for g in issue.alike
    )
    return f'<ul class="alike">{lines}</ul>'


def _picture(result: ClaimResult) -> str:
    if result.kind == "set":
        table = html_plots.set_table(result, esc)
        return f'<figure class="picture">{table}</figure>' if table else ""
    svg = html_plots.interval_plot(result, esc)
    if not svg:
        return ""
    notes = html_plots.conversion_notes(result)
    caption = (
        "Each bar is what a passage allows (the claim's value in its own colour); green shading is"
        " where all of them overlap, grey where a group of agreeing passages does when not all do."
    )
    if notes:
        caption += " Converted (*): " + "; ".join(f"{esc(w)}: {esc(n)}" for w, n in notes)
    return f'<figure class="picture">{svg}<figcaption>{caption}</figcaption></figure>'


def _passage(
    ev: EvidenceResult, result: ClaimResult, source: Source | None, links: dict[str, str]
) -> str:
    anchor = ev.anchor.anchor
    marks = {
        i: ("agrees" if g.agrees_with_claim else "differs")
        for g in result.reconciled
        if g.agrees_with_claim is not None
        for i in g.evidence
    }
    mark = marks.get(ev.evidence.index, "")
    link = links.get(ev.evidence.source) or f"<b>{esc(ev.evidence.source)}</b>"
    where = f":{anchor.line}:{anchor.col}" if anchor is not None else ""
    meta = ""
    if source is not None:
        meta = f' <span class="meta">{esc(source.meta.kind)}, {esc(source.meta.date_label)}</span>'
    status = (
        ""
        if ev.anchor.status == "exact"
        else f' <span class="status">[{esc(ev.anchor.status)}]</span>'
    )
    if ev.evidence.rank == "deprecated":
        status += ' <span class="status">[deprecated]</span>'
    if anchor is not None and source is not None:
        text = source.text
        before = flat(text[max(0, anchor.start - CONTEXT) : anchor.start]).lstrip()
        after = flat(text[anchor.end : anchor.end + CONTEXT]).rstrip()
        quote = anchor.text
        span = figure_span(ev)
        if span is not None:
            s, e = span
            inner = (
                f"{esc(flat(quote[:s]))}<mark>{esc(flat(quote[s:e]))}</mark>{esc(flat(quote[e:]))}"
            )
        else:
            inner = esc(flat(quote))
        body = (
            f'<blockquote><span class="context">\u2026{esc(before)}</span>'
            f"<q>{inner}</q>"
            f'<span class="context">{esc(after)}\u2026</span></blockquote>'
        )
    else:
        body = f'<blockquote class="missing"><q>{esc(squash(ev.evidence.quote))}</q></blockquote>'
    r = ev.reading
    if r is not None:
        written, normal = r.text or short_text(r), reading_text(r)
        value = f"{esc(written)} = <b>{esc(normal)}</b>" if written != normal else esc(normal)
        via = "".join(f'<div class="via">via {esc(line)}</div>' for line in conversion_texts(r))
    else:
        value = f"no value read{': ' + esc(ev.reading_problem) if ev.reading_problem else ''}"
        via = ""
    return (
        f'<li class="passage {mark}" data-source="{esc(ev.evidence.source)}">'
        f'<div class="who">{link}{esc(where)}{meta}{status}</div>{body}'
        f'<div class="reading">{value}</div>{via}</li>'
    )


def _link(report: Report, source: Source | None, source_id: str) -> str:
    """The source's name linked to its URL (http or https only), else to its file."""
    if source is None:
        return f"<b>{esc(source_id)}</b>"
    url = source.meta.url.strip()
    if url and urlsplit(url).scheme in ("http", "https"):
        return f'<a class="source" href="{esc(url)}">{esc(source_id)}</a>'
    try:
        href = Path(source.meta.path).resolve().as_uri()
    except (ValueError, OSError):
        return f"<b>{esc(source_id)}</b>"
    title = esc(source_path(report, source))
    return f'<a class="source" href="{esc(href)}" title="{title}">{esc(source_id)}</a>'


def _loose(report: Report) -> str:
    loose = [f for f in report.findings if not f.claims]
    if not loose:
        return ""
    items = "".join(
        f'<li class="finding sev-{esc(f.severity)}">{esc(f.location)}: <b>{esc(f.severity)} '
        f"{esc(f.rule)}</b> {esc(f.name)}: {esc(f.message)}"
        + (f'<div class="hint">hint: {esc(f.hint)}</div>' if f.hint else "")
        + "</li>"
        for f in loose
    )
    return f'<section id="files"><h2>Files</h2><ul class="findings">{items}</ul></section>'
