"""RL65x training code and compute: is the training code linked, and how much compute did training take?

What it checks
  Two elements, plus energy where given:
  - training code: a link to the repository or scripts used to train the release (a GitHub, GitLab,
    Gitee … repository named as training code, or a URL with train / pretrain / finetune / recipe in
    it), or "the training code is available at …", 训练代码;
  - compute: the hardware and how much of it — an accelerator type (A100, H100, H800, TPU v4, Ascend
    910 …) with GPU hours, a device count or a duration, or a FLOPs figure; 卡时, GPU 小时;
  - energy / emissions (reported, never required): front-matter ``co2_eq_emissions``, kWh / MWh,
    tCO2eq, 碳排放, 能耗.
  Both elements → complete; one → partial (RL652); none → absent (RL651); "the training code is not
  released", 训练代码暂不开源 → closed (RL653); a Compute / Environmental Impact section holding only
  placeholder text → RL654.

Why it matters
  Training code is a component of the Model Openness Framework and of the OSI definition's
  "preferred form"; compute, training time and energy are EU AI Act Annex XI items and what the
  European Open Source AI Index calls the training setup.

Example
  Training code: https://github.com/acme/acme-train. Trained on 512 H100 GPUs for 21 days
  (258K GPU hours, 1.2e23 FLOPs); estimated emissions 75 tCO2eq.

Fix
  Link the training code and report hardware type, GPU hours or FLOPs, and energy.
"""

from __future__ import annotations

from repro_lint.document import Card
from repro_lint.evidence import CriterionCodes, Hit, any_of, link_hits
from repro_lint.kit import criterion_rule
from repro_lint.results import Code, Severity

CODES = CriterionCodes(
    Code("RL651", "training-code-missing", "The card links no training code and reports no compute.", Severity.ERROR),
    Code(
        "RL652",
        "training-code-incomplete",
        "The card gives the training code or the compute, not both.",
        Severity.WARNING,
    ),
    Code("RL653", "training-code-withheld", "The card states that the training code is withheld.", Severity.ERROR),
    Code(
        "RL654",
        "training-code-placeholder",
        "A compute or training-code section holds only placeholder text.",
        Severity.WARNING,
    ),
    "training code and compute",
)

NUM = r"\d[\d,.]{0,30}"  # bounded: a long run of digits must not cost quadratic time
ACCELERATOR = (
    r"(?:[AHLV]100|H20|H800|A800|A6000|A10G?|L40S?|B200|GB200|RTX ?\d{4}"  # NVIDIA
    r"|TPU ?v?\d\w*|MI\d{3}X?|Ascend ?910\w?|Gaudi ?\d?|昇腾 ?910\w?)"  # Google, AMD, Huawei, Intel
)

TRAINING_CODE = [
    # "the training code is at …" (phrases/training-code-compute.md)
    r"\btraining (?:code|scripts?|codebase|repository|repo)\b",
    # "pre-training code": pre-training or fine-tuning code (phrases/training-code-compute.md)
    r"\b(?:pre-?training|fine-?tuning) (?:code|scripts?|codebase)\b",
    r"\bcode (?:used )?(?:to|for) train\w*\b",  # "the code used to train the model" (phrases/training-code-compute.md)
    r"训练代码|训练脚本|训练仓库",  # "训练代码": training code in Chinese (extras/finetune-zh.md)
]

COMPUTE = [
    # "258K GPU hours" (extras/open-full.md)
    rf"\b{NUM}\s*[KM]?\s*(?:gpu|tpu|npu|accelerator|device|core)[- ]?(?:hours?|days?)\b",
    # "20000 GPU 小时": GPU hours in Chinese (phrases/training-code-compute.md)
    rf"{NUM}\s*[KM]?\s*(?:卡时|GPU\s*小时|GPU时)",
    rf"\b{NUM}\s*(?:[x×]\s*)?(?:nvidia )?{ACCELERATOR}",  # "512 H100", "8x A100" (extras/open-full.md)
    # "H100 GPUs for 21 days"
    # "A100 GPUs for 9 days" (extras/open-full.md)
    rf"\b{ACCELERATOR}\b[^\n]{{0,40}}?\b{NUM}\s*(?:gpus?|cards?|chips?|nodes?|hours?|days?|weeks?)\b",
    rf"\b{NUM}\s*(?:[eE][+]?\d+\s*)?(?:peta|exa|zetta)?flops\b",  # "1.2e23 FLOPs" (extras/open-full.md)
    # "Training time: 120": template keys with a value (phrases/training-code-compute.md)
    rf"\b(?:hours used|training time|compute budget)\s*[:：]\s*{NUM}",
    # "8 张 A100": a number of GPUs, in Chinese (extras/finetune-zh.md)
    rf"{NUM}\s*(?:张|块|台)\s*{ACCELERATOR}|{ACCELERATOR}[^\n]{{0,20}}?{NUM}\s*(?:张|块|卡|天|小时)",
]

#: Reported when given, never required.
ENERGY = [
    rf"\b{NUM}\s*(?:k|M|G)Wh\b",  # "1,200 kWh": energy in watt-hours (phrases/training-code-compute.md)
    # "0.4 tCO2eq": emissions in CO2 (phrases/training-code-compute.md)
    rf"\b{NUM}\s*(?:t|kg|tons?(?: of)?)\s*CO2(?:e|eq)?\b",
    # "Carbon emitted: 0.4": carbon emitted with a value (phrases/training-code-compute.md)
    r"\bcarbon (?:emitted|emissions?|footprint)\s*[:：]?\s*\d",
    # "碳排放: 0.4": emissions or energy in Chinese (phrases/training-code-compute.md)
    r"碳排放\s*[:：]?\s*\d|能耗\s*[:：]?\s*\d",
]

REQUIRED = ("training code", "compute")

HINTS = {
    "training code": "a link to the training code",
    "compute": "the compute (hardware type with GPU hours, device count or FLOPs)",
}

#: Repository links that are the release's training code.
CODE_URL = any_of(
    r"(?:github\.com|gitlab\.com|gitee\.com|codeberg\.org)/[\w.-]+/[\w.-]*(?:train|recipe|pretrain|finetune|fine-tune"
    r"|sft|rlhf)[\w.-]*",  # "github.com/acme/acme-train": a repository named for training (extras/finetune-zh.md)
    # "github.com/robin-lab/robin/tree/main/recipe": a training path in a repository (phrases/hyperparameters-values.md)
    r"(?:github\.com|gitlab\.com|gitee\.com)/.+/(?:blob|tree)/.+(?:train|finetune|pretrain|sft|recipe)",
)

# "training code": training code, named (phrases/training-code-compute.md, extras/finetune-zh.md)
SUBJECT = [r"\btraining (?:code|scripts?|codebase)\b", r"训练代码|训练脚本"]

SECTION = [
    # "training code": a compute or training heading (phrases/training-code-compute.md)
    r"\bcompute (?:infrastructure|resources)\b|\benvironmental impact\b|\bhardware\b|\btraining code\b",
    # "碳排放": a compute or training heading in Chinese (phrases/training-code-compute.md)
    r"算力|硬件|训练代码|碳排放",
]


def _co2(card: Card) -> list[Hit]:
    value = card.front_matter_value("co2_eq_emissions")
    if value in (None, "", {}):
        return []
    return [Hit("energy", card.front_matter_line("co2_eq_emissions"), f"co2_eq_emissions: {value}")]


def _more_hits(card: Card) -> dict[str, list[Hit]]:
    """Training code from repository links outside usage sections; energy from the front matter."""
    return {"training code": link_hits(card, CODE_URL, "training code", skip_usage=True), "energy": _co2(card)}


# fmt: off
TRAINING_CODE_RULE = criterion_rule(
    "training_code", CODES, doc=__doc__,
    elements={"training code": TRAINING_CODE, "compute": COMPUTE, "energy": ENERGY}, required=REQUIRED, hints=HINTS,
    subject=SUBJECT, sections=SECTION, extra=_more_hits, weight=0.0, opt_in=True,
)
# fmt: on
check, RULE, repro_lint_rules = TRAINING_CODE_RULE.check, TRAINING_CODE_RULE.rule, TRAINING_CODE_RULE.hook
