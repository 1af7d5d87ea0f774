"""Every output format, from the same result objects.

Golden files pin the exact output for a report built by hand from ``repro_lint.results`` objects, so
they change only when a reporter changes (rerun with ``REPRO_LINT_UPDATE_GOLDEN=1`` to rewrite them
after an intended change, then review the diff). End-to-end tests run the command line on the
sample cards and check each format's structure, not the verdicts.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import repro_lint
from repro_lint import reporters
from repro_lint.cli import main
from repro_lint.reporters import github, markdown
from repro_lint.results import (
    Code,
    CriterionResult,
    Evidence,
    FileResult,
    Finding,
    Level,
    Report,
    Rule,
    Severity,
    Tier,
    Verdict,
)

GOLDEN = Path(__file__).resolve().parent / "golden"
SUFFIX = {"text": "txt", "json": "json", "sarif": "sarif", "github": "github.txt", "markdown": "md", "junit": "junit.xml", "gitlab": "gitlab.json"}


def _rule(criterion: str, prefix: str, slug: str) -> Rule:
    codes = (
        Code(f"{prefix}01", f"{slug}-missing", f"The card does not document the {criterion}.", Severity.ERROR),
        Code(f"{prefix}02", f"{slug}-incomplete", f"The card documents the {criterion} only in part.", Severity.WARNING),
    )
    doc = f"{prefix}xx {criterion}: is it documented?\n\nWhy it matters\n  Nobody can rebuild the model without it.\n"
    return Rule(criterion, criterion, codes, lambda card: Verdict(Level.ABSENT, 0.0), doc=doc, plugin="example")


RULES = [
    _rule("architecture", "RL1", "architecture"),
    _rule("weights", "RL2", "weights"),
    _rule("training_data", "RL3", "training-data"),
]


def _criterion(name: str, level: Level, score: float, evidence: tuple[Evidence, ...] = (), missing: tuple[str, ...] = ()) -> CriterionResult:
    return CriterionResult(name, level, score, 1.0, name, list(evidence), missing)


def sample_report() -> Report:
    """Two cards: one that fails the gate (with a suppressed finding) and one that passes."""
    weak = FileResult(
        path="models/acme-7b/README.md",
        score=50.0,
        tier=Tier.WEIGHTS_AVAILABLE,
        tier_reasons=["weights are documented in part", "not open weights: weights are partial (missing download location)"],
        criteria={
            "architecture": _criterion("architecture", Level.COMPLETE, 1.0, (Evidence(12, "| Layers | 32 |", "dimensions"),)),
            "weights": _criterion("weights", Level.PARTIAL, 0.5, (Evidence(2, "license: apache-2.0", "license"),), ("download location",)),
            "training_data": _criterion("training_data", Level.CLOSED, 0.0, missing=("named sources", "size")),
        },
        findings=[
            Finding("RL002", "invalid-front-matter", "Front matter ignored: bad indentation.", 1, 1, Severity.WARNING, "engine"),
            Finding("RL202", "weights-incomplete", "Weights documented only in part; add a download location.", 2, 1, Severity.WARNING, "weights"),
            Finding(
                "RL301", "training-data-missing", 'No training data documented, only "proprietary, 100% in-house".', 20, 3, Severity.ERROR, "training_data"
            ),
            Finding("RL101", "architecture-missing", "Suppressed on purpose.", 30, 1, Severity.ERROR, "architecture", suppressed=True),
        ],
        gate_failed=True,
        gate_reasons=["1 error finding", "score 50 is under 60"],
        gate_summary="failed — 1 error finding; score 50 is under 60",
    )
    strong = FileResult(
        path="cards/model_card.md",
        score=100.0,
        tier=Tier.OPEN_WEIGHTS,
        tier_reasons=["architecture and weights are complete"],
        gate_summary="passed (no error findings)",
        criteria={
            "architecture": _criterion("architecture", Level.COMPLETE, 1.0, (Evidence(5, "A decoder-only transformer, 7B parameters.", "model type"),)),
            "weights": _criterion("weights", Level.COMPLETE, 1.0, (Evidence(9, "Download: https://huggingface.co/acme/acme-7b", "download location"),)),
            "training_data": _criterion("training_data", Level.COMPLETE, 1.0, (Evidence(14, "Trained on <b>C4</b> *only*", "named sources"),)),
        },
    )
    return Report(files=[weak, strong], rules=list(RULES))


@pytest.fixture
def pinned_version(monkeypatch):
    monkeypatch.setattr(repro_lint, "__version__", "0.0.0")


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_golden_output(fmt, pinned_version):
    rendered = reporters.render(sample_report(), fmt)
    golden = GOLDEN / f"report.{SUFFIX[fmt]}"
    if os.environ.get("REPRO_LINT_UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8", newline="")
        pytest.skip(f"rewrote {golden.name}")
    assert rendered == golden.read_text(encoding="utf-8")


def test_every_format_has_a_golden_test():
    assert set(reporters.FORMATS) == set(SUFFIX)


def test_reporters_do_not_change_the_results(pinned_version):
    report = sample_report()
    before = repr(report)
    for fmt in reporters.FORMATS:
        reporters.render(report, fmt)
    assert repr(report) == before


# GitHub workflow commands


def test_github_data_escapes_percent_cr_and_lf():
    assert github.escape_data("100%\r\nnext") == "100%25%0D%0Anext"


def test_github_property_also_escapes_colon_and_comma():
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotation_line_shape():
    line = github.annotation("error", "bad: 50%\nreally", file="dir/a,b.md", line=3, col=1, title="repro-lint RL301 (x)")
    assert line == "::error file=dir/a%2Cb.md,line=3,col=1,title=repro-lint RL301 (x)::bad: 50%25%0Areally"


def test_github_severity_maps_to_command(pinned_version):
    lines = reporters.render(sample_report(), "github").splitlines()
    commands = [line.split(" ", 1)[0] for line in lines if line.startswith("::")]
    # the suppressed finding is not annotated; the failed gate is, with its reasons
    assert commands == ["::warning", "::warning", "::error", "::error"]
    assert lines[6].startswith("::error ") and lines[6].endswith("Gate: failed — 1 error finding; score 50 is under 60")


@given(st.text())
def test_github_escaping_round_trips_and_keeps_one_line(text):
    def unescape(value: str) -> str:  # what the runner does
        for encoded, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
            value = value.replace(encoded, char)
        return value

    for escaped in (github.escape_data(text), github.escape_property(text)):
        assert "\n" not in escaped and "\r" not in escaped
        assert unescape(escaped) == text
    assert not set(":,") & set(github.escape_property(text))


# Markdown


@given(st.text())
def test_markdown_escape_never_ends_a_cell_or_a_line(text):
    escaped = markdown.escape(text)
    assert "\n" not in escaped
    assert re.search(r"(?<!\\)(?:\\\\)*\|", escaped) is None  # every | is backslash-escaped


def test_markdown_escapes_card_text_that_would_break_a_table():
    assert markdown.escape("| a <b> *c* @d\nnext") == r"\| a \<b\> \*c\* \@d next"


def test_markdown_lists_every_card_and_criterion(pinned_version):
    text = reporters.render(sample_report(), "markdown")
    assert text.startswith(markdown.MARKER)
    assert "| models/acme-7b/README.md | 50/100 | weights available | ❌ failed | 3 |" in text
    assert "| cards/model\\_card.md | 100/100 | open weights | ✅ passed | 0 |" in text
    assert text.count("| training\\_data |") == 2


# End to end: the command line on the sample cards, one combined report per run


def _parse(fmt: str, text: str) -> object:
    if fmt in ("json", "sarif", "gitlab"):
        return json.loads(text)
    if fmt == "junit":
        return ET.fromstring(text)
    return text


def _cards_in(fmt: str, doc: object) -> list[str]:
    """The card paths a parsed report covers, read the way a consumer of that format would."""
    if fmt == "json":
        return [f["path"] for f in doc["files"]]  # type: ignore[index]
    if fmt == "sarif":
        (run,) = doc["runs"]  # type: ignore[index]
        return [a["location"]["uri"] for a in run["artifacts"]]
    if fmt == "junit":
        return [s.get("name") for s in doc.iter("testsuite")]  # type: ignore[attr-defined]
    if fmt == "gitlab":
        return sorted({issue["location"]["path"] for issue in doc})  # type: ignore[attr-defined, index]
    if fmt == "markdown":
        return [line[4:] for line in str(doc).splitlines() if line.startswith("### ")]
    return sorted({line.split(": Score: ")[0] for line in str(doc).splitlines() if ": Score: " in line})


CARDS = ("api-only.md", "open-weights.md")


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_cli_writes_one_combined_report_for_several_cards(fmt, capsys, tmp_path, fixtures, monkeypatch):
    monkeypatch.chdir(fixtures)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    target = tmp_path / f"report.{SUFFIX[fmt]}"
    code = main([*CARDS, "--format", fmt, "--output-file", str(target), "--isolated"])
    assert code == 1  # the API-only card fails the gate
    assert capsys.readouterr().out == ""
    doc = _parse(fmt, target.read_text(encoding="utf-8"))
    if fmt == "text":
        assert "Found " in str(doc) and " in 2 cards" in str(doc)
    else:
        assert sorted(_cards_in(fmt, doc)) == sorted(CARDS)


def test_cli_junit_has_a_test_case_per_criterion_per_card(capsys, fixtures, monkeypatch):
    monkeypatch.chdir(fixtures)
    main([*CARDS, "--format", "junit", "--isolated"])
    root = ET.fromstring(capsys.readouterr().out)
    for suite in root.iter("testsuite"):
        names = [case.get("name") for case in suite.iter("testcase")]
        assert names == ["architecture", "weights", "training_data", "training_method", "hyperparameters", "gate"]
        assert int(suite.get("tests")) == len(names)
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in root.iter("testsuite"))


def test_cli_github_format_appends_a_step_summary(capsys, tmp_path, fixtures, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.chdir(fixtures)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code = main(["api-only.md", "--format", "github", "--isolated"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("::error file=api-only.md,line=")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n" + markdown.MARKER)
    assert "| criterion | level | score | evidence |" in text and "api-only.md" in text


def test_cli_other_formats_leave_the_step_summary_alone(capsys, tmp_path, fixtures, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    main([str(fixtures / "api-only.md"), "--format", "sarif", "--isolated"])
    capsys.readouterr()
    assert not summary.exists()


# The JSON schema document lists exactly the fields the JSON report has


def _key_paths(value: object, prefix: str) -> set[str]:
    paths = {prefix} if prefix else set()
    if isinstance(value, dict):
        for key, item in value.items():
            name = "*" if prefix.endswith(".criteria") else key
            paths |= _key_paths(item, f"{prefix}.{name}" if prefix else name)
    elif isinstance(value, list):
        for item in value:
            paths |= _key_paths(item, f"{prefix}[]")
    return paths


def test_json_schema_document_lists_every_field(pinned_version):
    doc = (Path(__file__).resolve().parents[1] / "docs" / "json-schema.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([\w.*\[\]]+)` \|", doc, re.M))
    produced = _key_paths(json.loads(reporters.render(sample_report(), "json")), "")
    # a release folder adds the release fields (evidence files, files examined, related locations)
    from repro_lint.plugins import load_rules
    from repro_lint.runner import RunOptions, run

    release = Path(__file__).resolve().parents[1] / "fixtures" / "releases" / "claims-mismatch"
    produced |= _key_paths(json.loads(reporters.render(run([str(release)], load_rules().rules, RunOptions()), "json")), "")
    assert documented == {p[:-2] if p.endswith("[]") else p for p in produced}
