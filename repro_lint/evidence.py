"""Shared evidence helpers for rules: what is placeholder, withheld, promised, or user-facing.

Rules describe *what* counts as evidence for their criterion as named pattern tables; the helpers
here decide *where* a match counts. The mechanisms are general and apply to every criterion:

* placeholder and template text (``[More Information Needed]``, ``TODO``, 待补充 …) is never evidence;
* a sentence that withholds ("not released", "proprietary", 不公开) is a *closed* statement, not a
  mention, when it names the criterion's subject;
* a sentence in the future tense ("will be released", 即将开源) is a promise, not evidence;
* user-facing sections (usage, quick start, "fine-tune on your own data", citation) do not document
  how the release itself was made, so method, data and hyperparameter rules skip them.

All patterns are compiled once at import and are linear (no nested quantifiers).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping, Optional, Sequence

from . import regex_cache
from .document import Block, Card, Section
from .model import Code, Evidence, Finding, Level, Verdict
from .prefilter import TextIndex, any_of, fold, may_match, plan

I = re.IGNORECASE

#: Placeholder spans: removed from a block before matching; a block that is only placeholders is empty.
PLACEHOLDER = regex_cache.compile(
    r"\[?more information needed\]?|\[?more info(?:rmation)? (?:is )?needed\]?|\bneeds? more information\b"
    r"|\[(?:optional|required)?\s*(?:todo|tbd|tba)\]|\b(?:todo|tbd|tba|fixme|xxx)\b:?"
    r"|\bcoming soon\b|\bto be (?:added|updated|announced|determined)\b|\(?\bn/a\b\)?"
    r"|\{\{[^{}\n]{0,200}\}\}|待补充|待完善|待更新|敬请期待|暂无",
    I,
)

#: Stock sentences of the Hugging Face and Trainer templates; they carry no information.
TEMPLATE_SENTENCE = regex_cache.compile(
    r"this model ?card (?:aims to be a base template|has been (?:automatically )?generated automatically)"
    r"|provide a (?:quick|longer) summary of what the model is"
    r"|use the code below to get started with the model"
    r"|this is the model card of a 🤗 transformers model"
    r"|on (?:the None|an unknown) dataset",
    I,
)

#: Sentence-level withholding. Paired with a criterion's subject words it makes the criterion closed.
WITHHELD = regex_cache.compile(
    r"\b(?:not|never|n't|no longer)\s+(?:be\s+|been\s+|being\s+)?(?:publicly\s+|openly\s+|yet\s+)?"
    r"(?:released|disclosed|shared|published|open[- ]?sourced?|made (?:public|available)|available|provided|public)\b"
    r"|\b(?:do|does|did|will|can|could|cannot|can't|won't|don't|doesn't)\s*(?:not\s+)?(?:publicly\s+)?(?:release|disclose|share|publish|provide|open[- ]?source)\b(?!d)"
    r"|\bcannot be (?:released|shared|disclosed|made public)|\bunable to (?:release|share|disclose)"
    r"|\b(?:not|n't) (?:be )?(?:able|allowed|permitted|authori[sz]ed) to (?:publicly |openly )?(?:release|share|disclose|publish|distribute|open[- ]?source|provide|make)\b"
    r"|\bclosed[- ](?:weights?|models?)\b"
    r"|\bproprietary\b|\bclosed[- ]source\b|\bin[- ]house\b|\binternal (?:data|dataset|corpus|corpora)\b"
    r"|\bconfidential\b|\bwithheld\b|\bundisclosed\b|\bnot open\b"
    r"|\b(?:only|exclusively) (?:available |accessible )?(?:through|via|by|from|on) (?:our |the )?(?:api|platform|chat|web|cloud|service)"
    r"|\bapi[- ]only\b|\bavailable (?:only )?(?:through|via) (?:our |an? |the )?(?:paid )?api\b"
    r"|\bonly (?:support|offer|provide|allow)s? (?:controlled |limited )?(?:access|use)\b[^.\n]{0,40}\b(?:through|via) (?:our |the )?(?:\w+ )?api\b"
    r"|不公开|未公开|暂不公开|不开源|暂不开源|暂未开源|未开源|闭源|不对外|私有数据|内部数据|专有数据|自有数据|无法公开|不予公开|仅(?:通过|提供)\s*api|暂不(?:提供|开放|发布|对外)|不(?:提供|开放)(?:下载|权重|数据)",
    I,
)

#: Future promises: a sentence that only says something will come is not evidence.
FUTURE = regex_cache.compile(
    r"\bwill (?:be )?(?:soon )?(?:release|publish|open[- ]?source|share|made available|available|provide|upload|update)"
    r"|\b(?:to be|soon to be) (?:released|published|open[- ]?sourced)|\bplan(?:s|ned)? to (?:release|open|publish)"
    r"|\bcoming soon\b|\bin the (?:near )?future\b|\bupcoming\b|\bforthcoming\b"
    r"|即将|后续(?:将|会)?(?:开源|发布|公开)|敬请期待|将(?:会)?(?:开源|发布|公开)|计划(?:开源|发布)",
    I,
)

#: Headings of user-facing sections: how to use or adapt the model, not how it was made.
USAGE_HEADING = regex_cache.compile(
    r"\busage\b|\bhow to (?:use|get started|run|fine-?tune)|\bget(?:ting)? started|quick ?start|\binference\b"
    r"|\binstall|\bdeploy|\bdemo\b|\bserving\b|\bquantiz|\bexamples?\b|\bdownstream use|\bcitation\b|\bcite\b|\bbibtex\b"
    r"|fine-?tun\w* (?:on|with|for) (?:your|custom|own)|your own data|\bcommunity\b|\bfaq\b|\bnews\b|\bupdates?\b"
    r"|\bchangelog\b|\brelease notes?\b|\bcontact\b|\backnowledg|\bdisclaimer|\blimitations?\b|\bbias\b|\brisks?\b"
    r"|使用方法|快速开始|快速使用|快速上手|推理|部署|安装|示例|引用|致谢|免责|声明|局限|新闻|更新|动态|常见问题|下游|微调你的|用于下游",
    I,
)

#: Link targets and bare URLs: ``github.com/…`` or ``arxiv.org/…`` inside a link is an address, not prose.
_URL = regex_cache.compile(r"\]\([^()\s]{1,2000}\)|\bhttps?://[^\s<>()\[\]\"'`|]{1,2000}")


#: Where one clause ends and another begins: "AdamW and a cosine schedule; the values will be shared later".
CLAUSE_BREAK = regex_cache.compile(
    r"[;；]|[,，]\s*(?:and|but|while|whereas|although|though|however|yet|so)\b|[,，]\s*(?:但|而|并且|不过|其中)|\s—\s|\s-\s", I
)


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


_SENTENCE_SPLIT = regex_cache.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\[(*_`\"'])|(?<=[。！？；])|\n")
#: In prose, a line break before a lower-case word or a number continues a hard-wrapped sentence.
_PROSE_SPLIT = regex_cache.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\[(*_`\"'])|(?<=[。！？；])|\n(?![a-z0-9])")
PROSE_KINDS = frozenset({"paragraph", "list_item", "blockquote"})


@dataclass(frozen=True)
class Hit:
    """One place in the card where an element of a criterion was found."""

    element: str
    line: int
    quote: str
    block: Optional[Block] = None
    #: A release file (``config.json``) instead of the card; ``quote`` is then shown as it is.
    file: Optional[str] = None

    def evidence(self, card: Card) -> Evidence:
        if self.file is not None:
            return Evidence(self.line, self.quote, self.element, self.file)
        return Evidence(self.line, window_quote(card, self.line, self.quote), self.element)


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
    hay, offsets = _comparable(source)
    at = hay.find(needle)
    if at < 0:
        return None
    return offsets[at], offsets[at + len(needle) - 1] + 1


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
    yield from sentences(text, prose=block.kind in PROSE_KINDS)
    if block.kind == "table_row" and block.header:
        for name, cell in zip(block.header, block.cells):
            name, cell = cleaner(name).strip(), cleaner(cell).strip()
            if name and cell:
                yield 0, header_value(name, cell)


#: A unit in a table header: ``Params (M)``, ``Tokens [B]``, ``Size (GB)``, ``参数量（亿）``.
_HEADER_UNIT = regex_cache.compile(r"^(?P<name>[^()\[\]]{1,80}?)\s*[(\[]\s*(?P<unit>[^()\[\]\d]{1,12}?)\s*[)\]]\s*$")
_BARE_NUMBER = regex_cache.compile(r"^[~≈]?\d[\d,]{0,20}(?:\.\d{1,12})?$")


def header_value(name: str, cell: str) -> str:
    """The ``name: value`` reading of a table cell under its column header.

    A unit given once in the header applies to every bare number below it: under ``Params (M)`` the
    cell ``4.7`` reads ``Params: 4.7 M``, so a value pattern sees the quantity with its unit.
    """
    name = " ".join(name.split())
    unit = _HEADER_UNIT.match(name)
    if unit and _BARE_NUMBER.match(cell):
        return f"{unit.group('name')}: {cell} {unit.group('unit').strip()}"
    return f"{name}: {cell}"


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
    units = _units(card, urls)
    texts = _units(card, True).texts  # the sentences as written, for the topic test
    found: dict[str, list[Hit]] = {name: [] for name in elements}
    accepted: dict[int, bool] = {}  # id(block) → where(block), asked only for blocks with a match
    on_topic: dict[int, bool] = {}
    for name, pattern in elements.items():
        out = found[name]
        for k, start, quote in pattern_hits(card, pattern, urls=urls):
            block = units.blocks[k]
            ok = accepted.get(id(block))
            if ok is None:
                ok = accepted[id(block)] = bool(where(block))
            if not ok or (skip_future and promised(texts[k], start, units.future[k])) or (skip_withheld and units.withheld[k] >= 0):
                continue
            if topic is not None:
                about = on_topic.get(id(block))
                if about is None:
                    about = on_topic[id(block)] = topic_heading is not None and in_section(block.section, topic_heading)
                if not about and not topic.search(texts[k]):
                    continue
            out.append(Hit(name, block.line_at(units.offsets[k] + start), quote, block))
    return found


class _Units:
    """Every sentence of a card, in card order, with its block, offset and flags: what :func:`scan` searches.

    ``pairs`` holds the indices of the ``header: cell`` sentences made from table rows.
    """

    __slots__ = ("blocks", "offsets", "texts", "folded", "pairs", "future", "withheld", "_index")

    def __init__(self, blocks: list[Block], offsets: list[int], texts: list[str], folded: list[str], pairs: frozenset[int]) -> None:
        self.blocks, self.offsets, self.texts, self.folded, self.pairs = blocks, offsets, texts, folded, pairs
        self.future: list[int] = []  # offset of the first promise (FUTURE) in each sentence, -1 when none
        self.withheld: list[int] = []
        self._index: Optional[TextIndex] = None

    @property
    def index(self) -> TextIndex:
        if self._index is None:
            self._index = TextIndex(self.folded, folded=True)
        return self._index

    def without_urls(self) -> "_Units":
        texts = [blank_urls(t) for t in self.texts]
        folded = [f if t is original else fold(t) for t, original, f in zip(texts, self.texts, self.folded)]
        units = _Units(self.blocks, self.offsets, texts, folded, self.pairs)
        units.future, units.withheld = self.future, self.withheld
        return units


def _units(card: Card, urls: bool = True) -> _Units:
    """The card's sentences (``urls=False``: with link targets and URLs blanked), built once per card.

    Whether a sentence promises (:data:`FUTURE`) or withholds (:data:`WITHHELD`) is found with one
    pass of each pattern over all sentences, like any element pattern.
    """
    key = ("units", urls)
    units = card.memo.get(key)
    if units is None:
        if urls:
            blocks: list[Block] = []
            offsets: list[int] = []
            texts: list[str] = []
            pairs: list[int] = []
            cleaned: dict[str, str] = {}  # table headers repeat on every row: clean each distinct cell once

            def cleaner(text: str) -> str:
                out = cleaned.get(text)
                if out is None:
                    out = cleaned[text] = clean(text) if placeholders else _unemphasised(text)
                return out

            placeholders = _may_hold_placeholders(card)
            for block in card.blocks:
                text = _cleaned(card, block)
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
            units = _Units(blocks, offsets, texts, [fold(t) for t in texts], frozenset(pairs))
            units.future = [-1] * len(texts)
            for k, start, _ in plan(FUTURE).first_matches(units.index, texts):
                units.future[k] = start
            units.withheld = [-1] * len(texts)
            for k, start, _ in plan(WITHHELD).first_matches(units.index, texts):
                units.withheld[k] = start
        else:
            units = _units(card, True).without_urls()
        card.memo[key] = units
    return units


def pattern_hits(card: Card, pattern: "re.Pattern[str]", *, urls: bool = True) -> list[tuple[int, int, str]]:
    """(sentence index, offset in the sentence, matched text) of the first match in every sentence of the card.

    Computed once per card and pattern, whichever rules ask: only the sentences that contain one of the
    pattern's keywords are searched, each with the alternatives whose keywords it holds.
    """
    key = ("hits", pattern, urls)
    hits = card.memo.get(key)
    if hits is None:
        units = _units(card, urls)
        hits = card.memo[key] = plan(pattern).first_matches(units.index, units.texts)
    return hits


def _cleaned(card: Card, block: Block) -> str:
    """``clean(block.text)``, once per card; placeholder patterns run only on a card that can contain them."""
    key = ("clean", id(block))
    text = card.memo.get(key)
    if text is None:
        text = card.memo[key] = clean(block.text) if _may_hold_placeholders(card) else _unemphasised(block.text)
    return text


def _may_hold_placeholders(card: Card) -> bool:
    """False when no placeholder or template text can occur anywhere in the card (one pass over it)."""
    gate = card.memo.get("placeholders")
    if gate is None:
        whole = _unemphasised(card.text)  # as clean() sees each block
        folded = fold(whole)
        gate = card.memo["placeholders"] = may_match(PLACEHOLDER, whole, folded) or may_match(TEMPLATE_SENTENCE, whole, folded)
    return gate


def link_hits(card: Card, url: "re.Pattern[str]", element: str, *, text: Optional["re.Pattern[str]"] = None, skip_usage: bool = False) -> list[Hit]:
    """Links whose URL matches ``url`` (and whose link text matches ``text``, when given)."""
    hits: list[Hit] = []
    for link in card.links:
        if skip_usage and is_usage(link.section):
            continue
        if url.search(link.url) and (text is None or text.search(link.text)):
            hits.append(Hit(element, link.line, link.url))
    return hits


#: How far (characters) from the withholding words the withheld artifact may be named: "we will not
#: release the X dataset", "the training data is proprietary"; a subject further away in a long
#: sentence is some other thing than what is withheld.
WITHHELD_SCOPE = 80


#: What a release may withhold. The artifact named nearest to the withholding words is the one withheld.
ARTIFACT = regex_cache.compile(
    r"\bdata(?:sets?)?\b|\bcorp(?:us|ora)\b|\bweights?\b|\bcheckpoints?\b|\bmodels?\b|\bcode(?:base)?\b|\bscripts?\b|\bapi\b"
    r"|\barchitecture\b|\bhyper-?parameters?\b|\brecipe\b|\btraining (?:details|procedure|method)\b"
    r"|数据|语料|权重|模型|参数|代码|架构|结构|超参数|训练细节",
    I,
)


#: "trained on proprietary X": whatever X is, it is the training material that is withheld.
TRAINED_ON = regex_cache.compile(r"\b(?:pre-?trained|trained|fine-?tuned|built|learned)\s+(?:\w+\s+){0,2}(?:on|from)\s+(?:\w+\s+){0,2}$|(?:基于|在)\S{0,6}$", I)


def withholds(subject: "re.Pattern[str]", sentence: str, at: int, implied: bool = False) -> bool:
    """True when the artifact withheld at offset ``at`` of ``sentence`` is the criterion's ``subject``.

    The artifact named nearest to the withholding words ("we will not release the X dataset", "the
    training data is proprietary") is what is withheld, within :data:`WITHHELD_SCOPE` characters: in
    "the model was trained on proprietary data" it is the data, not the model. With ``implied``
    (the sentence sits under the criterion's own heading) a sentence that names no artifact at all
    ("we will not be able to release the pre-processed logs") withholds the criterion's subject.
    """
    if TRAINED_ON.search(sentence[max(0, at - 40) : at]):
        return bool(subject.search("training data"))
    lo, hi = max(0, at - WITHHELD_SCOPE), at + WITHHELD_SCOPE
    window = sentence[lo:hi]
    mine = [(m.start() + lo, m.end() + lo) for m in subject.finditer(window)]
    if not mine:
        # under the criterion's own heading ("Training data") the subject goes without saying
        return implied and not ARTIFACT.search(window)

    def distance(span: tuple[int, int]) -> int:
        start, end = span
        return 0 if start <= at < end else (at - end + 1 if end <= at else start - at)

    nearest_mine = min(distance(span) for span in mine)
    # another artifact counts against the subject unless it overlaps it or modifies it ("model architecture", 模型权重)
    others = [
        (m.start() + lo, m.end() + lo)
        for m in ARTIFACT.finditer(window)
        if not any(a < m.end() + lo + 2 and m.start() + lo < b for a, b in mine)
    ]
    return not others or nearest_mine <= min(distance(span) for span in others)


def withheld(
    card: Card, subject: "re.Pattern[str]", where: BlockFilter = everywhere, heading: Optional["re.Pattern[str]"] = None
) -> list[Hit]:
    """Sentences that state the criterion's subject is withheld ("the training data is proprietary").

    The subject must be named near the withholding words (:data:`WITHHELD_SCOPE`), so "the model was
    trained on proprietary data" withholds data, and the model only when it is the model that is withheld.
    """
    units = _units(card)
    hits: list[Hit] = []
    for k, w in enumerate(units.withheld):
        if w < 0 or k in units.pairs:
            continue
        block, sentence = units.blocks[k], units.texts[k]
        if block.kind == "code" or not where(block):
            continue
        implied = heading is not None and in_section(block.section, heading)
        # every withholding phrase of the sentence: "the weights are not released and the data is proprietary"
        places = [w] + [m.start() for m in WITHHELD.finditer(sentence, w + 1)]
        material = next((at for at in places if TRAINED_ON.search(sentence[max(0, at - 40) : at])), None)
        if material is not None:
            places = [material]  # "trained on proprietary X that we do not share": the sentence withholds training material
        for at in places:
            if withholds(subject, sentence, at, implied):
                hits.append(Hit("withheld", block.line_at(units.offsets[k] + at), sentence.strip(), block))
                break
    return hits


def placeholder_sections(card: Card, heading: "re.Pattern[str]") -> list[Section]:
    """Sections about the criterion whose whole content is placeholder text."""
    out = []
    for section in card.sections_matching(heading):
        blocks = [b for b in card.blocks_in(section) if b.kind != "heading"]
        if blocks and all(is_placeholder_only(b.text) for b in blocks):
            out.append(section)
    return out


#: ``Key: value`` on one line (a list item or a line of a paragraph): the key, then what stands for its value.
_KEY_VALUE = regex_cache.compile(r"^[ \t]*(?:[-*+][ \t]+|\d{1,3}[.)][ \t]+)?(?P<key>[^:=\n]{1,60}?)[ \t]*[:=][ \t]*(?P<value>[^\n]*)$", re.M)


def placeholder_values(card: Card, key: "re.Pattern[str]") -> list[Hit]:
    """Settings whose value is a placeholder: ``Warmup steps: TBD``, ``数据：待补充``, a ``TBA`` table cell
    under (or beside) a name that ``key`` matches. A placeholder stands where the value should be."""
    if not _may_hold_placeholders(card):
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


def partial_score(found: int, required: int) -> float:
    """Sub-score of a partial verdict: proportional to the required elements present, in [0.25, 0.75]."""
    return round(min(0.75, max(0.25, found / max(required, 1))), 3)


@dataclass(frozen=True)
class CriterionCodes:
    """The four finding codes every criterion rule uses, plus the text to explain what to add."""

    missing: Code
    incomplete: Code
    withheld: Code
    placeholder: Code
    label: str  # "architecture", "training data", …

    def all(self) -> tuple[Code, ...]:
        return (self.missing, self.incomplete, self.withheld, self.placeholder)

    @property
    def verb(self) -> str:
        """The verb that agrees with the label: "the weights are", "the architecture is"."""
        return plural_verb(self.label)


def plural_verb(label: str) -> str:
    return "are" if label.endswith("s") else "is"


def criterion_codes(prefix: str, slug: str, label: str) -> CriterionCodes:
    """Codes ``<prefix>01..04`` with ruff-style slugs, e.g. RL301 ``training-data-missing``."""
    from .model import Severity

    verb = plural_verb(label)
    return CriterionCodes(
        Code(f"{prefix}01", f"{slug}-missing", f"The card does not document the {label}.", Severity.ERROR),
        Code(f"{prefix}02", f"{slug}-incomplete", f"The card documents the {label} only in part.", Severity.WARNING),
        Code(f"{prefix}03", f"{slug}-withheld", f"The card states that the {label} {verb} withheld.", Severity.ERROR),
        Code(
            f"{prefix}04",
            f"{slug}-placeholder",
            f"A section about the {label} holds only placeholder text.",
            Severity.WARNING,
        ),
        label,
    )


def finding(code: Code, message: str, line: int, column: int = 1) -> Finding:
    return Finding(code.code, code.slug, message, line, column, code.severity)


def judge(
    card: Card,
    codes: CriterionCodes,
    found: Mapping[str, Sequence[Hit]],
    required: Sequence[str],
    *,
    closed: Sequence[Hit] = (),
    placeholders: Iterable[Section] = (),
    placeholder_settings: Iterable[Hit] = (),
    complete: Optional[bool] = None,
    hints: Optional[Mapping[str, str]] = None,
    max_evidence_per_element: int = 3,
) -> Verdict:
    """Turn element hits into a level, a sub-score, evidence and findings.

    ``complete`` overrides the default completeness test (all ``required`` elements found).
    Evidence lists at most ``max_evidence_per_element`` lines per element, in line order, preferring
    the body of the card to its headings.
    """
    found, files_complete = release_file_hits(card, codes.label.replace(" ", "_"), found)
    present = [name for name in required if found.get(name)]
    missing = tuple(name for name in required if not found.get(name))
    is_complete = (not missing) if complete is None else complete
    if files_complete is not None:  # the release's files add what the card leaves out
        is_complete = is_complete or files_complete or not missing
        if not present:  # settings read from a file document the criterion in part, even beside the required ones
            present = [name for name, hits in found.items() if any(h.file is not None for h in hits)]
    evidence: list[Evidence] = []
    for hits in found.values():
        # A heading ("# Acme-7B") is shown only when nothing in the body supports the element,
        # and each line is quoted once per element.
        body = [h for h in hits if h.block is None or h.block.kind != "heading"] or list(hits)
        lines: set[tuple[Optional[str], int]] = set()
        for hit in sorted(body, key=lambda h: (h.file is not None, h.file or "", h.line)):
            if (hit.file, hit.line) in lines:
                continue
            lines.add((hit.file, hit.line))
            evidence.append(hit.evidence(card))
            if len(lines) == max_evidence_per_element:
                break
    evidence.sort(key=_evidence_order)
    hints = hints or {}
    missing_text = ", ".join(hints.get(name, name) for name in missing)
    findings: list[Finding] = []
    for section in placeholders:
        findings.append(
            finding(codes.placeholder, f"Section '{section.title}' holds only placeholder text; fill it in or remove it.", section.line)
        )
    for hit in placeholder_settings:  # see placeholder_values
        quote = _short(exact_quote(card, hit.line, hit.quote))
        findings.append(finding(codes.placeholder, f"'{quote}' holds a placeholder, not a value; fill it in or remove it.", hit.line))
    anchor = card.first_content_line
    if is_complete:
        level, score = Level.COMPLETE, 1.0
    elif closed:
        level, score = Level.CLOSED, 0.0
        first = min(closed, key=lambda h: h.line)
        evidence.append(Evidence(first.line, window_quote(card, first.line, first.quote), "withheld"))
        evidence.sort(key=_evidence_order)
        quote = _short(exact_quote(card, first.line, first.quote))
        findings.append(finding(codes.withheld, f"The card withholds the {codes.label}: \"{quote}\".", first.line))
    elif present:
        level, score = Level.PARTIAL, partial_score(len(present), len(required))
        line = min((h.line for name in present for h in found[name] if h.file is None), default=anchor)
        findings.append(finding(codes.incomplete, f"The {codes.label} {codes.verb} documented only in part; missing: {missing_text}.", line))
    else:
        level, score = Level.ABSENT, 0.0
        line = min((s.line for s in placeholders), default=anchor)
        findings.append(finding(codes.missing, f"No {codes.label} documented; add {missing_text}.", line))
    return Verdict(level, score, evidence, findings, missing if not is_complete else ())


#: Key of ``Card.memo`` under which the engine puts the card's :class:`repro_lint.release.Release`.
RELEASE_MEMO = "release"


def release_file_hits(card: Card, criterion: str, found: Mapping[str, Sequence[Hit]]) -> tuple[Mapping[str, Sequence[Hit]], Optional[bool]]:
    """``found`` plus the element hits the release's files give for ``criterion`` (``config.json`` …).

    Returns (hits, files_complete): ``files_complete`` is None for a plain card (nothing merged),
    otherwise whether the files alone document the criterion completely. The release was read before
    the rules ran; nothing here reads a file.
    """
    release = card.memo.get(RELEASE_MEMO)
    if release is None:
        return found, None
    from_files = release.file_hits(criterion)
    if not from_files.hits and not from_files.complete:
        return found, None
    merged: dict[str, list[Hit]] = {name: list(hits) for name, hits in found.items()}
    for name, hits in from_files.hits.items():
        merged.setdefault(name, []).extend(hits)
    return merged, from_files.complete


def _evidence_order(e: Evidence) -> tuple[bool, str, int, str]:
    """The card's lines first, in line order, then each release file's."""
    return (e.file is not None, e.file or "", e.line, e.element)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: ``words`` is the former name of :func:`any_of`.
words = any_of


# --- Where a training fact belongs to the release: training sections versus instructions to users ---

#: Headings of sections that instruct the reader (run, install, evaluate, cite) or list other people's work
#: (derived models, integrations, related projects) instead of describing the release.
USER_HEADING = regex_cache.compile(
    r"\busage\b|\bhow to (?:use|get started|run)|\bget(?:ting)? started|quick ?start|\binference\b|\binstall|\bsetup\b"
    r"|\benvironment\b|\bdownstream\b|\becosystem\b|\bdeploy|\bdemo\b|\bserving\b|\bquantiz|\bexamples?\b|\buses\b|\bdirect use|\bdownstream use"
    r"|\bderived\b|\brelated (?:projects?|models?|work)\b|\bintegrations?\b|\bthird[- ]party\b"
    r"|\bevaluat|\bbenchmark|\bresults?\b|\bcitation\b|\bcite\b|\bbibtex\b|\bfaq\b|\bcontact\b|\backnowledg|\blicen[cs]e\b"
    r"|your own|\bcustom (?:data|dataset)"
    r"|使用|快速|推理|部署|安装|环境|示例|引用|致谢|评测|评估|测评|常见问题|下游|许可|协议|相关项目|衍生",
    I,
)

#: Headings of sections about training. Nested under a usage heading ("Usage > Training") they still
#: describe how the release was made, unless their own text addresses the reader's data.
TRAINING_HEADING = regex_cache.compile(r"\btrain|\bpre-?train|\brecipes?\b|\breproduc|\bSFT\b|\bDPO\b|\bRLHF\b|训练|复现", I)

#: Headings about fine-tuning: in most READMEs an offer to users ("Fine-tuning", 模型微调), unless the
#: heading names a stage of the release (SFT, alignment) or the section speaks of what "we" did.
FINETUNE_HEADING = regex_cache.compile(r"fine-?tun|微调|精调", I)
RELEASE_STAGE = regex_cache.compile(r"\bsupervised\b|\binstruction\b|\bSFT\b|\bDPO\b|\bRLHF\b|\balign|\bstages?\b|指令|对齐|阶段", I)
RELEASE_VOICE = regex_cache.compile(r"\bwe\b|\bour\b|我们", I)
#: "We (also) provide the code for fine-tuning": an offer to the reader, not what *we* did.
OFFER_VOICE = regex_cache.compile(r"\bwe (?:also )?(?:provide|release|share|offer)d?\b|我们提供", I)
#: A title or heading that presents a demonstration or how-to ("Finetune Demo", "How to fine-tune X").
HOWTO_HEADING = regex_cache.compile(r"\bdemo\b|\bexamples?\b|\bhow to (?:fine-?tune|train)\b|示例|演示", I)

#: Sentences that offer training to the reader ("fine-tune it on your own data", 支持微调): the section is an example for users.
USER_TRAINING = regex_cache.compile(
    r"\byour (?:own )?(?:data|dataset|task|use case|domain)|\bcustom (?:data|dataset)s?\b|\b(?:a )?specific downstream tasks?"
    r"|\bfine-?tun\w* (?:it|this model|the model|our models?) (?:on|for|with) (?:your|a|any|custom|specific)\b"
    r"|\bcan be fine-?tuned\b|\bsupports? (?:\w+ )?fine-?tun|\b(?:example|sample) (?:scripts?|configs?)\b|example的"
    r"|\bfor (?:users|you) to (?:fine-?tune|train|adapt)\b|\bwe advise you\b"
    r"|你自己的|您自己的|自己的数据|自定义数据|为用户|用户需要|下游任务|支持[^。\n]{0,20}微调|用户可以|您可以|样例|示例",
    I,
)


def release_sections(card: Card) -> Callable[[Optional[Section]], bool]:
    """A test for "does this section describe how the release was made?".

    The nearest heading decides: a training heading ("Pre-training", "Training", "Launch training")
    makes its section a release fact even under "Usage"; a user-facing heading (usage, install,
    evaluation, citation …) makes it an instruction. A training or fine-tuning section whose own
    text speaks to the reader ("fine-tune it on your own dataset", 为用户提供微调脚本), and a
    "Fine-tuning" section that never says what *we* did, are instructions, subsections included.
    """
    memo = card.memo.get("release sections")
    if memo is not None:
        return memo  # type: ignore[no-any-return]  # card.memo holds Any; this is the function stored below
    for_users: set[int] = set()
    title = card.sections[0] if card.sections and card.sections[0].level == 1 else None
    for section in card.sections:
        training, finetune = TRAINING_HEADING.search(section.title), FINETUNE_HEADING.search(section.title)
        if (training or finetune) and HOWTO_HEADING.search(section.title):
            for_users.add(id(section))  # "Finetune Demo", "How to fine-tune X": a how-to, title or not
            continue
        if section is title:
            continue  # the card's title ("Multitask fine-tuning of X") names the project, not a section for users
        if not (training or finetune):
            continue
        own = [b.text for b in card.blocks_in(section) if b.section is section and b.kind not in ("heading", "code")][:4]
        if USER_TRAINING.search(section.title) or any(USER_TRAINING.search(text) for text in own):
            for_users.add(id(section))  # "Training on your own data", or text that says so
        elif finetune and not training and not RELEASE_STAGE.search(section.title) and not any(
            RELEASE_VOICE.search(t) and not OFFER_VOICE.search(t) for t in own
        ):
            for_users.add(id(section))

    decided: dict[int, bool] = {}  # id(section) → answer, for this card

    def is_release(section: Optional[Section]) -> bool:
        key = id(section)
        if key not in decided:
            decided[key] = _is_release(section)
        return decided[key]

    def _is_release(section: Optional[Section]) -> bool:
        path = []
        while section is not None:
            path.append(section)
            section = section.parent
        if any(id(s) in for_users or s.instructs for s in path):
            return False
        for s in path:
            if heading_matches(TRAINING_HEADING, s.title) or heading_matches(FINETUNE_HEADING, s.title):
                return True
            if heading_matches(USER_HEADING, s.title):
                return False
        return True

    card.memo["release sections"] = is_release
    return is_release


def release_blocks(card: Card, *, code: bool = True) -> BlockFilter:
    """A block filter: blocks in release sections (see :func:`release_sections`), code blocks optional."""
    is_release = release_sections(card)
    return lambda block: (code or block.kind != "code") and is_release(block.section)


#: A path or file name of a training configuration or launch script: ``scripts/pretrain_65b.sh``,
#: ``recipes/x/config_full.yaml``, ``configs/run.yml``, ``params.yaml``, ``*.gin``, ``*.slurm``.
TRAINING_CONFIG = regex_cache.compile(
    r"(?<![\w.-])(?:pre-?train|train(?:ing)?|fine-?tune|finetune|sft|dpo|orpo|ppo|rlhf|params|hparams|hyperparams?)[\w.-]{0,100}\.(?:ya?ml|gin|toml|sh|slurm)\b"
    r"|(?<![\w.-])(?:train(?:ing)?_args|train(?:ing)?_config|hparams|hyperparams?)\.json\b"
    r"|(?<![\w.-])(?:configs?|recipes|params)/[\w./{}-]{0,200}\.(?:ya?ml|json|gin|toml|sh|slurm)\b"
    r"|(?<![\w./-])[\w./-]{1,200}\.(?:gin|slurm)\b"
    r"|github\.com/[\w.-]{1,100}/[\w.-]{1,100}/(?:tree|blob)/[\w./-]{0,300}/(?:recipes?|configs?)/",
    I,
)

#: A training program of the release: ``train.py``, ``run_sft.py``, ``train.ipynb``, or a GitHub folder for training code or runs.
TRAINING_CODE = regex_cache.compile(
    r"(?<![\w.-])(?:pre-?train|train(?:ing)?|fine-?tune|finetune|sft|dpo|orpo|ppo|rlhf|run_(?:clm|mlm|sft|dpo|orpo|pretrain))[\w.-]{0,60}\.(?:py|ipynb)\b"
    r"|github\.com/[\w.-]{1,100}/[\w.-]{1,100}/(?:tree|blob)/[\w./-]{0,300}/(?:train|training|recipes?|pretrain|finetune|sft)(?:/|$)",
    I,
)

#: Paths that are illustrations, not the release's own files.
EXAMPLE_PATH = regex_cache.compile(r"example|sample|/path/to/|<[^<>\n]{0,40}>/|样例|示例", I)


def training_files(card: Card, where: BlockFilter, pattern: "re.Pattern[str]" = TRAINING_CONFIG, element: str = "training config") -> list[Hit]:
    """Paths and links matching ``pattern`` (configs by default) in the blocks and links ``where`` accepts.

    Example paths (``configs/example/train.yaml``, ``/path/to/…``) are not the release's files.
    """
    found = card.memo.get(("training files", pattern))
    if found is None:  # (block, line, path) of the first real path in each block, once per card
        found = []
        for block in card.blocks:
            if block.kind == "front_matter" or not may_match(pattern, block.text):
                continue
            for m in pattern.finditer(block.text):
                if not EXAMPLE_PATH.search(block.line_text(m.start())):
                    found.append((block, block.line_at(m.start()), m.group(0).strip()))
                    break
        card.memo[("training files", pattern)] = found
    hits: list[Hit] = []
    seen: set[int] = set()
    for block, line, path in found:
        if where(block):
            seen.add(line)
            hits.append(Hit(element, line, path, block))
    is_release = release_sections(card)
    for link in card.links:
        if link.line not in seen and is_release(link.section) and pattern.search(link.url) and not EXAMPLE_PATH.search(link.url):
            seen.add(link.line)
            hits.append(Hit(element, link.line, link.url))
    return hits
