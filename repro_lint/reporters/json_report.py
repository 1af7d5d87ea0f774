"""JSON report, schema version ``repro_lint.results.JSON_SCHEMA_VERSION`` (documented in docs/json-schema.md)."""

from __future__ import annotations

import json
from typing import Any

from ..results import JSON_SCHEMA_VERSION, FileResult, Report


def file_dict(result: FileResult) -> dict[str, Any]:
    """One entry of the ``files`` array (the result objects own the schema: ``FileResult.to_dict``)."""
    return result.to_dict()


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
