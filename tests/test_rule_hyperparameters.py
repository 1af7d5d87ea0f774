"""RL5xx hyperparameters: the verdict on each fixture card in fixtures/hyperparameters/ is exactly as specified.

Each fixture pins one lesson: where values hide (a ``| Hyperparameter | Value |`` table, a
Trainer-generated list, Chinese with full-width punctuation, a config path in a training section
nested under "Usage") and what is not a value (names without numbers, a fine-tuning example offered
to users, checkpoint intervals, context lengths, placeholders).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from repro_lint.testing import lint_string

CARDS = Path(__file__).resolve().parents[1] / "fixtures" / "hyperparameters"

#: fixture → (level, the RL5xx finding codes)
EXPECTED = {
    # | Hyperparameter | Value | table with all five core settings
    "complete-value-table.md": ("complete", []),
    # "The following hyperparameters were used during training:" list written by the Trainer
    "complete-trainer-list.md": ("complete", []),
    # 学习率：2e-5 — full-width colon and parentheses, no front matter
    "complete-fullwidth-zh.md": ("complete", []),
    # "Usage > Training" is still the release's training; its config path is the full set
    "complete-config-under-usage.md": ("complete", []),
    # training tokens count; "every 10k steps" and "a context of 32K tokens" do not
    "partial-training-tokens.md": ("partial", ["RL502"]),
    # 在约 2.6T 标识符的语料上完成预训练; 8K 上下文 is not a duration
    "partial-tokens-zh.md": ("partial", ["RL502"]),
    # "we tuned the learning rate": names without values
    "absent-names-without-values.md": ("absent", ["RL501"]),
    # --lr 1e-5 … inside "Fine-tune on your own data" is the user's setting, not the release's
    "absent-user-finetune-example.md": ("absent", ["RL501"]),
    "absent-placeholder-section.md": ("absent", ["RL501", "RL504"]),
    "closed-not-disclosed.md": ("closed", ["RL503"]),
    "closed-withheld-zh.md": ("closed", ["RL503"]),
    # Keras callback list: {'name': 'AdamWeightDecay', … 'class_name': 'CosineDecay', 'initial_learning_rate': 3e-05}
    "complete-keras-schedule.md": ("complete", []),
    # scripts/train.sh in a training section that calls itself 简化的示范流程 is not the exact config
    "partial-demonstration-script-zh.md": ("partial", ["RL502"]),
    # "Optimizer: `adamw_torch`" in backticks and "Scheduler: linear" as a key: value list
    "complete-adapter-setup-list.md": ("complete", []),
    # "How to Fine-tune X … for users to fine-tune our models on downstream tasks": a command for users
    "absent-how-to-fine-tune-section.md": ("absent", ["RL501"]),
    # a training section that instructs the reader (hardware you need, "Run the launcher") to fine-tune with
    # LoRA: its values and script are the reader's settings, even without "your data" in the text
    "absent-reader-lora-how-to.md": ("absent", ["RL501"]),
    # instructions to re-run the release's own pre-training: the launcher is the release's exact config
    "complete-reproduce-own-training.md": ("complete", []),
    # "3.2T Korean, English and Python tokens": a token count with qualifiers is the training duration;
    # another model's values in a comparison table and "Adam" in a BibTeX author list are not settings
    "partial-qualified-token-count.md": ("partial", ["RL502"]),
    # config links beside checkpoints, not named for training: may be the model's, may be the run's — partial
    "partial-config-in-checkpoint-table.md": ("partial", ["RL502"]),
    # a config in a usage section that the text calls the config "for this model" is the release's own
    "complete-config-for-this-model-in-usage.md": ("complete", []),
    # a hard-wrapped sentence: "trained on … range\nof sources, totalling 3 trillion tokens" is still one duration
    "partial-wrapped-token-count.md": ("partial", ["RL502"]),
}


def lint(name: str):
    return lint_string((CARDS / name).read_text(encoding="utf-8"), path=name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hyperparameters_verdict(name):
    result = lint(name)
    codes = sorted(f.code for f in result.findings if f.code.startswith("RL5"))
    assert (result.criteria["hyperparameters"].level.value, codes) == EXPECTED[name]


def test_every_fixture_is_specified():
    assert sorted(p.name for p in CARDS.glob("*.md")) == sorted(EXPECTED)


def elements(name: str) -> set[str]:
    return {e.element for e in lint(name).criteria["hyperparameters"].evidence}


def test_each_row_of_a_value_table_is_read_with_its_name():
    assert elements("complete-value-table.md") == {"learning rate", "batch size", "duration", "optimizer", "schedule"}


def test_full_width_punctuation_is_read_like_ascii():
    hyper = lint("complete-fullwidth-zh.md").criteria["hyperparameters"]
    assert {e.element for e in hyper.evidence} >= {"learning rate", "batch size", "duration", "optimizer"}
    assert [e.line for e in hyper.evidence if e.element == "learning rate"] == [7]


def test_checkpoint_intervals_and_context_lengths_are_not_durations():
    hyper = lint("partial-training-tokens.md").criteria["hyperparameters"]
    assert [(e.line, e.element) for e in hyper.evidence] == [(7, "duration")]
    assert set(hyper.missing) == {"learning rate", "batch size", "optimizer", "schedule"}


def test_a_config_path_is_quoted_as_the_training_config():
    hyper = lint("complete-config-under-usage.md").criteria["hyperparameters"]
    assert [(e.line, e.element) for e in hyper.evidence] == [(12, "training config")]


def test_the_same_values_count_outside_a_section_for_users():
    text = (CARDS / "absent-user-finetune-example.md").read_text(encoding="utf-8")
    released = text.replace("## Fine-tune on your own data", "## Training details").replace(
        "You can adapt Swift-1B to your own dataset with the script below:", "The released model was trained with:"
    )
    assert lint_string(released, path="released.md").criteria["hyperparameters"].level.value == "complete"


def test_a_pointer_to_the_paper_is_partial():
    card = "# M\n\n## Training\n\nSee the [paper](https://arxiv.org/abs/0000.00000) for the training details.\n"
    assert lint_string(card, path="m.md").criteria["hyperparameters"].level.value == "partial"


def test_a_link_to_the_exact_config_is_complete():
    card = "# M\n\n## Training\n\nThe run used [this config](https://github.com/acme/m/blob/main/configs/m-7b.yaml).\n"
    assert lint_string(card, path="m.md").criteria["hyperparameters"].level.value == "complete"


def test_an_example_config_is_not_the_release_config():
    card = "# M\n\n## Training\n\nStart from `configs/example/train.yaml` and adjust it.\n"
    assert lint_string(card, path="m.md").criteria["hyperparameters"].level.value == "absent"


def test_settings_of_code_that_only_runs_the_model_do_not_count():
    card = (
        "# M\n\n## Model details\n\n```python\nmodel = AutoModel.from_pretrained('acme/m')\n"
        "out = model.generate(inputs, batch_size=8, num_beams=4)\n```\n"
    )
    assert lint_string(card, path="m.md").criteria["hyperparameters"].level.value == "absent"


def test_a_person_named_like_an_optimizer_is_not_one():
    card = "# M\n\n## Model card authors\n\nAdam Novak and Sophia Lind.\n"
    assert lint_string(card, path="m.md").criteria["hyperparameters"].level.value == "absent"


def test_numbers_inside_run_names_and_numbered_steps_are_not_durations():
    card = "# M\n\n## 训练\n\n第2步：运行 `train_on_qa_1epoch` 任务。\n"
    assert lint_string(card, path="m.md").criteria["hyperparameters"].level.value == "absent"


def test_a_chinese_epoch_count_is_a_duration():
    card = "# M\n\n## 训练\n\n模型在指令数据上训练了 3 轮。\n"
    assert lint_string(card, path="m.md").criteria["hyperparameters"].level.value == "partial"


def test_a_training_heading_that_addresses_the_reader_is_for_users():
    card = "# M\n\n## Usage\n\n### Training on your own data\n\n```sh\npython train.py --lr 1e-5 --batch_size 8 --epochs 3 --optim adamw\n```\n"
    assert lint_string(card, path="m.md").criteria["hyperparameters"].level.value == "absent"


def test_a_chinese_epoch_count_with_a_measure_word_is_a_duration():
    card = "# M\n\n## 训练细节\n\n我们在指令数据上训练了 3 个 epoch。\n"
    assert lint_string(card, path="m.md").criteria["hyperparameters"].level.value == "partial"


def test_schedule_and_optimizer_are_read_from_a_keras_optimizer_dict():
    assert elements("complete-keras-schedule.md") == {"learning rate", "duration", "optimizer", "schedule"}


def test_the_same_script_is_the_exact_config_without_the_demonstration_note():
    text = (CARDS / "partial-demonstration-script-zh.md").read_text(encoding="utf-8")
    exact = text.replace("以上是简化的示范流程，请根据需要调整。", "")
    assert lint_string(exact, path="exact.md").criteria["hyperparameters"].level.value == "complete"


def test_a_demonstration_elsewhere_in_the_card_does_not_discount_the_training_config():
    card = "# M\n\n## Demo\n\nA simplified demo pipeline for chatting.\n\n## Training\n\nWe trained with `configs/m-7b.yaml`.\n"
    assert lint_string(card, path="m.md").criteria["hyperparameters"].level.value == "complete"
