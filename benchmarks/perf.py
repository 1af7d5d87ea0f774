"""Performance of repro-lint against baselines measured in the same run.

Usage:
    python benchmarks/perf.py [--corpus ../shared/corpus] [--quick] [--only cold,throughput,scaling,parallel,peers]
                              [--runs N] [--files N] [--json out.json]

Five measurements, each a ratio against a baseline timed in the same run, runs interleaved, medians:

1. cold start   ``repro-lint CARD.md`` (a new process) against ``python -c "import markdown_it, click,
                pluggy, yaml"``; target ≤ 1.5×; wall time and CPU time (user + system of the child,
                less sensitive to other work on the machine). repro-lint's modules are byte-compiled
                first, as ``pip install`` does: with ``PYTHONDONTWRITEBYTECODE`` set, an editable
                install would otherwise compile them from source on every run, and the baseline's
                packages are byte-compiled;
2. throughput   linting the corpus cards replicated to ~2 000 files (read, parse, all rules, engine; one
                process) against reading and parsing the same files with markdown-it-py alone, in the
                same process; target ≤ 2×; also cards per second;
3. scaling      one card of 10 KB, 100 KB, 1 MB and 10 MB built by repeating a real card's body;
                seconds per MB at each size; target: the largest within 1.5× of the smallest;
4. parallelism  the replicated corpus through the command line with ``--jobs 1`` and ``--jobs N``
                (N = CPUs); speed-up, and a check that both print identical output;
5. peers        the same files through pymarkdownlnt and markdownlint-cli2 (generic Markdown linters),
                when installed: found on PATH, or via ``PYMARKDOWN`` / ``MARKDOWNLINT_CLI2`` (paths to
                the executables). Absent peers are reported as absent.

Timings depend on the machine and its load; the ratios are what to compare. The replicated corpus
lives in a temporary directory that is removed at the end. Nothing here runs in the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE_CARD = ROOT / "fixtures" / "open-reproducible.md"
SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
TARGETS = {"cold start": 1.5, "throughput": 2.0, "scaling": 1.5}


def median_of(samples: Sequence[float]) -> float:
    return statistics.median(samples) if samples else float("nan")


def interleaved(jobs: dict[str, Callable[[], Any]], runs: int, warmup: int = 1) -> dict[str, float]:
    """Run each job ``runs`` times, alternating between jobs (so load changes hit all alike); medians."""
    for _ in range(warmup):
        for job in jobs.values():
            job()
    samples: dict[str, list[float]] = {name: [] for name in jobs}
    for i in range(runs):
        order = list(jobs) if i % 2 == 0 else list(reversed(jobs))
        for name in order:
            start = time.perf_counter()
            jobs[name]()
            samples[name].append(time.perf_counter() - start)
    return {name: median_of(values) for name, values in samples.items()}


def command(argv: Sequence[str]) -> Callable[[], subprocess.CompletedProcess[bytes]]:
    return lambda: subprocess.run(list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def repro_lint_argv() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m repro_lint.cli``."""
    script = Path(sys.executable).with_name("repro-lint")
    return [str(script)] if script.exists() else [sys.executable, "-m", "repro_lint.cli"]


def corpus_texts(corpus: Path) -> list[tuple[str, str]]:
    cards = sorted((corpus / "cards").glob("*.md"))
    if not cards:
        raise SystemExit(f"no cards in {corpus / 'cards'} (pass --corpus)")
    return [(p.stem, p.read_text(encoding="utf-8")) for p in cards]


def replicate(texts: list[tuple[str, str]], count: int, directory: Path) -> list[str]:
    """Write ``count`` files cycling through the corpus cards; returns their paths."""
    paths = []
    for i in range(count):
        name, text = texts[i % len(texts)]
        path = directory / f"{i:05d}-{name}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


# --- 1. cold start -------------------------------------------------------------------------------


def children_cpu_s() -> float:
    """CPU time (user + system) of the finished child processes so far; 0 where the platform does not say."""
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def byte_compile_package() -> None:
    """Write the .pyc files of repro-lint's modules, as an installed wheel has them."""
    import compileall

    for package in (ROOT / "repro_lint", ROOT / "rules"):
        compileall.compile_dir(str(package), quiet=1)


def bench_cold(card: Path, runs: int) -> dict[str, Any]:
    byte_compile_package()
    cpu: dict[str, list[float]] = {"import baseline": [], "repro-lint": []}

    def with_cpu(name: str, argv: list[str]) -> Callable[[], None]:
        run = command(argv)

        def job() -> None:
            before = children_cpu_s()
            run()
            cpu[name].append(children_cpu_s() - before)

        return job

    base = with_cpu("import baseline", [sys.executable, "-c", "import markdown_it, click, pluggy, yaml"])
    lint = with_cpu("repro-lint", repro_lint_argv() + [str(card)])
    times = interleaved({"import baseline": base, "repro-lint": lint}, runs)
    ratio = times["repro-lint"] / times["import baseline"]
    cpu_s = {name: median_of(samples[1:]) for name, samples in cpu.items()}  # without the warm-up run
    cpu_ratio = cpu_s["repro-lint"] / cpu_s["import baseline"] if cpu_s["import baseline"] else float("nan")
    return {
        "card": str(card),
        "runs": runs,
        "baseline_s": times["import baseline"],
        "repro_lint_s": times["repro-lint"],
        "ratio": ratio,
        "baseline_cpu_s": cpu_s["import baseline"],
        "repro_lint_cpu_s": cpu_s["repro-lint"],
        "cpu_ratio": cpu_ratio,
    }


# --- 2. throughput -------------------------------------------------------------------------------


def _markdown_parser() -> Any:
    """markdown-it-py configured as repro-lint needs it (CommonMark, tables, front matter), nothing else."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark", {"maxNesting": 40}).use(front_matter_plugin).enable("table")


def bench_throughput(paths: list[str], runs: int) -> dict[str, Any]:
    from repro_lint.plugins import load_rules
    from repro_lint.runner import RunOptions, run

    rules = load_rules().rules
    parser = _markdown_parser()

    def parse_only() -> None:
        for path in paths:
            with open(path, encoding="utf-8") as fh:
                parser.parse(fh.read())

    def lint_all() -> None:
        report = run(paths, rules, RunOptions(isolated=True))
        if report.errors or len(report.files) != len(paths):
            raise SystemExit(f"throughput run failed: {report.errors[:3]}")

    times = interleaved({"markdown-it parse": parse_only, "repro-lint": lint_all}, runs)
    ratio = times["repro-lint"] / times["markdown-it parse"]
    return {
        "files": len(paths),
        "parse_s": times["markdown-it parse"],
        "lint_s": times["repro-lint"],
        "ratio": ratio,
        "cards_per_s": len(paths) / times["repro-lint"],
        "parse_cards_per_s": len(paths) / times["markdown-it parse"],
    }


# --- 3. scaling ----------------------------------------------------------------------------------


def scaled_card(text: str, size: int) -> str:
    """A card of about ``size`` characters: the front matter once, then the body repeated."""
    head, body = "", text
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end > 0:
            head, body = text[: end + 5], text[end + 5 :]
    body = body.strip("\n") + "\n\n"
    repeats = max(1, round((size - len(head)) / len(body)))
    return head + body * repeats


def scaling_sample(texts: list[tuple[str, str]]) -> str:
    """A real card of 5-10 KB (so that the 10 KB card is the card itself, not a slice of a bigger one)."""
    fitting = [t for _, t in texts if 5_000 <= len(t.encode("utf-8")) <= 10_000]
    if not fitting:
        return SAMPLE_CARD.read_text(encoding="utf-8")
    return max(fitting, key=lambda t: len(t.encode("utf-8")))


def human(size: float) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} KB"


def bench_scaling(sample: str, sizes: Sequence[int], quick: bool) -> dict[str, Any]:
    from repro_lint.config import Settings
    from repro_lint.document import parse
    from repro_lint.engine import lint_card
    from repro_lint.plugins import load_rules

    rules = load_rules().rules
    settings = Settings()
    rows = []
    cards = {size: scaled_card(sample, size) for size in sizes}
    for text in cards.values():  # warm-up: every size once, so all sizes run with the same caches
        if len(text) <= 1_100_000:
            lint_card(parse(text), rules, settings)
    for _size, text in cards.items():
        repeat = max(1, min(20 if not quick else 5, 2_000_000 // len(text)))
        runs = 3 if len(text) < 5_000_000 or not quick else 1
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            for _ in range(repeat):
                lint_card(parse(text), rules, settings)
            samples.append((time.perf_counter() - start) / repeat)
        seconds = median_of(samples)
        megabytes = len(text.encode("utf-8")) / 1_000_000
        rows.append({"size_bytes": len(text.encode("utf-8")), "seconds": seconds, "s_per_mb": seconds / megabytes})
    smallest, largest = rows[0]["s_per_mb"], rows[-1]["s_per_mb"]
    return {"rows": rows, "ratio": largest / smallest}


# --- 4. parallelism ------------------------------------------------------------------------------


def bench_parallel(paths: list[str], runs: int, jobs: int) -> dict[str, Any]:
    argv = repro_lint_argv() + ["--isolated", "--exit-zero", "--format", "json"]

    def output(n: int) -> bytes:
        return subprocess.run(argv + ["--jobs", str(n)] + paths, capture_output=True, check=False).stdout

    identical = output(1) == output(jobs)
    times = interleaved({"--jobs 1": command(argv + ["--jobs", "1"] + paths), f"--jobs {jobs}": command(argv + ["--jobs", str(jobs)] + paths)}, runs, warmup=0)
    return {
        "files": len(paths),
        "jobs": jobs,
        "serial_s": times["--jobs 1"],
        "parallel_s": times[f"--jobs {jobs}"],
        "speedup": times["--jobs 1"] / times[f"--jobs {jobs}"],
        "identical_output": identical,
    }


# --- 5. peers ------------------------------------------------------------------------------------


def find_peer(env: str, *names: str) -> Optional[str]:
    if os.environ.get(env):
        return os.environ[env]
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def bench_peers(directory: Path, paths: list[str], runs: int, jobs: int) -> dict[str, Any]:
    peers: dict[str, Optional[list[str]]] = {}
    pymarkdown = find_peer("PYMARKDOWN", "pymarkdown", "pymarkdownlnt")
    peers["pymarkdownlnt"] = [pymarkdown, "scan", str(directory)] if pymarkdown else None
    markdownlint = find_peer("MARKDOWNLINT_CLI2", "markdownlint-cli2")
    peers["markdownlint-cli2"] = [markdownlint, str(directory / "*.md")] if markdownlint else None
    ours = repro_lint_argv() + ["--isolated", "--exit-zero", "--jobs", str(jobs)] + paths
    jobs_to_time = {f"repro-lint --jobs {jobs}": command(ours)}
    for name, argv in peers.items():
        if argv:
            jobs_to_time[name] = command(argv)
    times = interleaved(jobs_to_time, runs, warmup=0)
    out: dict[str, Any] = {"files": len(paths)}
    for name in [f"repro-lint --jobs {jobs}", *peers]:
        out[name] = times.get(name)  # None: the peer is not installed
    return out


# --- report --------------------------------------------------------------------------------------


def load_note() -> str:
    """The 1-minute load average, when the platform reports it: a busy machine makes timings noisy."""
    if not hasattr(os, "getloadavg"):
        return ""
    return f", load average {os.getloadavg()[0]:.1f}"


def verdict(ratio: float, target: float) -> str:
    return "meets" if ratio <= target else "MISSES"


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="directory with cards/*.md (default ../shared/corpus)")
    ap.add_argument("--only", default="cold,throughput,scaling,parallel,peers", help="comma-separated subset")
    ap.add_argument("--quick", action="store_true", help="fewer files and runs (a smoke run, noisier)")
    ap.add_argument("--runs", type=int, help="interleaved runs per measurement")
    ap.add_argument("--files", type=int, help="files in the replicated corpus (default 2000, 300 with --quick)")
    ap.add_argument("--jobs", type=int, help="workers for the parallel run (default: CPUs)")
    ap.add_argument("--card", type=Path, default=SAMPLE_CARD, help="card for the cold-start run")
    ap.add_argument("--json", type=Path, help="also write the results as JSON")
    args = ap.parse_args(argv)

    only = {part.strip() for part in args.only.split(",") if part.strip()}
    files = args.files or (300 if args.quick else 2000)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    jobs = args.jobs or cpus
    results: dict[str, Any] = {"python": sys.version.split()[0], "cpus": cpus, "machine": os.uname().machine if hasattr(os, "uname") else "?"}
    print(f"repro-lint performance (Python {results['python']}, {cpus} CPUs{load_note()}); medians of interleaved runs\n")

    if "cold" in only:
        r = results["cold start"] = bench_cold(args.card, args.runs or (10 if args.quick else 30))
        print(
            f"cold start   repro-lint {args.card.name}: {r['repro_lint_s'] * 1000:.0f} ms vs import baseline "
            f"{r['baseline_s'] * 1000:.0f} ms = {r['ratio']:.2f}× ({verdict(r['ratio'], TARGETS['cold start'])} ≤ 1.5×)"
        )
        print(
            f"             CPU time: {r['repro_lint_cpu_s'] * 1000:.0f} ms vs {r['baseline_cpu_s'] * 1000:.0f} ms = {r['cpu_ratio']:.2f}× "
            f"({verdict(r['cpu_ratio'], TARGETS['cold start'])} ≤ 1.5×)"
        )

    needs_corpus = only & {"throughput", "parallel", "peers", "scaling"}
    texts = corpus_texts(args.corpus) if needs_corpus else []
    with tempfile.TemporaryDirectory(prefix="repro-lint-perf-") as tmp:
        directory = Path(tmp)
        paths = replicate(texts, files, directory) if only & {"throughput", "parallel", "peers"} else []
        if "throughput" in only:
            r = results["throughput"] = bench_throughput(paths, args.runs or (3 if args.quick else 5))
            print(
                f"throughput   {r['files']} files: lint {r['lint_s']:.2f} s ({r['cards_per_s']:.0f} cards/s) vs markdown-it parse "
                f"{r['parse_s']:.2f} s ({r['parse_cards_per_s']:.0f} cards/s) = {r['ratio']:.2f}× "
                f"({verdict(r['ratio'], TARGETS['throughput'])} ≤ 2×)"
            )
        if "scaling" in only:
            sample = scaling_sample(texts)
            r = results["scaling"] = bench_scaling(sample, SIZES, args.quick)
            cells = ", ".join(f"{human(row['size_bytes'])} {row['s_per_mb']:.2f} s/MB" for row in r["rows"])
            print(f"scaling      {cells}; largest/smallest = {r['ratio']:.2f}× ({verdict(r['ratio'], TARGETS['scaling'])} ≤ 1.5×)")
        if "parallel" in only:
            r = results["parallelism"] = bench_parallel(paths, args.runs or (1 if args.quick else 3), jobs)
            print(
                f"parallelism  {r['files']} files: --jobs 1 {r['serial_s']:.2f} s, --jobs {jobs} {r['parallel_s']:.2f} s = "
                f"{r['speedup']:.2f}× speed-up; output identical: {'yes' if r['identical_output'] else 'NO'}"
            )
        if "peers" in only:
            r = results["peers"] = bench_peers(directory, paths, args.runs or (1 if args.quick else 3), jobs)
            cells = ", ".join(f"{name} {'absent (not installed)' if t is None else f'{t:.2f} s'}" for name, t in r.items() if name != "files")
            print(f"peers        {r['files']} files: {cells}")
    if hasattr(os, "getloadavg"):
        print(f"\nload average at the end: {os.getloadavg()[0]:.1f} (other work on the machine slows the parallel run most)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
