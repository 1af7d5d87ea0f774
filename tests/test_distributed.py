"""docs/distributed.md: the Dask example maps the pure per-card function on a 2-worker LocalCluster
and gets exactly what a single-process ``repro-lint -f jsonl`` run gets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from repro_lint.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def test_dask_example_equals_the_single_process_run(tmp_path, monkeypatch):
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed (it is in the test extra)")
    pa = pytest.importorskip("pyarrow", reason="pyarrow is the [parquet] extra")
    import pyarrow.parquet as pq

    cards = sorted(FIXTURES.rglob("*.md"))
    ids = [f"org/{p.relative_to(FIXTURES).with_suffix('').as_posix().replace('/', '-')}" for p in cards]
    texts = [p.read_text(encoding="utf-8") for p in cards]
    pq.write_table(pa.table({"modelId": ids, "card": texts}), tmp_path / "cards.parquet")
    monkeypatch.chdir(tmp_path)
    main(["cards.parquet", "-f", "jsonl", "-o", "single.jsonl", "--jobs", "1", "--isolated"])
    single = [json.loads(line) for line in (tmp_path / "single.jsonl").read_text(encoding="utf-8").splitlines()]

    doc = (ROOT / "docs" / "distributed.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", doc, re.S).group(1)  # type: ignore[union-attr]
    code = code.replace(
        "LocalCluster(n_workers=2, threads_per_worker=1)", "LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)"
    )
    namespace: dict[str, object] = {"__name__": "distributed_example"}
    exec(compile(code, "docs/distributed.md", "exec"), namespace)
    assert len(single) == len(cards) > 20
    assert namespace["results"] == single
