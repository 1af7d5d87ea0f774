"""Withholding: sentences that state the criterion's subject is not released."""

from __future__ import annotations

import re
from typing import Optional

from ..document import Card
from ..prefilter import lazy as _compile
from ._index import _Sparse, card_index
from ._patterns import WITHHELD
from ._quotes import Hit
from ._text import BlockFilter, everywhere, in_section, one_line

IGNORECASE = re.IGNORECASE

#: How far (characters) from the withholding words the withheld artifact may be named: "we will not
#: release the X dataset", "the training data is proprietary"; a subject further away in a long
#: sentence is some other thing than what is withheld.
WITHHELD_SCOPE = 80


#: What a release may withhold. The artifact named nearest to the withholding words is the one withheld.
ARTIFACT = _compile(
    r"\bdata(?:sets?)?\b|\bcorp(?:us|ora)\b|\bweights?\b|\bcheckpoints?\b|\bmodels?\b|\bcode(?:base)?\b|\bscripts?\b|\bapi\b"
    r"|\barchitecture\b|\bhyper-?parameters?\b|\brecipe\b|\btraining (?:details|procedure|method)\b"
    r"|数据|语料|权重|模型|参数|代码|架构|结构|超参数|训练细节",
    IGNORECASE,
)


#: "we do not disclose how the model was trained", "proprietary methods": what is withheld is the
#: method, even when the clause names the model; no clause break between the withholding words and it.
HOW_IT_WAS_MADE = _compile(
    r"[^,.;:，。；：]{0,40}?\bhow\s+(?:\w+\s+){0,4}?(?:was|were|is|are|got)\s+(?:\w+\s+)?"
    r"(?:trained|built|developed|made|produced)\b"
    r"|[^,.;:，。；：]{0,20}?\bmethods?\b",
    IGNORECASE,
)

#: "trained on proprietary X": whatever X is, it is the training material that is withheld.
TRAINED_ON = _compile(r"\b(?:pre-?trained|trained|fine-?tuned|built|learned)\s+(?:\w+\s+){0,2}(?:on|from)\s+(?:\w+\s+){0,2}$|(?:基于|在)\S{0,6}$", IGNORECASE)


#: Other people's models as a category: "outperforms closed-source models", "open-source and proprietary LLMs",
#: 开源与闭源. A comparison, not a statement that this release withholds anything.
OTHERS_CATEGORY = _compile(
    r"\b(?:closed[- ]source|proprietary|closed[- ]weights?)\s+(?:[\w-]+\s+)?(?:models|LLMs|systems|counterparts|competitors"
    r"|alternatives|rivals)\b"
    r"|\bopen[- ]?(?:source|weights?)\s*(?:and|or|&|/|vs\.?|versus)\s*(?:closed[- ]source|closed[- ]weights?|proprietary)\b"
    r"|\b(?:closed[- ]source|closed[- ]weights?|proprietary)\s*(?:and|or|&|/|vs\.?|versus)\s*open[- ]?(?:source|weights?)\b"
    r"|开源\s*(?:与|和|及|或|、|/)\s*闭源|闭源\s*(?:与|和|及|或|、|/)\s*开源"
    r"|(?:超越|超过|媲美|比肩|优于|对标|领先于?|赶超|接近|相比|对比)[^，。,.\n]{0,10}闭源(?:大)?模型",
    IGNORECASE,
)


#: The reader's own artifact: "your data", "your own documents", 您的数据.
_READERS = _compile(r"\byour\s+(?:own\s+)?$|(?:您|你)的$", IGNORECASE)


def _names_others(sentence: str, at: int) -> bool:
    """True when the withholding words at ``at`` name a category of other models ("closed-source models")."""
    return any(m.start() <= at < m.end() for m in OTHERS_CATEGORY.finditer(sentence, max(0, at - 40), at + 80))


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
    if HOW_IT_WAS_MADE.match(sentence, at, at + WITHHELD_SCOPE):
        return bool(subject.search("training method"))
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
    nearest = min(mine, key=distance)
    if _READERS.search(sentence, max(0, nearest[0] - 12), nearest[0]):
        return False  # "your data remains private": the reader's, not the release's
    # another artifact counts against the subject unless it overlaps it or modifies it ("model architecture", 模型权重)
    others = [(m.start() + lo, m.end() + lo) for m in ARTIFACT.finditer(window) if not any(a < m.end() + lo + 2 and m.start() + lo < b for a, b in mine)]
    if not others or nearest_mine <= min(distance(span) for span in others):
        return True
    return _coordinated(sentence, at, mine, others)


#: Between two artifacts withheld together: "the model size or the training data", "weights, code and data".
COORDINATION = _compile(r"[\w\s-]{0,20}?(?:,|\band\b|\bor\b|\bnor\b|\bas well as\b)\s*(?:(?:the|its|our|any)\s+)?(?:[\w-]+\s+){0,2}", IGNORECASE)


def _coordinated(sentence: str, at: int, mine: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    """True when the subject follows another withheld artifact in one list of objects ("we do not disclose the
    model size or the training data", fixtures/training_data/closed-listed-after-another-artifact.md): every
    member of the list is withheld."""
    for start, _ in mine:
        before = [end for o_start, end in others if at <= o_start and end <= start]
        if before and COORDINATION.fullmatch(sentence, max(before), start):
            return True
    return False


def withheld(card: Card, subject: "re.Pattern[str]", where: BlockFilter = everywhere, heading: Optional["re.Pattern[str]"] = None) -> list[Hit]:
    """Sentences that state the criterion's subject is withheld ("the training data is proprietary").

    The subject must be named near the withholding words (:data:`WITHHELD_SCOPE`), so "the model was
    trained on proprietary data" withholds data, and the model only when it is the model that is withheld.
    Other models named as a category ("ahead of open-source and closed-source systems", 开源与闭源) are a
    comparison, not a withholding.
    """
    units = card_index(card).sentences()
    hits: list[Hit] = []
    marked = units.withheld
    for k, w in marked.marked() if isinstance(marked, _Sparse) else enumerate(marked):  # the few sentences that withhold
        if w < 0 or k in units.pairs:
            continue
        block, written = units.blocks[k], units.texts[k]
        if block.kind == "code" or not where(block):
            continue
        sentence = one_line(written)  # hard-wrapped: read as one line
        implied = heading is not None and in_section(block.section, heading)
        # every withholding phrase of the sentence: "the weights are not released and the data is proprietary"
        places = [w] + [m.start() for m in WITHHELD.finditer(sentence, w + 1)]
        places = [at for at in places if not _names_others(sentence, at)]
        material = next((at for at in places if TRAINED_ON.search(sentence[max(0, at - 40) : at])), None)
        if material is not None:
            places = [material]  # "trained on proprietary X that we do not share": the sentence withholds training material
        for at in places:
            if withholds(subject, sentence, at, implied):
                hits.append(Hit("withheld", block.line_at(units.offsets[k] + at), written.strip(), block))
                break
    return hits
