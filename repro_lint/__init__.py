"""repro-lint: lint AI model cards for openness and reproducibility.

Public API (stable within a major version, see docs/plugins.md)::

    from repro_lint import lint_string, Rule, Code, Verdict, Level, Card, hookimpl
    from repro_lint import lint, lint_text, LintError      # lint a path or a text (repro_lint.api)

plus :mod:`repro_lint.testing` (test helpers for rule authors), the evidence helpers of
:mod:`repro_lint.evidence` listed in the plugin guide, and the hook specifications in
:mod:`repro_lint.hookspecs`. Everything else is private implementation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "Card",
    "Code",
    "CriterionResult",
    "Evidence",
    "FileResult",
    "Finding",
    "Level",
    "Rule",
    "RULE_API_VERSION",
    "Severity",
    "Tier",
    "Verdict",
    "hookimpl",
    "lint",
    "lint_string",
    "lint_text",
    "LintError",
]

if TYPE_CHECKING:  # pragma: no cover
    from .api import LintError, lint, lint_text
    from .document import Card
    from .hookspecs import hookimpl
    from .results import RULE_API_VERSION, Code, CriterionResult, Evidence, FileResult, Finding, Level, Rule, Severity, Tier, Verdict
    from .testing import lint_string

_LAZY = {
    "Card": ".document",
    "hookimpl": ".hookspecs",
    "lint_string": ".testing",
    "lint": ".api",
    "lint_text": ".api",
    "LintError": ".api",
    **{
        name: ".results"
        for name in ("RULE_API_VERSION", "Code", "CriterionResult", "Evidence", "FileResult", "Finding", "Level", "Rule", "Severity", "Tier", "Verdict")
    },
}


def __getattr__(name: str) -> Any:
    """Import the public names on first use, so that ``import repro_lint`` stays cheap."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'repro_lint' has no attribute {name!r}")
