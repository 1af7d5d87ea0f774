"""Where a training fact belongs to the release: training sections versus instructions to users."""

from __future__ import annotations

import re
from typing import Callable, Optional

from ..document import RELEASE_VOICE as DOCUMENT_RELEASE_VOICE
from ..document import Block, Card, Role, Section, heading_role
from ..prefilter import lazy as _compile
from ..prefilter import may_match
from ._index import card_index
from ._quotes import Hit
from ._release_names import ReleaseTraining, trains_release
from ._text import BlockFilter, heading_matches

IGNORECASE = re.IGNORECASE

#: Headings of sections that instruct the reader (run, install, evaluate, cite) or list other people's work
#: (derived models, integrations, related projects) instead of describing the release.
USER_HEADING = _compile(
    r"\busage\b|\bhow to (?:use|get started|run)|\bget(?:ting)? started|quick ?start|\binference\b|\binstall|\bsetup\b"
    r"|\benvironment\b|\bdownstream\b|\becosystem\b|\bdeploy|\bdemo\b|\bserving\b|\bquantiz|\bexamples?\b|\buses\b|\bdirect use|\bdownstream use"
    r"|\bderived\b|\brelated (?:projects?|models?|work)\b|\bintegrations?\b|\bthird[- ]party\b"
    r"|\bevaluat|\bbenchmark|\bresults?\b|\bcomparisons?\b|\bcitation\b|\bcite\b|\bbibtex\b|\bfaq\b|\bcontact\b|\backnowledg|\blicen[cs]e\b"
    r"|your own|\bcustom (?:data|dataset)"
    r"|使用|快速|推理|部署|安装|环境|示例|引用|致谢|评测|评估|测评|常见问题|下游|许可|协议|相关项目|衍生",
    IGNORECASE,
)

#: Headings of sections about training. Nested under a usage heading ("Usage > Training") they still
#: describe how the release was made, unless their own text addresses the reader's data.
TRAINING_HEADING = _compile(r"\btrain|\bpre-?train|\brecipes?\b|\breproduc|\bSFT\b|\bDPO\b|\bRLHF\b|训练|复现", IGNORECASE)

#: Headings about fine-tuning: in most READMEs an offer to users ("Fine-tuning", 模型微调), unless the
#: heading names a stage of the release (SFT, alignment) or the section speaks of what "we" did.
FINETUNE_HEADING = _compile(r"fine-?tun|微调|精调", IGNORECASE)
#: A fine-tuning heading that names a stage of the release's training, or describes one ("Fine-tuning details",
#: "Fine-tuning setup"), rather than offering it to the reader.
RELEASE_STAGE = _compile(
    r"\bsupervised\b|\binstruction\b|\bSFT\b|\bDPO\b|\bRLHF\b|\balign|\bstages?\b|指令|对齐|阶段"
    r"|\bdetails\b|\bsetup\b|\bsettings\b|\bprocedure\b|\bhyper-?parameters\b|细节|设置|超参数",
    IGNORECASE,
)
RELEASE_VOICE = _compile(r"\bwe\b|\bour\b|我们", IGNORECASE)
#: "We (also) provide the code for fine-tuning": an offer to the reader, not what *we* did; "By default, we use
#: dataset X": what the offered script does unless the reader changes it.
OFFER_VOICE = _compile(r"\bwe (?:also )?(?:provide|release|share|offer)d?\b|\bby default\b|我们提供", IGNORECASE)
#: A title or heading that presents a demonstration or how-to ("Finetune Demo", "How to fine-tune X").
HOWTO_HEADING = _compile(r"\bdemo\b|\bexamples?\b|\bhow to (?:fine-?tune|train)\b|示例|演示", IGNORECASE)

#: Sentences that offer training to the reader ("fine-tune it on your own data", 支持微调): the section is an example for users.
#: Downstream tasks after 再在 / 然后在 ("先在上述数据上预训练，再在各下游任务上分别微调") are a stage the release went
#: through, not an offer (fixtures/hyperparameters/complete-zh-then-downstream-stage.md).
USER_TRAINING = _compile(
    r"\byour (?:own )?(?:data|dataset|task|use case|domain)|\bof your own\b|\byour own (?:repositor\w+|corpus|files?|documents?)\b"
    r"|\btrain your own\b|\byour (?:own )?(?:keywords|images|recordings|clips|labels|classes|samples|examples)\b"
    r"|\byourself\b|\bcustom (?:data|dataset)s?\b|\b(?:a )?specific downstream tasks?"
    r"|\bfine-?tun(?:e|ing) (?:it|this model|the model|our models?) (?:on|for|with) (?:your|a|any|custom|specific)\b"
    r"|\bcan be fine-?tuned\b|\bsupports? (?:\w+ )?fine-?tun|\b(?:example|sample) (?:scripts?|configs?)\b|example的"
    r"|\bfor (?:users|you) to (?:fine-?tune|train|adapt)\b|\bwe advise you\b"
    r"|你自己的|您自己的|自己的数据|自定义数据|为用户|用户需要|(?<!再在各)(?<!再在)(?<!然后在)(?<!随后在)下游任务|支持[^。\n]{0,20}微调|用户可以|您可以|样例|示例",
    IGNORECASE,
)


#: Fine-tuning on top of the release (adapters, LoRA, the reader's data), as against re-running its training.
FURTHER_TRAINING = _compile(r"\bfine-?tun|\blora\b|\bqlora\b|\badapters?\b|\bcontrolnet\b|微调|精调", IGNORECASE)


def _reruns_training(card: Card, section: Section) -> bool:
    """A "How to train" section that re-runs the release's own training: a training (not fine-tuning)
    heading whose text, subsections included, never turns to fine-tuning or the reader's data."""
    if FINETUNE_HEADING.search(section.title) or not TRAINING_HEADING.search(section.title):
        return False
    texts = [b.text for b in card.blocks_in(section) if b.kind not in ("code",)][:30]
    return not any(FURTHER_TRAINING.search(t) or USER_TRAINING.search(t) for t in texts)


#: Add-ons trained on top of a released model: a section about one that offers its scripts serves the reader.
ADD_ON_HEADING = _compile(r"\b(?:q?lora|adapters?|controlnets?|ip-?adapters?)\b", IGNORECASE)

#: A heading for the settings of a run, and text that says they are what was used.
SETTINGS_HEADING = _compile(r"\bhyper-?param|\btraining (?:details|settings|configuration)\b|超参数|训练参数", IGNORECASE)
OWN_WORK = _compile(r"\bwe (?:use|used|adopt|adopted|set|trained|train)\b|我们(?:使用|采用|设置)", IGNORECASE)


def _states_own_settings(card: Card, section: Section, for_users: set[int]) -> bool:
    """A "Hyperparameters" subsection that says what was used ("We use the settings below"), and
    addresses no reader's data: the release's settings, even inside a section offered to users."""
    if id(section) in for_users or not SETTINGS_HEADING.search(section.title):
        return False
    own = [b.text for b in card.blocks_in(section) if b.section is section and b.kind in ("paragraph", "list_item")][:4]
    return any(OWN_WORK.search(t) for t in own) and not any(USER_TRAINING.search(t) for t in own)


def release_sections(card: Card) -> Callable[[Optional[Section]], bool]:
    """A test for "does this section describe how the release was made?".

    The nearest heading decides: a training heading ("Pre-training", "Training", "Launch training")
    makes its section a release fact even under "Usage"; a user-facing heading (usage, install,
    evaluation, citation …) makes it an instruction. A training or fine-tuning section whose own
    text speaks to the reader ("fine-tune it on your own dataset", 为用户提供微调脚本), and a
    "Fine-tuning" section that never says what *we* did, are instructions, subsections included. A
    "Fine-tuning" heading with no text of its own speaks through its first subsection ("### Data:
    X was created by fine-tuning …").
    """
    return card_index(card).remembered_release_sections(_release_sections)


def _release_sections(card: Card) -> Callable[[Optional[Section]], bool]:
    for_users: set[int] = set()
    title = card.sections[0] if card.sections and card.sections[0].level == 1 else None
    holds_text = card_index(card).holds_more_than_headings  # a section of headings only has no text of its own to read
    for section in card.sections:
        training, finetune = TRAINING_HEADING.search(section.title), FINETUNE_HEADING.search(section.title)
        if (training or finetune) and HOWTO_HEADING.search(section.title) and not _reruns_training(card, section):
            for_users.add(id(section))  # "Finetune Demo", "How to fine-tune X": a how-to, title or not
            continue
        if section is not title and ADD_ON_HEADING.search(section.title):
            own = [b.text for b in card.blocks_in(section) if b.section is section and b.kind not in ("heading", "code")][:4] if holds_text(section) else []
            if any(OFFER_VOICE.search(t) or USER_TRAINING.search(t) for t in own):
                for_users.add(id(section))  # "LoRA: we provide training scripts": add-ons the reader trains
                continue
        if section is title:
            continue  # the card's title ("Multitask fine-tuning of X") names the project, not a section for users
        if not (training or finetune):
            continue
        own = [b.text for b in card.blocks_in(section) if b.section is section and b.kind not in ("heading", "code")][:4] if holds_text(section) else []
        if USER_TRAINING.search(section.title) or heading_role(section.title) is Role.USE or any(USER_TRAINING.search(text) for text in own):
            # "Training on your own data", "Fine-tuning on your own voice", or text that says so
            # (fixtures/hyperparameters/absent-finetune-on-your-own-voice.md)
            for_users.add(id(section))
        elif (
            finetune
            and not training
            and not RELEASE_STAGE.search(section.title)
            and not any(RELEASE_VOICE.search(t) and not OFFER_VOICE.search(t) for t in own)
            and not (not own and holds_text(section) and _made_the_release(_first_texts_below(card, section)))
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
        if any(s.instructs for s in path):
            return False
        if any(id(s) in for_users for s in path) and not _states_own_settings(card, path[0], for_users):
            return False
        roles = [heading_role(s.title) for s in path]
        if Role.REFERENCE in roles[1:]:
            return False  # "Acknowledgements > Pre-trained models": other people's work, whatever the sub-heading
        for s, role in zip(path, roles):
            if heading_matches(TRAINING_HEADING, s.title) or heading_matches(FINETUNE_HEADING, s.title):
                return True
            if role is Role.RELEASE:
                return True  # "Model details", "Model sources": the release described, even under a misplaced "Inference"
            if heading_matches(USER_HEADING, s.title):
                return False
        return True

    return is_release


def _first_texts_below(card: Card, section: Section) -> list[str]:
    """The first prose of a section's subsections: what a heading with no text of its own ("## Fine-tuning"
    straight over "### Data") says through them."""
    return [b.text for b in card.blocks_in(section) if b.section is not section and b.kind not in ("heading", "code")][:1]


#: What was done to make the release, said in the past or as a fact about it: "X was created by fine-tuning",
#: "we fine-tuned", 我们使用 (the same voice as the section roles of :mod:`repro_lint.document`).
MADE_THE_RELEASE = _compile(DOCUMENT_RELEASE_VOICE, IGNORECASE)


def _made_the_release(texts: list[str]) -> bool:
    return any(MADE_THE_RELEASE.search(t) and not OFFER_VOICE.search(t) for t in texts)


def release_blocks(card: Card, *, code: bool = True) -> BlockFilter:
    """A block filter: blocks in release sections (see :func:`release_sections`), code blocks optional.

    A training command or config that trains the release itself counts wherever it sits (see
    :func:`release_training`). Blocks under a bold line that serves as a heading for the reader
    ("**Fine-tune on your own data**", see :func:`under_reader_pseudo_heading`) do not.
    """
    is_release = release_sections(card)
    trains = release_training(card).blocks
    for_reader = card_index(card).remembered_for_reader(under_reader_pseudo_heading)
    return lambda block: (code or block.kind != "code") and (is_release(block.section) or id(block) in trains) and id(block) not in for_reader


#: A paragraph that is one bold phrase, used as a heading: "**Fine-tune on your own data**", "__Usage:__".
PSEUDO_HEADING = _compile(r"^\s*(?:\*\*|__)([^*_\n]{2,80}?):?(?:\*\*|__):?\s*$")


def under_reader_pseudo_heading(card: Card) -> set[int]:
    """``id`` of the blocks that follow a bold pseudo-heading addressed to the reader (usage, install, fine-tune on
    your data), up to the next heading or bold pseudo-heading (fixtures/hyperparameters/absent-bold-pseudo-heading.md)."""
    found: set[int] = set()
    reader = False
    section: Optional[Section] = None
    for block in card.blocks:
        if block.kind == "heading" or block.section is not section:
            reader, section = False, block.section
            if block.kind == "heading":
                continue
        if block.kind == "paragraph" and "\n" not in block.text.strip():
            m = PSEUDO_HEADING.match(block.text)
            if m is not None:
                title = m.group(1)
                reader = bool(USER_HEADING.search(title) or USER_TRAINING.search(title) or HOWTO_HEADING.search(title))
                continue
        if reader:
            found.add(id(block))
    return found


def release_training(card: Card) -> ReleaseTraining:
    """The blocks that give a training command or config of the release itself, once per card."""
    return card_index(card).remembered_release_training(trains_release)


#: A path or file name of a training configuration or launch script: ``scripts/pretrain_65b.sh``,
#: ``recipes/x/config_full.yaml``, ``configs/run.yml``, ``params.yaml``, ``*.gin``, ``*.slurm``.
TRAINING_CONFIG = _compile(
    r"(?<![\w.-])(?:pre-?train|train(?:ing)?|fine-?tune|finetune|sft|dpo|orpo|ppo|rlhf|params|hparams|hyperparams?)[\w.-]{0,100}\.(?:ya?ml|gin|toml|sh|slurm)\b"
    r"|(?<![\w.-])(?:train(?:ing)?_args|train(?:ing)?_config|hparams|hyperparams?)\.json\b"
    # a launcher named for training: run_pretrain.sh (complete-launch-script.md)
    r"|(?<![\w.-])(?:run|launch|start)_(?:pre-?train|train(?:ing)?|fine-?tune|finetune|sft|dpo)[\w.-]{0,100}\.(?:sh|slurm)\b"
    r"|(?<![\w.-])(?:configs?|recipes|params)/[\w./{}-]{0,200}\.(?:ya?ml|json|gin|toml|sh|slurm)\b"
    # a Python config module in a config folder: configs/det/x_1x.py, prismatic/conf/vla.py (mmcv, detectron style)
    r"|(?<![\w.-])(?:configs?|conf)/[\w./-]{1,200}\.py\b"
    r"|(?<![\w./-])[\w./-]{1,200}\.(?:gin|slurm)\b"
    r"|github\.com/[\w.-]{1,100}/[\w.-]{1,100}/(?:tree|blob)/[\w./-]{0,300}/(?:recipes?|configs?)/",
    IGNORECASE,
)

#: A training program of the release: ``train.py``, ``run_sft.py``, ``train.ipynb``, or a GitHub folder for training code or runs.
TRAINING_CODE = _compile(
    r"(?<![\w.-])(?:pre-?train|train(?:ing)?|fine-?tune|finetune|sft|dpo|orpo|ppo|rlhf|run_(?:clm|mlm|sft|dpo|orpo|pretrain))[\w.-]{0,60}\.(?:py|ipynb)\b"
    r"|github\.com/[\w.-]{1,100}/[\w.-]{1,100}/(?:tree|blob)/[\w./-]{0,300}/(?:train|training|recipes?|pretrain|finetune|sft)(?:/|$)",
    IGNORECASE,
)

#: Paths that are illustrations, not the release's own files.
EXAMPLE_PATH = _compile(r"example|sample|/path/to/|<[^<>\n]{0,40}>/|样例|示例", IGNORECASE)


#: A file named for evaluation, inference or a demo (``configs/eval_acme.py``, ``infer.sh``): it runs the
#: model, it did not train it (training_method/absent-eval-config-is-not-training-code.md).
EVALUATION_FILE = _compile(r"(?:^|[/\s`(])(?:eval|evaluate|evaluation|infer|inference|demo|test)(?:[_.-][\w.-]*)?\.\w+$", IGNORECASE)


def training_files(card: Card, where: BlockFilter, pattern: "re.Pattern[str]" = TRAINING_CONFIG, element: str = "training config") -> list[Hit]:
    """Paths and links matching ``pattern`` (configs by default) in the blocks and links ``where`` accepts.

    Example paths (``configs/example/train.yaml``, ``/path/to/…``) are not the release's files.
    """
    found = card_index(card).remembered_files(pattern, _first_paths)
    hits: list[Hit] = []
    seen: set[int] = set()
    for block, line, path in found:
        if where(block):
            seen.add(line)
            hits.append(Hit(element, line, path, block))
    is_release = release_sections(card)
    for link in card.links:
        if (
            link.line not in seen
            and is_release(link.section)
            and pattern.search(link.url)
            and not EXAMPLE_PATH.search(link.url)
            and not EVALUATION_FILE.search(link.url)
        ):
            seen.add(link.line)
            hits.append(Hit(element, link.line, link.url))
    return hits


def _first_paths(card: Card, pattern: "re.Pattern[str]") -> list[tuple[Block, int, str]]:
    """(block, line, path) of the first real path matching ``pattern`` in each block."""
    found = []
    for block in card.blocks:
        if block.kind == "front_matter" or not may_match(pattern, block.text):
            continue
        for m in pattern.finditer(block.text):
            if not EXAMPLE_PATH.search(block.line_text(m.start())) and not EVALUATION_FILE.search(m.group(0)):
                found.append((block, block.line_at(m.start()), m.group(0).strip()))
                break
    return found
