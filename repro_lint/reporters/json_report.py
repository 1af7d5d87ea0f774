"""JSON report, schema version ``repro_lint.model.JSON_SCHEMA_VERSION`` (documented in docs/json-schema.md)."""

from __future__ import annotations

import json
from typing import Any

from ..model import JSON_SCHEMA_VERSION, Evidence, FileResult, Finding, Report
from ._common import gate_text


def _evidence(e: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {"line": e.line, "text": e.text, "element": e.element}
    if e.file is not None:
        out["file"] = e.file  # a release file; absent for the card
    return out


def _finding(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "code": f.code,
        "slug": f.slug,
        "severity": f.severity.value,
        "line": f.line,
        "column": f.column,
        "message": f.message,
        "rule": f.rule,
        "suppressed": f.suppressed,
    }
    if f.related:
        out["related"] = [{"file": file, "line": line} for file, line in f.related]
    return out


def file_dict(result: FileResult) -> dict[str, Any]:
    out = {
        "path": result.path,
        "score": result.score,
        "tier": result.tier.value,
        "tier_reasons": list(result.tier_reasons),
        "gate": {"passed": not result.gate_failed, "reasons": list(result.gate_reasons), "summary": gate_text(result)},
        "criteria": {
            name: {
                "level": c.level.value,
                "score": c.score,
                "weight": c.weight,
                "rule": c.rule,
                "missing": list(c.missing),
                "evidence": [_evidence(e) for e in c.evidence],
            }
            for name, c in result.criteria.items()
        },
        "findings": [_finding(f) for f in result.findings],
    }
    if result.files_examined or result.not_read:  # a release (folder or Hub model), not a card alone
        out["release"] = {"files_examined": list(result.files_examined), "not_read": list(result.not_read)}
    return out


def report_dict(report: Report) -> dict[str, Any]:
    from .. import __version__

    return {
        "version": JSON_SCHEMA_VERSION,
        "tool": {"name": "repro-lint", "version": __version__},
        "files": [file_dict(r) for r in report.files],
        "errors": list(report.errors),
    }


def render(report: Report, **_: object) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
