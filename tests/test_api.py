"""The Python API: ``repro_lint.lint`` / ``repro_lint.lint_text`` return the documented FileResult."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import repro_lint
from repro_lint.api import LintError, lint_card_text, make_settings
from repro_lint.cli import main
from repro_lint.results import FileResult, Level, Tier

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
#: Our sample card documents architecture and weights only: tier "open weights", score 40.
OPEN_WEIGHTS = FIXTURES / "open-weights.md"


def test_lint_a_path_gives_the_verdicts():
    result = repro_lint.lint(str(OPEN_WEIGHTS), isolated=True)
    assert isinstance(result, FileResult)
    assert result.tier == Tier.OPEN_WEIGHTS and result.score == 40.0
    assert result.criteria["weights"].level == Level.COMPLETE
    assert result.criteria["training_data"].level == Level.ABSENT


def test_to_dict_is_the_json_reports_file_entry(capsys, monkeypatch):
    monkeypatch.chdir(FIXTURES.parent)
    result = repro_lint.lint("fixtures/open-weights.md", isolated=True)
    main(["fixtures/open-weights.md", "-f", "json", "--isolated"])
    report = json.loads(capsys.readouterr().out)
    assert result.to_dict() == report["files"][0]


def test_lint_text_with_profile_and_settings():
    text = OPEN_WEIGHTS.read_text(encoding="utf-8")
    seed = repro_lint.lint_text(text, name="wren.md")
    assert seed.path == "wren.md" and set(seed.criteria) == {"architecture", "weights", "training_data", "training_method", "hyperparameters"}
    osai = repro_lint.lint_text(text, name="wren.md", profile="osai")
    assert set(osai.criteria) > set(seed.criteria)  # the profile's extra criteria are judged too
    strict = repro_lint.lint_text(text, name="wren.md", ignore=["RL3", "RL4", "RL5"], fail_under=50)
    assert strict.gate_failed and strict.gate_reasons == ["score 40 is under 50"]


def test_bad_calls_are_one_clear_error(tmp_path):
    with pytest.raises(TypeError, match="unknown setting"):
        repro_lint.lint_text("# card", colour="red")
    with pytest.raises(LintError, match="unknown profile"):
        repro_lint.lint_text("# card", profile="nope")
    with pytest.raises(LintError, match="no such file"):
        repro_lint.lint(str(tmp_path / "missing.md"))
    empty = tmp_path / "empty.md"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(LintError, match="empty file"):
        repro_lint.lint(str(empty))


def test_the_per_card_function_is_pure_and_picklable():
    text = OPEN_WEIGHTS.read_text(encoding="utf-8")
    settings = make_settings()
    function, args = pickle.loads(pickle.dumps((lint_card_text, ("wren.md", text, settings))))
    first = function(*args)
    again = pickle.loads(pickle.dumps(first))  # results travel back from workers too
    assert first.to_dict() == again.to_dict() == lint_card_text("wren.md", text, settings).to_dict()
