"""Inputs for many cards: --from lists, recursive search, Parquet and JSON Lines dumps (repro_lint.sources)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from repro_lint.sources import CardText, DumpColumns, SourceError, expand, read_dump, walk

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CARD = (FIXTURES / "open-weights.md").read_text(encoding="utf-8")


def _tree(root: Path) -> None:
    """A collection: what the recursive search takes (+) and leaves (-)."""
    for rel in (
        "org-a/model-1/README.md",  # + a model's README
        "org-a/model-2/MODEL_CARD.md",  # +
        "org-b/model_card.md",  # +
        "docs/model_cards/alpha.md",  # + any .md under model_cards/
        "docs/model_cards/nested/beta.md",  # + also deeper down
        "docs/notes.md",  # - an ordinary Markdown file
        "docs/model_cards/image.png",  # - not Markdown
        ".git/README.md",  # - hidden folders are skipped
    ):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(CARD, encoding="utf-8")


def test_recursive_search_finds_the_cards_and_only_them(tmp_path):
    _tree(tmp_path)
    found = [Path(p).relative_to(tmp_path).as_posix() for p in walk(str(tmp_path))]
    assert found == [
        "docs/model_cards/alpha.md",
        "docs/model_cards/nested/beta.md",
        "org-a/model-1/README.md",
        "org-a/model-2/MODEL_CARD.md",
        "org-b/model_card.md",
    ]


def test_from_list_skips_blanks_and_comments_and_reads_stdin(tmp_path):
    listing = tmp_path / "ids.txt"
    listing.write_text("# our models\na.md\n\n  b.md  \n", encoding="utf-8")
    assert list(expand([], [str(listing)])) == ["a.md", "b.md"]
    assert list(expand(["x.md"], ["-"], stdin=io.StringIO("c.md\n"))) == ["x.md", "c.md"]
    assert list(expand([], [str(tmp_path / "none.txt")])) == [SourceError(f"{tmp_path / 'none.txt'}: cannot read the list: No such file or directory")]


def _jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_jsonl_dump_finds_the_usual_columns(tmp_path):
    dump = _jsonl(tmp_path / "cards.jsonl", [{"modelId": "org/a", "card": CARD, "downloads": 3}, {"modelId": "org/b", "card": "# B\n"}])
    assert list(read_dump(str(dump))) == [CardText("org/a", CARD, str(dump)), CardText("org/b", "# B\n", str(dump))]


def test_dump_columns_can_be_named_and_bad_rows_are_one_line_each(tmp_path):
    dump = _jsonl(tmp_path / "cards.jsonl", [{"repo": "org/a", "body": CARD}, {"repo": "org/b", "body": ""}, [1]])
    with (tmp_path / "cards.jsonl").open("a") as fh:
        fh.write("{broken\n")
    items = list(read_dump(str(dump), DumpColumns("repo", "body")))
    assert items[0] == CardText("org/a", CARD, str(dump))
    assert [i.message for i in items[1:]] == [  # type: ignore[union-attr]
        f"{dump}: row 2 (org/b): no card text",
        f"{dump}:3: not a JSON object",
        f"{dump}:4: not a JSON object (Expecting property name enclosed in double quotes)",
    ]
    unnamed = list(read_dump(str(dump)))
    assert len(unnamed) == 1 and "no id column among modelId, model_id, id (columns: repo, body)" in unnamed[0].message  # type: ignore[union-attr]


def test_parquet_dump_is_read_in_batches(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="pyarrow is the [parquet] extra")
    import pyarrow.parquet as pq

    from repro_lint import sources

    rows = 1100  # more than two batches
    table = pa.table({"model_id": [f"org/m{i}" for i in range(rows)], "text": [CARD] * rows, "likes": list(range(rows))})
    pq.write_table(table, tmp_path / "cards.parquet", row_group_size=300)
    items = list(sources.read_parquet(str(tmp_path / "cards.parquet"), batch_rows=256))
    assert [i.name for i in items] == [f"org/m{i}" for i in range(rows)]  # type: ignore[union-attr]
    assert sources.count(str(tmp_path / "cards.parquet")) == rows
    wrong = list(sources.read_parquet(str(tmp_path / "cards.parquet"), DumpColumns(text_column="body")))
    assert wrong[0].message.endswith("no column 'body' (columns: model_id, text, likes)")  # type: ignore[union-attr]
    (tmp_path / "bad.parquet").write_bytes(b"not parquet at all")
    assert list(read_dump(str(tmp_path / "bad.parquet")))[0].message.startswith(f"{tmp_path / 'bad.parquet'}: not a readable Parquet file")  # type: ignore[union-attr]
