"""CSV: one row per card with the audit columns of :mod:`repro_lint.reporters._table` (pandas, DuckDB and
spreadsheets read it as is). The header names the criteria of the first card linted (the profile's)."""

from __future__ import annotations

import csv

from ..results import FileResult
from . import _table
from ._sink import Output


class CsvSink:
    def __init__(self, output: str | None, **_: object) -> None:
        self._out = Output(output)
        self._writer = csv.writer(self._out.stream, lineterminator="\n")
        self._criteria: list[str] | None = None

    def write(self, result: FileResult) -> None:
        if self._criteria is None:
            self._criteria = list(result.criteria)
            self._writer.writerow(_table.columns(self._criteria))
        values = _table.row(result, self._criteria)
        self._writer.writerow(["" if v is None else v for v in values.values()])

    def close(self, errors: list[str]) -> None:
        if self._criteria is None:  # no card: the header of the five criteria, so the file still loads
            from ..results import CORE_CRITERIA

            self._writer.writerow(_table.columns(CORE_CRITERIA))
        self._out.close()

    def abort(self) -> None:
        self._out.abort()
