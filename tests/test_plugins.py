"""Rule plugins: discovery, listing, disabling, and one-line errors (exit 2) for broken plugins."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from repro_lint import Code, Level, Rule, Verdict, hookimpl, hookspecs, plugins
from repro_lint.cli import main
from repro_lint.testing import lint_string

BUILTIN = {"architecture", "weights", "training_data", "training_method", "hyperparameters"}

ACME_DOC = """Acme policy.

What it checks
  Nothing.

Why it matters
  Tests.

Example
  # Card

Fix
  Nothing.
"""


def acme_rule(code: str = "ACME101", criterion: str = "acme_policy", name: str = "acme_policy", **changes: Any) -> Rule:
    codes = (Code(code, f"acme-policy-{code[-3:]}", "An Acme policy is not met."),)
    rule = Rule(name=name, criterion=criterion, codes=codes, check=lambda card: Verdict(Level.COMPLETE, 1.0), doc=ACME_DOC)
    return replace(rule, **changes)


class RulesPlugin:
    def __init__(self, *rules: Rule) -> None:
        self.rules = list(rules)

    @hookimpl
    def repro_lint_rules(self) -> list[Rule]:
        return self.rules


class WrongArguments:
    @hookimpl
    def repro_lint_rules(self, config):  # type: ignore[no-untyped-def]
        return []


class Misspelled:
    @hookimpl
    def repro_lint_rule(self) -> list[Rule]:
        return [acme_rule()]


class Unmarked:
    def repro_lint_rules(self) -> list[Rule]:
        return [acme_rule()]


@dataclass
class FakeDist:
    name: str
    version: str = "1.2.3"
    metadata: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.metadata = {"Name": self.name, "Version": self.version}


@dataclass
class FakeEntryPoint:
    name: str
    plugin: Any
    dist: FakeDist

    def load(self) -> Any:
        if isinstance(self.plugin, Exception):
            raise self.plugin
        return self.plugin


@pytest.fixture
def install(monkeypatch):
    """Install fake third-party plugins next to the real entry points: install(name, plugin, package)."""
    real = plugins._entry_points
    fakes: list[FakeEntryPoint] = []
    monkeypatch.setattr(plugins, "_entry_points", lambda: real() + fakes)
    monkeypatch.delenv("REPRO_LINT_DISABLE_PLUGINS", raising=False)
    monkeypatch.delenv("REPRO_LINT_LOAD_PLUGINS", raising=False)

    def add(name: str, plugin: Any, package: str = "acme-rules") -> None:
        fakes.append(FakeEntryPoint(name, plugin, FakeDist(package)))

    return add


def test_the_built_in_rules_are_plugins_found_through_entry_points(install):
    loaded = plugins.load_rules()
    assert loaded.errors == []
    builtin = [p for p in loaded.plugins if p.package == "repro-lint"]
    assert {p.name for p in builtin} >= BUILTIN
    assert {r.criterion for r in loaded.rules} >= BUILTIN
    assert all(r.plugin == f"repro-lint[{r.plugin.split('[')[1]}" for r in loaded.rules)


def test_a_third_party_plugin_adds_a_rule_with_its_own_criterion_and_weight(install):
    install("acme", RulesPlugin(acme_rule(weight=0.25)))
    loaded = plugins.load_rules()
    assert loaded.errors == []
    (acme,) = [r for r in loaded.rules if r.name == "acme_policy"]
    assert acme.plugin == "acme-rules[acme]" and acme.weight == 0.25
    (info,) = [p for p in loaded.plugins if p.name == "acme"]
    assert (info.package, info.version, info.rules, info.error) == ("acme-rules", "1.2.3", ["acme_policy"], None)
    result = lint_string("# Card\n", rules=loaded.rules)
    assert result.criteria["acme_policy"].level == Level.COMPLETE


def test_list_plugins_shows_versions_rules_and_codes(install, capsys):
    install("acme", RulesPlugin(acme_rule()))
    assert main(["--list-plugins"]) == 0
    out = capsys.readouterr().out
    assert "acme  acme-rules 1.2.3  rules: acme_policy (ACME101)" in out.splitlines()
    assert "weights  repro-lint" in out


def test_list_plugins_as_json(install, capsys):
    install("acme", RulesPlugin(acme_rule(weight=0.5)))
    assert main(["--list-plugins", "--format", "json"]) == 0
    items = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    acme = items["acme"]
    assert (acme["package"], acme["version"], acme["status"], acme["error"]) == ("acme-rules", "1.2.3", "loaded", None)
    (rule,) = acme["rules"]
    assert (rule["name"], rule["criterion"], rule["weight"], rule["api_version"]) == ("acme_policy", "acme_policy", 0.5, 1)
    assert rule["codes"] == [{"code": "ACME101", "slug": "acme-policy-101", "severity": "error", "summary": "An Acme policy is not met."}]


def test_list_rules_as_json_names_rule_and_criterion(install, capsys):
    install("acme", RulesPlugin(acme_rule()))
    assert main(["--list-rules", "-f", "json"]) == 0
    items = {c["code"]: c for c in json.loads(capsys.readouterr().out)}
    assert items["ACME101"]["rule"] == "acme_policy" and items["ACME101"]["criterion"] == "acme_policy"
    assert items["RL001"]["rule"] == "engine" and items["RL001"]["criterion"] is None


@pytest.mark.parametrize("how", [["-p", "no:acme"], ["-p", "no:acme-rules"], ["-p", "no:Acme_Rules"], "env"])
def test_a_plugin_is_disabled_by_its_name_or_its_package(install, monkeypatch, capsys, how):
    install("acme", RulesPlugin(acme_rule()))
    if how == "env":
        monkeypatch.setenv("REPRO_LINT_DISABLE_PLUGINS", "other, acme")
        how = []
    assert main([*how, "--list-plugins"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "acme  acme-rules 1.2.3  rules: -  (disabled)" in lines
    assert main([*how, "--list-rules"]) == 0
    assert "ACME101" not in capsys.readouterr().out


def test_the_load_allow_list_limits_third_party_plugins_only(install, monkeypatch):
    install("acme", RulesPlugin(acme_rule()))
    install("beta", RulesPlugin(acme_rule("BETA101", "beta_policy", "beta_policy")), package="beta-rules")
    monkeypatch.setenv("REPRO_LINT_LOAD_PLUGINS", "beta")
    names = {r.name for r in plugins.load_rules().rules}
    assert names >= BUILTIN | {"beta_policy"} and "acme_policy" not in names
    monkeypatch.setenv("REPRO_LINT_LOAD_PLUGINS", "")
    names = {r.name for r in plugins.load_rules().rules}
    assert "acme_policy" not in names and "beta_policy" not in names and names >= BUILTIN


def lint_with_broken_setup(capsys, fixtures) -> list[str]:
    """Run a lint; assert exit 2, nothing linted, no traceback; return the stderr lines."""
    code = main([str(fixtures / "open-reproducible.md")])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == "" and "Traceback" not in err
    return err.splitlines()


def test_duplicate_codes_across_plugins_are_one_line_naming_both_plugins(install, capsys, fixtures):
    install("acme", RulesPlugin(acme_rule()))
    install("beta", RulesPlugin(acme_rule("ACME101", "beta_policy", "beta_policy")), package="beta-rules")
    (line,) = lint_with_broken_setup(capsys, fixtures)
    assert line == (
        "repro-lint: plugin beta-rules[beta]: rule 'beta_policy': "
        "duplicate code ACME101: already declared by rule acme_policy (acme-rules[acme]); "
        "duplicate slug 'acme-policy-101': already declared by rule acme_policy (acme-rules[acme])"
    )


def test_a_plugin_cannot_reuse_an_engine_or_built_in_code(install, capsys, fixtures):
    install("acme", RulesPlugin(acme_rule("RL001")))
    (line,) = lint_with_broken_setup(capsys, fixtures)
    assert "prefix RL, reserved for repro-lint" in line
    assert "duplicate code RL001: already declared by the engine" in line


def test_two_rules_cannot_judge_the_same_criterion(install, capsys, fixtures):
    install("acme", RulesPlugin(acme_rule(criterion="weights")))
    (line,) = lint_with_broken_setup(capsys, fixtures)
    assert "duplicate criterion 'weights': already declared by rule weights (repro-lint[weights])" in line


def test_a_hook_implementation_that_does_not_match_the_spec(install, capsys, fixtures):
    install("acme", WrongArguments())
    (line,) = lint_with_broken_setup(capsys, fixtures)
    assert line.startswith("repro-lint: plugin acme-rules[acme]: hook implementation does not match the specification: ")
    assert "repro_lint_rules(config)" in line


def test_an_unknown_hook_is_caught_by_check_pending(install, capsys, fixtures):
    install("acme", Misspelled())
    (line,) = lint_with_broken_setup(capsys, fixtures)
    assert line == "repro-lint: plugin acme-rules[acme]: unknown hook 'repro_lint_rule' (known hooks: repro_lint_rules)"


def test_a_plugin_without_any_hook_implementation(install, capsys, fixtures):
    install("acme", Unmarked())
    (line,) = lint_with_broken_setup(capsys, fixtures)
    assert line == "repro-lint: plugin acme-rules[acme]: implements no repro-lint hook (decorate repro_lint_rules with @repro_lint.hookimpl)"


def test_a_plugin_that_fails_to_import_is_one_line_and_the_others_are_still_listed(install, capsys):
    install("acme", SyntaxError("invalid syntax\n  line two"))
    assert main(["--list-plugins"]) == 2
    out, err = capsys.readouterr()
    assert err == "repro-lint: plugin acme-rules[acme] failed to load: SyntaxError: invalid syntax; line two\n"
    assert "weights  repro-lint" in out


def test_two_packages_cannot_share_a_plugin_name(install, capsys, fixtures):
    install("weights", RulesPlugin(acme_rule()))
    (line,) = lint_with_broken_setup(capsys, fixtures)
    assert "plugin acme-rules[weights]: the plugin name 'weights' is already used by repro-lint[weights]" in line


@pytest.mark.parametrize(
    "rule, message",
    [
        (acme_rule(api_version=2), "targets rule API version 2; this repro-lint supports 1"),
        (acme_rule("acme-1"), "code 'acme-1' must be 1-4 capital letters and 2-4 digits"),
        (acme_rule(criterion="Acme Policy"), "criterion 'Acme Policy' must be lower-case"),
        (acme_rule(weight=-1), "weight -1 must be a finite number >= 0"),
        (acme_rule(weight=float("nan")), "weight nan must be a finite number >= 0"),
        (acme_rule(codes=()), "declares no finding code"),
        (acme_rule(check="not a function"), "check is not callable"),
    ],
)
def test_a_malformed_rule_declaration_is_refused(rule, message):
    loaded = plugins.load_rules(extra=[RulesPlugin(rule)], load_entrypoints=False)
    assert loaded.rules == []
    assert len(loaded.errors) == 1 and message in loaded.errors[0]


def test_a_hook_returning_something_else_than_rules(install, capsys, fixtures):
    class ReturnsDict:
        @hookimpl
        def repro_lint_rules(self):  # type: ignore[no-untyped-def]
            return {"acme": acme_rule()}

    install("acme", ReturnsDict())
    (line,) = lint_with_broken_setup(capsys, fixtures)
    assert line == "repro-lint: plugin acme-rules[acme]: repro_lint_rules must return a list of repro_lint.Rule objects"


def test_every_hook_is_documented_with_its_contract_and_in_the_guide():
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[1] / "docs" / "plugins.md").read_text(encoding="utf-8")
    hooks = [name for name in dir(hookspecs) if name.startswith("repro_lint_")]
    assert hooks == ["repro_lint_rules"]
    for name in hooks:
        assert "Contract" in (getattr(hookspecs, name).__doc__ or "")
        assert f"{name}()" in guide


def test_the_guides_worked_example_is_the_example_plugins_code():
    """docs/plugins.md quotes whole files of examples/repro-lint-carbon; they must not drift apart."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    guide = (root / "docs" / "plugins.md").read_text(encoding="utf-8")
    quoted = re.findall(r"<!-- source: (\S+) -->\n```\w*\n(.*?)```\n", guide, re.S)
    assert {path for path, _ in quoted} == {"examples/repro-lint-carbon/pyproject.toml", "examples/repro-lint-carbon/repro_lint_carbon.py"}
    for path, text in quoted:
        assert text == (root / path).read_text(encoding="utf-8"), f"docs/plugins.md is out of date for {path}"


def test_json_listing_reports_disabled_and_broken_plugins(install, capsys):
    install("acme", RulesPlugin(acme_rule()))
    install("beta", Misspelled(), package="beta-rules")
    assert main(["-p", "no:acme", "--list-plugins", "-f", "json"]) == 2
    items = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert (items["acme"]["status"], items["acme"]["error"], items["acme"]["rules"]) == ("disabled", None, [])
    assert items["beta"]["status"] == "error" and items["beta"]["error"].startswith("unknown hook 'repro_lint_rule'")
