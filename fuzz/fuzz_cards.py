"""Long-running fuzzing of repro-lint, outside CI: hypothesis-generated cards, plus mutated real cards.

Runs the same card strategy and the same properties as ``tests/test_fuzz.py`` (no exception, no
rule crash, every line within the card, score within 0-100, byte-identical JSON on a second run)
for a number of inputs or a number of seconds, and prints how many inputs ran without a failure.
A failure is shrunk by hypothesis to a small example, written to ``--failures`` and exits 1.

    python fuzz/fuzz_cards.py --seconds 600
    python fuzz/fuzz_cards.py --examples 20000 --corpus ../shared/corpus/cards
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_fuzz import cards, check_card  # noqa: E402  (the strategy and properties of the test suite)

#: Fragments inserted into real cards: structure breakers, encodings edge cases, rule trigger words.
SPLICES = (
    "\n---\n",
    "\n# ",
    "\n| a | b |\n|---|---|\n",
    "\n- ",
    "\n> ",
    "\n```\n",
    "<!--",
    "-->",
    "<!-- repro-lint-disable -->",
    "\x00",
    "\x1b[31m",
    "\r",
    "\u2028",
    "\ufeff",
    "训练数据不公开。",
    "will be released",
    "[More Information Needed]",
    "1" * 200,
    "- " * 60,
    "> " * 60,
    "*" * 50,
    "&a [*a]",
    "license: *a\n",
    "\t",
)


def mutated(corpus: list[str]) -> st.SearchStrategy[str]:
    """A real card with a few fragments spliced in and a few slices deleted."""

    @st.composite
    def build(draw: st.DrawFn) -> str:
        text = draw(st.sampled_from(corpus))
        for _ in range(draw(st.integers(1, 6))):
            at = draw(st.integers(0, len(text)))
            if draw(st.booleans()):
                text = text[:at] + draw(st.sampled_from(SPLICES)) + text[at:]
            else:
                text = text[:at] + text[at + draw(st.integers(1, 400)) :]
        return text

    return build()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=0.0, help="run for this long (default: until --examples)")
    parser.add_argument("--examples", type=int, default=2000, help="inputs to run when --seconds is not given")
    parser.add_argument("--batch", type=int, default=500, help="inputs per hypothesis run (each with a new seed)")
    parser.add_argument("--corpus", type=Path, help="a folder of real *.md cards to mutate as well")
    parser.add_argument("--seed", type=int, default=None, help="first seed (default: random)")
    parser.add_argument("--failures", type=Path, default=Path("fuzz-failure.md"), help="where to write a failing input")
    args = parser.parse_args(argv)

    strategies = [cards(), st.text(max_size=3000)]
    if args.corpus:
        corpus = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(args.corpus.rglob("*.md"))]
        if corpus:
            strategies.append(mutated(corpus))
    inputs = st.one_of(*strategies)
    count = [0]
    last: list[str] = [""]
    first_seed = args.seed if args.seed is not None else random.randrange(2**32)
    started = time.monotonic()
    batch = 0
    while True:
        if args.seconds and time.monotonic() - started >= args.seconds:
            break
        if not args.seconds and count[0] >= args.examples:
            break

        @seed(first_seed + batch)
        @settings(max_examples=args.batch, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(inputs)
        def one_batch(text: str) -> None:
            last[0] = text
            check_card(text)
            count[0] += 1

        try:
            one_batch()
        except Exception as exc:  # hypothesis re-raises the shrunk failure
            args.failures.write_text(last[0], encoding="utf-8", errors="surrogatepass")
            print(f"FAILED after {count[0]:,} inputs (seed {first_seed + batch}): {exc.__class__.__name__}: {exc}", file=sys.stderr)
            print(f"the shrunk failing input is in {args.failures}", file=sys.stderr)
            return 1
        batch += 1
    elapsed = time.monotonic() - started
    print(f"{count[0]:,} inputs ran without a failure in {elapsed:.0f} s ({batch} batches, seeds {first_seed}..{first_seed + batch - 1})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
