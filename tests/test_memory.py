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
#: sentence; the bounds sit 1.3-1.5x above what that costs (a table of short rows about 46x,
#: headings 24x, the others 10-17x), well below what copies cost (170x, 50x, 27-42x).
SHAPES: dict[str, tuple[Callable[[int], str], float]] = {
    "a table of short rows": (lambda n: "# Card\n\n|c0|c1|c2|c3|\n|-|-|-|-|\n" + "|c0|c1|c2|c3|\n" * (n // 14), 60),
    "a paragraph of short lines": (lambda n: "Learning rate 1e-4.\n" * (n // 20), 20),
    "headings only": (lambda n: "".join(f"{'#' * (1 + i % 6)} Training {i}\n" for i in range(n // 19)), 36),
    "one long code block": (lambda n: "```\n" + "lr = 1e-4  # warmup 2000 steps, batch 32\n" * (n // 41) + "```\n", 25),
    "an ordinary card repeated": (lambda n: SAMPLE.read_text(encoding="utf-8") * max(1, n // SAMPLE.stat().st_size), 18),
}


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return installed_rules()


@pytest.mark.parametrize("shape", list(SHAPES))
def test_linting_a_large_card_takes_memory_in_proportion_to_its_size(shape, rules, monkeypatch):
    monkeypatch.setattr(engine, "RULE_TIME_BUDGET", 3600.0)  # tracing allocations is slow: no rule may be cut short
    make, bound = SHAPES[shape]
    lint_string(make(10_000), rules)  # first use: patterns compiled, keyword automata built
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
