"""Parquet: one row per card with the audit columns of :mod:`repro_lint.reporters._table`, written in
row groups of :data:`ROW_GROUP` cards (pyarrow, the ``[parquet]`` extra). Needs ``-o FILE``."""

from __future__ import annotations

from typing import Any

from ..results import CORE_CRITERIA, FileResult
from . import _table
from ._sink import Output

ROW_GROUP = 2048


class ParquetSink:
    def __init__(self, output: str | None, **_: object) -> None:
        import pyarrow  # type: ignore[import-untyped]  # noqa: F401  (fail early with the install hint)

        if output is None:
            raise ValueError("-f parquet writes a file: name it with -o FILE")
        self._out = Output(output, binary=True)
        self._criteria: list[str] | None = None
        self._rows: list[dict[str, _table.Value]] = []
        self._writer: Any = None
        self._schema: Any = None

    def _open(self, criteria: list[str]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq  # type: ignore[import-untyped]  # pyarrow ships no type hints

        self._criteria = criteria
        self._schema = pa.schema([(name, _table.arrow_type(name)) for name in _table.columns(criteria)])
        self._writer = pq.ParquetWriter(self._out.stream, self._schema)

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def write(self, result: FileResult) -> None:
        if self._criteria is None:
            self._open(list(result.criteria))
        assert self._criteria is not None
        self._rows.append(_table.row(result, self._criteria))
        if len(self._rows) >= ROW_GROUP:
            self._flush()

    def close(self, errors: list[str]) -> None:
        if self._criteria is None:
            self._open(list(CORE_CRITERIA))
        self._flush()
        self._writer.close()
        self._out.close()

    def abort(self) -> None:
        self._out.abort()
