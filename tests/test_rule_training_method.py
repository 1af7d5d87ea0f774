"""RL4xx training method: the verdict on each fixture card in fixtures/training_method/ is exactly as specified.

Each fixture pins one lesson: a named objective or stage plus the release's training code (a link,
a script path, or the core hyperparameters as values) is complete; stages alone, or a bare
"fine-tuned version of X" beside a Trainer list, are partial; fine-tuning offered to users for their
own data is not the release's recipe; withholding statements are closed, in English and Chinese.
"""

from __future__ import annotations

from pathlib import Path

from repro_lint.testing import lint_string

CARDS = Path(__file__).resolve().parents[1] / "fixtures" / "training_method"


def lint(name: str):
    return lint_string((CARDS / name).read_text(encoding="utf-8"), path=name)


def test_stages_without_code_name_what_is_missing():
    method = lint("partial-stages-without-code.md").criteria["training_method"]
    assert method.missing == ("code or recipe",)


def test_a_user_fine_tuning_command_is_not_quoted_as_evidence():
    method = lint("partial-sft-zh.md").criteria["training_method"]
    assert [(e.line, e.element) for e in method.evidence] == [(9, "objective and procedure")]


def test_the_same_command_is_the_recipe_in_a_release_section():
    text = (CARDS / "absent-user-finetune-only.md").read_text(encoding="utf-8")
    released = text.replace("## Fine-tuning", "## Training").replace(
        "Swift-1B can be fine-tuned on a specific downstream task. Run:",
        "Swift-1B was trained with supervised fine-tuning (SFT) using:",
    )
    assert lint_string(released, path="released.md").criteria["training_method"].level.value == "complete"


def test_a_framework_name_alone_is_not_training_code():
    card = "# M\n\n## Training\n\nM was trained with DPO using Megatron and DeepSpeed.\n"
    assert lint_string(card, path="m.md").criteria["training_method"].level.value == "partial"


def test_front_matter_stage_tags_state_the_procedure_in_part():
    card = "---\ntags:\n- dpo\n- sft\n- trl\n---\n# M\n\nA chat model.\n"
    assert lint_string(card, path="m.md").criteria["training_method"].level.value == "partial"


def test_front_matter_library_tags_are_not_a_training_procedure():
    card = "---\ntags:\n- trl\n- transformers\n- generated\n---\n# M\n\nA chat model.\n"
    assert lint_string(card, path="m.md").criteria["training_method"].level.value == "absent"


def test_a_promise_of_training_code_is_not_code():
    card = "# M\n\nM was aligned with DPO. The training code will be released soon.\n"
    assert lint_string(card, path="m.md").criteria["training_method"].level.value == "partial"


def test_predicting_the_next_word_is_an_objective():
    card = "# M\n\n## Training\n\nM was trained to guess the next word in sentences.\n"
    method = lint_string(card, path="m.md").criteria["training_method"]
    assert (method.level.value, method.missing) == ("partial", ("code or recipe",))


def test_a_training_heading_alone_mentions_no_training():
    card = "# M\n\n## Training Procedure\n\n[More Information Needed]\n"
    assert lint_string(card, path="m.md").criteria["training_method"].level.value == "absent"


def test_a_stage_spelled_only_in_a_url_is_not_a_stage():
    card = "# M\n\nCode: [here](https://github.com/someone/RLHF).\n"
    assert lint_string(card, path="m.md").criteria["training_method"].level.value == "absent"


def test_the_training_notebook_is_the_code_and_the_base_model_link_is_not():
    method = lint("complete-training-notebook.md").criteria["training_method"]
    assert [(e.line, e.element) for e in method.evidence] == [(7, "training mentioned"), (13, "code or recipe")]


def test_a_linked_codebase_is_quoted_on_the_line_of_the_link():
    method = lint("complete-trained-with-linked-code.md").criteria["training_method"]
    assert [(e.line, e.element) for e in method.evidence if e.element == "code or recipe"] == [(6, "code or recipe")]


def test_the_finetuned_from_key_counts_once_it_has_a_value():
    text = (CARDS / "absent-finetuned-from-placeholder.md").read_text(encoding="utf-8")
    filled = text.replace("**Finetuned from model [optional]:** [More Information Needed]", "**Finetuned from model:** acme/base-7b")
    assert lint_string(filled, path="filled.md").criteria["training_method"].level.value == "partial"


def test_the_same_list_describes_the_release_outside_a_derived_models_section():
    text = (CARDS / "absent-derived-models-list.md").read_text(encoding="utf-8")
    own = text.replace("## Integrations and related projects\n\n### Derived models", "## Model details")
    assert lint_string(own, path="own.md").criteria["training_method"].level.value == "partial"


def test_an_autoregressive_language_model_states_the_objective_only_in_part():
    card = "# M\n\nM is a GPT-style autoregressive language model with 175 billion parameters.\n"
    method = lint_string(card, path="m.md").criteria["training_method"]
    assert (method.level.value, method.missing) == ("partial", ("objective and procedure", "code or recipe"))


def test_training_code_without_any_stage_is_partial():
    text = (CARDS / "complete-pretraining-data-and-code.md").read_text(encoding="utf-8")
    bare = text.replace(" and our processed pre-training dataset", "")
    method = lint_string(bare, path="bare.md").criteria["training_method"]
    assert (method.level.value, method.missing) == ("partial", ("objective and procedure",))
