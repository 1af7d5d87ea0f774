"""RL61x access: open download, gated, waitlist or API only, with evidence."""

from __future__ import annotations

from _extras import codes, lint, lint_fixture

from repro_lint.results import Level


def test_a_download_command_is_open_access():
    result = lint("# M\n\nDownload: `huggingface-cli download acme/acme-7b`.\n")
    assert result.criteria["access"].level == Level.COMPLETE
    assert codes(result, "RL61") == []


def test_hugging_face_gating_with_a_download_is_gated():
    result = lint("---\ngated: true\n---\n# M\n\nWeights: https://huggingface.co/acme/acme-7b\n")
    crit = result.criteria["access"]
    assert (crit.level, crit.score) == (Level.PARTIAL, 0.5)
    (finding,) = [f for f in result.findings if f.code.startswith("RL61")]
    assert (finding.code, finding.line) == ("RL612", 2)


def test_a_waitlist_without_download_is_partial():
    result = lint("# M\n\nJoin the waitlist to try Acme.\n")
    assert result.criteria["access"].level == Level.PARTIAL
    assert codes(result, "RL61") == ["RL614"]


def test_api_only_is_closed():
    result = lint("# M\n\nAcme is available only through our API.\n")
    assert result.criteria["access"].level == Level.CLOSED
    assert codes(result, "RL61") == ["RL613"]


def test_nothing_about_access_is_absent():
    result = lint("# M\n\nA language model.\n")
    assert result.criteria["access"].level == Level.ABSENT
    assert codes(result, "RL61") == ["RL611"]


def test_a_withheld_download_is_not_a_download():
    result = lint("# M\n\nThe weights are not released; use our API.\n")
    assert result.criteria["access"].level == Level.CLOSED


def test_fixture_english_api_only_card_is_closed():
    result = lint_fixture("api-only-openwashing.md")
    assert result.criteria["access"].level == Level.CLOSED
    assert [f.line for f in result.findings if f.code == "RL613"] == [7]


def test_fixture_chinese_application_form_is_gated():
    result = lint_fixture("finetune-zh.md")
    assert result.criteria["access"].level == Level.PARTIAL
    assert [f.line for f in result.findings if f.code == "RL612"] == [11]


def test_fixture_chinese_open_download_is_complete():
    assert lint_fixture("open-zh.md").criteria["access"].level == Level.COMPLETE
