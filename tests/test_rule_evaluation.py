"""RL64x evaluation: named benchmarks with numbers, and the evaluation code."""

from __future__ import annotations

from _extras import codes, lint, lint_fixture

from repro_lint.results import Level


def test_results_table_and_harness_link_are_complete():
    result = lint_fixture("open-full.md")
    crit = result.criteria["evaluation"]
    assert crit.level == Level.COMPLETE
    assert {e.element for e in crit.evidence} == {"results", "evaluation code"}


def test_model_index_results_count():
    card = "---\nmodel-index:\n- name: m\n  results:\n  - metrics:\n    - type: accuracy\n      value: 0.91\n---\n# M\n"
    crit = lint(card).criteria["evaluation"]
    assert (crit.level, crit.missing) == (Level.PARTIAL, ("evaluation code",))
    assert [(e.line, e.element) for e in crit.evidence] == [(2, "results")]


def test_a_benchmark_name_without_a_number_is_not_a_result():
    result = lint("# M\n\nWe evaluate on MMLU and GSM8K.\n")
    assert result.criteria["evaluation"].level == Level.ABSENT
    assert codes(result, "RL64") == ["RL641"]


def test_english_sentence_result_without_code_is_partial():
    result = lint_fixture("finetune-gated.md")
    assert result.criteria["evaluation"].level == Level.PARTIAL
    assert [(f.code, f.line) for f in result.findings if f.code.startswith("RL64")] == [("RL642", 26)]


def test_chinese_table_with_opencompass_is_complete():
    assert lint_fixture("open-zh.md").criteria["evaluation"].level == Level.COMPLETE


def test_chinese_table_without_code_is_partial():
    crit = lint_fixture("finetune-zh.md").criteria["evaluation"]
    assert (crit.level, crit.missing) == (Level.PARTIAL, ("evaluation code",))


def test_a_placeholder_evaluation_section_is_reported():
    result = lint("# M\n\n## Evaluation\n\n[More Information Needed]\n")
    assert codes(result, "RL64") == ["RL641", "RL644"]
