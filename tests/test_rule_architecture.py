"""RL1xx architecture: the verdict on each fixture card in fixtures/architecture/ is exactly as specified.

Each fixture pins one lesson: specs in bold bullet lists, in table columns (the header names the
value) and in Chinese tables; a link to the config the model was trained with; a base model named
by reference is partial ("base_model:", "Its base model is X"); "L32-D4096" notation; a size seen
only in a heading or a badge link is no evidence on its own; counts of other things ("blocks of 16", "50k requests") are no
architecture; "not disclosed" / 暂不公开 is closed.
"""

from __future__ import annotations

from pathlib import Path

from repro_lint.testing import lint_string

CARDS = Path(__file__).resolve().parents[1] / "fixtures" / "architecture"


def lint(name: str):
    return lint_string((CARDS / name).read_text(encoding="utf-8"), path=name)


def test_table_column_header_names_the_value():
    arch = lint("complete-table-columns.md").criteria["architecture"]
    assert any(e.element == "dimensions" and e.line >= 11 for e in arch.evidence)


def test_base_model_reference_gives_only_the_type():
    arch = lint("partial-base-model-reference.md").criteria["architecture"]
    assert arch.missing == ("parameter count", "dimensions", "context or tokenizer")


def test_size_in_a_hub_link_is_a_parameter_count():
    card = "---\nlicense: other\n---\nA copy of https://huggingface.co/wren-lab/wren-7B for easy download.\n"
    arch = lint_string(card, path="copy.md").criteria["architecture"]
    assert (arch.level.value, [e.element for e in arch.evidence]) == ("partial", ["parameter count"])


def test_size_in_the_heading_counts_beside_other_facts_and_the_body_is_quoted():
    arch = lint("partial-config-hostfile.md").criteria["architecture"]
    # The size is found in the heading and the body; the evidence quotes the body line.
    assert [e.line for e in arch.evidence if e.element == "parameter count"] == [5]
