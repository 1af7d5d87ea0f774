"""GitLab Code Quality report: a JSON array of issues, one per active finding, plus one
``repro-lint/gate`` issue per card that failed the gate, naming the reasons.

Severity: error → ``major``, warning → ``minor``, info → ``info``. GitLab shows only the first issue
with a given fingerprint, so the fingerprint hashes the path, code, line, column and message (plus a
counter should two findings still coincide); it stays stable as long as the finding does.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..results import Report, Severity
from ._common import gate_text, relative_path, tier_text

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues(report: Report) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for result in report.files:
        path = relative_path(result.path)
        for f in result.active_findings:
            key = "\0".join((path, f.code, str(f.line), str(f.column), f.message))
            n = seen.get(key, 0)
            seen[key] = n + 1
            fingerprint = hashlib.sha256(f"{key}\0{n}".encode("utf-8")).hexdigest()
            out.append(
                {
                    "type": "issue",
                    "check_name": f"{f.code}/{f.slug}",
                    "description": f"{f.code} {f.message}",
                    "categories": ["Documentation"],
                    "severity": _SEVERITY[f.severity],
                    "fingerprint": fingerprint,
                    "location": {"path": path, "lines": {"begin": f.line, "end": f.line}},
                }
            )
        if result.gate_failed:  # one issue per card that failed the gate, with the reasons
            description = f"Gate: {gate_text(result)} (tier: {tier_text(result)})"
            key = "\0".join((path, "gate", description))
            out.append(
                {
                    "type": "issue",
                    "check_name": "repro-lint/gate",
                    "description": description,
                    "categories": ["Documentation"],
                    "severity": "major",
                    "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
                    "location": {"path": path, "lines": {"begin": 1, "end": 1}},
                }
            )
    return out


def render(report: Report, **_: object) -> str:
    return json.dumps(issues(report), indent=2, ensure_ascii=False) + "\n"
