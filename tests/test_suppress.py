"""Inline suppression: HTML comment directives hide findings from the gate, never from the score."""

from __future__ import annotations

from repro_lint.testing import lint_string

CARD = """---
license: mit
---

# Wren-3B

Wren-3B is a decoder-only transformer with 3B parameters: 26 layers, hidden size 3072,
24 attention heads and an 8192-token context window.

Weights: https://huggingface.co/wren-ai/wren-3b
"""


def active(result) -> set[str]:
    return {f.code for f in result.findings if not f.suppressed}


def test_without_directives_three_criteria_are_missing():
    result = lint_string(CARD)
    assert active(result) == {"RL301", "RL401", "RL501"}
    assert result.gate_failed


def test_disable_file_silences_the_named_codes_but_keeps_them_in_the_result():
    result = lint_string(CARD + "\n<!-- repro-lint-disable-file RL301 RL4 -- described in the paper -->\n")
    assert active(result) == {"RL501"}
    suppressed = {f.code for f in result.findings if f.suppressed}
    assert suppressed == {"RL301", "RL401"}


def test_suppression_never_changes_the_score():
    plain = lint_string(CARD)
    silenced = lint_string(CARD + "\n<!-- repro-lint-disable-file -->\n")
    assert active(silenced) == set()
    assert not silenced.gate_failed
    assert silenced.score == plain.score
    assert {k: v.level for k, v in silenced.criteria.items()} == {k: v.level for k, v in plain.criteria.items()}


def test_disable_by_slug():
    result = lint_string(CARD + "\n<!-- repro-lint-disable-file training-data-missing -->\n")
    assert active(result) == {"RL401", "RL501"}


def test_disable_range_applies_from_its_line_until_enable():
    card = "<!-- repro-lint-disable RL1 -->\n# Card\n\nA 7B model.\n<!-- repro-lint-enable RL1 -->\n\nMore text.\n"
    result = lint_string(card)
    arch = [f for f in result.findings if f.code.startswith("RL1")]
    assert arch and all(f.suppressed for f in arch if f.line < 5)


def test_disable_next_line_applies_to_the_next_content_line_only():
    card = "# Card\n\n<!-- repro-lint-disable-next-line RL102 -->\n\nA 7B model.\n"
    result = lint_string(card)
    rl102 = [f for f in result.findings if f.code == "RL102"]
    assert rl102 and rl102[0].line == 5 and rl102[0].suppressed


def test_directives_inside_code_blocks_are_ignored():
    card = CARD + "\n```\n<!-- repro-lint-disable-file -->\n```\n"
    assert active(lint_string(card)) == {"RL301", "RL401", "RL501"}


def test_malformed_directive_is_reported():
    result = lint_string(CARD + "\n<!-- repro-lint-disabel RL301 -->\n")
    assert "RL003" in active(result)


def test_no_inline_config_ignores_directives():
    from repro_lint.config import Settings

    result = lint_string(CARD + "\n<!-- repro-lint-disable-file -->\n", settings=Settings(inline_config=False))
    assert active(result) == {"RL301", "RL401", "RL501"}
