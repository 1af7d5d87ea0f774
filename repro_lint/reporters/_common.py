"""Helpers shared by the reporters: repository-relative paths, rule metadata, findings per criterion.

Everything here reads result objects and the rule catalog; nothing decides a verdict.
"""

from __future__ import annotations

import inspect
import os
from dataclasses import dataclass
from typing import Optional, Sequence

from ..results import Code, FileResult, Finding, Rule


def relative_path(path: str, base: Optional[str] = None) -> str:
    """``path`` with ``/`` separators, relative to ``base`` (default: the working directory) when inside it.

    Paths outside ``base`` stay as they are (absolute paths stay absolute); a leading ``./`` is dropped.
    """
    if os.path.isabs(path):
        root = os.path.abspath(base if base is not None else os.getcwd())
        try:
            rel = os.path.relpath(path, root)
        except ValueError:  # another drive on Windows
            rel = path
        if not rel.startswith(os.pardir):
            path = rel
    posix = path.replace(os.sep, "/") if os.sep != "/" else path
    while posix.startswith("./"):
        posix = posix[2:]
    return posix


@dataclass(frozen=True)
class CodeInfo:
    """A finding code with the rule that owns it (``engine`` for the engine's own codes)."""

    code: Code
    rule_name: str
    criterion: str
    doc: str


def code_catalog(rules: Sequence[Rule]) -> list[CodeInfo]:
    """Every code the run could report, in ``--list-rules`` order, with its rule's documentation."""
    from ..catalog import all_codes
    from ..engine import ENGINE_DOC

    by_name = {r.name: r for r in rules}
    out = []
    for code, name in all_codes(rules):
        rule = by_name.get(name)
        doc = inspect.cleandoc(rule.doc) if rule is not None and rule.doc else inspect.cleandoc(ENGINE_DOC)
        out.append(CodeInfo(code, name, rule.criterion if rule is not None else "engine", doc))
    return out


def gate_text(result: FileResult) -> str:
    """The engine's one-line gate outcome (for a hand-made result without one: failed/passed and the reasons)."""
    return result.gate_text()


def tier_text(result: FileResult) -> str:
    """``<tier> — <reasons>``, the tier with the engine's reasons for it."""
    why = "; ".join(result.tier_reasons)
    return f"{result.tier.value} — {why}" if why else result.tier.value


def findings_by_criterion(result: FileResult) -> tuple[dict[str, list[Finding]], list[Finding]]:
    """Active findings grouped by the criterion whose rule emitted them, and those of no criterion."""
    rule_to_criterion = {c.rule: name for name, c in result.criteria.items()}
    grouped: dict[str, list[Finding]] = {name: [] for name in result.criteria}
    other: list[Finding] = []
    for f in result.active_findings:
        name = rule_to_criterion.get(f.rule)
        (grouped[name] if name is not None else other).append(f)
    return grouped, other
