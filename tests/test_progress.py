"""The progress bar: count, rate and ETA on stderr when it is a terminal; nothing at all otherwise."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from repro_lint.cli import main
from repro_lint.progress import progress_bar

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_count_rate_and_eta():
    pytest.importorskip("tqdm")
    screen = Terminal()
    with progress_bar(4, screen) as advance:
        assert advance is not None
        advance(1)
        advance(3)
    shown = screen.getvalue()
    assert "4/4" in shown and "card/s" in shown and "<" in shown  # count, rate, elapsed<remaining


def test_a_pipe_gets_nothing(tmp_path, capsys):
    with progress_bar(4, io.StringIO()) as advance:
        assert advance is None
    dump = tmp_path / "cards.jsonl"
    dump.write_text(json.dumps({"id": "org/a", "text": (FIXTURES / "open-weights.md").read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    main([str(dump), "-f", "jsonl", "-o", str(tmp_path / "out.jsonl"), "--isolated"])
    assert capsys.readouterr().err == ""  # captured stderr is not a terminal: no bar, no extra line
