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
