"""RL5xx hyperparameters: are the training settings of the release given as concrete values?

What it checks
  Concrete values (a name *with* its value) for the core training hyperparameters:
  learning rate, batch size, training duration (steps, epochs or training tokens), optimizer and
  learning-rate schedule. At least four of the five → complete; one to three → partial (RL502);
  none → absent (RL501); "hyperparameters are not disclosed", 超参数未公开 → closed (RL503).
  Tables (``| learning rate | 3e-4 |``), ``key: value`` lists, Trainer's "The following
  hyperparameters were used during training" list and prose ("a learning rate of 2e-5") all count.
  Other settings with values (warmup, weight decay, gradient clipping, precision …) are reported as
  evidence but do not replace the core five. A link to the exact training config or script of the
  released model counts as the full set.
  Not counted: a name without a value ("we tuned the learning rate"), placeholders, and values from
  user-facing fine-tuning examples or usage sections (``--lr 1e-5`` in "fine-tune on your data").

Why it matters
  Hyperparameters are what turns "we trained a model" into something another team can re-run.

Example
  | Hyperparameter | Value |
  |---|---|
  | Learning rate | 3e-4, cosine decay to 3e-5 |
  | Global batch size | 4M tokens |
  | Training steps | 250,000 |
  | Optimizer | AdamW (β1 0.9, β2 0.95), weight decay 0.1 |

Fix
  Add a hyperparameter table with values, or link the exact training config used for the release.
"""

from __future__ import annotations

from repro_lint.evidence import criterion_codes, is_usage, judge, link_hits, placeholder_sections, scan, withheld, words
from repro_lint.hookspecs import hookimpl
from repro_lint.model import Rule, Verdict

CODES = criterion_codes("RL5", "hyperparameters", "hyperparameters")

#: A numeric value: 3e-4, 0.0001, 2,048, 4M, 1.5k.
VALUE = r"(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:\s?[eE]\s?[-−]?\s?\d+|\s?[x×]\s?10\^?-?\d+)?(?:\s?[KkMBT]\b)?"
#: What may stand between a name and its value: separators and a few filler words, bounded.
GAP = r"[\s:=|：`*\"'(]{0,6}(?:(?:of|is|was|were|set to|to|=|为|是|设置为|设为)[\s:=|：`*]{0,4}){0,2}(?:~|about|approximately|约)?\s{0,2}"

#: The five core hyperparameters (the rubric counts these), name followed by a value.
CORE = {
    "learning rate": words(rf"\b(?:peak |max(?:imum)? |initial |base )?(?:learning[_ ]rate|lr)\b{GAP}{VALUE}", rf"学习率{GAP}{VALUE}"),
    "batch size": words(
        rf"\b(?:global |total |effective |train(?:ing)? |micro )?(?:train_)?batch[_ ]size\b(?:[_ ]per[_ ]device)?{GAP}{VALUE}",
        rf"\b(?:per_device_train_batch_size|total_train_batch_size|train_batch_size)\b{GAP}{VALUE}", rf"\b{VALUE}\s*(?:sequences|samples|tokens) per (?:batch|step)\b",
        rf"(?:批大小|批次大小|批量大小|批处理大小|全局批大小){GAP}{VALUE}",
    ),
    "duration": words(
        rf"\b(?:num[_ ](?:train[_ ])?)?epochs?\b{GAP}{VALUE}", rf"\b{VALUE}\s*epochs?\b", rf"\b(?:training[_ ]|max[_ ]|total[_ ]|train[_ ])?steps\b{GAP}{VALUE}",
        rf"\b{VALUE}\s*(?:training\s+)?(?:steps|iterations|updates)\b", rf"\btrain(?:ed|ing)? (?:on|for) {VALUE}\s*(?:[KMBT]|thousand|million|billion|trillion)?\s*tokens\b",
        rf"\btraining[_ ]tokens{GAP}{VALUE}", rf"(?:训练轮数|轮数|轮次|训练步数|步数|迭代次数){GAP}{VALUE}", rf"{VALUE}\s*(?:个)?(?:轮|步)",
    ),
    "optimizer": words(
        r"\boptimi[sz]er\s*[:=|：]\s*\w+", r"\b(?:AdamW?|Adafactor|SGD|LAMB|Lion|Muon|RMSprop|Sophia|AdaGrad)\b", r"优化器\s*[:=|：]?\s*\w+",
    ),
    "schedule": words(
        r"\blr[_ ]scheduler(?:[_ ]type)?\s*[:=|：]\s*\w+", r"\b(?:learning[- ]rate |lr )?(?:schedule|scheduler|decay)\s*[:=|：]\s*\w+",
        r"\b(?:cosine|linear|constant|polynomial|inverse[- ]square[- ]root|step|exponential|WSD|warmup[- ]stable[- ]decay)\b[\w -]{0,20}\b(?:schedule|scheduler|decay|annealing)\b",
        r"\bcosine (?:learning rate|lr)\b", r"余弦(?:退火|衰减|调度)?|学习率(?:调度|衰减)\s*[:=|：]?\s*\w+",
    ),
}

#: Further settings with values: shown as evidence, not counted towards the core five.
EXTRA = {
    "warmup": words(rf"\bwarm-?up(?:[_ ](?:steps|ratio|iters))?\b{GAP}{VALUE}", rf"预热(?:步数)?{GAP}{VALUE}"),
    "weight decay": words(rf"\bweight[_ ]decay\b{GAP}{VALUE}", rf"权重衰减{GAP}{VALUE}"),
    "other setting": words(
        rf"\b(?:gradient[_ ]accumulation[_ ]steps|max[_ ]grad[_ ]norm|gradient clipping|dropout|seed|adam[_ ]beta[12]|adam[_ ]epsilon|lora[_ ](?:r|alpha|dropout))\b{GAP}{VALUE}",
    ),
}

#: A link to the exact training config or script of the release counts as the full set.
CONFIG_URL = words(r"\b(?:train(?:ing)?|pretrain|finetune|sft|dpo)[\w-]*\.(?:ya?ml|json|sh|py)\b", r"\bds_config[\w-]*\.json\b", r"\btraining_args\.bin\b")

SUBJECT = words(r"\bhyper-?param", r"超参数|训练参数")

SECTION = words(r"\bhyper-?param", r"\btraining (?:regime|settings|configuration|details)\b", r"超参数|训练参数")


def _release(block) -> bool:  # type: ignore[no-untyped-def]
    """Hyperparameters of the release: any block, code included, outside user-facing sections."""
    return not is_usage(block.section)


def check(card) -> Verdict:  # type: ignore[no-untyped-def]
    found = scan(card, {**CORE, **EXTRA}, where=_release)
    config_links = link_hits(card, CONFIG_URL, "training config", skip_usage=True)
    core_found = sum(1 for name in CORE if found[name])
    if config_links:
        found["training config"] = config_links
    complete = core_found >= 4 or bool(config_links)
    if not complete and not core_found:
        # Extra settings alone (e.g. only a precision or warmup) document the hyperparameters in part.
        extra_only = [name for name in EXTRA if found[name]]
        required = tuple(CORE) + tuple(extra_only)
    else:
        required = tuple(CORE)
    verdict = judge(
        card,
        CODES,
        found,
        required,
        closed=withheld(card, SUBJECT),
        placeholders=placeholder_sections(card, SECTION),
        complete=complete,
        hints={name: name for name in CORE},
    )
    verdict.missing = tuple(name for name in verdict.missing if name in CORE)
    return verdict


RULE = Rule(name="hyperparameters", criterion="hyperparameters", codes=CODES.all(), check=check, doc=__doc__ or "")


@hookimpl
def repro_lint_rules() -> list[Rule]:
    return [RULE]
