"""Helpers shared by the tests of the rules beyond the five criteria."""

from __future__ import annotations

from pathlib import Path

from repro_lint.config import Settings
from repro_lint.results import FileResult
from repro_lint.testing import lint_string

EXTRAS = Path(__file__).resolve().parents[1] / "fixtures" / "extras"


def lint(text: str, profile: str = "osai") -> FileResult:
    """Lint card text with a profile that runs the rules beyond the five criteria."""
    return lint_string(text, settings=Settings(profile=profile))


def lint_fixture(name: str, profile: str = "osai") -> FileResult:
    return lint((EXTRAS / name).read_text(encoding="utf-8"), profile)


def codes(result: FileResult, prefix: str) -> list[str]:
    return [f.code for f in result.findings if f.code.startswith(prefix)]
