"""The top-level rules/ folder ships as repro_lint.rules, and every built-in rule is an entry point."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib.metadata import entry_points
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILTINS = {"architecture", "weights", "training_data", "training_method", "hyperparameters"}


def _group():
    eps = entry_points()
    return list(eps.select(group="repro_lint")) if hasattr(eps, "select") else list(eps.get("repro_lint", []))


def test_builtin_rules_are_registered_through_the_entry_point_group():
    names = {ep.name for ep in _group()}
    assert BUILTINS <= names


def test_installed_rules_come_from_the_top_level_rules_folder():
    import repro_lint.rules.architecture as arch

    # An editable install maps repro_lint.rules onto ./rules; a wheel copies it into the package.
    path = Path(arch.__file__).resolve()
    assert path.parent.name in ("rules",) and path.name == "architecture.py"


def test_wheel_contains_the_rules_package_and_entry_points(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        pytest.fail(f"building the wheel failed: {proc.stderr[-500:]}")
    (wheel,) = tmp_path.glob("repro_lint-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for rule in BUILTINS:
            assert f"repro_lint/rules/{rule}.py" in names
        (ep_file,) = [n for n in names if n.endswith("entry_points.txt")]
        entry = zf.read(ep_file).decode()
    assert "[repro_lint]" in entry
    assert "architecture = repro_lint.rules.architecture" in entry
    assert not any(n.startswith("rules/") for n in names), "rules/ must be installed inside repro_lint/"
