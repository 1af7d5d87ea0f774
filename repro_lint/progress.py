"""A progress bar (count, rate, ETA) on stderr when stderr is a terminal; nothing at all otherwise.

tqdm is imported only when a bar is shown, so runs in CI or into a pipe pay nothing for it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def progress_bar(total: int | None, stream: object | None = None) -> Iterator[Callable[[int], None] | None]:
    """Yield ``advance(n)`` for a bar of ``total`` cards (None: unknown), or None when not on a terminal."""
    err = stream if stream is not None else sys.stderr
    if not getattr(err, "isatty", lambda: False)():
        yield None
        return
    try:
        from tqdm import tqdm  # type: ignore[import-untyped]
    except ImportError:  # the bar is a convenience: without tqdm the run is the same, only silent
        yield None
        return
    with tqdm(total=total, unit="card", file=err, dynamic_ncols=True, smoothing=0.1) as bar:
        yield bar.update
