"""Time and peak memory of linting each hostile input, against baselines measured in the same run.

Every input of ``tests/test_hostile.py`` (``HOSTILE``) is generated at its full size and at half of
it, and linted with every installed rule in a fresh process, so that peak memory is that input's
alone. Reported per input: size, seconds, seconds ÷ those of a typical card of the same size (the
bundled sample card repeated), growth (time at full size ÷ time at half size: about 2 is linear),
peak RSS, and any RL001 (a rule stopped or crashed) or RL002 (front matter ignored).

Then every compiled regular expression of repro-lint and its rules is run on adversarial text of
growing size (runs of what its quantifiers eat); the worst growth per doubling is listed.

    python benchmarks/hostile.py                 # everything at full size (a few minutes)
    python benchmarks/hostile.py --scale 0.1     # a quick pass
    python benchmarks/hostile.py --only headings --no-regex
    python benchmarks/hostile.py --only large 50, --no-regex --scale 0.1   # the 20 MB card and 50,000 headings, smaller

The last columns are seconds per MB, peak memory growth ÷ the card's size once it is parsed (the
Card: markdown-it's tokens are read one top-level block at a time and dropped), and peak memory
growth ÷ the card's size once it is linted; inputs of half a MB or more are marked against the
budget (2 s/MB, 10x).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

BASELINE = ROOT / "fixtures" / "open-reproducible.md"

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {tests!r})
from test_hostile import HOSTILE
from repro_lint.document import parse
from repro_lint.engine import lint_card
from repro_lint.runner import collector_paused
from repro_lint.testing import installed_rules, lint_string

name, size = sys.argv[1], int(sys.argv[2])
rules = installed_rules()
if name in ("baseline", "large typical card"):
    card = open({baseline!r}, encoding="utf-8").read()
    text = card * max(1, size // len(card))
elif name == "50,000 headings":
    text = HOSTILE["headings"](size)
else:
    text = HOSTILE[name](size)
lint_string("# warm-up\n", rules)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
with collector_paused(len(text)):  # as the command does (repro_lint.runner.lint_one)
    card = parse(text, "hostile.md")
    parsed_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = lint_card(card, rules)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
codes = sorted({{f.code for f in result.findings if f.code in ("RL001", "RL002")}})
n_bytes = len(text.encode("utf-8", "surrogatepass"))
print(json.dumps({{"bytes": n_bytes, "seconds": seconds, "peak_kib": peak, "parsed_kib": parsed_kib, "before_kib": before, "codes": codes}}))
"""


def measure(name: str, size: int, timeout: float) -> dict[str, object]:
    code = CHILD.format(tests=str(ROOT / "tests"), baseline=str(BASELINE))
    try:
        done = subprocess.run([sys.executable, "-c", code, name, str(size)], capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"bytes": 0, "seconds": math.inf, "peak_kib": 0, "parsed_kib": 0, "before_kib": 0, "codes": ["TIMEOUT"]}
    except subprocess.CalledProcessError as exc:
        return {"bytes": 0, "seconds": math.nan, "peak_kib": 0, "parsed_kib": 0, "before_kib": 0, "codes": [f"CRASH: {exc.stderr.strip().splitlines()[-1:]}"]}
    return json.loads(done.stdout.strip().splitlines()[-1])


#: Shapes the time and memory budget names (at most 2 s/MB and 10x the card's size in memory, for any
#: shape): an ordinary card made large (with a raised --max-bytes) and a card of headings only.
LARGE = {"large typical card": 20_000_000, "50,000 headings": 50_000}
#: The budget per MB of card: seconds, and peak memory growth over the interpreter with its rules loaded.
SECONDS_PER_MB, MEMORY_FACTOR = 2.0, 10.0


def hostile_table(scale: float, only: list[str], timeout: float) -> None:
    from test_hostile import FULL_SIZE

    FULL_SIZE = {**FULL_SIZE, **LARGE}
    names = [n for n in FULL_SIZE if not only or any(o in n for o in only)]
    per_mb: dict[int, float] = {}

    def baseline_per_byte(n_bytes: int) -> float:
        key = max(1, round(math.log2(max(n_bytes, 1))))
        if key not in per_mb:
            b = measure("baseline", max(2**key, BASELINE.stat().st_size), timeout)
            per_mb[key] = float(b["seconds"]) / max(int(b["bytes"]), 1)  # type: ignore[arg-type]
        return per_mb[key]

    print(f"{'input':38} {'bytes':>11} {'seconds':>8} {'÷ typical':>9} {'growth':>7} {'peak RSS':>9} {'s/MB':>6} {'parse÷size':>10} {'mem÷size':>8}  findings")
    for name in names:
        size = max(1, int(FULL_SIZE[name] * scale)) if FULL_SIZE[name] >= 100 else FULL_SIZE[name]
        full = measure(name, size, timeout)
        half = measure(name, max(1, size // 2), timeout) if FULL_SIZE[name] >= 100 else None
        seconds, n_bytes = float(full["seconds"]), int(full["bytes"])  # type: ignore[arg-type]
        typical = baseline_per_byte(n_bytes) * max(n_bytes, BASELINE.stat().st_size)  # a small input is compared with one card
        ratio = seconds / typical if n_bytes else math.nan
        growth = f"{seconds / max(float(half['seconds']), 1e-4):.1f}" if half else "-"  # type: ignore[arg-type]
        peak = f"{int(full['peak_kib']) / 1024:.0f} MiB"  # type: ignore[arg-type]
        mib = max(n_bytes, 1) / 2**20
        secs_per_mb = seconds / mib
        grown = (int(full["peak_kib"]) - int(full["before_kib"])) / 1024 / mib  # type: ignore[arg-type]
        parse_grown = (int(full["parsed_kib"]) - int(full["before_kib"])) / 1024 / mib  # type: ignore[arg-type]
        budget = "" if mib < 0.5 else ("  (within budget)" if secs_per_mb <= SECONDS_PER_MB and grown <= MEMORY_FACTOR else "  (OVER BUDGET)")
        print(
            f"{name:38} {n_bytes:>11,} {seconds:>8.2f} {ratio:>8.1f}x {growth:>7} {peak:>9} {secs_per_mb:>6.2f} {parse_grown:>9.1f}x {grown:>7.1f}x  "
            f"{' '.join(full['codes']) or '-'}{budget}",
            flush=True,
        )  # type: ignore[arg-type]


def regex_table(size: int, top: int) -> None:
    from test_hostile import ADVERSARIAL_UNITS, compiled_patterns

    rows = []
    for name, pattern in compiled_patterns().items():
        for unit in ADVERSARIAL_UNITS:
            times = []
            for chars in (size // 4, size // 2, size):
                text = unit * max(1, chars // len(unit))
                start = time.perf_counter()
                for _ in pattern.finditer(text):
                    pass
                times.append(time.perf_counter() - start)
            growth = times[2] / max(times[1], 1e-6)
            rows.append((times[2], growth, name, unit))
    rows.sort(reverse=True)
    print(f"\n{len({r[2] for r in rows})} patterns × {len(ADVERSARIAL_UNITS)} adversarial units, {size:,} characters; slowest:")
    print(f"{'ms':>8} {'growth':>7}  pattern / unit")
    for seconds, growth, name, unit in rows[:top]:
        print(f"{seconds * 1000:8.2f} {growth:7.1f}  {name}  {unit!r}")
    worst = max(rows, key=lambda r: r[1] if r[0] > 0.002 else 0)
    print(f"largest growth per doubling among runs over 2 ms: {worst[1]:.1f} ({worst[2]} on {worst[3]!r}); linear is 2")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full sizes (default 1)")
    parser.add_argument("--only", nargs="*", default=[], help="inputs whose name contains one of these")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before one input counts as a hang")
    parser.add_argument("--no-regex", action="store_true", help="skip the regular expression growth table")
    parser.add_argument("--regex-size", type=int, default=16_000, help="characters of adversarial text (default 16000)")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)
    hostile_table(args.scale, args.only, args.timeout)
    if not args.no_regex:
        regex_table(args.regex_size, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
