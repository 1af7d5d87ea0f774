"""RL60x license: the weights' license is found and classified; the most restrictive class wins."""

from __future__ import annotations

import pytest
from _extras import codes, lint, lint_fixture
from repro_lint.rules.license import CUSTOM, OPEN_DATA, OPEN_SOURCE, UNCLASSIFIED, USE_RESTRICTED, classify

from repro_lint.results import Level


@pytest.mark.parametrize(
    "name, cls",
    [
        ("apache-2.0", OPEN_SOURCE),
        ("mit", OPEN_SOURCE),
        ("gpl-3.0", OPEN_SOURCE),
        ("Apache License, Version 2.0", OPEN_SOURCE),
        ("cc-by-4.0", OPEN_DATA),
        ("cdla-permissive-2.0", OPEN_DATA),
        ("openrail", USE_RESTRICTED),
        ("bigscience-bloom-rail-1.0", USE_RESTRICTED),
        ("llama2", CUSTOM),
        ("gemma", CUSTOM),
        ("cc-by-nc-4.0", CUSTOM),
        ("for research purposes only", CUSTOM),
        ("仅限学术研究使用", CUSTOM),
        ("商用需申请授权", CUSTOM),
        ("our own license", UNCLASSIFIED),
    ],
)
def test_license_names_are_classified(name, cls):
    assert classify(name) == cls


def test_an_spdx_license_in_front_matter_is_complete():
    result = lint("---\nlicense: apache-2.0\n---\n# M\n")
    crit = result.criteria["license"]
    assert crit.level == Level.COMPLETE and crit.score == 1.0
    assert [(e.line, e.element) for e in crit.evidence] == [(2, OPEN_SOURCE)]
    assert codes(result, "RL60") == []


def test_other_with_a_license_name_is_a_custom_license():
    result = lint("---\nlicense: other\nlicense_name: acme-model-license\nlicense_link: LICENSE\n---\n# M\n")
    assert result.criteria["license"].level == Level.PARTIAL
    assert codes(result, "RL60") == ["RL602"]


def test_text_restriction_overrides_an_open_front_matter_license():
    card = "---\nlicense: apache-2.0\n---\n# M\n\n## License\n\nThe model weights are for research purposes only.\n"
    result = lint(card)
    crit = result.criteria["license"]
    assert (crit.level, crit.missing) == (Level.PARTIAL, ("an open license",))
    (finding,) = [f for f in result.findings if f.code == "RL602"]
    assert finding.line == 8


def test_a_license_for_the_code_only_does_not_license_the_weights():
    result = lint("# M\n\nThe source code is released under the MIT license.\n")
    assert result.criteria["license"].level == Level.ABSENT
    assert codes(result, "RL60") == ["RL601"]


def test_an_unidentifiable_license_is_partial():
    result = lint("# M\n\nThe model is released under the Acme license.\n")
    assert result.criteria["license"].level == Level.PARTIAL
    assert codes(result, "RL60") == ["RL603"]


def test_a_placeholder_license_section_is_reported_and_absent():
    result = lint("# M\n\n## License\n\n[More Information Needed]\n")
    assert result.criteria["license"].level == Level.ABSENT
    assert codes(result, "RL60") == ["RL601", "RL604"]


def test_fixture_english_gated_finetune_has_a_custom_license():
    result = lint_fixture("finetune-gated.md")
    assert result.criteria["license"].level == Level.PARTIAL
    assert [(e.line, e.element) for e in result.criteria["license"].evidence] == [(2, CUSTOM)]


def test_fixture_chinese_research_only_weights_are_restricted():
    result = lint_fixture("finetune-zh.md")
    crit = result.criteria["license"]
    assert crit.level == Level.PARTIAL
    assert [(e.line, e.element) for e in crit.evidence] == [(15, CUSTOM)]


def test_fixture_chinese_mit_card_is_open():
    assert lint_fixture("open-zh.md").criteria["license"].level == Level.COMPLETE
