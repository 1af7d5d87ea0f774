"""Result data (``repro_lint.results``): plain dataclasses and enums shared by the engine, the rules and the reporters.

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
JSON_SCHEMA_VERSION = "2.0"


class Level(str, enum.Enum):
    """How well a card documents one criterion (see the rubric in the README)."""

    COMPLETE = "complete"
    PARTIAL = "partial"
    ABSENT = "absent"
    CLOSED = "closed"
    #: The criterion does not apply to this card (lineage of a model that is not a derivative):
    #: shown as n/a and left out of the score.
    NOT_APPLICABLE = "n/a"

    def __str__(self) -> str:
        return self.value


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


class Tier(str, enum.Enum):
    """The openness hierarchy, from most to least open (see :data:`TIER_LADDER`)."""

    OPEN_REPRODUCIBLE = "open and reproducible"
    OPEN_WEIGHTS = "open weights"
    WEIGHTS_AVAILABLE = "weights available"
    RECIPE_ONLY = "recipe only"
    CLOSED = "closed"

    def __str__(self) -> str:
        return self.value


#: Each tier with the condition a card must meet for it; a card gets the first tier whose condition holds.
TIER_LADDER: tuple[tuple[Tier, str], ...] = (
    (Tier.OPEN_REPRODUCIBLE, "all five criteria complete: architecture, weights, training data, training method, hyperparameters"),
    (Tier.OPEN_WEIGHTS, "architecture and weights complete (downloadable under a stated license)"),
    (
        Tier.WEIGHTS_AVAILABLE,
        "weights at least partial: downloadable, but with a restrictive or unstated license, gated, or with the architecture documented only in part",
    ),
    (Tier.RECIPE_ONLY, "training data, training method and hyperparameters complete, but no downloadable weights"),
    (Tier.CLOSED, "no downloadable weights (withheld, API only or not mentioned) and no full recipe"),
)


@dataclass(frozen=True)
class Code:
    """One finding code a rule can emit, e.g. ``RL101`` / ``architecture-missing``."""

    code: str
    slug: str
    summary: str
    severity: Severity = Severity.ERROR


@dataclass(frozen=True)
class Evidence:
    """A line that supports a verdict, and which required element it satisfies.

    ``file`` is None for the card itself; otherwise the release file the line comes from
    (``config.json``, ``model.safetensors``), as shown to the user. ``line`` 0 means the whole file
    (a weight file has no lines).
    """

    line: int
    text: str
    element: str
    file: Optional[str] = None

    @property
    def where(self) -> str:
        """``line 12`` for the card, ``config.json:3`` or ``model.safetensors`` for a release file."""
        if self.file is None:
            return f"line {self.line}"
        return f"{self.file}:{self.line}" if self.line > 0 else self.file

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"line": self.line, "text": self.text, "element": self.element}
        if self.file is not None:
            out["file"] = self.file  # a release file; absent for the card
        return out


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
    #: Other places the finding quotes, as (file, line): the release file a card claim disagrees with.
    related: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "slug": self.slug,
            "severity": self.severity.value,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "rule": self.rule,
            "suppressed": self.suppressed,
        }
        if self.related:
            out["related"] = [{"file": file, "line": line} for file, line in self.related]
        return out


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
    ``findings_only``: the verdict's findings are reported, its level is not (no criterion row, no score).
    """

    name: str
    criterion: str
    codes: tuple[Code, ...]
    check: Callable[..., Verdict]  # check(card), or check(card, verdicts) with needs_verdicts
    doc: str = ""
    weight: float = 1.0
    api_version: int = RULE_API_VERSION
    plugin: str = ""
    needs_verdicts: bool = False
    opt_in: bool = False
    #: The rule only reports findings (e.g. claims against a release's files): it adds no criterion
    #: to the table, the score or the tier.
    findings_only: bool = False

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
    gate_reasons: list[str] = field(default_factory=list)  # why the gate failed (empty when it passed)
    internal_error: bool = False
    tier_reasons: list[str] = field(default_factory=list)  # why the card got its tier, one phrase each
    gate_summary: str = ""  # the gate's outcome in one line: "failed — …" or "passed (…)"
    #: For a release (folder or Hub id): the files read, and what could not be read (one line each).
    files_examined: list[str] = field(default_factory=list)
    not_read: list[str] = field(default_factory=list)

    @property
    def active_findings(self) -> list[Finding]:
        return [f for f in self.findings if not f.suppressed]

    def gate_text(self) -> str:
        """The engine's one-line gate outcome (for a hand-made result without one: failed/passed and the reasons)."""
        if self.gate_summary:
            return self.gate_summary
        return "failed — " + "; ".join(self.gate_reasons) if self.gate_failed else "passed"

    def to_dict(self) -> dict[str, Any]:
        """This result as one entry of the JSON report's ``files`` array (docs/json-schema.md)."""
        out: dict[str, Any] = {
            "path": self.path,
            "score": self.score,
            "tier": self.tier.value,
            "tier_reasons": list(self.tier_reasons),
            "gate": {"passed": not self.gate_failed, "reasons": list(self.gate_reasons), "summary": self.gate_text()},
            "criteria": {
                name: {
                    "level": c.level.value,
                    "score": c.score,
                    "weight": c.weight,
                    "rule": c.rule,
                    "missing": list(c.missing),
                    "evidence": [e.to_dict() for e in c.evidence],
                }
                for name, c in self.criteria.items()
            },
            "findings": [f.to_dict() for f in self.findings],
        }
        if self.files_examined or self.not_read:  # a release (folder or Hub model), not a card alone
            out["release"] = {"files_examined": list(self.files_examined), "not_read": list(self.not_read)}
        return out


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
