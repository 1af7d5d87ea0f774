"""The per-card index: data derived once from a parsed card and shared by every rule.

The engine opens one :class:`CardIndex` per card (:func:`analysing`) before the rules run; the
evidence helpers find it with :func:`card_index`. Rules never write to it and nothing is written into
the :class:`~repro_lint.document.Card`: the index holds the card's sentence tables, each pattern's
matches, the cleaned text of each block and the release read from the card's files.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Optional

from ..document import Block, Card, Section
from ..prefilter import TextIndex, fold, may_match, plan
from ._patterns import FUTURE, PLACEHOLDER, TEMPLATE_SENTENCE, WITHHELD
from ._text import _unemphasised, blank_urls, block_sentences, clean, sentences

#: Former key of ``Card.memo`` under which the release was found; ``card.memo`` is now a read-only view.


@dataclass(frozen=True)
class SentenceTable:
    """Every sentence of a card, in card order, with its block, offset and flags: what :func:`scan` searches.

    ``pairs`` holds the indices of the ``header: cell`` sentences made from table rows; ``future`` and
    ``withheld`` the offset of the first promise (:data:`FUTURE`) or withholding (:data:`WITHHELD`)
    in each sentence, -1 when there is none.
    """

    blocks: tuple[Block, ...]
    offsets: tuple[int, ...]
    texts: tuple[str, ...]
    folded: tuple[str, ...]
    pairs: frozenset[int]
    index: TextIndex
    future: tuple[int, ...]
    withheld: tuple[int, ...]

    def without_urls(self) -> "SentenceTable":
        """The same sentences with link targets and URLs blanked (offsets unchanged)."""
        texts = tuple(blank_urls(t) for t in self.texts)
        folded = tuple(f if t is original else fold(t) for t, original, f in zip(texts, self.texts, self.folded))
        return SentenceTable(self.blocks, self.offsets, texts, folded, self.pairs, TextIndex(folded, folded=True), self.future, self.withheld)


class CardIndex:
    """Data derived from one card, each part built on first use and then kept for every rule.

    Created by the engine for the card being linted (with the release read from its files, if any);
    rules read it through the evidence helpers and never write to it.
    """

    __slots__ = ("card", "release", "_tables", "_hits", "_cleaned", "_placeholders", "_release_sections", "_files")

    def __init__(self, card: Card, release: Any = None) -> None:
        self.card = card
        #: The card's :class:`repro_lint.release.Release` (files beside it), None for a plain card.
        self.release = release
        self._tables: dict[bool, SentenceTable] = {}
        self._hits: dict[tuple["re.Pattern[str]", bool], list[tuple[int, int, str]]] = {}
        self._cleaned: dict[int, str] = {}
        self._placeholders: Optional[bool] = None
        self._release_sections: Optional[Callable[[Optional[Section]], bool]] = None
        self._files: dict["re.Pattern[str]", list[tuple[Block, int, str]]] = {}

    def sentences(self, urls: bool = True) -> SentenceTable:
        """The card's sentences (``urls=False``: with link targets and URLs blanked), built once."""
        table = self._tables.get(urls)
        if table is None:
            table = self._tables[urls] = self._build_table() if urls else self.sentences(True).without_urls()
        return table

    def pattern_hits(self, pattern: "re.Pattern[str]", urls: bool = True) -> list[tuple[int, int, str]]:
        """(sentence index, offset in the sentence, matched text) of the first match in every sentence.

        Computed once per pattern, whichever rules ask: only the sentences that contain one of the
        pattern's keywords are searched, each with the alternatives whose keywords it holds.
        """
        key = (pattern, urls)
        hits = self._hits.get(key)
        if hits is None:
            table = self.sentences(urls)
            hits = self._hits[key] = plan(pattern).first_matches(table.index, table.texts)
        return hits

    def cleaned(self, block: Block) -> str:
        """``clean(block.text)``; placeholder patterns run only on a card that can contain them."""
        text = self._cleaned.get(id(block))
        if text is None:
            text = self._cleaned[id(block)] = clean(block.text) if self.may_hold_placeholders else _unemphasised(block.text)
        return text

    @property
    def may_hold_placeholders(self) -> bool:
        """False when no placeholder or template text can occur anywhere in the card (one pass over it)."""
        if self._placeholders is None:
            whole = _unemphasised(self.card.text)  # as clean() sees each block
            folded = fold(whole)
            self._placeholders = may_match(PLACEHOLDER, whole, folded) or may_match(TEMPLATE_SENTENCE, whole, folded)
        return self._placeholders

    def remembered_release_sections(self, build: Callable[[Card], Callable[[Optional[Section]], bool]]) -> Callable[[Optional[Section]], bool]:
        if self._release_sections is None:
            self._release_sections = build(self.card)
        return self._release_sections

    def remembered_files(
        self, pattern: "re.Pattern[str]", build: Callable[[Card, "re.Pattern[str]"], list[tuple[Block, int, str]]]
    ) -> list[tuple[Block, int, str]]:
        found = self._files.get(pattern)
        if found is None:
            found = self._files[pattern] = build(self.card, pattern)
        return found

    def _build_table(self) -> SentenceTable:
        blocks: list[Block] = []
        offsets: list[int] = []
        texts: list[str] = []
        pairs: list[int] = []
        cleaned: dict[str, str] = {}  # table headers repeat on every row: clean each distinct cell once
        placeholders = self.may_hold_placeholders

        def cleaner(text: str) -> str:
            out = cleaned.get(text)
            if out is None:
                out = cleaned[text] = clean(text) if placeholders else _unemphasised(text)
            return out

        for block in self.card.blocks:
            text = self.cleaned(block)
            if not text.strip():
                continue
            plain = len(texts)
            for offset, sentence in block_sentences(block, text, cleaner):
                blocks.append(block)
                offsets.append(offset)
                texts.append(sentence)
            if block.kind == "table_row" and block.header:
                plain += sum(1 for _ in sentences(text, prose=False))
                pairs.extend(range(plain, len(texts)))
        folded = tuple(fold(t) for t in texts)
        index = TextIndex(folded, folded=True)
        # whether a sentence promises or withholds: one pass of each pattern over all sentences
        future = [-1] * len(texts)
        for k, start, _ in plan(FUTURE).first_matches(index, texts):
            future[k] = start
        withheld = [-1] * len(texts)
        for k, start, _ in plan(WITHHELD).first_matches(index, texts):
            withheld[k] = start
        return SentenceTable(tuple(blocks), tuple(offsets), tuple(texts), folded, frozenset(pairs), index, tuple(future), tuple(withheld))


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
