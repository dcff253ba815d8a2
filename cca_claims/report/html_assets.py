"""The HTML report's inline style sheet and script (no font, image or script from elsewhere).

The script only filters: it hides the claim rows and articles whose `data-verdict`, `data-tags`
or `data-rules` do not match the selects, which the address can set (`#verdict=disputed`).
"""

STYLE = """
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dde5;--error:#b42318;--warning:#a15c07;
--info:#175cd3;--ok:#067647;--claim:#6941c6;--bg:#fff;--band:#a6f4c5}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);
margin:0 auto;max-width:1100px;padding:16px 24px;background:var(--bg)}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:18px 0 8px}h3{font-size:16px;margin:0 0 6px}
.summary{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0}
.summary dt{font-weight:600}.summary dd{margin:0}
.filters{display:flex;gap:14px;flex-wrap:wrap;align-items:center}
.filters select{font:inherit;padding:2px 4px}
#claims-table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0 18px}
#claims-table th,#claims-table td{border-bottom:1px solid var(--line);padding:4px 6px;
text-align:left;vertical-align:top}
#claims-table tr[data-attention=yes] td:first-child{border-left:3px solid var(--warning)}
.where,.meta,.status{color:var(--muted);font-size:13px;font-weight:normal}
.verdict{font-weight:600;padding:0 6px;border-radius:8px;font-size:13px;white-space:nowrap}
.v-consistent{color:var(--ok);background:#ecfdf3}.v-disputed{color:var(--warning);background:#fffaeb}
.v-contradicted{color:var(--error);background:#fef3f2}.v-unsupported{color:#9e165f;background:#fdf2fa}
.claim{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:12px 0}
.claim[data-attention=yes]{border-left:4px solid var(--warning)}
.statement{margin:4px 0;font-size:15px}.value{margin:4px 0}
.tags span{display:inline-block;background:#f2f4f7;border-radius:6px;padding:0 6px;
margin-right:4px;font-size:12px}
.not-checked{color:#9e165f;font-weight:600}
.findings{padding-left:18px;margin:6px 0}.finding{margin:4px 0}
.sev-error b,.sev-error{color:var(--error)}.sev-warning b,.sev-warning{color:var(--warning)}
.sev-info b{color:var(--info)}.finding{color:var(--fg)}.settled{color:var(--muted)}
.folded{color:var(--muted)}.hint{color:var(--muted);font-size:13px}
.passages{padding-left:18px}.passage{margin:8px 0}
.passage.agrees .who::before{content:"= ";color:var(--ok);font-weight:700}
.passage.differs .who::before{content:"\\2260  ";color:var(--error);font-weight:700}
blockquote{margin:2px 0;padding:4px 10px;border-left:3px solid var(--line);background:#f9fafb}
.context{color:var(--muted)}q{quotes:"\\201C" "\\201D"}
mark{background:#fde272;padding:0 2px;border-radius:2px;font-weight:600}
.reading{font-size:14px}.via{font-size:13px;color:var(--muted)}
figure{margin:8px 0}figcaption{font-size:13px;color:var(--muted)}
svg.plot{max-width:100%;height:auto;font-size:12px}
svg .label{fill:var(--fg)}svg .tick-label{fill:var(--muted);font-size:11px}
svg .axis,svg .tick{stroke:#98a2b3}svg .bar{fill:#53b1fd}svg .bar.claim{fill:var(--claim)}
svg .bar.agrees{fill:#32d583}svg .bar.differs{fill:#f97066}svg .bar.deprecated{opacity:.35}
svg .overlap{fill:var(--band)}svg .overlap.group{fill:#eaecf0}svg .arrow{fill:#667085}
.set-table{border-collapse:collapse;font-size:13px}
.set-table th,.set-table td{border:1px solid var(--line);padding:3px 6px;text-align:left}
.set-table .lacks{color:var(--error);text-align:center}.set-table .names{color:var(--ok)}
[hidden]{display:none!important}
footer{color:var(--muted);font-size:12px;margin:24px 0}
"""

SCRIPT = """
(function () {
  var form = document.querySelector('.filters');
  var selects = form.querySelectorAll('select');
  var rows = document.querySelectorAll('#claims-table tr.claim-row');
  var items = document.querySelectorAll('[data-claim]');
  function wanted() {
    var w = {};
    selects.forEach(function (s) { w[s.dataset.filter] = s.value; });
    return w;
  }
  function keep(el, w) {
    if (w.verdict && el.dataset.verdict !== w.verdict) return false;
    if (w.tag && el.dataset.tags.indexOf('|' + w.tag + '|') < 0) return false;
    if (w.rule && el.dataset.rules.indexOf('|' + w.rule + '|') < 0) return false;
    return true;
  }
  function apply() {
    var w = wanted(), shown = 0;
    items.forEach(function (el) { el.hidden = !keep(el, w); });
    rows.forEach(function (el) { if (!el.hidden) shown++; });
    document.getElementById('shown-count').textContent =
      shown + ' of ' + rows.length + ' claims shown';
  }
  function fromAddress() {
    var pairs = location.hash.replace(/^#/, '').split('&');
    pairs.forEach(function (p) {
      var kv = p.split('='), s = document.getElementById('filter-' + kv[0]);
      if (s && kv.length === 2) s.value = decodeURIComponent(kv[1]);
    });
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  fromAddress();
  apply();
})();
"""
