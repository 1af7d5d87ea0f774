"""The engine: error boundary per rule, selection, score and tier."""

from __future__ import annotations

import pytest

from repro_lint.config import Settings
from repro_lint.engine import is_selected, tier_for
from repro_lint.results import Code, Level, Rule, Tier, Verdict
from repro_lint.testing import installed_rules, lint_string

CORE = ("architecture", "weights", "training_data", "training_method", "hyperparameters")


def _boom(card):
    raise ValueError("kaboom")


CRASHING = Rule(name="crashing", criterion="crashing", codes=(Code("ZZ101", "zz", "test"),), check=_boom, plugin="tests[crashing]")


def test_a_crashing_rule_is_reported_and_the_others_still_run(fixtures):
    rules = installed_rules() + [CRASHING]
    result = lint_string((fixtures / "open-reproducible.md").read_text(), rules=rules)
    assert result.internal_error
    rl001 = [f for f in result.findings if f.code == "RL001"]
    assert len(rl001) == 1
    assert "crashing" in rl001[0].message and "tests[crashing]" in rl001[0].message and "kaboom" in rl001[0].message
    assert all(result.criteria[c].level == Level.COMPLETE for c in CORE)


def test_a_crashing_rule_makes_the_cli_exit_2(capsys, fixtures, monkeypatch):
    from repro_lint import plugins
    from repro_lint.cli import main

    real = plugins.load_rules

    def with_crash(*args, **kwargs):
        loaded = real(*args, **kwargs)
        loaded.rules.append(CRASHING)
        return loaded

    monkeypatch.setattr(plugins, "load_rules", with_crash)
    code = main([str(fixtures / "open-reproducible.md")])
    out, err = capsys.readouterr()
    assert code == 2
    assert "RL001" in out and "Traceback" not in out + err


def test_a_rule_returning_the_wrong_type_is_an_internal_error(fixtures):
    bad = Rule(name="bad", criterion="bad", codes=(Code("ZZ201", "zz2", "t"),), check=lambda card: {"level": "complete"})
    result = lint_string("# x\n\ntext\n", rules=[bad])
    assert result.internal_error
    assert "returned dict, not a Verdict" in result.findings[0].message


@pytest.mark.parametrize(
    "select, ignore, code, expected",
    [
        (("ALL",), (), "RL301", True),
        (("ALL",), ("RL3",), "RL301", False),
        (("RL301",), ("RL3",), "RL301", True),  # longer prefix wins
        (("RL3",), ("RL301",), "RL301", False),
        (("RL3",), ("RL3",), "RL301", False),  # tie: ignore wins
        (("RL5",), (), "RL301", False),
        (("training-data-missing",), ("RL3",), "RL301", True),  # a slug is the most specific selector
    ],
)
def test_selection_longest_match_wins(select, ignore, code, expected):
    assert is_selected(code, "training-data-missing", Settings(select=select, ignore=ignore)) is expected


def test_tier_follows_the_openness_hierarchy():
    all_complete = {c: Level.COMPLETE for c in CORE}
    assert tier_for(all_complete) == Tier.OPEN_REPRODUCIBLE
    assert tier_for({**all_complete, "training_data": Level.PARTIAL}) == Tier.OPEN_WEIGHTS
    assert tier_for({**all_complete, "weights": Level.CLOSED}) == Tier.RECIPE_ONLY
    assert tier_for({**all_complete, "weights": Level.CLOSED, "hyperparameters": Level.PARTIAL}) == Tier.CLOSED
    assert tier_for({c: Level.PARTIAL for c in CORE}) == Tier.WEIGHTS_AVAILABLE  # weights can be had, in part
    assert tier_for({**{c: Level.PARTIAL for c in CORE}, "weights": Level.ABSENT}) == Tier.CLOSED
    assert tier_for({**all_complete, "architecture": Level.PARTIAL}) == Tier.WEIGHTS_AVAILABLE  # not "recipe only"


def test_extra_criteria_with_their_own_weight_enter_the_score():
    half = Rule(name="half", criterion="carbon", codes=(Code("ZZ301", "z3", "t"),), weight=3.0, check=lambda card: Verdict(Level.COMPLETE, 1.0))
    none = Rule(name="none", criterion="other", codes=(Code("ZZ401", "z4", "t"),), check=lambda card: Verdict(Level.ABSENT, 0.0))
    result = lint_string("# x\n", rules=[half, none])
    assert result.score == 75.0
    assert result.tier == Tier.CLOSED  # the tier depends on the five core criteria only


def test_findings_are_clamped_to_the_file():
    far = Rule(
        name="far",
        criterion="far",
        codes=(Code("ZZ501", "z5", "t"),),
        check=lambda card: Verdict(Level.ABSENT, 0.0, findings=[__import__("repro_lint.results").results.Finding("ZZ501", "z5", "m", line=999, column=0)]),
    )
    result = lint_string("# x\nline two\n", rules=[far])
    assert (result.findings[0].line, result.findings[0].column) == (2, 1)
