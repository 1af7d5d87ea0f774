"""RL4xx training method: how was the released model trained, and can the recipe be re-run?

What it checks
  Two elements:
  - objective and procedure: the named training objective or stages of *this* release —
    next-token prediction, span corruption, supervised fine-tuning, RLHF / DPO / PPO / GRPO,
    distillation, two-stage pre-training … ("fine-tuned from X with DPO");
  - training code or a detailed recipe: a path or link to the training code, scripts or configs
    of the release (``scripts/pretrain.sh``, ``recipes/…/config.yaml``, a ``train/`` folder on
    GitHub, the ``train_x`` notebook to run), a statement that the training code is provided, a
    training command in a training section, a code repository the text says the model was trained
    with ("trained using the [X library](github…)", not a general-purpose library such as TRL),
    or the core hyperparameters given as values.
  Objectives beyond language modelling count (contrastive / triplet / CTC / denoising losses,
  self-distillation, masked image modelling, a named ``…Loss`` class), as do training docs
  (``TRAINING.md``, "training guidance", a relative ``train/`` folder) as the recipe.
  Both → complete; one → partial (RL402); none → absent (RL401); "we do not disclose our training
  recipe", 训练细节暂不公开 → closed (RL403). A bare statement of the procedure ("a fine-tuned
  version of X", "fine-tuned using X data", "an autoregressive language model", 进行…训练) names
  no stage and only counts towards partial; a template key without a value ("Finetuned from
  model: [More Information Needed]") and lists of other people's models ("Derived models") do not
  count at all.
  Fine-tuning instructions offered to users for their own data ("fine-tune on your dataset",
  usage, quick start, a "Fine-tuning" section that never says what *we* did) are not the
  release's recipe and are not counted ("How to fine-tune X", a "Fine-tuning Demo" card, "we
  provide script X for users to finetune our models", "finetune your models with SFT"); neither
  are framework names alone. A front-matter tag naming a stage (``sft``, ``lora``, ``dpo``) counts
  towards partial only.

Why it matters
  Weights without the procedure that produced them cannot be reproduced, and their behaviour can
  only be probed from outside.

Example
  ## Training procedure
  Pre-trained with next-token prediction on 1T tokens, then supervised fine-tuning and DPO.
  Training code and configs: https://github.com/acme/acme-train (scripts/pretrain.sh).

Fix
  Describe each training stage with its objective and link the training code or full recipe.
"""

from __future__ import annotations

from dataclasses import replace

from repro_lint.document import Card
from repro_lint.evidence import (
    EXAMPLE_PATH,
    TRAINING_CODE,
    USER_TRAINING,
    BlockFilter,
    Hit,
    any_of,
    blank_urls,
    criterion_codes,
    release_blocks,
    release_sections,
    scan,
    training_files,
)
from repro_lint.kit import Facts, criterion_rule
from repro_lint.rules.hyperparameters import core_values

CODES = criterion_codes("RL4", "training-method", "training method")

#: Named objectives and training stages: what a reader needs to know how the weights came about.
OBJECTIVE = any_of(
    r"\bnext[- ](?:token|word) prediction\b",
    r"\b(?:predict|guess) the next (?:token|word)\b",
    r"\b(?:causal|masked|autoregressive) language model(?:l?ing)? (?:objective|task|loss)\b",
    r"\bspan (?:corruption|denoising)\b",
    r"\bdenoising (?:objective|auto-?encoder|loss)\b",
    r"\bcross[- ]entropy\b",
    r"\b(?:training|pre-?training|learning|unsupervised|self-supervised|language modell?ing|our) objectives?\b",
    r"\bobjective function\b",
    r"\bloss (?:function|is)\b",
    r"\breconstruction (?:objective|loss)\b",
    r"\bcontrastive (?:loss|objective|learning|pre-?training)\b",
    r"\bfill-in-the-middle\b|\bFIM\b",
    r"\bsupervised fine-?tun\w*",
    r"\bSFT\b",
    r"\binstruction[- ](?:fine-?)?tun\w*",
    r"\bRLHF\b",
    r"\bRLAIF\b",
    r"\breinforcement learning\b",
    r"\breward model",
    r"\b(?:DPO|PPO|GRPO|ORPO|KTO|SimPO|IPO|RPO|C-RLFT)\b",
    r"\b(?:direct |odds ratio |reward-aware )?preference optimi[sz]ation\b",
    r"\brejection sampling\b",
    r"\b(?:knowledge )?distill(?:ed|ation)\b",
    r"\bcontinu(?:ed|al|ally|ous(?:ly)?) (?:pre-?)?train\w*",
    r"\b(?:two|three|multi)[- ]stage\b",
    r"\b(?:stage|phase) [1-3]\b",
    r"\bmulti-?task (?:prompted )?fine-?tun\w*",
    r"\bcurriculum learning\b",
    r"\bcontext (?:length )?extension\b",
    r"\b(?:Q?LoRA)\b",
    r"\b(?:masked|causal|autoregressive|permutation) language modell?ing\b",
    r"\bused as (?:the |our )?(?:pre-?)?training (?:tasks?|objectives?)\b",
    r"\btrained as an? (?:autoregressive|causal|masked|bidirectional|unidirectional|denoising) (?:language )?model\b",
    # objectives and losses beyond language models, and loss classes named in training logs
    r"\b(?:contrastive|triplet|InfoNCE|CTC|ranking|hinge|focal|perceptual|adversarial|distillation|diffusion|denoising"
    r"|reconstruction|KL)[- ]loss\b",
    r"\b(?-i:[A-Z][A-Za-z]{2,60})Loss\b",
    r"\bloss\s*[:=]\s*\[?`?(?:<code>)?(?-i:[A-Z])[A-Za-z]",
    r"\bself[- ]distill\w*",
    r"\bmasked (?:image|autoencoder|audio|signal) model(?:l?ing)?\b",
    r"\b(?:pre-?)?trained to (?:reconstruct|predict|denoise|match|contrast)\b",
    r"\bhard[- ]negative mining\b",
    r"\bflow[- ]matching (?:objective|loss)\b",
    r"\b(?:noise|epsilon|v-)[- ]?prediction (?:objective|loss)\b",
    r"\bscore matching\b",
    r"\bconnectionist temporal classification\b",
    r"对比学习|对比损失|自蒸馏|损失函数|去噪目标|"
    r"(?:预)?训练目标|预训练任务|掩码语言模型|掩码语言建模|"
    r"监督微调|有监督微调|指令微调|人类反馈强化学习|强化学习|奖励模型|偏好优化|拒绝采样|蒸馏|继续预训练|增量预训练|持续(?:预)?训练|二次预训练"
    r"|两阶段|多阶段|第[一二三]阶段|课程学习|目标函数|损失函数|下一个词预测|人类偏好对齐|对齐训练",
)

#: Training mentioned without a stage or objective ("a fine-tuned version of X"): partial evidence only.
MENTION = any_of(
    r"\bfine-?tuned (?:version of|on|with|to|using)\b",
    r"\bfine-?tuned from\b(?! model\b(?:\s?\[optional\])?\s{0,3}:?\s{0,3}$)",
    r"\bfine-?tunes (?:the|a|an)\b",
    r"\b(?:this|it|we) fine-?tunes?\b",
    r"\bby fine-?tuning\b",
    r"\binstruct-tuned\b",
    r"\b(?:autoregressive|causal) language model\b",
    r"\bpre-?training (?:data(?:sets?)?|corpus|code|scripts?)\b",
    r"\b(?:its|the|our) base model (?:is|was)\b",
    r"\b(?:pre-?)?trained from scratch\b",
    r"\bfine-?tuning (?:on|of)\b",
    r"\b(?:pre-?)?trained (?:with|using)\b",
    r"\binstruction[- ]tuned\b",
    r"\baligned (?:with|to|using)\b",
    r"\bfine-?tuned model\b",
    r"\btraining (?:strateg\w+|methods?|procedure|library|framework)\b",
    r"\bhow (?:the model|it|they) (?:was|were) trained\b",
    r"\b(?:refer to|see)\b[^\n]{0,80}?\b(?:chronicles?|logbook|training logs?)\b",
    r"\bpre-?trained (?:on|with)\b",
    r"\bwe (?:pre-?)?train(?:ed)? (?:with|using|on)\b",
    r"\b(?:library|framework|codebase) for\b[^\n]{0,60}?\btraining\b",
    r"(?:基于|在)[^。\n]{0,60}(?:微调|训练)(?:而成|得到)|微调(?:而成|得到|版本)|预训练(?:而成|得到)|训练(?:策略|方法|步数)",
    r"进行[^。；\n]{0,30}?(?:预训练|训练|微调)|(?:单向|双向|自回归)语言模型",
    r"\btrained\b[^.\n]{0,80}?\bfrom scratch\b",
    r"\b(?:commands?|scripts?|settings?|configs?) (?:that )?we used (?:for|to) (?:pre-?)?train",
    r"\b(?:pre-?)?trains? (?:on|with)\b",
    r"\b(?:aims?|set out) to (?:pre-?)?train\b",
)

#: Checkpoints released along the run trace the procedure, in part only (partial-intermediate-checkpoints.md):
#: they never make the method complete, whatever code is linked.
INTERMEDIATE_CHECKPOINTS = any_of(
    r"\bintermediate (?:training |pre-?training )?checkpoints\b",
    r"中间(?:过程的?)?\s*(?:模型|checkpoints?)",
)

#: Front-matter tags that name a training stage of the release (``tags: [sft, lora]``): partial evidence only.
STAGE_TAG = any_of(r"^(?:sft|lora|qlora|dpo|orpo|kto|ppo|grpo|rlhf)$")

#: Text that speaks to the reader about training *their* model ("fine-tune your models with SFT",
#: a documentation index: "Training: the instructions for post-training"): not this release's procedure.
READER_TRAINING = any_of(
    r"\bfine-?tun\w* your (?:own )?models?\b|\byour (?:own )?models? with\b|\binstructions for (?:post-"
    r"|pre-)?training\b",
)

#: Statements that the training code or recipe of the release is available.
CODE_STATEMENT = any_of(
    r"\b(?:provide|release|open-?source|publish|share)[sd]?\b[^\n]{0,80}?\b(?:pre-?training|training"
    r"|fine-?tuning)\b[^\n]{0,80}?\b(?:code|scripts?|recipes?|pipeline|configs?|instructions)\b",
    r"\b(?:set ?up|clone|get|download|install) (?:the )?(?:pre-?)?training code\b",
    r"\b(?:pre-?)?training (?:code|scripts?|recipes?|configs?)\b[^\n]{0,60}?\b(?:is|are) (?:available|provided"
    r"|released|open)\b",
    r"^\s*(?:pre-?)?training (?:code|scripts?|recipes?)\s*:?\s*$",
    r"\b(?:this|the) repository contains the (?:pre-?)?training code\b",
    r"\b(?:code|scripts?|instructions) (?:for|to) (?:pre-?train|train|reproduce)\w*\b",
    r"\breproduce (?:our|the) (?:fine-?tuning |training |pre-?training )?runs\b",
    r"\b(?:used|using|with) (?:the )?code (?:available )?(?:from|on|at)\b",
    r"\bto (?:launch|start|run) (?:the )?(?:pre-?)?training\b",
    r"\b(?:the|our|this) `?(?:pre-?)?train(?:ing)?(?:[_-]\w{1,40})?`? notebooks?\b",
    r"(?:提供|开源|发布|更新)了?[^。\n]{0,50}(?:训练代码|训练脚本|训练方案|预训练代码)",
    r"\b(?:core |main |code )?repo(?:sitory)?\b[^\n]{0,10}\((?:[^()\n]{0,20}\b)?training\b[^()\n]{0,60}\)\s*:",
    r"(?:训练代码|训练脚本|训练方案)[^。\n]{0,10}(?:已|均)?(?:开源|发布|提供)",
)

#: "trained using [Library](github.com/…)", "we used the code available on [Repo](…)": the code the release was
#: trained with.
TRAINED_WITH = any_of(
    r"\b(?:trained|fine-?tuned|pre-?trained)\b[^.\n]{0,100}?\b(?:using|with|via)\b[^.\[\n]{0,40}\[",
    r"\b(?:used|using|with) (?:the )?code\b[^.\[\n]{0,40}\[",
)
#: The link after it: a repository on a code host, not a dataset kept there.
CODE_HOST_LINK = any_of(r"\[[^\]]{1,100}\]\(https?://(?:www\.)?(?:github\.com|gitlab\.com)/[^()\s]{1,300}\)")
DATA_LINK = any_of(
    r"\bdata(?:sets?)?\b|\bcorp(?:us|ora)\b|\bexamples\b|\bsamples\b|\bconversations?\b|\bdialog(?:ue)?s?\b"
    r"|\binstruction (?:set|pairs)\b",
    r"\.jsonl?\b|\.csv\b|\.parquet\b",
)
#: What the link is introduced as: the words between "using"/"with"/"code" and the link.
LINK_INTRO = any_of(r"\b(?:using|with|via|code)\b[^.\[\n]{0,40}\[$")

#: General-purpose training libraries: "trained using [TRL](…)" names a tool, not the release's training code.
GENERAL_LIBRARY = any_of(
    r"github\.com/(?:huggingface/(?:trl|transformers|peft|accelerate|alignment-handbook)|microsoft/deepspeed"
    r"|pytorch/(?:pytorch|torchtune)"
    r"|hiyouga/llama-?factory|(?:axolotl-ai-cloud|openaccess-ai-collective)/axolotl|unslothai/unsloth"
    r"|nvidia/nemo)(?:[/#?)]|$)",
)

#: Links to the training code: by their text ("[Training code](…)") or a repository named for training.
CODE_LINK_TEXT = any_of(
    r"\b(?:pre-?)?training (?:code|scripts?|recipes?)\b",
    r"\b(?:steps|instructions|guide|guidance|docs?) (?:for|to) (?:pre-?)?train",
    r"\btraining (?:&|and) fine-?tuning (?:guid|instruct|doc)",
    r"\btraining (?:guide|guidance|instructions|docs?|tutorial)\b",
    r"训练代码|训练脚本|训练教程",
)
#: A link to the repository's own training instructions or training folder: ``TRAINING.md``, ``src/x/train``.
CODE_DOC = any_of(
    r"(?:^|/)(?:TRAIN(?:ING)?|PRE-?TRAIN(?:ING)?|FINE-?TUN(?:E|ING)|REPRODUC\w*)\.md$"
    r"|^(?!https?:)(?:\./)?[\w./-]{0,200}/(?:train|training|pretrain|finetune)/?$"
)
CODE_REPO = any_of(r"github\.com/[\w.-]{1,100}/[\w.-]{0,100}train[\w.-]{0,100}(?:/|$)")

#: Commands that launch training, in code blocks of release sections.
COMMAND = any_of(
    r"\b(?:torchrun|deepspeed|accelerate launch|sbatch|mpirun)\b[^\n]{0,200}?\b(?:train|pretrain|finetune|sft|dpo|orpo"
    r"|run_)\w*",
    r"\bpython3?\s+(?:-m\s+)?\S*(?:train|pretrain|finetune|sft|dpo|mesh_transformer_main)\w*",
    r"\bbash\s+\S*(?:train|pretrain|finetune|sft)\S*\.sh\b",
    r"--gin_file|--config(?:_file)?\s+\S+\.ya?ml",
)

#: "Training Data", "Training hyperparameters": a placeholder there belongs to that criterion (RL304, RL504), not to
#: this one.
OTHER_CRITERION_SECTION = any_of(
    r"\bdata\b", r"\bdatasets?\b", r"\bcorp(?:us|ora)\b", r"\bhyper-?param", r"数据|语料|超参数"
)


#: How a finding names each missing element.
HINTS = {
    "objective and procedure": "the training objective and stages",
    "code or recipe": "the training code or a detailed recipe",
}

#: What a withholding sentence names: "we do not disclose the …" (closed-not-disclosed.md, closed-withheld-zh.md).
SUBJECT = [
    r"\btraining (?:details|recipe|procedure|method|code|process)\b",
    r"\bhow (?:the model|it) was trained\b",
    r"\btrained (?:using|with) proprietary\b",
    r"训练细节|训练方法|训练代码|训练过程",
]

#: Section headings (placeholder text alone under one is reported): "## Training procedure", "## Training", 训练方法.
SECTIONS = [
    r"\btraining (?:procedure|details|method|recipe)\b",
    r"\btraining\b",
    r"训练方法|训练细节|训练过程|训练",
]


def stage_tags(card: Card) -> list[Hit]:
    """Front-matter tags that name a training stage: the release says how it was trained, in one word."""
    tags = card.front_matter_value("tags")
    if not isinstance(tags, list):
        return []
    line = card.front_matter_line("tags")
    return [
        Hit("training mentioned", line, f"tags: {tag}")
        for tag in tags
        if isinstance(tag, str) and STAGE_TAG.search(tag.strip())
    ]


def for_reader(hit: Hit) -> bool:
    """True when the hit's block offers training to the reader rather than telling what was done."""
    return hit.block is not None and bool(
        USER_TRAINING.search(hit.block.text) or READER_TRAINING.search(hit.block.text)
    )


def code_links(card: Card) -> list[Hit]:
    """Links in release sections whose text or repository names the training code."""
    is_release = release_sections(card)
    return [
        Hit("code or recipe", link.line, link.url)
        for link in card.links
        if is_release(link.section)
        and (CODE_LINK_TEXT.search(link.text) or CODE_REPO.search(link.url) or CODE_DOC.search(link.url))
    ]


def trained_with_code(card: Card, where: BlockFilter) -> list[Hit]:
    """A code-host link the text says the release was trained with ("trained using the [X library](github…)").

    Hard-wrapped prose is read as one text, so the verb and the link may sit on different lines.
    """
    hits: list[Hit] = []
    for block in card.blocks:
        if block.kind in ("front_matter", "code") or "](" not in block.text or not where(block):
            continue
        prose = blank_urls(block.text).replace("\n", " ")  # same offsets, link targets blanked
        for m in TRAINED_WITH.finditer(prose):
            link = CODE_HOST_LINK.match(block.text, m.end() - 1)
            if not link or EXAMPLE_PATH.search(link.group(0)) or GENERAL_LIBRARY.search(link.group(0)):
                continue
            intro = LINK_INTRO.search(m.group(0))
            if DATA_LINK.search(link.group(0)) or (intro and DATA_LINK.search(intro.group(0))):
                continue  # "fine-tuned with the [instruction data](github…)": a dataset kept on a code host
            hits.append(Hit("code or recipe", block.line_at(link.start()), link.group(0), block))
    return hits


def training_code(card: Card) -> list[Hit]:
    """Statements, launch commands, script and config paths, and links: the release's training code."""
    prose, release = release_blocks(card, code=False), release_blocks(card)
    statements = scan(card, {"code or recipe": CODE_STATEMENT}, where=lambda b: prose(b) and b.kind != "front_matter")[
        "code or recipe"
    ]
    # "支持微调，开源了训练代码" offers fine-tuning to users; it is not the release's recipe
    code = [hit for hit in statements if hit.block is None or not USER_TRAINING.search(hit.block.text)]
    code += scan(card, {"code or recipe": COMMAND}, where=lambda b: release(b) and b.kind == "code")["code or recipe"]
    code += training_files(card, release, element="code or recipe")
    code += training_files(card, release, TRAINING_CODE, element="code or recipe")
    code += trained_with_code(card, prose)
    return code + code_links(card)


def detailed_recipe(card: Card) -> list[Hit]:
    """At least four core hyperparameters given as values: one hit for each."""
    hyper = [hits for hits in core_values(card).values() if hits]
    return [replace(hits[0], element="code or recipe") for hits in hyper] if len(hyper) >= 4 else []


def _prose(card: Card) -> BlockFilter:
    """Release text outside code blocks."""
    return release_blocks(card, code=False)


def _find(card: Card) -> dict[str, list[Hit]]:
    """The objective or procedure named in the release's prose (strong), training merely mentioned
    (weak: a heading announces a topic, only text under it mentions training), neither offered to
    the reader; front-matter stage tags are weak mentions too."""
    prose = _prose(card)
    # what the text says, not what a URL spells (github.com/someone/RLHF names no stage)
    strong = scan(
        card, {"objective and procedure": OBJECTIVE}, where=lambda b: prose(b) and b.kind != "front_matter", urls=False
    )
    weak = scan(
        card,
        {"training mentioned": MENTION},
        where=lambda b: prose(b) and b.kind not in ("front_matter", "heading"),
        urls=False,
    )
    trace = scan(
        card,
        {"intermediate checkpoints": INTERMEDIATE_CHECKPOINTS},
        where=lambda b: prose(b) and b.kind != "front_matter",
    )
    return {
        "intermediate checkpoints": trace["intermediate checkpoints"],
        "objective and procedure": [hit for hit in strong["objective and procedure"] if not for_reader(hit)],
        "training mentioned": [hit for hit in weak["training mentioned"] if not for_reader(hit)] + stage_tags(card),
    }


def _code_or_recipe(card: Card, facts: Facts) -> None:
    """Training code, or hyperparameter values beside a named objective; a weak mention alone is partial."""
    strong, weak = facts.found["objective and procedure"], facts.found["training mentioned"]
    code = training_code(card)
    # hyperparameter values are a detailed recipe only beside a named objective or stage
    recipe = detailed_recipe(card) if strong else []
    facts.found["code or recipe"] = code + recipe
    if weak and not strong:
        facts.required.append("training mentioned")
    if facts.found["intermediate checkpoints"] and not (weak or strong or code):
        facts.required.append("intermediate checkpoints")  # partial at most
    else:
        facts.found["intermediate checkpoints"] = []
    if strong:
        facts.found["training mentioned"] = []
    facts.complete = bool(strong and (code or recipe)) or bool(weak and code)
    facts.placeholders = [s for s in facts.placeholders if not OTHER_CRITERION_SECTION.search(s.title)]


# fmt: off
TRAINING_METHOD = criterion_rule(
    "training_method", CODES, doc=__doc__, required=("objective and procedure", "code or recipe"), hints=HINTS,
    subject=SUBJECT, sections=SECTIONS, find=_find, refine=_code_or_recipe, withheld_in=_prose,
)
# fmt: on
check, RULE, repro_lint_rules = TRAINING_METHOD.check, TRAINING_METHOD.rule, TRAINING_METHOD.hook
