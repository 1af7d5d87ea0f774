"""RL5xx hyperparameters: the verdict on each fixture card in fixtures/hyperparameters/ is exactly as specified.

Each fixture pins one lesson: where values hide (a ``| Hyperparameter | Value |`` table, a
Trainer-generated list, Chinese with full-width punctuation, a config path in a training section
nested under "Usage") and what is not a value (names without numbers, a fine-tuning example offered
to users, checkpoint intervals, context lengths, placeholders).
"""

from __future__ import annotations

from pathlib import Path

from repro_lint.testing import lint_string

CARDS = Path(__file__).resolve().parents[1] / "fixtures" / "hyperparameters"


def lint(name: str):
    return lint_string((CARDS / name).read_text(encoding="utf-8"), path=name)


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
    card = "# M\n\n## Model details\n\n```python\nmodel = AutoModel.from_pretrained('acme/m')\nout = model.generate(inputs, batch_size=8, num_beams=4)\n```\n"
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
