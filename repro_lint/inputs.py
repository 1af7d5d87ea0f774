"""Reading cards safely: every kind of bad input becomes one :class:`InputError` line, never a traceback.

Decisions (documented in the README):

* text must be UTF-8 (a UTF-8 BOM is skipped); UTF-16/32 with a BOM is decoded; anything else that is
  not valid UTF-8 is refused with the byte offset of the first bad byte (exit 2) — guessing an
  encoding would put wrong quotes in the evidence;
* a file containing NUL bytes is binary and refused; an empty (or whitespace-only) file is refused;
* only regular files are read (a FIFO or device would block or never end); symlinks are followed,
  a symlink loop is an error; the file is opened non-blocking and checked again after opening, so a
  path swapped for a FIFO between the check and the read cannot hang the run;
* a file larger than ``max_bytes`` is refused before it is read;
* cards are opened read-only and never written; control characters in a path are escaped so that
  every error stays on one line.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Optional

#: Names that make a directory argument resolve to its model card, in this order.
CARD_NAMES = ("README.md", "MODEL_CARD.md", "model_card.md", "readme.md", "ModelCard.md")


#: Open without blocking (a FIFO swapped in after the check) and without becoming a controlling terminal.
_OPEN_FLAGS = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class InputError(Exception):
    """A card that cannot be read; the message is one line, ready to print."""


#: Files read as dumps of many cards (one card per row) rather than as one card.
DUMP_SUFFIXES: tuple[str, ...] = (".parquet", ".jsonl", ".ndjson")


def is_dump(path: str) -> bool:
    return path.lower().endswith(DUMP_SUFFIXES)


def shown(path: str) -> str:
    """``path`` as printed in a one-line message: control characters (a newline in a file name) escaped."""
    if path.isprintable():
        return path
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)


def find_cards(directory: Path) -> list[Path]:
    """The model card(s) of a directory (not recursive): README.md, MODEL_CARD.md or model_card.md."""
    found: list[Path] = []
    seen: set[str] = set()
    for name in CARD_NAMES:
        candidate = directory / name
        try:
            if candidate.is_file():
                key = os.path.normcase(str(candidate.resolve()))
                if key not in seen:
                    seen.add(key)
                    found.append(candidate)
        except OSError:
            continue
    return found


def os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno == errno.EISDIR:
        return "is a directory"
    return exc.strerror or exc.__class__.__name__


def decode(data: bytes, name: str) -> str:
    """Bytes to text under the rules above."""
    name = shown(name)
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {encoding.upper()} at byte {exc.start}") from None
            break
    else:
        if b"\x00" in data:
            raise InputError(f"{name}: binary file (contains NUL bytes), not a Markdown card (UTF-16/32 text needs a byte-order mark)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); save the card as UTF-8") from None
    if "\x00" in text:
        raise InputError(f"{name}: binary file (contains NUL characters), not a Markdown card")
    if not text.strip():
        raise InputError(f"{name}: empty file, nothing to lint")
    return text


def _read_limited(fh: BinaryIO, name: str, max_bytes: int) -> bytes:
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{shown(name)}: larger than the limit of {max_bytes:,} bytes (raise it with --max-bytes)")
    return data


def _check_stat(st: os.stat_result, name: str, max_bytes: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{name}: is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{name}: not a regular file (FIFO, socket or device); refusing to read it")
    if st.st_size > max_bytes:
        raise InputError(f"{name}: {st.st_size:,} bytes is larger than the limit of {max_bytes:,} (raise it with --max-bytes)")


def read_card(path: str, max_bytes: int, stdin: Optional[BinaryIO] = None) -> str:
    """The text of one card, or an :class:`InputError` saying in one line why not."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return decode(_read_limited(stream, "<stdin>", max_bytes), "<stdin>")
    name = shown(path)
    try:
        _check_stat(os.stat(path), name, max_bytes)
        fd = os.open(path, os.O_RDONLY | _OPEN_FLAGS)
        with os.fdopen(fd, "rb") as fh:
            _check_stat(os.fstat(fh.fileno()), name, max_bytes)  # the file actually opened
            data = _read_limited(fh, path, max_bytes)
    except OSError as exc:
        raise InputError(f"{name}: {os_reason(exc)}") from None
    return decode(data, path)
