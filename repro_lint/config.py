"""Configuration: ``.repro-lint.toml`` > ``repro-lint.toml`` > ``pyproject.toml`` ``[tool.repro-lint]``.

The closest configuration file above each linted card wins (ruff's model: no implicit merging; a
pyproject without the table is skipped). ``--config PATH`` names one file for every card and
``--isolated`` ignores configuration files. Command-line flags override file settings. Unknown keys
and wrong types are errors (exit code 2), never silently ignored.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from .results import CORE_CRITERIA

if TYPE_CHECKING:  # pragma: no cover
    from .selectors import KnownCodes


def _toml() -> Any:
    """The TOML parser, imported when a configuration file is read (a run without one never pays for it)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python < 3.11 only
        import tomli as tomllib
    return tomllib


CONFIG_FILES = (".repro-lint.toml", "repro-lint.toml", "pyproject.toml")
#: Real cards are under 1 MiB; markdown-it can need hundreds of bytes of memory per byte of hostile input.
DEFAULT_MAX_BYTES = 8 * 1024 * 1024


class ConfigError(Exception):
    """A configuration problem the user must fix (exit code 2)."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fail_under: float = 0.0
    require: tuple[str, ...] = ()
    weights: dict[str, float] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
    inline_config: bool = True
    profile: str = "seed"  # rule set and thresholds of a framework (see repro_lint.profiles)
    source: Optional[str] = None  # the configuration file these settings came from

    def override(self, **changes: Any) -> "Settings":
        """These settings with the given non-None values replaced (command-line flags win)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_KEYS = {f.name.replace("_", "-"): f.name for f in fields(Settings) if f.name not in ("source", "inline_config")}
_KEYS["inline-config"] = "inline_config"


def _strings(key: str, value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def validate_criterion(name: str, where: str, known: Optional[set[str]] = None) -> str:
    if known is not None and name not in known:
        raise ConfigError(f"{where}: unknown criterion '{name}' (known: {', '.join(sorted(known))})")
    return name


def settings_from_table(table: dict[str, Any], where: str) -> Settings:
    """Validate a ``[tool.repro-lint]`` table and build :class:`Settings`."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (allowed: {', '.join(sorted(_KEYS))})")
        name = _KEYS[key]
        if name in ("select", "extend_select", "ignore", "require"):
            values[name] = _strings(key, value, where)
        elif name == "per_file_ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'per-file-ignores' must be a table of glob = [codes]")
            values[name] = {str(k): _strings(f"per-file-ignores.{k}", v, where) for k, v in value.items()}
        elif name == "fail_under":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
                raise ConfigError(f"{where}: 'fail-under' must be a number from 0 to 100")
            values[name] = float(value)
        elif name == "weights":
            if not isinstance(value, dict) or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in value.values()):
                raise ConfigError(f"{where}: 'weights' must be a table of criterion = non-negative number")
            values[name] = {str(k): float(v) for k, v in value.items()}
        elif name == "max_bytes":
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ConfigError(f"{where}: 'max-bytes' must be a positive integer")
            values[name] = value
        elif name == "inline_config":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: 'inline-config' must be true or false")
            values[name] = value
        elif name == "profile":
            from .profiles import PROFILES

            if value not in PROFILES:
                raise ConfigError(f"{where}: 'profile' must be one of {', '.join(PROFILES)}")
            values[name] = value
    return Settings(source=where, **values)


def read_config(path: Path) -> Settings:
    """Read one configuration file (a dedicated file, or a pyproject's ``[tool.repro-lint]``)."""
    tomllib = _toml()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not a UTF-8 TOML file (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("repro-lint")
        if table is None:
            raise ConfigError(f"{path}: no [tool.repro-lint] table")
    else:
        table = data.get("tool", {}).get("repro-lint", data) if "tool" in data else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.repro-lint] must be a table")
    return settings_from_table(table, str(path))


def _has_table(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    if b"repro-lint" not in raw and b"\\u" not in raw and b"\\U" not in raw:
        return False  # without escapes, a [tool.repro-lint] key must be spelled out: no need to parse the file
    tomllib = _toml()
    try:
        return "repro-lint" in tomllib.loads(raw.decode("utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        # A pyproject that mentions repro-lint but is not valid TOML may hold a broken
        # [tool.repro-lint] table: read_config reports it (exit 2) instead of the search going on.
        return True


def find_config(start: Path) -> Optional[Path]:
    """The closest configuration file in ``start`` or its parents."""
    directory = start if start.is_dir() else start.parent
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and _has_table(candidate):
                return candidate
    return None


class ConfigCache:
    """Resolve settings per card, reading each configuration file once."""

    def __init__(self, explicit: Optional[Path] = None, isolated: bool = False) -> None:
        self._explicit = read_config(explicit) if explicit else None
        self._isolated = isolated
        self._by_dir: dict[Path, Settings] = {}
        self._by_file: dict[Path, Settings] = {}

    def for_path(self, card_path: Optional[Path]) -> Settings:
        if self._explicit is not None:
            return self._explicit
        if self._isolated:
            return Settings()
        start = card_path.parent if card_path is not None else Path.cwd()
        key = start.resolve()
        if key not in self._by_dir:
            found = find_config(start)
            if found is None:
                self._by_dir[key] = Settings()
            else:
                if found not in self._by_file:
                    self._by_file[found] = read_config(found)
                self._by_dir[key] = self._by_file[found]
        return self._by_dir[key]


def check_selectors(settings: Settings, known: "KnownCodes") -> None:
    """Reject select / extend-select / ignore / per-file-ignores entries that name no installed code."""
    where = settings.source or "command line"
    for key in ("select", "extend_select", "ignore"):
        problem = known.first_problem(getattr(settings, key))
        if problem:
            raise ConfigError(f"{where}: '{key.replace('_', '-')}': {problem}")
    for pattern, codes in settings.per_file_ignores.items():
        problem = known.first_problem(codes)
        if problem:
            raise ConfigError(f"{where}: 'per-file-ignores' \"{pattern}\": {problem}")


def check_criteria(settings: Settings, known: set[str]) -> None:
    """Reject ``require`` and ``weights`` entries that name no loaded criterion."""
    where = settings.source or "command line"
    for name in settings.require:
        validate_criterion(name, where, known)
    for name in settings.weights:
        validate_criterion(name, where, known)


__all__ = ["ConfigError", "Settings", "ConfigCache", "find_config", "read_config", "CORE_CRITERIA", "check_criteria", "check_selectors"]
