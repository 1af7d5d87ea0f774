"""The names the card gives its own release, and the training commands that name it.

A training command or config sitting in a how-to section ("Fine-tuning", "Full training examples")
is usually an offer to the reader. When it trains the release itself — the sentence before it says
"the command to train <release>", or its config path carries the release's name
(``recipes/<release>-7b/config_full.yaml``) — it is the command that made the released model, which
the rubric counts as the release's recipe.

The release's names come from the card's structure, never from a list of models: the words of its
level-1 title that are shaped like model names (``Acme-7B``, ``acme-v2``; or every word of a short
title such as "# Acme") and the repositories the card links on the Hub (``huggingface.co/org/acme-7b``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from ..document import Block, Card
from ..prefilter import lazy as _compile

IGNORECASE = re.IGNORECASE

#: A word of a title shaped like a model name: letters, then a version or size (Acme-7B, acme-v2, Acme2).
NAME_SHAPED = _compile(r"(?<![\w-])([A-Za-z][A-Za-z]{2,30})(?:[-_ ]?v?\d[\w.]*)(?:[-_][\w.]+)*", 0)
#: A title that gives a name, then a tagline after a colon or a dash: "Cadenza: long-form music generation".
NAME_BEFORE_TAGLINE = _compile(r"^\W*([A-Za-z][\w.-]{2,40})\s*(?::|\s[—–-])\s+\w", 0)
#: Words of a title: a short title ("# Acme", "# Acme LM") names the release with each of its words.
TITLE_WORD = _compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*", 0)
#: A model repository on the Hub (not a dataset, space, paper or doc page).
HUB_MODEL = _compile(r"huggingface\.co/(?!datasets/|spaces/|papers/|docs/|blog/|models\b)[\w.-]{1,100}/([\w.-]{1,100})", IGNORECASE)
#: Leading letters of a name: "vicuna-7b-v1.5" → "vicuna", "PixArt-XL-2" → "pixart".
STEM = _compile(r"^[A-Za-z]+", 0)

#: Words that name no model: generic words of titles and repository names.
GENERIC = frozenset(
    """a an and the of for to with in on by from how model models official repository repo code codes
    implementation implementations pytorch jax tensorflow paper project instructions instruction train training
    fine tune tuning tuned finetune finetuning card readme chinese english multilingual base large small tiny mini
    medium xl instruct chat open hf gguf awq gptq onnx mlx int fp bf release releases v version llm llms lm
    weights checkpoint checkpoints demo version series family text image video audio speech""".split()
)

#: Training verbs before the release's name as their object: "the command to train Acme-7B", "reproduce
#: Acme", 训练 Acme-7B (not "pre-training with the Acme model" nor "fine-tuning Acme": training that starts
#: from it).
TRAIN_VERB = r"\b(?:train|trains|training|trained|pre-?train\w*|reproduc\w*|replicat\w*)\b"
#: Training that is the reader's own: adapters, LoRA, the reader's data.
READERS_OWN = _compile(
    r"\blora\b|\bqlora\b|\badapters?\b|\byour (?:own )?(?:data|dataset|task|model|use case|domain)\b|\bcustom (?:data|dataset)s?\b"
    r"|\bdownstream\b|你自己的|您自己的|自己的数据|自定义数据|下游任务",
    IGNORECASE,
)
#: A command or path that trains: a training script or launcher, or a training config.
TRAINING_RUN = _compile(
    r"(?<![\w.-])[\w./-]{0,100}(?:pre-?train|train|fine-?tune|finetune|sft|dpo|orpo|ppo|rlhf)[\w./-]{0,100}\.(?:py|sh|slurm|ya?ml|json|ipynb)\b"
    r"|(?<![\w.-])(?:configs?|recipes)/[\w./{}-]{1,200}\.(?:py|ya?ml|json|gin|toml|sh|slurm)\b",
    IGNORECASE,
)


#: A command or call that runs the model rather than training it: a script named for inference, sampling,
#: generation or a demo (``python demo/inference_on_image.py -c config/x.py``), or a loader given the config
#: and the weights (``load_model("config/x.py", "x.pth")``). A config handed to it is not a training config.
INFERENCE_RUN = _compile(
    r"\bpython3?\s+(?:-m\s+)?[\w./-]{0,100}?(?<![a-z])(?:infer\w*|demo\w*|sampl\w*|generat\w*|animat\w*|predict\w*"
    r"|inpaint\w*|txt2img|img2img)\b"
    r"|\bload_model\s*\(",
    IGNORECASE,
)


def command_at(text: str, offset: int) -> str:
    """The shell command or line of code in ``text`` that holds ``offset``: its line and the lines it
    continues (a ``\\`` at the end of the line before)."""
    start = text.rfind("\n", 0, offset) + 1
    while start > 0:
        previous = text.rfind("\n", 0, start - 1) + 1
        if not text[previous : start - 1].rstrip().endswith("\\"):
            break
        start = previous
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)]


def runs_inference(text: str, offset: int) -> bool:
    """True when the command holding ``offset`` runs the model (inference, sampling, a demo), not training."""
    return bool(INFERENCE_RUN.search(command_at(text, offset)))


#: An HTML title at the top of a README: ``<h1 align="center">Acme: …</h1>`` (its text, after any inner tags).
HTML_TITLE = _compile(r"<h1\b[^>\n]{0,200}>(?:\s*<[^>\n]{0,200}>)*\s*([^<\n]{1,200})", IGNORECASE)


def card_title(card: Card) -> str:
    """The card's title: its level-1 heading when it opens with one, else an HTML ``<h1>`` above its first
    heading (a README that centres its title in HTML, weights/closed-html-title-named-closed.md)."""
    if card.sections and card.sections[0].level == 1:
        return card.sections[0].title
    for block in card.blocks[:20]:
        if block.kind == "heading":
            break
        if block.kind == "html":
            raw = "\n".join(card.lines[block.line - 1 : min(block.end_line, block.line + 40)])
            found = HTML_TITLE.search(raw)
            if found:
                return found.group(1).strip()
    return ""


def release_names(card: Card) -> frozenset[str]:
    """Lower-case stems of the names the card gives its release (see the module docstring): the
    model-shaped words of the title, the one word of a one-word title, the Hub repositories linked."""
    names: set[str] = set()
    title = card_title(card)
    if title:
        words = [w for w in TITLE_WORD.findall(title) if w.lower() not in GENERIC]
        if len(words) == 1:
            names.update(_stem(w) for w in words)
        names.update(m.group(1).lower() for m in NAME_SHAPED.finditer(title))
        named = NAME_BEFORE_TAGLINE.match(title)  # "Cadenza: long-form music generation"
        if named:
            names.add(_stem(named.group(1)))
    for link in card.links:
        if link.image:
            continue
        hub = HUB_MODEL.search(link.url)
        if hub:
            names.add(_stem(hub.group(1)))
    return frozenset(n for n in names if len(n) >= 3 and n not in GENERIC)


def title_name(card: Card) -> str:
    """The one name the title gives the release, squashed ("# JetMoE: Reaching …" → ``jetmoe``): the name before a
    tagline, else the first model-shaped word, else a one-word title; "" when the title gives none."""
    title = card_title(card)
    tagline, shaped = NAME_BEFORE_TAGLINE.match(title), NAME_SHAPED.search(title)
    if tagline:
        name = tagline.group(1)
    elif shaped:
        name = shaped.group(0)
    else:
        words = [w for w in TITLE_WORD.findall(title) if w.lower() not in GENERIC]
        name = words[0] if len(words) == 1 else ""
    squashed = _squash(name)
    return squashed if len(squashed) >= 4 and squashed not in GENERIC else ""


def release_rows(card: Card) -> "Callable[[Block], bool]":
    """A test for the rows of a table that are the release's own: the first cell starts with the name the title
    gives the release (``| JetMoE-8B | 2.2B | 1.25T |`` under "# JetMoE: …"), in a comparison table too."""
    name = title_name(card)

    def own(block: Block) -> bool:
        if not name or block.kind != "table_row" or not block.cells:
            return False
        return _squash(block.cells[0][:80]).startswith(name)

    return own


def names_release(card: Card, name: str) -> bool:
    """True when ``name`` (a repository's name, ``rail-chat-1b``) is the name in the card's level-1 title
    (``# Rail-Chat-1B``, ``# Model Card for rail-chat-1b``), ignoring case and separators, or that name with
    a size or version after it (``# Rail-Chat`` and ``rail-chat-1b``). A one-word title must match whole:
    ``acme/acme-7b`` under ``# Acme`` may be the base model."""
    title = card_title(card)
    wanted = _squash(name)
    for word in TITLE_WORD.findall(title):
        own = _squash(word)
        if len(own) >= 4 and (wanted == own or (wanted.startswith(own) and SEPARATOR.search(word) is not None)):
            return True
    return False


#: A separator inside a name: ``rail-chat``, ``rail_chat``, ``rail.chat``.
SEPARATOR = _compile(r"[-_.]", 0)


def _squash(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def _stem(word: str) -> str:
    found = STEM.match(word)
    return found.group(0).lower() if found else ""


#: The part of a path that belongs to one run: its file name, or what follows a configs/ or recipes/ folder.
RUN_PART = _compile(r"(?:^|/)(?:configs?|recipes)/(.*)$|([^/]*)$", IGNORECASE)


def _own_part(path: str) -> str:
    """``recipes/acme-7b/config.yaml`` → ``acme-7b/config.yaml``; ``acme/train.sh`` → ``train.sh``: a package
    folder named after the project is not a run of the release."""
    found = RUN_PART.search(path)
    return (found.group(1) or found.group(2) or "") if found else ""


#: A script named for fine-tuning (``finetune_acme.py``): it starts from the release, it did not make it.
FINETUNE_SCRIPT = _compile(r"fine-?tun|finetun", IGNORECASE)


def _names_run(names_release: "re.Pattern[str]", path: str) -> bool:
    """True when the run's own part of ``path`` names the release and is not a fine-tuning script."""
    own = _own_part(path)
    return bool(names_release.search(own)) and not FINETUNE_SCRIPT.search(own)


@dataclass(frozen=True)
class ReleaseTraining:
    """The blocks (by ``id``) that train the release itself, and those among them whose text says so."""

    blocks: frozenset[int] = frozenset()
    #: the prose says it trains the release ("the command to train Acme-7B"), not only the path's name
    stated: frozenset[int] = frozenset()


def trains_release(card: Card) -> ReleaseTraining:
    """The blocks that give a training command or config for the release itself.

    A block qualifies when it holds a training run (script, launcher or config path) and either the
    run names the release or the block, or the prose just before it, says it trains the release; never
    when that text turns to the reader's own training (LoRA, adapters, "your data") or starts from the
    release ("fine-tuning with the Acme-13B model": training on top of it, not the run that made it).
    """
    names = release_names(card)
    if not names:
        return ReleaseTraining()
    name = r"(?<![A-Za-z])(?:" + "|".join(re.escape(n) for n in sorted(names)) + r")(?![a-z])"
    names_release = re.compile(name, IGNORECASE)
    starts_from_it = re.compile(
        r"(?:\b(?:with|from|on top of|based on|initiali[sz]ed (?:with|from)|fine-?tun\w*)\s{1,3}(?:(?:the|our)\s{1,3})?"
        r"|使用|基于|以)[`*]{0,2}" + name,
        IGNORECASE,
    )
    trains_it = re.compile(r"(?:" + TRAIN_VERB + r"\s{1,3}(?:(?:the|our)\s{1,3})?|(?:预训练|训练|复现)\s{0,2})[`*]{0,2}" + name, IGNORECASE)
    found: set[int] = set()
    stated: set[int] = set()
    before: Optional[Block] = None
    for block in card.blocks:
        if block.kind in ("heading", "front_matter"):
            before = None
            continue
        run = TRAINING_RUN.search(block.text)
        if run is not None:
            intro = before.text if before is not None and before.section is block.section else ""
            title = block.section.title if block.section is not None else ""
            said = title + "\n" + intro + "\n" + block.text
            prose = intro if block.kind == "code" else said
            if not READERS_OWN.search(said) and not starts_from_it.search(prose):
                if trains_it.search(prose):
                    found.add(id(block))
                    stated.add(id(block))
                elif any(_names_run(names_release, m.group(0)) and not runs_inference(block.text, m.start()) for m in TRAINING_RUN.finditer(block.text)):
                    found.add(id(block))
        if block.kind != "code":
            before = block
    return ReleaseTraining(frozenset(found), frozenset(stated))
