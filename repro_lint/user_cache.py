"""``cache_dir``: repro-lint's directory in the user's cache (Hub model-info snapshots for offline runs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional


def cache_dir() -> Optional[Path]:
    """Where the cache lives, or None when caching is switched off or there is no home directory.

    ``$REPRO_LINT_CACHE_DIR``, else ``%LOCALAPPDATA%\\repro-lint`` on Windows, else
    ``$XDG_CACHE_HOME/repro-lint`` or ``~/.cache/repro-lint``; ``REPRO_LINT_NO_CACHE=1`` turns it off.
    """
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
