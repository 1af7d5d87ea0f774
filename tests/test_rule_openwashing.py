"""RL62x open-washing: an openness claim is judged against the other rules' verdicts."""

from __future__ import annotations

from _extras import codes, lint, lint_fixture

from repro_lint.results import Level


def test_no_claim_is_complete_without_evidence():
    result = lint("# M\n\nAvailable only through our API.\n")
    crit = result.criteria["openwashing"]
    assert (crit.level, crit.evidence) == (Level.COMPLETE, [])


def test_a_fully_open_claim_with_api_only_access_is_open_washing():
    result = lint_fixture("api-only-openwashing.md")
    crit = result.criteria["openwashing"]
    assert (crit.level, crit.score) == (Level.CLOSED, 0.0)
    (finding,) = [f for f in result.findings if f.code == "RL621"]
    assert finding.line == 3
    assert '"fully open-source"' in finding.message
    for problem in ("the weights are closed", "access is API-only", "the training data is withheld", "the hyperparameters are absent"):
        assert problem in finding.message


def test_an_open_source_claim_under_a_custom_license_is_open_washing():
    result = lint_fixture("finetune-gated.md")
    (finding,) = [f for f in result.findings if f.code == "RL621"]
    assert finding.line == 10
    assert "the license restricts use" in finding.message and "license: llama2" in finding.message


def test_a_chinese_claim_under_a_research_only_license_is_open_washing():
    result = lint_fixture("finetune-zh.md")
    (finding,) = [f for f in result.findings if f.code == "RL621"]
    assert finding.line == 7
    assert '"我们开源"' in finding.message


def test_a_supported_claim_is_complete_with_the_claim_as_evidence():
    result = lint_fixture("open-full.md")
    crit = result.criteria["openwashing"]
    assert crit.level == Level.COMPLETE
    assert [(e.line, e.element) for e in crit.evidence] == [(12, "strong claim")]


def test_a_chinese_claim_with_open_weights_and_mit_is_complete():
    assert lint_fixture("open-zh.md").criteria["openwashing"].level == Level.COMPLETE


def test_comparisons_and_code_are_not_claims_about_the_model():
    card = "# M\n\nOur model outperforms other open-source models. Our code is open source. Available only through our API.\n"
    assert codes(lint(card), "RL62") == []


def test_promises_are_not_claims():
    assert codes(lint("# M\n\nThe model will be open-sourced soon. Available only through our API.\n"), "RL62") == []


def test_the_rule_judges_verdicts_it_is_given_and_derives_nothing():
    from repro_lint.rules.openwashing import RULE

    from repro_lint.document import parse
    from repro_lint.engine import run_rule
    from repro_lint.results import CriterionResult

    card = parse("# M\n\nWe open-sourced the model.\n")
    closed = {"weights": CriterionResult("weights", Level.CLOSED, 0.0, 1.0, "weights")}
    verdict, error = run_rule(RULE, card, verdicts=closed)
    assert error is None and verdict.level == Level.CLOSED
    verdict, error = run_rule(RULE, card, verdicts={})
    assert error is None and verdict.level == Level.COMPLETE
