"""Rule documentation for ``--list-rules``, ``--list-plugins`` and ``--explain``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Optional, Sequence

from .engine import ENGINE_CODES, ENGINE_DOC
from .results import Code, Rule

if TYPE_CHECKING:  # pragma: no cover
    from .plugins import PluginInfo


def all_codes(rules: Sequence[Rule]) -> list[tuple[Code, str]]:
    """(code, rule name) for the engine's codes and every rule's codes."""
    out = [(c, "engine") for c in ENGINE_CODES]
    for rule in rules:
        out.extend((c, rule.name) for c in rule.codes)
    return out


def list_rules(rules: Sequence[Rule], *, as_json: bool = False) -> str:
    """One line per finding code (code, slug, severity, rule, summary), or a JSON array."""
    if as_json:
        by_name = {r.name: r for r in rules}
        items = [{**_code_json(c), "rule": name, "criterion": by_name[name].criterion if name in by_name else None} for c, name in all_codes(rules)]
        return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
    rows = [(c.code, c.slug, c.severity.value, name, c.summary) for c, name in all_codes(rules)]
    w = [max(len(r[i]) for r in rows) for i in range(4)]
    return "".join(f"{a:<{w[0]}}  {b:<{w[1]}}  {s:<{w[2]}}  {n:<{w[3]}}  {d}\n" for a, b, s, n, d in rows)


def list_plugins(plugins: Sequence["PluginInfo"], rules: Sequence[Rule] = (), *, as_json: bool = False) -> str:
    """Installed plugins with their package, version, status and the rules (and codes) each provides."""
    by_name = {r.name: r for r in rules}
    if as_json:
        items = [
            {
                "name": p.name,
                "package": p.package,
                "version": p.version,
                "status": p.status,
                "error": p.error if p.status == "error" else None,
                "rules": [_rule_json(by_name[n]) for n in p.rules if n in by_name],
            }
            for p in plugins
        ]
        return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
    lines = []
    for p in plugins:
        status = f"  ({p.error})" if p.error else ""
        provided = [f"{n} ({_code_range(by_name[n])})" if n in by_name else n for n in p.rules]
        lines.append(f"{p.name}  {p.package} {p.version}  rules: {', '.join(provided) or '-'}{status}")
    return "\n".join(lines) + "\n"


def _code_range(rule: Rule) -> str:
    codes = [c.code for c in rule.codes]
    return codes[0] if len(codes) == 1 else f"{codes[0]}-{codes[-1]}"


def _code_json(code: Code) -> dict[str, str]:
    return {"code": code.code, "slug": code.slug, "severity": code.severity.value, "summary": code.summary}


def _rule_json(rule: Rule) -> dict[str, object]:
    return {
        "name": rule.name,
        "criterion": rule.criterion,
        "weight": rule.weight,
        "api_version": rule.api_version,
        "codes": [_code_json(c) for c in rule.codes],
    }


def explain(rules: Sequence[Rule], query: str) -> Optional[str]:
    """The documentation of the rule that owns ``query`` (a code, slug or rule name)."""
    q = query.strip()
    topic = TOPICS.get(q.lower())
    if topic is not None:
        return topic()
    for code, _ in [(c, n) for c, n in all_codes([])]:
        if q.upper() == code.code or q.lower() == code.slug:
            return f"{code.code} ({code.slug}) [{code.severity.value}]: {code.summary}\n\n{ENGINE_DOC.strip()}\n"
    for rule in rules:
        if q.lower() == rule.name.lower():
            return _doc(rule, None)
        for code in rule.codes:
            if q.upper() == code.code.upper() or q.lower() == code.slug.lower():
                return _doc(rule, code)
    prefixed = [(c, n) for c, n in all_codes(rules) if q and c.code.upper().startswith(q.upper())]
    if prefixed:  # a prefix (RL3): the codes it selects, one line each
        lines = [f"{c.code}  {c.slug}  [{c.severity.value}]  {c.summary}  (rule {n})" for c, n in prefixed]
        return f"Codes starting with {q.upper()}:\n" + "\n".join(lines) + f"\n\nrepro-lint --explain {prefixed[0][0].code} explains one.\n"
    return None


def _tiers() -> str:
    from .results import TIER_LADDER

    lines = ["The openness tier (most open first; the first rung whose condition holds is the card's tier):", ""]
    lines += [f"  {tier.value:<22} {condition}" for tier, condition in TIER_LADDER]
    lines += ["", "The text report prints why a card got its tier; JSON carries it as tier_reasons."]
    return "\n".join(lines) + "\n"


def _profiles() -> str:
    from .profiles import PROFILES

    lines = ['Profiles (--profile NAME or profile = "NAME" in the configuration):', ""]
    for p in PROFILES.values():
        gate = f"; requires {', '.join(p.require)} complete" if p.require else ""
        extra = ", ".join(sorted(p.criteria)) or "-"
        lines.append(f"  {p.name:<10} {p.framework}{gate}")
        lines.append(f"  {'':<10} rules beyond the five criteria: {extra}")
    lines += [
        "",
        "The score and the tier always come from the five core criteria; the criteria beyond them have",
        "weight 0. A require or fail-under set in the configuration or on the command line replaces the",
        "profile's. The README section 'Beyond the five criteria' has the mapping to each framework.",
    ]
    return "\n".join(lines) + "\n"


#: --explain topics that are not rules or codes.
TOPICS = {"tiers": _tiers, "tier": _tiers, "profiles": _profiles, "profile": _profiles}


def _doc(rule: Rule, code: Optional[Code]) -> str:
    import inspect

    head = f"{code.code} ({code.slug}) [{code.severity.value}]: {code.summary}\n\n" if code else ""
    codes = "\n".join(f"  {c.code}  {c.slug}  {c.summary}" for c in rule.codes)
    source = f"Rule {rule.name} from {rule.plugin or 'unknown plugin'}, criterion {rule.criterion}, weight {rule.weight:g}."
    return f"{head}{inspect.cleandoc(rule.doc)}\n\nCodes\n{codes}\n\n{source}\n"
