"""Output that reads right: grammar, quotes that contain the evidence and are exact, one placeholder
finding per section and criterion, and n/a for a criterion that does not apply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repro_lint.cli import main


def lint_json(capsys, card: Path, *args: str) -> dict:
    main([str(card), "--isolated", "--format", "json", *args])
    return json.loads(capsys.readouterr().out)["files"][0]


def messages(result: dict, code: str) -> list[str]:
    return [f["message"] for f in result["findings"] if f["code"] == code]


# --- 7. a subject that agrees with its verb -----------------------------------------------------------


@pytest.mark.parametrize(
    "card, code, sentence",
    [
        ("weights/partial-code-license-only.md", "RL202", "The weights are documented only in part"),
        ("hyperparameters/partial-training-tokens.md", "RL502", "The hyperparameters are documented only in part"),
        ("architecture/partial-base-model-sentence.md", "RL102", "The architecture is documented only in part"),
    ],
)
def test_incomplete_messages_agree_in_number(capsys, fixtures, card, code, sentence):
    found = messages(lint_json(capsys, fixtures / card), code)
    assert found and found[0].startswith(sentence)


# --- 8. a quote shows the matched text; sampling settings in a usage example are not hyperparameters -------


def test_evidence_quote_holds_the_matched_link_even_late_in_the_line(capsys, fixtures):
    # fixtures/quotes/weights-link-late-in-line.md: the Hub link is the third link on line 7.
    result = lint_json(capsys, fixtures / "quotes" / "weights-link-late-in-line.md")
    (download,) = [e for e in result["criteria"]["weights"]["evidence"] if e["element"] == "download location"]
    assert download["line"] == 7
    assert "huggingface.co/plover-lab" in download["text"][:60]  # what the text report shows
    assert download["text"] in (fixtures / "quotes" / "weights-link-late-in-line.md").read_text().splitlines()[6]


def test_sampling_settings_in_a_usage_example_are_not_hyperparameters(capsys, fixtures):
    # fixtures/quotes/sampling-settings-in-usage-code.md: only model.predict(…, top_p=0.9, seed=123) → absent.
    result = lint_json(capsys, fixtures / "quotes" / "sampling-settings-in-usage-code.md")
    assert result["criteria"]["hyperparameters"]["level"] == "absent"
    assert result["criteria"]["hyperparameters"]["evidence"] == []


# --- 9. findings quote the card exactly ----------------------------------------------------------------


def test_withheld_message_keeps_full_width_punctuation(capsys, fixtures):
    # fixtures/weights/closed-not-open-source-zh.md: 模型权重暂不开源，仅通过 API 提供服务。
    (message,) = messages(lint_json(capsys, fixtures / "weights" / "closed-not-open-source-zh.md"), "RL203")
    assert "模型权重暂不开源，仅通过 API 提供服务。" in message


def test_withheld_message_quotes_an_english_card_exactly(capsys, fixtures):
    # fixtures/tiers/closed-api-only.md: "The weights are not released."
    (message,) = messages(lint_json(capsys, fixtures / "tiers" / "closed-api-only.md"), "RL203")
    assert 'withholds the weights: "The weights are not released."' in message


@pytest.mark.parametrize(
    "card, sentence",
    [
        # a short match ("cloud service") is quoted with the sentence around it, which says what is withheld
        ("phrases/weights-not-own.md", "Swift-2B-Delta is offered as a cloud service; apply for an API key to call it."),
        # "official Python SDK" alone does not say that the model is a hosted service
        ("weights/closed-service-sdk-only.md", "The official Python SDK for the Skylark speech service."),
    ],
)
def test_withheld_message_quotes_the_sentence_of_a_short_match(capsys, fixtures, card, sentence):
    (message,) = messages(lint_json(capsys, fixtures / card), "RL203")
    assert f'withholds the weights: "{sentence}"' in message


def test_withheld_message_prefers_the_sentence_that_says_so_over_api_access(capsys, fixtures):
    # fixtures/weights/closed-api-key-and-no-download-sentence.md: "Create an API key" comes first, but the
    # sentence "There is no downloadable version of the model." is what says the weights are withheld.
    (message,) = messages(lint_json(capsys, fixtures / "weights" / "closed-api-key-and-no-download-sentence.md"), "RL203")
    assert "There is no downloadable version of the model." in message


# --- 10. each placeholder finding belongs to the section's own criterion -----------------------------------


@pytest.mark.parametrize(
    "card, expected",
    [
        # fixtures/template.md: "Training Data" is a placeholder section of the training data, not of the method.
        ("template.md", {("RL304", 22), ("RL104", 34)}),
        # fixtures/placeholders/trainer-card.md: the Trainer's "Training and evaluation data" section.
        ("placeholders/trainer-card.md", {("RL104", 10), ("RL304", 14), ("RL404", 18)}),
    ],
)
def test_placeholder_sections_are_reported_once_under_their_own_criterion(capsys, fixtures, card, expected):
    result = lint_json(capsys, fixtures / card)
    found = {(f["code"], f["line"]) for f in result["findings"] if f["code"].endswith("04") and f["code"][2] in "12345"}
    assert found == expected


# --- 6. placeholders in key-value lines; promised values are not values, named choices still count ---------


def test_placeholder_values_are_placeholders_of_their_criterion(capsys, fixtures):
    # fixtures/placeholders/training-data-placeholder-value-zh.md: 数据：待补充 / 学习率：待补充
    result = lint_json(capsys, fixtures / "placeholders" / "training-data-placeholder-value-zh.md")
    assert [(f["code"], f["line"]) for f in result["findings"] if f["code"] in ("RL304", "RL504")] == [("RL304", 7), ("RL504", 8)]
    assert "'数据：待补充'" in messages(result, "RL304")[0]
    assert result["criteria"]["training_data"]["level"] == "absent"
    assert result["criteria"]["hyperparameters"]["level"] == "absent"


def test_named_optimizer_and_schedule_with_values_promised_later_are_partial(capsys, fixtures):
    # fixtures/placeholders/hyperparameters-values-promised.md: AdamW and a cosine schedule, "values will be
    # shared later", then "Learning rate: TBA" and "Warmup steps: TBD".
    result = lint_json(capsys, fixtures / "placeholders" / "hyperparameters-values-promised.md")
    hyper = result["criteria"]["hyperparameters"]
    assert hyper["level"] == "partial"
    assert {e["element"] for e in hyper["evidence"]} == {"optimizer", "schedule"}
    assert set(hyper["missing"]) == {"learning rate", "batch size", "duration"}
    assert [f["line"] for f in result["findings"] if f["code"] == "RL504"] == [9, 10]


# --- 12. a criterion that does not apply is n/a and not scored ---------------------------------------------


def test_lineage_of_a_model_that_is_not_a_derivative_is_not_applicable(capsys, fixtures):
    # fixtures/open-weights.md: no base model, no "fine-tuned from" → lineage does not apply.
    main([str(fixtures / "open-weights.md"), "--isolated", "--profile", "osai", "--weight", "lineage=1"])
    out = capsys.readouterr().out
    (row,) = [line for line in out.splitlines() if line.strip().startswith("lineage")]
    assert row.split()[1] == "n/a" and "no evidence" not in row
    assert "Score: 40/100" in out  # architecture and weights complete of five: lineage adds nothing
    result = lint_json(capsys, fixtures / "open-weights.md", "--profile", "osai", "--weight", "lineage=1")
    assert result["criteria"]["lineage"]["level"] == "n/a" and result["score"] == 40.0
