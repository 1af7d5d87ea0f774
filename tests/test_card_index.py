"""The per-card index: built once per card by the engine, shared by the rules, never written into the card.

The card linted here is ``fixtures/open-reproducible.md`` (every criterion complete), and the release
folder ``fixtures/releases/config-complete`` (a card with ``config.json`` and ``trainer_state.json``).
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from repro_lint.config import Settings
from repro_lint.document import Card, parse
from repro_lint.engine import lint_card
from repro_lint.evidence import SentenceTable, release_of, scan
from repro_lint.evidence._index import _current, analysing, card_index
from repro_lint.plugins import load_rules
from repro_lint.prefilter import any_of
from repro_lint.release import read_folder

WEIGHTS = any_of(r"\bweights?\b")


def card_of(fixtures: Path, name: str = "open-reproducible.md") -> Card:
    path = fixtures / name
    return parse(path.read_text(encoding="utf-8"), str(path))


def public_attributes(card: Card) -> set[str]:
    """The card's attributes, without its own private lazy lookup table (``Card.blocks_in``)."""
    return {name for name in vars(card) if not name.startswith("_")}


def is_open(card: Card) -> bool:
    index = _current.get()
    return index is not None and index.card is card


def test_the_card_has_no_memo(fixtures):
    assert "memo" not in {f.name for f in dataclasses.fields(Card)}
    assert not hasattr(card_of(fixtures), "memo")


def test_linting_writes_nothing_into_the_card(fixtures):
    card = card_of(fixtures)
    before = {f.name: copy.deepcopy(getattr(card, f.name)) for f in dataclasses.fields(Card) if f.compare}
    keys = public_attributes(card)
    result = lint_card(card, load_rules().rules, Settings())
    assert result.criteria["architecture"].level.value == "complete"
    assert public_attributes(card) == keys
    assert {name: getattr(card, name) for name in before} == before


def test_rules_share_one_index_per_card_and_it_is_dropped_after_the_card(fixtures):
    card = card_of(fixtures)
    with analysing(card) as index:
        assert card_index(card) is index
        first = index.pattern_hits(WEIGHTS)
        assert index.pattern_hits(WEIGHTS) is first  # computed once, whichever rule asks
        assert scan(card, {"weights": WEIGHTS})["weights"]
        table = index.sentences()
        assert isinstance(table, SentenceTable) and index.sentences() is table
        with pytest.raises(dataclasses.FrozenInstanceError):
            table.texts = ()  # type: ignore[misc]  # frozen: rules cannot change it
    assert not is_open(card)
    lint_card(card, load_rules().rules, Settings())
    assert not is_open(card)


def test_the_release_read_from_the_folder_reaches_the_rules_through_the_index(fixtures):
    folder = fixtures / "releases" / "config-complete"
    card = card_of(folder, "README.md")
    release = read_folder(folder, card)
    assert release_of(card) is None  # reading the folder writes nothing anywhere
    with analysing(card, release):
        assert release_of(card) is release
    assert release_of(card) is None


def test_the_sentences_without_urls_are_the_same_table_when_no_sentence_holds_one():
    """Blanking link targets changes nothing in a card without them: one table and one set of hits, not two."""
    plain = parse("# Card\n\nThe weights are released.\n\n| Name | Value |\n|---|---|\n| weights | open |\n")
    with analysing(plain) as index:
        assert index.sentences(False) is index.sentences(True)
        assert index.pattern_hits(WEIGHTS, urls=False) is index.pattern_hits(WEIGHTS, urls=True)
    for text in ("The weights are at https://example.org/weights.\n", "The [weights](weights/model.bin) are released.\n"):
        linked = parse(text)
        with analysing(linked) as index:
            blanked = index.sentences(False)
            assert blanked is not index.sentences(True)
            assert list(blanked.texts) != list(index.sentences(True).texts)


def test_sentences_of_any_length_read_back_whole():
    """Where a sentence ends is kept in a byte while sentences are short, and in wider numbers once one is longer."""
    long_one, longer = "W" + "w" * 300 + ".", "X" + "x" * 70_000 + "."
    text = f"# Card\n\nShort one. {long_one} Again short.\n\n| Name | Value |\n|---|---|\n| lr | {'9' * 400} |\n\n{longer}\n\nLast.\n"
    with analysing(parse(text)) as index:
        texts = list(index.sentences().texts)
    assert texts == ["Card", "Short one.", long_one, "Again short.", f"lr | {'9' * 400}", "Name: lr", f"Value: {'9' * 400}", longer, "Last."]
    assert [index.sentences().texts[k] for k in range(len(texts))] == texts


def test_a_match_far_into_a_long_sentence_is_read_back_whole():
    """A match's offset and length are kept in a byte each while small, and in wider numbers once one is larger."""
    text = "# Card\n\nThe weights are here.\n\n" + "Filler " * 60 + "and the weights " + "w" * 300 + " end.\n"
    card = parse(text)
    long_run = any_of(r"\bw{300}\b")
    with analysing(card) as index:
        sentences = index.sentences().texts
        assert [(k, start, quote) for k, start, quote in index.pattern_hits(WEIGHTS)] == [
            (k, m.start(), m.group(0)) for k, sentence in enumerate(sentences) if (m := WEIGHTS.search(sentence))
        ]
        assert [hit[1:] for hit in index.pattern_hits(long_run)] == [(len("Filler " * 60 + "and the weights "), "w" * 300)]


def test_a_section_holds_more_than_headings_exactly_when_a_block_under_it_is_not_one(fixtures):
    """The binary search that lets placeholder checks skip sections of headings only agrees with reading the blocks."""
    cards = [card_of(fixtures, path.name) for path in sorted(fixtures.glob("*.md"))]
    cards.append(parse("# A\n## B\n### C\n\nText.\n\n## D\n\n| x | y |\n|---|---|\n| 1 | 2 |\n# E\n"))
    seen = set()
    for card in cards:
        with analysing(card) as index:
            for section in card.sections:
                expected = any(block.kind != "heading" for block in card.blocks_in(section))
                assert index.holds_more_than_headings(section) == expected, (card.path, section.title)
                seen.add(expected)
    assert seen == {True, False}
