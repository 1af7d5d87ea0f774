"""Scanning a card for element patterns, sentence by sentence, over the card's sentence table."""

from __future__ import annotations

import re
from typing import Mapping, Optional, Sequence

from ..document import Block, Card
from ..prefilter import lazy as _compile
from ._index import card_index
from ._quotes import Hit
from ._text import BlockFilter, everywhere, in_section, is_usage, one_line, promised


def scan(
    card: Card,
    elements: Mapping[str, "re.Pattern[str]"],
    where: BlockFilter = everywhere,
    *,
    skip_future: bool = True,
    skip_withheld: bool = True,
    topic: Optional["re.Pattern[str]"] = None,
    topic_heading: Optional["re.Pattern[str]"] = None,
    urls: bool = True,
) -> dict[str, list[Hit]]:
    """Find each element's pattern in the blocks ``where`` accepts, sentence by sentence.

    Placeholder spans never match; sentences that promise (future) or withhold are skipped.
    With ``topic``, a sentence counts only when it is about the criterion: it matches ``topic``
    itself, or its block sits under a heading that matches ``topic_heading`` ("2T tokens" is data
    size in "trained on 2T tokens" or under "Training data", not in "a context of 8k tokens").
    With ``urls=False``, link targets and URLs are blanked before matching.

    Each pattern is matched once per card over all its sentences (see :func:`pattern_hits`); the
    filters above are then applied to the few sentences where it matched.
    """
    index = card_index(card)
    units = index.sentences(urls)
    texts = index.sentences(True).texts  # the sentences as written, for the topic test
    found: dict[str, list[Hit]] = {name: [] for name in elements}
    accepted: dict[int, bool] = {}  # id(block) → where(block), asked only for blocks with a match
    on_topic: dict[int, bool] = {}
    quotes: dict[str, str] = {}  # one string for each quote, however often it is found (a repeated line)
    cleaned: dict[int, str] = {}  # id(block) → its cleaned text when cleaning made it shorter, else ""
    # one int object for each line, however many elements are found on it: a block's first line is its own,
    # the others' by block, in a list (a dict would take about 30 bytes more a line, in a long code block)
    later_lines: dict[int, list[Optional[int]]] = {}
    ints_block: Optional[Block] = None
    ints: Optional[list[Optional[int]]] = None
    blocks, future, withheld = units.blocks, units.future, units.withheld
    for name, pattern in elements.items():
        out = found[name]
        for k, start, quote in index.pattern_hits(pattern, urls):
            block = blocks[k]
            ok = accepted.get(id(block))
            if ok is None:
                ok = accepted[id(block)] = bool(where(block))
            if not ok or (skip_withheld and withheld[k] >= 0):
                continue
            if texts[k].endswith(" ") and _KEY_ALONE.match(texts[k]):
                continue  # "License: [More Information Needed]": a name whose value is a placeholder is not evidence
            if skip_future:
                promise = future[k]
                if promise >= 0 and promised(one_line(texts[k]), start, promise):
                    continue
            if topic is not None:
                about = on_topic.get(id(block))
                if about is None:
                    about = on_topic[id(block)] = topic_heading is not None and (
                        in_section(block.section, topic_heading) or _labelled(block.text, topic_heading)
                    )
                if not about and not topic.search(one_line(texts[k])):
                    continue
            offset = units.offsets[k] + start
            if block.line != block.end_line:
                # the offset is into the cleaned text: when cleaning took something out ("**", a placeholder), its own
                # line breaks say which line the hit is on
                text = cleaned.get(id(block))
                if text is None:
                    text = cleaned[id(block)] = index.cleaned(block)
                    if len(text) == len(block.text):
                        text = cleaned[id(block)] = ""  # nothing taken out: the block's own line offsets serve
                line = block.line + text.count("\n", 0, offset) if text else block.line_at(offset)
            else:
                line = block.line_at(offset)
            below = line - block.line
            if below == 0:
                line = block.line
            else:
                ints = later_lines.get(id(block)) if block is not ints_block else ints
                if ints is None:
                    ints = later_lines[id(block)] = []
                ints_block = block  # the hits of a block come one after another
                if below > len(ints):
                    ints.extend([None] * (below - len(ints)))
                line = ints[below - 1] or line
                ints[below - 1] = line
            out.append(Hit(name, line, quotes.setdefault(quote, quote), block))
    return found


#: A bold label that opens a paragraph and names its topic, as a heading would: "**Data.** 64 images of …".
_LABEL = _compile(r"^\s*\*\*([^*\n]{1,40})\*\*")


def _labelled(text: str, topic_heading: "re.Pattern[str]") -> bool:
    """True when the block opens with a bold label that ``topic_heading`` matches
    (fixtures/training_data/partial-bold-data-label.md)."""
    label = _LABEL.match(text)
    return label is not None and topic_heading.search(label.group(1)) is not None


#: A sentence that is only a key whose value was a placeholder (blanked to spaces): "License:  ", "许可证:  ".
_KEY_ALONE = _compile(r"[^:：\n]{1,60}[:：]\s+$")


def pattern_hits(card: Card, pattern: "re.Pattern[str]", *, urls: bool = True) -> Sequence[tuple[int, int, str]]:
    """(sentence index, offset in the sentence, matched text) of the first match in every sentence of the card."""
    return card_index(card).pattern_hits(pattern, urls)


def link_hits(card: Card, url: "re.Pattern[str]", element: str, *, text: Optional["re.Pattern[str]"] = None, skip_usage: bool = False) -> list[Hit]:
    """Links whose URL matches ``url`` (and whose link text matches ``text``, when given)."""
    hits: list[Hit] = []
    for link in card.links:
        if skip_usage and is_usage(link.section):
            continue
        if url.search(link.url) and (text is None or text.search(link.text)):
            hits.append(Hit(element, link.line, link.url))
    return hits
