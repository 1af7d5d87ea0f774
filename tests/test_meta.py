"""Meta-tests: every registered rule is documented, exercised by fixtures both ways, and uniquely coded.

The fixture convention is the one of :mod:`repro_lint.testing` (and docs/plugins.md): every card under
fixtures/ is judged by every rule; a rule must pass (verdict complete) on at least one and fail (not
complete, with a finding of its own codes) on at least one; cards in fixtures/<criterion>/ named
``complete-…``, ``partial-…``, ``absent-…`` or ``closed-…`` must get that level from that criterion's rule.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from repro_lint.engine import ENGINE_CODES
from repro_lint.testing import DOC_SECTIONS, fixture_problems, installed_rules, rule_doc_problems

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RULES = installed_rules()


@pytest.fixture(scope="module")
def fixture_report() -> dict[str, list[str]]:
    return fixture_problems(RULES, FIXTURES)


def test_the_five_core_criteria_are_registered():
    assert {r.criterion for r in RULES} >= {"architecture", "weights", "training_data", "training_method", "hyperparameters"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_documents_what_why_example_and_fix(rule):
    assert rule_doc_problems(rule) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_passes_on_a_fixture_and_fails_on_another(rule, fixture_report):
    assert fixture_report[rule.name] == []


def test_codes_slugs_names_and_criteria_are_unique():
    codes = [c.code for c in ENGINE_CODES] + [c.code for r in RULES for c in r.codes]
    slugs = [c.slug for c in ENGINE_CODES] + [c.slug for r in RULES for c in r.codes]
    for values in (codes, slugs, [r.name for r in RULES], [r.criterion for r in RULES]):
        assert [v for v, n in Counter(values).items() if n > 1] == []


def test_the_doc_check_rejects_a_rule_without_the_sections():
    from repro_lint import Code, Rule

    bare = Rule("bare", "bare", (Code("ZZ01", "zz-bare", "x"),), lambda card: None, doc="What it checks\n  nothing\n")
    assert rule_doc_problems(bare) == [f"rule bare: documentation has no '{s}' section" for s in DOC_SECTIONS[1:]]


def test_the_fixture_check_rejects_a_rule_that_never_fails(tmp_path):
    from repro_lint import Code, Level, Rule, Verdict

    (tmp_path / "card.md").write_text("# Card\n", encoding="utf-8")
    always = Rule("always", "always", (Code("ZZ01", "zz-always", "x"),), lambda card: Verdict(Level.COMPLETE, 1.0))
    assert fixture_problems([always], tmp_path) == {"always": [f"no fixture under {tmp_path} where rule always fails (not complete, with a finding)"]}
