"""Shared evidence mechanics that every rule relies on."""

from __future__ import annotations

from repro_lint.evidence import sentences
from repro_lint.testing import lint_string


def test_hard_wrapped_prose_is_one_sentence():
    text = "We trained with a learning rate of\n3e-4 and the weights are not\nreleased.\nLicense: MIT"
    assert [s for _, s in sentences(text, prose=True)] == [
        "We trained with a learning rate of\n3e-4 and the weights are not\nreleased.",
        "License: MIT",
    ]
    # Outside prose (code, HTML, front matter) every line stands alone.
    assert len(list(sentences(text))) == 4


def test_a_withholding_statement_wrapped_over_two_lines_still_closes_the_criterion():
    card = "# Kite-13B\n\nKite-13B is a 13B model. Its weights are not\nreleased; use the hosted API.\n"
    assert lint_string(card).criteria["weights"].level.value == "closed"


def test_line_per_fact_paragraphs_keep_their_facts_apart():
    card = "# Kite\n\nTraining data: proprietary\nWeights: https://huggingface.co/kite/kite-13b\n"
    result = lint_string(card)
    assert result.criteria["training_data"].level.value == "closed"
    assert result.criteria["weights"].level.value != "closed"
