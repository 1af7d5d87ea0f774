"""Withholding: sentences that state the criterion's subject is not released."""

from __future__ import annotations

import re
from typing import Optional

from ..document import Block, Card
from ..prefilter import lazy as _compile
from ._index import _Sparse, card_index
from ._patterns import CLAUSE_BREAK, WITHHELD, names_others
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
    r"|\barchitecture\b|\bhyper-?parameters?\b|\brecipe\b|\btraining (?:details|procedure|method)\b|\bpipelines?\b"
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


#: A tool after the withholding words: "proprietary Neural Architecture Search technology", "in-house tooling". What is
#: closed is the tool, not an artifact of the release (fixtures/architecture/partial-proprietary-tool-not-withheld.md).
TOOL_AFTER = _compile(
    r"\s{1,3}(?:[\w-]{1,30}\s{1,3}){0,4}?(?:technology|technologies|tools?|tooling|frameworks?|software|infrastructure"
    r"|hardware|compilers?|engines?)\b",
    IGNORECASE,
)


#: Withholding words that end in a verb of releasing, whose object follows them.
RELEASE_VERB = _compile(r"(?:releas\w*|shar\w*|publish\w*|disclos\w*|distribut\w*|open[- ]?sourc\w*|provid\w*)\s*$", IGNORECASE)
#: The object right after such a verb: up to three modifiers, then an artifact ("the pre-processed datasets")
#: (fixtures/training_data/closed-object-of-not-releasing.md).
OBJECT_AFTER = _compile(
    r"\s{1,3}(?:(?:the|our|its|any|this|these|those)\s{1,3})?((?:[\w-]{1,30}\s{1,3}){0,3}?(?:" + ARTIFACT.pattern + r"))",
    IGNORECASE,
)


#: The reader's own artifact: "your data", "your own documents", 您的数据.
_READERS = _compile(r"\byour\s+(?:own\s+)?$|(?:您|你)的$", IGNORECASE)


def withholds(subject: "re.Pattern[str]", sentence: str, at: int, implied: bool = False) -> bool:
    """True when the artifact withheld at offset ``at`` of ``sentence`` is the criterion's ``subject``.

    The artifact named nearest to the withholding words ("we will not release the X dataset", "the
    training data is proprietary") is what is withheld, within :data:`WITHHELD_SCOPE` characters: in
    "the model was trained on proprietary data" it is the data, not the model. With ``implied``
    (the sentence sits under the criterion's own heading) a sentence that names no artifact at all
    ("we will not be able to release the pre-processed logs") withholds the criterion's subject.
    """
    found = WITHHELD.match(sentence, at)
    if found is not None and TOOL_AFTER.match(sentence, found.end()):
        return False  # "generated using Deci's proprietary Neural Architecture Search technology": a tool is closed
    if TRAINED_ON.search(sentence[max(0, at - 40) : at]):
        return bool(subject.search("training data"))
    if HOW_IT_WAS_MADE.match(sentence, at, at + WITHHELD_SCOPE):
        return bool(subject.search("training method"))
    if found is not None and RELEASE_VERB.search(found.group(0)):
        released = OBJECT_AFTER.match(sentence, found.end())
        if released is not None and subject.search(released.group(1)):
            return True  # "… commercial model and will not be releasing the dataset": the verb's object is withheld
    lo, hi = max(0, at - WITHHELD_SCOPE), at + WITHHELD_SCOPE
    window = sentence[lo : hi + 40]  # a word that starts in scope is read whole ("… or other training hyperparameters")
    mine = [(m.start() + lo, m.end() + lo) for m in subject.finditer(window) if m.start() + lo < hi]
    # a subject that only modifies the artifact after it names that artifact: "the model architecture" is not the model
    mine = [(a, b) for a, b in mine if not _modifies_other(subject, sentence, b)]
    if not mine and _listed_before(subject, sentence, lo, at):
        return True
    if not mine:
        # under the criterion's own heading ("Training data") the subject goes without saying
        return implied and not ARTIFACT.search(sentence, lo, hi)

    def distance(span: tuple[int, int]) -> int:
        start, end = span
        return 0 if start <= at < end else (at - end + 1 if end <= at else start - at)

    # a subject named inside the withholding words themselves ("available in the … service as an API") is what
    # they are about, however near another artifact stands (fixtures/weights/closed-available-in-a-service-as-an-api.md)
    said_end = found.end() if found is not None else at
    nearest_mine = min(0 if at <= span[0] and span[1] <= said_end else distance(span) for span in mine)
    nearest = min(mine, key=distance)
    if _READERS.search(sentence, max(0, nearest[0] - 12), nearest[0]):
        return False  # "your data remains private": the reader's, not the release's
    # another artifact counts against the subject unless it overlaps it or modifies it ("model architecture", 模型权重)
    others = [
        (m.start() + lo, m.end() + lo)
        for m in ARTIFACT.finditer(window)
        if m.start() + lo < hi
        and not any(a < m.end() + lo + 2 and m.start() + lo < b for a, b in mine)
        and not _COMPLEMENT.search(sentence, max(0, m.start() + lo - 16), m.start() + lo)
    ]
    if not others or nearest_mine <= min(distance(span) for span in others):
        return True
    return _coordinated(sentence, at, mine, others)


#: Between members of a list before the withholding words, each member a few words: "The training procedure, loss
#: weighting and training hyperparameters are proprietary" (fixtures/training_method/closed-procedure-first-in-a-long-list.md).
LIST_BEFORE = _compile(
    # the rest of the first member (one or two words), then up to three more members, each after a separator; every
    # word bounded and every repetition led by what only it can match, so no text can be split two ways
    r"\s{0,3}(?:[\w-]{1,30}(?:\s{1,3}[\w-]{1,30})?\s{0,3})?(?:(?:,|\band\b|\bor\b|\bnor\b|[、和与及或]|以及)\s{0,3}"
    # a Chinese member runs into the next word without a space: 方法与训练超参数
    r"(?:(?:the|its|our|any)\s{1,3})?(?:[\w-]{1,30}\s{1,3}){0,2}[\u4e00-\u9fff]{0,4}){1,3}",
    IGNORECASE,
)
#: What joins the last members of a list: "A, B and C", "A、B".
_CONJUNCTION = _compile(r"\b(?:and|or|nor)\b|[、和与及或]", IGNORECASE)


#: Words that make an artifact the complement of another ("the hyperparameters used for this model"): the artifact
#: withheld is the one before them (fixtures/hyperparameters/closed-used-for-this-model.md).
_COMPLEMENT = _compile(r"\b(?:used )?(?:for|of|by) (?:this|the|our|that|each) $", IGNORECASE)


def _listed_before(subject: "re.Pattern[str]", sentence: str, lo: int, at: int) -> bool:
    """True when the subject opens a list of artifacts that runs up to the withholding words, beyond their usual
    reach: "The post-training pipeline, the SFT and preference data, and the training hyperparameters are
    proprietary" (fixtures/training_method/closed-first-of-a-long-list.md)."""
    for found in subject.finditer(sentence, max(0, lo - 160), lo):
        end = found.end()
        others = [m for m in ARTIFACT.finditer(sentence, end, at) if not subject.search(m.group(0))]
        if others and LIST_BEFORE.fullmatch(sentence, end, others[0].start()) and _CONJUNCTION.search(sentence, end, at):
            return True
    return False


def _modifies_other(subject: "re.Pattern[str]", sentence: str, end: int) -> bool:
    """True when another artifact, one the subject does not name, follows the subject's words at ``end`` as the
    head of the noun ("the model architecture", "model code")."""
    head = _HEAD.match(sentence, end)
    return head is not None and not subject.search(head.group(1))


#: The noun right after a subject: "the model| architecture", "模型|代码".
_HEAD = _compile(r"[ -]?((?:" + ARTIFACT.pattern + r"))", IGNORECASE)


#: Between two artifacts withheld together: "the model size or the training data", "weights, code and data".
COORDINATION = _compile(
    r"[\w\s-]{0,20}?(?:,|\band\b|\bor\b|\bnor\b|\bas well as\b|[、和与及或]|以及)\s*(?:(?:the|its|our|any)\s+)?(?:[\w-]+\s+){0,2}",
    IGNORECASE,
)


def _coordinated(sentence: str, at: int, mine: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    """True when the subject follows another withheld artifact in one list of objects ("we do not disclose the
    model size or the training data", fixtures/training_data/closed-listed-after-another-artifact.md): every
    member of the list is withheld. The same when the list comes before the withholding words, as in Chinese
    ("网络结构、参数规模暂不公开", fixtures/architecture/closed-zh-listed-before-withholding.md)."""
    for start, end in mine:
        before = [o_end for o_start, o_end in others if at <= o_start and o_end <= start]
        if before and COORDINATION.fullmatch(sentence, max(before), start):
            return True
        after = [o_start for o_start, o_end in others if end <= o_start and o_end <= at]
        # before the withholding words a comma may end a clause ("has 100B parameters, the architecture is not public"):
        # a list there is joined by a conjunction or 、
        if after and LIST_BEFORE.fullmatch(sentence, end, min(after)) and _CONJUNCTION.search(sentence, end, at):
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
        places = [at for at in places if not names_others(sentence, at)]
        material = next((at for at in places if TRAINED_ON.search(sentence[max(0, at - 40) : at])), None)
        if material is not None:
            # "trained on proprietary X that we do not share": the sentence withholds training material; a later clause
            # may withhold something else ("…, and the training methods are confidential")
            places = [material] + [at for at in places if at > material and CLAUSE_BREAK.search(sentence, material, at)]
        for at in places:
            if withholds(subject, sentence, at, implied):
                hits.append(Hit("withheld", block.line_at(units.offsets[k] + at), written.strip(), block))
                break
        else:
            hits += _listed(card, subject, block, sentence, places)
    return hits


#: A withholding sentence that introduces a list: "We do not publish:", 以下内容不公开：.
_LEAD_IN = _compile(r"[:：][\s*_]*$")


def _listed(card: Card, subject: "re.Pattern[str]", block: Block, sentence: str, places: list[int]) -> list[Hit]:
    """The items of the list a withholding sentence introduces ("We do not publish:" then "- the training
    data;"): each item is withheld as if it ended the sentence (fixtures/training_data/closed-listed-under-lead-in.md)."""
    if block.kind != "paragraph" or block.section is None or not places or not _LEAD_IN.search(sentence):
        return []
    items: list[Block] = []
    for following in card.blocks_in(block.section):
        if following.line <= block.line:
            continue
        if following.kind != "list_item" or len(items) >= 12:
            break
        items.append(following)
    for item in items:
        text = one_line(item.text)
        if any(withholds(subject, sentence.rstrip(" *_") + " " + text, at) for at in places):
            return [Hit("withheld", item.line, item.text.strip(), item)]
    return []
