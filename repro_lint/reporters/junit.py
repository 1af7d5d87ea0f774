"""JUnit XML for CI systems that render test reports (GitLab, Jenkins, Azure, CircleCI …).

One ``<testsuite>`` per card; in it one ``<testcase>`` per criterion, which fails when the criterion
has an active error finding (warnings go to ``<system-out>``), and a ``gate`` test case that fails
when the card failed the gate (its reasons as the message) and holds findings of no criterion, such
as invalid front matter. A crashed rule is an ``<error>``. Cards that could not be read are error
test cases of a final ``repro-lint`` suite.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Optional

from ..results import FileResult, Finding, Report, Severity
from ._common import findings_by_criterion, gate_text, relative_path, tier_text

#: Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RULE_ERROR = "RL001"


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _finding_line(f: Finding) -> str:
    return f"line {f.line}, column {f.column}: {f.code} {f.message} [{f.slug}] ({f.severity.value})"


def _case(suite: ET.Element, classname: str, name: str, path: str, line: Optional[int] = None) -> ET.Element:
    case = ET.SubElement(suite, "testcase", {"classname": _x(classname), "name": _x(name), "file": _x(path)})
    if line is not None:
        case.set("line", str(line))
    return case


def _fail(case: ET.Element, tag: str, findings: list[Finding], message: str, kind: str) -> None:
    element = ET.SubElement(case, tag, {"message": _x(message), "type": _x(kind)})
    element.text = _x("\n".join(_finding_line(f) for f in findings)) if findings else _x(message)


def _suite(root: ET.Element, result: FileResult) -> tuple[int, int]:
    path = relative_path(result.path)
    suite = ET.SubElement(root, "testsuite", {"name": _x(path)})
    props = ET.SubElement(suite, "properties")
    for key, value in (
        ("score", f"{result.score:g}"),
        ("tier", result.tier.value),
        ("tier_reasons", "; ".join(result.tier_reasons)),
        ("gate", "failed" if result.gate_failed else "passed"),
        ("gate_reasons", "; ".join(result.gate_reasons)),
        ("gate_summary", gate_text(result)),
    ):
        ET.SubElement(props, "property", {"name": key, "value": _x(value)})
    grouped, other = findings_by_criterion(result)
    failures = errors = 0
    for name, crit in result.criteria.items():
        found = grouped[name]
        case = _case(suite, path, name, path, found[0].line if found else None)
        failing = [f for f in found if f.severity == Severity.ERROR]
        if failing:
            _fail(case, "failure", failing, f"{failing[0].code} {failing[0].message}", failing[0].code)
            failures += 1
        out = [f"{name}: {crit.level.value}, score {crit.score:.2f}"]
        out += [f"evidence {e.where} ({e.element}): {' '.join(e.text.split())}" for e in crit.evidence]
        out += [_finding_line(f) for f in found if f.severity != Severity.ERROR]
        ET.SubElement(case, "system-out").text = _x("\n".join(out))
    gate = _case(suite, path, "gate", path)
    crashed = [f for f in other if f.code == _RULE_ERROR]
    if crashed:
        _fail(gate, "error", crashed, f"{crashed[0].code} {crashed[0].message}", crashed[0].code)
        errors += 1
    elif result.gate_failed:
        _fail(gate, "failure", [], "; ".join(result.gate_reasons), "gate")
        failures += 1
    out = [f"Score: {result.score:g}/100 ({result.tier.value})", f"Tier: {tier_text(result)}"]
    out += [f"Gate: {gate_text(result)}"] + [_finding_line(f) for f in other if f.code != _RULE_ERROR]
    ET.SubElement(gate, "system-out").text = _x("\n".join(out))
    tests = len(result.criteria) + 1
    suite.attrib.update({"tests": str(tests), "failures": str(failures), "errors": str(errors), "skipped": "0"})
    return failures, errors


def render(report: Report, **_: object) -> str:
    root = ET.Element("testsuites", {"name": "repro-lint"})
    tests = failures = errors = 0
    for result in report.files:
        f, e = _suite(root, result)
        failures, errors, tests = failures + f, errors + e, tests + len(result.criteria) + 1
    if report.errors:
        suite = ET.SubElement(root, "testsuite", {"name": "repro-lint"})
        for message in report.errors:
            case = ET.SubElement(suite, "testcase", {"classname": "repro-lint", "name": _x(message.split(":", 1)[0])})
            ET.SubElement(case, "error", {"message": _x(message), "type": "input"}).text = _x(message)
        n = len(report.errors)
        suite.attrib.update({"tests": str(n), "failures": "0", "errors": str(n), "skipped": "0"})
        tests, errors = tests + n, errors + n
    root.attrib.update({"tests": str(tests), "failures": str(failures), "errors": str(errors)})
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
