"""A gate people can trust: a broken configuration or an unknown selector never passes silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repro_lint.cli import main


@pytest.fixture
def card(tmp_path: Path, fixtures: Path) -> Path:
    target = tmp_path / "project" / "models" / "wren" / "README.md"
    target.parent.mkdir(parents=True)
    target.write_bytes((fixtures / "open-weights.md").read_bytes())
    return target


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- 1. a pyproject.toml that is not valid TOML is an error, not "no configuration" -------------------


@pytest.mark.parametrize(
    "content",
    [
        "[tool.repro-lint]\nfail-under = 60 60\n",  # a stray value
        "[tool.repro-lint\nfail-under = 60\n",  # a missing ]
    ],
)
def test_broken_pyproject_where_the_search_looks_is_one_line_and_exit_2(capsys, tmp_path, card, content):
    (tmp_path / "project" / "pyproject.toml").write_text(content)
    (tmp_path / ".repro-lint.toml").write_text("fail-under = 0\n")  # must not be reached
    code, _, err = run(capsys, str(card))
    assert code == 2
    assert "pyproject.toml: invalid TOML" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_pyproject_of_another_tool_that_is_broken_is_not_our_business(capsys, tmp_path, card):
    (tmp_path / "project" / "pyproject.toml").write_text("[tool.black\nline-length = 100\n")
    code, _, err = run(capsys, str(card), "--format", "json")
    assert "invalid TOML" not in err and code in (0, 1)


# --- 11. -o FILE keeps the permissions of an existing report and gives a new one the umask default ----


def test_output_file_keeps_an_existing_files_mode(capsys, tmp_path, card):
    report = tmp_path / "report.json"
    report.write_text("old")
    report.chmod(0o644)
    run(capsys, str(card), "--format", "json", "-o", str(report))
    assert json.loads(report.read_text())["files"]
    assert report.stat().st_mode & 0o777 == 0o644


def test_new_output_file_gets_the_umask_default(capsys, tmp_path, card):
    import os

    report = tmp_path / "new-report.txt"
    old = os.umask(0o022)
    try:
        run(capsys, str(card), "-o", str(report))
    finally:
        os.umask(old)
    assert report.stat().st_mode & 0o777 == 0o644


# --- 2. every selector must name something installed; case does not matter -------------------------
# open-weights.md has three error findings (RL301, RL401, RL501): a selector that hid them by
# accident would turn a failing gate into a pass.


@pytest.mark.parametrize(
    "args, message",
    [
        (["--select", "RL999"], "--select: unknown code or slug 'RL999'"),
        (["--select", "trainig-data-missing"], "did you mean training-data-missing?"),
        (["--ignore", "RL999"], "--ignore: unknown code or slug 'RL999'"),
        (["--extend-select", "weights-mising"], "did you mean weights-missing?"),
        (["--select", "RL3,RL9"], "unknown code or slug 'RL9'"),
    ],
)
def test_unknown_selector_on_the_command_line_is_one_line_and_exit_2(capsys, card, args, message):
    code, out, err = run(capsys, str(card), *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "content, message",
    [
        ('select = "RL9"\n', "'select': unknown code or slug 'RL9'"),
        ('ignore = ["RL3", "hyperparamters-missing"]\n', "did you mean hyperparameters-missing?"),
        ('extend-select = ["RL0000"]\n', "'extend-select': unknown code or slug 'RL0000'"),
        ('[per-file-ignores]\n"*.md" = ["RL301", "RLX"]\n', "'per-file-ignores' \"*.md\": unknown code or slug 'RLX'"),
    ],
)
def test_unknown_selector_in_the_configuration_is_one_line_and_exit_2(capsys, tmp_path, card, content, message):
    (tmp_path / "project" / ".repro-lint.toml").write_text(content)
    code, _, err = run(capsys, str(card))
    assert code == 2
    assert ".repro-lint.toml" in err and message in err and len(err.strip().splitlines()) == 1


def test_selectors_are_case_insensitive(capsys, card):
    code, out, _ = run(capsys, str(card), "--ignore", "rl3,Training-Method-Missing", "--format", "json")
    codes = {f["code"] for f in json.loads(out)["files"][0]["findings"]}
    assert codes == {"RL501"} and code == 1
    code, out, _ = run(capsys, str(card), "--select", "all", "--ignore", "RL", "--format", "json")
    assert json.loads(out)["files"][0]["findings"] == [] and code == 0


def test_inline_directive_with_an_unknown_code_is_an_error_finding(capsys, tmp_path):
    card = tmp_path / "README.md"
    card.write_text(
        "# Finch-1B\n\n<!-- repro-lint-disable-file RL999 -->\n<!-- repro-lint-disable-file rl4 -->\n\n"
        "Finch-1B is a decoder-only transformer with 1B parameters.\n"
    )
    code, out, _ = run(capsys, str(card), "--format", "json")
    findings = json.loads(out)["files"][0]["findings"]
    bad = [f for f in findings if f["code"] == "RL003"]
    assert len(bad) == 1 and bad[0]["severity"] == "error" and bad[0]["line"] == 3
    assert "unknown code or slug 'RL999'" in bad[0]["message"]
    assert all(f["suppressed"] for f in findings if f["code"].startswith("RL4"))  # lower case rl4 works
    assert code == 1


def test_disabling_an_unknown_plugin_is_an_error(capsys, card):
    code, out, err = run(capsys, str(card), "-p", "no:doesnotexist")
    assert code == 2 and out == ""
    assert "-p no:doesnotexist: no plugin named 'doesnotexist'" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, str(card), "-p", "no:trainng_data")
    assert code == 2 and "did you mean no:training_data?" in err


def test_disabling_a_known_plugin_works(capsys, card):
    _, out, err = run(capsys, str(card), "-p", "no:training_data", "--format", "json")
    assert err == "" and "training_data" not in json.loads(out)["files"][0]["criteria"]


def test_explain_a_prefix_lists_its_codes(capsys):
    code, out, _ = run(capsys, "--explain", "RL3")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines() if line.startswith("RL3")] == ["RL301", "RL302", "RL303", "RL304"]
    code, out, _ = run(capsys, "--explain", "rl301")
    assert code == 0 and out.startswith("RL301 (training-data-missing)")


def test_explain_unknown_suggests_the_closest(capsys):
    code, _, err = run(capsys, "--explain", "trainig-data-missing")
    assert code == 2 and "did you mean training-data-missing?" in err


# --- 3. the text output says whether the gate passed and why; every format carries the same ----------


def test_text_ends_each_card_with_the_gate_line(capsys, fixtures):
    code, out, _ = run(capsys, str(fixtures / "open-weights.md"), "--fail-under", "60", "--require", "weights", "--isolated")
    assert code == 1
    assert out.rstrip().splitlines()[-1] == "Gate: failed — 3 error findings; score 40 is under 60"
    code, out, _ = run(capsys, str(fixtures / "tiers" / "weights-available-recipe.md"), "--isolated")
    assert code == 0
    assert out.rstrip().splitlines()[-1] == "Gate: passed (1 warning; no error findings)"


def test_every_card_block_names_its_file_also_the_clean_ones(capsys, fixtures):
    clean, weak = fixtures / "open-reproducible.md", fixtures / "open-weights.md"
    _, out, _ = run(capsys, str(clean), str(weak), "--isolated")
    blocks = out.split("\n\n")
    assert any(block.splitlines()[0] == str(clean) and "Gate: passed" in block for block in blocks)
    assert any(block.splitlines()[0] == str(weak) and "Gate: failed" in block for block in blocks)


@pytest.mark.parametrize("fmt", ["json", "sarif", "markdown", "github", "junit", "gitlab"])
def test_every_format_carries_the_gate_reasons(capsys, fixtures, fmt):
    _, out, _ = run(capsys, str(fixtures / "open-weights.md"), "--fail-under", "60", "--isolated", "--format", fmt)
    assert "score 40 is under 60" in out and "3 error findings" in out


# --- 13. --help points to documentation an installed user has ---------------------------------------


def test_help_points_to_what_an_installed_user_has(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "docs/" not in out
    assert "--explain profiles" in " ".join(out.split())
    code, out, _ = run(capsys, "--explain", "profiles")
    assert code == 0
    for name in ("seed", "osai", "mof", "eu-ai-act"):
        assert f"  {name} " in out
