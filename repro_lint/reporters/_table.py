"""One flat row per card for the tabular formats (csv, parquet): the documented audit columns.

Columns, in order: ``path``, ``score``, ``tier``, ``gate_passed``, ``gate_reasons`` (joined with
``"; "``), then for each criterion the run checks ``<criterion>_level`` and ``<criterion>_score``,
then ``findings_<severity>`` for each severity (active findings) and ``findings_suppressed``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..results import FileResult, Severity

Value = str | float | int | bool | None

BASE_COLUMNS: tuple[str, ...] = ("path", "score", "tier", "gate_passed", "gate_reasons")


def columns(criteria: Sequence[str]) -> list[str]:
    out = list(BASE_COLUMNS)
    for name in criteria:
        out += [f"{name}_level", f"{name}_score"]
    out += [f"findings_{s.value}" for s in Severity] + ["findings_suppressed"]
    return out


def row(result: FileResult, criteria: Sequence[str]) -> dict[str, Value]:
    out: dict[str, Value] = {
        "path": result.path,
        "score": float(result.score),
        "tier": result.tier.value,
        "gate_passed": not result.gate_failed,
        "gate_reasons": "; ".join(result.gate_reasons),
    }
    for name in criteria:
        crit = result.criteria.get(name)
        out[f"{name}_level"] = crit.level.value if crit else None
        out[f"{name}_score"] = float(crit.score) if crit else None
    active = result.active_findings
    for severity in Severity:
        out[f"findings_{severity.value}"] = sum(1 for f in active if f.severity == severity)
    out["findings_suppressed"] = len(result.findings) - len(active)
    return out


def arrow_type(column: str) -> Any:
    """The Arrow type of an audit column (for the Parquet schema)."""
    import pyarrow as pa  # type: ignore[import-untyped]  # pyarrow ships no type hints

    if column == "gate_passed":
        return pa.bool_()
    if column == "score" or column.endswith("_score"):
        return pa.float64()
    if column.startswith("findings_"):
        return pa.int64()
    return pa.string()
