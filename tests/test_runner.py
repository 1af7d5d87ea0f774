"""The run's handling of one card: the cyclic garbage collector is paused while a large card is linted."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from repro_lint import runner
from repro_lint.config import Settings
from repro_lint.testing import installed_rules

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "open-reproducible.md"


def _collector_states_while_linting(path: Path, monkeypatch) -> list[bool]:  # type: ignore[no-untyped-def]
    seen: list[bool] = []
    real = runner.lint_card

    def recording(card, *args, **kwargs):  # type: ignore[no-untyped-def]
        if card.path != "<warm-up>":  # the one-line card linted before the first large one
            seen.append(gc.isenabled())
        return real(card, *args, **kwargs)

    monkeypatch.setattr(runner, "lint_card", recording)
    runner.lint_one(str(path), installed_rules(), Settings(max_bytes=10 * 2**20))
    return seen


def test_a_large_card_is_linted_with_the_collector_paused_then_restored(tmp_path, monkeypatch):
    card = tmp_path / "large.md"
    card.write_text(SAMPLE.read_text(encoding="utf-8") * 200, encoding="utf-8")
    assert card.stat().st_size >= runner.PAUSE_COLLECTOR_BYTES
    assert gc.isenabled()
    assert _collector_states_while_linting(card, monkeypatch) == [False]
    assert gc.isenabled()


def test_a_short_card_leaves_the_collector_running(tmp_path, monkeypatch):
    card = tmp_path / "short.md"
    card.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert _collector_states_while_linting(card, monkeypatch) == [True]


def test_a_collector_the_host_switched_off_stays_off(tmp_path, monkeypatch):
    card = tmp_path / "large.md"
    card.write_text(SAMPLE.read_text(encoding="utf-8") * 200, encoding="utf-8")
    gc.disable()
    try:
        assert _collector_states_while_linting(card, monkeypatch) == [False]
        assert not gc.isenabled()
    finally:
        gc.enable()


FIRST_CARD_PASSES = """
import sys
from repro_lint import prefilter, runner
from repro_lint.config import Settings
from repro_lint.testing import installed_rules

passes = []
scan = prefilter.TextIndex._scan


def counting(self):
    passes.append(self.count)
    scan(self)


prefilter.TextIndex._scan = counting
runner.lint_one(sys.argv[1], installed_rules(), Settings(max_bytes=10 * 2**20))
print(sum(1 for count in passes if count >= 1000))
"""


def test_the_first_large_card_of_a_process_is_read_for_keywords_in_few_passes(tmp_path):
    """Keywords are numbered as rules first use each pattern; a one-line card linted first makes them all known,
    so the first large card's sentences are not scanned again for each new batch (some forty passes)."""
    card = tmp_path / "large.md"
    card.write_text(SAMPLE.read_text(encoding="utf-8") * 200, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", FIRST_CARD_PASSES, str(card)], capture_output=True, text=True, check=True)
    assert int(out.stdout.strip()) <= 4
