"""Reporters turn a :class:`~repro_lint.model.Report` into text. They format; they never judge.

Each format lives in its own module, imported only when that format is asked for.
"""

from __future__ import annotations

import importlib
from typing import Callable

from ..model import Report

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


def get(name: str) -> Callable[..., str]:
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    return module.render  # type: ignore[no-any-return]  # a reporter module imported by name: its render has this signature


def render(report: Report, name: str, **options: object) -> str:
    return get(name)(report, **options)
