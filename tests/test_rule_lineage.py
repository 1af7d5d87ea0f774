"""RL63x lineage: a derivative names its base, says what it inherits, and documents its own training."""

from __future__ import annotations

from _extras import codes, lint, lint_fixture

from repro_lint.results import Level


def test_a_card_that_is_not_a_derivative_has_nothing_to_declare():
    crit = lint("# M\n\nA decoder-only model trained from scratch.\n").criteria["lineage"]
    assert (crit.level, crit.evidence) == (Level.NOT_APPLICABLE, [])  # n/a: not scored


def test_a_finetune_without_a_named_base_is_absent():
    result = lint("# M\n\nThis model is a fine-tuned chat model.\n")
    assert result.criteria["lineage"].level == Level.ABSENT
    assert codes(result, "RL63") == ["RL631"]


def test_a_finetune_must_document_its_own_data_and_hyperparameters():
    result = lint_fixture("finetune-zh.md")
    crit = result.criteria["lineage"]
    assert crit.level == Level.PARTIAL
    assert crit.missing == ("own training data", "own hyperparameters")
    assert codes(result, "RL63") == ["RL633", "RL634"]


def test_english_finetune_with_stated_inheritance_lacks_only_its_data_composition():
    result = lint_fixture("finetune-gated.md")
    crit = result.criteria["lineage"]
    assert (crit.level, crit.missing) == (Level.PARTIAL, ("own training data",))
    assert [e.element for e in crit.evidence] == ["base model", "base model", "inheritance"]


def test_a_quantised_reupload_needs_no_training_documentation():
    card = "---\nbase_model: acme/acme-7b\nbase_model_relation: quantized\n---\n# M\n\nGGUF quants of acme/acme-7b, same architecture as the base model.\n"
    result = lint(card)
    assert result.criteria["lineage"].level == Level.COMPLETE
    assert codes(result, "RL63") == []


def test_inheritance_unstated_is_reported_at_the_base_model_line():
    card = "---\nbase_model: acme/acme-7b\nbase_model_relation: quantized\n---\n# M\n"
    result = lint(card)
    assert result.criteria["lineage"].level == Level.PARTIAL
    assert [(f.code, f.line) for f in result.findings if f.code.startswith("RL63")] == [("RL632", 2)]
