"""Inputs for many cards: argument lists, ``--from`` files, recursive directory search, card dumps.

:func:`expand` turns the command line's inputs into a lazy stream of work items, in input order:

* a path or id is passed on as it is (a string), to be resolved like any single argument;
* ``--from FILE`` (``-`` for stdin) adds one path or id per line (blank lines and ``#`` comments skipped);
* with ``--recursive`` a directory is searched for cards named ``README.md``, ``MODEL_CARD.md`` or
  ``model_card.md``, and ``*.md`` files under a ``model_cards/`` folder (hidden folders skipped,
  symbolic links to folders not followed, sorted so that runs are reproducible);
* a ``.parquet`` or ``.jsonl`` (``.ndjson``) file is a dump of cards: an id column and a text column
  (found by their usual names or named with ``id_column`` / ``text_column``), read in batches so
  memory stays flat whatever the dump's size. Parquet needs pyarrow (``pip install 'repro-lint[parquet]'``);
  JSON Lines does not.

A problem with one input (a missing file, a bad dump row) is a :class:`SourceError` item in the
stream, so the run reports it as one line and goes on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .inputs import DUMP_SUFFIXES as DUMP_SUFFIXES
from .inputs import is_dump as is_dump

#: Column names tried, in this order, when the dump's id / text column is not named.
ID_COLUMNS: tuple[str, ...] = ("modelId", "model_id", "id")
TEXT_COLUMNS: tuple[str, ...] = ("card", "text", "readme")
#: File names that make a file a model card in a recursive search.
RECURSIVE_CARD_NAMES: frozenset[str] = frozenset({"README.md", "MODEL_CARD.md", "model_card.md"})
CARD_FOLDER = "model_cards"
#: Rows of a Parquet dump turned into Python strings at a time, and the read buffer of a column chunk:
#: small, so that the reading process holds a few cards and a few pages rather than a whole row group
#: (512 rows and 1 MiB buffers peaked about 80 MB higher on a dump of 15 KB cards; reading is a small
#: share of the time either way).
BATCH_ROWS = 64
READ_BUFFER = 64 * 1024


@dataclass(frozen=True)
class CardText:
    """A card whose text is already in memory (a row of a dump): linted under ``name``."""

    name: str
    text: str
    source: str  # the dump it came from (configuration files are looked up from there)


@dataclass(frozen=True)
class SourceError:
    """An input that yields no card; ``message`` is one line, ready to print."""

    message: str


Item = str | CardText | SourceError


@dataclass(frozen=True)
class DumpColumns:
    """Column names chosen by the user (None: find them by their usual names)."""

    id_column: str | None = None
    text_column: str | None = None


def read_list(name: str, stdin: IO[str] | None = None) -> Iterator[str | SourceError]:
    """The paths or ids of a ``--from`` file (``-``: standard input), one per line."""
    import sys

    try:
        stream: IO[str] = (stdin or sys.stdin) if name == "-" else open(name, encoding="utf-8")
    except OSError as exc:
        yield SourceError(f"{name}: cannot read the list: {exc.strerror or exc}")
        return
    try:
        for raw in stream:
            line = raw.strip()
            if line and not line.startswith("#"):
                yield line
    except UnicodeDecodeError:
        yield SourceError(f"{name}: the list is not valid UTF-8")
    finally:
        if stream is not stdin and name != "-":
            stream.close()


def walk(directory: str) -> Iterator[str]:
    """Model cards under ``directory``, in sorted order (see the module docstring for what counts)."""
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        in_card_folder = CARD_FOLDER in Path(root).relative_to(directory).parts or Path(root).name == CARD_FOLDER
        for name in sorted(files):
            if name in RECURSIVE_CARD_NAMES or (in_card_folder and name.endswith(".md")):
                yield os.path.join(root, name)


def _pick(available: Sequence[str], wanted: str | None, usual: Sequence[str], what: str, path: str) -> str:
    if wanted is not None:
        if wanted not in available:
            raise ValueError(f"{path}: no column '{wanted}' (columns: {', '.join(available)})")
        return wanted
    for name in usual:
        if name in available:
            return name
    raise ValueError(f"{path}: no {what} column among {', '.join(usual)} (columns: {', '.join(available)}); name it with --{what}-column")


def _row_item(path: str, row: int, ident: Any, text: Any) -> Item:
    if ident is None or str(ident).strip() == "":
        return SourceError(f"{path}: row {row}: empty id")
    if not isinstance(text, str) or not text.strip():
        return SourceError(f"{path}: row {row} ({ident}): no card text")
    return CardText(str(ident), text, path)


def read_jsonl(path: str, columns: DumpColumns = DumpColumns()) -> Iterator[Item]:
    """Cards of a JSON Lines dump, one object per line, read line by line."""
    id_col = text_col = None
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        yield SourceError(f"{path}: {exc.strerror or exc}")
        return
    with fh:
        try:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield SourceError(f"{path}:{number}: not a JSON object ({exc.msg})")
                    continue
                if not isinstance(record, dict):
                    yield SourceError(f"{path}:{number}: not a JSON object")
                    continue
                if id_col is None or text_col is None:
                    try:
                        id_col = _pick(list(record), columns.id_column, ID_COLUMNS, "id", path)
                        text_col = _pick(list(record), columns.text_column, TEXT_COLUMNS, "text", path)
                    except ValueError as exc:
                        yield SourceError(str(exc))
                        return
                yield _row_item(path, number, record.get(id_col), record.get(text_col))
        except UnicodeDecodeError:
            yield SourceError(f"{path}: not valid UTF-8")


def read_parquet(path: str, columns: DumpColumns = DumpColumns(), batch_rows: int = BATCH_ROWS) -> Iterator[Item]:
    """Cards of a Parquet dump, read in record batches of ``batch_rows`` (only the two columns are read)."""
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped]  # pyarrow ships no type hints
    except ImportError:
        yield SourceError(f"{path}: reading Parquet needs pyarrow: pip install 'repro-lint[parquet]'")
        return
    try:
        dump = pq.ParquetFile(path, buffer_size=READ_BUFFER, pre_buffer=False)  # stream the column chunks
    except (OSError, ValueError) as exc:  # pyarrow.ArrowInvalid is a ValueError
        yield SourceError(f"{path}: not a readable Parquet file: {str(exc).splitlines()[0] if str(exc) else exc}")
        return
    available = list(dump.schema_arrow.names)
    try:
        id_col = _pick(available, columns.id_column, ID_COLUMNS, "id", path)
        text_col = _pick(available, columns.text_column, TEXT_COLUMNS, "text", path)
    except ValueError as exc:
        yield SourceError(str(exc))
        return
    row = 0
    for batch in dump.iter_batches(batch_size=batch_rows, columns=[id_col, text_col], use_threads=False):
        ids = batch.column(0).to_pylist()
        texts = batch.column(1).to_pylist()
        for ident, text in zip(ids, texts):
            row += 1
            yield _row_item(path, row, ident, text)


def read_dump(path: str, columns: DumpColumns = DumpColumns()) -> Iterator[Item]:
    if not os.path.isfile(path):
        yield SourceError(f"{path}: no such file")
        return
    yield from (read_parquet(path, columns) if path.lower().endswith(".parquet") else read_jsonl(path, columns))


def count(path: str) -> int | None:
    """How many cards a dump holds, when that is cheap to know (Parquet metadata), else None."""
    if path.lower().endswith(".parquet"):
        try:
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
        except (ImportError, OSError, ValueError):  # an unreadable dump is reported when it is read
            return None
    return None


def expand(
    args: Iterable[str],
    from_files: Sequence[str] = (),
    recursive: bool = False,
    columns: DumpColumns = DumpColumns(),
    stdin: IO[str] | None = None,
    hub_search: str | None = None,
) -> Iterator[Item]:
    """Work items for ``args``, the ``--from`` lists, then the ids a Hub search lists, lazily."""

    def one(arg: str) -> Iterator[Item]:
        if is_dump(arg):
            yield from read_dump(arg, columns)
        elif recursive and os.path.isdir(arg):
            found = False
            for card in walk(arg):
                found = True
                yield card
            if not found:
                yield SourceError(f"{arg}: no model card found in this directory or below")
        else:
            yield arg

    for arg in args:
        yield from one(arg)
    for name in from_files:
        for entry in read_list(name, stdin):
            if isinstance(entry, SourceError):
                yield entry
            else:
                yield from one(entry)
    if hub_search is not None:
        from .hub_search import HubSearchError, model_ids, parse_query

        try:
            yield from model_ids(parse_query(hub_search))  # ids resolve like ids given on the command line
        except HubSearchError as exc:
            yield SourceError(str(exc))
