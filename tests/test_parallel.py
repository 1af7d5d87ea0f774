"""Linting in worker processes: the same report as a serial run, in the order the cards were given."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from repro_lint.cli import main
from repro_lint.config import Settings
from repro_lint.parallel import chunk_size, lint_parallel
from repro_lint.results import Evidence, Level, Rule, Verdict
from repro_lint.runner import lint_one

SAMPLES = ("open-reproducible.md", "open-weights.md", "recipe-only.md", "api-only.md", "template.md", "open-reproducible-zh.md")


@pytest.fixture
def cards(tmp_path: Path, fixtures: Path) -> list[str]:
    """24 cards (the sample cards four times, under distinct names), listed in a non-alphabetical order."""
    paths = []
    for i in range(4):
        for name in SAMPLES:
            target = tmp_path / f"{i}-{name}"
            shutil.copyfile(fixtures / name, target)
            paths.append(str(target))
    return paths[::-1]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_2_prints_exactly_what_jobs_1_prints(capsys, cards, fmt):
    serial = run(capsys, "--isolated", "--color", "never", "--format", fmt, "--jobs", "1", *cards)
    parallel = run(capsys, "--isolated", "--color", "never", "--format", fmt, "--jobs", "2", *cards)
    assert parallel == serial
    assert serial[1]  # a real report, not two empty outputs


def test_files_are_reported_in_the_order_they_were_given(capsys, cards):
    code, out, _ = run(capsys, "--isolated", "--format", "json", "--jobs", "2", *cards)
    assert [f["path"] for f in json.loads(out)["files"]] == cards


def test_an_unreadable_card_among_many_is_the_same_one_line_error_with_jobs_2(capsys, cards, tmp_path):
    missing = str(tmp_path / "gone.md")
    (tmp_path / "gone.md").write_text("# x\n", encoding="utf-8")
    paths = cards[:10] + [missing] + cards[10:]
    os.remove(missing)  # resolved as a path, gone by the time it is read: an input error, exit 2
    serial = run(capsys, "--isolated", "--color", "never", "--jobs", "1", *paths)
    parallel = run(capsys, "--isolated", "--color", "never", "--jobs", "2", *paths)
    assert parallel == serial
    assert serial[0] == 2


def _pid_rule(card) -> Verdict:  # type: ignore[no-untyped-def]
    """A rule that reports which process judged the card (module level: workers can import it)."""
    return Verdict(Level.COMPLETE, 1.0, [Evidence(1, f"pid {os.getpid()}", "process")])


PID_RULE = Rule(name="pid", criterion="pid", codes=(), check=_pid_rule)


def test_jobs_2_lints_in_other_processes_and_keeps_the_input_order(cards):
    work = [(path, Settings(), path) for path in cards]
    outcomes = lint_parallel(work, 2, [PID_RULE], lint_one)
    assert [o.path for o in outcomes] == cards  # type: ignore[union-attr]
    pids = {o.criteria["pid"].evidence[0].text for o in outcomes}  # type: ignore[union-attr]
    assert f"pid {os.getpid()}" not in pids


def _closure_rule() -> Rule:
    def check(card):  # type: ignore[no-untyped-def]
        return Verdict(Level.COMPLETE, 1.0)

    return Rule(name="local", criterion="local", codes=(), check=check)


def test_rules_that_cannot_reach_workers_are_run_here_with_the_same_result(cards, monkeypatch):
    monkeypatch.setattr("repro_lint.parallel._context", lambda: None)  # as on a platform that spawns workers
    work = [(path, Settings(), path) for path in cards[:4]]
    outcomes = lint_parallel(work, 2, [_closure_rule()], lint_one)
    assert [o.path for o in outcomes] == cards[:4]  # type: ignore[union-attr]
    assert all(o.criteria["local"].level == Level.COMPLETE for o in outcomes)  # type: ignore[union-attr]


@pytest.mark.parametrize("items, jobs, expected", [(1, 2, 1), (16, 2, 2), (2000, 2, 32), (100, 8, 3)])
def test_batches_keep_every_worker_busy(items, jobs, expected):
    assert chunk_size(items, jobs) == expected


@pytest.mark.parametrize("count, expected", [(24, 3), (2, 1)])
def test_without_jobs_many_cards_use_every_usable_cpu_and_few_cards_one_process(monkeypatch, capsys, cards, count, expected):
    import repro_lint.cli
    import repro_lint.runner

    seen = []
    real_run = repro_lint.runner.run

    def spy(paths, rules, options, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(options.jobs)
        return real_run(paths, rules, options, *args, **kwargs)

    monkeypatch.setattr(repro_lint.cli, "usable_cpus", lambda: 3)
    monkeypatch.setattr(repro_lint.runner, "run", spy)
    run(capsys, "--isolated", *cards[:count])
    assert seen == [expected]
