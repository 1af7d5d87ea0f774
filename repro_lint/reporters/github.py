"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding.

Escaping follows the Actions toolkit (``packages/core/src/command.ts``): in the message ``%``, CR and
LF are percent-encoded; in a property value ``:`` and ``,`` are encoded as well. GitHub shows only
the first few annotations of a step, so each message repeats ``path:line:col: CODE`` and every card's
score is printed as a plain line: the log holds the whole report.

:func:`step_summary` is the Markdown the command line appends to ``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from ..results import Report, Severity
from ._common import gate_text, relative_path, tier_text

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{command} {props}::{escape_data(message)}" if props else f"::{command}::{escape_data(message)}"


def render(report: Report, **_: object) -> str:
    lines: list[str] = []
    for result in report.files:
        path = relative_path(result.path)
        for f in result.active_findings:
            title = f"repro-lint {f.code} ({f.slug})"
            message = f"{path}:{f.line}:{f.column}: {f.code} {f.message}"
            lines.append(annotation(_COMMAND[f.severity], message, file=path, line=f.line, col=f.column, title=title))
        lines.append(f"{path}: Score: {result.score:g}/100 ({result.tier.value})")
        lines.append(f"{path}: Tier: {tier_text(result)}")
        lines.append(f"{path}: Gate: {gate_text(result)}")
        if result.gate_failed:  # an annotation, so that the reasons are shown with the step's failure
            lines.append(annotation("error", f"{path}: Gate: {gate_text(result)}", file=path, title="repro-lint gate"))
    for error in report.errors:
        lines.append(annotation("error", error, title="repro-lint"))
    return "\n".join(lines) + ("\n" if lines else "")


def step_summary(report: Report) -> str:
    """The job summary: the Markdown report (per-criterion table, score and tier for every card)."""
    from .markdown import render as render_markdown

    return render_markdown(report)
