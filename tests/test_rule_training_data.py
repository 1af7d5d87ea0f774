"""RL3xx training data: the verdict on each fixture card in fixtures/training_data/ is exactly as specified.

Each fixture pins one lesson: what names, sizes and mixes the data (sources in prose or a breakdown
table, a dataset's hub page, one documented corpus with a size, Chinese enumerations and counts),
and what does not (context windows, throughput, benchmarks, links to code, papers or the model's own
samples, library versions, a fine-tuning example offered to users, vague wording or kinds of text,
filtering that was not done, placeholders, withheld data).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from repro_lint.testing import lint_string

CARDS = Path(__file__).resolve().parents[1] / "fixtures" / "training_data"

#: fixture → (level, the RL3xx finding codes)
EXPECTED = {
    # named corpora, a token count and shares in one sentence; the benchmark table is not the mix
    "complete-sources-size-mix.md": ("complete", []),
    # a dataset's hub page counts as its name, size and datasheet
    "complete-hub-dataset-link.md": ("complete", []),
    # 来源包括网页、书籍、百科…: a Chinese enumeration of sources with a token count and filtering
    "complete-zh-enumeration.md": ("complete", []),
    # a table of sources with token counts under a data heading names and mixes the data
    "complete-breakdown-table.md": ("complete", []),
    # one documented corpus (the Pile) and "trained for 402 billion tokens": its datasheet gives the mix
    "complete-documented-corpus-tokens.md": ("complete", []),
    # the same with the corpus named in an HTML link to code, not to its hub page
    "complete-documented-corpus-linked-repo.md": ("complete", []),
    # a documented corpus in "a combination of synthetic data and …": the mix stays undocumented
    "partial-documented-corpus-plus-synthetic.md": ("partial", ["RL302"]),
    # "a diverse mix of Internet text, math, code, books …": kinds of text, no named source
    "partial-vague-mix-with-size.md": ("partial", ["RL302"]),
    # "without the filtering" is no processing; ShareGPT and 70K conversations name and size the data
    "partial-unfiltered-shared-chats.md": ("partial", ["RL302"]),
    # "300G Chinese corpus": a size, the source left vague
    "partial-size-in-gigabytes.md": ("partial", ["RL302"]),
    # a size spelled out in words ("12 gigabytes of …") with a vague source
    "partial-size-in-gigabyte-words.md": ("partial", ["RL302"]),
    # a "Dataset:" key line with a hub id names the dataset's own page (name, size, datasheet)
    "complete-dataset-key-hub-id.md": ("complete", []),
    # a 数据: key line with a link to the data's page and a sample count (样本)
    "complete-zh-data-key-link.md": ("complete", []),
    # a link to the model's own samples is no dataset page, and its sample count no data size
    "partial-model-samples-link.md": ("partial", ["RL302"]),
    # a bare token count from "publicly available sources"; the context length is not data size
    "partial-vague-public-sources.md": ("partial", ["RL302"]),
    "partial-zh-token-count.md": ("partial", ["RL302"]),
    # the Alpaca example in a fine-tuning section for users is not the release's data
    "partial-user-finetune-section.md": ("partial", ["RL302"]),
    # context window, throughput, a benchmark's hub page, links to code and paper: no data
    "absent-context-and-benchmarks.md": ("absent", ["RL301"]),
    "absent-template-placeholder.md": ("absent", ["RL301", "RL304"]),
    # "Datasets: 4.5.0" in a list of framework versions is a library, not a dataset
    "absent-library-versions.md": ("absent", ["RL301"]),
    # documented in part, and said to be proprietary
    "closed-proprietary.md": ("closed", ["RL303"]),
    "closed-zh-not-public.md": ("closed", ["RL303"]),
    # "42M simulated 3D lattice structures": a size with qualifiers between number and unit, beyond text data;
    # "900M is our largest model" is a model size, and a badge picture hosted on a dataset host is no dataset
    "partial-science-size-qualified-units.md": ("partial", ["RL302"]),
    # another model's data in a comparison table, and a dataset the reader may fine-tune on ("You can …")
    "absent-reader-dataset-and-comparison.md": ("absent", ["RL301"]),
    # "we will not be able to release …", "are not permitted to share": modal withholding of the data
    "closed-modal-will-not-be-able.md": ("closed", ["RL303"]),
    # a limitation sentence ("due to the data it was trained on, the model may …") withholds nothing
    "partial-limitation-is-not-withholding.md": ("partial", ["RL302"]),
    # a link to the release's own data card documents the composition, not names or sizes;
    # "12 hours on an 8-core CPU" is a run time, not hours of audio
    "partial-own-datasheet-link.md": ("partial", ["RL302"]),
}


def lint(name: str):
    return lint_string((CARDS / name).read_text(encoding="utf-8"), path=name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_training_data_verdict(name):
    result = lint(name)
    codes = sorted(f.code for f in result.findings if f.code.startswith("RL3"))
    assert (result.criteria["training_data"].level.value, codes) == EXPECTED[name]


def test_every_fixture_is_specified():
    assert sorted(p.name for p in CARDS.glob("*.md")) == sorted(EXPECTED)


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
