"""The README tells the truth: its quickstart commands and its usage example match the project."""

from __future__ import annotations

import re
from pathlib import Path

from repro_lint.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_usage_example_is_the_real_output(capsys, monkeypatch):
    block = re.search(r"```\n\$ repro-lint (\S+)\n(.*?)```", README, re.S)
    assert block, "the README has a usage example"
    monkeypatch.chdir(ROOT)
    main([block.group(1), "--color", "never"])
    assert capsys.readouterr().out == block.group(2)


def test_quickstart_has_exactly_two_commands_and_they_name_real_things():
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.*?)\n```", section, re.S)
    assert len(commands) == 2
    install_and_lint, install_and_test = commands
    sample = re.search(r"repro-lint (\S+\.md)", install_and_lint).group(1)
    assert (ROOT / sample).is_file()
    assert "pytest" in install_and_test and "[test]" in install_and_test


def test_hub_example_is_the_real_output_against_the_fake_hub(capsys, monkeypatch, tmp_path):
    from tests.fakehub import FakeHub
    from tests.hub_demo import demo_repos

    section = README.split("## Lint a model on the Hub", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```\n\$ repro-lint (\S+)\n(.*?)```", section, re.S)
    assert block, "the Hub section has an example"
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.setenv("REPRO_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    with FakeHub(demo_repos()) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        main([block.group(1), "--color", "never"])
    assert capsys.readouterr().out == block.group(2)
