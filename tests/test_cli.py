"""The command line: output lines, summary, exit codes 0/1/2, stdin, options, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from repro_lint.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_findings_are_path_line_col_code_message(capsys, fixtures):
    path = str(fixtures / "open-weights.md")
    code, out, err = run(capsys, path, "--color", "never")
    assert code == 1  # training data, method and hyperparameters are missing: error findings
    first = out.splitlines()[0]
    assert first.startswith(f"{path}:")
    location, rest = first.split(": ", 1)
    _, line, col = location.rsplit(":", 2)
    assert line.isdigit() and col.isdigit()
    assert rest.startswith("RL301 ") and rest.endswith("[training-data-missing]")
    assert out.rstrip().splitlines()[-3] == "Score: 40/100 (open weights)"
    assert out.rstrip().splitlines()[-1] == "Gate: failed — 3 error findings"
    assert err == ""


def test_summary_table_lists_each_criterion_with_level(capsys, fixtures):
    _, out, _ = run(capsys, str(fixtures / "open-weights.md"), "--color", "never")
    rows = {line.split()[0]: line.split()[1] for line in out.splitlines() if line.startswith("  ")}
    assert rows == {
        "architecture": "complete",
        "weights": "complete",
        "training_data": "absent",
        "training_method": "absent",
        "hyperparameters": "absent",
    }


def test_clean_card_exits_zero(capsys, fixtures):
    code, out, _ = run(capsys, str(fixtures / "open-reproducible.md"))
    assert code == 0
    assert "Score: 100/100 (open and reproducible)" in out


def test_exit_zero_turns_gate_failure_into_success(capsys, fixtures):
    code, _, _ = run(capsys, str(fixtures / "open-weights.md"), "--exit-zero")
    assert code == 0


def test_fail_under_fails_the_gate_on_a_low_score(capsys, fixtures):
    # Ignore the findings so that only the score decides.
    assert run(capsys, str(fixtures / "open-weights.md"), "--ignore", "ALL", "--fail-under", "40")[0] == 0
    code, out, _ = run(capsys, str(fixtures / "open-weights.md"), "--ignore", "ALL", "--fail-under", "41")
    assert code == 1


def test_require_fails_when_a_required_criterion_is_not_complete(capsys, fixtures):
    card = str(fixtures / "open-weights.md")
    assert run(capsys, card, "--ignore", "ALL", "--require", "weights,architecture")[0] == 0
    assert run(capsys, card, "--ignore", "ALL", "--require", "training_data")[0] == 1


def test_require_unknown_criterion_is_a_usage_error(capsys, fixtures):
    code, out, err = run(capsys, str(fixtures / "open-weights.md"), "--require", "vibes")
    assert code == 2
    assert "unknown criterion 'vibes'" in err
    assert len(err.strip().splitlines()) == 1


def test_select_and_ignore_by_prefix_and_slug(capsys, fixtures):
    card = str(fixtures / "open-weights.md")
    _, out, _ = run(capsys, card, "--select", "RL3", "--format", "json")
    assert {f["code"] for f in json.loads(out)["files"][0]["findings"]} == {"RL301"}
    _, out, _ = run(capsys, card, "--ignore", "training-data-missing,RL4", "--format", "json")
    assert {f["code"] for f in json.loads(out)["files"][0]["findings"]} == {"RL501"}


def test_ignoring_findings_does_not_change_the_score(capsys, fixtures):
    card = str(fixtures / "open-weights.md")
    _, a, _ = run(capsys, card, "--format", "json")
    _, b, _ = run(capsys, card, "--format", "json", "--ignore", "ALL")
    assert json.loads(a)["files"][0]["score"] == json.loads(b)["files"][0]["score"] == 40


def test_weight_option_changes_the_score(capsys, fixtures):
    _, out, _ = run(
        capsys,
        str(fixtures / "open-weights.md"),
        "--format",
        "json",
        "--weight",
        "training_data=0",
        "--weight",
        "training_method=0",
        "--weight",
        "hyperparameters=0",
    )
    assert json.loads(out)["files"][0]["score"] == 100


def test_json_schema_shape(capsys, fixtures):
    _, out, _ = run(capsys, str(fixtures / "api-only.md"), "--format", "json")
    data = json.loads(out)
    assert data["version"] == "2.0"
    (f,) = data["files"]
    assert set(f) >= {"path", "score", "tier", "criteria", "findings"}
    assert list(f["criteria"]) == ["architecture", "weights", "training_data", "training_method", "hyperparameters"]
    for crit in f["criteria"].values():
        assert crit["level"] in {"complete", "partial", "absent", "closed"}
        assert 0 <= crit["score"] <= 1
        for ev in crit["evidence"]:
            assert set(ev) == {"line", "text", "element"}
    for finding in f["findings"]:
        assert set(finding) >= {"code", "slug", "severity", "line", "column", "message", "suppressed"}


def test_stdin_with_stdin_filename(fixtures):
    text = (fixtures / "open-weights.md").read_bytes()
    proc = subprocess.run([sys.executable, "-m", "repro_lint.cli", "-", "--stdin-filename", "models/wren/README.md"], input=text, capture_output=True)
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith("models/wren/README.md:")


def test_directory_argument_finds_its_readme(capsys, tmp_path, fixtures):
    (tmp_path / "README.md").write_bytes((fixtures / "open-reproducible.md").read_bytes())
    code, out, _ = run(capsys, str(tmp_path))
    assert code == 0
    assert "Score: 100/100" in out


def test_no_path_lints_the_card_in_the_current_directory(capsys, tmp_path, fixtures, monkeypatch):
    (tmp_path / "MODEL_CARD.md").write_bytes((fixtures / "open-reproducible.md").read_bytes())
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys)
    assert code == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["does-not-exist.md"], "does-not-exist.md: no such file or directory"),
        (["--format", "yaml", "x.md"], "Invalid value for '-f'"),
        (["--fail-under", "200", "x.md"], "Invalid value for '--fail-under'"),
        (["--explain", "RL999"], "unknown rule or code 'RL999'"),
    ],
)
def test_usage_and_input_errors_exit_2_without_traceback(capsys, args, message):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err + out


def test_missing_file_among_good_ones_still_lints_the_others(capsys, fixtures):
    code, out, err = run(capsys, str(fixtures / "open-reproducible.md"), "nope.md")
    assert code == 2
    assert "Score: 100/100" in out
    assert err.strip() == "repro-lint: nope.md: no such file or directory"


def test_several_files_end_with_an_overall_line(capsys, fixtures):
    _, out, _ = run(capsys, str(fixtures / "open-reproducible.md"), str(fixtures / "api-only.md"), "--jobs", "1")
    assert out.rstrip().splitlines()[-1].startswith("Found ")
    assert "in 2 cards" in out


def test_explain_prints_the_rule_docstring(capsys):
    code, out, _ = run(capsys, "--explain", "RL301")
    assert code == 0
    assert out.startswith("RL301 (training-data-missing)")
    for section in ("What it checks", "Why it matters", "Example", "Fix"):
        assert section in out


def test_explain_accepts_a_slug(capsys):
    code, out, _ = run(capsys, "--explain", "hyperparameters-incomplete")
    assert code == 0 and out.startswith("RL502")


def test_list_rules_shows_every_code(capsys):
    code, out, _ = run(capsys, "--list-rules")
    assert code == 0
    for c in ("RL001", "RL101", "RL201", "RL301", "RL401", "RL501"):
        assert c in out


@pytest.mark.parametrize(
    "env, flag, colored", [({}, "always", True), ({}, "never", False), ({"NO_COLOR": "1"}, "auto", False), ({"FORCE_COLOR": "1"}, "auto", True)]
)
def test_color_follows_flag_and_environment(fixtures, env, flag, colored):
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environ.update(env)
    proc = subprocess.run([sys.executable, "-m", "repro_lint.cli", str(fixtures / "api-only.md"), "--color", flag], capture_output=True, env=environ)
    assert ("\x1b[" in proc.stdout.decode()) is colored


def test_output_file_gets_the_report_and_stdout_stays_empty(capsys, tmp_path, fixtures):
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, str(fixtures / "api-only.md"), "--format", "json", "-o", str(target))
    assert code == 1
    assert out == ""
    assert json.loads(target.read_text())["files"][0]["tier"] == "closed"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_linted_file_is_never_modified(capsys, tmp_path, fixtures):
    card = tmp_path / "README.md"
    card.write_bytes((fixtures / "template.md").read_bytes())
    before = (card.read_bytes(), card.stat().st_mtime_ns)
    run(capsys, str(card), "--format", "json")
    assert (card.read_bytes(), card.stat().st_mtime_ns) == before


def test_console_script_is_installed():
    exe = Path(sys.executable).with_name("repro-lint")
    if not exe.exists():
        pytest.skip("repro-lint console script not installed next to this interpreter")
    proc = subprocess.run([str(exe), "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and "repro-lint" in proc.stdout


def test_escape_sequences_in_a_card_never_reach_the_terminal(capsys, tmp_path):
    card = tmp_path / "README.md"
    card.write_text("# Evil\n\nThe weights are not released \x1b[2J\x1b]0;owned\x07 at all.\n", encoding="utf-8")
    main([str(card), "--color", "never"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J" in out


def test_json_report_lists_unreadable_cards_in_errors(capsys, fixtures):
    code = main([str(fixtures / "open-reproducible.md"), "missing.md", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 2
    assert [f["path"] for f in data["files"]] == [str(fixtures / "open-reproducible.md")]
    assert data["errors"] == ["missing.md: no such file or directory"]


def test_the_command_keeps_the_collector_out_of_start_up_and_leaves_it_on(monkeypatch, capsys, fixtures):
    import gc

    from repro_lint.cli import console_main

    monkeypatch.setattr(sys, "argv", ["repro-lint", "--isolated", str(fixtures / "open-reproducible.md")])
    frozen = gc.get_freeze_count()
    try:
        assert console_main() == 0
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen  # start-up objects were moved out of the collector's way
    finally:
        gc.unfreeze()
        gc.enable()
    assert "Score: " in capsys.readouterr().out


def test_main_called_by_a_program_leaves_its_collector_alone(capsys, fixtures):
    import gc

    frozen = gc.get_freeze_count()
    assert main(["--isolated", str(fixtures / "open-reproducible.md")]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen
