"""JSON report, schema version ``repro_lint.model.JSON_SCHEMA_VERSION`` (documented in docs/json-schema.md)."""

from __future__ import annotations

import json
from typing import Any

from ..model import JSON_SCHEMA_VERSION, FileResult, Report
from ._common import gate_text


def file_dict(result: FileResult) -> dict[str, Any]:
    return {
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
                "evidence": [{"line": e.line, "text": e.text, "element": e.element} for e in c.evidence],
            }
            for name, c in result.criteria.items()
        },
        "findings": [
            {
                "code": f.code,
                "slug": f.slug,
                "severity": f.severity.value,
                "line": f.line,
                "column": f.column,
                "message": f.message,
                "rule": f.rule,
                "suppressed": f.suppressed,
            }
            for f in result.findings
        ],
    }


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
