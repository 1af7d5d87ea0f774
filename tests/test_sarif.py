"""SARIF 2.1.0: valid against the official schema, and filled the way GitHub code scanning needs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_reporters import RULES, sample_report

from repro_lint import reporters
from repro_lint.cli import main
from repro_lint.reporters.sarif import artifact_location

#: The official schema lives beside the repository, never inside it.
SCHEMA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "sarif-schema-2.1.0.json"


def _sarif(report=None) -> dict:
    return json.loads(reporters.render(report or sample_report(), "sarif"))


def _cli_sarif(capsys, fixtures, monkeypatch) -> dict:
    monkeypatch.chdir(fixtures)
    main(["api-only.md", "open-reproducible.md", "--format", "sarif", "--isolated"])
    return json.loads(capsys.readouterr().out)


def test_sarif_is_valid_against_the_official_schema(capsys, fixtures, monkeypatch):
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA} is absent: the SARIF schema is only beside the repository in development and CI")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    for doc in (_sarif(), _cli_sarif(capsys, fixtures, monkeypatch)):
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]
        assert errors == []


def test_one_run_with_the_tool_driver_and_every_rule():
    log = _sarif()
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "repro-lint" and driver["semanticVersion"]
    ids = [r["id"] for r in driver["rules"]]
    assert {c.code for rule in RULES for c in rule.codes} <= set(ids)
    assert {"RL001", "RL002", "RL003"} <= set(ids)  # the engine's own codes
    for rule in driver["rules"]:
        assert rule["name"] and rule["name"][0].isupper() and "-" not in rule["name"]
        for key in ("shortDescription", "fullDescription"):
            assert 0 < len(rule[key]["text"]) <= 1024  # GitHub's limit
        assert rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_rule_help_is_the_rule_documentation():
    (run,) = _sarif()["runs"]
    by_id = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert by_id["RL301"]["help"]["text"].startswith("RL3xx training_data: is it documented?")
    assert by_id["RL301"]["shortDescription"]["text"] == "The card does not document the training_data."
    assert by_id["RL302"]["defaultConfiguration"]["level"] == "warning"


def test_results_point_at_a_relative_uri_and_a_region():
    (run,) = _sarif()["runs"]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["RL002", "RL202", "RL301", "RL101"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "models/acme-7b/README.md"
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        region = physical["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region["endLine"] == region["startLine"] and region["endColumn"] > region["startColumn"]
    assert results[2]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 3


def test_suppressed_findings_carry_an_in_source_suppression():
    (run,) = _sarif()["runs"]
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == ["RL101"]
    assert suppressed[0]["suppressions"] == [{"kind": "inSource"}]


def test_score_and_tier_per_file_in_properties():
    (run,) = _sarif()["runs"]
    assert run["properties"]["files"] == [
        {
            "uri": "models/acme-7b/README.md",
            "score": 50.0,
            "tier": "weights available",
            "tierReasons": ["weights are documented in part", "not open weights: weights are partial (missing download location)"],
            "gatePassed": False,
            "gateReasons": ["1 error finding", "score 50 is under 60"],
            "gateSummary": "failed — 1 error finding; score 50 is under 60",
        },
        {
            "uri": "cards/model_card.md",
            "score": 100.0,
            "tier": "open weights",
            "tierReasons": ["architecture and weights are complete"],
            "gatePassed": True,
            "gateReasons": [],
            "gateSummary": "passed (no error findings)",
        },
    ]
    first = run["artifacts"][0]["properties"]
    assert first["criteria"]["training_data"] == {"level": "closed", "score": 0.0}


def test_unreadable_cards_are_tool_notifications(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = main(["missing.md", "--format", "sarif", "--isolated"])
    (run,) = json.loads(capsys.readouterr().out)["runs"]
    assert code == 2
    assert run["invocations"][0]["executionSuccessful"] is False
    assert "missing.md" in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_uris_are_relative_to_the_working_directory_and_percent_encoded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert artifact_location(str(tmp_path / "models" / "my card.md")) == {"uri": "models/my%20card.md", "uriBaseId": "%SRCROOT%"}
    assert artifact_location("./README.md") == {"uri": "README.md", "uriBaseId": "%SRCROOT%"}
    outside = artifact_location(str(tmp_path.parent / "other.md"))
    assert outside["uri"].startswith("file:///") and "uriBaseId" not in outside


def test_cli_sarif_covers_both_cards_with_scores(capsys, fixtures, monkeypatch):
    (run,) = _cli_sarif(capsys, fixtures, monkeypatch)["runs"]
    files = {f["uri"]: f for f in run["properties"]["files"]}
    assert set(files) == {"api-only.md", "open-reproducible.md"}
    assert all(0 <= f["score"] <= 100 and f["tier"] for f in files.values())
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} <= set(files)
