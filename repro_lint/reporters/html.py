"""HTML openness table: one self-contained file, one row per model, a coloured cell per criterion.

No network: styles and script are inline (a Content-Security-Policy allows only them, by hash), so
the file works offline and from a ``file://`` URL. The rows are data, not markup: every card's
results are embedded as JSON in a ``<script type="application/json">`` element with ``<``, ``>``
and ``&`` escaped (a card cannot close the element), and the script builds the table with
``textContent`` only, so nothing a card says can become HTML or script.

The table shows path, score, tier, gate, each criterion's level (colour from the Okabe–Ito
palette, which colour-blind readers can tell apart, plus a symbol and the level's name), finding
counts and, with ``--baseline``, the change. Clicking a criterion cell opens its evidence quotes
with ``file:line`` links (the local file, or the card's blob on the Hugging Face Hub for a Hub id).
Columns sort on click; a tier menu and a text box filter; 100 rows per page keep 10,000-row
reports responsive. A bar chart of the tier distribution heads the page.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from typing import Any
from urllib.parse import quote

from ..results import CORE_CRITERIA, Evidence, FileResult, Level, Severity, Tier
from ._sink import Output

EVIDENCE_PER_CRITERION = 8
QUOTE_CHARS = 300
PAGE_ROWS = 100
HUB = "https://huggingface.co"

#: level → (background, text colour, symbol); Okabe–Ito colours, distinguishable with colour-blindness.
LEVEL_STYLE: dict[str, tuple[str, str, str]] = {
    Level.COMPLETE.value: ("#009E73", "#ffffff", "●"),
    Level.PARTIAL.value: ("#F0E442", "#000000", "◐"),
    Level.ABSENT.value: ("#E8E8E8", "#000000", "○"),
    Level.CLOSED.value: ("#D55E00", "#ffffff", "✕"),
}
_HUB_ID = re.compile(r"(?:hf://)?(?:models/)?([A-Za-z0-9][\w.-]*/[\w.-]+?)(?:/README\.md)?")


def link_base(path: str, report_dir: str) -> str | None:
    """Where a card's ``file:line`` links point: the local file (relative to the report) or the Hub blob."""
    if path.lower().endswith(".md") and not path.startswith("hf://"):
        if path.startswith("<"):
            return None
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(report_dir))
        return "./" + quote(rel.replace(os.sep, "/"))
    match = _HUB_ID.fullmatch(path)
    if match:
        return f"{HUB}/{quote(match.group(1))}/blob/main/README.md"
    return None


def _place(path: str, e: Evidence, base: str | None, report_dir: str) -> tuple[str, str | None]:
    """``file:line`` of one quote and its link: the card's line, or a release file (on the Hub or on disk)."""
    if e.file is None:
        return f"{path}:{e.line}", (f"{base}#L{e.line}" if base else None)
    anchor = f"#L{e.line}" if e.line > 0 else ""
    if e.file.startswith("hf://"):
        parts = e.file[len("hf://") :].split("/", 2)
        href = f"{HUB}/{quote(parts[0])}/{quote(parts[1])}/blob/main/{quote(parts[2])}{anchor}" if len(parts) == 3 else None
        return e.where, href
    if e.file.startswith("<"):
        return e.where, None
    rel = os.path.relpath(os.path.abspath(e.file), os.path.abspath(report_dir))
    return e.where, "./" + quote(rel.replace(os.sep, "/")) + anchor


def _row(result: FileResult, criteria: list[str], report_dir: str, change: Any | None) -> dict[str, Any]:
    cells: list[list[Any] | None] = []
    for name in criteria:
        crit = result.criteria.get(name)
        if crit is None:
            cells.append(None)
            continue
        base = link_base(result.path, report_dir)
        by_place: dict[tuple[str | None, int], list[Any]] = {}  # one quote per line, naming every element it supports
        for e in crit.evidence:
            entry = by_place.get((e.file, e.line))
            if entry is not None:
                if e.element not in entry[2]:
                    entry[2] += ", " + e.element
                if len(e.text) > len(entry[1]) and len(entry[1]) < QUOTE_CHARS:  # the widest window of the line
                    entry[1] = e.text[:QUOTE_CHARS]
            elif len(by_place) < EVIDENCE_PER_CRITERION:
                where, href = _place(result.path, e, base, report_dir)
                by_place[(e.file, e.line)] = [e.line, e.text[:QUOTE_CHARS], e.element, where, href]
        evidence = list(by_place.values())
        cells.append([crit.level.value, crit.score, evidence, list(crit.missing), len({(e.file, e.line) for e in crit.evidence})])
    active = result.active_findings
    return {
        "p": result.path,
        "h": link_base(result.path, report_dir),
        "s": result.score,
        "t": result.tier.value,
        "g": not result.gate_failed,
        "r": "; ".join(result.gate_reasons),
        "c": cells,
        "n": [sum(1 for f in active if f.severity == s) for s in Severity],
        "x": [change.status.value, change.summary] if change is not None else None,
    }


def _script_json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _label(criterion: str) -> str:
    return criterion.replace("_", " ")


def page(rows: list[dict[str, Any]], criteria: list[str], errors: list[str], title: str = "repro-lint openness report") -> str:
    tiers = [t.value for t in Tier]
    counts = {t: 0 for t in tiers}
    for r in rows:
        counts[r["t"]] = counts.get(r["t"], 0) + 1
    most = max(counts.values(), default=0) or 1
    chart = "".join(
        f'<div class="bar"><span class="bl">{html.escape(t)}</span>'
        f'<span class="bv" style="width:{100 * n / most:.1f}%"></span><span class="bn">{n}</span></div>'
        for t, n in counts.items()
    )
    legend = "".join(f'<span class="lvl lvl-{html.escape(level)}">{symbol} {html.escape(level)}</span> ' for level, (_, _, symbol) in LEVEL_STYLE.items())
    level_css = "".join(f".lvl-{level}{{background:{bg};color:{fg}}}" for level, (bg, fg, _) in LEVEL_STYLE.items())
    data = {
        "criteria": criteria,
        "labels": [_label(c) for c in criteria],
        "core": [c in CORE_CRITERIA for c in criteria],
        "levels": {level: symbol for level, (_, _, symbol) in LEVEL_STYLE.items()},
        "rank": {level.value: i for i, level in enumerate(Level)},
        "tiers": tiers,
        "severities": [s.value for s in Severity],
        "baseline": any(r["x"] is not None for r in rows),
        "page": PAGE_ROWS,
        "rows": rows,
    }
    script = _SCRIPT
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    error_list = ""
    if errors:
        items = "".join(f"<li>{html.escape(e)}</li>" for e in errors)
        error_list = f'<details class="errors"><summary>{len(errors)} input error(s)</summary><ul>{items}</ul></details>'
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{_CSS}{level_css}</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
<p class="summary">{len(rows)} model(s). Levels: {legend}</p>
<section class="chart" aria-label="tier distribution"><h2>Tiers</h2>{chart}</section>
{error_list}
<div class="controls">
<label>Tier <select id="tier"><option value="">all tiers</option>{"".join(f"<option>{html.escape(t)}</option>" for t in tiers)}</select></label>
<label>Search <input id="q" type="search" placeholder="model name"></label>
<span id="count"></span>
<button id="prev" type="button">‹ previous</button><span id="pageinfo"></span><button id="next" type="button">next ›</button>
</div>
<table id="report"><thead><tr id="head"></tr></thead><tbody id="rows"></tbody></table>
<aside id="evidence" hidden><button id="close" type="button" aria-label="close">×</button><div id="evidence-body"></div></aside>
<script type="application/json" id="data">{_script_json(data)}</script>
<script>{script}</script>
</body>
</html>
"""


_CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#111}
h1{font-size:1.4em}h2{font-size:1.1em;margin:.2em 0}
.chart{max-width:36em;margin-bottom:1em}.bar{display:flex;align-items:center;gap:.5em;margin:.15em 0}
.bl{flex:0 0 11em}.bv{display:inline-block;height:1em;background:#0072B2;min-width:1px}.bn{min-width:3em}
.controls{display:flex;flex-wrap:wrap;gap:1em;align-items:center;margin:.5em 0}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.25em .4em;text-align:left;vertical-align:top}
th{background:#f4f4f4;cursor:pointer;user-select:none;position:sticky;top:0}th[aria-sort=ascending]::after{content:" ▲"}
th[aria-sort=descending]::after{content:" ▼"}td.num{text-align:right}
.lvl{display:inline-block;padding:.1em .4em;border-radius:3px;border:1px solid #555;font:inherit;cursor:pointer;white-space:nowrap}
.lvl-absent{border-style:dashed}.gate-failed{color:#a00}.extra{font-style:italic}
#evidence{position:fixed;right:1em;top:1em;bottom:1em;width:min(40em,90vw);overflow:auto;background:#fff;border:2px solid #333;
padding:1em;box-shadow:0 0 1em #0005}#close{float:right;font-size:1.2em}
#evidence blockquote{margin:.3em 0 .8em 1em;padding-left:.6em;border-left:3px solid #0072B2;white-space:pre-wrap}
.errors{margin:.5em 0;color:#a00}
"""

# The page's script: builds rows with createElement/textContent only (never innerHTML), so card text stays text.
_SCRIPT = r"""
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("data").textContent);
  const rows = data.rows;
  const state = {key: "score", dir: -1, tier: "", q: "", page: 0};
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = String(text); return e; };
  const columns = [
    {id: "path", label: "model", value: r => r.p.toLowerCase()},
    {id: "score", label: "score", value: r => r.s},
    {id: "tier", label: "tier", value: r => data.tiers.indexOf(r.t)},
    {id: "gate", label: "gate", value: r => (r.g ? 0 : 1)},
  ];
  data.criteria.forEach((name, i) => columns.push({id: "c" + i, label: data.labels[i], criterion: i,
    value: r => (r.c[i] ? data.rank[r.c[i][0]] : 99)}));
  columns.push({id: "findings", label: "errors / warnings", value: r => r.n[0] * 1e6 + r.n[1]});
  if (data.baseline) columns.push({id: "change", label: "change", value: r => (r.x ? r.x[0] : "")});

  const head = document.getElementById("head");
  columns.forEach(col => {
    const th = el("th", col.criterion !== undefined && !data.core[col.criterion] ? "extra" : "", col.label);
    th.dataset.col = col.id; th.tabIndex = 0; th.setAttribute("role", "columnheader");
    const sort = () => { if (state.key === col.id) state.dir = -state.dir; else { state.key = col.id; state.dir = col.id === "path" ? 1 : -1; } state.page = 0; render(); };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", e => { if (e.key === "Enter") sort(); });
    head.appendChild(th);
  });

  function visible() {
    const q = state.q.toLowerCase();
    const out = rows.filter(r => (!state.tier || r.t === state.tier) && (!q || r.p.toLowerCase().includes(q)));
    const col = columns.find(c => c.id === state.key);
    out.sort((a, b) => { const x = col.value(a), y = col.value(b); return (x < y ? -1 : x > y ? 1 : 0) * state.dir || (a.p < b.p ? -1 : 1); });
    return out;
  }

  function showEvidence(r, i) {
    const cell = r.c[i], body = document.getElementById("evidence-body");
    body.replaceChildren();
    body.appendChild(el("h2", "", data.labels[i] + ": " + cell[0]));
    body.appendChild(el("p", "", r.p + " · sub-score " + cell[1]));
    if (cell[3].length) body.appendChild(el("p", "", "missing: " + cell[3].join(", ")));
    if (!cell[2].length) body.appendChild(el("p", "", "No evidence: nothing in the card supports this criterion."));
    cell[2].forEach(ev => {
      const where = ev[3];
      const p = el("p", "where");
      if (ev[4]) { const a = el("a", "", where); a.href = ev[4]; a.target = "_blank"; a.rel = "noopener noreferrer"; p.appendChild(a); }
      else p.textContent = where;
      p.appendChild(el("span", "", " (" + ev[2] + ")"));
      body.appendChild(p);
      body.appendChild(el("blockquote", "quote", ev[1]));
    });
    if (cell[4] > cell[2].length) body.appendChild(el("p", "", (cell[4] - cell[2].length) + " more in the JSON report."));
    const panel = document.getElementById("evidence");
    panel.hidden = false;
    document.getElementById("close").focus();
  }

  function render() {
    const list = visible();
    const pages = Math.max(1, Math.ceil(list.length / data.page));
    state.page = Math.min(state.page, pages - 1);
    const start = state.page * data.page, slice = list.slice(start, start + data.page);
    const tbody = document.getElementById("rows");
    const frag = document.createDocumentFragment();
    slice.forEach(r => {
      const tr = el("tr");
      tr.appendChild(el("td", "path", r.p));
      tr.appendChild(el("td", "num score", r.s));
      tr.appendChild(el("td", "tier", r.t));
      const gate = el("td", r.g ? "gate-passed" : "gate-failed", r.g ? "passed" : "failed");
      if (r.r) gate.title = r.r;
      tr.appendChild(gate);
      data.criteria.forEach((name, i) => {
        const td = el("td", "crit");
        const cell = r.c[i];
        if (cell) {
          const b = el("button", "lvl lvl-" + cell[0], data.levels[cell[0]] + " " + cell[0]);
          b.type = "button"; b.title = data.labels[i] + ": " + cell[0] + " (" + cell[1] + "); click for the evidence";
          b.addEventListener("click", () => showEvidence(r, i));
          td.appendChild(b);
        } else td.textContent = "–";
        tr.appendChild(td);
      });
      tr.appendChild(el("td", "num", r.n[0] + " / " + r.n[1]));
      if (data.baseline) { const td = el("td", "change", r.x ? r.x[0] : ""); if (r.x) td.title = r.x[1]; tr.appendChild(td); }
      frag.appendChild(tr);
    });
    tbody.replaceChildren(frag);
    head.querySelectorAll("th").forEach(th => {
      if (th.dataset.col === state.key) th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
    document.getElementById("count").textContent = list.length + " of " + rows.length + " shown";
    document.getElementById("pageinfo").textContent = " page " + (state.page + 1) + " of " + pages + " ";
    document.getElementById("prev").disabled = state.page === 0;
    document.getElementById("next").disabled = state.page >= pages - 1;
  }

  document.getElementById("tier").addEventListener("change", e => { state.tier = e.target.value; state.page = 0; render(); });
  document.getElementById("q").addEventListener("input", e => { state.q = e.target.value; state.page = 0; render(); });
  document.getElementById("prev").addEventListener("click", () => { state.page -= 1; render(); });
  document.getElementById("next").addEventListener("click", () => { state.page += 1; render(); });
  document.getElementById("close").addEventListener("click", () => { document.getElementById("evidence").hidden = true; });
  document.addEventListener("keydown", e => { if (e.key === "Escape") document.getElementById("evidence").hidden = true; });
  render();
})();
"""


class HtmlSink:
    """Keeps one compact row per card (evidence capped per criterion) and writes the page at the end."""

    def __init__(self, output: str | None, baseline: Any | None = None, **_: object) -> None:
        self._out = Output(output)
        self._report_dir = os.path.dirname(os.path.abspath(output)) if output else os.getcwd()
        self._baseline = baseline
        self._criteria: list[str] = []
        self._results_rows: list[dict[str, Any]] = []

    def write(self, result: FileResult) -> None:
        for name in result.criteria:
            if name not in self._criteria:
                self._criteria.append(name)
        change = self._baseline.compare(result) if self._baseline is not None else None
        # Rows are built against the criteria known so far; cells of criteria met later are filled in close().
        self._results_rows.append(_row(result, list(result.criteria), self._report_dir, change) | {"k": list(result.criteria)})

    def close(self, errors: list[str]) -> None:
        criteria = self._criteria or list(CORE_CRITERIA)
        rows = []
        for row in self._results_rows:
            own = row.pop("k")
            row["c"] = [row["c"][own.index(name)] if name in own else None for name in criteria]
            rows.append(row)
        self._out.stream.write(page(rows, criteria, errors))
        self._out.close()

    def abort(self) -> None:
        self._out.abort()
