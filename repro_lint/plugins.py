"""The plugin manager: the only global-ish state in repro-lint, built on demand.

All rules, the built-in ones included, are found through the ``repro_lint`` entry-point group. Every
plugin is loaded, registered and validated on its own, so one broken package is reported as one line
(and exit code 2) instead of a traceback, and the other plugins are still listed.

Opting out:

* ``-p no:NAME`` or ``REPRO_LINT_DISABLE_PLUGINS=NAME,…`` disables plugins by entry-point name or by
  distribution name (``-p no:carbon`` or ``-p no:repro-lint-carbon``);
* ``REPRO_LINT_LOAD_PLUGINS=NAME,…`` loads only the named third-party plugins (set but empty: none);
  the built-in rules are not affected by it.

What is checked when a plugin is loaded (each problem is one line in :attr:`LoadedRules.errors`):

* its hook implementations match :mod:`repro_lint.hookspecs` (pluggy validates the arguments at
  ``register`` time and ``check_pending`` finds hooks that do not exist, e.g. a typo);
* ``repro_lint_rules`` returns :class:`~repro_lint.results.Rule` objects built for a rule API version this
  engine supports, with well-formed codes, slugs, criterion and weight;
* no two rules share a finding code, a slug, a rule name or a criterion (the error names both plugins),
  and ``RL`` codes are reserved for repro-lint itself.
"""

from __future__ import annotations

import functools
import math
import os
import re
import types
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Optional

import pluggy

from . import hookspecs
from .results import RULE_API_VERSION, Rule

ENTRY_POINT_GROUP = "repro_lint"

#: The distribution whose entry points are the built-in rules.
BUILTIN_PACKAGE = "repro-lint"

#: Rule API versions (``Rule.api_version``) this engine can run.
SUPPORTED_API_VERSIONS: frozenset[int] = frozenset({RULE_API_VERSION})

#: Finding codes with this prefix belong to repro-lint (engine and built-in rules).
RESERVED_PREFIX = "RL"

CODE_FORMAT = re.compile(r"^[A-Z]{1,4}[0-9]{2,4}$")
SLUG_FORMAT = re.compile(r"^[a-z][a-z0-9-]*[a-z0-9]$")
NAME_FORMAT = re.compile(r"^[a-z][a-z0-9_-]*$")


class PluginError(Exception):
    """A plugin could not be loaded or declares something invalid (exit code 2)."""


@dataclass
class PluginInfo:
    """One plugin as ``--list-plugins`` shows it."""

    name: str  # the entry-point name, also the name used by -p no:NAME
    package: str  # the distribution that provides it
    version: str
    rules: list[str] = field(default_factory=list)  # names of the rules it provides
    error: Optional[str] = None  # "disabled", or why it was not loaded
    crashed: bool = False  # it raised on import or in repro_lint_rules (reported on every card as RL001)

    @property
    def status(self) -> str:
        """``loaded``, ``disabled`` or ``error``."""
        if self.error is None:
            return "loaded"
        return "disabled" if self.error.startswith("disabled") else "error"

    @property
    def label(self) -> str:
        """``package[name]``, the way plugins are named in messages (flake8 style)."""
        return f"{self.package}[{self.name}]"


@dataclass
class LoadedRules:
    rules: list[Rule]
    plugins: list[PluginInfo]
    errors: list[str]  # plugins that failed to load or declare bad rules, as one-line messages
    #: One stand-in rule per plugin that crashed on import or in repro_lint_rules; run with the other
    #: rules, it makes every card report RL001 naming the plugin, so no verdict silently lacks it.
    stand_ins: list[Rule] = field(default_factory=list)

    @property
    def declarations_broken(self) -> bool:
        """Errors other than crashed plugins (each crash is one error and one stand-in)."""
        return len(self.errors) > len(self.stand_ins)


def _normalize(name: str) -> str:
    """A distribution or plugin name compared the packaging way: ``Acme_Plugin`` = ``acme-plugin``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _entry_points() -> list[Any]:
    """The ``repro_lint`` entry points of the installed distributions (the first distribution of a name wins)."""
    from importlib.metadata import entry_points

    return list(entry_points(group=ENTRY_POINT_GROUP))


def _names_from_env(variable: str) -> Optional[set[str]]:
    """The comma-separated names in ``variable``; None when it is not set."""
    value = os.environ.get(variable)
    if value is None:
        return None
    return {_normalize(p.strip()) for p in value.split(",") if p.strip()}


def one_line(text: str) -> str:
    """Collapse a message (pluggy's are multi-line) into one line."""
    return "; ".join(" ".join(part.split()) for part in str(text).splitlines() if part.strip())


def _dist_info(ep: Any, seen: dict[int, tuple[str, str]]) -> tuple[str, str]:
    """(name, version) of the entry point's distribution, read once per run into ``seen``.

    Parsing a METADATA file costs about a millisecond, and one package usually has several entry points.
    """
    dist = getattr(ep, "dist", None)
    if dist is None:
        return "?", "?"
    key = id(dist)
    if key not in seen:
        meta = dist.metadata  # read once: ``dist.version`` would parse the METADATA file again
        seen[key] = (str(meta["Name"]), str(meta["Version"]))
    return seen[key]


def _disabled_reason(info: PluginInfo, off: set[str], only: Optional[set[str]]) -> Optional[str]:
    names = {_normalize(info.name), _normalize(info.package)}
    if names & off:
        return "disabled"
    if only is not None and info.package != BUILTIN_PACKAGE and not names & only:
        return "disabled (not in REPRO_LINT_LOAD_PLUGINS)"
    return None


def _register(pm: pluggy.PluginManager, plugin: Any, info: PluginInfo, errors: list[str]) -> None:
    """Register one plugin and validate its hook implementations; on failure unregister and report."""

    def fail(message: str) -> None:
        info.error = message
        errors.append(f"plugin {info.label}: {message}")

    try:
        pm.register(plugin, name=info.name)
    except pluggy.PluginValidationError as exc:  # wrong arguments, wrong hook options
        detail = "\n".join(str(exc).splitlines()[1:]) or str(exc)  # pluggy's first line only names the plugin
        fail(f"hook implementation does not match the specification: {one_line(detail)}")
        return
    except ValueError as exc:  # already registered under another name
        fail(one_line(str(exc)))
        return
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:  # an @hookimpl for a hook that does not exist
        pm.unregister(plugin)
        known = ", ".join(sorted(n for n in dir(hookspecs) if n.startswith("repro_lint_")))
        fail(f"{one_line(str(exc)).replace(f' in plugin {exc.plugin!r}', '')} (known hooks: {known})")
        return
    if not pm.get_hookcallers(plugin):
        pm.unregister(plugin)
        fail("implements no repro-lint hook (decorate repro_lint_rules with @repro_lint.hookimpl)")


class _PluginManager(pluggy.PluginManager):
    """pluggy's plugin manager, quicker to register modules.

    A rule module holds dozens of pattern tables; pluggy examines every attribute of a plugin with
    ``inspect.getattr_static``. In a module only plain functions (and bound methods, classmethods,
    staticmethods) can be hook implementations, so anything else is passed over at once, and a plain
    function is read for the hookimpl marker directly (``parse_hookimpl_opts`` is pluggy's documented
    point of customisation).
    """

    def parse_hookimpl_opts(self, plugin: Any, name: str) -> Any:
        if isinstance(plugin, types.ModuleType):
            value = plugin.__dict__.get(name)
            if isinstance(value, types.FunctionType):
                opts = getattr(value, self.project_name + "_impl", None)
                return opts if isinstance(opts, dict) else None
            if not isinstance(value, (types.MethodType, classmethod, staticmethod)):
                return None
        return super().parse_hookimpl_opts(plugin, name)


def plugin_manager(
    disabled: Iterable[str] = (), *, load_entrypoints: bool = True, extra: Iterable[Any] = ()
) -> tuple[pluggy.PluginManager, list[PluginInfo], list[str]]:
    """Build a plugin manager; return it with the plugins found and one-line errors (never raises).

    ``extra`` are plugin objects (modules or instances) registered as well, as tests do.
    """
    pm = _PluginManager(hookspecs.PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    infos: list[PluginInfo] = []
    errors: list[str] = []
    off = {_normalize(n) for n in disabled} | (_names_from_env("REPRO_LINT_DISABLE_PLUGINS") or set())
    only = _names_from_env("REPRO_LINT_LOAD_PLUGINS")
    owners: dict[str, PluginInfo] = {}
    if load_entrypoints:
        seen: dict[int, tuple[str, str]] = {}
        # Built-in plugins load first, so a clash is always reported against the third-party plugin.
        for ep in sorted(_entry_points(), key=lambda ep: (_dist_info(ep, seen)[0] != BUILTIN_PACKAGE, ep.name)):
            package, version = _dist_info(ep, seen)
            info = PluginInfo(ep.name, package, version)
            infos.append(info)
            reason = _disabled_reason(info, off, only)
            if reason:
                info.error = reason
                continue
            if ep.name in owners:
                info.error = f"the plugin name {ep.name!r} is already used by {owners[ep.name].label}"
                errors.append(f"plugin {info.label}: {info.error}; rename the entry point")
                continue
            owners[ep.name] = info
            try:
                module = ep.load()
            except Exception as exc:  # a broken third-party plugin must not crash the run
                info.error = one_line(f"{exc.__class__.__name__}: {exc}")
                info.crashed = True
                errors.append(f"plugin {info.label} failed to load: {info.error}")
                continue
            _register(pm, module, info, errors)
    for obj in extra:
        name = getattr(obj, "__name__", None) or obj.__class__.__name__
        info = PluginInfo(name, "<registered>", "")
        infos.append(info)
        _register(pm, obj, info, errors)
    return pm, infos, errors


def rule_problems(rule: Rule, package: str = "") -> list[str]:
    """What is wrong with one rule's declaration (empty when it is well-formed)."""
    problems: list[str] = []
    if rule.api_version not in SUPPORTED_API_VERSIONS:
        supported = ", ".join(str(v) for v in sorted(SUPPORTED_API_VERSIONS))
        problems.append(f"targets rule API version {rule.api_version!r}; this repro-lint supports {supported}")
    if not callable(rule.check):
        problems.append("check is not callable")
    if not NAME_FORMAT.match(rule.name or ""):
        problems.append("name must be lower-case letters, digits, '_' or '-'")
    if not NAME_FORMAT.match(rule.criterion or ""):
        problems.append(f"criterion {rule.criterion!r} must be lower-case letters, digits, '_' or '-'")
    if not isinstance(rule.weight, (int, float)) or not math.isfinite(rule.weight) or rule.weight < 0:
        problems.append(f"weight {rule.weight!r} must be a finite number >= 0")
    if not rule.codes:
        problems.append("declares no finding code")
    if len({c.code for c in rule.codes}) != len(rule.codes):
        problems.append("declares the same code twice")
    for code in rule.codes:
        if not CODE_FORMAT.match(code.code):
            problems.append(f"code {code.code!r} must be 1-4 capital letters and 2-4 digits, e.g. ACME101")
        elif code.code.startswith(RESERVED_PREFIX) and package not in (BUILTIN_PACKAGE, ""):
            problems.append(f"code {code.code!r} uses the prefix {RESERVED_PREFIX}, reserved for repro-lint; pick your own")
        if not SLUG_FORMAT.match(code.slug):
            problems.append(f"slug {code.slug!r} of {code.code} must be kebab-case, e.g. carbon-footprint-missing")
    return problems


def load_rules(disabled: Iterable[str] = (), *, extra: Iterable[Any] = (), load_entrypoints: bool = True) -> LoadedRules:
    """Collect and validate the rules of every plugin, each call inside its own error boundary."""
    from .engine import ENGINE_CODES

    pm, infos, errors = plugin_manager(disabled, load_entrypoints=load_entrypoints, extra=extra)
    by_name = {i.name: i for i in infos if i.error is None}
    rules: list[Rule] = []
    # Everything that must be unique, mapped to who declared it first.
    taken: dict[str, str] = {f"code {c.code}": "the engine" for c in ENGINE_CODES}
    taken.update({f"slug {c.slug!r}": "the engine" for c in ENGINE_CODES})
    for impl in pm.hook.repro_lint_rules.get_hookimpls():
        info = by_name.get(impl.plugin_name) or PluginInfo(impl.plugin_name, "?", "")
        try:
            result = impl.function()
        except Exception as exc:
            info.error, info.crashed = one_line(f"raised in repro_lint_rules: {exc.__class__.__name__}: {exc}"), True
            errors.append(f"plugin {info.label} {info.error}")
            continue
        if not isinstance(result, (list, tuple)) or not all(isinstance(r, Rule) for r in result):
            errors.append(f"plugin {info.label}: repro_lint_rules must return a list of repro_lint.Rule objects")
            continue
        for rule in result:
            problems = rule_problems(rule, info.package)
            owner = f"rule {rule.name} ({info.label})"
            keys = [f"rule name {rule.name!r}", f"criterion {rule.criterion!r}"]
            keys += [f"code {c.code}" for c in rule.codes] + [f"slug {c.slug!r}" for c in rule.codes]
            problems += [f"duplicate {key}: already declared by {taken[key]}" for key in keys if key in taken]
            if problems:
                errors.append(f"plugin {info.label}: rule {rule.name!r}: {'; '.join(problems)}")
                continue
            taken.update({key: owner for key in keys})
            rules.append(replace(rule, plugin=info.label))
            info.rules.append(rule.name)
    rules.sort(key=lambda r: r.codes[0].code)
    stand_ins = [_stand_in(info) for info in infos if info.crashed]
    return LoadedRules(rules, infos, errors, stand_ins)


def _plugin_crashed(reason: str, card: Any) -> Any:
    from .engine import RuleUnavailable

    raise RuleUnavailable(reason)


def _stand_in(info: PluginInfo) -> Rule:
    """A rule that fails on every card with the plugin's load error (module-level parts: it pickles)."""
    reason = "failed to load" if info.error is None else f"could not be loaded: {info.error}"
    check = functools.partial(_plugin_crashed, reason)
    return Rule(name=info.name, criterion="", codes=(), check=check, doc=f"Plugin {info.label} {reason}.", weight=0.0, plugin=info.label)
