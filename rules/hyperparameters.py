"""RL5xx hyperparameters: are the training settings of the release given as concrete values?

What it checks
  Concrete values (a name *with* its value) for the core training hyperparameters:
  learning rate, batch size, training duration (steps, epochs or training tokens), optimizer and
  learning-rate schedule. At least four of the five → complete; one to three → partial (RL502);
  none → absent (RL501); "hyperparameters are not disclosed", 超参数未公开 → closed (RL503).
  Tables (``| learning rate | 3e-4 |`` or a ``Batch Size`` column), ``key: value`` and
  ``key = value`` lists, Trainer's "The following hyperparameters were used during training" list,
  prose ("a learning rate of 2e-5", "pre-trained on 2T tokens") and Chinese with full-width
  punctuation (学习率：2e-5) all count, also with the value in backticks ("Optimizer: `adamw`") and
  a bare "Scheduler: cosine" key.
  Other settings with values (warmup, weight decay, gradient clipping …) are reported as evidence
  but do not replace the core five. A path or link to the exact training config or script of the
  release (``scripts/pretrain.sh``, ``configs/run.yaml``, "the YAML file for complete hyperparameter
  settings") counts as the full set, unless its training section calls it a simplified demonstration
  (简化的示范流程); a pointer to the paper for training details counts as partial. Keras and PyTorch
  schedule classes (``'class_name': 'PolynomialDecay'``, ``CosineAnnealingLR``) name the schedule.
  A model zoo's config column (a row linking both its config and its checkpoint) gives the exact
  config of each checkpoint. Another config not named for training (in a usage section) is partial
  evidence unless the text ties it to this model ("the configuration file for this model"). Token counts may carry
  qualifiers ("3.2T Korean and English tokens"). News, citation and evaluation sections hold no
  settings of the release, nor does a training section that instructs the reader to fine-tune —
  unless its command or config trains the release itself: the sentence before it says so ("the
  command to train Acme-7B") or the config path carries the release's name (its title or Hub id).
  Not counted: a name without a value ("we tuned the learning rate"), placeholders, checkpoint
  intervals ("every 10k steps"), and values from user-facing sections (usage, evaluation, quick
  start) or from fine-tuning examples offered to users (``--lr 1e-5`` in "fine-tune on your data").

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

from typing import Optional

from repro_lint.document import Block, Card, Role, Section
from repro_lint.evidence import (
    LATIN_AFTER,
    LATIN_BEFORE,
    TRAINING_HEADING,
    BlockFilter,
    Hit,
    any_of,
    clean,
    criterion_codes,
    release_blocks,
    release_rows,
    release_training,
    runs_inference,
    scan,
    sentences,
    training_files,
)
from repro_lint.kit import Facts, criterion_rule

CODES = criterion_codes("RL5", "hyperparameters", "hyperparameters")

#: A number with an optional exponent and scale: 3e-4, 0.0001, 2,048, 4M, 1.5k, 2 × 10^-5, 4万亿.
VALUE = (
    r"(?:\d[\d,]{0,30}(?:\.\d{1,30})?|\.\d{1,30})(?:\s?[eE]\s?[-−]?\s?\d+|\s?[x×]\s?10\^?[-−]?\d+)?"
    r"(?:\s?(?:[KkMBT]\b|thousand\b|million\b|billion\b|trillion\b|万亿|亿|万))?"
)
#: Where a number may start: not inside a word or another number. (``\b`` would miss "共5个epoch": a Chinese
#: character is a word character too.)
NUMBER_START = r"(?<![0-9A-Za-z_.])"  # LATIN_BEFORE, and not after a decimal point
#: What may stand between a name and its value: separators and a few filler words, bounded.
GAP = (
    r"(?:[\"']\s?,)?"  # a printed Python pair: "('learning_rate', 0.0001)"
    r"[\s:=|`*\"'(]{0,6}(?:(?:of|is|was|were|set to|to|=|为|是|设置为|设为|warm(?:ed)?[- ]?up to|peak(?: of)?|up to"
    r"|initially|starting (?:at|from))"
    r"[\s:="
    r"|`*]{0,4}){0,2}"
    r"(?:~|about|approximately|around|约)?\s{0,2}"
)
#: A unit or note in brackets after a key: "Batch size (sequences)", "Steps (k)".
NOTE = r"(?:\s?\([^()\n]{1,20}\))?"
#: Separator inside a key name: learning_rate, learning-rate, learning rate.
SEP = r"[-_ ]"
#: Token counts: "2T tokens", "1.5 trillion tokens", "4万亿词元", "1T 标识符".
#: Only millions and more: "16K tokens" or "2048 tokens" is a sequence length, not a training duration.
BIG = r"(?:\s?(?:[MBT]\b|million\b|billion\b|trillion\b|万亿|亿))"
#: Up to three qualifying words between the count and "tokens" ("4.5T English and Chinese tokens"), none a verb.
QUALIFIERS = (
    r"(?:(?!(?:is|are|was|were|be|of|per|in|to|for|with|at|context|window|sequence)\b)[A-Za-z-]{1,20},?\s){0,4}"
)
#: A count in Chinese numerals before 亿 or 万亿: 五千亿, 两万亿 (hyperparameters/partial-zh-numeral-token-count.md).
ZH_BIG = r"[一二两三四五六七八九十百千]{1,6}\s?(?:万亿|亿)"
TOKENS = (
    rf"(?:(?:\d[\d,]{{0,30}}(?:\.\d{{1,30}})?){BIG}|{ZH_BIG})\s{{0,2}}(?:的\s?)?{QUALIFIERS}"
    rf"(?:tokens?\b|词元|标识符|token)"
)
#: A sentence is about training when it names it; token counts elsewhere are data or context sizes.
TRAINING_WORD = r"(?:\b(?:pre-?|post-?|re-?)?train(?:ed|ing)?\b|\bfine[- ]?tun\w*|\bsees?\b|\bseen\b|训练)"

#: Names of learning-rate schedules, the value of a "schedule" setting.
SCHEDULE_KIND = (
    r"(?:cosine|linear|constant|polynomial|inverse[-_ ]?sqrt|inverse[- ]square[- ]root|rsqrt|exponential|step"
    r"|multistep|WSD"
    r"|warmup[-_ ]stable[-_ ]decay|one[-_ ]?cycle|reduce[-_ ]?on[-_ ]?plateau|noam)"
)

#: The five core hyperparameters (the rubric counts these), name followed by a value.
CORE = {
    "learning rate": any_of(
        # "learning_rate 2e-5", "Learning rate (peak) | 3e-4": a learning rate with its value, a note between them
        # (hyperparameters/absent-how-to-fine-tune-section.md, hyperparameters/complete-noted-learning-rate.md)
        rf"\b(?:peak{SEP}|max(?:imum)?{SEP}|initial{SEP}|base{SEP})?(?:learning{SEP}rate|lr)(?:{SEP}(?:max|min"
        rf"|peak))?\b{NOTE}{GAP}{VALUE}",
        # "lr0=0.02": a detector trainer's initial learning-rate key (hyperparameters/complete-initial-lr-key.md)
        rf"\blr0\s*[:=]\s*{VALUE}",
        # "学习率: 3e-4": a learning rate with its value, in Chinese (phrases/hyperparameters-zh.md)
        rf"学习率{GAP}{VALUE}",
        # "Adam(1e-3)", "SGD(0.01, momentum=0.9)": an optimizer called with the learning rate as its first argument
        # (hyperparameters/complete-optimizer-call-learning-rate.md)
        rf"\b(?:Adam[Ww]?|SGD|RMSprop|Adagrad|Adadelta|Adafactor|Adamax|Nadam|Lion|LAMB)\(\s*{VALUE}\s*[,)]",
        # "with a 2e-5 learning rate", "a constant 3e-4 learning rate": the value before the name
        # (hyperparameters/partial-values-before-names.md)
        rf"\b(?:an?|the)\s+(?:(?:constant|peak|initial|base|max(?:imum)?)\s+)?{VALUE}\s+(?:(?:peak|initial|base"
        rf"|max(?:imum)?|constant)\s+)?(?:learning{SEP}rate|lr)\b",
    ),
    "batch size": any_of(
        # "batch_size 8": a batch size with its value (hyperparameters/absent-user-finetune-example.md)
        # "batch_size为16": also beside Chinese characters (hyperparameters/complete-zh-optimizer-beside-hanzi.md)
        rf"{LATIN_BEFORE}(?:global{SEP}|total{SEP}|effective{SEP}|train(?:ing)?{SEP}"
        rf"|micro{SEP})?(?:train{SEP})?batch(?:{SEP}?size)?{LATIN_AFTER}(?:{SEP}per{SEP}(?:device|gpu))?{NOTE}{GAP}"
        rf"{VALUE}",
        # a Trainer batch-size key with its value (hyperparameters/absent-how-to-fine-tune-section.md)
        rf"\b(?:per{SEP}device{SEP}train{SEP}batch{SEP}size|total{SEP}train{SEP}batch{SEP}size"
        rf"|tokens{SEP}per{SEP}batch)\b{GAP}{VALUE}",
        # "1024 sequences per batch": sequences or tokens per batch (phrases/hyperparameters-values.md)
        rf"{NUMBER_START}{VALUE}\s*(?:sequences|samples|tokens) per (?:batch|step)\b",
        # "and a 512 batch size": the value before the name (hyperparameters/partial-values-before-names.md)
        rf"\b(?:an?|the)\s+(?:(?:global|total|effective)\s+)?{VALUE}\s+(?:(?:global|total|effective)\s+)?batch\s+size\b",
        # "批大小: 512": a batch size with its value, in Chinese (phrases/hyperparameters-zh.md)
        rf"(?:批大小|批次大小|批量大小|批处理大小|全局批大小|批量){GAP}{VALUE}",
    ),
    "duration": any_of(
        # "n_timesteps: 10000000": the environment steps an agent trained for (hyperparameters/complete-rl-timesteps.md)
        rf"\b(?:n|num|total){SEP}?timesteps\b{GAP}{VALUE}",
        # "num_train_epochs 3": an epoch count key with its value (hyperparameters/absent-how-to-fine-tune-section.md)
        rf"\b(?:num(?:ber)?{SEP}(?:of{SEP})?(?:train{SEP})?)?epochs?\b{GAP}{VALUE}",
        # "max_train_epochs = 16": an epoch count key with a max_ prefix
        # (hyperparameters/complete-prefixed-trainer-keys.md)
        rf"\bmax{SEP}(?:train{SEP})?epochs\b{GAP}{VALUE}",
        # "3 epochs", "共8个Epoch", "45 finetuning epochs": a number of epochs (extras/finetune-lineage-complete.md,
        # hyperparameters/partial-zh-epoch-count-after-chinese.md, hyperparameters/partial-finetuning-epochs.md)
        rf"(?<!every ){NUMBER_START}{VALUE}\s*(?:full\s|个\s?|(?:training|fine-?tuning|finetuning|pre-?training)\s)?"
        r"epochs?\b",
        # "Training steps | 120,000": a step count key with its value, not the warm-up steps
        # (hyperparameters/complete-value-table.md, hyperparameters/complete-noted-learning-rate.md)
        rf"(?<!warm-up )(?<!warmup )(?<!warm up )(?<!warmup_)\b(?:num(?:ber)?{SEP}of{SEP}|training{SEP}|max{SEP}"
        rf"|total{SEP}|train{SEP})?steps\b{NOTE}{GAP}{VALUE}",
        # "Training iterations | 600k": an iteration or update count key with its value
        # (hyperparameters/complete-noted-keys-table.md)
        rf"\b(?:num(?:ber)?{SEP}of{SEP}|training{SEP}|max{SEP}|total{SEP}|train{SEP})?(?:iterations|iters|updates)\b{NOTE}"
        rf"{GAP}{VALUE}",
        # "2,000 steps": a number of steps or iterations (not sampling steps) (open-reproducible.md)
        rf"(?<!every )(?<!every){NUMBER_START}{VALUE}\s*(?:training\s|gradient\s|optimi[sz]ation\s)?(?:steps|iterations"
        rf"|updates)\b(?! (?:of )?(?:inference|sampling|denoising|PLMS|DDIM))",
        # training over a count of tokens (hyperparameters/partial-demonstration-script-zh.md); "one phase for 5.3B
        # tokens": a run or phase for a count of tokens (hyperparameters/partial-phase-for-token-count.md)
        # (not "the training context length is extended to 1 million tokens": a context size)
        rf"{TRAINING_WORD}(?!\s+(?:context|sequence)\b)(?:[^\n]|\n(?=[a-z])){{0,200}}?{TOKENS}"
        rf"|\bfor (?:~|about |approximately |another |an additional )?{TOKENS}",
        # "2 万亿 tokens 上训练": a count of tokens, then training (hyperparameters/partial-demonstration-script-zh.md)
        rf"{TOKENS}(?:[^\n]|\n(?=[a-z])){{0,60}}?{TRAINING_WORD}",
        # a token count key with its value (training_data/partial-documented-corpus-plus-synthetic.md), not a count
        # per token ("Activated Parameters per Token: 45.9B")
        rf"(?<!per )\b(?:training{SEP})?tokens?(?:{SEP}count)?\s*:\s*(?:up to|~|about|over)?\s*{VALUE}\s*"
        r"(?:[KMBT]|tokens)",
        # "tokens (B): 1200": a token count column with its unit (phrases/training-data-named-sources.md)
        rf"\b(?:training{SEP})?tokens?\s*\((?:billions?|B|trillions?|T|millions?|M)\)\s*:\s*{VALUE}",
        # training over a count of tokens, in Chinese (hyperparameters/partial-demonstration-script-zh.md)
        rf"训练[^。；\n]{{0,30}}?(?:\d[\d,]{{0,30}}(?:\.\d{{1,30}})?){BIG}\s*(?:个)?\s*(?:token|词元|标识符)",
        # a count of tokens, then training, in Chinese (hyperparameters/partial-demonstration-script-zh.md)
        rf"(?:\d[\d,]{{0,30}}(?:\.\d{{1,30}})?){BIG}\s*(?:个)?\s*[^\s。；,，\d]{{0,8}}?(?:tokens?|词元|标识符|语料"
        rf"|词汇)[^。；\n]{{0,30}}?训练",
        # "25M images shown", "2B samples seen", "--kimg=25000": the examples a run has seen
        # (hyperparameters/complete-images-shown-constant-rate.md)
        rf"(?:\d[\d,]{{0,30}}(?:\.\d{{1,30}})?){BIG}?\s*(?:images|samples|examples|pairs|clips) (?:shown|seen)\b"
        rf"|--kimg[= ]\d|\b\d[\d,]{{0,12}} kimg\b",
        # "训练步数: 10000": epochs or steps with a value, in Chinese (phrases/hyperparameters-zh.md)
        rf"(?:训练轮数|轮数|轮次|训练步数|步数|迭代次数|训练(?:的)?\s*token\s*数){GAP}{VALUE}",
        # "3 轮": a number of epochs or steps, in Chinese (phrases/hyperparameters-zh.md)
        rf"(?<![\w.第])(?<!step ){VALUE}\s*(?:个)?(?:轮|步(?!骤))",
    ),
    "optimizer": any_of(  # case-sensitive: "Adam" the optimizer, not "adam" in running text
        # "Optimizer: AdamW", "| optimizer | adamw |" (hyperparameters/complete-adapter-setup-list.md)
        r"\b[Oo]ptimi[sz]er\s*[:=|]\s*`?\w+",
        # 'optimizer_type = "Prodigy"': an optimizer key with a suffix and a quoted name
        # (hyperparameters/complete-prefixed-trainer-keys.md)
        r"\b[Oo]ptimi[sz]er_(?:type|name|class)\s*[:=]\s*[\"'`]?[A-Za-z]\w+",
        # a Keras optimizer config: {'name': 'Adam', …} (hyperparameters/complete-keras-schedule.md)
        r"\b[Oo]ptimi[sz]er\s*[:=]\s*\{\s?'name':\s?'\w+",
        # "AdamW", "使用SGD优化器": a named optimizer, also right beside Chinese characters (which ``\b`` would not
        # see as a boundary) (hyperparameters/complete-fullwidth-zh.md,
        # hyperparameters/complete-zh-optimizer-beside-hanzi.md)
        rf"{LATIN_BEFORE}(?:AdamW?|AdamWeightDecay|Adafactor|SGD|LAMB|Lion|Muon|RMSprop|Sophia|AdaGrad|Shampoo)"
        rf"{LATIN_AFTER}(?! [A-Z][a-z])",
        # "adamw": a transformers ``optim`` value: adamw_torch (hyperparameters/absent-user-finetune-example.md)
        r"\badam(?:w)?(?:_torch|_hf)?\b(?=[\s,)]|$)",
        # "adam_beta2": adam_beta1 / Adam beta2: the optimizer's own settings (phrases/hyperparameters-values.md)
        r"\badam[-_ ]beta",
        r"优化器\s*[:=]?\s*\w+",  # "优化器: AdamW": 优化器: AdamW (phrases/hyperparameters-zh.md)
        flags=0,
    ),
    "schedule": any_of(
        # "lr_scheduler_type 'cosine": a schedule key with its kind (hyperparameters/absent-how-to-fine-tune-section.md)
        rf"\b(?:lr|learning{SEP}rate){SEP}?schedul(?:e|er)(?:{SEP}type)?\b{GAP}[\"']?(?:@|{SCHEDULE_KIND})",
        # "Scheduler: linear": a scheduler key with its kind (hyperparameters/complete-adapter-setup-list.md)
        rf"\b(?:lr{SEP}?)?scheduler?(?:{SEP}type)?\s*[:=|]\s*[`\"']?{SCHEDULE_KIND}\b",
        # "Decay: cosine": a decay key (or column header) with its kind (hyperparameters/complete-decay-key.md)
        rf"\b(?:lr{SEP}|learning{SEP}rate{SEP})?(?:decay|annealing)\s*[:=|]\s*[`\"']?{SCHEDULE_KIND}\b",
        # "cosine decay": a named schedule (hyperparameters/complete-value-table.md)
        r"\b(?:cosine|linear|constant|polynomial|inverse[- ]square[- ]root|rsqrt|exponential|WSD"
        r"|warmup[- ]stable[- ]decay|one[- ]?cycle)\b"
        r"[\w ,-]{0,20}?\b(?:schedules?|scheduler|decay\w*|annealing|rule)\b",
        # "learning rate: 3e-4 (peak), cosine": the learning rate with its schedule (extras/open-full.md)
        r"\b(?:learning rate|lr)\b(?:[^.;\n]|\.\d){0,60}?\b(?:cosine|kept constant|constant|linear(?:ly)? decay\w*"
        r"|inverse[- ]square[- ]root)\b",
        # "cosine decay of the learning rate": a cosine learning rate (phrases/hyperparameters-values.md)
        r"\bcosine\b[^.;\n]{0,30}?\b(?:learning rate|lr)\b",
        # schedule classes of Keras and PyTorch: {'class_name': 'PolynomialDecay', …}, CosineAnnealingLR
        # "CosineDecay" (hyperparameters/complete-keras-schedule.md)
        r"\b(?:Polynomial|Cosine|Exponential|Linear|InverseTime|PiecewiseConstant)Decay(?:Restarts)?\b",
        # "CosineAnnealingLR": a PyTorch schedule class (phrases/hyperparameters-values.md)
        r"\b(?:CosineAnnealing(?:WarmRestarts)?|OneCycle|Linear|Step|MultiStep|Exponential|Polynomial)LR\b",
        # "学习率：2e-5，采用余弦": a schedule in Chinese (hyperparameters/complete-fullwidth-zh.md)
        r"余弦(?:退火|衰减|调度)|学习率(?:调度|衰减)(?:策略)?\s*[:=]?\s*\w+|学习率[^。；\n]{0,20}(?:余弦|线性衰减|恒定)",
        # decay to a floor, in words (hyperparameters/complete-schedule-in-words.md)
        rf"\b(?:learning rate|lr)\b(?:[^.;\n]|\n(?=[a-z])){{0,60}}?\bdecay(?:s|ed|ing)?\s+to (?:a |an )?"
        rf"(?:minimum|final|zero\b|{VALUE})",
        # the floor as a flag (hyperparameters/complete-min-lr-flag.md)
        rf"\bmin(?:imum)?{SEP}(?:lr|learning{SEP}rate)\b{GAP}{VALUE}",
    ),
}

#: Further settings with values: shown as evidence, not counted towards the core five.
EXTRA = {
    "warmup": any_of(  # "warmup: 2,000": warmup with its value (open-reproducible.md, phrases/hyperparameters-zh.md)
        rf"\bwarm{SEP}?up(?:{SEP}(?:steps|ratio|iters|tokens))?\b{GAP}{VALUE}", rf"预热(?:步数)?{GAP}{VALUE}"
    ),
    # "weight decay 0.1": weight decay with its value (extras/open-full.md, open-reproducible-zh.md)
    "weight decay": any_of(rf"\bweight{SEP}decay\b{GAP}{VALUE}", rf"权重衰减{GAP}{VALUE}"),
    "other setting": any_of(
        # "seed: 7": another setting with its value (hyperparameters/complete-trainer-list.md)
        rf"\b(?:gradient{SEP}accumulation{SEP}steps|max{SEP}grad{SEP}norm|gradient clipping|dropout|seed"
        rf"|adam{SEP}beta[12]|adam{SEP}epsilon"
        rf"|lora{SEP}(?:r|alpha|dropout))\b{GAP}{VALUE}",
    ),
}

#: Every setting the rule reads: the core ones (required) and the extra ones (partial credit alone).
ELEMENTS = {**CORE, **EXTRA}

#: A pointer to the complete settings used for the release (with or without a file name).
FULL_SETTINGS = any_of(
    r"\b(?:complete|full|exact|all(?: the)?) (?:training )?hyper-?parameters?(?: settings| details| configuration"
    r"| values)?\b",  # "full hyperparameters": the full hyperparameters, pointed to (phrases/hyperparameters-values.md)
    # the hyperparameters used for training, pointed to (hyperparameters/closed-not-disclosed.md)
    r"\bhyper-?parameters? (?:settings |values )?(?:we )?used (?:for|to train|in training)\b",
    # "the full configuration for the above experiments can be found in `cfg.json`": the runs' complete settings,
    # pointed to (hyperparameters/complete-full-configuration-of-runs.md)
    r"\b(?:complete|full|exact) (?:training )?(?:config(?:uration)?s?|settings) (?:for|of) (?:the |these |our |all )?"
    r"(?:above |released |reported )?(?:experiments|runs|training runs|training)\b",
    # "实际训练中使用的超参数": the settings used in training, in Chinese (phrases/hyperparameters-zh.md)
    r"(?:实际|正式)训练(?:中)?(?:所)?使用的[^。\n]{0,40}(?:超参数|训练参数)",
    # a link to the folder of the training run, given for the settings ("details on the optimizer: <url>")
    # "settings to replicate the run: https://github.com/robin-lab…" (phrases/hyperparameters-values.md)
    r"\b(?:hyper-?param\w*|optimi[sz]er|settings|replicat\w*|reproduc\w*)\b[^\n]{0,200}?github\.com/[\w.-]{1,100}/[\w."
    r"-]{1,100}/(?:tree|blob)/[\w./-]{0,300}/(?:train|training|recipes?|configs?)/",
    # "github.com/robin-lab/ro…": a recipe folder link, then the settings it holds (phrases/hyperparameters-values.md)
    r"github\.com/[\w.-]{1,100}/[\w.-]{1,100}/(?:tree|blob)/[\w./-]{0,300}/(?:train|training|recipes?"
    r"|configs?)/[^\n]{0,120}?\b(?:hyper-?param\w*|optimi[sz]er|settings|replicat\w*|reproduc\w*)\b",
)

#: A file the text calls the training config ("`config.json` is the training config" beside a checkpoint's files):
#: the release's own settings, wherever the sentence sits (a download how-to describes the release's files too).
NAMED_AS_TRAINING_CONFIG = any_of(
    # "`train.json` is the training config": a file said to be the training config
    # (hyperparameters/complete-file-named-as-training-config.md)
    r"[\w./-]{1,100}\.(?:json|ya?ml|toml|gin|py)`?\s+(?:is|are|holds|contains|has)\s+(?:the\s+)?(?:full\s+|exact\s+)?"
    r"training\s+(?:config(?:uration)?|settings|hyper-?parameters)\b",
    # "Code used to train the model can be found [here](…/SFT.ipynb)": the script that trained the release, linked
    # (hyperparameters/complete-code-used-to-train-linked.md)
    r"\b(?:code|script|notebook)s?\s+(?:that was |we )?used\s+to\s+(?:pre-?)?(?:train|fine-?tune)\s+(?:the|this|our)"
    r"\s+models?\b[^\n]{0,60}\]\([^)\s]{1,300}\.(?:py|ipynb|sh)\)",
)

#: A pointer elsewhere (paper, report) for the training details: partial at best.
POINTER = any_of(
    # the paper or report pointed to for training details (phrases/hyperparameters-values.md)
    r"\b(?:see|refer to|found in|described in|details? (?:are|is) in)\b[^\n]{0,200}?\b(?:paper|report"
    r"|blog|preprint|publication|manuscript)\b[^\n]{0,200}?\b(?:training|hyper-?parameters?)\b",
    # "Hyperparameters not lis…": training details, then a pointer to a paper (phrases/hyperparameters-values.md)
    r"\b(?:training details|hyper-?parameters?)\b[^\n]{0,60}?\b(?:see|refer to|found in"
    r"|described in)\b[^\n]{0,200}?\b(?:paper|report|blog)\b",
    # "详见技术报告中的训练": a paper or report pointed to, in Chinese (phrases/hyperparameters-zh.md)
    r"(?:详见|参见|参考|请见)[^。\n]{0,30}(?:论文|技术报告|报告)[^。\n]{0,30}(?:训练|超参数)",
    # "训练超参数请参阅我们的技术报告": the settings first, then the report pointed to, in Chinese
    # (hyperparameters/partial-zh-settings-then-report.md)
    r"(?:超参数|训练参数|训练设置|训练配置)[^。\n]{0,20}?(?:详见|参见|参阅|请见|见)[^。\n]{0,20}?(?:论文|技术报告|报告)",
    # the repository's training guide (hyperparameters/partial-pointer-to-training-guide.md)
    r"\b(?:see|refer to|found in|described in|given in)\b[^\n]{0,30}?\b(?:pre-?)?train(?:ing)?\.md\b",
)

#: Names of settings, for "Learning rate: TBA" (a placeholder where the value should be).
SETTING_NAME = any_of(
    # "learning_rate": a setting's name (hyperparameters/absent-how-to-fine-tune-section.md)
    r"\b(?:learning[-_ ]rate|lr|batch|epochs?|steps|iterations|warm[-_ ]?up|optimi[sz]er|schedul\w*|weight[-_ ]decay"
    r"|dropout|hyper-?param\w*)\b",
    # "超参数": a setting's name in Chinese (hyperparameters/closed-withheld-zh.md)
    r"学习率|批大小|批次|批量|轮数|步数|预热|优化器|调度|权重衰减|超参数",
)

#: A training section that calls its own code a demonstration: its script is not the exact config of the release.
DEMO = any_of(
    # "simplified code": simplified or demonstration code (phrases/hyperparameters-values.md)
    r"\b(?:simplified|demo|demonstration|illustrative|minimal) (?:code|scripts?|pipeline|workflow|flow|process"
    r"|implementation|example)\b",
    # "简化的示范流程": demonstration code in Chinese (hyperparameters/partial-demonstration-script-zh.md)
    r"示范|演示代码|简化的[^。\n]{0,10}流程",
)

#: Code that runs the model (``generate(…, batch_size=8)``) rather than training it.
INFERENCE_CODE = any_of(
    # "from_pretrained(": inference calls: a usage example (hyperparameters/complete-config-under-usage.md)
    r"\.generate\(|\bpipeline\(|\bfrom_pretrained\(|\bmodel\.chat\(|\bvllm\b|\bLLM\(",
    # ".predict(text", "temperature=": sampling settings, a usage example (quotes/sampling-settings-in-usage-code.md)
    r"\.predict\(|\btop_?[pk]\s*=|\btemperature\s*=|\bmax_new_tokens\b|\bdo_sample\b",
)
TRAINING_CODE_HINT = any_of(
    # "num_train_epochs": Trainer code: a fine-tuning example (hyperparameters/absent-how-to-fine-tune-section.md)
    r"\bTrainer\b|\bTrainingArguments\b|\btrain(?:er)?\.train\(|\bSFTConfig\b|\bnum_train_epochs\b"
)


#: What a withholding sentence names: "we do not disclose the hyperparameters" (closed-not-disclosed.md,
#: closed-withheld-zh.md).
SUBJECT = [
    # "Hyperparam": hyperparameters, named in a withholding sentence (hyperparameters/absent-placeholder-section.md)
    r"\bhyper-?param",
    # "Training Details": training settings, named in a withholding sentence (template.md)
    r"\btraining (?:settings|configuration|details)\b",
    # "超参数": hyperparameters in Chinese, named in a withholding sentence (hyperparameters/closed-withheld-zh.md)
    r"超参数|训练参数|训练细节",
]

#: Section headings (placeholder text alone under one is reported): "## Training hyperparameters", "## Training
#: regime", 超参数 (absent-placeholder-section.md).
SECTIONS = [
    r"\bhyper-?param",  # "Hyperparameters": a hyperparameters heading (hyperparameters/absent-placeholder-section.md)
    # "Training Details": a training settings heading (template.md)
    r"\btraining (?:regime|settings|configuration|details)\b",
    r"超参数|训练参数",  # "超参数": a hyperparameters heading in Chinese (hyperparameters/closed-withheld-zh.md)
]


def demonstration(card: Card, section: Optional[Section]) -> bool:
    """True when the section, or a training section around it, describes its code as a simplified demonstration."""
    while section is not None:
        if (
            len(card.sections) > 1
            and section.line <= card.sections[0].line
            and section.end_line >= card.sections[-1].line
        ):
            break  # a title that spans the whole card says nothing about one section
        if any(b.kind != "code" and DEMO.search(b.text) for b in card.blocks_in(section)):
            return True
        section = (
            section.parent if section.parent is not None and TRAINING_HEADING.search(section.parent.title) else None
        )
    return False


#: The header of a model zoo's config column; a link in it, in a row that also links the checkpoint, is the
#: exact config that trained that checkpoint (OpenMMLab, detectron2 and timm-style "Results and Models" tables).
CONFIG_COLUMN = any_of(r"^\W{0,3}(?:configs?|configuration|config file|配置(?:文件)?)\W{0,3}$")
#: A link to a config file in a table cell: ``[config](./rtmdet_s_8xb32-300e_coco.py)``.
CONFIG_CELL_LINK = any_of(r"\]\(\s*[^()\s]{1,300}\.(?:py|ya?ml|json|gin|toml)\s*\)")
#: A checkpoint link in the same row: a weight file or a "model"/"checkpoint"/"weights" link.
CHECKPOINT_CELL_LINK = any_of(
    r"\]\(\s*[^()\s]{1,400}\.(?:pth|pt|ckpt|safetensors|bin|h5|pkl|npz|onnx|gguf)\b",
    r"\[\s*(?:model|checkpoint|ckpt|weights?|download|下载|模型)\s*\]\(",
)


def zoo_configs(card: Card) -> list[Hit]:
    """Config links in the config column of a model zoo table whose row also links the checkpoint
    (hyperparameters/complete-config-column-beside-checkpoints.md)."""
    hits: list[Hit] = []
    for table in card.tables:
        column = next((i for i, name in enumerate(table.header) if CONFIG_COLUMN.search(clean(name))), None)
        if column is None:
            continue
        for row in table.rows:
            cells = row.cells
            if column < len(cells) and CONFIG_CELL_LINK.search(cells[column]):
                others = " ".join(cell for i, cell in enumerate(cells) if i != column)
                if CHECKPOINT_CELL_LINK.search(others):
                    hits.append(Hit("training config", row.line, cells[column].strip(), row))
    return hits


def config_hits(card: Card, where: BlockFilter) -> list[Hit]:
    """The exact training config or script of the release, or an explicit pointer to its full settings.

    A script in a training section that calls itself a simplified demonstration is not the exact config.
    """
    hits = [
        hit for hit in training_files(card, where) if hit.block is None or not demonstration(card, hit.block.section)
    ]
    found = scan(card, {"training config": FULL_SETTINGS}, where=where)["training config"]
    return hits + found


#: A config or script named for training: by its path ("train", "pretrain", "recipes/…", "hparams") or its section.
# "Fine-tune": a file or path named for training (hyperparameters/absent-how-to-fine-tune-section.md)
TRAINING_NAMED = any_of(r"train|fine-?tun|\bsft\b|\bdpo\b|\borpo\b|recipes?|hparams|hyper-?param|训练|微调")


#: A config the text ties to the release: "the configuration file for this model", "the config we used to train".
RELEASE_CONFIG = any_of(
    # "for this model": for this model (hyperparameters/complete-config-for-this-model-in-usage.md)
    r"\b(?:for|of) (?:this|the|our) (?:model|release)\b",
    # "the exact configuration used for this checkpoint" (hyperparameters/complete-exact-config-for-checkpoint.md)
    r"\b(?:for|of) this checkpoint\b|\bthe exact (?:training )?(?:config(?:uration)?|settings)\b",
    # "used to train": used to train (hyperparameters/closed-not-disclosed.md)
    r"\bused (?:to|for|in) (?:train|pre-?train)",
    r"\bwe used\b",  # "We used": we used (extras/finetune-lineage-complete.md)
    r"本模型|我们使用",  # "本模型": this model or we used, in Chinese (extras/finetune-zh.md)
)


def named_for_training(card: Card, hit: Hit) -> bool:
    """True when the config hit says it is for training: its path or text, or a training heading above it."""
    said = (
        hit.block.text
        if hit.block is not None
        else (card.lines[hit.line - 1] if 0 < hit.line <= len(card.lines) else "")
    )
    if TRAINING_NAMED.search(hit.quote) or RELEASE_CONFIG.search(said):
        return True
    if hit.block is not None and id(hit.block) in release_training(card).stated:
        return True  # "Train Acme-7B with the released recipe: … --config configs/acme.yaml"
    if hit.block is not None:
        section = hit.block.section
    else:  # a link: the section of the link on that line
        section = next((link.section for link in card.links if link.line == hit.line), None)
    while section is not None:
        if TRAINING_HEADING.search(section.title):
            return True
        section = section.parent
    return False


def readers_section(card: Card) -> BlockFilter:
    """Blocks of usage sections (quick start, how to train …) other than a reader's own fine-tuning."""

    def where(block: Block) -> bool:
        section = block.section
        return (
            section is not None and section.role is Role.USE and not section.instructs and block.kind != "front_matter"
        )

    return where


#: Sections whose values are never the release's settings: news items, citations, comparisons with other models.
NOT_SETTINGS = frozenset({Role.NEWS, Role.REFERENCE, Role.EVALUATION})


def release_settings(card: Card) -> BlockFilter:
    """Blocks that may hold the release's settings: release sections, minus code that only runs the model.

    News, citation and evaluation sections are left out whatever their headings say: "Adam" in a
    BibTeX author list is a name, a token count in a comparison table belongs to another model.
    """
    release = release_blocks(card)
    own_row = release_rows(card)

    def where(block: Block) -> bool:
        if own_row(block):
            return (
                True  # the release's own row of a comparison table (hyperparameters/partial-own-row-of-comparison.md)
            )
        if not release(block) or _in_role(block.section, NOT_SETTINGS):
            return False
        return (
            block.kind != "code" or not INFERENCE_CODE.search(block.text) or bool(TRAINING_CODE_HINT.search(block.text))
        )

    return where


def _in_role(section: Optional[Section], roles: frozenset[Role]) -> bool:
    """True when the nearest heading that names a role (or the section's inherited role) is one of ``roles``."""
    return section is not None and section.role in roles and not section.instructs


def core_values(card: Card) -> dict[str, list[Hit]]:
    """The core hyperparameters given with values in the release's own sections (also read by RL4xx)."""
    return scan(card, CORE, where=release_settings(card))


#: A sentence addressed to the reader ("you need a GPU that runs 50 steps a second"): their run, not the release's.
READER = any_of(
    r"\byou(?:r)?\b",  # "you need a GPU that runs 50 steps" (hyperparameters/absent-reader-hardware-sentence.md)
    r"您|你",  # "你": the reader, in Chinese (phrases/user-finetune.md)
    # "we recommend to use 50 steps": advice for the reader's own runs (hyperparameters/absent-recommended-steps.md)
    r"\b(?:we|I) (?:recommend|suggest|advise)\b|\bit is (?:recommended|suggested|advised)\b|我们?(?:推荐|建议)",
)
#: Advice to the reader in the release's voice: "we recommend" is about the reader's runs, not what was done.
ADVICE = any_of(r"\b(?:we|I) (?:recommend|suggest|advise)\b|我们?(?:推荐|建议)")
OWN_VOICE = any_of(r"\bwe\b|\bour\b", r"我们")


def _reader_sentences(block: Block) -> list[tuple[int, int]]:
    """(start, end) offsets in the cleaned block text of the sentences that speak to the reader and
    not of what was done; computed once per block."""
    text = clean(block.text)
    return [
        (offset, offset + len(sentence))
        for offset, sentence in sentences(text)
        if READER.search(sentence) and (ADVICE.search(sentence) or not OWN_VOICE.search(sentence))
    ]


def stated_values(card: Card) -> dict[str, list[Hit]]:
    """Every setting this rule counts, with its value (also read by RL4xx: settings given describe the training)."""
    return _find(card)


def _find(card: Card) -> dict[str, list[Hit]]:
    """Core and extra settings with values, in the blocks that may hold the release's settings; not in
    link targets (a badge's ``%20Updates``), nor in a sentence addressed to the reader. A value stands also in a
    sentence that withholds something else ("on our logs, which are not public, for 40k steps"): a value is given."""
    found = scan(card, ELEMENTS, where=release_settings(card), urls=False, skip_withheld=False)
    spans: dict[int, tuple[str, list[tuple[int, int]]]] = {}

    def said_to_reader(hit: Hit) -> bool:
        block = hit.block
        if block is None or block.kind == "code":
            return False
        if id(block) not in spans:  # once per block: a long paragraph holds many hits
            spans[id(block)] = (clean(block.text), _reader_sentences(block)) if READER.search(block.text) else ("", [])
        text, reader = spans[id(block)]
        if not reader:
            return False
        at = text.find(hit.quote)
        return at >= 0 and any(start <= at < end for start, end in reader)

    def measures_speed(hit: Hit) -> bool:
        line = card.lines[hit.line - 1] if 0 < hit.line <= len(card.lines) else ""
        return hit.block is not None and hit.block.kind != "code" and bool(MEASURED_SPEED.search(line))

    for hits in found.values():  # filtered in place: a long code block has several hits a line, each kept once
        kept = 0
        for hit in hits:
            if not said_to_reader(hit) and not measures_speed(hit):
                hits[kept] = hit
                kept += 1
        del hits[kept:]
    return found


#: A line that reports a measured speed: the batch it names is the benchmark's, not the training's
#: ("CPU latency (batch 1, seq 128): 21 ms").
MEASURED_SPEED = any_of(
    # "latency (batch 1": a speed measured at a batch size (hyperparameters/absent-latency-benchmark-batch.md)
    r"\blatency\b|\bthroughput\b|\btokens?/s(?:ec)?\b|\bQPS\b",
    r"延迟|吞吐",  # "延迟": latency or throughput, in Chinese (hyperparameters/absent-latency-benchmark-batch.md)
)


def _prose(card: Card) -> BlockFilter:
    """Release text outside code blocks."""
    return release_blocks(card, code=False)


def _runs_inference(hit: Hit) -> bool:
    """A config handed to an inference script or a loader (see :data:`repro_lint.evidence.INFERENCE_RUN`)."""
    if hit.block is None or hit.block.kind != "code":
        return False
    at = hit.block.text.find(hit.quote)
    return at >= 0 and runs_inference(hit.block.text, at)


def _outside_code(block: Block) -> bool:
    return block.kind not in ("code", "front_matter")


def _configs_and_pointers(card: Card, facts: Facts) -> None:
    """Four core values or the release's training config make the settings complete; a config not
    named as the training config, extra settings alone or a pointer to the paper document them in part."""
    found = facts.found
    core_found = sum(1 for name in CORE if found[name])
    where = release_settings(card)
    configs: list[Hit] = []
    unconfirmed: list[Hit] = []
    for hit in config_hits(card, where):
        (configs if named_for_training(card, hit) else unconfirmed).append(hit)
    for hit in training_files(card, readers_section(card)):
        if hit.line not in {h.line for h in configs}:
            said = hit.block.text if hit.block is not None else card.lines[hit.line - 1]
            (configs if RELEASE_CONFIG.search(said) else unconfirmed).append(hit)
    configs += scan(card, {"training config": NAMED_AS_TRAINING_CONFIG}, where=_outside_code)["training config"]
    configs += zoo_configs(card)[:1]
    if configs:
        found["training config"] = configs
    facts.complete = core_found >= 4 or bool(configs)
    unconfirmed = [hit for hit in unconfirmed if not _runs_inference(hit)]
    if not facts.complete and unconfirmed:
        # a config that may or may not be the release's (a model config in a checkpoint table, a run
        # script in a usage section): documented in part, never complete, never absent
        found["config, not named as the training config"] = unconfirmed
        facts.required.append("config, not named as the training config")
    if not facts.complete and not core_found:
        # Extra settings or a pointer to the paper alone document the hyperparameters in part.
        pointers = scan(card, {"pointer to details": POINTER}, where=_prose(card))
        found.update({k: v for k, v in pointers.items() if v})
        facts.required += [name for name in (*EXTRA, "pointer to details") if found.get(name)]


# fmt: off
HYPERPARAMETERS = criterion_rule(
    "hyperparameters", CODES, doc=__doc__, elements=ELEMENTS, required=tuple(CORE),
    hints={name: name for name in CORE}, subject=SUBJECT, sections=SECTIONS, settings=SETTING_NAME, find=_find,
    refine=_configs_and_pointers, withheld_in=_prose,
)
# fmt: on
check, RULE, repro_lint_rules = HYPERPARAMETERS.check, HYPERPARAMETERS.rule, HYPERPARAMETERS.hook
