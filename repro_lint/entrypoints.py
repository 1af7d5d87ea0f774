"""The entry points of one group, read straight from the installed distributions' metadata.

``importlib.metadata`` answers the same question but imports the ``email``, ``zipfile`` and ``csv``
packages to do it, which costs more than anything else a single ``repro-lint CARD.md`` run imports
(about 13 ms of a 100 ms run). The formats involved are small and specified by the Python Packaging
Authority: a distribution's ``*.dist-info`` (or ``*.egg-info``) directory on ``sys.path`` holds an
``entry_points.txt`` file in INI syntax (the "Entry points specification") and a ``METADATA`` file
whose ``Name:`` and ``Version:`` headers identify it (the "Core metadata specifications").

Only directories on ``sys.path`` are read, in path order, and the first distribution of a name wins,
as with ``importlib.metadata.entry_points()``. When ``sys.path`` holds an archive (a zipped egg or a
zipapp), whose metadata only ``importlib.metadata`` can read, the whole lookup is left to it.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from typing import Any, Optional

_VALUE = re.compile(r"^(?P<module>[\w.]+)\s*(?::\s*(?P<attr>[\w.]+)\s*)?(?:\[[^\]]*\]\s*)?$")


class Distribution:
    """An installed distribution, named and versioned from its metadata (read on first use)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._headers: Optional[dict[str, str]] = None

    def _header(self, key: str) -> str:
        if self._headers is None:
            self._headers = {}
            for file in ("METADATA", "PKG-INFO"):
                try:
                    with open(os.path.join(self.path, file), encoding="utf-8", errors="replace") as fh:
                        for line in fh:
                            if not line.strip():
                                break  # the headers end at the first blank line
                            name, sep, value = line.partition(":")
                            if sep and name in ("Name", "Version") and name not in self._headers:
                                self._headers[name] = value.strip()
                    break
                except OSError:
                    continue
        return self._headers.get(key) or ""

    @property
    def name(self) -> str:
        return self._header("Name") or _name_from_directory(os.path.basename(self.path))

    @property
    def version(self) -> str:
        return self._header("Version") or "?"


class EntryPoint:
    """One entry point: ``name = module:attr`` in ``group``, provided by ``dist``."""

    def __init__(self, name: str, value: str, group: str, dist: Optional[Any]) -> None:
        self.name, self.value, self.group, self.dist = name, value, group, dist

    def load(self) -> Any:
        """Import the module and return the object the entry point names (the module itself without ``:attr``)."""
        m = _VALUE.match(self.value)
        if m is None:
            raise ValueError(f"malformed entry point value {self.value!r}")
        obj: Any = importlib.import_module(m.group("module"))
        for part in (m.group("attr") or "").split(".") if m.group("attr") else ():
            obj = getattr(obj, part)
        return obj

    def __repr__(self) -> str:
        return f"EntryPoint(name={self.name!r}, value={self.value!r}, group={self.group!r})"


def _name_from_directory(directory: str) -> str:
    """``acme_plugin-1.0.dist-info`` → ``acme_plugin``."""
    stem = directory.rsplit(".", 1)[0]
    return stem.split("-", 1)[0]


def normalize(name: str) -> str:
    """A distribution or plugin name compared the packaging way: ``Acme_Plugin`` = ``acme-plugin``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_entry_points(text: str, group: str) -> list[tuple[str, str]]:
    """(name, value) pairs of ``group`` in the text of an ``entry_points.txt`` file."""
    pairs: list[tuple[str, str]] = []
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == group:
            name, sep, value = line.partition("=")
            if sep and name.strip():
                pairs.append((name.strip(), value.strip()))
    return pairs


def entry_points(group: str) -> list[Any]:
    """Every entry point of ``group`` in the distributions importable from ``sys.path``."""
    found: list[Any] = []
    seen: set[str] = set()
    for entry in sys.path:
        directory = entry or "."
        if not os.path.isdir(directory):
            if os.path.isfile(directory):
                return _with_importlib(group)
            continue
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            continue
        for name in names:
            if not name.endswith((".dist-info", ".egg-info")):
                continue
            key = normalize(_name_from_directory(name))
            if key in seen:
                continue
            path = os.path.join(directory, name)
            if not os.path.isdir(path):
                continue
            seen.add(key)
            try:
                with open(os.path.join(path, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except (OSError, UnicodeDecodeError):
                continue
            if f"[{group}]" not in text.replace(" ", ""):
                continue
            dist = Distribution(path)
            found.extend(EntryPoint(ep_name, value, group, dist) for ep_name, value in parse_entry_points(text, group))
    return found


def _with_importlib(group: str) -> list[Any]:
    from importlib.metadata import entry_points as all_entry_points

    eps = all_entry_points()
    if hasattr(eps, "select"):
        return list(eps.select(group=group))
    return list(eps.get(group, []))  # Python 3.9


__all__ = ["EntryPoint", "Distribution", "entry_points", "normalize", "parse_entry_points"]
