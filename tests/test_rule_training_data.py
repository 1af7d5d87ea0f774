"""RL3xx training data: the verdict on each fixture card in fixtures/training_data/ is exactly as specified.

Each fixture pins one lesson: what names, sizes and mixes the data (sources in prose or a breakdown
table, a dataset's hub page, one documented corpus with a size, Chinese enumerations and counts),
and what does not (context windows, throughput, benchmarks, links to code, papers or the model's own
samples, library versions, a fine-tuning example offered to users, vague wording or kinds of text,
filtering that was not done, placeholders, withheld data).
"""

from __future__ import annotations

from pathlib import Path

from repro_lint.testing import lint_string

CARDS = Path(__file__).resolve().parents[1] / "fixtures" / "training_data"


def lint(name: str):
    return lint_string((CARDS / name).read_text(encoding="utf-8"), path=name)


def test_user_finetune_example_is_not_evidence():
    data = lint("partial-user-finetune-section.md").criteria["training_data"]
    assert all(e.line < 7 for e in data.evidence)


def test_withheld_data_keeps_its_documented_size_as_evidence():
    data = lint("closed-proprietary.md").criteria["training_data"]
    assert {e.element for e in data.evidence} == {"size", "withheld"}


def test_vague_mix_misses_only_the_named_sources():
    data = lint("partial-vague-mix-with-size.md").criteria["training_data"]
    assert data.missing == ("named sources",)


def test_documented_corpus_in_a_mix_documents_no_composition():
    data = lint("partial-documented-corpus-plus-synthetic.md").criteria["training_data"]
    assert data.missing == ("composition",)
