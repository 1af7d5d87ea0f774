"""The Python API: lint a card (a path, or text) and get the documented result objects back.

    import repro_lint
    result = repro_lint.lint("fixtures/open-weights.md", profile="seed")
    result.tier, result.score, result.criteria["weights"].level
    result.to_dict()          # the JSON report's per-file entry (docs/json-schema.md)

:func:`lint_card_text` is the per-card function every engine maps (the command line's worker
processes, a Dask cluster, a Spark job): a pure function of ``(name, text, settings)``, defined at
module level so that it pickles by reference; each process loads the installed rules once.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from .config import ConfigCache, ConfigError, Settings, check_criteria
from .results import FileResult, Rule

__all__ = ["LintError", "lint", "lint_card_text", "lint_text", "make_settings", "rules"]

#: Settings a caller may pass as keyword arguments (the configuration keys, with underscores).
SETTING_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Settings) if f.name != "source")
_TUPLE_SETTINGS = {"select", "extend_select", "ignore", "require"}

_RULES: list[Rule] | None = None  # per process, loaded on first use


class LintError(ValueError):
    """A card that cannot be linted (unreadable input, bad settings); the message is one line."""


def rules() -> list[Rule]:
    """The installed rules (and stand-ins reporting plugins that failed to load), loaded once per process."""
    global _RULES
    if _RULES is None:
        from .plugins import load_rules

        loaded = load_rules()
        if loaded.declarations_broken:
            raise LintError("; ".join(loaded.errors) or "the rule plugins are broken")
        _RULES = loaded.rules + loaded.stand_ins
    return _RULES


def make_settings(profile: str | None = None, base: Settings | None = None, **settings: Any) -> Settings:
    """Validated :class:`Settings` from keyword arguments (``select=["RL3"]``, ``fail_under=60`` …)."""
    unknown = sorted(set(settings) - set(SETTING_NAMES))
    if unknown:
        raise TypeError(f"unknown setting(s) {', '.join(unknown)} (known: {', '.join(SETTING_NAMES)})")
    values = {k: (tuple([v] if isinstance(v, str) else v) if k in _TUPLE_SETTINGS and v is not None else v) for k, v in settings.items()}
    if profile is not None:
        from .profiles import PROFILES

        if profile not in PROFILES:
            raise LintError(f"unknown profile '{profile}' (known: {', '.join(PROFILES)})")
        values["profile"] = profile
    result = (base or Settings()).override(**values)
    try:
        check_criteria(result, {r.criterion for r in rules()})
    except ConfigError as exc:
        raise LintError(str(exc)) from None
    return result


def lint_card_text(name: str, text: str, settings: Settings) -> FileResult:
    """Lint one card's ``text``, reported under ``name``: the pure per-card function engines map."""
    from .engine import lint_text as engine_lint_text

    return engine_lint_text(text, name, rules(), settings)


def lint_text(text: str, name: str = "card.md", profile: str | None = None, **settings: Any) -> FileResult:
    """Lint a card given as text. ``settings`` are :class:`Settings` fields (no configuration file is read)."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return lint_card_text(name, text, make_settings(profile, **settings))


def lint(target: str, profile: str | None = None, *, config: str | None = None, isolated: bool = False, **settings: Any) -> FileResult:
    """Lint one card: a file, a directory holding a model card, or anything else the command line accepts.

    The closest configuration file applies as on the command line (``config=`` names one,
    ``isolated=True`` ignores them); ``profile`` and ``settings`` override it. Raises
    :class:`LintError` with the command line's one-line message when the input cannot be read.
    """
    from .inputs import InputError
    from .runner import lint_one
    from .targets import resolve_paths

    paths, errors = resolve_paths((str(target),))
    if errors or not paths:
        raise LintError(errors[0] if errors else f"{target}: nothing to lint")
    path = paths[0]
    try:
        base = ConfigCache(Path(config) if config else None, isolated).for_path(Path(path))
    except ConfigError as exc:
        raise LintError(str(exc)) from None
    try:
        return lint_one(path, rules(), make_settings(profile, base, **settings))
    except InputError as exc:
        raise LintError(str(exc)) from None
