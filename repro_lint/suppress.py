"""Inline suppression with HTML comments, markdownlint style.

``<!-- repro-lint-disable RL301 -->`` … ``<!-- repro-lint-enable RL301 -->`` silence a range of lines,
``<!-- repro-lint-disable-next-line RL301 -->`` the next line, ``<!-- repro-lint-disable-line RL301 -->``
its own line, and ``<!-- repro-lint-disable-file RL301 -->`` the whole card. Codes match by prefix
(``RL3`` silences every training-data finding) or by slug; no code means every code. Text after ``--``
is a reason and is ignored. Suppression only hides findings from the gate: it never changes the score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from .document import Card
from .results import Finding
from .selectors import code_matches

DIRECTIVE = re.compile(r"^repro-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*)$", re.S)


@dataclass(frozen=True)
class Directive:
    action: str
    selectors: tuple[str, ...]  # empty = every code
    line: int


def parse_directives(card: Card) -> tuple[list[Directive], list[tuple[int, str]]]:
    """Directives in the card's HTML comments, and (line, text) of malformed ones."""
    directives: list[Directive] = []
    bad: list[tuple[int, str]] = []
    for comment in card.comments:
        text = comment.text.strip()
        if not text.startswith("repro-lint"):
            continue
        m = DIRECTIVE.match(text)
        if not m:
            bad.append((comment.line, text))
            continue
        body = m.group(2).split("--", 1)[0]
        selectors = tuple(s for s in re.split(r"[\s,]+", body.strip()) if s)
        directives.append(Directive(m.group(1), selectors, comment.line))
    return directives, bad


def matches(selectors: Iterable[str], finding: Finding) -> bool:
    sels = tuple(selectors)
    if not sels:
        return True
    return any(code_matches(s, finding.code, finding.slug) for s in sels)


def apply(findings: Sequence[Finding], directives: Sequence[Directive], next_line: Optional[dict[int, int]] = None) -> None:
    """Mark findings silenced by the directives as ``suppressed`` (in place)."""
    if not directives:
        return
    ordered = sorted(directives, key=lambda d: d.line)
    for f in findings:
        off = False
        for d in ordered:
            if d.action == "disable-file" and matches(d.selectors, f):
                off = True
                break
            if d.action == "disable-next-line" and (next_line or {}).get(d.line, d.line + 1) == f.line and matches(d.selectors, f):
                off = True
                break
            if d.action == "disable-line" and d.line == f.line and matches(d.selectors, f):
                off = True
                break
        if not off:
            state = False
            for d in ordered:
                if d.line > f.line:
                    break
                if d.action == "disable" and matches(d.selectors, f):
                    state = True
                elif d.action == "enable" and matches(d.selectors, f):
                    state = False
            off = state
        f.suppressed = off


def next_content_lines(card: Card, directives: Sequence[Directive]) -> dict[int, int]:
    """For each disable-next-line directive, the next non-blank line after it."""
    out: dict[int, int] = {}
    for d in directives:
        if d.action != "disable-next-line":
            continue
        line = d.line + 1
        while line <= len(card.lines) and (not card.lines[line - 1].strip() or card.lines[line - 1].lstrip().startswith("<!-- repro-lint")):
            line += 1
        out[d.line] = line
    return out
