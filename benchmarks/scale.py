"""Scale: stream a large dump of cards through repro-lint with flat memory, as fast as linting files.

Usage:
    python benchmarks/scale.py [--corpus ../shared/corpus] [--cards 100000] [--compare 10000]
                               [--parquet-cards 20000] [--jobs 2] [--json out.json]

Builds a dump of ``--cards`` cards by repeating the corpus cards with small random edits (a changed
number, an inserted word, a revision line; seeded, so every run builds the same dump), then times
the command line, ``--jobs N``, on:

1. dump → JSON Lines, all cards: cards/s/core, and the peak resident memory of the whole process
   tree (main process + workers: the sum of their proportional set sizes, so pages the forked
   workers share with the main process count once; sampled from /proc every 0.2 s) after 10 % of
   the cards and at the end — flat memory means the two are about equal; target under 300 MB;
   also cards per CPU-second (user + system time of the whole tree), which a busy machine does not
   distort the way it distorts wall-clock rates (``--no-jsonl`` skips this run);
2. dump → Parquet, ``--parquet-cards`` cards: the same figures, with the peak memory in each tenth
   of the run's wall time;
3. the first ``--compare`` cards as Markdown files (``--from`` list) against the same cards from a
   dump, both to JSON Lines, runs interleaved: the dump's throughput relative to the files'
   (target: within 10 %), and a check that both give the same verdicts.

Figures are ratios against runs in the same session plus absolute rates for the machine at hand.
Everything is written to a temporary directory that is removed at the end. Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
WORDS = ("notably", "overall", "in practice", "as before", "for reference", "again")
_NUMBER = re.compile(r"\b\d+\b")


def edited(text: str, rng: random.Random, serial: int) -> str:
    """A corpus card with small random edits, so that no two cards of the dump are identical."""
    lines = text.split("\n")
    body = [i for i, line in enumerate(lines) if line.strip() and not line.startswith(("---", "|", "#", "```"))]
    if body:
        i = rng.choice(body)
        words = lines[i].split(" ")
        words.insert(rng.randrange(len(words) + 1), rng.choice(WORDS))
        lines[i] = " ".join(words)
        j = rng.choice(body)
        lines[j] = _NUMBER.sub(lambda m: str(int(m.group()) + rng.randint(0, 3)), lines[j], count=1)
    return "\n".join(lines) + f"\n\nRevision {serial}.\n"


def build_dump(corpus: Path, cards: int, path: Path, batch: int = 5000) -> list[str]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sources = sorted((corpus / "cards").glob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    rng = random.Random(20261207)
    schema = pa.schema([("modelId", pa.string()), ("card", pa.string())])
    names: list[str] = []
    with pq.ParquetWriter(path, schema) as writer:
        for start in range(0, cards, batch):
            ids, bodies = [], []
            for n in range(start, min(cards, start + batch)):
                k = n % len(sources)
                ids.append(f"bench/{sources[k].stem}-{n}")
                bodies.append(edited(texts[k], rng, n))
            writer.write_table(pa.table({"modelId": ids, "card": bodies}, schema=schema))
            names += ids
    return names


def write_files(dump: Path, count: int, folder: Path) -> Path:
    """The first ``count`` cards of the dump as Markdown files, and a --from list naming them."""
    import pyarrow.parquet as pq

    folder.mkdir()
    listing = folder / "list.txt"
    written = 0
    with listing.open("w", encoding="utf-8") as out:
        for batch in pq.ParquetFile(dump).iter_batches(batch_size=2000):
            for ident, text in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist()):
                if written >= count:
                    return listing
                path = folder / f"{ident.replace('/', '__')}.md"
                path.write_text(text, encoding="utf-8")
                out.write(f"{path}\n")
                written += 1
    return listing


def first_rows(dump: Path, count: int, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = pq.ParquetFile(dump)
    with pq.ParquetWriter(path, source.schema_arrow) as writer:
        left = count
        for batch in source.iter_batches(batch_size=1000):
            if left <= 0:
                break
            writer.write_table(pa.Table.from_batches([batch.slice(0, left)]))
            left -= batch.num_rows


def tree_pss(pid: int) -> int:
    """Proportional set size of a process and all its descendants (Linux /proc): pages the forked
    workers share with the main process are counted once, not once per process as RSS would."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as fh:
                    stack += [int(c) for c in fh.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run(args: list[str], expected_lines: int | None = None, output: Path | None = None) -> dict[str, Any]:
    """Run the command line; sample the tree's memory; note the peak after 10 % of the output lines."""
    env = dict(os.environ, REPRO_LINT_CACHE_DIR=os.environ.get("REPRO_LINT_CACHE_DIR", tempfile.gettempdir() + "/repro-lint-bench-cache"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "repro_lint.cli", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = early_peak = 0
    early_done = expected_lines is None or output is None
    stop = threading.Event()

    samples: list[tuple[float, int]] = []

    def sample() -> None:
        nonlocal peak, early_peak, early_done
        while not stop.is_set():
            rss = tree_pss(proc.pid)
            samples.append((time.perf_counter() - start, rss))
            peak = max(peak, rss)
            if not early_done and output is not None and expected_lines:
                try:
                    with open(output, "rb") as fh:
                        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
                except OSError:
                    lines = 0
                if lines >= expected_lines // 10:
                    early_peak, early_done = peak, True
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    stop.set()
    sampler.join()
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"repro-lint failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    # the peak in each tenth of the run's wall time: flat memory means the tenths are about equal
    tenths = [max((m for t, m in samples if k * seconds / 10 <= t < (k + 1) * seconds / 10), default=0) / 2**20 for k in range(10)]
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_memory_mb": peak / 2**20,
        "peak_memory_after_10pct_mb": early_peak / 2**20 if early_peak else None,
        "peak_memory_by_tenth_of_run_mb": [round(m) for m in tenths],
    }
    # (not ru_maxrss: a child forked from this process starts with this process's high-water mark)


def verdicts(path: Path) -> list[tuple[float, str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        path = record["path"]
        ident = Path(path).name.replace("__", "/").removesuffix(".md") if path.endswith(".md") else path
        out.append((record["score"], record["tier"], ident))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--parquet-cards", type=int, default=20_000, help="0 skips the Parquet run")
    parser.add_argument("--compare", type=int, default=10_000, help="0 skips the files-vs-dump comparison")
    parser.add_argument("--no-jsonl", action="store_true", help="skip the dump -> JSON Lines run of every card")
    parser.add_argument("--runs", type=int, default=1, help="interleaved runs of the files-vs-dump comparison (median)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    if not (options.corpus / "cards").is_dir():
        print(f"no corpus at {options.corpus} (pass --corpus)", file=sys.stderr)
        return 2
    jobs = str(options.jobs)
    figures: dict[str, Any] = {"cards": options.cards, "jobs": options.jobs}
    with tempfile.TemporaryDirectory(prefix="repro-lint-scale-") as tmp:
        work = Path(tmp)
        dump = work / "cards.parquet"
        t0 = time.perf_counter()
        build_dump(options.corpus, options.cards, dump)
        print(f"built {options.cards:,} cards ({dump.stat().st_size / 2**20:.0f} MB Parquet) in {time.perf_counter() - t0:.0f} s", flush=True)

        common = ["-f", "jsonl", "--jobs", jobs, "--isolated", "--exit-zero"]
        if options.compare > 0:
            # 3. files against the same cards from a dump, interleaved
            small = work / "small.parquet"
            first_rows(dump, options.compare, small)
            listing = write_files(dump, options.compare, work / "files")
            files_s, dump_s, files_cpu, dump_cpu = [], [], [], []
            for i in range(options.runs):
                order = ("files", "dump") if i % 2 == 0 else ("dump", "files")
                for what in order:
                    if what == "files":
                        r = run(["--from", str(listing), *common, "-o", str(work / "files.jsonl")])
                        files_s.append(r["seconds"])
                        files_cpu.append(r["cpu_seconds"])
                    else:
                        r = run([str(small), *common, "-o", str(work / "small.jsonl")])
                        dump_s.append(r["seconds"])
                        dump_cpu.append(r["cpu_seconds"])
            same = verdicts(work / "files.jsonl") == verdicts(work / "small.jsonl")
            figures["compare"] = {
                "cards": options.compare,
                "files_cards_per_s_per_core": options.compare / statistics.median(files_s) / options.jobs,
                "dump_cards_per_s_per_core": options.compare / statistics.median(dump_s) / options.jobs,
                "dump_vs_files_wall": statistics.median(files_s) / statistics.median(dump_s),
                "files_cards_per_cpu_s": options.compare / statistics.median(files_cpu),
                "dump_cards_per_cpu_s": options.compare / statistics.median(dump_cpu),
                "dump_vs_files_cpu": statistics.median(files_cpu) / statistics.median(dump_cpu),
                "same_verdicts": same,
            }
            print(f"files vs dump ({options.compare:,} cards): {figures['compare']}", flush=True)

        if options.parquet_cards > 0:
            # 2. dump -> Parquet
            pq_dump = work / "pq.parquet"
            first_rows(dump, options.parquet_cards, pq_dump)
            result = run([str(pq_dump), "-f", "parquet", "-o", str(work / "out.parquet"), "--jobs", jobs, "--isolated", "--exit-zero"])
            result["cards_per_s_per_core"] = options.parquet_cards / result["seconds"] / options.jobs
            result["cards_per_cpu_s"] = options.parquet_cards / result["cpu_seconds"]
            figures["dump_to_parquet"] = {"cards": options.parquet_cards, **result}
            print(f"dump -> parquet ({options.parquet_cards:,} cards): {figures['dump_to_parquet']}", flush=True)

        if options.no_jsonl:
            if options.json:
                options.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
            return 0
        # 1. dump -> JSON Lines, every card
        out = work / "out.jsonl"
        result = run([str(dump), *common, "-o", str(out)], expected_lines=options.cards, output=out)
        result["cards_per_s_per_core"] = options.cards / result["seconds"] / options.jobs
        result["cards_per_cpu_s"] = options.cards / result["cpu_seconds"]
        result["lines"] = sum(1 for _ in out.open(encoding="utf-8"))
        figures["dump_to_jsonl"] = result
        print(f"dump -> jsonl ({options.cards:,} cards): {result}", flush=True)
    rate = figures["dump_to_jsonl"]["cards_per_cpu_s"]  # per core when the core is not shared
    figures["hub_projection_hours"] = {cores: 2_000_000 / (rate * cores) / 3600 for cores in (2, 8, 32, 64)}
    print("projection for 2,000,000 Hub cards: " + ", ".join(f"{c} cores {h:.1f} h" for c, h in figures["hub_projection_hours"].items()))
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
