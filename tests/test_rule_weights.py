"""RL2xx weights: the verdict on each fixture card in fixtures/weights/ is exactly as specified.

Each fixture pins one lesson: where a download location or a license may hide (hub ids in code,
gated request pages, License sections, badges, unreadable front matter, a hub id passed to the
model's class), and what is not one (a base model's page or license, a license for the code only,
placeholders, promises, API-only access).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from repro_lint.testing import lint_string

CARDS = Path(__file__).resolve().parents[1] / "fixtures" / "weights"

#: fixture → (level, the RL2xx finding codes)
EXPECTED = {
    # hub id assigned to a variable and loaded with from_pretrained; license in the front matter
    "complete-front-matter-hub-id.md": ("complete", []),
    # download table + a License (协议) section that licenses the weights, not only the code
    "complete-license-section-zh.md": ("complete", []),
    # a tab makes the YAML unreadable, the license key is still read; CLI download with options
    "complete-unreadable-front-matter.md": ("complete", []),
    # a gated download page and a bold "License" label without a colon
    "complete-gated-request-form.md": ("complete", []),
    # "For access apply …": a gated download, with the license in the front matter
    "complete-gated-access-apply.md": ("complete", []),
    # a file listing that names the trained adapter weights is where they are; no license
    "partial-adapter-file-listing.md": ("partial", ["RL202"]),
    # PeftModel.from_pretrained(model, "<adapter>") loads the release's adapter; no license
    "partial-peft-local-adapter.md": ("partial", ["RL202"]),
    # a hub id given to the model's own class in a usage example: Heron("org/name")
    "complete-constructor-hub-id.md": ("complete", []),
    # "All models are open-source in the repo" with a link to the hub organisation
    "complete-models-open-source-in-repo.md": ("complete", []),
    # "This fine-tunes the [X](hub) model": the link and "X is Apache 2.0 licensed" are the base model's
    "absent-base-model-and-its-license.md": ("absent", ["RL201"]),
    # a License section whose text licenses the code: its boilerplate and copyright line do not license weights
    "partial-code-license-boilerplate.md": ("partial", ["RL202"]),
    # the only hub link is the base model the card was fine-tuned from
    "partial-base-model-link-only.md": ("partial", ["RL202"]),
    # the License section and the badge license only the code
    "partial-code-license-only.md": ("partial", ["RL202"]),
    # a model-license badge, but nowhere to download the weights
    "partial-weights-badge-zh.md": ("partial", ["RL202"]),
    # template placeholders and `license: unknown` are not a license
    "absent-template-placeholders.md": ("absent", ["RL201", "RL204"]),
    # a promise to release is not a release
    "absent-future-release-zh.md": ("absent", ["RL201"]),
    "closed-api-only.md": ("closed", ["RL203"]),
    "closed-not-open-source-zh.md": ("closed", ["RL203"]),
    # "we only support controlled access to … the model via the X API"
    "closed-controlled-api-access.md": ("closed", ["RL203"]),
    # "trained on proprietary … logs that we do not share": the data is withheld, not the weights
    "partial-data-withheld-not-weights.md": ("partial", ["RL202"]),
    # a client SDK for a hosted service (API key, HTTP API), no download, no license: API-only is closed
    "closed-service-sdk-only.md": ("closed", ["RL203"]),
    # "models … are released here" without a location is partial, not absent
    "partial-released-here-no-location.md": ("partial", ["RL202"]),
    # "[License](#license)" is a table-of-contents entry, not a license
    "partial-toc-license-entry.md": ("partial", ["RL202"]),
    # checkpoint files listed by name, each with a link (a cloud drive), and a license for the parameters
    "complete-listed-checkpoint-files.md": ("complete", []),
    # a repository's license badge licenses the code: the hub location alone is partial
    "partial-repository-license-badge.md": ("partial", ["RL202"]),
}


def lint(name: str):
    return lint_string((CARDS / name).read_text(encoding="utf-8"), path=name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_weights_verdict(name):
    result = lint(name)
    codes = sorted(f.code for f in result.findings if f.code.startswith("RL2"))
    assert (result.criteria["weights"].level.value, codes) == EXPECTED[name]


def test_every_fixture_is_specified():
    assert sorted(p.name for p in CARDS.glob("*.md")) == sorted(EXPECTED)


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
