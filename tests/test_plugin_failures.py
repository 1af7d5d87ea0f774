"""Misbehaving rule plugins: each failure is one RL001 finding naming the plugin, the other rules
still run, and the exit code is 2.

Plugins are registered two ways: as objects through ``load_rules(extra=[...])``, and as a real
throwaway distribution (a ``*.dist-info`` folder with an entry point, on ``sys.path``) so that the
entry-point path, ``package[entry point]`` naming included, is exercised as in production.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any, Callable

import pytest

from repro_lint import Code, Level, Rule, Verdict, engine, hookimpl
from repro_lint.cli import main
from repro_lint.document import parse
from repro_lint.engine import lint_card
from repro_lint.plugins import load_rules
from repro_lint.results import Evidence, Finding

BUILT_IN = ("architecture", "weights", "training_data", "training_method", "hyperparameters")


def _rule(check: Callable[..., Any], name: str = "acme_policy") -> Rule:
    codes = (Code("ACME101", "acme-policy-missing", "The Acme policy is not met."),)
    return Rule(name=name, criterion=name, codes=codes, check=check, doc="Acme policy.")


class Plugin:
    """A plugin object providing one rule."""

    def __init__(self, check: Callable[..., Any]) -> None:
        self.rule = _rule(check)

    @hookimpl
    def repro_lint_rules(self) -> list[Rule]:
        return [self.rule]


def lint_with(check: Callable[..., Any], fixtures: Path):  # type: ignore[no-untyped-def]
    loaded = load_rules(extra=[Plugin(check)])
    assert loaded.errors == []
    card = parse((fixtures / "open-reproducible.md").read_text(encoding="utf-8"), "card.md")
    return lint_card(card, loaded.rules)


def rule_errors(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.message for f in result.findings if f.code == "RL001"]


def _raises(card: Any) -> Verdict:
    raise ValueError("boom\nsecond line")


def _hangs(card: Any) -> Verdict:
    while True:
        pass


def _prints(card: Any) -> Verdict:
    print("hello from a rule")
    return Verdict(Level.COMPLETE, 1.0)


def _exits(card: Any) -> Verdict:
    raise SystemExit(0)


def _recurses(card: Any) -> Verdict:
    return _recurses(card)


MISBEHAVIOUR = {
    "raises": (_raises, "raised ValueError: boom second line"),
    "returns None": (lambda card: None, "returned NoneType, not a Verdict"),
    "returns a dict": (lambda card: {"level": "complete"}, "returned dict, not a Verdict"),
    "returns a string score": (lambda card: Verdict(Level.COMPLETE, "high"), "returned a score of 'high', not a number in [0, 1]"),  # type: ignore[arg-type]
    "returns a NaN score": (lambda card: Verdict(Level.COMPLETE, float("nan")), "returned a score of nan, not a number in [0, 1]"),
    "returns a score above 1": (lambda card: Verdict(Level.COMPLETE, 2.0), "returned a score of 2.0, not a number in [0, 1]"),
    "returns a level string": (lambda card: Verdict("complete", 1.0), "returned a level of 'complete', not a Level"),  # type: ignore[arg-type]
    "returns a finding that is a string": (
        lambda card: Verdict(Level.PARTIAL, 0.5, findings=["missing"]),  # type: ignore[list-item]
        "returned a finding that is not a Finding",
    ),
    "returns a finding with a text line": (
        lambda card: Verdict(Level.PARTIAL, 0.5, findings=[Finding("ACME101", "acme-policy-missing", "m", "ten")]),  # type: ignore[arg-type]
        "returned a finding that is not a Finding with integer line",
    ),
    "returns evidence that is a tuple": (
        lambda card: Verdict(Level.PARTIAL, 0.5, evidence=[(3, "quote")]),  # type: ignore[list-item]
        "returned evidence that is not an Evidence",
    ),
    "prints to stdout": (_prints, "printed to standard output (rules must return data, not print)"),
    "calls sys.exit": (_exits, "called sys.exit(0)"),
    "recurses without end": (_recurses, "raised RecursionError"),
}


@pytest.mark.parametrize("behaviour", list(MISBEHAVIOUR))
def test_a_misbehaving_rule_is_one_rl001_finding_and_the_other_rules_still_run(behaviour, fixtures):
    check, expected = MISBEHAVIOUR[behaviour]
    result = lint_with(check, fixtures)
    (message,) = rule_errors(result)
    assert message.startswith("Rule acme_policy (<registered>[Plugin]) ")
    assert expected in message
    assert "\n" not in message
    assert result.internal_error
    assert result.criteria["acme_policy"].level == Level.ABSENT
    assert all(result.criteria[name].level == Level.COMPLETE for name in BUILT_IN)


def test_a_rule_that_hangs_is_stopped_at_its_time_budget(fixtures, monkeypatch):
    monkeypatch.setattr(engine, "RULE_TIME_BUDGET", 0.2)
    monkeypatch.setattr(engine, "RULE_TIME_PER_MIB", 0.0)
    result = lint_with(_hangs, fixtures)
    (message,) = rule_errors(result)
    assert message == "Rule acme_policy (<registered>[Plugin]) exceeded its time budget of 0.2 s."
    assert all(result.criteria[name].level == Level.COMPLETE for name in BUILT_IN)


def test_the_time_budget_grows_with_the_size_of_the_card(monkeypatch):
    monkeypatch.setattr(engine, "RULE_TIME_BUDGET", 0.1)
    monkeypatch.setattr(engine, "RULE_TIME_PER_MIB", 0.4)
    loaded = load_rules(extra=[Plugin(_hangs)], load_entrypoints=False)
    result = lint_card(parse("# Card\n\n" + "word " * 2**19, "big.md"), loaded.rules)  # 2.5 MiB
    assert rule_errors(result) == ["Rule acme_policy (<registered>[Plugin]) exceeded its time budget of 1.1 s."]


def test_a_well_behaved_rule_is_not_reported(fixtures):
    result = lint_with(lambda card: Verdict(Level.COMPLETE, 1.0, [Evidence(1, "x", "policy")]), fixtures)
    assert rule_errors(result) == [] and not result.internal_error


def test_a_rule_that_prints_does_not_corrupt_the_json_report(installed_plugin, fixtures, capsys):
    installed_plugin(
        "printer",
        """
        def check(card):
            print("{not json")
            return Verdict(Level.COMPLETE, 1.0)
    """,
    )
    code = main([str(fixtures / "open-reproducible.md"), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 2
    (finding,) = [f for f in report["files"][0]["findings"] if f["code"] == "RL001"]
    assert finding["message"] == "Rule printer_policy (acme-printer[printer]) printed to standard output (rules must return data, not print)."


# --- real installed plugins: the entry-point path ---------------------------------------------------

PLUGIN_MODULE = """
from repro_lint import Code, Level, Rule, Verdict, hookimpl

{body}

RULE = Rule(name="{name}_policy", criterion="{name}_policy", check=check, doc="Acme.",
            codes=(Code("ACME1{n:02d}", "{name}-policy-missing", "Not met."),))


@hookimpl
def repro_lint_rules():
    return [RULE]
"""


@pytest.fixture
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Install a throwaway plugin distribution ``acme-NAME`` with the entry point NAME."""
    monkeypatch.syspath_prepend(str(tmp_path))
    count = [0]

    def install(name: str, body: str, *, module_exists: bool = True) -> None:
        count[0] += 1
        module = f"acme_{name}_plugin"
        if module_exists:
            source = PLUGIN_MODULE.format(body=textwrap.dedent(body).strip(), name=name, n=count[0])
            (tmp_path / f"{module}.py").write_text(source, encoding="utf-8")
        info = tmp_path / f"acme_{name}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: acme-{name}\nVersion: 1.0\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(f"[repro_lint]\n{name} = {module}\n", encoding="utf-8")

    return install


def test_an_installed_rule_that_raises_exits_2_naming_the_package_and_entry_point(installed_plugin, fixtures, capsys):
    installed_plugin(
        "crashy",
        """
        def check(card):
            raise KeyError("model_index")
    """,
    )
    code = main([str(fixtures / "open-reproducible.md")])
    out, err = capsys.readouterr()
    assert code == 2
    assert "fixtures/open-reproducible.md:1:1: RL001 Rule crashy_policy (acme-crashy[crashy]) raised KeyError: 'model_index'. [rule-error]" in out
    assert "architecture     complete" in out and "Score: " in out
    assert "Traceback" not in out + err


def test_a_plugin_that_fails_to_import_is_reported_on_every_card_and_the_others_still_run(installed_plugin, fixtures, capsys):
    installed_plugin("ghost", "", module_exists=False)
    code = main([str(fixtures / "open-reproducible.md"), str(fixtures / "open-weights.md"), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 2
    assert err.splitlines() == ["repro-lint: plugin acme-ghost[ghost] failed to load: ModuleNotFoundError: No module named 'acme_ghost_plugin'"]
    report = json.loads(out)
    assert len(report["files"]) == 2
    for card in report["files"]:
        (finding,) = [f for f in card["findings"] if f["code"] == "RL001"]
        assert finding["message"] == ("Rule ghost (acme-ghost[ghost]) could not be loaded: ModuleNotFoundError: No module named 'acme_ghost_plugin'.")
        assert set(card["criteria"]) >= set(BUILT_IN)
        assert "" not in card["criteria"]
    assert report["files"][0]["score"] == 100


def test_a_plugin_that_raises_at_import_time_is_reported_the_same_way(installed_plugin, fixtures, capsys):
    installed_plugin(
        "explodes",
        """
        raise RuntimeError("cannot import")

        def check(card):
            return Verdict(Level.COMPLETE, 1.0)
    """,
    )
    code = main([str(fixtures / "open-reproducible.md")])
    out, err = capsys.readouterr()
    assert code == 2
    assert "RL001 Rule explodes (acme-explodes[explodes]) could not be loaded: RuntimeError: cannot import." in out
    assert err == "repro-lint: plugin acme-explodes[explodes] failed to load: RuntimeError: cannot import\n"


def test_crashed_plugins_are_reported_in_worker_processes_too(installed_plugin, fixtures, capsys):
    installed_plugin("ghost", "", module_exists=False)
    installed_plugin(
        "crashy",
        """
        def check(card):
            raise KeyError("model_index")
    """,
    )
    cards = [str(fixtures / "open-reproducible.md"), str(fixtures / "open-weights.md")]
    code = main([*cards, "--jobs", "2", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 2
    for card in report["files"]:
        messages = sorted(f["message"] for f in card["findings"] if f["code"] == "RL001")
        assert [m.split(")")[0] for m in messages] == ["Rule crashy_policy (acme-crashy[crashy]", "Rule ghost (acme-ghost[ghost]"]
