"""Lint many cards in worker processes; results come back in input order (deterministic output)."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from typing import Optional, Sequence, Union

from .config import Settings
from .inputs import InputError
from .model import FileResult, Rule

_RULES: Optional[list[Rule]] = None  # per worker process, set once by the initializer


def _init(rules: Sequence[Rule]) -> None:
    global _RULES
    _RULES = list(rules)


def _lint(item: tuple[str, Settings, str]) -> Union[FileResult, str]:
    from .runner import lint_one

    path, settings, display = item
    try:
        return lint_one(path, _RULES or [], settings, display)
    except InputError as exc:
        return str(exc)


def lint_parallel(work: Sequence[tuple[str, Settings, str]], jobs: int, rules: Sequence[Rule] = ()) -> list[Union[FileResult, str]]:
    chunk = max(1, len(work) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(list(rules),)) as pool:
        return list(pool.map(_lint, work, chunksize=chunk))
