"""JSON Lines: one card per line (the JSON report's per-file object, docs/json-schema.md), flushed per card.

A long run can be followed with ``tail -f`` and resumed with ``--resume``: the ids (``path``) already
in the file are skipped and new lines are appended. Unreadable cards are not written (they are
reported on stderr), so a resumed run tries them again.
"""

from __future__ import annotations

import json

from ..results import FileResult
from ._sink import Output
from .json_report import file_dict


def dumps(result: FileResult) -> str:
    return json.dumps(file_dict(result), ensure_ascii=False, separators=(",", ":"))


class JsonLinesSink:
    def __init__(self, output: str | None, append: bool = False, **_: object) -> None:
        self._out = Output(output, append=append, direct=True)  # followable while it grows

    def write(self, result: FileResult) -> None:
        self._out.stream.write(dumps(result) + "\n")
        self._out.stream.flush()

    def close(self, errors: list[str]) -> None:
        self._out.close()

    def abort(self) -> None:
        self._out.close()  # every line written so far is complete: keep them for --resume


def done_ids(path: str) -> frozenset[str]:
    """The ``path`` of every complete line of a JSON Lines report; a torn last line is cut off first."""
    import os

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        return frozenset()
    end = data.rfind(b"\n") + 1
    if end < len(data):  # an interrupted run left half a line: drop it so appending starts clean
        with open(path, "r+b") as fh:
            fh.truncate(end)
            os.fsync(fh.fileno())
    ids = set()
    for number, line in enumerate(data[:end].splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise ValueError(f"{path}:{number}: not a JSON Lines report of repro-lint (cannot resume from it)") from None
        if not isinstance(record, dict) or not isinstance(record.get("path"), str):
            raise ValueError(f"{path}:{number}: not a JSON Lines report of repro-lint (cannot resume from it)")
        ids.add(record["path"])
    return frozenset(ids)
