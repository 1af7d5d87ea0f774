"""Lint many cards in worker processes; results come back in input order (deterministic output).

Each worker receives the rules and the function that lints one card once (at start-up), then
batches of ``(path, settings, display)`` items; it returns a :class:`~repro_lint.results.FileResult` or, for a card that cannot be read, the
one-line error. ``pool.map`` keeps the input order, so the report is the same as a serial run's.

When worker processes cannot be used (the rules cannot be sent to them, or the pool breaks), the
cards are linted in this process instead: the result is the same, only slower.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Optional, Sequence, Union

from .config import Settings
from .inputs import InputError
from .results import FileResult, Rule

Item = tuple[str, Settings, str]
Outcome = Union[FileResult, str]
#: Lints one card: (path, rules, settings, display name) → result (``repro_lint.runner.lint_one``).
LintOne = Callable[[str, Sequence[Rule], Settings, str], FileResult]

_RULES: Optional[list[Rule]] = None  # per worker process, set once by the initializer
_LINT_ONE: Optional[LintOne] = None


def _init(rules: Sequence[Rule], lint_one: LintOne) -> None:
    global _RULES, _LINT_ONE
    _RULES, _LINT_ONE = list(rules), lint_one


def _lint_with(lint_one: LintOne, rules: Sequence[Rule], item: Item) -> Outcome:
    path, settings, display = item
    try:
        return lint_one(path, rules, settings, display)
    except InputError as exc:
        return str(exc)


def _lint(item: Item) -> Outcome:
    assert _LINT_ONE is not None, "the worker was started without its initializer"
    return _lint_with(_LINT_ONE, _RULES or [], item)


def _context() -> Any:
    """``fork`` on Linux: workers start at once and inherit the loaded rules and warm caches."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None  # the platform default (spawn on macOS and Windows)


def chunk_size(items: int, jobs: int) -> int:
    """Batches big enough to amortise the hand-off, small enough to keep every worker busy to the end."""
    return max(1, min(32, items // (jobs * 4)))


def lint_parallel(work: Sequence[Item], jobs: int, rules: Sequence[Rule], lint_one: LintOne, on_done: Optional[Callable[[], None]] = None) -> list[Outcome]:
    """Lint ``work`` with ``jobs`` worker processes; one outcome per item, in the order of ``work``.

    ``on_done`` is called after each item (for a progress bar)."""
    jobs = min(jobs, len(work))
    if jobs <= 1:
        return [_lint_with(lint_one, rules, item) for item in work]
    context = _context()
    if context is None or context.get_start_method() != "fork":
        try:
            pickle.dumps(list(rules))  # the rules travel to each worker; a closure cannot
        except Exception:
            return [_lint_with(lint_one, rules, item) for item in work]
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init, initargs=(list(rules), lint_one)) as pool:
            outcomes = []
            for outcome in pool.map(_lint, work, chunksize=chunk_size(len(work), jobs)):
                outcomes.append(outcome)
                if on_done is not None:
                    on_done()
            return outcomes
    except (BrokenProcessPool, pickle.PicklingError):
        return [_lint_with(lint_one, rules, item) for item in work]
