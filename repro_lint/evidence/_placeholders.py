"""Placeholders: sections and settings that hold only placeholder text."""

from __future__ import annotations

import re

from ..document import Card, Section
from ..prefilter import lazy as _compile
from ..prefilter import may_match
from ._index import card_index
from ._patterns import FUTURE, PLACEHOLDER
from ._quotes import Hit
from ._text import is_placeholder_only, promised, sentences


def promise_only(text: str) -> bool:
    """True when every sentence of ``text`` is a promise from its start ("We will release the recipe with the
    report."); "trained on X, a corpus of 4,000 hours, which will be released later" states X and its size."""
    return may_match(FUTURE, text) and all(_promise_sentence(s) for _, s in sentences(text, prose=True) if s.strip())


def _promise_sentence(sentence: str) -> bool:
    found = FUTURE.search(sentence)
    return found is not None and promised(sentence, 0, found.start())


def placeholder_sections(card: Card, heading: "re.Pattern[str]") -> list[Section]:
    """Sections about the criterion whose whole content is placeholder text or promises."""
    out = []
    index = card_index(card)
    for section in card.sections_matching(heading):
        if not index.holds_more_than_headings(section):
            continue  # headings only: nothing to be placeholder text (a card of many headings has thousands)
        blocks = [b for b in card.blocks_in(section) if b.kind != "heading"]
        if blocks and all(is_placeholder_only(b.text) or promise_only(b.text) for b in blocks):
            out.append(section)
    return out


#: ``Key: value`` on one line (a list item or a line of a paragraph): the key, then what stands for its value.
_KEY_VALUE = _compile(r"^[ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(?P<key>[^:=\s][^:=\n]{0,59}?)[ \t]*[:=][ \t]*(?P<value>[^\n]*)$", re.M)


def placeholder_values(card: Card, key: "re.Pattern[str]") -> list[Hit]:
    """Settings whose value is a placeholder: ``Warmup steps: TBD``, ``数据：待补充``, a ``TBA`` table cell
    under (or beside) a name that ``key`` matches. A placeholder stands where the value should be."""
    if not card_index(card).may_hold_placeholders:
        return []
    hits: list[Hit] = []
    for block in card.blocks:
        if block.kind in ("code", "heading", "front_matter", "html"):
            continue
        if block.kind == "table_row":
            pairs = list(zip(block.header, block.cells))
            if len(block.cells) == 2:  # | Learning rate | TBD |: the first column names the setting
                pairs.append((block.cells[0], block.cells[1]))
            for name, cell in pairs:
                if key.search(name) and cell.strip() and is_placeholder_only(cell):
                    hits.append(Hit("placeholder value", block.line, f"{name.strip()}: {cell.strip()}", block))
                    break
            continue
        if not may_match(PLACEHOLDER, block.text):
            continue
        for m in _KEY_VALUE.finditer(block.text):
            value = m.group("value")
            if key.search(m.group("key")) and value.strip() and is_placeholder_only(value):
                hits.append(Hit("placeholder value", block.line_at(m.start("key")), m.group(0).strip(), block))
    return hits
