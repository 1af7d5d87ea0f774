"""Linting many Hub models at once: wall time of 20 ids against the slowest single lint, same run.

Usage:
    python benchmarks/hub_concurrency.py [--ids 20] [--delay 0.05] [--runs 3]

A fake Hub (tests/fakehub.py) on 127.0.0.1 answers every request after ``--delay`` seconds (a network
round trip); each model has a card, a config.json and a safetensors file whose header is read. The
figure is ``wall time of all ids in one run / slowest single-id run`` (target ≤ 2: the Hub I/O of the
ids overlaps in threads). The client's real code path is used; nothing reaches the real network.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ids", type=int, default=20)
    parser.add_argument("--delay", type=float, default=0.05)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="hub-bench-")
    os.environ.update({"HF_HUB_DISABLE_TELEMETRY": "1", "REPRO_LINT_CACHE_DIR": os.path.join(home, "rl")})
    os.environ.pop("HF_TOKEN", None)
    from tests.fakehub import FakeHub, FakeRepo
    from tests.safetensors_files import safetensors_bytes

    config = b'{"model_type": "llama", "num_hidden_layers": 2, "hidden_size": 64, "num_attention_heads": 4, "max_position_embeddings": 512}'
    card = b"---\nlicense: apache-2.0\n---\n# M\n\nA small model.\n"
    weights = safetensors_bytes({"w": ("F16", [16, 16])})
    repos = {f"bench/m{k}": FakeRepo({"README.md": card, "config.json": config, "model.safetensors": weights}, delay=args.delay) for k in range(args.ids)}
    from repro_lint.cli import main as lint

    singles: list[float] = []
    manys: list[float] = []
    with FakeHub(repos) as hub:
        os.environ["HF_ENDPOINT"] = hub.url
        for run in range(args.runs):
            os.environ["HF_HOME"] = os.path.join(home, f"hf-{run}")  # a cold client cache each time
            slowest = 0.0
            for k in range(args.ids):
                os.environ["HF_HOME"] = os.path.join(home, f"hf-{run}-single-{k}")
                start = time.perf_counter()
                with redirect_stdout(io.StringIO()):
                    lint([f"bench/m{k}"])
                slowest = max(slowest, time.perf_counter() - start)
            os.environ["HF_HOME"] = os.path.join(home, f"hf-{run}-many")
            start = time.perf_counter()
            with redirect_stdout(io.StringIO()):
                lint([f"bench/m{k}" for k in range(args.ids)])
            manys.append(time.perf_counter() - start)
            singles.append(slowest)
    single, many = statistics.median(singles), statistics.median(manys)
    print(f"{args.ids} ids, {args.delay * 1000:.0f} ms per request, median of {args.runs} runs")
    print(f"slowest single id: {single:.3f} s")
    print(f"all {args.ids} ids:       {many:.3f} s")
    print(f"ratio: {many / single:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
