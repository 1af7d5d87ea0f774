"""The document model: parsed once, with sections, blocks, tables, links, front matter and line numbers."""

from __future__ import annotations

from repro_lint.document import parse

CARD = """---
license: apache-2.0
datasets:
  - acme/corpus
---

# Acme

Intro with a [paper](https://arxiv.org/abs/2401.00001).

## Training

### Hyperparameters

| Name | Value |
|---|---|
| learning rate | 3e-4 |

- batch size: 512
- see https://github.com/acme/train

```bash
python train.py --lr 1e-4
```

<div align="center"><a href="https://huggingface.co/acme/acme">weights</a></div>

<!-- repro-lint-disable RL3 -->
"""


def test_front_matter_is_a_dict_with_key_lines():
    card = parse(CARD)
    assert card.front_matter == {"license": "apache-2.0", "datasets": ["acme/corpus"]}
    assert card.front_matter_line("license") == 2 and card.front_matter_line("datasets") == 3
    assert card.front_matter_end == 5


def test_sections_have_heading_paths_and_line_spans():
    card = parse(CARD)
    paths = [(s.path, s.line) for s in card.sections]
    assert paths == [(("Acme",), 7), (("Acme", "Training"), 11), (("Acme", "Training", "Hyperparameters"), 13)]
    assert card.sections[1].end_line == len(card.lines)


def test_table_rows_are_blocks_with_their_header_and_line():
    card = parse(CARD)
    (table,) = card.tables
    assert table.header == ("Name", "Value")
    (row,) = table.rows
    assert row.cells == ("learning rate", "3e-4") and row.line == 17
    assert row.section.title == "Hyperparameters"


def test_list_items_code_and_html_blocks_keep_lines():
    card = parse(CARD)
    kinds = {(b.kind, b.line) for b in card.blocks}
    assert ("list_item", 19) in kinds and ("list_item", 20) in kinds
    assert ("code", 23) in kinds
    code = next(b for b in card.blocks if b.kind == "code")
    assert code.info == "bash" and "--lr 1e-4" in code.text
    html = next(b for b in card.blocks if b.kind == "html")
    assert "weights" in html.text and "<a" not in html.text


def test_links_from_markdown_html_and_bare_urls():
    card = parse(CARD)
    urls = {(link.url, link.line) for link in card.links}
    assert ("https://arxiv.org/abs/2401.00001", 9) in urls
    assert ("https://github.com/acme/train", 20) in urls
    assert ("https://huggingface.co/acme/acme", 26) in urls


def test_html_comments_are_collected_for_directives():
    card = parse(CARD)
    assert [(c.text, c.line) for c in card.comments] == [("repro-lint-disable RL3", 28)]


def test_full_width_punctuation_is_normalised_for_matching():
    card = parse("# 模型\n\n学习率：2e-5（峰值）\n")
    para = card.blocks[-1]
    assert para.text == "学习率:2e-5(峰值)"


def test_crlf_line_endings_keep_line_numbers():
    card = parse("# A\r\n\r\nText\r\n")
    assert [(b.kind, b.line) for b in card.blocks] == [("heading", 1), ("paragraph", 3)]


def test_broken_front_matter_is_reported_not_raised():
    card = parse("---\nlicense: [unclosed\n---\n# A\n")
    assert card.front_matter == {}
    assert card.front_matter_error and "invalid YAML" in card.front_matter_error


def test_yaml_tags_are_never_constructed():
    card = parse("---\nx: !!python/object/apply:os.system ['echo hacked']\n---\n# A\n")
    assert card.front_matter == {}
    assert card.front_matter_error


def test_multi_line_paragraph_maps_offsets_to_lines():
    card = parse("# A\n\nfirst line\nsecond line with 7B\n")
    para = card.blocks[-1]
    assert para.line_at(para.text.index("7B")) == 4


def test_an_empty_unclosed_fence_at_the_end_stays_within_the_card():
    card = parse("# Title\n\n```")  # found by the fuzz test: the block used to start on line 4 of 3
    (code,) = [b for b in card.blocks if b.kind == "code"]
    assert code.line == 3 and code.end_line == 3
    assert parse("```").first_content_line == 1


def test_section_roles_come_from_headings_and_inherit():
    from repro_lint.document import Role

    card = parse(
        "# Acme\n\n## Model details\n\n### Heads\n\nText.\n\n## Quick start\n\n### On a laptop\n\nText.\n\n"
        "## News\n\nText.\n\n## Evaluation\n\nText.\n\n## Citation\n\nText.\n\n## 快速开始\n\n文本。\n"
    )
    roles = {s.title: s.role for s in card.sections}
    assert roles == {
        "Acme": Role.RELEASE,
        "Model details": Role.RELEASE,
        "Heads": Role.RELEASE,
        "Quick start": Role.USE,
        "On a laptop": Role.USE,  # no role of its own: the parent's
        "News": Role.NEWS,
        "Evaluation": Role.EVALUATION,
        "Citation": Role.REFERENCE,
        "快速开始": Role.USE,
    }


def test_training_section_that_instructs_the_reader_to_fine_tune_is_use():
    from repro_lint.document import Role

    card = parse(
        "# Acme\n\n## Training\n\nLoRA fine-tuning requires at least 2 GPUs.\n\nRun `bash lora.sh` from the root folder.\n\n"
        "### Single node\n\nText.\n\n## Pre-training\n\nRun `bash pretrain.sh` to reproduce the release.\n\nSet the node count first.\n"
    )
    roles = {s.title: (s.role, s.instructs) for s in card.sections}
    assert roles["Training"] == (Role.USE, True)
    assert roles["Single node"] == (Role.USE, True)  # below a reader's how-to, a training heading stays the reader's
    assert roles["Pre-training"] == (Role.RELEASE, False)  # reproducing the release's own training


def test_we_trained_keeps_a_training_section_the_release():
    from repro_lint.document import Role

    card = parse("# Acme\n\n## Fine-tuning\n\nWe fine-tuned the base with LoRA on 8 GPUs.\n\nRun `bash lora.sh` to see it.\n\nUse your own data.\n")
    assert card.sections[1].role is Role.RELEASE


def test_training_and_fine_tuning_heading_stays_the_release():
    from repro_lint.document import Role

    card = parse("# Acme\n\n## Training and Fine-tuning\n\nRun `launch.py` with your configs.\n\nYou can pass several LoRA configs.\n")
    assert card.sections[1].role is Role.RELEASE and not card.sections[1].instructs


def test_links_of_a_wrapped_paragraph_carry_their_own_line_and_badges_are_images():
    card = parse(
        "Intro text that wraps\nonto a second line with [the data](https://example.org/data)\nand [![badge](https://img.example.org/b.svg)](https://example.org/x).\n"
    )
    lines = {link.url: (link.line, link.image) for link in card.links}
    assert lines["https://example.org/data"] == (2, False)
    assert lines["https://img.example.org/b.svg"] == (3, True)
    assert [link.url for link in card.links].count("https://img.example.org/b.svg") == 1  # not read again as a bare URL
