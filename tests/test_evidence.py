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


def test_the_release_is_named_by_its_title_and_its_hub_repositories():
    from repro_lint.document import parse
    from repro_lint.evidence._release_names import release_names

    # model-shaped words of the title, and the repositories linked on the Hub (not datasets)
    card = parse(
        "# Instructions to train Kestrel-9B with ORPO\n\n[weights](https://huggingface.co/org/plover-2b-chat), "
        "[data](https://huggingface.co/datasets/org/heron-pairs)\n"
    )
    assert release_names(card) == {"kestrel", "plover"}
    assert release_names(parse("# Wren\n\ntext\n")) == {"wren"}  # a one-word title is the name
    assert release_names(parse("# Table of Contents\n\ntext\n")) == frozenset()  # generic words name nothing


def test_a_training_command_is_the_release_s_own_only_when_it_trains_the_release():
    run = "```bash\ntorchrun train.py --learning_rate 2e-5 --num_train_epochs 3 --batch_size 64 --optimizer adamw\n```\n"
    head = "# Wren-7B\n\n## Fine-tuning\n\n"
    trains_it = lint_string(head + "Use this command to train Wren-7B:\n\n" + run)
    assert trains_it.criteria["hyperparameters"].level.value == "complete"
    starts_from_it = lint_string(head + "Continue training on top of the Wren-7B model:\n\n" + run)
    assert starts_from_it.criteria["hyperparameters"].level.value == "absent"
    other_model = lint_string(head + "Use this command to train Robin-7B:\n\n" + run)
    assert other_model.criteria["hyperparameters"].level.value == "absent"


def test_a_command_continued_over_lines_is_read_whole_to_tell_inference_from_training():
    from repro_lint.evidence import runs_inference
    from repro_lint.evidence._release_names import command_at

    text = "python demo/infer_image.py \\\n  -c kite/config/base.py \\\n  -i cat.jpg\npython train.py -c kite/config/base.py"
    first = text.index("kite/config")
    last = text.rindex("kite/config")
    assert command_at(text, first).startswith("python demo/infer_image.py")
    assert runs_inference(text, first)  # the config is handed to an inference script two lines up
    assert not runs_inference(text, last)  # the same config handed to the training script


def test_a_quote_far_into_a_very_long_line_is_found_as_the_card_writes_it():
    """A card of one long line is searched a window at a time; the quote is still the card's own text,
    full-width punctuation and emphasis included, also where it straddles two windows."""
    from repro_lint.evidence._quotes import _LOCATE_WINDOW, locate

    filler = "word " * (3 * _LOCATE_WINDOW // 5)
    for shift in (0, 1, 7, 40):  # the quote starts before, at and after a window's end
        source = filler[: 2 * _LOCATE_WINDOW - shift] + "许可证：**Apache-2.0**，权重见 acme/x" + filler
        span = locate(source, "许可证:Apache-2.0,权重见 acme/x")
        assert span is not None
        assert source[span[0] : span[1]] == "许可证：**Apache-2.0**，权重见 acme/x"
    assert locate(filler * 2, "not there") is None


def test_evidence_in_a_paragraph_of_bold_keys_points_at_the_line_it_is_on():
    """Bold markers are taken out before patterns are matched; the evidence's line is still the line of the card
    that holds the match, not one above it (nor the line naming the repository, which would make a weights
    license look like the code's)."""
    card = (
        "# Heron-DNA\n\n## Model developers\n\n"
        "**Developed by:** A. Author, B. Author, C. Author, D. Author  \\\n"
        "**Institutions:** Acme University, Example Lab  \\\n"
        "**Contact:** [GitHub Repository](https://github.com/acme/heron-dna)  \\\n"
        "**License:** Apache 2.0\n"
    )
    weights = lint_string(card).criteria["weights"]
    assert weights.level.value == "partial"
    assert [(e.line, e.element) for e in weights.evidence] == [(8, "license")]
    assert "License" in weights.evidence[0].text
