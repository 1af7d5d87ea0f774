"""Human output: ``path:line:col: CODE message`` lines; then, under the card's path, a per-criterion table,
the score, the tier with the reasons for it, and the gate's outcome with its reasons."""

from __future__ import annotations

import re

from ..results import FileResult, Level, Report, Severity
from ._common import gate_text, tier_text

_COLORS = {"red": "31", "yellow": "33", "green": "32", "cyan": "36", "bold": "1", "dim": "2"}
_LEVEL_COLOR = {Level.COMPLETE: "green", Level.PARTIAL: "yellow", Level.ABSENT: "red", Level.CLOSED: "red", Level.NOT_APPLICABLE: "dim"}
_SEVERITY_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _paint(text: str, color: str, enabled: bool) -> str:
    return f"\x1b[{_COLORS[color]}m{text}\x1b[0m" if enabled else text


#: Control characters (ESC included) from a card must never reach the terminal as escape sequences.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _safe(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text) if _CONTROL.search(text) else text


def _quote(text: str, limit: int = 60) -> str:
    text = _safe(" ".join(text.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_file(result: FileResult, color: bool = False) -> list[str]:
    lines = []
    for f in result.active_findings:
        code = _paint(f.code, _SEVERITY_COLOR[f.severity], color)
        lines.append(f"{_safe(result.path)}:{f.line}:{f.column}: {code} {_safe(f.message)} [{f.slug}]")
    if lines:
        lines.append("")
    lines.append(_paint(_safe(result.path), "bold", color))  # every card's block names its file
    if result.criteria:
        width = max(len(n) for n in result.criteria)
        for name, c in result.criteria.items():
            level = _paint(f"{c.level.value:<8}", _LEVEL_COLOR[c.level], color)
            first = c.evidence[0] if c.evidence else None
            where = f'{_safe(first.where)}: "{_quote(first.text)}"' if first else "no evidence"
            if c.level == Level.NOT_APPLICABLE:
                lines.append(f"  {name:<{width}}  {level}  {'-':>4}  does not apply to this card; not scored")
                continue
            lines.append(f"  {name:<{width}}  {level}  {c.score:4.2f}  {where}")
    if result.files_examined:
        lines.append(f"Release files examined: {_safe(', '.join(result.files_examined))}")
    for problem in result.not_read:
        lines.append(f"Not read: {_safe(problem)}")
    suppressed = len(result.findings) - len(result.active_findings)
    tail = f", {suppressed} suppressed" if suppressed else ""
    score = _paint(f"{result.score:g}/100", "bold", color)
    lines.append(f"Score: {score} ({result.tier.value}){tail}")
    lines.append(f"Tier: {_safe(tier_text(result))}")
    outcome, _, rest = _safe(gate_text(result)).partition(" ")
    lines.append(f"Gate: {_paint(outcome, 'red' if result.gate_failed else 'green', color)} {rest}".rstrip())
    return lines


def render(report: Report, *, color: bool = False, **_: object) -> str:
    out: list[str] = []
    for i, result in enumerate(report.files):
        if i:
            out.append("")
        out.extend(render_file(result, color))
    if len(report.files) > 1:
        n_findings = sum(len(r.active_findings) for r in report.files)
        failed = sum(1 for r in report.files if r.gate_failed)
        mean = sum(r.score for r in report.files) / len(report.files)
        out.append("")
        plural = "s" if n_findings != 1 else ""
        out.append(f"Found {n_findings} finding{plural} in {len(report.files)} cards; {failed} failed the gate; mean score {mean:.1f}/100.")
    return "\n".join(out) + ("\n" if out else "")
