"""The per-card index: data derived once from a parsed card and shared by every rule.

The engine opens one :class:`CardIndex` per card (:func:`analysing`) before the rules run; the
evidence helpers find it with :func:`card_index`. Rules never write to it and nothing is written into
the :class:`~repro_lint.document.Card`: the index holds the card's sentence tables, each pattern's
matches, the cleaned text of each block and the release read from the card's files.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import itertools
import re
import unicodedata
from array import array
from dataclasses import dataclass
from itertools import repeat
from typing import Any, Callable, Container, Iterable, Iterator, Optional, Sequence

from ..document import Block, Card, Section
from ..prefilter import TextIndex, fold, may_match_any, plan
from ..prefilter import lazy as _compile
from ..views import ComputedSequence
from ._patterns import FUTURE, OTHERS_CATEGORY, PLACEHOLDER, TEMPLATE_SENTENCE, WITHHELD, names_others
from ._release_names import ReleaseTraining
from ._text import Column, _unemphasised, blank_urls, clean, header_columns, is_prose, one_line, row_readings, sentences

#: Full-width forms of ASCII characters ("ＴＢＤ"), which the card reader normalises in each block's text.
_FULL_WIDTH = _compile("[\uff01-\uff5e]")


def _offsets(card_size: int) -> "array[int]":
    """An empty array for offsets and counts in a card of ``card_size`` characters: 4 bytes each, or
    8 for a card so large (256 M characters) that ``header: cell`` readings could pass 4 G."""
    return array("I" if card_size < 2**28 else "Q")


def _wider(values: "array[int]", value: int) -> tuple["array[int]", int]:
    """``values`` copied into the narrowest array that also holds ``value``, and the largest value it holds."""
    for code in "BHIQ":
        largest = 2 ** (8 * array(code).itemsize) - 1
        if value <= largest:
            return (values if values.typecode == code else array(code, values)), largest
    raise OverflowError(value)


class _Spans:
    """Where each sentence is: ``firsts[b]`` is the number of block ``b``'s first sentence (one more
    entry ends the last block); sentence ``k`` is ``starts[k]:starts[k] + lengths[k]`` of its block's cleaned text,
    or, when ``is_pair[k]``, of the ``header: cell`` readings one after another: those are kept in
    chunks of a few hundred (``pair_chunks``, chunk ``c`` starting at ``chunk_starts[c]``), never
    joined into one string (which would hold a second copy of them while it is made)."""

    __slots__ = ("blocks", "sources", "pair_chunks", "chunk_starts", "firsts", "is_pair", "starts", "lengths", "last")

    def __init__(
        self,
        blocks: list[Block],
        sources: Optional[list[str]],
        pair_chunks: list[str],
        chunk_starts: "array[int]",
        firsts: "array[int]",
        is_pair: bytearray,
        starts: "array[int]",
        lengths: "array[int]",
    ) -> None:
        self.blocks = blocks  # the blocks that have sentences (the card's own list when every block has some)
        self.sources = sources  # the cleaned text of each of them; None when each is its block's text
        self.pair_chunks, self.chunk_starts = pair_chunks, chunk_starts
        self.firsts, self.is_pair, self.starts, self.lengths = firsts, is_pair, starts, lengths
        self.last = 0  # the block found last: sentences are mostly asked for in order

    def pair(self, k: int) -> str:
        """The text of sentence ``k``, a ``header: cell`` reading (a reading never spans two chunks)."""
        start, chunk_starts = self.starts[k], self.chunk_starts
        c = bisect.bisect_right(chunk_starts, start) - 1
        at = chunk_starts[c]
        return self.pair_chunks[c][start - at : start - at + self.lengths[k]]

    def block_of(self, k: int) -> int:
        if not 0 <= k < len(self.starts):
            raise IndexError("sentence index out of range")
        b, firsts = self.last, self.firsts
        if firsts[b] <= k < firsts[b + 1]:
            return b
        if firsts[b + 1] <= k < firsts[b + 2]:  # the next block (a block always has a sentence)
            b += 1
        else:
            b = bisect.bisect_right(firsts, k) - 1
        self.last = b
        return b


class _Sentences(ComputedSequence[str]):
    """The text of every sentence, sliced when asked from its block's cleaned text (a sentence that is a
    whole block is that text itself), or from one string holding every ``header: cell`` reading; with
    ``blank``, link targets and URLs blanked (:func:`blank_urls`)."""

    __slots__ = ("_spans", "_blank", "_last_k", "_last_text")

    def __init__(self, spans: _Spans, blank: bool = False) -> None:
        self._spans, self._blank = spans, blank
        self._last_k, self._last_text = -1, ""

    def __getitem__(self, k: Any) -> Any:
        if k.__class__ is int and 0 <= k < len(self._spans.starts):  # the common case, without the checks of the base class
            return self._item(k)
        return super().__getitem__(k)

    def blanked(self) -> "_Sentences":
        return _Sentences(self._spans, True)

    def __len__(self) -> int:
        return len(self._spans.starts)

    def _item(self, k: int) -> str:
        if k == self._last_k:
            return self._last_text  # a hit's sentence is read again for its quote and its filters
        spans = self._spans
        if spans.is_pair[k]:
            text = spans.pair(k)
        else:
            b, firsts = spans.last, spans.firsts  # read in order, mostly: the block of the sentence read before
            b = b if firsts[b] <= k < firsts[b + 1] else spans.block_of(k)
            source = spans.blocks[b].text if spans.sources is None else spans.sources[b]
            start = spans.starts[k]
            text = source[start : start + spans.lengths[k]]
        if self._blank:
            text = blank_urls(text)
        self._last_k, self._last_text = k, text
        return text

    def __iter__(self) -> Iterator[str]:
        spans, blank = self._spans, self._blank
        firsts, is_pair, starts, lengths = spans.firsts, spans.is_pair, spans.starts, spans.lengths
        chunks = iter(spans.pair_chunks)
        chunk = next(chunks)  # the chunk of the next reading, where it starts and where it ends
        at, chunk_end = 0, len(chunk)
        for b, source in enumerate((block.text for block in spans.blocks) if spans.sources is None else spans.sources):
            for k in range(firsts[b], firsts[b + 1]):
                if is_pair[k]:
                    start = starts[k]
                    while start >= chunk_end:  # the readings come in order: on to the next chunk
                        chunk = next(chunks)
                        at, chunk_end = chunk_end, chunk_end + len(chunk)
                    text = chunk[start - at : start - at + lengths[k]]
                else:
                    start = starts[k]
                    text = source[start : start + lengths[k]]
                yield blank_urls(text) if blank else text


class _Offsets(ComputedSequence[int]):
    """Where each sentence starts in its block's cleaned text (0 for a ``header: cell`` reading)."""

    __slots__ = ("_spans",)

    def __init__(self, spans: _Spans) -> None:
        self._spans = spans

    def __len__(self) -> int:
        return len(self._spans.starts)

    def _item(self, k: int) -> int:
        return 0 if self._spans.is_pair[k] else self._spans.starts[k]


class _Sparse(ComputedSequence[int]):
    """One integer per sentence, -1 for all but the few in ``values``."""

    __slots__ = ("_values", "_count")

    def __init__(self, values: dict[int, int], count: int) -> None:
        self._values, self._count = values, count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, k: Any) -> Any:
        if k.__class__ is int and 0 <= k < self._count:
            return self._values.get(k, -1)
        return super().__getitem__(k)

    def _item(self, k: int) -> int:
        return self._values.get(k, -1)

    def marked(self) -> list[tuple[int, int]]:
        """(sentence number, value) of the sentences that have one, in order (the rest are -1)."""
        return sorted(self._values.items())

    def __iter__(self) -> Iterator[int]:
        at, values = 0, self._values
        for k in sorted(values):  # runs of -1 between the few set values, repeated in C
            yield from repeat(-1, k - at)
            yield values[k]
            at = k + 1
        yield from repeat(-1, self._count - at)


class _Mapped(ComputedSequence[str]):
    """Each sentence through ``through``, computed when read: as one line (:func:`one_line`) or folded as
    one line (:func:`_fold_line`)."""

    __slots__ = ("_texts", "_through")

    def __init__(self, texts: Sequence[str], through: Callable[[str], str]) -> None:
        self._texts, self._through = texts, through

    def __len__(self) -> int:
        return len(self._texts)

    def _item(self, k: int) -> str:
        return self._through(self._texts[k])

    def __getitem__(self, k: Any) -> Any:
        if k.__class__ is int:  # the common case, without the checks of the base class
            return self._through(self._texts[k])
        return super().__getitem__(k)

    def __iter__(self) -> Iterator[str]:
        return map(self._through, self._texts)


def _fold_line(text: str) -> str:
    """:func:`fold` of a sentence as one line ("learning\\nrate" holds the keyword "learning rate"), as it is
    searched; the keyword index reads each sentence once per pass."""
    return one_line(fold(text))


class _Blocks(ComputedSequence[Block]):
    """The block of each sentence."""

    __slots__ = ("_blocks", "_spans")

    def __init__(self, spans: _Spans) -> None:
        self._blocks, self._spans = spans.blocks, spans

    def __len__(self) -> int:
        return len(self._spans.starts)

    def __getitem__(self, k: Any) -> Any:
        if k.__class__ is int and 0 <= k < len(self._spans.starts):
            return self._blocks[self._spans.block_of(k)]
        return super().__getitem__(k)

    def _item(self, k: int) -> Block:
        return self._blocks[self._spans.block_of(k)]


class _Flags(Container[int]):
    """The sentence numbers whose flag is set (``k in flags``)."""

    __slots__ = ("_flags",)

    def __init__(self, flags: bytearray) -> None:
        self._flags = flags

    def __contains__(self, k: object) -> bool:
        return isinstance(k, int) and 0 <= k < len(self._flags) and bool(self._flags[k])


class _Hits(ComputedSequence[tuple[int, int, str]]):
    """(sentence index, offset in the sentence, matched text) of each match, kept as three integers (each in
    a byte while it is small, then wider); the matched text is sliced from the sentence when read."""

    __slots__ = ("_texts", "_sentence", "_start", "_length")

    def __init__(self, texts: Sequence[str], hits: Iterable[tuple[int, int, int]]) -> None:
        """``hits``: (sentence index, start, end) of each match, as :meth:`Plan.each_first_match` gives them."""
        self._texts = texts
        sentence, starts, lengths = array("B"), array("B"), array("B")
        highest = latest = longest = 255
        for k, start, end in hits:
            if k > highest:  # sentence numbers only grow: widened a few times at most
                sentence, highest = _wider(sentence, k)
            sentence.append(k)
            if start > latest:
                starts, latest = _wider(starts, start)
            if end - start > longest:
                lengths, longest = _wider(lengths, end - start)
            starts.append(start)
            lengths.append(end - start)
        self._sentence, self._start, self._length = sentence, starts, lengths

    def __len__(self) -> int:
        return len(self._sentence)

    def _item(self, i: int) -> tuple[int, int, str]:
        k, start = self._sentence[i], self._start[i]
        return k, start, self._texts[k][start : start + self._length[i]]

    def __iter__(self) -> Iterator[tuple[int, int, str]]:
        texts = self._texts
        for k, start, length in zip(self._sentence, self._start, self._length):
            yield k, start, texts[k][start : start + length]


@dataclass(frozen=True)
class SentenceTable:
    """Every sentence of a card, in card order, with its block, offset and flags: what :func:`scan` searches.

    ``pairs`` holds the indices of the ``header: cell`` sentences made from table rows; ``future`` and
    ``withheld`` the offset of the first promise (:data:`FUTURE`) or withholding (:data:`WITHHELD`)
    in each sentence, -1 when there is none. The sentences are not copied out of the card: each is
    a few integers (its block, where it starts and ends), and its text and folded text are read
    from the block's cleaned text when asked.
    """

    blocks: Sequence[Block]
    offsets: Sequence[int]
    texts: Sequence[str]
    folded: Sequence[str]
    pairs: Container[int]
    index: TextIndex
    future: Sequence[int]
    withheld: Sequence[int]

    @property
    def one_line(self) -> Sequence[str]:
        """The sentences as patterns are matched against them: a hard-wrapped sentence as one line."""
        return _Mapped(self.texts, one_line)

    def without_urls(self) -> "SentenceTable":
        """The same sentences with link targets and URLs blanked (offsets unchanged)."""
        assert isinstance(self.texts, _Sentences)
        texts = self.texts.blanked()
        folded = _Mapped(texts, _fold_line)
        return SentenceTable(self.blocks, self.offsets, texts, folded, self.pairs, TextIndex(folded, folded=True), self.future, self.withheld)


class CardIndex:
    """Data derived from one card, each part built on first use and then kept for every rule.

    Created by the engine for the card being linted (with the release read from its files, if any);
    rules read it through the evidence helpers and never write to it.
    """

    __slots__ = (
        "card",
        "release",
        "_tables",
        "_hits",
        "_placeholders",
        "_release_sections",
        "_release_training",
        "_files",
        "_for_reader",
        "_content_lines",
    )

    def __init__(self, card: Card, release: Any = None) -> None:
        self.card = card
        #: The card's :class:`repro_lint.release.Release` (files beside it), None for a plain card.
        self.release = release
        self._tables: dict[bool, SentenceTable] = {}
        self._hits: dict[tuple["re.Pattern[str]", bool], Sequence[tuple[int, int, str]]] = {}
        self._placeholders: Optional[bool] = None
        self._release_sections: Optional[Callable[[Optional[Section]], bool]] = None
        self._release_training: Optional[ReleaseTraining] = None
        self._files: dict["re.Pattern[str]", list[tuple[Block, int, str]]] = {}
        self._for_reader: Optional[set[int]] = None
        self._content_lines: Optional["array[int]"] = None

    def sentences(self, urls: bool = True) -> SentenceTable:
        """The card's sentences (``urls=False``: with link targets and URLs blanked), built once. When no
        sentence can hold a link target or a URL, blanking changes nothing: both are the same table."""
        table = self._tables.get(urls)
        if table is None:
            if urls:
                table = self._tables[True] = self._build_table()
            else:
                written = self.sentences(True)
                table = self._tables[False] = written.without_urls() if _may_hold_urls(written) else written
        return table

    def pattern_hits(self, pattern: "re.Pattern[str]", urls: bool = True) -> Sequence[tuple[int, int, str]]:
        """(sentence index, offset in the sentence, matched text) of the first match in every sentence.

        Computed once per pattern, whichever rules ask: only the sentences that contain one of the
        pattern's keywords are searched, each with the alternatives whose keywords it holds.
        """
        table = self.sentences(urls)
        key = (pattern, urls or table is self.sentences(True))  # one set of hits when blanking changes nothing
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = _Hits(table.texts, plan(pattern).each_first_match(table.index, table.one_line))
        return hits

    def cleaned(self, block: Block) -> str:
        """``clean(block.text)``; placeholder patterns run only on a card that can contain them."""
        return clean(block.text) if self.may_hold_placeholders else _unemphasised(block.text)

    @property
    def may_hold_placeholders(self) -> bool:
        """False when no placeholder or template text can occur anywhere in the card (one pass over it)."""
        if self._placeholders is None:
            text = self.card.text
            if not text.isascii() and _FULL_WIDTH.search(text):
                text = unicodedata.normalize("NFKC", text)  # "ＴＢＤ": the blocks hold their text normalised
            self._placeholders = may_match_any((PLACEHOLDER, TEMPLATE_SENTENCE), text, _unemphasised)  # as clean() sees each block
        return self._placeholders

    def holds_more_than_headings(self, section: Section) -> bool:
        """Whether any block but a heading lies under ``section``'s heading (one of ``card.blocks_in(section)``),
        found by a binary search in the first lines of such blocks, not by reading the section's blocks."""
        lines = self._content_lines
        if lines is None:
            lines = self._content_lines = _offsets(len(self.card.text))
            lines.extend(sorted(block.line for block in self.card.blocks if block.kind != "heading"))
        return bisect.bisect_right(lines, section.end_line) > bisect.bisect_right(lines, section.line)

    def remembered_release_sections(self, build: Callable[[Card], Callable[[Optional[Section]], bool]]) -> Callable[[Optional[Section]], bool]:
        if self._release_sections is None:
            self._release_sections = build(self.card)
        return self._release_sections

    def remembered_for_reader(self, build: Callable[[Card], set[int]]) -> set[int]:
        if self._for_reader is None:
            self._for_reader = build(self.card)
        return self._for_reader

    def remembered_release_training(self, build: Callable[[Card], ReleaseTraining]) -> ReleaseTraining:
        if self._release_training is None:
            self._release_training = build(self.card)
        return self._release_training

    def remembered_files(
        self, pattern: "re.Pattern[str]", build: Callable[[Card, "re.Pattern[str]"], list[tuple[Block, int, str]]]
    ) -> list[tuple[Block, int, str]]:
        found = self._files.get(pattern)
        if found is None:
            found = self._files[pattern] = build(self.card, pattern)
        return found

    def _build_table(self) -> SentenceTable:
        card_blocks = self.card.blocks
        blocks: Optional[list[Block]] = None  # the blocks that have sentences, while some block has none
        sources: Optional[list[str]] = None  # their cleaned text, once it is not a block's own text
        size = len(self.card.text)
        firsts, starts = _offsets(size), _offsets(size)
        lengths, longest = array("B"), 255  # most sentences are short: a byte each while they fit, then wider
        is_pair = bytearray()
        pair_parts: list[str] = []  # the latest header: cell readings, joined into a chunk every 256
        pair_chunks: list[str] = []
        chunk_starts = _offsets(size)
        pair_end = 0
        cleaned: dict[str, str] = {}  # table headers repeat on every row: clean each distinct cell once
        placeholders = self.may_hold_placeholders
        last_header: Sequence[str] = ()
        columns: list[Optional[Column]] = []

        def cleaner(text: str) -> str:
            out = cleaned.get(text)
            if out is None:
                out = cleaned[text] = clean(text) if placeholders else _unemphasised(text)
            return out

        for b, block in enumerate(card_blocks):
            text = self.cleaned(block)
            if not text.strip():
                if blocks is None:
                    blocks = card_blocks[:b]
                continue
            firsts.append(len(starts))
            if blocks is not None:
                blocks.append(block)
            if sources is None and text is not block.text:
                sources = [earlier.text for earlier in (card_blocks[:b] if blocks is None else blocks[:-1])]
            if sources is not None:
                sources.append(text)
            for offset, sentence in sentences(text, prose=is_prose(block)):
                starts.append(offset)
                if len(sentence) > longest:
                    lengths, longest = _wider(lengths, len(sentence))
                lengths.append(len(sentence))
                is_pair.append(0)
            header = block.header if block.kind == "table_row" else ()
            if header and header is not last_header:  # the rows of a table share their header: read it once
                last_header, columns = header, header_columns(header, cleaner)
            for pair in row_readings(columns, block.cells, cleaner) if header else ():
                starts.append(pair_end)
                pair_end += len(pair)
                if len(pair) > longest:
                    lengths, longest = _wider(lengths, len(pair))
                lengths.append(len(pair))
                is_pair.append(1)
                pair_parts.append(pair)
                if len(pair_parts) >= 256:  # a string each costs ~50 bytes more than its text: join as they come
                    chunk = "".join(pair_parts)
                    chunk_starts.append(pair_end - len(chunk))
                    pair_chunks.append(chunk)
                    pair_parts.clear()
        firsts.append(len(starts))
        chunk = "".join(pair_parts)
        chunk_starts.append(pair_end - len(chunk))
        pair_chunks.append(chunk)
        pair_parts.clear()
        if blocks is None:
            blocks = card_blocks  # every block has sentences: the card's own list, not a copy of it
        spans = _Spans(blocks, sources, pair_chunks, chunk_starts, firsts, is_pair, starts, lengths)
        cleaned.clear()
        texts = _Sentences(spans)
        folded = _Mapped(texts, _fold_line)
        index = TextIndex(folded, folded=True)
        # whether a sentence promises or withholds: one pass of each pattern over all sentences
        lines = _Mapped(texts, one_line)
        future = {k: start for k, start, _ in plan(FUTURE).each_first_match(index, lines)}
        withheld = {}
        for k, start, _ in plan(WITHHELD).each_first_match(index, lines):
            start = _withholding_beyond_comparisons(lines[k], start)
            if start >= 0:
                withheld[k] = start
        count = len(starts)
        return SentenceTable(_Blocks(spans), _Offsets(spans), texts, folded, _Flags(is_pair), index, _Sparse(future, count), _Sparse(withheld, count))


def _withholding_beyond_comparisons(line: str, start: int) -> int:
    """Where ``line`` first withholds from ``start`` on, not counting one side of a comparison ("than open- and
    closed-source models", 相比于开源/闭源模型: other people's models, see ``OTHERS_CATEGORY``); -1 when it does not."""
    if OTHERS_CATEGORY.search(line) is None:
        return start
    return next((m.start() for m in WITHHELD.finditer(line, start) if not names_others(line, m.start())), -1)


def _may_hold_urls(table: SentenceTable) -> bool:
    """Whether :func:`blank_urls` may change a sentence of ``table``: only one that holds ``://`` or ``](``
    (a sentence is a slice of its block's cleaned text or of the ``header: cell`` readings, so those are
    checked instead, once each)."""
    texts = table.texts
    assert isinstance(texts, _Sentences)
    spans = texts._spans
    sources: Iterable[str] = (block.text for block in spans.blocks) if spans.sources is None else spans.sources
    return any("://" in text or "](" in text for text in itertools.chain(sources, spans.pair_chunks))


_current: contextvars.ContextVar[Optional[CardIndex]] = contextvars.ContextVar("repro_lint_card_index", default=None)


def card_index(card: Card) -> CardIndex:
    """The index of ``card``: the one the engine opened for it, or a new one (a rule called directly)."""
    index = _current.get()
    if index is None or index.card is not card:
        index = CardIndex(card)
        _current.set(index)
    return index


@contextlib.contextmanager
def analysing(card: Card, release: Any = None) -> Iterator[CardIndex]:
    """Open the index of ``card`` (and its release) for the rules run inside the ``with`` block."""
    outer = _current.get()
    if outer is not None and outer.card is card and release is None:
        yield outer  # already opened by the caller (a release folder)
        return
    token = _current.set(CardIndex(card, release))
    try:
        index = _current.get()
        assert index is not None
        yield index
    finally:
        _current.reset(token)


def release_of(card: Card) -> Any:
    """The :class:`repro_lint.release.Release` read from the files beside ``card``, None for a plain card."""
    return card_index(card).release
