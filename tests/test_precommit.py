"""The pre-commit hook, run for real: ``pre-commit try-repo`` against this checkout in a throwaway repo.

pre-commit installs the hook from the repository's HEAD commit into its own virtualenv (from the
package registry), so the hook manifest and the code it runs must be committed. The commit is
pinned with ``--ref``: uncommitted edits in the working tree are not part of what is tested.
This takes a little while (one virtualenv install); deselect it locally with ``-m "not integration"``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"

POOR_CARD = "# Acme chat\n\nThe best assistant yet. Try it through our API.\n"


def test_manifest_declares_the_repro_lint_hook_for_model_cards():
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert hook["id"] == "repro-lint" and hook["language"] == "python"
    assert hook["entry"] == "repro-lint" and hook["types"] == ["markdown"]
    files = re.compile(hook["files"])
    assert all(files.search(p) for p in ("README.md", "models/a/MODEL_CARD.md", "model_card.md"))
    assert not any(files.search(p) for p in ("CHANGELOG.md", "docs/README.txt", "NOT_README.md"))


def _pre_commit(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[str, str]]:
    """The pre-commit command and environment: the installed one, or a private install into a temporary folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_", "VIRTUAL_ENV"))}
    exe = shutil.which("pre-commit", path=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]))
    if exe:
        return [exe], env
    target = tmp_path_factory.mktemp("pre-commit-install")
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--target", str(target), "pre-commit"], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"pre-commit is not installed and could not be installed: {proc.stderr.strip()[-300:]}")
    env["PYTHONPATH"] = str(target)
    return [sys.executable, "-m", "pre_commit"], env


@pytest.fixture(scope="module")
def try_repo(tmp_path_factory):
    """Run ``pre-commit try-repo <this checkout> repro-lint --all-files`` in a fresh git repo; return a runner."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip(f"{ROOT} is not a git checkout, which pre-commit try-repo needs")
    command, env = _pre_commit(tmp_path_factory)
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    env.update({"GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.com"})
    repo = tmp_path_factory.mktemp("project")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)

    def run(files: dict[str, str]) -> subprocess.CompletedProcess[str]:
        for name, text in files.items():
            path = repo / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
        return subprocess.run(
            [*command, "try-repo", str(ROOT), "repro-lint", "--ref", head.stdout.strip(), "--all-files", "--color", "never"],
            cwd=repo,
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )

    return run


@pytest.mark.integration
def test_hook_fails_on_a_poor_card(try_repo):
    proc = try_repo({"README.md": POOR_CARD})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "repro-lint" in proc.stdout and "Failed" in proc.stdout
    assert "README.md:1:1: RL201" in proc.stdout  # the hook printed repro-lint's findings
    assert "Score: 0/100 (closed)" in proc.stdout


@pytest.mark.integration
def test_hook_passes_on_a_good_card_and_skips_other_markdown(try_repo, fixtures):
    good = (fixtures / "open-reproducible.md").read_text(encoding="utf-8")
    proc = try_repo({"README.md": good, "models/small/model_card.md": good, "docs/CHANGELOG.md": POOR_CARD})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def readme_precommit_snippets() -> list[str]:
    """The ``.pre-commit-config.yaml`` snippets of the README, in order (the first works today)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### pre-commit", 1)[1].split("\n### ", 1)[0]
    return [b for b in re.findall(r"```yaml\n(.*?)```", section, re.S) if "repos:" in b]


def test_readme_snippets_use_the_hook_of_the_manifest():
    (hook,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    local, release = [yaml.safe_load(s) for s in readme_precommit_snippets()]
    (local_hook,) = local["repos"][0]["hooks"]
    assert local["repos"][0]["repo"] == "local"
    assert {k: local_hook[k] for k in ("id", "entry", "types", "files")} == {k: hook[k] for k in ("id", "entry", "types", "files")}
    assert [h["id"] for repo in release["repos"] for h in repo["hooks"]] == [hook["id"]]
    assert re.fullmatch(r"[0-9a-f]{40}|v\d+\.\d+\.\d+", str(release["repos"][0]["rev"]))


@pytest.fixture(scope="module")
def readme_hook(tmp_path_factory):
    """Run the README's first pre-commit snippet, exactly as written, in a fresh git repo; return a runner.

    The snippet needs repro-lint installed where pre-commit runs: the environment of this test run.
    """
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    command, env = _pre_commit(tmp_path_factory)
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home-readme"))
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    repo = tmp_path_factory.mktemp("project-readme-snippet")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / ".pre-commit-config.yaml").write_text(readme_precommit_snippets()[0], encoding="utf-8")

    def run(files: dict[str, str]) -> subprocess.CompletedProcess[str]:
        for name, text in files.items():
            path = repo / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
        return subprocess.run([*command, "run", "--all-files", "--color", "never"], cwd=repo, capture_output=True, text=True, env=env, timeout=600)

    return run


@pytest.mark.integration
def test_readme_snippet_as_written_fails_a_poor_card_and_passes_a_good_one(readme_hook, fixtures):
    proc = readme_hook({"README.md": POOR_CARD})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "README.md:1:1: RL201" in proc.stdout and "Gate: failed" in proc.stdout
    good = (fixtures / "open-reproducible.md").read_text(encoding="utf-8")
    proc = readme_hook({"README.md": good, "docs/CHANGELOG.md": POOR_CARD})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout
