"""Profiles select rules and thresholds; the score and the tier always come from the five criteria."""

from __future__ import annotations

import json

import pytest
from _extras import EXTRAS, lint_fixture
from repro_lint.rules.mof_class import mof_class

from repro_lint.cli import main
from repro_lint.config import ConfigError, Settings, settings_from_table
from repro_lint.profiles import EXTRA_CRITERIA, PROFILES, active_rules, resolve
from repro_lint.results import CORE_CRITERIA, CriterionResult, Level
from repro_lint.testing import installed_rules, lint_string


def test_the_default_profile_lists_the_five_criteria_only():
    result = lint_string((EXTRAS / "finetune-gated.md").read_text(encoding="utf-8"))
    assert tuple(result.criteria) == CORE_CRITERIA
    assert Settings().profile == "seed"


@pytest.mark.parametrize("profile", ["osai", "mof", "eu-ai-act"])
@pytest.mark.parametrize("fixture", ["api-only-openwashing.md", "finetune-gated.md", "finetune-zh.md", "open-full.md"])
def test_extra_criteria_never_change_the_score_or_the_tier(profile, fixture):
    seed = lint_fixture(fixture, "seed")
    other = lint_fixture(fixture, profile)
    assert set(other.criteria) > set(seed.criteria)
    assert (other.score, other.tier) == (seed.score, seed.tier)


def test_each_profile_enables_its_documented_criteria():
    rules = installed_rules()
    enabled = {name: {r.criterion for r in active_rules(rules, name)} - set(CORE_CRITERIA) for name in PROFILES}
    # claims against a release's files are checked in every profile (findings only, no score)
    assert all("release_claims" in criteria for criteria in enabled.values())
    enabled = {name: criteria - {"release_claims"} for name, criteria in enabled.items()}
    assert enabled == {
        "seed": {"access", "openwashing"},  # judged for RL613 and RL621 only, not listed as criteria
        "osai": set(EXTRA_CRITERIA),
        "mof": {"license", "access", "openwashing", "evaluation", "training_code", "mof_class"},
        "eu-ai-act": {"license", "access", "lineage", "evaluation", "training_code"},
    }


def test_a_profile_threshold_applies_unless_the_user_sets_one():
    assert resolve(Settings(profile="mof")).require == ("architecture", "weights", "license")
    assert resolve(Settings(profile="mof", require=("weights",))).require == ("weights",)
    assert resolve(Settings(profile="osai")).require == ()


def test_the_mof_gate_fails_a_card_without_an_open_license():
    result = lint_fixture("finetune-zh.md", "mof")
    assert "required criterion license is partial" in result.gate_reasons


def test_the_claimed_mof_class_is_an_info_finding():
    result = lint_fixture("open-full.md", "mof")
    (finding,) = [f for f in result.findings if f.code == "RL691"]
    assert finding.severity.value == "info"
    assert finding.message == "Claimed MOF class, from the card's text only: Class I (Open Science)."
    assert result.criteria["mof_class"].level == Level.COMPLETE
    assert not result.gate_failed


def _criteria(**levels: object) -> dict[str, CriterionResult]:
    out = {}
    for name, value in levels.items():
        level, missing = value if isinstance(value, tuple) else (value, ())
        out[name] = CriterionResult(name, level, 0.0, 0.0, name, [], missing)
    return out


def test_mof_classes_are_cumulative():
    class_three = dict(
        architecture=Level.COMPLETE,
        weights=Level.COMPLETE,
        license=Level.COMPLETE,
        training_data=Level.PARTIAL,
        evaluation=(Level.PARTIAL, ("evaluation code",)),
    )
    assert mof_class(_criteria(**class_three)) == (1, ["training code", "evaluation code"])
    assert mof_class(_criteria(**{**class_three, "license": Level.PARTIAL})) == (0, ["an open license for the parameters"])


def test_profile_is_a_configuration_key_and_is_validated():
    assert settings_from_table({"profile": "eu-ai-act"}, "cfg").profile == "eu-ai-act"
    with pytest.raises(ConfigError, match="'profile' must be one of seed, osai, mof, eu-ai-act"):
        settings_from_table({"profile": "fsf"}, "cfg")


def test_the_command_line_selects_a_profile(capsys):
    code = main([str(EXTRAS / "api-only-openwashing.md"), "--profile", "osai", "--format", "json", "--isolated"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    (card,) = out["files"]
    assert card["criteria"]["openwashing"]["level"] == "closed"
    assert any(f["code"] == "RL621" for f in card["findings"])


def test_ignoring_rl6_hides_every_finding_beyond_the_five_criteria():
    result = lint_string((EXTRAS / "finetune-gated.md").read_text(encoding="utf-8"), settings=Settings(profile="osai", ignore=("RL6",)))
    assert [f.code for f in result.findings if f.code.startswith("RL6")] == []
    assert "license" in result.criteria
