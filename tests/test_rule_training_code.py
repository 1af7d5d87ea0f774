"""RL65x training code and compute: a training-code link, hardware with an amount, energy where given."""

from __future__ import annotations

from _extras import codes, lint, lint_fixture

from repro_lint.results import Level


def test_code_link_and_gpu_hours_are_complete_and_emissions_are_evidence():
    crit = lint_fixture("open-full.md").criteria["training_code"]
    assert crit.level == Level.COMPLETE
    assert {e.element for e in crit.evidence} == {"training code", "compute", "energy"}


def test_a_gpu_type_without_an_amount_is_not_compute():
    result = lint("# M\n\nWe used A100 GPUs.\n")
    assert result.criteria["training_code"].level == Level.ABSENT
    assert codes(result, "RL65") == ["RL651"]


def test_compute_without_code_is_partial():
    crit = lint("# M\n\nTrained on 512 H100 GPUs for 21 days.\n").criteria["training_code"]
    assert (crit.level, crit.missing) == (Level.PARTIAL, ("training code",))


def test_withheld_training_code_is_closed():
    result = lint("# M\n\nThe training code is not released.\n")
    assert result.criteria["training_code"].level == Level.CLOSED
    assert codes(result, "RL65") == ["RL653"]


def test_chinese_code_link_and_cards_are_complete():
    assert lint_fixture("finetune-zh.md").criteria["training_code"].level == Level.COMPLETE
    assert lint_fixture("open-zh.md").criteria["training_code"].level == Level.COMPLETE


def test_english_finetune_without_code_or_compute_is_absent():
    assert lint_fixture("finetune-gated.md").criteria["training_code"].level == Level.ABSENT
