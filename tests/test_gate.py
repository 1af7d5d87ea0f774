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
    code, out, err = run(capsys, str(card))
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
