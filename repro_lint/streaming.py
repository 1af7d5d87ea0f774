"""Streaming execution: lint an unbounded stream of work items with flat memory, results in input order.

:func:`lint_stream` reads the items (paths, ids, dump rows from :mod:`repro_lint.sources`) lazily,
resolves each one's settings, lints them in this process or in ``jobs`` worker processes, and
yields each outcome (a :class:`~repro_lint.results.FileResult`, or a one-line error string) in input
order as soon as it is ready. At most ``jobs × 4`` batches are in flight, so memory does not grow
with the number of cards; nothing is collected here (the sinks write each result and drop it).

Items whose name is in ``skip`` (the ids already present in a ``--resume`` file) are not linted.
"""

from __future__ import annotations

import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from .config import ConfigCache, ConfigError, Settings
from .results import FileResult, Rule
from .sources import CardText, Item, SourceError

Outcome = FileResult | str


@dataclass(frozen=True)
class Task:
    """One card ready to lint: a path (``text`` None) or a card's text, with its settings."""

    name: str
    settings: Settings
    path: str | None = None
    text: str | None = None


def run_task(rules: Sequence[Rule], task: Task) -> Outcome:
    """Lint one task; a card that cannot be read is its one-line error."""
    from .engine import lint_text
    from .inputs import InputError
    from .runner import lint_one

    try:
        if task.text is not None:
            return lint_text(task.text, task.name, rules, task.settings)
        return lint_one(task.path or task.name, rules, task.settings, task.name)
    except InputError as exc:
        return str(exc)


def _run_batch(batch: list[Task]) -> list[Outcome]:
    from . import parallel

    return [run_task(parallel._RULES or [], task) for task in batch]


def tasks(
    items: Iterable[Item],
    options_overrides: dict[str, object],
    cache: ConfigCache,
    known: set[str],
    stdin_filename: str | None = None,
    skip: frozenset[str] = frozenset(),
) -> Iterator[Task | str]:
    """Turn work items into tasks (or one-line errors), resolving paths and settings per card."""
    from .config import check_criteria
    from .targets import resolve_paths

    def settings_at(where: str | None) -> Settings:
        base = cache.for_path(None if where is None or where == "-" else Path(where))
        settings = base.override(**options_overrides)
        check_criteria(settings, known)
        return settings

    for item in items:
        try:
            if isinstance(item, SourceError):
                yield item.message
            elif isinstance(item, CardText):
                if item.name not in skip:
                    yield Task(item.name, settings_at(item.source), text=item.text)
            else:
                paths, errors = resolve_paths((item,))
                yield from errors
                for path in paths:
                    name = (stdin_filename or "<stdin>") if path == "-" else path
                    if name not in skip:
                        yield Task(name, settings_at(path), path=path)
        except ConfigError as exc:
            yield str(exc)


def lint_stream(
    work: Iterable[Task | str],
    rules: Sequence[Rule],
    jobs: int = 1,
    batch_size: int = 16,
    advance: Callable[[int], None] | None = None,
) -> Iterator[Outcome]:
    """Lint the tasks of ``work`` (strings in it are errors passed through), yielding outcomes in order."""
    if jobs <= 1:
        yield from _serial(work, rules, advance)
        return
    from .parallel import _context, _init
    from .runner import lint_one

    context = _context()
    if context is None or context.get_start_method() != "fork":
        try:
            pickle.dumps(list(rules))
        except (pickle.PicklingError, TypeError, AttributeError):
            yield from _serial(work, rules, advance)
            return
    pending: deque[Future[list[Outcome]] | list[Outcome]] = deque()
    limit = jobs * 4
    batch: list[Task] = []
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init, initargs=(list(rules), lint_one)) as pool:
            pool.submit(int).result()  # start the workers now, before the main process holds any card data

            def drain(until: int) -> Iterator[Outcome]:
                while len(pending) > until:
                    head = pending.popleft()
                    done = head if isinstance(head, list) else head.result()
                    if advance is not None:
                        advance(sum(1 for o in done if not isinstance(o, str)))
                    yield from done

            for entry in work:
                if isinstance(entry, str):  # keep an error in its place in the order
                    if batch:
                        pending.append(pool.submit(_run_batch, batch))
                        batch = []
                    pending.append([entry])
                else:
                    batch.append(entry)
                    if len(batch) >= batch_size:
                        pending.append(pool.submit(_run_batch, batch))
                        batch = []
                yield from drain(limit)
            if batch:
                pending.append(pool.submit(_run_batch, batch))
            yield from drain(0)
    except BrokenProcessPool as exc:
        raise RuntimeError(f"a worker process died ({exc}); run again with --jobs 1") from None


def _serial(work: Iterable[Task | str], rules: Sequence[Rule], advance: Callable[[int], None] | None) -> Iterator[Outcome]:
    for entry in work:
        if isinstance(entry, str):
            yield entry
            continue
        outcome = run_task(rules, entry)
        if advance is not None and not isinstance(outcome, str):
            advance(1)
        yield outcome
