"""Progress on standard error for work that takes more than a couple of seconds.

Shown only when standard error is a terminal (never in CI logs, pipes or files) and only once the
work has run for :data:`DELAY` seconds, so that ordinary runs print nothing. The bar is drawn by
tqdm, imported only when a bar can be shown: a run without a terminal never pays for the import.
``REPRO_LINT_NO_PROGRESS=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any, Optional, TextIO

#: Seconds of work before the bar appears.
DELAY = 2.0


def wanted(stream: Optional[TextIO] = None) -> bool:
    """True when progress may be shown on ``stream`` (default: standard error)."""
    stream = stream if stream is not None else sys.stderr
    if os.environ.get("REPRO_LINT_NO_PROGRESS"):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # a closed or detached stream
        return False


class Progress:
    """A progress bar over ``total`` steps (cards, or the rules of one large card; None: unknown); silent when not wanted."""

    def __init__(self, total: Optional[int], unit: str, stream: Optional[TextIO] = None) -> None:
        self._bar: Any = None
        stream = stream if stream is not None else sys.stderr
        if (total is None or total > 0) and wanted(stream):
            from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]  # tqdm ships no type hints

            self._bar = tqdm(total=total, unit=unit, file=stream, delay=DELAY, leave=False, dynamic_ncols=True)

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def describe(self, text: str) -> None:
        if self._bar is not None:
            self._bar.set_description_str(text[:40], refresh=False)

    def note(self, text: str) -> None:
        """Describe the step under way anew (drawn once the bar is due), without counting a step."""
        if self._bar is not None:
            self._bar.set_description_str(text[:40], refresh=False)
            self._bar.update(0)

    def advance(self, steps: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(steps)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def progress_bar(total: Optional[int], stream: Optional[TextIO] = None) -> Iterator[Optional[Callable[[int], None]]]:
    """Yield ``advance(n)`` for a bar over ``total`` cards (None: unknown), or None when no bar is shown."""
    with Progress(total, "card", stream) as bar:
        yield bar.advance if bar.shown else None


__all__ = ["DELAY", "Progress", "progress_bar", "wanted"]
