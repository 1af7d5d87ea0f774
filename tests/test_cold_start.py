"""A one-card run loads only what it uses: optional parts are imported when they are needed.

(Timings are measured in benchmarks/perf.py, never asserted here.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

#: Modules a text report of one card without a configuration file never needs.
NOT_FOR_ONE_CARD = (
    "huggingface_hub",  # only for Hub ids
    "tqdm",  # only for a progress bar on a terminal
    "pyarrow",  # only for Parquet
    "difflib",  # only for a "did you mean" after a typo
    "tomllib",  # only for a configuration file (--isolated: none is read)
    "tomli",
    "json",  # only for JSON-based reports
    "repro_lint.hub",
    "repro_lint.release",
    "repro_lint.catalog",
    "repro_lint.baseline",
    "repro_lint.sources",
    "repro_lint.parallel",
)


def test_a_one_card_text_run_imports_none_of_the_optional_parts(fixtures: Path) -> None:
    code = (
        "import sys; from repro_lint.cli import main; main([sys.argv[1], '--isolated']); sys.stdout.flush(); "
        f"print(' '.join(m for m in {NOT_FOR_ONE_CARD!r} if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(fixtures / "open-reproducible.md")], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "open and reproducible" in done.stdout
    assert done.stderr.strip().splitlines()[-1:] in ([], [""]), f"imported: {done.stderr.strip()}"
