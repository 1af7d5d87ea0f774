"""Test helpers for rule authors (public API): lint a string, get a verdict, check a rule's conventions.

    from repro_lint.testing import verdict

    def test_states_emissions():
        v = verdict(RULE, "## Environmental impact\\nEmitted 12 tCO2eq over 3,000 A100 GPU hours.\\n")
        assert v.level == Level.COMPLETE

:func:`verdict` runs one rule the way the engine does (error boundary included) and returns its
:class:`~repro_lint.results.Verdict`; :func:`lint_string` runs a whole lint and returns the
:class:`~repro_lint.results.FileResult` (score, tier, criteria, findings after selection and
suppression). :func:`rules_from` loads rules from plugin modules through the hook, with the same
validation as the command line, so a test also proves the plugin is wired correctly.
:func:`rule_doc_problems` and :func:`fixture_problems` are the checks of repro-lint's own meta-tests.

Fixture convention (checked by :func:`fixture_problems`): every ``*.md`` card under the fixtures
folder (sub-folders included) is judged by every rule. A rule *passes* on a card when its verdict is
``complete`` and *fails* on it otherwise, and then it must explain why with at least one finding of
its own codes. Every rule needs at least one card of each kind. Cards in a folder named after a
criterion (``fixtures/weights/``) whose file name starts with a level and ``-`` or ``.``
(``complete-…``, ``partial-…``, ``absent-…``, ``closed-…``) must get exactly that level from the
rule of that criterion.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, Union

from .config import Settings
from .document import parse
from .engine import lint_card, run_rule
from .evidence._index import analysing
from .results import CriterionResult, FileResult, Finding, Level, Rule, Verdict

#: The sections every rule's documentation must have, each on a line of its own.
DOC_SECTIONS: tuple[str, ...] = ("What it checks", "Why it matters", "Example", "Fix")

_EXPECTED_LEVEL = re.compile(r"^(complete|partial|absent|closed)(?:[-.]|$)")


def installed_rules(extra: Iterable[Any] = ()) -> list[Rule]:
    """Every rule from installed plugins (plus ``extra`` plugin objects), as the CLI would load them."""
    from .plugins import load_rules

    loaded = load_rules(extra=extra)
    if loaded.errors:
        raise RuntimeError("; ".join(loaded.errors))
    return loaded.rules


def rules_from(*plugins: Any) -> list[Rule]:
    """The rules of these plugin modules/objects only, loaded and validated as the CLI would.

    Raises ``AssertionError`` with the one-line errors the CLI would print when a plugin is broken.
    """
    from .plugins import load_rules

    loaded = load_rules(extra=plugins, load_entrypoints=False)
    assert not loaded.errors, "; ".join(loaded.errors)
    return loaded.rules


def lint_string(text: str, rules: Optional[Iterable[Rule]] = None, settings: Optional[Settings] = None, path: str = "card.md") -> FileResult:
    """Lint ``text`` as a card named ``path`` with ``rules`` (default: all installed rules)."""
    return lint_card(parse(text, path), list(rules) if rules is not None else installed_rules(), settings or Settings())


def verdicts(rules: Sequence[Rule], text: str, path: str = "card.md", release: Optional[Path] = None) -> dict[str, Verdict]:
    """Every rule's verdict on ``text`` (rule name → verdict), computed in the engine's order.

    Rules that judge other verdicts (``needs_verdicts``) run last and see the others' results.
    With ``release`` (a release folder), the card is judged together with the files beside it.
    Raises ``AssertionError`` with the engine's message when a rule crashes, prints, hangs or
    returns something that is not a valid verdict.
    """
    card = parse(text, path)
    files = None
    if release is not None:
        from .release import read_folder

        files = read_folder(release, card)
    criteria: dict[str, CriterionResult] = {}
    out: dict[str, Verdict] = {}
    with analysing(card, files):
        for rule in sorted(rules, key=lambda r: r.needs_verdicts):
            result, error = run_rule(rule, card, verdicts=criteria if rule.needs_verdicts else None)
            assert result is not None, f"rule {rule.name} {error} on {path}"
            out[rule.name] = result
            criteria[rule.criterion] = CriterionResult(
                rule.criterion, result.level, result.score, rule.weight, rule.name, list(result.evidence), tuple(result.missing)
            )
    return out


def verdict(rule: Rule, text: str, path: str = "card.md", *, others: Sequence[Rule] = ()) -> Verdict:
    """Run one rule on ``text`` inside the engine's error boundary and return its verdict.

    ``others`` are the rules whose verdicts a ``needs_verdicts`` rule judges (e.g. the built-in ones).
    """
    return verdicts([*others, rule], text, path)[rule.name]


def codes(result: Union[FileResult, Verdict]) -> set[str]:
    """The finding codes of a verdict, or the active (unsuppressed, selected) codes of a lint result."""
    findings: list[Finding] = result.active_findings if isinstance(result, FileResult) else result.findings
    return {f.code for f in findings}


def rule_doc_problems(rule: Rule) -> list[str]:
    """What the rule's documentation lacks: each of :data:`DOC_SECTIONS` as a line of its own."""
    lines = {line.strip().rstrip(":").lower() for line in (rule.doc or "").splitlines()}
    return [f"rule {rule.name}: documentation has no '{s}' section" for s in DOC_SECTIONS if s.lower() not in lines]


def fixture_problems(rules: Sequence[Rule], fixtures: Path) -> dict[str, list[str]]:
    """Check rules against the fixture cards under ``fixtures`` (convention: see the module docstring).

    Returns rule name → problems (an empty list when the rule meets the convention).
    """
    cards = sorted(fixtures.rglob("*.md")) if fixtures.is_dir() else []
    problems: dict[str, list[str]] = {rule.name: [] for rule in rules}
    passing = {rule.name: 0 for rule in rules}
    failing = dict(passing)
    for card in cards:
        name = card.relative_to(fixtures).as_posix()
        # the card of a release folder (fixtures/releases/*/README.md) is judged with its files
        from .release import is_release_folder

        release = card.parent if card.name == "README.md" and is_release_folder(card.parent) else None
        judged = verdicts(rules, card.read_text(encoding="utf-8"), name, release)
        for rule in rules:
            v = judged[rule.name]
            expected = _EXPECTED_LEVEL.match(card.name)
            if expected and card.parent.name == rule.criterion and v.level.value != expected.group(1):
                problems[rule.name].append(f"{name}: judged {v.level.value}, the file name says {expected.group(1)}")
            if v.level == Level.NOT_APPLICABLE:
                continue  # the criterion does not apply to this card: neither a pass nor a failure
            if v.level == Level.COMPLETE:
                passing[rule.name] += 1
            elif codes(v) & {c.code for c in rule.codes}:
                failing[rule.name] += 1
            else:
                problems[rule.name].append(f"{name}: judged {v.level.value} without a finding of its own codes")
    for rule in rules:
        if not passing[rule.name]:
            problems[rule.name].append(f"no fixture under {fixtures} where rule {rule.name} passes (verdict complete)")
        if not failing[rule.name]:
            problems[rule.name].append(f"no fixture under {fixtures} where rule {rule.name} fails (not complete, with a finding)")
    return problems
