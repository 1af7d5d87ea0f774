"""Rule documentation for ``--list-rules``, ``--list-plugins`` and ``--explain``."""

from __future__ import annotations

from typing import Optional, Sequence

from .engine import ENGINE_CODES, ENGINE_DOC
from .model import Code, Rule


def all_codes(rules: Sequence[Rule]) -> list[tuple[Code, str]]:
    """(code, rule name) for the engine's codes and every rule's codes."""
    out = [(c, "engine") for c in ENGINE_CODES]
    for rule in rules:
        out.extend((c, rule.name) for c in rule.codes)
    return out


def list_rules(rules: Sequence[Rule]) -> str:
    rows = [(c.code, c.slug, c.severity.value, name, c.summary) for c, name in all_codes(rules)]
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    return "".join(f"{a:<{w[0]}}  {b:<{w[1]}}  {s:<{w[2]}}  {n:<{w[3]}}  {d}\n" for a, b, s, n, d in rows)


def list_plugins(plugins: Sequence) -> str:  # type: ignore[type-arg]
    lines = []
    for p in plugins:
        status = f"  ({p.error})" if p.error else ""
        rules = ", ".join(p.rules) or "-"
        lines.append(f"{p.name}  {p.package} {p.version}  rules: {rules}{status}")
    return "\n".join(lines) + "\n"


def explain(rules: Sequence[Rule], query: str) -> Optional[str]:
    """The documentation of the rule that owns ``query`` (a code, slug or rule name)."""
    q = query.strip()
    for code, _ in [(c, n) for c, n in all_codes([])]:
        if q.upper() == code.code or q == code.slug:
            return f"{code.code} ({code.slug}) [{code.severity.value}]: {code.summary}\n\n{ENGINE_DOC.strip()}\n"
    for rule in rules:
        if q == rule.name:
            return _doc(rule, None)
        for code in rule.codes:
            if q.upper() == code.code.upper() or q == code.slug:
                return _doc(rule, code)
    return None


def _doc(rule: Rule, code: Optional[Code]) -> str:
    import inspect

    head = f"{code.code} ({code.slug}) [{code.severity.value}]: {code.summary}\n\n" if code else ""
    codes = "\n".join(f"  {c.code}  {c.slug}  {c.summary}" for c in rule.codes)
    source = f"Rule {rule.name} from {rule.plugin or 'unknown plugin'}, criterion {rule.criterion}, weight {rule.weight:g}."
    return f"{head}{inspect.cleandoc(rule.doc)}\n\nCodes\n{codes}\n\n{source}\n"
