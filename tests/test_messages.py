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
