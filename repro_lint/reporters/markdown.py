"""Markdown report for a pull-request comment or a CI job summary.

An overview table (one row per card), then per card: score and tier, the gate, a per-criterion
table with the first piece of evidence, and the findings. Text taken from a card is escaped so that
it cannot break the tables or inject markup. The first line is an HTML comment that comment bots can
use to find and update an earlier report.
"""

from __future__ import annotations

import re

from ..results import FileResult, Level, Report
from ._common import gate_text, relative_path, tier_text

MARKER = "<!-- repro-lint report -->"

_LEVEL_ICON = {Level.COMPLETE: "✅", Level.PARTIAL: "⚠️", Level.ABSENT: "❌", Level.CLOSED: "🔒", Level.NOT_APPLICABLE: "➖"}
#: ASCII punctuation that could start markup, a mention or end a table cell; CommonMark lets us backslash-escape it.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#@])")
_SPACE = re.compile(r"\s+")
_QUOTE_LIMIT = 80


def escape(text: str) -> str:
    """One line of literal text, safe inside a table cell."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text).strip())


def _quote(text: str) -> str:
    text = _SPACE.sub(" ", text).strip()
    return escape(text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 1] + "…")


def _gate(result: FileResult) -> str:
    return "❌ failed" if result.gate_failed else "✅ passed"


def _file_section(result: FileResult) -> list[str]:
    path = escape(relative_path(result.path))
    lines = [f"### {path}", "", f"**Score: {result.score:g}/100** ({result.tier.value}) · gate {_gate(result)}"]
    if result.gate_reasons:
        lines[-1] += ": " + escape("; ".join(result.gate_reasons))
    lines += ["", f"Tier: {escape(tier_text(result))}", "", f"Gate: {escape(gate_text(result))}"]
    if result.criteria:
        lines += ["", "| criterion | level | score | evidence |", "|---|---|---:|---|"]
        for name, c in result.criteria.items():
            first = c.evidence[0] if c.evidence else None
            where = f"{escape(first.where)}: “{_quote(first.text)}”" if first else "no evidence"
            if c.missing:
                where += " · missing: " + escape(", ".join(c.missing))
            score = "–" if c.level == Level.NOT_APPLICABLE else f"{c.score:.2f}"
            lines.append(f"| {escape(name)} | {_LEVEL_ICON[c.level]} {c.level.value} | {score} | {where} |")
    findings = result.active_findings
    if findings:
        lines += ["", "| line | code | severity | message |", "|---:|---|---|---|"]
        for f in findings:
            lines.append(f"| {f.line} | `{f.code}` {escape(f.slug)} | {f.severity.value} | {escape(f.message)} |")
    if result.files_examined:
        lines += ["", "Release files examined: " + escape(", ".join(result.files_examined))]
    for problem in result.not_read:
        lines.append(f"- not read: {escape(problem)}")
    suppressed = len(result.findings) - len(findings)
    if suppressed:
        lines += ["", f"{suppressed} suppressed finding{'s' if suppressed != 1 else ''} not shown."]
    return lines


def render(report: Report, **_: object) -> str:
    lines = [MARKER, "## repro-lint report", ""]
    if not report.files:
        lines.append("No model card was linted.")
    else:
        lines += ["| card | score | tier | gate | findings |", "|---|---:|---|---|---:|"]
        for r in report.files:
            lines.append(f"| {escape(relative_path(r.path))} | {r.score:g}/100 | {r.tier.value} | {_gate(r)} | {len(r.active_findings)} |")
    for r in report.files:
        lines += [""] + _file_section(r)
    if report.errors:
        lines += ["", "### Errors", ""] + [f"- {escape(e)}" for e in report.errors]
    return "\n".join(lines) + "\n"
