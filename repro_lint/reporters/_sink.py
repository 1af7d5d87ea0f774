"""Audit outputs written card by card (jsonl, csv, parquet, html): the sink protocol and file handling.

A sink receives each :class:`~repro_lint.results.FileResult` as soon as it is ready (:meth:`Sink.write`)
and finishes with the run's error lines (:meth:`Sink.close`); it keeps only what its format needs, so
a long run holds one card at a time (the HTML report keeps a compact row per card for its table).
Files other than JSON Lines are written to a temporary file beside the target and renamed over it
when complete, so an interrupted run leaves the old report or none.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Any, Protocol

from ..results import FileResult


class Sink(Protocol):
    def write(self, result: FileResult) -> None: ...

    def close(self, errors: list[str]) -> None: ...

    def abort(self) -> None: ...


class Output:
    """Where a sink writes: standard output, a file written atomically, or (``direct``/``append``) the file itself."""

    def __init__(self, target: str | None, binary: bool = False, append: bool = False, direct: bool = False) -> None:
        self.target = target
        self._tmp: str | None = None
        self.stream: IO[Any]
        if target is None:
            self.stream = sys.stdout.buffer if binary else sys.stdout
        elif append or direct:
            mode = ("a" if append else "w") + ("b" if binary else "")
            self.stream = open(target, mode, encoding=None if binary else "utf-8", newline=None if binary else "")
        else:
            directory = Path(target).parent
            fd, self._tmp = tempfile.mkstemp(prefix=f".{Path(target).name}.", suffix=".tmp", dir=str(directory) if str(directory) else ".")
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self._tmp, 0o666 & ~umask)  # the permissions a plain open() would give
            self.stream = os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else "utf-8", newline=None if binary else "")

    @property
    def path(self) -> str | None:
        """The file being written (the temporary one until :meth:`close`), None for standard output."""
        return self._tmp or self.target

    def close(self) -> None:
        if self.target is None:
            self.stream.flush()
            return
        self.stream.flush()
        os.fsync(self.stream.fileno())
        self.stream.close()
        if self._tmp is not None:
            os.replace(self._tmp, self.target)
            self._tmp = None

    def abort(self) -> None:
        if self.target is None:
            return
        try:
            self.stream.close()
        finally:
            if self._tmp is not None:
                try:
                    os.unlink(self._tmp)
                except OSError:
                    pass
