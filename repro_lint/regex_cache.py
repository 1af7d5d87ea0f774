"""Compiled regular expressions kept between runs, the way ``.pyc`` files keep compiled bytecode.

The rules describe their evidence with about two hundred regular expressions. Python compiles a
pattern with a parser written in Python, and compiling all of them costs more than everything else a
``repro-lint CARD.md`` run does (about 50 ms on a laptop). The compiled program of a pattern depends
only on its source, its flags and the interpreter, so repro-lint stores it after the first run and
hands it straight to the regular-expression engine on the next ones.

* The cache is one file per interpreter and engine version in the user cache directory
  (``$REPRO_LINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/repro-lint`` or ``~/.cache/repro-lint``; on
  Windows ``%LOCALAPPDATA%\\repro-lint``), like black's and pre-commit's caches: never next to the
  cards, never in the user's repository.
* ``--no-cache`` or ``REPRO_LINT_NO_CACHE=1`` neither reads nor writes it.
* It is only an accelerator: a missing, unreadable, corrupt or foreign cache file, an unwritable
  directory or an interpreter without the engine entry point (not CPython) means patterns are compiled
  the normal way. The engine validates every program it is given; a program it rejects is compiled
  again from source. A compiled pattern from the cache compares equal (``==``) to ``re.compile``'s.
* Writing goes through a temporary file and a rename, so concurrent runs (``--jobs``, several
  pre-commit hooks) never see a half-written file; the last writer wins, and the union of what was
  read and what was compiled is written.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Any, Callable, Optional

try:  # the regular-expression engine's own entry point (CPython); without it there is no cache
    import _sre

    try:  # Python 3.11+
        from re import _compiler as _sre_compile, _parser as _sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python < 3.11
        import sre_compile as _sre_compile  # type: ignore[no-redef]
        import sre_parse as _sre_parse  # type: ignore[no-redef]
except ImportError:  # pragma: no cover - other interpreters
    _sre = None  # type: ignore[assignment]

#: Changes whenever the stored form could change: interpreter build and regular-expression engine.
FORMAT = 2

Entry = tuple[int, bytes, int, dict[str, int], tuple[Optional[str], ...]]

#: The array type code of one word of a compiled program (``_sre.CODESIZE`` bytes).
_CODE_TYPE = "I" if getattr(_sre, "CODESIZE", 4) == 4 else "L"


def cache_dir() -> Optional[Path]:
    """Where the cache lives, or None when caching is switched off."""
    if os.environ.get("REPRO_LINT_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("REPRO_LINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "repro-lint"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # the XDG specification ignores a relative path
        return Path(xdg) / "repro-lint"
    home = os.path.expanduser("~")
    if not os.path.isabs(home):  # no home directory: no cache (never one relative to the working directory)
        return None
    return Path(home) / ".cache" / "repro-lint"


#: Above this many entries a save keeps only what this run used: patterns edited away do not pile up.
MAX_ENTRIES = 4096


def _file_name() -> str:
    from . import __version__

    magic, size = getattr(_sre, "MAGIC", 0), getattr(_sre, "CODESIZE", 0)
    return f"regex-{__version__}-{sys.implementation.cache_tag}-{magic}-{size}-{FORMAT}.marshal"


class RegexCache:
    """Compiled programs by (source, flags), loaded from and saved to one file."""

    def __init__(self, directory: Optional[Path]) -> None:
        self.directory = directory if _sre is not None else None
        self._entries: Optional[dict[Any, Any]] = None
        self._new: dict[Any, Any] = {}
        self._used: set[Any] = set()

    @property
    def path(self) -> Optional[Path]:
        return None if self.directory is None else self.directory / _file_name()

    def _load(self) -> dict[Any, Any]:
        if self._entries is None:
            self._entries = {}
            path = self.path if self.directory is not None else None
            if path is not None:
                try:
                    data = marshal.loads(path.read_bytes())
                except (OSError, ValueError, EOFError, TypeError):
                    data = None
                if isinstance(data, dict):
                    self._entries = data
        return self._entries

    def compile(self, pattern: str, flags: int = 0) -> "re.Pattern[str]":
        """``re.compile(pattern, flags)``, from the stored program when there is one."""
        if self.directory is None or not isinstance(pattern, str):
            return re.compile(pattern, flags)
        key = (pattern, int(flags))
        entry = self._load().get(key)
        self._used.add(key)
        if isinstance(entry, tuple) and len(entry) == 5:
            try:
                final_flags, code, groups, groupindex, indexgroup = entry
                program = array(_CODE_TYPE)
                program.frombytes(code)
                return _sre.compile(pattern, final_flags, program.tolist(), groups, groupindex, indexgroup)  # type: ignore[no-any-return]
            except Exception:  # a damaged or foreign entry: compile from source below
                pass
        try:
            compiled, entry = _compile_entry(pattern, int(flags))
        except re.error:
            raise
        except Exception:  # the engine's entry point works differently here: compile without the cache
            return re.compile(pattern, flags)
        self._new[key] = entry
        self._entries[key] = entry  # type: ignore[index]
        return compiled

    @property
    def enabled(self) -> bool:
        return self.directory is not None

    def derived(self, kind: str, pattern: str, flags: int, compute: "Callable[[], Any]", valid: "Callable[[Any], bool]" = lambda v: True) -> Any:
        """A value computed from a pattern's source (``kind`` names what), stored like compiled programs.

        ``compute`` must return something :mod:`marshal` can store (strings, numbers, tuples,
        frozensets, dicts, None); the prefilter stores each pattern's needles this way. A stored
        value that ``valid`` rejects (a damaged file) is computed again.
        """
        key = (kind, pattern, int(flags))
        entries = self._load()
        self._used.add(key)
        if key in entries:
            value = entries[key]
            try:
                if valid(value):
                    return value
            except Exception:
                pass
        value = compute()
        entries[key] = value  # type: ignore[index]
        if self.directory is not None:
            self._new[key] = value  # type: ignore[index]
        return value

    @property
    def dirty(self) -> bool:
        return bool(self._new)

    def save(self) -> bool:
        """Write what was read plus what was compiled since; True when the file was written."""
        path = self.path
        if path is None or not self._new:
            return False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                on_disk = marshal.loads(path.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                on_disk = None
            merged = dict(on_disk) if isinstance(on_disk, dict) else {}
            merged.update(self._new)
            if len(merged) > MAX_ENTRIES:
                merged = {key: merged[key] for key in self._used if key in merged}
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps(merged))
            os.replace(tmp, path)
        except (OSError, ValueError):
            return False
        self._new = {}
        return True


def _compile_entry(pattern: str, flags: int) -> tuple["re.Pattern[str]", Entry]:
    """Compile as ``re.compile`` does, keeping the arguments it hands to the engine."""
    parsed = _sre_parse.parse(pattern, flags)
    code = _sre_compile._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[Optional[str]] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = [int(c) for c in code]
    compiled = _sre.compile(pattern, int(flags | parsed.state.flags), program, int(parsed.state.groups - 1), groupindex, tuple(indexgroup))
    # The program is stored as packed machine words: reading the file is one copy, and only the
    # patterns a run uses are unpacked.
    entry: Entry = (int(flags | parsed.state.flags), array(_CODE_TYPE, program).tobytes(), int(parsed.state.groups - 1), groupindex, tuple(indexgroup))
    return compiled, entry


_cache: Optional[RegexCache] = None


def active() -> RegexCache:
    """The cache of this process (created on first use from the environment)."""
    global _cache
    if _cache is None:
        _cache = RegexCache(cache_dir())
    return _cache


def configure(directory: Optional[Path]) -> RegexCache:
    """Use ``directory`` (None: no cache) from now on; what was compiled before is kept in memory only."""
    global _cache
    _cache = RegexCache(directory)
    return _cache


def compile(pattern: str, flags: int = 0) -> "re.Pattern[str]":  # noqa: A001 - mirrors re.compile
    return active().compile(pattern, flags)


def save() -> bool:
    """Store newly compiled patterns (a no-op when nothing new was compiled or caching is off)."""
    return _cache.save() if _cache is not None else False


__all__ = ["RegexCache", "cache_dir", "compile", "configure", "save", "active", "FORMAT"]
