"""The bundled sample cards: one per tier, English and Chinese, a template and API-only releases.

Each card was written to sit squarely on one level per criterion (see ../shared/corpus/RUBRIC.md);
the table below is the specification.
"""

from __future__ import annotations

import pytest

from repro_lint.testing import lint_string

C, P, A, X = "complete", "partial", "absent", "closed"

#: card → (architecture, weights, training_data, training_method, hyperparameters), tier
EXPECTED = {
    "open-reproducible.md": ((C, C, C, C, C), "open and reproducible"),
    "open-reproducible-zh.md": ((C, C, C, C, C), "open and reproducible"),
    "open-weights.md": ((C, C, A, A, A), "open weights"),
    "recipe-only.md": ((A, X, C, C, C), "recipe only"),
    "api-only.md": ((P, X, X, A, A), "closed"),
    "api-only-zh.md": ((P, X, X, A, A), "closed"),
    "template.md": ((A, A, A, A, A), "closed"),
}

CRITERIA = ("architecture", "weights", "training_data", "training_method", "hyperparameters")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_card_verdicts(fixtures, name):
    levels, tier = EXPECTED[name]
    result = lint_string((fixtures / name).read_text(encoding="utf-8"), path=name)
    assert tuple(result.criteria[c].level.value for c in CRITERIA) == levels
    assert result.tier.value == tier


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_verdict_but_absent_carries_evidence(fixtures, name):
    result = lint_string((fixtures / name).read_text(encoding="utf-8"), path=name)
    lines = (fixtures / name).read_text(encoding="utf-8").splitlines()
    for crit in result.criteria.values():
        if crit.level.value == "absent":
            assert crit.evidence == []
            continue
        assert crit.evidence, crit.criterion
        for ev in crit.evidence:
            assert 1 <= ev.line <= len(lines)
            assert ev.text and ev.text[:20] in lines[ev.line - 1]


def test_withheld_statements_are_quoted_as_evidence(fixtures):
    result = lint_string((fixtures / "api-only.md").read_text(encoding="utf-8"), path="api-only.md")
    weights = result.criteria["weights"]
    assert any(e.element == "withheld" and "only through our API" in e.text for e in weights.evidence)
    codes = [f.code for f in result.findings]
    assert "RL203" in codes and "RL303" in codes


def test_template_placeholders_are_reported_not_credited(fixtures):
    result = lint_string((fixtures / "template.md").read_text(encoding="utf-8"), path="template.md")
    assert result.score == 0
    placeholder_codes = {f.code for f in result.findings if f.slug.endswith("-placeholder")}
    assert {"RL104", "RL304"} <= placeholder_codes


def test_score_is_the_weighted_mean_of_sub_scores(fixtures):
    result = lint_string((fixtures / "open-weights.md").read_text(encoding="utf-8"), path="open-weights.md")
    subs = [result.criteria[c].score for c in CRITERIA]
    assert result.score == pytest.approx(100 * sum(subs) / 5, abs=0.05)
