"""The composite GitHub Action: its metadata, and its script run locally the way the runner runs it.

The script installs repro-lint from this checkout into a fresh virtualenv (dependencies come from
the package registry), so the run tests are integration tests.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = ROOT / "action.yml"
SCRIPT = ROOT / "scripts" / "github_action.py"
POOR_CARD = "# Acme chat\n\nThe best assistant yet. Try it through our API.\n"


def _action() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def test_action_is_a_composite_action_with_the_documented_inputs():
    action = _action()
    assert action["name"] == "repro-lint" and action["description"]
    assert set(action["inputs"]) == {"paths", "fail-under", "format", "args", "sarif-file", "upload-sarif"}
    assert all(spec.get("description") for spec in action["inputs"].values())
    assert action["inputs"]["format"]["default"] == "github"
    assert action["runs"]["using"] == "composite"


def test_inputs_reach_scripts_only_through_environment_variables():
    steps = _action()["runs"]["steps"]
    scripts = [s for s in steps if "run" in s]
    assert scripts, "the action runs a script"
    for step in scripts:
        assert step["shell"] == "bash"  # required for run steps of composite actions
        assert "${{" not in step["run"]
    (lint,) = scripts
    env = lint["env"]
    for name in _action()["inputs"]:
        assert env[f"INPUT_{name.upper().replace('-', '_')}"] == f"${{{{ inputs.{name} }}}}"
    assert "scripts/github_action.py" in lint["run"] and SCRIPT.exists()


def test_sarif_upload_is_optional_and_runs_even_when_the_gate_fails():
    (upload,) = [s for s in _action()["runs"]["steps"] if "uses" in s]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "always()" in upload["if"] and "inputs.upload-sarif == 'true'" in upload["if"]
    assert upload["with"]["sarif_file"] == "${{ steps.lint.outputs.sarif-file }}"
    assert upload["with"]["category"] == "repro-lint"


def test_every_input_format_is_a_repro_lint_format():
    from repro_lint.reporters import FORMATS

    listed = re.search(r"\(([^)]*)\)", _action()["inputs"]["format"]["description"]).group(1)
    assert {f.strip() for f in listed.split(",")} == set(FORMATS)


@pytest.fixture(scope="module")
def run_action(tmp_path_factory):
    """Run the action's script in a workspace with the given cards and inputs, as the runner would."""
    venv = tmp_path_factory.mktemp("runner-temp") / "venv"

    def run(cards: dict[str, str], action_path: str | None = None, **inputs: str) -> tuple[subprocess.CompletedProcess[str], Path]:
        """``action_path``: where the action sits in the workspace (a local action), linked to this checkout."""
        workspace = tmp_path_factory.mktemp("workspace")
        action_root = ROOT
        if action_path is not None:
            action_root = workspace / action_path
            action_root.parent.mkdir(parents=True, exist_ok=True)
            action_root.symlink_to(ROOT, target_is_directory=True)
        for name, text in cards.items():
            (workspace / name).parent.mkdir(parents=True, exist_ok=True)
            (workspace / name).write_text(text, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_", "REPRO_LINT_", "VIRTUAL_ENV"))}
        env.update({f"INPUT_{k.upper()}": v for k, v in inputs.items()})
        env.update(
            {
                "GITHUB_ACTION_PATH": str(action_root),
                "REPRO_LINT_VENV": str(venv),
                "GITHUB_OUTPUT": str(workspace / "github-output"),
                "GITHUB_STEP_SUMMARY": str(workspace / "step-summary.md"),
            }
        )
        proc = subprocess.run([sys.executable, str(SCRIPT)], cwd=workspace, env=env, capture_output=True, text=True, timeout=900)
        return proc, workspace

    return run


@pytest.mark.integration
def test_script_fails_the_gate_annotates_and_writes_sarif(run_action, fixtures):
    good = (fixtures / "open-reproducible.md").read_text(encoding="utf-8")
    proc, workspace = run_action({"README.md": POOR_CARD, "models/good/README.md": good}, paths="README.md\nmodels/good", fail_under="50", upload_sarif="true")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert re.search(r"^::error file=README\.md,line=\d+,col=\d+,title=repro-lint RL\d{3} ", proc.stdout, re.M)
    assert re.search(r"^models/good/README\.md: Score: \d+", proc.stdout, re.M)
    assert (workspace / "github-output").read_text(encoding="utf-8") == "sarif-file=repro-lint.sarif\n"
    (run,) = json.loads((workspace / "repro-lint.sarif").read_text(encoding="utf-8"))["runs"]
    assert [f["uri"] for f in run["properties"]["files"]] == ["README.md", "models/good/README.md"]
    summary = (workspace / "step-summary.md").read_text(encoding="utf-8")
    assert "| criterion | level | score | evidence |" in summary and "models/good/README.md" in summary


@pytest.mark.integration
def test_script_passes_on_a_good_card_without_sarif(run_action, fixtures):
    good = (fixtures / "open-reproducible.md").read_text(encoding="utf-8")
    proc, workspace = run_action({"README.md": good}, fail_under="90", format="text")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Score: 100/100 (open and reproducible)" in proc.stdout
    assert not (workspace / "repro-lint.sarif").exists() and not (workspace / "github-output").exists()


def test_script_rejects_a_multi_line_sarif_path_before_installing(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_OUTPUT"))}
    env.update({"INPUT_SARIF_FILE": "a.sarif\nsarif-file=/etc/passwd", "REPRO_LINT_VENV": str(tmp_path / "venv")})
    proc = subprocess.run([sys.executable, str(SCRIPT)], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stdout.startswith("::error title=repro-lint::invalid input")
    assert not (tmp_path / "venv").exists()


def _readme_workflows() -> list[dict]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", readme, re.S)]
    return [b for b in blocks if isinstance(b, dict) and "jobs" in b]


def _our_step(workflow: dict) -> dict:
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    (ours,) = [s for s in steps if s.get("uses", "").split("@")[0].endswith("/repro-lint")]
    return ours


def test_readme_workflow_examples_use_only_inputs_the_action_declares():
    local, published = _readme_workflows()
    assert _our_step(local)["uses"] == "./tools/repro-lint"  # works today, without a published repository
    assert re.fullmatch(r"[\w.-]+/repro-lint@[0-9a-f]{40}", _our_step(published)["uses"])
    for workflow in (local, published):
        assert set(_our_step(workflow)["with"]) <= set(_action()["inputs"])
    assert published["permissions"]["security-events"] == "write"  # needed by upload-sarif


@pytest.mark.integration
@pytest.mark.parametrize(("card", "expected"), [("open-reproducible.md", 0), (None, 1)])
def test_readme_local_action_snippet_runs_as_written(run_action, fixtures, card, expected):
    """The README's working snippet, literally: its step's inputs, with repro-lint where it says."""
    local, _ = _readme_workflows()
    step = _our_step(local)
    inputs = {name.replace("-", "_"): str(value) for name, value in step["with"].items()}
    text = (fixtures / card).read_text(encoding="utf-8") if card else POOR_CARD
    proc, workspace = run_action({"README.md": text}, action_path=step["uses"].removeprefix("./"), **inputs)
    assert (workspace / step["uses"] / "action.yml").is_file()
    assert proc.returncode == expected, proc.stdout + proc.stderr
    assert re.search(r"^README\.md: Score: \d+", proc.stdout, re.M)
