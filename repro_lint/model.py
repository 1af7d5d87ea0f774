"""Result data: plain dataclasses and enums shared by the engine, the rules and the reporters.

Rules return a :class:`Verdict`; the engine collects them into a :class:`FileResult`; reporters only
format these objects. Nothing here computes a verdict.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

#: The five core criteria, in report order. Plugins may add criteria of their own.
CORE_CRITERIA: tuple[str, ...] = (
    "architecture",
    "weights",
    "training_data",
    "training_method",
    "hyperparameters",
)

#: Version of the rule interface (``Rule.api_version``) this engine implements.
RULE_API_VERSION = 1

#: Version of the JSON report schema (``repro-lint --format json``).
JSON_SCHEMA_VERSION = "1.0"


class Level(str, enum.Enum):
    """How well a card documents one criterion (see the rubric in the README)."""

    COMPLETE = "complete"
    PARTIAL = "partial"
    ABSENT = "absent"
    CLOSED = "closed"

    def __str__(self) -> str:
        return self.value


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


class Tier(str, enum.Enum):
    """The openness hierarchy, from most to least open."""

    OPEN_REPRODUCIBLE = "open and reproducible"
    OPEN_WEIGHTS = "open weights"
    RECIPE_ONLY = "recipe only"
    CLOSED = "closed"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Code:
    """One finding code a rule can emit, e.g. ``RL101`` / ``architecture-missing``."""

    code: str
    slug: str
    summary: str
    severity: Severity = Severity.ERROR


@dataclass(frozen=True)
class Evidence:
    """A line of the card that supports a verdict, and which required element it satisfies."""

    line: int
    text: str
    element: str


@dataclass
class Finding:
    code: str
    slug: str
    message: str
    line: int = 1
    column: int = 1
    severity: Severity = Severity.ERROR
    rule: str = ""
    suppressed: bool = False


@dataclass
class Verdict:
    """What a rule returns for its criterion."""

    level: Level
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """A rule plugin object, as returned by the ``repro_lint_rules`` hook.

    ``check`` receives the parsed :class:`~repro_lint.document.Card` and returns a :class:`Verdict`.
    ``doc`` is the rule's documentation (its module docstring); ``--explain`` prints it.

    ``needs_verdicts``: the rule judges the other rules' verdicts (e.g. an "open source" claim
    against closed weights). The engine runs it after every other rule and calls
    ``check(card, criteria)`` with a copy of the criteria judged so far (name → CriterionResult).
    ``opt_in``: the rule runs only when the active profile enables its criterion (see
    :mod:`repro_lint.profiles`); the five core criteria are never opt-in.
    """

    name: str
    criterion: str
    codes: tuple[Code, ...]
    check: Callable[[Any], Verdict]
    doc: str = ""
    weight: float = 1.0
    api_version: int = RULE_API_VERSION
    plugin: str = ""
    needs_verdicts: bool = False
    opt_in: bool = False

    def code_info(self, code: str) -> Optional[Code]:
        for c in self.codes:
            if c.code == code:
                return c
        return None


@dataclass
class CriterionResult:
    criterion: str
    level: Level
    score: float
    weight: float
    rule: str
    evidence: list[Evidence] = field(default_factory=list)
    missing: tuple[str, ...] = ()


@dataclass
class FileResult:
    path: str
    score: float = 0.0
    tier: Tier = Tier.CLOSED
    criteria: dict[str, CriterionResult] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    gate_failed: bool = False
    gate_reasons: list[str] = field(default_factory=list)
    internal_error: bool = False

    @property
    def active_findings(self) -> list[Finding]:
        return [f for f in self.findings if not f.suppressed]

    def to_dict(self) -> dict[str, Any]:
        """This result as one entry of the JSON report's ``files`` array (docs/json-schema.md)."""
        from .reporters.json_report import file_dict  # the JSON reporter owns the schema

        return file_dict(self)


@dataclass
class Report:
    """Everything one run produced, in the order the files were given."""

    files: list[FileResult] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def gate_failed(self) -> bool:
        return any(f.gate_failed for f in self.files)

    @property
    def internal_error(self) -> bool:
        return any(f.internal_error for f in self.files)
