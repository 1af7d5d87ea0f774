"""Hits and the quotes shown for them: the card's own text, located from what the parser saw."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Optional

from ..document import Block, Card
from ..prefilter import lazy as _compile
from ..results import Evidence
from ._patterns import CLAUSE_BREAK
from ._text import clean, is_prose, sentences


class _InFile:
    """Where a hit from a release file (``config.json``) is: the file, and a block when it has one."""

    __slots__ = ("file", "block")

    def __init__(self, file: str, block: Optional[Block]) -> None:
        self.file, self.block = file, block


class Hit:
    """One place in the card where an element of a criterion was found: ``element``, ``line``, ``quote``,
    ``block`` (None for a hit that is not in a block) and ``file`` (a release file such as
    ``config.json`` instead of the card; ``quote`` is then shown as it is).

    Immutable, compared and hashed by those five values, like a frozen dataclass. A hit from a file is
    rare: its file and block are kept together, so that every hit costs one slot fewer (a long code
    block holds several hits a line).
    """

    __slots__ = ("element", "line", "quote", "_where")

    element: str
    line: int
    quote: str
    _where: "Block | _InFile | None"

    def __init__(self, element: str, line: int, quote: str, block: Optional[Block] = None, file: Optional[str] = None) -> None:
        _ELEMENT(self, element)
        _LINE(self, line)
        _QUOTE(self, quote)
        _WHERE(self, block if file is None else _InFile(file, block))

    @property
    def block(self) -> Optional[Block]:
        where = self._where
        return where.block if isinstance(where, _InFile) else where

    @property
    def file(self) -> Optional[str]:
        where = self._where
        return where.file if isinstance(where, _InFile) else None

    def _fields(self) -> tuple[str, int, str, Optional[Block], Optional[str]]:
        return (self.element, self.line, self.quote, self.block, self.file)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Hit)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __repr__(self) -> str:
        return f"Hit(element={self.element!r}, line={self.line!r}, quote={self.quote!r}, block={self.block!r}, file={self.file!r})"

    def __reduce__(self) -> tuple[type["Hit"], tuple[str, int, str, Optional[Block], Optional[str]]]:
        return (Hit, self._fields())

    def evidence(self, card: Card) -> Evidence:
        if self.file is not None:
            return Evidence(self.line, self.quote, self.element, self.file)
        return Evidence(self.line, window_quote(card, self.line, self.quote), self.element)


#: Hit's slots, set past its ``__setattr__`` (it is immutable), as a frozen dataclass sets its fields.
_ELEMENT, _LINE, _QUOTE, _WHERE = (Hit.__dict__[name].__set__ for name in Hit.__slots__)


def source_quote(card: Card, line: int, fallback: str = "", limit: int = 160) -> str:
    """The card's own line, trimmed, as the quote shown to the user."""
    text = card.lines[line - 1].strip() if 0 < line <= len(card.lines) else fallback
    text = text or fallback
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: Characters that parsing drops or changes (emphasis markers, whitespace): skipped when a quote is located.
_QUOTE_SKIP = frozenset("*_ \t\r\n")
#: Context kept before the matched text in a quote, so that a reporter's first 60 characters contain it.
QUOTE_CONTEXT = 20


def _comparable(text: str) -> tuple[str, list[int]]:
    """``text`` NFKC-normalised without emphasis markers and whitespace, with each character's offset in ``text``."""
    import unicodedata

    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch in _QUOTE_SKIP:
            continue
        norm = ch if ch.isascii() else unicodedata.normalize("NFKC", ch)
        for c in norm:
            if c not in _QUOTE_SKIP:
                chars.append(c)
                offsets.append(i)
    return "".join(chars), offsets


def locate(source: str, quote: str) -> Optional[tuple[int, int]]:
    """Where the card's own ``source`` holds ``quote`` (text as the parser saw it: NFKC-normalised,
    without emphasis, whitespace joined), as (start, end) offsets in ``source``; None when it does not."""
    needle, _ = _comparable(quote)
    if not needle:
        return None
    if len(source) <= 2 * _LOCATE_WINDOW:
        return _locate_in(source, needle, 0)
    # a very long line (a card of one line): read in overlapping windows, so the per-character copy
    # below stays small; a quote that only spans two windows far apart (a run of thousands of spaces
    # inside it) is not found, and the parser's text is quoted instead
    overlap = max(8 * len(quote), 1024)
    for start in range(0, len(source), _LOCATE_WINDOW):
        found = _locate_in(source[start : start + _LOCATE_WINDOW + overlap], needle, start)
        if found is not None:
            return found
    return None


#: Characters of a long source that :func:`locate` compares at a time (each one costs about 50 bytes while compared).
_LOCATE_WINDOW = 1 << 12


def _locate_in(source: str, needle: str, shift: int) -> Optional[tuple[int, int]]:
    hay, offsets = _comparable(source)
    at = hay.find(needle)
    if at < 0:
        return None
    return shift + offsets[at], shift + offsets[at + len(needle) - 1] + 1


def exact_quote(card: Card, line: int, quote: str, lines: int = 8) -> str:
    """``quote`` as the card writes it (full-width punctuation, emphasis and line breaks kept, then
    whitespace joined), looked up from ``line`` on; the parser's text when it cannot be found."""
    if not 0 < line <= len(card.lines):
        return quote
    source = "\n".join(card.lines[line - 1 : line - 1 + lines])
    span = locate(source, quote)
    return " ".join(source[span[0] : span[1]].split()) if span else quote


def window_quote(card: Card, line: int, matched: str = "", limit: int = 160) -> str:
    """The card's line as the evidence quote, starting shortly before ``matched`` when that sits
    further into the line, so that the quote shown (reporters show its first 60 characters) holds it."""
    text = card.lines[line - 1].strip() if 0 < line <= len(card.lines) else ""
    if not text:
        return source_quote(card, line, matched, limit)
    span = locate(text, matched.split("\n", 1)[0]) if matched else None
    if span is None or span[0] <= 2 * QUOTE_CONTEXT:
        return source_quote(card, line, matched, limit)
    space = text.rfind(" ", span[0] - 2 * QUOTE_CONTEXT, span[0] - QUOTE_CONTEXT // 2)  # start at a word
    start = space + 1 if space >= 0 else span[0] - QUOTE_CONTEXT
    text = text[start:]  # a substring of the line, so the quote stays exact
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: Markup that opens a line without being part of its first sentence: list markers, quote marks, heading marks.
_LINE_MARKUP = _compile(r"^(?:[-*+>#]+\s+|\d+[.)]\s+)+")
#: A matched text this short does not say on its own what is withheld ("API key", "cloud service").
_SHORT_MATCH = 30


def sentence_quote(card: Card, line: int, matched: str) -> str:
    """``matched`` as the card writes it, or, when it is short, the sentence of its line that holds it:
    "cloud service" says less than "Swift is offered as a cloud service; apply for an API key to call it."
    The exact quote is kept when the match cannot be located on its line."""
    quote = exact_quote(card, line, matched)
    if len(quote) >= _SHORT_MATCH or not 0 < line <= len(card.lines):
        return quote
    text = card.lines[line - 1]
    span = locate(text, matched)
    if span is None:
        return quote
    sentence = next((s for offset, s in sentences(text) if offset <= span[0] < offset + len(s)), "")
    return _LINE_MARKUP.sub("", " ".join(sentence.split())) or quote


#: What ends a sentence for :func:`hit_sentence`'s ``run_on``: a line that ends otherwise continues.
_STOPS = (".", "!", "?", ":", "。", "！", "？", "：")


def hit_sentence(hit: Hit, run_on: bool = False) -> str:
    """The sentence of the hit's block that holds its quote, as one line (a hard-wrapped sentence is whole); ""
    when the hit has no block or its quote is not found.

    With ``run_on``, sentences before it on lines that end without a stop are read with it: "… agree to a
    Contributor" / "License Agreement (CLA) …" is one sentence however the card capitalises the second line.
    """
    block = hit.block
    if block is None:
        return ""
    text = clean(block.text)
    at = text.find(hit.quote)
    before = ""
    for offset, sentence in sentences(text, prose=is_prose(block)) if at >= 0 else ():
        if offset <= at < offset + len(sentence):
            return (before + sentence).replace("\n", " ")
        if run_on:
            before = "" if sentence.rstrip().endswith(_STOPS) else before + sentence + " "
    return ""


def hit_clause(hit: Hit) -> str:
    """The clause of the hit's sentence that holds its quote: "pre-trained on GuacaMol" of "… pre-trained on
    GuacaMol, and can be fine-tuned to your tasks" (clauses end where ``CLAUSE_BREAK`` says); the whole sentence
    when the quote is not found in it, "" when the sentence cannot be found (see :func:`hit_sentence`)."""
    sentence = hit_sentence(hit)
    quote = hit.quote.replace("\n", " ")
    at = sentence.find(quote)
    if at < 0:
        return sentence
    start = 0
    for m in CLAUSE_BREAK.finditer(sentence, 0, at):
        start = m.end()
    after = CLAUSE_BREAK.search(sentence, at + len(quote))
    return sentence[start : after.start() if after else len(sentence)]
