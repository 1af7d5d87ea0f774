"""RL2xx weights: the verdict on each fixture card in fixtures/weights/ is exactly as specified.

Each fixture pins one lesson: where a download location or a license may hide (hub ids in code,
gated request pages, License sections, badges, unreadable front matter, a hub id passed to the
model's class), and what is not one (a base model's page or license, a license for the code only,
placeholders, promises, API-only access).
"""

from __future__ import annotations

from pathlib import Path

from repro_lint.testing import lint_string

CARDS = Path(__file__).resolve().parents[1] / "fixtures" / "weights"


def lint(name: str):
    return lint_string((CARDS / name).read_text(encoding="utf-8"), path=name)


def test_base_model_link_is_not_quoted_as_download():
    weights = lint("partial-base-model-link-only.md").criteria["weights"]
    assert [e.element for e in weights.evidence] == ["license"]
    assert weights.missing == ("download location",)


def test_code_only_license_is_not_credited():
    weights = lint("partial-code-license-only.md").criteria["weights"]
    assert weights.missing == ("license",)


def test_license_sentence_about_the_data_does_not_license_the_weights():
    card = (
        "---\n---\n# Heron\n\nDownload the weights from https://huggingface.co/heron-lab/heron-7b. "
        "The letters dataset we used is licensed under [CC BY-NC 4.0](https://creativecommons.org/licenses/by-nc/4.0/).\n"
    )
    weights = lint_string(card, path="heron.md").criteria["weights"]
    assert (weights.level.value, weights.missing) == ("partial", ("license",))
