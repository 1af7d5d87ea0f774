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
from repro_lint.model import TIER_LADDER, Tier


def lint(capsys, *args: str) -> tuple[int, str]:
    code = main([*args, "--isolated"])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(
    "name, tier, reason",
    [
        ("weights-available-custom-license", "weights available", "not open weights: architecture is partial — missing dimensions"),
        ("weights-available-recipe", "weights available", "not open weights: architecture is partial — missing model type"),
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
