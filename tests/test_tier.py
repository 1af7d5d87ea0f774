"""The tier tells the truth: weights anyone can download are never "closed", and the report says why.

fixtures/tiers/:
  weights-available-custom-license.md  weights on the Hub under a restrictive custom license,
                                       architecture only in part            → weights available
  weights-available-recipe.md          weights and the full recipe, architecture only in part
                                       (not "recipe only": the weights can be downloaded) → weights available
  closed-api-only.md                   weights not released, API key only   → closed
"""

from __future__ import annotations

import json

import pytest

from repro_lint.cli import main
from repro_lint.results import TIER_LADDER, Tier


def lint(capsys, *args: str) -> tuple[int, str]:
    code = main([*args, "--isolated"])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    "name, tier, reason",
    [
        ("weights-available-custom-license", "weights available", "not open weights: architecture is partial (missing dimensions"),
        ("weights-available-recipe", "weights available", "not open weights: architecture is partial (missing model type"),
        ("closed-api-only", "closed", "no downloadable weights: weights are closed"),
    ],
)
def test_tier_and_its_reasons(capsys, fixtures, name, tier, reason):
    _, out = lint(capsys, str(fixtures / "tiers" / f"{name}.md"), "--format", "json")
    result = json.loads(out)["files"][0]
    assert result["tier"] == tier
    assert any(r.startswith(reason) for r in result["tier_reasons"]), result["tier_reasons"]


def test_text_report_prints_why_the_card_got_its_tier(capsys, fixtures):
    _, out = lint(capsys, str(fixtures / "tiers" / "weights-available-custom-license.md"))
    tier_line = next(line for line in out.splitlines() if line.startswith("Tier: "))
    assert tier_line.startswith("Tier: weights available — weights are complete; not open weights: architecture is partial")


def test_the_ladder_is_the_enum_in_order_and_explained(capsys):
    assert [tier for tier, _ in TIER_LADDER] == list(Tier)
    code, out = lint(capsys, "--explain", "tiers")
    assert code == 0
    positions = [out.index(f"  {tier.value} ") for tier in Tier]
    assert positions == sorted(positions)  # most open first
    assert "weights at least partial" in out


# --- 5. the seed's own thesis is on by default: an API is not open source -----------------------------


def test_open_source_claim_with_api_only_weights_is_an_error_by_default(capsys, fixtures):
    # fixtures/openwashing/open-source-title-api-key-only.md: title and opening paragraph say open source,
    # a later section says the weights are not released and access is by API key only.
    code, out = lint(capsys, str(fixtures / "openwashing" / "open-source-title-api-key-only.md"), "--format", "json")
    result = json.loads(out)["files"][0]
    errors = {f["code"] for f in result["findings"] if f["severity"] == "error"}
    assert {"RL621", "RL613"} <= errors and code == 1
    assert list(result["criteria"]) == ["architecture", "weights", "training_data", "training_method", "hyperparameters"]
    assert result["score"] == 20.0  # the five criteria decide the score


def test_default_run_reports_no_access_finding_but_api_only(capsys, fixtures):
    # open-weights.md: downloadable, no claim → neither RL61x nor RL62x findings.
    _, out = lint(capsys, str(fixtures / "open-weights.md"), "--format", "json")
    codes = {f["code"] for f in json.loads(out)["files"][0]["findings"]}
    assert not any(c.startswith("RL6") for c in codes)


@pytest.mark.parametrize(
    "opening",
    [
        "# Shearwater-13B\n\nWe present Shearwater-13B, an open-source LLM for customer support.",
        "# Open-Source Shearwater-13B\n\nShearwater-13B answers customer questions.",
        "# Shearwater-13B\n\nOpen-source Shearwater-13B is a chat model for customer support.",
        "# Shearwater-13B\n\nWe are proud to open-source Shearwater-13B, our assistant for customer support.",
    ],
)
def test_english_claims_in_title_and_opening_are_found(opening):
    from repro_lint.config import Settings
    from repro_lint.testing import lint_string

    card = opening + "\n\n## Availability\n\nThe model weights are not released. Access is by API key only.\n"
    result = lint_string(card, settings=Settings())
    assert [f.code for f in result.findings if f.code == "RL621"] == ["RL621"]


@pytest.mark.parametrize(
    "sentence",
    [
        "At Shearwater we value open-source software and contribute to it.",
        "Shearwater-13B was fine-tuned from an open-source model.",
        "Shearwater-13B outperforms other open-source models.",
    ],
)
def test_sentences_about_other_things_are_not_claims(sentence):
    from repro_lint.config import Settings
    from repro_lint.testing import lint_string

    card = f"# Shearwater-13B\n\n{sentence}\n\n## Availability\n\nThe model weights are not released.\n"
    result = lint_string(card, settings=Settings())
    assert not [f for f in result.findings if f.code == "RL621"]


def test_an_api_used_to_make_the_data_is_not_api_only_access():
    from repro_lint.config import Settings
    from repro_lint.testing import lint_string

    card = "# Petrel-7B\n\nPetrel-7B is an instruction-tuned model trained on data generated using the OpenAI API.\n"
    result = lint_string(card, settings=Settings())
    assert not [f for f in result.findings if f.code == "RL613"]
