"""Memory in proportion to the card: a large card of any shape is linted within a bounded multiple of its size.

Peak traced Python allocations while one card is parsed and linted, divided by the card's size in
bytes, for the shapes that cost most per byte: many short table rows, many short lines, many
headings, one long code block, and an ordinary card made large. Each is linted once small first, so
that patterns compiled and caches filled on first use are not counted. ``benchmarks/hostile.py``
measures the same at 1–20 MB as growth of peak RSS; nothing here is timed.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import Callable

import pytest

from repro_lint import engine
from repro_lint.testing import installed_rules, lint_string

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "open-reproducible.md"

#: name -> (card text of about ``n`` bytes, peak traced memory ÷ card size allowed). The Card and the
#: sentence table hold offsets into the card's text rather than a copy of each line, cell and
#: sentence. Each bound sits between what this costs now and what it cost before a long table was read
#: in pieces of 1024 tokens (not 4096), a heading or row kept its rarely used parts (header, info
#: string, newline offsets) apart, and hits were counted without a tuple, a matched string, a line
#: number and a sort key each: a table of short rows 24x (was 46x), a paragraph of short lines 10x
#: (13x), headings 23x (24x), a long code block 13x (16x). Then the sentence table came to share the
#: card's list of blocks and to keep ``header: cell`` readings in chunks never joined, the placeholder
#: pre-check to read the card a few thousand lines at a time, candidate masks to take an array as
#: wide as a pattern's alternatives, the reader to let go of each piece of tokens, and a one-line
#: block to keep no last line of its own: a table of short rows 19.6x (was 23.8x), headings 19.3x
#: (23.2x), an ordinary card 9.5x (10.5x); a paragraph of short lines (10.4x) and a long code block
#: (13.3x) are unchanged. Then the URL-blanked sentences came to be the card's own when no sentence holds
#: a URL, a table's rows to be read one token each, and sentence lengths and each match's offset and
#: length to take a byte while small, and the sections a heading closes to share one int for their last
#: line: a table of short rows 18.3x (was 19.6x), a paragraph of short lines 9.5x (10.2x), headings 16.7x
#: (19.0x), a long code block 12.1x (13.1x); an ordinary card 8.9x (9.1x) keeps the budget itself as its
#: bound. Then a hit came to cost one slot fewer, a line's int to be shared between elements without a
#: dict of every line, evidence to be picked without sorted copies of every hit, the keyword index and
#: cached matches to number sentences in two bytes (or one) while they fit, and a table's rows to be a
#: run of the card's blocks, not a second list: a long code block 10.2x (was 12.0x), a paragraph of short
#: lines 7.8x (9.5x), a table of short rows 18.1x (18.7x), headings 16.8x (17.2x), an ordinary card 8.3x
#: (9.2x). A table row and a heading are still a block (and a section) each, with its own text and line.
#: Then a quote came to be looked up in a very long line a window at a time, not through a copy of the
#: whole line with an offset per character: one line of many links 9x (was 50x). Then a section came to keep
#: its level, role and ``instructs`` in one small int: headings 15.8x (was 16.6x).
#: The figure moves by up to about 3% from run to run (a cache's table grown or not while traced), so each
#: bound keeps about 5% above it: a bound at the figure itself failed a test run by 0.01x.
SHAPES: dict[str, tuple[Callable[[int], str], float]] = {
    "a table of short rows": (lambda n: "# Card\n\n|c0|c1|c2|c3|\n|-|-|-|-|\n" + "|c0|c1|c2|c3|\n" * (n // 14), 19),
    "a paragraph of short lines": (lambda n: "Learning rate 1e-4.\n" * (n // 20), 10),
    "headings only": (lambda n: "".join(f"{'#' * (1 + i % 6)} Training {i}\n" for i in range(n // 19)), 16.6),
    "one long code block": (lambda n: "```\n" + "lr = 1e-4  # warmup 2000 steps, batch 32\n" * (n // 41) + "```\n", 11),
    "one line of many links": (lambda n: "Weights: " + "https://huggingface.co/a/b " * (n // 27) + "\n", 10),
    "an ordinary card repeated": (lambda n: SAMPLE.read_text(encoding="utf-8") * max(1, n // SAMPLE.stat().st_size), 10),
}


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return installed_rules()


@pytest.mark.parametrize("shape", list(SHAPES))
def test_linting_a_large_card_takes_memory_in_proportion_to_its_size(shape, rules, monkeypatch):
    monkeypatch.setattr(engine, "RULE_TIME_BUDGET", 3600.0)  # tracing allocations is slow: no rule may be cut short
    make, bound = SHAPES[shape]
    # first use: patterns compiled, keyword automata built, then merged into one as the next card is read;
    # then the card at full size, so that bounded caches (a heading's role, 8192 titles) hold what it
    # fills them with and the figure does not depend on which tests ran before
    for size in (10_000, 10_000, 100_000):
        lint_string(make(size), rules)
    text = make(100_000)
    tracemalloc.start()
    try:
        result = lint_string(text, rules, path="large.md")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not result.internal_error
    factor = peak / len(text.encode("utf-8"))
    assert factor < bound, f"{shape}: peak {peak / 2**20:.1f} MiB is {factor:.0f}x the card's size"
