"""One lint run over many cards: resolve settings per card, read, parse, lint, collect a Report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Optional, Sequence

from .config import ConfigCache, ConfigError, Settings, check_criteria
from .engine import lint_card
from .inputs import InputError, read_card
from .model import FileResult, Report, Rule

EXIT_OK, EXIT_GATE, EXIT_ERROR = 0, 1, 2


@dataclass
class RunOptions:
    config: Optional[Path] = None
    isolated: bool = False
    overrides: dict[str, Any] = field(default_factory=dict)  # Settings fields set on the command line
    stdin_filename: Optional[str] = None
    jobs: int = 1


def lint_one(path: str, rules: Sequence[Rule], settings: Settings, display: Optional[str] = None, stdin: Optional[BinaryIO] = None) -> FileResult:
    from .document import parse

    text = read_card(path, settings.max_bytes, stdin)
    return lint_card(parse(text, display or path), rules, settings)


def settings_for(path: str, cache: ConfigCache, options: RunOptions, known: set[str]) -> Settings:
    base = cache.for_path(None if path == "-" else Path(path))
    settings = base.override(**options.overrides)
    check_criteria(settings, known)
    return settings


def run(paths: Sequence[str], rules: Sequence[Rule], options: RunOptions, stdin: Optional[BinaryIO] = None) -> Report:
    """Lint every path; unreadable cards and config problems go to ``report.errors`` (one line each)."""
    report = Report(rules=list(rules))
    known = {r.criterion for r in rules}
    try:
        cache = ConfigCache(options.config, options.isolated)
    except ConfigError as exc:
        report.errors.append(str(exc))
        return report
    work: list[tuple[str, Settings, str]] = []
    for path in paths:
        display = (options.stdin_filename or "<stdin>") if path == "-" else path
        try:
            settings = settings_for(path, cache, options, known)
        except ConfigError as exc:
            report.errors.append(str(exc))
            continue
        work.append((path, settings, display))
    if options.jobs > 1 and len(work) > 1 and not any(p == "-" for p, _, _ in work):
        from .parallel import lint_parallel

        results = lint_parallel(work, options.jobs, rules, lint_one)
        for item in results:
            if isinstance(item, str):
                report.errors.append(item)
            else:
                report.files.append(item)
        return report
    for path, settings, display in work:
        try:
            report.files.append(lint_one(path, rules, settings, display, stdin))
        except InputError as exc:
            report.errors.append(str(exc))
    return report


def exit_code(report: Report, exit_zero: bool = False) -> int:
    """0 gate passed; 1 gate failed; 2 usage, config, input or internal error (even with --exit-zero)."""
    if report.errors or report.internal_error:
        return EXIT_ERROR
    if report.gate_failed and not exit_zero:
        return EXIT_GATE
    return EXIT_OK
