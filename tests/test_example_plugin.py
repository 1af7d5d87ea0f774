"""An independently installed package adds a rule: examples/repro-lint-carbon in a fresh venv.

Both projects are built into wheels and installed into a new virtual environment (dependencies come
from the package index or pip's cache), exactly as a user would install a plugin next to repro-lint.
The installed ``repro-lint`` command must list the plugin, run its rule, score it as its README says
and let the user select, ignore and disable it. The plugin's own tests then run against the installed
package.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path
from typing import Optional

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "repro-lint-carbon"
IGNORE = shutil.ignore_patterns(".venv", "venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis", "examples")

CARBON = """
## Environmental impact

Training took 184,000 A100 GPU hours and emitted 12.5 tCO2eq.
"""
CARBON_HALF = """
## Environmental impact

Training took 184,000 A100 GPU hours.
"""


def _pip_has_python_option() -> bool:
    """pip >= 22.3 can install into another interpreter (``pip --python``), so the new venv needs no pip."""
    try:
        from pip import __version__ as pip_version
    except ImportError:
        return False
    major, minor = (int(p) for p in pip_version.split(".")[:2])
    return (major, minor) >= (22, 3)


def _run(*args: str, cwd: Optional[Path] = None, env: Optional[dict[str, str]] = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8")


def _check(proc: subprocess.CompletedProcess[str], what: str) -> None:
    assert proc.returncode == 0, f"{what} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"


class Installed:
    """A fresh venv with repro-lint and the example plugin installed from wheels."""

    def __init__(self, base: Path) -> None:
        self.base = base
        sources = base / "src"
        shutil.copytree(ROOT, sources / "repro-lint", ignore=IGNORE)
        shutil.copytree(EXAMPLE, sources / "repro-lint-carbon", ignore=IGNORE)
        wheels = base / "wheels"
        _check(
            _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(sources / "repro-lint"), str(sources / "repro-lint-carbon")),
            "building the wheels",
        )
        home = base / "venv"
        bindir = home / ("Scripts" if os.name == "nt" else "bin")
        self.python = str(bindir / ("python.exe" if os.name == "nt" else "python"))
        self.command = str(bindir / "repro-lint")
        requirements = [str(w) for w in sorted(wheels.glob("repro_lint-*.whl"))]
        requirements += [f"{w}[test]" for w in sorted(wheels.glob("repro_lint_carbon-*.whl"))]
        if _pip_has_python_option():
            venv.create(home, with_pip=False)
            install = [sys.executable, "-m", "pip", "--python", self.python, "install", "-q", *requirements]
        else:
            venv.create(home, with_pip=True)
            install = [self.python, "-m", "pip", "install", "-q", *requirements]
        _check(_run(*install), "installing the wheels")
        self.tests = sources / "repro-lint-carbon" / "tests"
        self.cards = base / "cards"
        self.cards.mkdir()
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("REPRO_LINT_", "PYTHON"))}
        self.env["NO_COLOR"] = "1"

    def card(self, name: str, extra: str = "") -> Path:
        """The bundled fully open sample card, with ``extra`` appended."""
        path = self.cards / name
        path.write_text((ROOT / "fixtures" / "open-reproducible.md").read_text(encoding="utf-8") + extra, encoding="utf-8")
        return path

    def lint(self, *args: str, env: Optional[dict[str, str]] = None) -> subprocess.CompletedProcess[str]:
        return _run(self.command, "--isolated", *args, cwd=self.cards, env={**self.env, **(env or {})})

    def lint_json(self, *args: str, env: Optional[dict[str, str]] = None) -> tuple[int, dict]:  # type: ignore[type-arg]
        proc = self.lint("--format", "json", *args, env=env)
        assert proc.stderr == "", proc.stderr
        (result,) = json.loads(proc.stdout)["files"]
        return proc.returncode, result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    return Installed(tmp_path_factory.mktemp("carbon-plugin"))


def test_the_plugin_and_its_rule_are_listed(installed):
    proc = installed.lint("--list-plugins", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    (carbon,) = [p for p in json.loads(proc.stdout) if p["name"] == "carbon"]
    assert (carbon["package"], carbon["version"], carbon["status"]) == ("repro-lint-carbon", "0.1.0", "loaded")
    (rule,) = carbon["rules"]
    assert (rule["name"], rule["criterion"], rule["weight"]) == ("carbon_footprint", "carbon_footprint", 0.5)
    assert [c["code"] for c in rule["codes"]] == ["CFP001", "CFP002", "CFP003", "CFP004"]
    assert "carbon  repro-lint-carbon 0.1.0  rules: carbon_footprint (CFP001-CFP004)" in installed.lint("--list-plugins").stdout
    explained = installed.lint("--explain", "CFP001").stdout
    assert explained.startswith("CFP001 (carbon-footprint-missing) [error]") and "What it checks" in explained


def test_its_rule_runs_and_counts_as_documented(installed):
    """README of the example: weight 0.5 next to the five core criteria → 90.9 / 95.5 / 100."""
    code, missing = installed.lint_json(str(installed.card("missing.md")))
    assert code == 1  # CFP001 is an error: the policy fails the gate
    assert missing["criteria"]["carbon_footprint"]["level"] == "absent"
    assert [f["code"] for f in missing["findings"]] == ["CFP001"]
    assert missing["score"] == 90.9 and missing["tier"] == "open and reproducible"

    code, half = installed.lint_json(str(installed.card("half.md", CARBON_HALF)))
    assert code == 0  # CFP002 is a warning
    assert half["criteria"]["carbon_footprint"]["level"] == "partial" and half["score"] == 95.5

    code, stated = installed.lint_json(str(installed.card("stated.md", CARBON)))
    assert code == 0
    assert stated["criteria"]["carbon_footprint"]["level"] == "complete" and stated["score"] == 100


@pytest.mark.parametrize(
    "args, codes, exit_code",
    [
        (["--ignore", "CFP"], [], 0),
        (["--ignore", "carbon-footprint-missing"], [], 0),
        (["--select", "CFP001"], ["CFP001"], 1),
        (["--select", "RL"], [], 0),
    ],
)
def test_its_codes_can_be_selected_and_ignored(installed, args, codes, exit_code):
    code, result = installed.lint_json(str(installed.card("missing.md")), *args)
    assert [f["code"] for f in result["findings"]] == codes
    assert code == exit_code
    assert result["score"] == 90.9  # selection decides what is reported, never the score


def test_its_weight_can_be_changed(installed):
    _, result = installed.lint_json(str(installed.card("missing.md")), "--weight", "carbon_footprint=0")
    assert result["score"] == 100


@pytest.mark.parametrize("args, env", [(["-p", "no:carbon"], None), (["-p", "no:repro-lint-carbon"], None), ([], {"REPRO_LINT_DISABLE_PLUGINS": "carbon"})])
def test_the_plugin_can_be_disabled(installed, args, env):
    code, result = installed.lint_json(str(installed.card("missing.md")), *args, env=env)
    assert code == 0 and result["score"] == 100
    assert "carbon_footprint" not in result["criteria"]
    listing = installed.lint(*args, "--list-plugins", env=env).stdout
    assert "carbon  repro-lint-carbon 0.1.0  rules: -  (disabled)" in listing


def test_the_plugins_own_tests_pass_against_the_installed_package(installed):
    proc = _run(installed.python, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(installed.tests), cwd=installed.base, env=installed.env)
    _check(proc, "the example plugin's tests")
    assert " passed" in proc.stdout
