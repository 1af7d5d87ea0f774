"""A card parsed one top-level block at a time is the card markdown-it's whole-document parse gives.

``repro_lint.document.parse`` never holds a large card's whole token stream (it costs about 50 times
the text), and takes a table's body rows as one token each; these tests pin that neither changes anything: every fixture, every
generated hostile card and generated Markdown give a Card equal (sections, blocks, tables, links,
comments, front matter, line numbers) to the one built from ``MarkdownIt.parse`` of the whole text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_hostile import HOSTILE

from repro_lint import document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _whole_document(text: str, consume: Callable[[list[Any]], None]) -> None:
    consume(_PLAIN.parse(text))


#: markdown-it with its own table tokens (three a cell), where the Card's reader takes each body row as one token.
_PLAIN = document._build_parser(compact_rows=False)


def _parsed_whole(text: str, monkeypatch: pytest.MonkeyPatch) -> document.Card:
    with monkeypatch.context() as patch:
        patch.setattr(document, "_read_tokens", _whole_document)
        return document.parse(text, "card.md")


def assert_same_card(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    streamed = document.parse(text, "card.md")
    whole = _parsed_whole(text, monkeypatch)
    assert streamed == whole
    assert streamed.comments == whole.comments
    assert [link.line for link in streamed.links] == [link.line for link in whole.links]


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.md")), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_fixture_reads_the_same_block_by_block(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_same_card(path.read_text(encoding="utf-8"), monkeypatch)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_every_hostile_card_reads_the_same_block_by_block(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_same_card(HOSTILE[name](200), monkeypatch)


def test_a_reference_defined_after_its_use_still_resolves(monkeypatch: pytest.MonkeyPatch) -> None:
    # The weights link is used in the first paragraph and defined at the very end of the card.
    text = "# Acme\n\nWeights: [download][w].\n\n> quoted [data][d]\n\n- [d]: https://d.example/set\n\n[w]: https://huggingface.co/acme/m\n"
    card = document.parse(text)
    read = [(link.text, link.url, link.line) for link in card.links][:2]
    assert read == [("download", "https://huggingface.co/acme/m", 3), ("data", "https://d.example/set", 5)]
    assert_same_card(text, monkeypatch)


def test_the_first_of_two_definitions_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "[w]\n\n[w]: https://first.example\n\n[w]: https://second.example\n"
    assert [link.url for link in document.parse(text).links][0] == "https://first.example"
    assert_same_card(text, monkeypatch)


#: Lines that start, continue or end every kind of block, so that generated cards mix them freely.
_LINES = [
    "",
    "",
    "# Title",
    "## Training",
    "### Hyper <b>parameters</b>",
    "Setext",
    "===",
    "---",
    "***",
    "- item with [link](https://a.example/x)",
    "  continued item",
    "1. first",
    "2) second",
    "   - nested",
    "> quote",
    "> > deeper",
    ">",
    "```python",
    "```",
    "~~~",
    "    indented code",
    "\tlr = 1e-4",
    "| a | b |",
    "|---|:-:|",
    "| 1 | 2 |",
    "<div>",
    "</div>",
    "<!-- repro-lint-disable RL1 -->",
    "<!--",
    "-->",
    "<pre>",
    "</pre>",
    "[ref]: https://r.example/y",
    "see [ref] and [other][ref]",
    "[ref]",
    "]:",
    "Trained on C4 with lr 3e-4 https://huggingface.co/acme/m.",
    "![badge](https://img.example/b.svg)",
    "license: mit",
    "+++",
    "<https://auto.example/z> and <b>bold</b>",
    "a\\\\[b] \\<c",
    "\\[escaped\\]",
    "*emph* and **strong** `code`",
    "\x00",
    "训练数据：C4。",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.sampled_from(_LINES), max_size=40), front=st.booleans())
def test_generated_cards_read_the_same_block_by_block(lines: list[str], front: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("---\nlicense: mit\n---\n" if front else "") + "\n".join(lines) + "\n"
    assert_same_card(text, monkeypatch)


def test_a_long_table_is_read_the_same_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    # 3,000 rows, two tables in a row, a short row, a table in a list: pieces cut inside the first table.
    rows = "".join(f"| lr {i} | 3e-4 | [w](https://w.example/{i}) |\n" for i in range(3000))
    text = "# T\n\n| a | b | c |\n|---|---|---|\n" + rows + "| short |\n\n| x | y |\n|--|--|\n| 1 | 2 |\n\n- | in | list |\n  |---|---|\n  | 1 | 2 |\n"
    pieces: list[int] = []
    real = document._TokenSpout.take

    def counted(self: document._TokenSpout) -> list[Any]:
        piece = real(self)
        pieces.append(len(piece))
        return piece

    with monkeypatch.context() as patch:
        patch.setattr(document._TokenSpout, "take", counted)
        card = document.parse(text)
    assert len(card.tables[0].rows) == 3001 and max(pieces) <= document.TABLE_PIECE_TOKENS + 16 and len(pieces) > 5
    assert_same_card(text, monkeypatch)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.sampled_from(_LINES), max_size=40))
def test_generated_cards_read_the_same_in_small_pieces(lines: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(document, "TABLE_PIECE_TOKENS", 3)
        text = "\n".join(lines) + "\n"
        streamed = document.parse(text, "card.md")
    assert streamed == _parsed_whole(text, monkeypatch)


def test_parsing_a_large_card_never_holds_its_whole_token_stream() -> None:
    """Peak memory of parsing a 300 KB card (a sample card repeated) stays within 25x its size.

    Holding markdown-it's whole token stream cost about 55x; reading block by block measures about 14x
    (most of it the Card itself: lines, blocks, sections), so the bound leaves ample margin both ways.
    """
    import tracemalloc

    sample = (FIXTURES / "open-reproducible.md").read_text(encoding="utf-8")
    text = sample * (300_000 // len(sample))
    document.parse(sample)  # the parser is built once per process: not part of the card's cost
    tracemalloc.start()
    try:
        card = document.parse(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(card.sections) > 1000
    assert peak <= 25 * len(text), f"parsing peaked at {peak / len(text):.1f}x the card's size"


def test_an_autolink_without_brackets_is_still_read() -> None:
    card = document.parse("Weights at <https://huggingface.co/acme/m> now.\n")
    assert [(link.text, link.url, link.line) for link in card.links] == [("https://huggingface.co/acme/m", "https://huggingface.co/acme/m", 1)]


#: Tables whose rows the reader takes one token each: links, images and HTML in cells, escaped pipes, alignment,
#: short and long rows, a table after a paragraph and one interrupting it, tables nested in a list and a blockquote, and more rows than a piece.
TABLES = (
    "# Model\n\n| Name | Value | Link |\n|:-----|------:|:----:|\n"
    "| learning rate | 1e-4 | [paper](https://arxiv.org/abs/1) |\n"
    '| batch \\| size | 32 | <a href="https://x.org/y">y</a> |\n'
    "| **weights** | `a|b` | https://huggingface.co/a/b |\n| one cell |\n| a | b | c | d | e |\n|   | <!-- c --> |  |\n"
    "| ![img](https://x.org/i.png) | [ref][r] | 数据 |\n\nSome text | with pipes\n|---|---|\n| x | y |\n\n"
    "- item\n\n  | a | b |\n  |---|---|\n  | [in](https://l.org) | list |\n\n> | q | r |\n> |---|---|\n> | [s](https://s.org) | t |\n\n"
    "A paragraph that a table interrupts\n| p | q |\n|---|---|\n| [in](https://p.org) | paragraph |\n\n"
    "| k | v |\n|---|---|\n" + "".join(f"| warmup {i} | [{i}](https://h.co/{i}) |\n" for i in range(150)) + "\n[r]: https://r.org\n"
)


def test_tables_read_row_by_row_give_the_cells_and_links_of_markdown_its_own_table_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    card = document.parse(TABLES)
    assert len(card.tables) == 6 and len(card.tables[-1].rows) == 150
    assert card.tables[0].rows[1].cells == ("batch | size", "32", "y")
    assert ("paper", "https://arxiv.org/abs/1", 5) in [(link.text, link.url, link.line) for link in card.links]
    assert_same_card(TABLES, monkeypatch)
