"""Reporters turn a :class:`~repro_lint.results.Report` into text. They format; they never judge.

Each format lives in its own module, imported only when that format is asked for.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Optional

from ..results import Report

#: format name → module in this package; every module has ``render(report, *, color=False) -> str``.
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "github": "github",
    "markdown": "markdown",
    "junit": "junit",
    "gitlab": "gitlab",
}


#: audit formats written card by card as results arrive (see ``_sink``): format → (module, sink class).
SINKS: dict[str, tuple[str, str]] = {
    "jsonl": ("jsonl", "JsonLinesSink"),
    "csv": ("csv_report", "CsvSink"),
    "parquet": ("parquet", "ParquetSink"),
    "html": ("html", "HtmlSink"),
}


def open_sink(name: str, output: Optional[str], **options: Any) -> Any:
    """A sink of format ``name`` writing to ``output`` (None: standard output)."""
    module, cls = SINKS[name]
    return getattr(importlib.import_module(f"{__name__}.{module}"), cls)(output, **options)


def get(name: str) -> Callable[..., str]:
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    return module.render  # type: ignore[no-any-return]  # a reporter module imported by name: its render has this signature


def render(report: Report, name: str, **options: object) -> str:
    return get(name)(report, **options)
