"""Run repro-lint for the GitHub Action (action.yml). Standard library only.

Installs repro-lint from the action's own checkout into a virtualenv, then lints. Every input comes
from an environment variable (never from the script text):

  INPUT_PATHS         cards or directories, separated by whitespace (shell-style quotes allowed)
  INPUT_FAIL_UNDER    --fail-under value, empty for the configuration's
  INPUT_FORMAT        output format for the log (default github)
  INPUT_ARGS          further repro-lint options (shell-style quoting)
  INPUT_SARIF_FILE    also write SARIF here
  INPUT_UPLOAD_SARIF  "true": write SARIF (to repro-lint.sarif unless INPUT_SARIF_FILE is set) for upload

Also read: GITHUB_ACTION_PATH (the action checkout; default: this script's repository),
RUNNER_TEMP (where the virtualenv goes; default: the action checkout), REPRO_LINT_VENV (the
virtualenv folder, to override both) and GITHUB_OUTPUT (``sarif-file=<path>`` is appended to it).

The exit code is repro-lint's: 0 gate passed, 1 gate failed, 2 error.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Mapping, Optional

DEFAULT_SARIF = "repro-lint.sarif"


def venv_dir(env: Mapping[str, str], action_path: Path) -> Path:
    if env.get("REPRO_LINT_VENV"):
        return Path(env["REPRO_LINT_VENV"])
    return Path(env.get("RUNNER_TEMP") or action_path) / "repro-lint-venv"


def executable(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / (name + (".exe" if os.name == "nt" else ""))


def install(action_path: Path, venv: Path) -> Path:
    """A virtualenv with repro-lint installed from ``action_path``; returns its repro-lint executable."""
    print("::group::Install repro-lint", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = executable(venv, "python")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(action_path)], check=True)
    print("::endgroup::", flush=True)
    return executable(venv, "repro-lint")


def lint_args(env: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """(options, paths) from the inputs."""
    options: list[str] = []
    if env.get("INPUT_FAIL_UNDER", "").strip():
        options += ["--fail-under", env["INPUT_FAIL_UNDER"].strip()]
    options += shlex.split(env.get("INPUT_ARGS", ""))
    return options, shlex.split(env.get("INPUT_PATHS", ""))


def sarif_target(env: Mapping[str, str]) -> Optional[str]:
    target = env.get("INPUT_SARIF_FILE", "").strip()
    if "\n" in target or "\r" in target:
        raise ValueError("the sarif-file input must be one line")
    if not target and env.get("INPUT_UPLOAD_SARIF", "").strip().lower() == "true":
        target = DEFAULT_SARIF
    return target or None


def main(env: Mapping[str, str] = os.environ) -> int:
    action_path = Path(env.get("GITHUB_ACTION_PATH") or Path(__file__).resolve().parents[1])
    try:
        options, paths = lint_args(env)
        sarif = sarif_target(env)
    except ValueError as exc:
        print(f"::error title=repro-lint::invalid input: {exc}", flush=True)
        return 2
    try:
        repro_lint = install(action_path, venv_dir(env, action_path))
    except subprocess.CalledProcessError as exc:
        print(f"::error title=repro-lint::installing repro-lint failed (exit {exc.returncode})", flush=True)
        return 2

    if sarif:
        # --exit-zero: the gate is decided by the main run below; this one only writes the file.
        code = subprocess.run([str(repro_lint), *options, "--format", "sarif", "--output-file", sarif, "--exit-zero", "--", *paths]).returncode
        if code != 0:
            return code
        if env.get("GITHUB_OUTPUT"):
            with open(env["GITHUB_OUTPUT"], "a", encoding="utf-8") as fh:
                fh.write(f"sarif-file={sarif}\n")
    fmt = env.get("INPUT_FORMAT", "").strip() or "github"
    return subprocess.run([str(repro_lint), *options, "--format", fmt, "--", *paths]).returncode


if __name__ == "__main__":
    sys.exit(main())
