"""One lint run over many cards: resolve settings per card, read, parse, lint, collect a Report."""

from __future__ import annotations

import contextlib
import gc
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterator, Optional, Sequence

from .config import ConfigCache, ConfigError, Settings, check_criteria, check_selectors
from .engine import ENGINE_CODES, lint_card
from .inputs import InputError, read_card
from .results import FileResult, Report, Rule
from .selectors import KnownCodes

if TYPE_CHECKING:  # pragma: no cover
    from .progress import Progress

EXIT_OK, EXIT_GATE, EXIT_ERROR = 0, 1, 2


@dataclass
class RunOptions:
    config: Optional[Path] = None
    isolated: bool = False
    overrides: dict[str, Any] = field(default_factory=dict)  # Settings fields set on the command line
    stdin_filename: Optional[str] = None
    jobs: int = 1


#: A card this large or larger is parsed and linted with the cyclic garbage collector paused. Such a card makes
#: millions of objects that live until it is done, and each of the collector's full passes walks all of them
#: again (an 8 MB card: about 5 % of its time). What it makes holds no reference cycles but the card and its
#: index, which the collector frees once it runs again.
PAUSE_COLLECTOR_BYTES = 256 * 1024


@contextlib.contextmanager
def collector_paused(size: int) -> Iterator[None]:
    """Pause the cyclic garbage collector while a card of ``size`` characters is parsed and linted, when it is
    large (see :data:`PAUSE_COLLECTOR_BYTES`) and the collector is running; restore it afterwards."""
    if size < PAUSE_COLLECTOR_BYTES or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


#: Whether this process has linted a one-line card yet (see :func:`_warm_up`).
_warmed_up = False


def _warm_up(rules: Sequence[Rule], settings: Settings) -> None:
    """Lint a one-line card, once, before the first large card a process reads.

    The keyword pre-check numbers a pattern's keywords when a rule first uses it, and a card's sentences are
    scanned once for each batch of new keywords: the first card of a process is read some forty times over,
    once per pattern table the rules reach, where later cards are read once. On a one-line card that costs
    nothing; on a 5 MB card read first it took 17.3 s instead of 12.2. A one-line card makes the rules reach
    every pattern they use on any card (the keywords of patterns used only on release files, or by rules
    that are off, are left unnumbered: numbering every declared pattern cost 1.3 MB more).
    """
    global _warmed_up
    from .document import parse

    _warmed_up = True
    lint_card(parse("# warm-up\n", "<warm-up>"), rules, settings)


def lint_one(
    path: str,
    rules: Sequence[Rule],
    settings: Settings,
    display: Optional[str] = None,
    stdin: Optional[BinaryIO] = None,
    progress: Optional[Callable[[str], None]] = None,
    prefetched: Optional[dict[str, Any]] = None,
    reading: Optional[Callable[[float], None]] = None,
) -> FileResult:
    """Lint a card file, a release folder or a Hub model (``prefetched``: Hub results fetched beforehand;
    ``progress``: told each step's name; ``reading``: told the share of the card parsed so far)."""
    from .document import parse

    if path != "-" and (os.path.isdir(path) or not os.path.lexists(path)):
        from .release_lint import is_release_arg, lint_release_arg

        if is_release_arg(path):
            return lint_release_arg(path, rules, settings, prefetched)
    text = read_card(path, settings.max_bytes, stdin)
    if not _warmed_up and len(text) >= PAUSE_COLLECTOR_BYTES:
        _warm_up(rules, settings)
    if progress is not None:
        progress("parsing")
    with collector_paused(len(text)):
        return lint_card(parse(text, display or path, reading), rules, settings, progress)


def settings_for(path: str, cache: ConfigCache, options: RunOptions, known: set[str], codes: Optional[KnownCodes] = None) -> Settings:
    local = path != "-" and os.path.lexists(path)
    base = cache.for_path(None if not local else Path(path, "README.md") if os.path.isdir(path) else Path(path))
    if codes is not None and base.source is not None:
        check_selectors(base, codes)  # the command line's selectors are checked by the command line
    settings = base.override(**options.overrides)
    check_criteria(settings, known)
    return settings


def run(paths: Sequence[str], rules: Sequence[Rule], options: RunOptions, stdin: Optional[BinaryIO] = None) -> Report:
    """Lint every path; unreadable cards and config problems go to ``report.errors`` (one line each)."""
    report = Report(rules=list(rules))
    known = {r.criterion for r in rules}
    codes = KnownCodes.of(rules, ENGINE_CODES)
    try:
        cache = ConfigCache(options.config, options.isolated)
    except ConfigError as exc:
        report.errors.append(str(exc))
        return report
    work: list[tuple[str, Settings, str]] = []
    for path in paths:
        display = (options.stdin_filename or "<stdin>") if path == "-" else path
        try:
            settings = settings_for(path, cache, options, known, codes)
        except ConfigError as exc:
            if str(exc) not in report.errors:  # one line per broken file, however many cards it covers
                report.errors.append(str(exc))
            continue
        work.append((path, settings, display))
    prefetched = _prefetch_hub(work)  # Hub models: fetched in threads here, then linted in this process
    if options.jobs > 1 and len(work) > 1 and not prefetched and not any(p == "-" for p, _, _ in work):
        from .parallel import lint_parallel

        with _progress(len(work), "card") as bar:
            results = lint_parallel(work, options.jobs, rules, lint_one, on_done=bar.advance if bar.shown else None)
        for item in results:
            if isinstance(item, str):
                report.errors.append(item)
            else:
                report.files.append(item)
        return report
    # One card: a step per rule (a large card is slow within one card); several: a step per card.
    steps = len(rules) + 1 if len(work) == 1 else len(work)
    with _progress(steps, "step" if len(work) == 1 else "card") as bar:
        for path, settings, display in work:
            step = reading = None
            if bar.shown and len(work) == 1:

                def step(name: str) -> None:
                    bar.describe(name)
                    bar.advance()

                def reading(share: float) -> None:  # parsing a large card is one step of many seconds
                    bar.note(f"parsing {share:.0%}")

            try:
                report.files.append(lint_one(path, rules, settings, display, stdin, step, prefetched, reading))
            except InputError as exc:
                report.errors.append(str(exc))
            if len(work) > 1:
                bar.advance()
    return report


def _prefetch_hub(work: Sequence[tuple[str, Settings, str]]) -> dict[str, Any]:
    """Models named by Hub id, fetched concurrently before linting (network waits overlap)."""
    hub_args = [p for p, _, _ in work if p != "-" and not os.path.lexists(p)]
    if not hub_args:
        return {}
    from .release_lint import prefetch

    return prefetch(hub_args, max(s.max_bytes for _, s, _ in work))


def _progress(total: int, unit: str) -> "Progress":
    """A progress bar on standard error when it is a terminal (see :mod:`repro_lint.progress`)."""
    from .progress import Progress

    return Progress(total, unit)


def exit_code(report: Report, exit_zero: bool = False) -> int:
    """0 gate passed; 1 gate failed; 2 usage, config, input or internal error (even with --exit-zero)."""
    if report.errors or report.internal_error:
        return EXIT_ERROR
    if report.gate_failed and not exit_zero:
        return EXIT_GATE
    return EXIT_OK
