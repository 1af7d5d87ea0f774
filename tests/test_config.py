"""Configuration discovery and validation: closest file wins, flags win over files, unknown keys fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repro_lint.cli import main
from repro_lint.config import ConfigError, Settings, find_config, read_config


def lint_json(capsys, *args: str) -> tuple[int, dict, str]:
    code = main([*args, "--format", "json"])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out else {}), err


@pytest.fixture
def card(tmp_path: Path, fixtures: Path) -> Path:
    target = tmp_path / "models" / "wren" / "README.md"
    target.parent.mkdir(parents=True)
    target.write_bytes((fixtures / "open-weights.md").read_bytes())
    return target


def test_pyproject_table_is_found_upward_from_the_card(capsys, tmp_path, card):
    (tmp_path / "pyproject.toml").write_text('[tool.repro-lint]\nignore = ["RL3", "RL4"]\n')
    _, data, _ = lint_json(capsys, str(card))
    assert {f["code"] for f in data["files"][0]["findings"]} == {"RL501"}


def test_pyproject_without_the_table_is_skipped(tmp_path, card):
    (card.parent / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / ".repro-lint.toml").write_text("fail-under = 10\n")
    assert find_config(card) == tmp_path / ".repro-lint.toml"


@pytest.mark.parametrize("table", ['[tool."repro\\u002dlint"]', "[tool]\n'repro-lint' = { fail-under = 10 }", "tool.repro-lint.fail-under = 10"])
def test_every_spelling_of_the_pyproject_table_is_found(tmp_path, card, table):
    (card.parent / "pyproject.toml").write_text(f"{table}\n" if "fail-under" in table else f"{table}\nfail-under = 10\n", encoding="utf-8")
    assert find_config(card) == card.parent / "pyproject.toml"
    assert read_config(card.parent / "pyproject.toml").fail_under == 10


def test_dedicated_file_outranks_pyproject_in_the_same_directory(tmp_path, card):
    (tmp_path / "pyproject.toml").write_text("[tool.repro-lint]\nfail-under = 1\n")
    (tmp_path / ".repro-lint.toml").write_text("fail-under = 2\n")
    assert read_config(find_config(card)).fail_under == 2


def test_closest_configuration_wins_without_merging(tmp_path, card):
    (tmp_path / ".repro-lint.toml").write_text('ignore = ["RL3"]\nfail-under = 90\n')
    (card.parent / "repro-lint.toml").write_text('ignore = ["RL4"]\n')
    settings = read_config(find_config(card))
    assert settings.ignore == ("RL4",) and settings.fail_under == 0


def test_command_line_flags_win_over_the_file(capsys, tmp_path, card):
    (tmp_path / ".repro-lint.toml").write_text('fail-under = 90\nignore = ["ALL"]\n')
    assert lint_json(capsys, str(card))[0] == 1
    assert lint_json(capsys, str(card), "--fail-under", "10")[0] == 0


def test_isolated_ignores_configuration_files(capsys, tmp_path, card):
    (tmp_path / ".repro-lint.toml").write_text('ignore = ["ALL"]\n')
    _, data, _ = lint_json(capsys, str(card), "--isolated")
    assert data["files"][0]["findings"]


def test_explicit_config_applies_to_every_card(capsys, tmp_path, card):
    cfg = tmp_path / "elsewhere.toml"
    cfg.write_text('[tool.repro-lint]\nselect = ["RL5"]\n')
    _, data, _ = lint_json(capsys, str(card), "--config", str(cfg))
    assert {f["code"] for f in data["files"][0]["findings"]} == {"RL501"}


def test_weights_and_require_from_the_file(capsys, tmp_path, card):
    (tmp_path / ".repro-lint.toml").write_text(
        'ignore = ["ALL"]\nrequire = ["training_data"]\n[weights]\ntraining_data = 0\ntraining_method = 0\nhyperparameters = 0\n'
    )
    code, data, _ = lint_json(capsys, str(card))
    assert data["files"][0]["score"] == 100
    assert code == 1
    assert data["files"][0]["gate"]["reasons"] == ["required criterion training_data is absent"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("colour = true\n", "unknown key 'colour'"),
        ("fail-under = 'high'\n", "'fail-under' must be a number from 0 to 100"),
        ("select = 3\n", "'select' must be a list of strings"),
        ("weights = { architecture = -1 }\n", "'weights' must be a table"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_configuration_is_a_one_line_error_with_exit_2(capsys, tmp_path, card, content, message):
    (tmp_path / ".repro-lint.toml").write_text(content)
    code = main([str(card)])
    out, err = capsys.readouterr()
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_unknown_criterion_in_weights_is_rejected(capsys, tmp_path, card):
    (tmp_path / ".repro-lint.toml").write_text("[weights]\narchitecure = 2\n")
    assert main([str(card)]) == 2
    assert "unknown criterion 'architecure'" in capsys.readouterr().err


def test_per_file_ignores_match_globs(capsys, tmp_path, card):
    (tmp_path / ".repro-lint.toml").write_text('[per-file-ignores]\n"**/wren/README.md" = ["RL3", "RL4", "RL5"]\n')
    code, data, _ = lint_json(capsys, str(card))
    assert data["files"][0]["findings"] == [] and code == 0


def test_settings_override_keeps_unset_values():
    base = Settings(fail_under=50, ignore=("RL3",))
    assert base.override(fail_under=None, ignore=("RL4",)) == Settings(fail_under=50, ignore=("RL4",))


def test_pyproject_named_explicitly_without_table_is_an_error(tmp_path):
    p = tmp_path / "pyproject.toml"
    p.write_text("[project]\n")
    with pytest.raises(ConfigError, match="no \\[tool.repro-lint\\] table"):
        read_config(p)


def test_binary_configuration_file_is_a_config_error(capsys, tmp_path, card):
    (tmp_path / ".repro-lint.toml").write_bytes(b"select = ['\xff\xfe']\n")
    assert main([str(card)]) == 2
    err = capsys.readouterr().err
    assert "not a UTF-8 TOML file" in err and len(err.strip().splitlines()) == 1
