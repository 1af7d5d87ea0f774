"""RL1xx architecture: the verdict on each fixture card in fixtures/architecture/ is exactly as specified.

Each fixture pins one lesson: specs in bold bullet lists, in table columns (the header names the
value) and in Chinese tables; a link to the config the model was trained with; a base model named
by reference is partial ("base_model:", "Its base model is X"); "L32-D4096" notation; a size seen
only in a heading or a badge link is no evidence on its own; counts of other things ("blocks of 16", "50k requests") are no
architecture; "not disclosed" / 暂不公开 is closed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from repro_lint.testing import lint_string

CARDS = Path(__file__).resolve().parents[1] / "fixtures" / "architecture"

#: fixture → (level, the RL1xx finding codes)
EXPECTED = {
    "complete-spec-bullets.md": ("complete", []),
    "complete-table-columns.md": ("complete", []),
    "complete-config-reference.md": ("complete", []),
    "complete-zh-table.md": ("complete", []),
    # "L24-D2048" is layers and hidden size; "ctx_len = 2048" is the context length
    "complete-layer-width-notation.md": ("complete", []),
    "partial-base-model-reference.md": ("partial", ["RL102"]),
    # "Its base model is X." names the type by reference, like a base_model key
    "partial-base-model-sentence.md": ("partial", ["RL102"]),
    # config/hostfile lists cluster nodes: it is no config that defines the model
    "partial-config-hostfile.md": ("partial", ["RL102"]),
    "partial-zh-param-count.md": ("partial", ["RL102"]),
    "absent-placeholder.md": ("absent", ["RL101", "RL104"]),
    "absent-no-model-facts.md": ("absent", ["RL101"]),
    # "7B" only in the title and a license badge's link target: the model's name, not its documentation
    "absent-size-in-heading-and-badge.md": ("absent", ["RL101"]),
    "closed-not-disclosed.md": ("closed", ["RL103"]),
    "closed-zh-not-public.md": ("closed", ["RL103"]),
    # vision vocabulary: ViT type, depth / embedding dim / patch size, input resolution as the input size
    "complete-vision-spec.md": ("complete", []),
    # speech vocabulary: Conformer type, conformer layers and channels, sample rate as the input spec
    "complete-speech-spec.md": ("complete", []),
    # a unit stated once in a table header ("Params (M)") applies to the bare numbers under it
    "partial-table-header-unit.md": ("partial", ["RL102"]),
    # sizes, context and layers given only in news items are announcements, not the architecture
    "absent-sizes-only-in-news.md": ("absent", ["RL101"]),
    # a YAML config block in the model-details section states the dimensions and context
    "complete-config-block.md": ("complete", []),
    # "Model size: 7 billion parameters" is the parameter count, not a key dimension
    "partial-model-size-is-not-a-dimension.md": ("partial", ["RL102"]),
}


def lint(name: str):
    return lint_string((CARDS / name).read_text(encoding="utf-8"), path=name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_architecture_verdict(name):
    result = lint(name)
    codes = sorted(f.code for f in result.findings if f.code.startswith("RL1"))
    assert (result.criteria["architecture"].level.value, codes) == EXPECTED[name]


def test_every_fixture_is_specified():
    assert sorted(p.name for p in CARDS.glob("*.md")) == sorted(EXPECTED)


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
