"""The ``repro-lint`` command line (click). Thin: options in, engine run, reporter out, exit code."""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence

import click

from . import __version__
from .reporters import FORMATS, SINKS

if TYPE_CHECKING:  # pragma: no cover
    from .sources import Item

#: Below this many cards the start-up cost of worker processes outweighs the gain.
PARALLEL_THRESHOLD = 16


def usable_cpus() -> int:
    """CPUs this process may run on (a container or ``taskset`` may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _codes(values: Sequence[str]) -> Optional[tuple[str, ...]]:
    items = tuple(part.strip() for v in values for part in v.split(",") if part.strip())
    return items or None


def _weights(values: Sequence[str]) -> Optional[dict[str, float]]:
    if not values:
        return None
    out: dict[str, float] = {}
    for v in values:
        name, sep, number = v.partition("=")
        try:
            weight = float(number)
        except ValueError:
            weight = -1.0
        if not sep or weight < 0:
            raise click.BadParameter(f"'{v}' is not CRITERION=WEIGHT with a non-negative number", param_hint="--weight")
        out[name.strip()] = weight
    return out


def use_color(choice: str, stream: Any) -> bool:
    """--color wins; then NO_COLOR / FORCE_COLOR / TERM=dumb; then whether the stream is a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: never a half-written report."""
    import tempfile

    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        os.chmod(tmp, _report_mode(target))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _report_mode(target: Path) -> int:
    """The permission bits the report gets: an existing file keeps its own, a new one the umask default."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # the report does not exist yet
        return False


def _selector_problem(rules: Sequence[Any], **flags: tuple[str, ...]) -> Optional[str]:
    """The first --select / --extend-select / --ignore value that names no installed code, as a message."""
    from .engine import ENGINE_CODES
    from .selectors import KnownCodes

    known = KnownCodes.of(rules, ENGINE_CODES)
    for flag, values in flags.items():
        problem = known.first_problem(_codes(values) or ())
        if problem:
            return f"--{flag.replace('_', '-')}: {problem}"
    return None


def _unknown_plugin(disabled: Sequence[str], plugins: Sequence[Any]) -> Optional[str]:
    """-p no:NAME naming no installed plugin would disable nothing: say so, with the closest name."""
    if not disabled:
        return None
    import difflib
    import re

    def normalize(name: str) -> str:  # packaging's name comparison: Acme_Plugin = acme-plugin
        return re.sub(r"[-_.]+", "-", name).lower()

    names = [p.name for p in plugins]
    known = {normalize(n) for p in plugins for n in (p.name, p.package)}
    for name in disabled:
        if normalize(name) not in known:
            hint = difflib.get_close_matches(name, names, n=1, cutoff=0.5)
            suggestion = f"; did you mean no:{hint[0]}?" if hint else f"; installed: {', '.join(names)}"
            return f"-p no:{name}: no plugin named '{name}'{suggestion}"
    return None


def _echo_err(message: str) -> None:
    click.echo(f"repro-lint: {message}", err=True)


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "-f",
    "--format",
    "--output-format",
    "fmt",
    type=click.Choice(list(FORMATS) + list(SINKS)),
    envvar="REPRO_LINT_OUTPUT_FORMAT",
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True), help="Write the report to this file (atomically) instead of stdout.")
@click.option("--select", multiple=True, help="Codes, prefixes or slugs to report (comma-separated; default ALL).")
@click.option("--extend-select", multiple=True, help="Codes to report in addition to the selected ones.")
@click.option("--ignore", multiple=True, help="Codes, prefixes or slugs not to report.")
@click.option("--require", multiple=True, help="Criteria that must be complete for the gate to pass (comma-separated).")
@click.option("--fail-under", type=click.FloatRange(0, 100), help="Fail when a card's score is below this (0-100).")
@click.option("--weight", "weights", multiple=True, metavar="CRITERION=W", help="Weight of a criterion in the score (repeatable).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when the gate fails (errors still exit 2).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), help="Use this configuration file for every card.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
@click.option("--no-inline-config", is_flag=True, help="Ignore repro-lint HTML comment directives in cards.")
@click.option("--stdin-filename", help="The name to report for a card read from stdin ('-').")
@click.option(
    "--profile",
    type=click.Choice(["seed", "osai", "mof", "eu-ai-act"]),
    help="Rule set and thresholds of a framework (default seed: the five criteria); see --explain profiles.",
)
@click.option("--max-bytes", type=click.IntRange(1), help="Refuse cards larger than this many bytes (default 8 MiB).")
@click.option("-j", "--jobs", type=click.IntRange(1), help=f"Worker processes (default: all CPUs for {PARALLEL_THRESHOLD}+ cards, else 1).")
@click.option("-p", "plugin_opts", multiple=True, metavar="no:NAME", help="Disable the plugin NAME (repeatable; also REPRO_LINT_DISABLE_PLUGINS).")
@click.option("--no-cache", is_flag=True, hidden=True, help="Accepted for compatibility; repro-lint keeps no pattern cache.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True, help="Colour the text output.")
@click.option("--from", "from_files", multiple=True, metavar="FILE", help="Read paths or ids from FILE, one per line (- for stdin; repeatable).")
@click.option("-r", "--recursive", is_flag=True, help="Search directories for README.md / MODEL_CARD.md / model_card.md and model_cards/*.md.")
@click.option("--id-column", metavar="NAME", help="The id column of a .parquet/.jsonl dump (default: modelId, model_id or id).")
@click.option("--text-column", metavar="NAME", help="The card text column of a dump (default: card, text or readme).")
@click.option("--hub-search", metavar="QUERY", help='Lint the models a Hub listing names, e.g. "author:ORG task:text-generation sort:downloads limit:100".')
@click.option("--resume", metavar="FILE", help="-f jsonl: skip the cards already in FILE and append the others to it.")
@click.option("--baseline", metavar="FILE", help="Compare with an earlier JSON or JSON Lines report: new, improved, regressed, unchanged.")
@click.option("--fail-on-regression", is_flag=True, help="With --baseline: the gate fails only when a card regressed.")
@click.option("--list-rules", is_flag=True, help="List every rule and finding code, then exit.")
@click.option("--list-plugins", is_flag=True, help="List installed plugins with their versions and rules (-f json for JSON), then exit.")
@click.option("--explain", metavar="CODE", help="Explain a rule, code or prefix (RL301, training-data-missing, RL3), or 'tiers' / 'profiles', then exit.")
@click.version_option(__version__, "--version", prog_name="repro-lint")
def cli(
    paths: tuple[str, ...],
    fmt: str,
    output_file: Optional[str],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    require: tuple[str, ...],
    fail_under: Optional[float],
    weights: tuple[str, ...],
    exit_zero: bool,
    config_path: Optional[str],
    isolated: bool,
    no_inline_config: bool,
    stdin_filename: Optional[str],
    max_bytes: Optional[int],
    jobs: Optional[int],
    plugin_opts: tuple[str, ...],
    color: str,
    list_rules: bool,
    list_plugins: bool,
    explain: Optional[str],
    profile: Optional[str] = None,
    no_cache: bool = False,
    from_files: tuple[str, ...] = (),
    recursive: bool = False,
    id_column: Optional[str] = None,
    text_column: Optional[str] = None,
    resume: Optional[str] = None,
    baseline: Optional[str] = None,
    fail_on_regression: bool = False,
    hub_search: Optional[str] = None,
) -> None:
    """Lint AI model cards for openness and reproducibility.

    Checks architecture, weights, training data, training method and hyperparameters, prints
    line-anchored findings, a per-criterion verdict, a 0-100 score and an openness tier.

    PATHS are card files, directories (their README.md / MODEL_CARD.md / model_card.md) or - for stdin;
    with no PATHS, the card in the current directory.

    Exit codes: 0 gate passed, 1 gate failed, 2 usage, configuration, input or internal error.
    """
    from .plugins import load_rules
    from .runner import RunOptions, exit_code, run

    disabled = []
    for opt in plugin_opts:
        if not opt.startswith("no:") or len(opt) < 4:
            raise click.BadParameter(f"'{opt}' must be no:NAME", param_hint="-p")
        disabled.append(opt[3:])
    loaded = load_rules(disabled)
    _startup_done()
    for error in loaded.errors:
        _echo_err(error)
    unknown_plugin = _unknown_plugin(disabled, loaded.plugins)
    if unknown_plugin:
        _echo_err(unknown_plugin)
        sys.exit(2)

    if list_rules or list_plugins or explain:
        from . import catalog

        if explain:
            text = catalog.explain(loaded.rules, explain)
            if text is None:
                from .engine import ENGINE_CODES
                from .selectors import KnownCodes

                hint = KnownCodes.of(loaded.rules, ENGINE_CODES).closest(explain)
                _echo_err(f"unknown rule or code '{explain}'" + (f"; did you mean {hint}?" if hint else " (see --list-rules)"))
                sys.exit(2)
            click.echo(text)
        elif list_plugins:
            click.echo(catalog.list_plugins(loaded.plugins, loaded.rules, as_json=fmt == "json"), nl=False)
        else:
            click.echo(catalog.list_rules(loaded.rules, as_json=fmt == "json"), nl=False)
        sys.exit(2 if loaded.errors else 0)
    if loaded.declarations_broken:  # a broken plugin setup would make every verdict suspect: fix it first
        sys.exit(2)  # (a plugin that crashed on import is reported on every card instead: RL001, exit 2)

    selector_problem = _selector_problem(loaded.rules + loaded.stand_ins, select=select, extend_select=extend_select, ignore=ignore)
    if selector_problem:
        _echo_err(selector_problem)
        sys.exit(2)

    from .inputs import is_dump

    if (
        fmt in SINKS
        or from_files
        or recursive
        or resume
        or baseline
        or fail_on_regression
        or id_column
        or text_column
        or hub_search is not None
        or any(is_dump(p) for p in paths)
    ):
        many = ManyOptions(from_files, recursive, id_column, text_column, resume, baseline, fail_on_regression, hub_search)
        sys.exit(
            _run_many(
                paths,
                many,
                fmt,
                output_file,
                loaded,
                stdin_filename,
                jobs,
                exit_zero,
                color,
                RunOptions(
                    Path(config_path) if config_path else None,
                    isolated,
                    _overrides(select, extend_select, ignore, require, fail_under, weights, max_bytes, no_inline_config, profile),
                ),
            )
        )

    from .targets import resolve_paths

    card_paths, path_errors = resolve_paths(paths)
    if output_file and any(_same_file(output_file, card) for card in card_paths if card != "-"):
        _echo_err(f"{output_file}: is one of the linted cards; refusing to overwrite it with the report")
        sys.exit(2)
    overrides = _overrides(select, extend_select, ignore, require, fail_under, weights, max_bytes, no_inline_config, profile)
    if jobs is None:
        jobs = usable_cpus() if len(card_paths) >= PARALLEL_THRESHOLD else 1
    options = RunOptions(Path(config_path) if config_path else None, isolated, overrides, stdin_filename, jobs)
    report = run(card_paths, loaded.rules + loaded.stand_ins, options)  # stand-ins report crashed plugins (RL001)
    report.errors[:0] = path_errors + loaded.errors
    for error in path_errors + report.errors[len(path_errors) + len(loaded.errors) :]:
        _echo_err(error)

    from . import reporters

    stream = sys.stdout
    colored = use_color(color, stream) and not output_file
    rendered = reporters.render(report, fmt, color=colored)
    if output_file:
        try:
            write_atomic(output_file, rendered)
        except OSError as exc:
            _echo_err(f"{output_file}: cannot write the report: {exc.strerror or exc}")
            sys.exit(2)
    elif rendered:
        click.echo(rendered, nl=False, color=colored)
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and summary_path:
        _append_step_summary(summary_path, report)
    sys.exit(exit_code(report, exit_zero))


def _overrides(
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    require: tuple[str, ...],
    fail_under: Optional[float],
    weights: tuple[str, ...],
    max_bytes: Optional[int],
    no_inline_config: bool,
    profile: Optional[str],
) -> dict[str, Any]:
    return {
        "select": _codes(select),
        "extend_select": _codes(extend_select),
        "ignore": _codes(ignore),
        "require": _codes(require),
        "fail_under": fail_under,
        "weights": _weights(weights),
        "max_bytes": max_bytes,
        "inline_config": False if no_inline_config else None,
        "profile": profile,
    }


@dataclass(frozen=True)
class ManyOptions:
    """The options for auditing many cards (inputs, resume, baseline)."""

    from_files: tuple[str, ...] = ()
    recursive: bool = False
    id_column: Optional[str] = None
    text_column: Optional[str] = None
    resume: Optional[str] = None
    baseline: Optional[str] = None
    fail_on_regression: bool = False
    hub_search: Optional[str] = None


def _run_many(
    paths: tuple[str, ...],
    many: ManyOptions,
    fmt: str,
    output_file: Optional[str],
    loaded: Any,
    stdin_filename: Optional[str],
    jobs: Optional[int],
    exit_zero: bool,
    color: str,
    options: Any,
) -> int:
    """Audit many cards: stream the inputs through the linter into a sink (or a report for the other formats)."""
    from . import reporters
    from .baseline import Baseline, Change, Status, render_section
    from .config import ConfigCache, ConfigError
    from .progress import progress_bar
    from .results import Report
    from .sources import DumpColumns, SourceError, count, expand, is_dump
    from .streaming import lint_stream, tasks

    if many.resume and fmt != "jsonl":
        _echo_err("--resume needs -f jsonl (the report it resumes)")
        return 2
    if many.resume and output_file and not _same_path(output_file, many.resume):
        _echo_err("--resume FILE appends to FILE: leave out -o or name the same file")
        return 2
    if many.fail_on_regression and not many.baseline:
        _echo_err("--fail-on-regression needs --baseline OLD.json")
        return 2
    if "-" in many.from_files and "-" in paths:
        _echo_err("stdin cannot be both a card (-) and a list (--from -)")
        return 2
    output = many.resume or output_file
    if output and any(_same_file(output, p) for p in paths if p != "-"):
        _echo_err(f"{output}: is one of the inputs; refusing to overwrite it with the report")
        return 2
    old: Optional[Baseline] = None
    if many.baseline:
        try:
            old = Baseline.load(many.baseline)
        except ValueError as exc:
            _echo_err(str(exc))
            return 2
    skip: frozenset[str] = frozenset()
    if many.resume:
        from .reporters.jsonl import done_ids

        try:
            skip = done_ids(many.resume)
        except (ValueError, OSError) as exc:
            _echo_err(str(exc))
            return 2
        if skip:
            _echo_err(f"resuming: {len(skip)} card(s) already in {many.resume} are skipped")
    try:
        cache = ConfigCache(options.config, options.isolated)
    except ConfigError as exc:
        _echo_err(str(exc))
        return 2
    if many.hub_search is not None:  # a bad query is one line before anything runs
        from .hub_search import HubSearchError, parse_query

        try:
            parse_query(many.hub_search)
        except HubSearchError as exc:
            _echo_err(str(exc))
            return 2
    if not paths and not many.from_files and many.recursive:
        paths = (".",)
    # Arrow's default allocator keeps freed memory mapped; the system allocator returns it, which keeps
    # the main process flat while it streams a dump (only matters before pyarrow is first imported).
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    items: Iterable[Item] = expand(paths, many.from_files, many.recursive, DumpColumns(many.id_column, many.text_column), hub_search=many.hub_search)
    if not paths and not many.from_files and many.hub_search is None:  # the card in the current directory, as for a single card
        from .targets import resolve_paths

        found, missing = resolve_paths(())
        items = [*found, *(SourceError(e) for e in missing)]
    known = {r.criterion for r in loaded.rules + loaded.stand_ins}
    work = tasks(items, options.overrides, cache, known, stdin_filename, skip)
    uses_stdin = "-" in paths
    if jobs is None:
        jobs = 1 if uses_stdin else usable_cpus()
    if uses_stdin:
        jobs = 1
    total: Optional[int] = None
    if not many.from_files and not many.recursive and many.hub_search is None:
        sizes = [count(p) if is_dump(p) else 1 for p in paths]
        total = None if any(n is None for n in sizes) else sum(n for n in sizes if n is not None) - len(skip)
    errors: list[str] = list(loaded.errors)
    for error in loaded.errors:
        _echo_err(error)
    sink: Any = None
    report: Optional[Report] = None
    try:
        if fmt in SINKS:
            sink = reporters.open_sink(fmt, output, append=bool(many.resume), baseline=old)
        else:
            report = Report(rules=list(loaded.rules + loaded.stand_ins))
    except (ValueError, ImportError, OSError) as exc:
        hint = " (pip install 'repro-lint[parquet]')" if isinstance(exc, ImportError) else ""
        _echo_err(f"cannot write {fmt}: {exc}{hint}")
        return 2
    changes: list[Change] = []
    gate_failed = internal_error = False
    try:
        with progress_bar(total) as advance:
            for outcome in lint_stream(work, loaded.rules + loaded.stand_ins, jobs, advance=advance):
                if isinstance(outcome, str):
                    errors.append(outcome)
                    _echo_err(outcome)
                    continue
                gate_failed = gate_failed or outcome.gate_failed
                internal_error = internal_error or outcome.internal_error
                if old is not None:
                    changes.append(old.compare(outcome))
                if sink is not None:
                    sink.write(outcome)
                else:
                    assert report is not None
                    report.files.append(outcome)
    except BaseException:
        if sink is not None:
            sink.abort()
        raise
    if sink is not None:
        try:
            sink.close(errors)
        except OSError as exc:
            _echo_err(f"{output}: cannot write the report: {exc.strerror or exc}")
            return 2
    else:
        assert report is not None
        report.errors = errors
        colored = use_color(color, sys.stdout) and not output
        rendered = reporters.render(report, fmt, color=colored)
        if old is not None:
            rendered += render_section(fmt, changes, many.baseline or "")
        if output:
            try:
                write_atomic(output, rendered)
            except OSError as exc:
                _echo_err(f"{output}: cannot write the report: {exc.strerror or exc}")
                return 2
        elif rendered:
            click.echo(rendered, nl=False, color=colored)
    if old is not None and fmt in SINKS:
        section = render_section("text", changes, many.baseline or "")
        if section:
            click.echo(section.strip("\n"), err=True)
    if errors or internal_error:
        return 2
    if many.fail_on_regression:
        failed = any(c.status == Status.REGRESSED for c in changes)
    else:
        failed = gate_failed
    return 1 if failed and not exit_zero else 0


def _same_path(a: str, b: str) -> bool:
    return os.path.abspath(a) == os.path.abspath(b) or _same_file(a, b)


def _append_step_summary(path: str, report: Any) -> None:
    """GitHub Actions: append the Markdown report to the job summary (a warning if that fails)."""
    from .reporters.github import step_summary

    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(step_summary(report))
    except OSError as exc:
        _echo_err(f"warning: {path}: cannot append the step summary: {exc.strerror or exc}")


def _startup_done() -> None:
    """After start-up under :func:`console_main`: freeze what it created and collect garbage again."""
    if not gc.isenabled():  # only when console_main() switched it off: a host program's collector is left alone
        gc.freeze()
        gc.enable()


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point; returns the exit code. Any unexpected error is one line on stderr and exit 2."""
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="repro-lint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:
        _echo_err("aborted")
        return 2
    except SystemExit as exc:
        code = exc.code
        return code if isinstance(code, int) else (0 if code is None else 2)
    except KeyboardInterrupt:
        _echo_err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last line of defence: never a traceback
        _echo_err(f"internal error: {exc.__class__.__name__}: {exc}")
        return 2
    return 0


def console_main() -> int:
    """The ``repro-lint`` command: :func:`main` with the garbage collector kept out of start-up and exit.

    Start-up (imports, plugins, compiled patterns) creates long-lived objects and no garbage cycles;
    the collector is off until the plugins are loaded, then the start-up objects are frozen
    (``gc.freeze``) so that neither the collections while cards are linted nor the one at interpreter
    exit walk through them again.
    """
    gc.disable()
    try:
        return main()
    finally:
        gc.enable()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(console_main())
