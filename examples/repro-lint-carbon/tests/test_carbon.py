"""The carbon-footprint rule, specified with repro-lint's public testing helpers."""

from __future__ import annotations

from pathlib import Path

import repro_lint_carbon

from repro_lint import Code, Level, Rule, Verdict
from repro_lint.testing import codes, fixture_problems, lint_string, rule_doc_problems, rules_from, verdict

FIXTURES = Path(__file__).resolve().parent / "fixtures"
RULE = repro_lint_carbon.RULE

OPEN_CARD = """\
---
license: apache-2.0
---
# Acme-7B

## Environmental impact

Training took 184,000 A100 GPU hours and emitted 12.5 tCO2eq.
"""


def test_the_plugin_provides_one_valid_rule_through_its_hook():
    (rule,) = rules_from(repro_lint_carbon)  # validated exactly as the command line does
    assert (rule.name, rule.criterion, rule.weight) == ("carbon_footprint", "carbon_footprint", 0.5)
    assert [c.code for c in rule.codes] == ["CFP001", "CFP002", "CFP003", "CFP004"]


def test_emissions_and_compute_make_the_criterion_complete():
    v = verdict(RULE, OPEN_CARD)
    assert v.level == Level.COMPLETE and v.score == 1.0
    assert {e.element for e in v.evidence} == {"emissions", "compute"}
    assert codes(v) == set()


def test_compute_without_emissions_is_partial_and_says_what_is_missing():
    v = verdict(RULE, "# M\n\n## Training\n\nTrained on 512 TPU v4 chips for 3,000 TPU hours.\n")
    assert v.level == Level.PARTIAL
    assert codes(v) == {"CFP002"}
    assert "CO2-equivalent" in v.findings[0].message


def test_the_words_without_a_value_are_not_evidence():
    v = verdict(RULE, "# M\n\n## Environmental impact\n\nWe care about carbon emissions and GPU hours.\n")
    assert v.level == Level.ABSENT and codes(v) == {"CFP001"}


def test_a_withheld_footprint_is_closed():
    v = verdict(RULE, "# M\n\nWe do not disclose the carbon emissions of training.\n")
    assert v.level == Level.CLOSED and codes(v) == {"CFP003"}


def test_a_placeholder_section_is_reported():
    v = verdict(RULE, "# M\n\n## Environmental impact\n\n[More Information Needed]\n")
    assert codes(v) == {"CFP001", "CFP004"}


def test_the_criterion_counts_half_as_much_as_a_core_criterion():
    complete = Rule("core", "core", (Code("ZZ01", "zz-stub", "stub"),), lambda card: Verdict(Level.COMPLETE, 1.0))
    without = lint_string("# M\n", rules=[complete, RULE])
    assert without.criteria["carbon_footprint"].weight == 0.5
    assert without.score == round(100 * 1 / 1.5, 1)  # 66.7: the weighted mean over both criteria
    assert lint_string(OPEN_CARD, rules=[complete, RULE]).score == 100.0


def test_the_documentation_has_the_required_sections():
    assert rule_doc_problems(RULE) == []


def test_the_fixtures_get_the_level_their_file_names_state():
    """tests/fixtures/carbon_footprint/complete-….md must be complete, partial-….md partial, and so on."""
    assert fixture_problems([RULE], FIXTURES) == {"carbon_footprint": []}
