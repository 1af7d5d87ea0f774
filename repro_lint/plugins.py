"""The plugin manager: the only global-ish state in repro-lint, built on demand.

All rules, the built-in ones included, are found through the ``repro_lint`` entry-point group.
Plugins can be disabled with ``-p no:NAME`` or the ``REPRO_LINT_DISABLE_PLUGINS`` environment
variable (comma-separated entry-point names); ``REPRO_LINT_LOAD_PLUGINS`` (comma-separated) loads
only the named plugins.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

import pluggy

from . import hookspecs
from .model import RULE_API_VERSION, Rule

ENTRY_POINT_GROUP = "repro_lint"


class PluginError(Exception):
    """A plugin could not be loaded or declares something invalid (exit code 2)."""


@dataclass
class PluginInfo:
    name: str
    package: str
    version: str
    rules: list[str] = field(default_factory=list)
    error: Optional[str] = None


@dataclass
class LoadedRules:
    rules: list[Rule]
    plugins: list[PluginInfo]
    errors: list[str]  # plugins that failed to load or returned bad rules, as one-line messages


def _entry_points() -> list[Any]:
    from importlib.metadata import entry_points

    eps = entry_points()
    if hasattr(eps, "select"):
        return list(eps.select(group=ENTRY_POINT_GROUP))
    return list(eps.get(ENTRY_POINT_GROUP, []))  # Python 3.9


def _split_env(name: str) -> set[str]:
    return {p.strip() for p in os.environ.get(name, "").split(",") if p.strip()}


def plugin_manager(disabled: Iterable[str] = (), *, load_entrypoints: bool = True, extra: Iterable[Any] = ()) -> tuple[pluggy.PluginManager, list[PluginInfo], list[str]]:
    """Build a plugin manager; return it with the plugins found and load errors (never raises)."""
    pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    infos: list[PluginInfo] = []
    errors: list[str] = []
    off = set(disabled) | _split_env("REPRO_LINT_DISABLE_PLUGINS")
    only = _split_env("REPRO_LINT_LOAD_PLUGINS")
    if load_entrypoints:
        for ep in sorted(_entry_points(), key=lambda e: e.name):
            dist = getattr(ep, "dist", None)
            package = dist.metadata["Name"] if dist is not None else "?"
            version = dist.version if dist is not None else "?"
            info = PluginInfo(ep.name, package, version)
            infos.append(info)
            if ep.name in off or (only and ep.name not in only):
                info.error = "disabled"
                continue
            if pm.has_plugin(ep.name):
                continue
            try:
                module = ep.load()
                pm.register(module, name=ep.name)
            except Exception as exc:  # a broken third-party plugin must not crash the run
                info.error = f"{exc.__class__.__name__}: {exc}"
                errors.append(f"plugin {package}[{ep.name}] failed to load: {info.error}")
    for obj in extra:
        name = getattr(obj, "__name__", None) or obj.__class__.__name__
        pm.register(obj, name=name)
        infos.append(PluginInfo(name, "<registered>", "", []))
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        errors.append(f"plugin {exc.plugin!r} implements an unknown hook: {exc}")
    return pm, infos, errors


def load_rules(disabled: Iterable[str] = (), *, extra: Iterable[Any] = (), load_entrypoints: bool = True) -> LoadedRules:
    """Collect rules from every plugin, each call inside its own error boundary."""
    pm, infos, errors = plugin_manager(disabled, load_entrypoints=load_entrypoints, extra=extra)
    by_name = {i.name: i for i in infos}
    rules: list[Rule] = []
    codes: dict[str, str] = {}
    names: dict[str, str] = {}
    for impl in pm.hook.repro_lint_rules.get_hookimpls():
        plugin_name = impl.plugin_name
        info = by_name.get(plugin_name)
        label = f"{info.package}[{plugin_name}]" if info else plugin_name
        try:
            result = impl.function()
        except Exception as exc:
            errors.append(f"plugin {label} raised in repro_lint_rules: {exc.__class__.__name__}: {exc}")
            continue
        if not isinstance(result, (list, tuple)) or not all(isinstance(r, Rule) for r in result):
            errors.append(f"plugin {label}: repro_lint_rules must return a list of repro_lint.Rule objects")
            continue
        for rule in result:
            if rule.api_version != RULE_API_VERSION:
                errors.append(f"plugin {label}: rule {rule.name!r} targets rule API {rule.api_version}, this repro-lint implements {RULE_API_VERSION}")
                continue
            clash = [c.code for c in rule.codes if c.code in codes]
            if clash or rule.name in names:
                other = codes.get(clash[0]) if clash else names[rule.name]
                what = f"code {clash[0]}" if clash else f"rule name {rule.name!r}"
                errors.append(f"plugin {label}: {what} is already defined by {other}")
                continue
            rule = _with_plugin(rule, label)
            for c in rule.codes:
                codes[c.code] = label
            names[rule.name] = label
            rules.append(rule)
            if info:
                info.rules.append(rule.name)
    rules.sort(key=lambda r: (r.codes[0].code if r.codes else r.name))
    return LoadedRules(rules, infos, errors)


def _with_plugin(rule: Rule, label: str) -> Rule:
    from dataclasses import replace

    return replace(rule, plugin=label)
