"""Progress on standard error: shown on a terminal for long work, never in logs or pipes, and tqdm is
imported only when a bar can be shown (cold start does not pay for it)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys

from repro_lint import progress
from repro_lint.cli import main


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_drawn_on_a_terminal_once_work_runs_long(monkeypatch, capsys, fixtures):
    monkeypatch.setattr(progress, "DELAY", 0.0)  # "long" from the first step on
    monkeypatch.delenv("REPRO_LINT_NO_PROGRESS", raising=False)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = main([str(fixtures / "open-weights.md"), str(fixtures / "recipe-only.md"), "--isolated", "-j", "1"])
    assert code == 1
    assert "/2 [" in terminal.getvalue() and "card/s" in terminal.getvalue()  # a bar over the two cards
    assert "Gate: failed" in capsys.readouterr().out  # the report itself still goes to stdout


def test_one_large_card_shows_a_step_per_rule(monkeypatch, fixtures):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.delenv("REPRO_LINT_NO_PROGRESS", raising=False)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    main([str(fixtures / "open-weights.md"), "--isolated"])
    assert "step/s" in terminal.getvalue()


def test_no_progress_when_stderr_is_not_a_terminal(monkeypatch, capsys, fixtures):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    main([str(fixtures / "open-weights.md"), str(fixtures / "recipe-only.md"), "--isolated"])
    assert capsys.readouterr().err == ""


def test_tqdm_is_not_imported_without_a_terminal(fixtures):
    code = (
        "import sys; from repro_lint.cli import main; "
        f"main([{str(fixtures / 'open-weights.md')!r}, '--isolated']); "
        "sys.stdout.flush(); print('TQDM' if 'tqdm' in sys.modules else 'NO-TQDM', file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stderr.strip().splitlines()[-1] == "NO-TQDM"


def test_a_terminal_gets_count_rate_and_eta(monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.delenv("REPRO_LINT_NO_PROGRESS", raising=False)
    screen = Terminal()
    with progress.progress_bar(4, screen) as advance:
        assert advance is not None
        advance(1)
        advance(3)
    shown = screen.getvalue()
    assert "/4 [" in shown and "card/s" in shown and "<" in shown  # count, rate, elapsed<remaining


def test_a_pipe_gets_nothing(tmp_path, capsys, fixtures):
    with progress.progress_bar(4, io.StringIO()) as advance:
        assert advance is None
    dump = tmp_path / "cards.jsonl"
    dump.write_text(json.dumps({"id": "org/a", "text": (fixtures / "open-weights.md").read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    main([str(dump), "-f", "jsonl", "-o", str(tmp_path / "out.jsonl"), "--isolated"])
    assert capsys.readouterr().err == ""  # captured stderr is not a terminal: no bar, no extra line


def test_parsing_a_long_card_reports_how_much_of_it_is_read():
    """Parsing is one step of a large card's bar, and the longest: it reports the share read, also inside one long table."""
    from repro_lint.document import parse

    headings = "".join(f"## Training {i}\n\nLearning rate {i}.\n\n" for i in range(2000))
    table = "# Card\n\n| a | b |\n|---|---|\n" + "| lr | 1e-4 |\n" * 5000
    for text in (headings, table):
        shares: list[float] = []
        card = parse(text, reading=shares.append)
        assert len(shares) >= 50 and shares == sorted(shares) and 0.9 <= shares[-1] <= 1.0
        assert card == parse(text)  # reporting changes nothing in the card


def test_the_bar_of_one_card_is_told_how_much_of_it_is_parsed(monkeypatch, tmp_path):
    from repro_lint import runner
    from repro_lint.config import Settings
    from repro_lint.testing import installed_rules

    card = tmp_path / "card.md"
    card.write_text("# Card\n\n| a | b |\n|---|---|\n" + "| lr | 1e-4 |\n" * 3000, encoding="utf-8")
    shares: list[float] = []
    runner.lint_one(str(card), installed_rules(), Settings(), reading=shares.append)
    assert shares and shares[-1] >= 0.9
    notes: list[str] = []
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.delenv("REPRO_LINT_NO_PROGRESS", raising=False)
    monkeypatch.setattr(progress.Progress, "note", lambda self, text: notes.append(text))
    monkeypatch.setattr(sys, "stderr", Terminal())
    main([str(card), "--isolated", "--exit-zero"])
    assert any(re.fullmatch(r"parsing \d+%", note) for note in notes)
