"""RL4xx training method: how was the released model trained, and can the recipe be re-run?

What it checks
  Two elements:
  - objective and procedure: the training stages of *this* release — pre-training objective,
    supervised fine-tuning, RLHF / DPO / PPO, distillation … ("fine-tuned from X with DPO");
  - training code or a detailed recipe: a link to the training code, scripts or configs used, or a
    training command in a training section.
  Both → complete; one → partial (RL402); none → absent (RL401); "we do not disclose our training
  recipe", 训练细节暂不公开 → closed (RL403).
  Fine-tuning instructions offered to users for their own data ("fine-tune on your dataset",
  usage, quick start) are not the release's recipe and are not counted.

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

from repro_lint.evidence import criterion_codes, judge, link_hits, placeholder_sections, release_facts, scan, withheld, words
from repro_lint.hookspecs import hookimpl
from repro_lint.model import Rule, Verdict

CODES = criterion_codes("RL4", "training-method", "training method")

ELEMENTS = {
    "objective and procedure": words(
        r"\bpre-?train(?:ed|ing)\b", r"\bcontinued pre-?training\b", r"\bsupervised fine-?tun\w*", r"\bSFT\b", r"\binstruction[- ]tun\w*",
        r"\bRLHF\b", r"\bRLAIF\b", r"\breinforcement learning\b", r"\breward model", r"\b(?:DPO|PPO|GRPO|ORPO|KTO|SimPO|IPO)\b",
        r"\bdirect preference optimi[sz]ation\b", r"\bdistill(?:ed|ation)\b", r"\b(?:Q?LoRA|PEFT|adapter)\b", r"\bnext[- ]token prediction\b",
        r"\b(?:masked|causal) language model(?:ing)?\b", r"\b(?:training|pre-?training) objective\b", r"\bfine-?tuned (?:version of|from|on)\b",
        r"\btrained (?:with|using|for|on)\b", r"\bdenoising\b", r"\bcontrastive\b",
        r"预训练|继续预训练|增量预训练|监督微调|指令微调|微调|人类反馈强化学习|强化学习|奖励模型|偏好优化|蒸馏|对齐训练|训练目标|损失函数",
    ),
    "code or recipe": words(
        r"\btraining (?:code|scripts?|recipe|framework|codebase|configs?|configuration)\b", r"\b(?:pre-?training|fine-?tuning) (?:code|scripts?|recipes?)\b",
        r"\b(?:torchrun|deepspeed|accelerate launch)\b.{0,80}\b(?:train|pretrain|finetune|sft|dpo)\w*", r"\bpython\s+\S*(?:train|pretrain|finetune|sft|dpo)\w*\.py",
        r"\bmegatron\b|\bnanotron\b|\bgpt-neox\b|\bllama-factory\b|\baxolotl\b|\btrl\b", r"训练代码|训练脚本|训练框架|训练方案|复现",
    ),
}

REQUIRED = tuple(ELEMENTS)

HINTS = {
    "objective and procedure": "the training objective and stages",
    "code or recipe": "the training code or a detailed recipe",
}

#: Links to training code or recipes of the release (repositories, scripts, configs).
CODE_URL = words(
    r"github\.com/[\w.-]+/[\w.-]*(?:train|recipe|pretrain|finetune|fine-tune|align|rlhf|sft)[\w.-]*",
    r"github\.com/.+/(?:blob|tree)/.+(?:train|finetune|pretrain|sft|dpo|recipe|config)", r"wandb\.ai/", r"\btraining_args\.bin\b",
)

SUBJECT = words(r"\btraining (?:details|recipe|procedure|method|code|process)\b", r"\bhow (?:the model|it) was trained\b", r"训练细节|训练方法|训练代码|训练过程")

SECTION = words(r"\btraining (?:procedure|details|method|recipe)\b", r"\btraining\b", r"训练方法|训练细节|训练过程|训练")


def check(card) -> Verdict:  # type: ignore[no-untyped-def]
    found = scan(card, ELEMENTS, where=release_facts)
    found["code or recipe"] += link_hits(card, CODE_URL, "code or recipe", skip_usage=True)
    return judge(
        card,
        CODES,
        found,
        REQUIRED,
        closed=withheld(card, SUBJECT),
        placeholders=placeholder_sections(card, SECTION),
        hints=HINTS,
    )


RULE = Rule(name="training_method", criterion="training_method", codes=CODES.all(), check=check, doc=__doc__ or "")


@hookimpl
def repro_lint_rules() -> list[Rule]:
    return [RULE]
