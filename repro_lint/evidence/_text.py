"""Text of a block as rules match it: placeholders removed, sentences split, table cells paired with their header."""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterator, Optional, Sequence

from ..document import Block, Section
from ..prefilter import lazy as _compile
from ..prefilter import may_match
from ._patterns import _URL, CLAUSE_BREAK, PLACEHOLDER, TEMPLATE_SENTENCE, USAGE_HEADING


def promised(sentence: str, at: int, promise: int) -> bool:
    """True when the text at offset ``at`` is part of the promise at offset ``promise`` (-1: none).

    A promise covers its own clause: in "trained with AdamW and a cosine schedule, and the values will
    be shared later" the optimizer and schedule are facts; only the values are promised.
    """
    if promise < 0:
        return False
    between = sentence[at:promise] if at < promise else sentence[promise:at]
    return CLAUSE_BREAK.search(between) is None


def blank_urls(text: str) -> str:
    """``text`` with link targets and URLs replaced by spaces of the same length (offsets keep their lines)."""
    return _URL.sub(lambda m: " " * len(m.group(0)), text) if "://" in text or "](" in text else text


_SENTENCE_SPLIT = _compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\[(*_`\"'])|(?<=[。！？；])|\n")
#: In prose, a line break before a lower-case word or a number continues a hard-wrapped sentence.
#: A line that ends in a word no sentence ends with ("trained on", "the training script is") continues on the next
#: line whatever that starts with ("Common Voice", "[script.py](…)").
#: Each test looks back from after the line break, so the pattern is tried only where there is one.
_CONTINUES = "".join(
    rf"(?<!\b{word}\n)"
    for word in ("a", "an", "the", "of", "on", "in", "to", "by", "at", "as", "or", "and", "for", "from", "with", "via")
    + ("into", "than", "under", "using", "is", "are", "was", "were")
)
#: A line that ends in a comma (，、, or a colon), or a Chinese line that runs from one character into the next,
#: continues too.
_CONTINUES_ZH = "(?<![，、,：]\n)"
_CJK_TO_CJK = "(?!(?<=[\u4e00-\u9fff]\n)[\u4e00-\u9fff])"
_PROSE_SPLIT = _compile(rf"(?<=[.!?;])\s+(?=[A-Z0-9\[(*_`\"'])|(?<=[。！？；])|\n{_CONTINUES}{_CONTINUES_ZH}(?![a-z0-9]){_CJK_TO_CJK}")
PROSE_KINDS = frozenset({"paragraph", "list_item", "blockquote"})


def one_line(sentence: str) -> str:
    """A hard-wrapped sentence as one line, with the same offsets ("a learning\\nrate of 3e-4" reads as it is
    said): what patterns are matched against, while quotes are still sliced from the card's own text."""
    return sentence.replace("\n", " ") if "\n" in sentence else sentence


def is_prose(block: Block) -> bool:
    """Prose, whose lines wrap sentences: a paragraph, list item or quote, or HTML (its text, tags removed)."""
    return block.kind in PROSE_KINDS or block.kind == "html"


@functools.lru_cache(maxsize=8192)
def heading_matches(pattern: "re.Pattern[str]", title: str) -> bool:
    """``pattern.search(title)``, remembered: the same few headings are tested for every block under them."""
    return pattern.search(title) is not None


def is_usage(section: Optional[Section]) -> bool:
    """True when the block sits under a user-facing heading (at any level of its heading path)."""
    while section is not None:
        if heading_matches(USAGE_HEADING, section.title):
            return True
        section = section.parent
    return False


def clean(text: str) -> str:
    """Remove placeholder and template spans and emphasis markers; what is left is the real content.

    ``**License:** [More Information Needed]`` becomes ``License:`` with nothing after it, so a
    ``key: value`` pattern cannot take the emphasis marker for a value. Newlines are kept, so offsets
    still map to the right lines.
    """
    text = _unemphasised(text)
    if may_match(PLACEHOLDER, text) and PLACEHOLDER.search(text):
        text = PLACEHOLDER.sub(" ", text)
    if may_match(TEMPLATE_SENTENCE, text) and TEMPLATE_SENTENCE.search(text):
        text = TEMPLATE_SENTENCE.sub(" ", text)
    return text


def _unemphasised(text: str) -> str:
    return text.replace("**", "").replace("__", "") if "**" in text or "__" in text else text


def is_placeholder_only(text: str) -> bool:
    return may_match(PLACEHOLDER, text) and bool(PLACEHOLDER.search(text)) and not re.sub(r"[\W_]+", "", clean(text))


def sentences(text: str, prose: bool = False) -> Iterator[tuple[int, str]]:
    """(offset, sentence) pairs of a block's text; ``prose`` joins hard-wrapped lines."""
    start = 0
    for m in (_PROSE_SPLIT if prose else _SENTENCE_SPLIT).finditer(text):
        if m.start() > start:
            yield start, text[start : m.start()]
        start = m.end()
    if start < len(text):
        yield start, text[start:]


BlockFilter = Callable[[Block], bool]


def everywhere(block: Block) -> bool:
    return block.kind != "code"


def release_facts(block: Block) -> bool:
    """Prose, tables and front matter that describe the release itself (not usage, not code)."""
    return block.kind != "code" and not is_usage(block.section)


def in_section(section: Optional[Section], heading: "re.Pattern[str]") -> bool:
    """True when any heading on the section's path matches ``heading``."""
    while section is not None:
        if heading_matches(heading, section.title):
            return True
        section = section.parent
    return False


def block_sentences(block: Block, text: str, cleaner: Callable[[str], str] = clean) -> Iterator[tuple[int, str]]:
    """Sentences of a block; a table row also yields one ``header: cell`` pair per column.

    A row ``| 7B | 32 | 4096 |`` under ``| Params | Layers | Hidden size |`` then reads
    ``Layers: 32``, so a value is matched together with the name its column gives it.
    """
    yield from sentences(text, prose=is_prose(block))
    for pair in header_pairs(block, cleaner):
        yield 0, pair


def header_pairs(block: Block, cleaner: Callable[[str], str] = clean) -> Iterator[str]:
    """The ``header: cell`` readings of a table row (see :func:`block_sentences`); none for other blocks."""
    if block.kind == "table_row" and block.header:
        yield from row_readings(header_columns(block.header, cleaner), block.cells, cleaner)


Column = tuple[str, Optional[tuple[str, str]]]


def header_columns(header: Sequence[str], cleaner: Callable[[str], str] = clean) -> list[Optional[Column]]:
    """Each column header of a table read as :func:`header_value` reads it (None: an empty header), once
    per table rather than once per row."""
    columns: list[Optional[Column]] = []
    for name in header:
        name = cleaner(name).strip()
        columns.append((_column(name) if len(name) <= 200 else _column.__wrapped__(name)) if name else None)
    return columns


def row_readings(columns: Sequence[Optional[Column]], cells: Sequence[str], cleaner: Callable[[str], str] = clean) -> Iterator[str]:
    """The ``header: cell`` readings of a row's ``cells`` under ``columns`` (:func:`header_columns`)."""
    for column, cell in zip(columns, cells):
        if column is not None:
            cell = cleaner(cell).strip()
            if cell:
                yield _reading(column, cell)


#: A unit in a table header: ``Params (M)``, ``Tokens [B]``, ``Size (GB)``, ``参数量（亿）``.
_HEADER_UNIT = _compile(r"^(?P<name>[^()\[\]]{1,80}?)\s*[(\[]\s*(?P<unit>[^()\[\]\d]{1,12}?)\s*[)\]]\s*$")
_BARE_NUMBER = _compile(r"^[~≈]?\d[\d,]{0,20}(?:\.\d{1,12})?$")


def header_value(name: str, cell: str) -> str:
    """The ``name: value`` reading of a table cell under its column header.

    A unit given once in the header applies to every bare number below it: under ``Params (M)`` the
    cell ``4.7`` reads ``Params: 4.7 M``, so a value pattern sees the quantity with its unit.
    """
    return _reading(_column(name) if len(name) <= 200 else _column.__wrapped__(name), cell)


def _reading(column: Column, cell: str) -> str:
    name, unit = column
    if unit is not None and _BARE_NUMBER.match(cell):
        return f"{unit[0]}: {cell} {unit[1]}"
    return f"{name}: {cell}"


@functools.lru_cache(maxsize=512)
def _column(name: str) -> tuple[str, Optional[tuple[str, str]]]:
    """A column header with its spaces normalised, and its name and unit when it gives one (read once
    per column, not once per row)."""
    name = " ".join(name.split())
    unit = _HEADER_UNIT.match(name)
    return name, (unit.group("name"), unit.group("unit").strip()) if unit else None
