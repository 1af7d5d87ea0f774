"""The run's handling of one card: the cyclic garbage collector is paused while a large card is linted."""

from __future__ import annotations

import gc
from pathlib import Path

from repro_lint import runner
from repro_lint.config import Settings
from repro_lint.testing import installed_rules

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "open-reproducible.md"


def _collector_states_while_linting(path: Path, monkeypatch) -> list[bool]:  # type: ignore[no-untyped-def]
    seen: list[bool] = []
    real = runner.lint_card

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

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
