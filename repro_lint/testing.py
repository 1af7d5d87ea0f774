"""Test helpers for rule authors (public API): lint a string, get a verdict, check a rule's conventions.

    from repro_lint.testing import verdict

    def test_states_emissions():
        v = verdict(RULE, "## Environmental impact\\nEmitted 12 tCO2eq over 3,000 A100 GPU hours.\\n")
        assert v.level == Level.COMPLETE

:func:`verdict` runs one rule the way the engine does (error boundary included) and returns its
:class:`~repro_lint.model.Verdict`; :func:`lint_string` runs a whole lint and returns the
:class:`~repro_lint.model.FileResult` (score, tier, criteria, findings after selection and
suppression). :func:`rules_from` loads rules from plugin modules through the hook, with the same
validation as the command line, so a test also proves the plugin is wired correctly.
:func:`rule_doc_problems` and :func:`fixture_problems` are the checks of repro-lint's own meta-tests.

Fixture convention: the fixtures of a rule are the ``*.md`` cards under ``<fixtures>/<criterion>/``
(sub-folders included). The rule *passes* on a fixture when its verdict is ``complete``, and *fails*
on it otherwise, with at least one finding of its own codes. A rule needs at least one of each. When
a fixture's file name starts with a level followed by ``-`` or ``.`` (``complete-…``, ``partial-…``,
``absent-…``, ``closed-…``), the verdict must be that level.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from .config import Settings
from .document import parse
from .engine import lint_card, run_rule
from .model import FileResult, Finding, Level, Rule, Verdict

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


def lint_string(
    text: str, rules: Optional[Iterable[Rule]] = None, settings: Optional[Settings] = None, path: str = "card.md"
) -> FileResult:
    """Lint ``text`` as a card named ``path`` with ``rules`` (default: all installed rules)."""
    return lint_card(parse(text, path), list(rules) if rules is not None else installed_rules(), settings or Settings())


def verdict(rule: Rule, text: str, path: str = "card.md") -> Verdict:
    """Run one rule on ``text`` inside the engine's error boundary and return its verdict.

    Raises ``AssertionError`` with the engine's message when the rule crashes, prints, hangs or
    returns something that is not a valid verdict.
    """
    result, error = run_rule(rule, parse(text, path))
    assert result is not None, f"rule {rule.name} {error}"
    return result


def codes(result: Union[FileResult, Verdict]) -> set[str]:
    """The finding codes of a verdict, or the active (unsuppressed, selected) codes of a lint result."""
    findings: list[Finding] = result.active_findings if isinstance(result, FileResult) else result.findings
    return {f.code for f in findings}


def rule_doc_problems(rule: Rule) -> list[str]:
    """What the rule's documentation lacks: each of :data:`DOC_SECTIONS` as a line of its own."""
    lines = {line.strip().rstrip(":").lower() for line in (rule.doc or "").splitlines()}
    return [f"rule {rule.name}: documentation has no '{s}' section" for s in DOC_SECTIONS if s.lower() not in lines]


def fixture_problems(rule: Rule, fixtures: Path) -> list[str]:
    """Check the rule against its fixtures (see the module docstring for the convention)."""
    folder = fixtures / rule.criterion
    cards = sorted(folder.rglob("*.md")) if folder.is_dir() else []
    own = {c.code for c in rule.codes}
    problems: list[str] = []
    passing = failing = 0
    for card in cards:
        name = card.relative_to(fixtures).as_posix()
        v = verdict(rule, card.read_text(encoding="utf-8"), path=name)
        expected = _EXPECTED_LEVEL.match(card.name)
        if expected and v.level.value != expected.group(1):
            problems.append(f"{name}: rule {rule.name} judged {v.level.value}, the file name says {expected.group(1)}")
        if v.level == Level.COMPLETE:
            passing += 1
        elif codes(v) & own:
            failing += 1
        else:
            problems.append(f"{name}: rule {rule.name} judged {v.level.value} without a finding of its own codes")
    if not passing:
        problems.append(f"rule {rule.name}: no fixture under {folder} where it passes (verdict complete)")
    if not failing:
        problems.append(f"rule {rule.name}: no fixture under {folder} where it fails (verdict not complete, with a finding)")
    return problems
