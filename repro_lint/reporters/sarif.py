"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One ``run``: the tool driver lists every code the run could report (engine codes and every rule's
codes) with the owning rule's documentation as help; each finding is a result with a relative URI
(``uriBaseId`` ``%SRCROOT%``) and a region. Suppressed findings are kept with an ``inSource``
suppression. Each linted card is an ``artifact`` whose properties carry its score, tier and gate;
``run.properties.files`` repeats them per card for consumers that read only the run's property bag.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from ..results import FileResult, Finding, Report, Severity
from ._common import CodeInfo, code_catalog, gate_text, relative_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_PROBLEM_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}
_WORD = re.compile(r"[A-Za-z0-9]+")
#: GitHub accepts at most this many characters in short and full descriptions.
_DESCRIPTION_LIMIT = 1024


def _pascal(slug: str) -> str:
    """``training-data-missing`` → ``TrainingDataMissing`` (SARIF rule names are identifiers)."""
    return "".join(w[:1].upper() + w[1:] for w in _WORD.findall(slug))


def _clip(text: str) -> str:
    return text if len(text) <= _DESCRIPTION_LIMIT else text[: _DESCRIPTION_LIMIT - 1] + "…"


def artifact_location(path: str) -> dict[str, Any]:
    """A relative URI under ``%SRCROOT%``; an absolute path outside the working directory as a file URI."""
    if path.startswith("hf://"):  # a file of a model on the Hugging Face Hub
        return {"uri": quote(path, safe="/:@")}
    rel = relative_path(path)
    if rel.startswith("/"):
        return {"uri": "file://" + quote(rel)}
    return {"uri": quote(rel), "uriBaseId": SRCROOT}


def _descriptor(info: CodeInfo) -> dict[str, Any]:
    code = info.code
    return {
        "id": code.code,
        "name": _pascal(code.slug),
        "shortDescription": {"text": _clip(code.summary)},
        "fullDescription": {"text": _clip(f"{code.summary} {info.doc.splitlines()[0] if info.doc else ''}".strip())},
        "help": {"text": info.doc or code.summary},
        "defaultConfiguration": {"level": _LEVEL[code.severity]},
        "properties": {
            "slug": code.slug,
            "rule": info.rule_name,
            "tags": [info.criterion, code.slug],
            "problem.severity": _PROBLEM_SEVERITY[code.severity],
        },
    }


def _result(f: Finding, file_index: int, location: dict[str, Any], rule_index: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {"ruleId": f.code}
    if f.code in rule_index:
        out["ruleIndex"] = rule_index[f.code]
    out["level"] = _LEVEL[f.severity]
    out["message"] = {"text": f.message}
    out["locations"] = [
        {
            "physicalLocation": {
                "artifactLocation": {**location, "index": file_index},
                "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.line, "endColumn": f.column + 1},
            }
        }
    ]
    if f.related:  # the release file a card claim disagrees with
        out["relatedLocations"] = [
            {"id": k, "physicalLocation": {"artifactLocation": artifact_location(file), **({"region": {"startLine": line}} if line > 0 else {})}}
            for k, (file, line) in enumerate(f.related)
            if not file.endswith(")")
        ]
    if f.suppressed:
        out["suppressions"] = [{"kind": "inSource"}]
    return out


def _file_properties(result: FileResult) -> dict[str, Any]:
    return {
        "score": result.score,
        "tier": result.tier.value,
        "tierReasons": list(result.tier_reasons),
        "gatePassed": not result.gate_failed,
        "gateReasons": list(result.gate_reasons),
        "gateSummary": gate_text(result),
        "criteria": {name: {"level": c.level.value, "score": c.score} for name, c in result.criteria.items()},
    }


def sarif_log(report: Report) -> dict[str, Any]:
    from .. import __version__

    catalog = code_catalog(report.rules)
    rule_index = {info.code.code: i for i, info in enumerate(catalog)}
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for file in report.files:
        i = len(artifacts)
        location = artifact_location(file.path)
        artifacts.append({"location": location, "properties": _file_properties(file)})
        for examined in file.files_examined:  # the release's files read for evidence
            artifacts.append({"location": artifact_location(examined), "roles": ["analysisTarget"]})
        results.extend(_result(f, i, location, rule_index) for f in file.findings)
    invocation: dict[str, Any] = {"executionSuccessful": not (report.errors or report.internal_error)}
    if report.errors:
        invocation["toolExecutionNotifications"] = [{"level": "error", "message": {"text": e}} for e in report.errors]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "repro-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_descriptor(info) for info in catalog],
            }
        },
        "invocations": [invocation],
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {
            "files": [
                {
                    "uri": a["location"]["uri"],
                    "score": f.score,
                    "tier": f.tier.value,
                    "tierReasons": list(f.tier_reasons),
                    "gatePassed": not f.gate_failed,
                    "gateReasons": list(f.gate_reasons),
                    "gateSummary": gate_text(f),
                }
                for a, f in zip(artifacts, report.files)
            ]
        },
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, **_: object) -> str:
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=False) + "\n"
