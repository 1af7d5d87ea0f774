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
  self-distillation, masked image modelling, a named ``…Loss`` class, a loss or objective named by
  its kind — MSE, L1, sigmoid, masked autoencoding —, epsilon or next-patch prediction, training
  contrastively, behaviour cloning, minimising a squared error), as do training docs
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
  towards partial only; so do the run's settings given as values (a learning rate, a batch size, an
  optimizer) where no stage is named, and a sentence in the release's own voice about its training,
  also inside a how-to section ("we train it on …", "is initialized from …").

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

from repro_lint.document import Card
from repro_lint.evidence import (
    EXAMPLE_PATH,
    LATIN_AFTER,
    LATIN_BEFORE,
    TRAINING_CODE,
    USER_TRAINING,
    BlockFilter,
    Hit,
    any_of,
    blank_urls,
    criterion_codes,
    hit_clause,
    in_section,
    one_line,
    release_blocks,
    release_sections,
    scan,
    training_files,
)
from repro_lint.kit import Facts, criterion_rule

from .hyperparameters import core_values, stated_values, zoo_configs

CODES = criterion_codes("RL4", "training-method", "training method")

#: Kinds of loss, in a list of losses ("reconstruction, KL and adversarial losses").
LOSS_KIND = (
    r"(?:reconstruction|adversarial|KL|perceptual|feature[- ]matching|mel|duration|contrastive|triplet|CTC|MSE|L[12]"
    r"|cross[- ]entropy|distillation|diffusion|denoising|commitment|codebook|classification|regression|ranking)"
)

#: Named objectives and training stages: what a reader needs to know how the weights came about.
OBJECTIVE = any_of(
    # "is a merge of the following models using mergekit": a merge is how the release was made
    # (training_method/complete-merge-with-config.md)
    r"\b(?:is|was) (?:an? )?(?:[\w-]+ )?merge of\b",
    # "next-token prediction": next-token prediction (training_method/complete-stages-and-code.md)
    r"\bnext[- ](?:token|word) prediction\b",
    # "predict the next token": predicting the next token (phrases/training-method-objectives.md)
    r"\b(?:predict|guess) the next (?:token|word)\b",
    # "causal language modelling objective": a language-modelling objective (phrases/training-method-objectives.md)
    # "causal language-modelling objective" (training_method/complete-hyphenated-lm-objective.md)
    r"\b(?:causal|masked|autoregressive) language[- ]model(?:l?ing)? (?:objective|task|loss)\b",
    # "span corruption": span corruption (T5-style) (phrases/training-method-objectives.md)
    r"\bspan (?:corruption|denoising)\b",
    # "denoising objective": a denoising objective (phrases/training-method-objectives.md)
    r"\bdenoising (?:objective|auto-?encoder|loss)\b",
    r"\bcross[- ]entropy\b",  # "cross-entropy": a cross-entropy loss (phrases/training-method-objectives.md)
    # "language modelling objective": an objective, named (phrases/training-method-objectives.md)
    r"\b(?:training|pre-?training|learning|unsupervised|self-supervised|language modell?ing|our) objectives?\b",
    r"\bobjective function\b",  # "objective function": an objective function (phrases/training-method-objectives.md)
    r"\bloss (?:function|is)\b",  # "loss is": the loss, described (phrases/training-method-objectives.md)
    # "reconstruction loss": a reconstruction objective (phrases/training-method-objectives.md)
    r"\breconstruction (?:objective|loss)\b",
    # "contrastive loss": a contrastive objective (training_method/complete-named-loss-and-training-doc.md)
    r"\bcontrastive (?:loss|objective|learning|pre-?training)\b",
    # "fill-in-the-middle": fill-in-the-middle training (phrases/training-method-objectives.md)
    r"\bfill-in-the-middle\b|\bFIM\b",
    # "supervised fine-tuning": supervised fine-tuning (training_method/partial-offered-finetuning-code.md)
    r"\bsupervised fine-?tun\w*",
    # "SFT": SFT, abbreviated (training_method/absent-docs-index-for-reader.md)
    rf"{LATIN_BEFORE}SFT{LATIN_AFTER}",
    # "instruction tuned": instruction tuning (hyperparameters/partial-training-tokens.md)
    r"\binstruction[- ](?:fine-?)?tun\w*",
    # "RLHF", "使用RLHF进行对齐": RLHF, also beside Chinese characters, where ``\b`` sees no boundary
    # (training_method/absent-docs-index-for-reader.md, training_method/partial-zh-rlhf-beside-hanzi.md)
    rf"{LATIN_BEFORE}RLHF{LATIN_AFTER}",
    r"\bRLAIF\b",  # "RLAIF": RLAIF (phrases/training-method-objectives.md)
    # "reinforcement learning": reinforcement learning (training_method/partial-stages-without-code.md)
    r"\breinforcement learning\b",
    r"\breward model",  # "reward model": a reward model (phrases/training-method-objectives.md)
    # "DPO": a preference or RL algorithm, abbreviated (training_method/absent-docs-index-for-reader.md)
    rf"{LATIN_BEFORE}(?:DPO|PPO|GRPO|ORPO|KTO|SimPO|IPO|RPO|C-RLFT){LATIN_AFTER}",
    # "direct preference optimization": preference optimization, spelled out (phrases/training-method-objectives.md)
    r"\b(?:direct |odds ratio |reward-aware )?preference optimi[sz]ation\b",
    r"\brejection sampling\b",  # "rejection sampling": rejection sampling (phrases/training-method-objectives.md)
    # "knowledge distillation": distillation (phrases/training-method-objectives.md)
    r"\b(?:knowledge )?distill(?:ed|ation)\b",
    # "continued pre-training", "We continue pre-training": continued pre-training, in any tense
    # (phrases/training-method-objectives.md, training_method/partial-continue-pretraining-present.md)
    r"\bcontinu(?:e|es|ed|ing|al|ally|ous(?:ly)?) (?:pre-?)?train\w*",
    # "multi-stage": a multi-stage procedure (phrases/training-method-objectives.md)
    # not the data's processing: "multi-stage filtering" (the absent-multi-stage-data-cleaning fixture)
    r"\b(?:two|three|multi)[- ]stage\b(?!\s+(?:data\s+)?(?:filter|clean|dedup|process|curat|pipeline))",
    # "trained in three stages": a count of stages (training_method/partial-stages-and-named-losses.md)
    r"\bin (?:two|three|four|five|several|multiple|\d) (?:consecutive |successive )?(?:stages|phases)\b",
    # "stage 1": a numbered stage, not DeepSpeed's "ZeRO stage 3" (phrases/training-method-objectives.md)
    r"(?<!ZeRO )(?<!ZeRO-)\b(?:stage|phase) [1-3]\b",
    # "multi-task fine-tuning": multi-task fine-tuning (phrases/training-method-objectives.md)
    r"\bmulti-?task (?:prompted )?fine-?tun\w*",
    r"\bcurriculum learning\b",  # "curriculum learning": curriculum learning (phrases/training-method-objectives.md)
    # "context extension": a context-length extension stage (phrases/training-method-objectives.md)
    r"\bcontext (?:length )?extension\b",
    r"\b(?:Q?LoRA)\b",  # "lora": LoRA or QLoRA (training_method/partial-stage-tags-template.md)
    # "Masked language modeling", "masked-language modelling": masked or causal language modelling
    # (training_method/partial-masked-lm-objective.md, training_method/partial-hyphenated-mlm-task.md)
    r"\b(?:masked|causal|autoregressive|permutation)[- ]language[- ]modell?ing\b",
    # "used as training tasks": tasks used as the objective (training_method/partial-masked-lm-objective.md)
    r"\bused as (?:the |our )?(?:pre-?)?training (?:tasks?|objectives?)\b",
    # "trained as a causal language model": trained as a kind of language model (phrases/training-method-objectives.md)
    r"\btrained as an? (?:autoregressive|causal|masked|bidirectional|unidirectional|denoising) (?:language )?model\b",
    # objectives and losses beyond language models, and loss classes named in training logs
    r"\b(?:contrastive|triplet|InfoNCE|CTC|ranking|hinge|focal|perceptual|adversarial|distillation|diffusion|denoising"
    r"|reconstruction|KL)[- ]loss\b",  # "contrastive loss" (training_method/complete-named-loss-and-training-doc.md)
    # "masked autoencoding objective", "MSE loss", "next-patch prediction": a loss or objective named by its kind
    # (training_method/partial-objectives-in-words.md)
    r"\b(?:MSE|L[12]|mean squared error|mean absolute error|Huber|sigmoid|softmax|NLL|negative log-likelihood|BCE"
    r"|binary cross-entropy|margin|classification|regression|masked [\w-]{3,20}|auto-?encoding|diffusion|denoising"
    r"|alignment|consistency|VQ|commitment|dice|IoU|GIoU|segmentation|detection)[- ](?:objective|loss)(?:es)?\b",
    # "next-patch prediction": a prediction objective (training_method/partial-objectives-in-words.md)
    r"\b(?:next|masked)[- ][\w-]{3,20} prediction\b|\b(?:epsilon|noise|velocity|v)[- ]prediction\b",
    # "trained contrastively", "behaviour cloning", "adversarial training": a way of training named in words
    # (training_method/partial-objectives-in-words.md, training_method/partial-adversarial-training.md)
    r"\btrained contrastively\b|\bbehaviou?r(?:al)? cloning\b|\bimitation learning\b"
    r"|\badversarial(?:ly)? train(?:ing|ed)\b",
    # "minimise the mean squared error": a minimised error (training_method/partial-objectives-in-words.md)
    r"\b(?:minimi[sz]e|minimi[sz]ing|maximi[sz]e|maximi[sz]ing) (?:the )?(?:mean squared|mean absolute|squared|absolute"
    r"|reconstruction|prediction) error\b|\bmaximum likelihood\b",
    # "reconstruction, KL and adversarial losses": losses listed by kind
    # (training_method/partial-stages-and-named-losses.md)
    rf"\b{LOSS_KIND}(?:,\s*{LOSS_KIND}){{0,5}},?\s+(?:and|or|plus)\s+{LOSS_KIND}\s+(?:losses|objectives)\b",
    # "the VITS objective": an objective named after the method that introduced it
    # (training_method/partial-stages-and-named-losses.md)
    r"\bthe (?-i:[A-Z][A-Za-z0-9-]{1,20}) (?:training )?(?:objective|loss)\b",
    # "TripletMarginLoss": a loss class (training_method/complete-named-loss-and-training-doc.md)
    r"\b(?-i:[A-Z][A-Za-z]{2,60})Loss\b",
    # "loss: CrossEntropy": a loss key naming its class (phrases/training-method-objectives.md); not a logged
    # value in a Trainer's results table ("Training Loss: No log")
    r"(?<!training )(?<!validation )(?<!train )(?<!eval )\bloss\s*[:=]\s*\[?`?(?:<code>)?(?!No log\b)"
    r"(?-i:[A-Z])[A-Za-z]",
    r"\bself[- ]distill\w*",  # "self-distillation": self-distillation (phrases/training-method-objectives.md)
    # "masked image modeling": masked image or audio modelling (phrases/training-method-objectives.md)
    r"\bmasked (?:image|autoencoder|audio|signal) model(?:l?ing)?\b",
    # "pre-trained to reconstruct": trained to reconstruct or predict (phrases/training-method-objectives.md)
    r"\b(?:pre-?)?trained to (?:reconstruct|predict|denoise|match|contrast)\b",
    # "hard negative mining": hard-negative mining (phrases/training-method-objectives.md)
    r"\bhard[- ]negative mining\b",
    # "flow-matching loss": a flow-matching objective (phrases/training-method-objectives.md)
    r"\bflow[- ]matching (?:objective|loss)\b",
    # "noise-prediction objective": a noise-prediction objective (phrases/training-method-objectives.md)
    r"\b(?:noise|epsilon|v-)[- ]?prediction (?:objective|loss)\b",
    r"\bscore matching\b",  # "score matching": score matching (phrases/training-method-objectives.md)
    # "with a scale- and shift-invariant loss", "pseudo-labelled by a teacher": a loss named in a training
    # sentence, self-training on pseudo-labels (training_method/partial-named-loss-and-pseudo-labels.md)
    r"\bwith (?:a|an|the) (?:[\w-]+,? (?:and |or )?){1,5}loss\b|\bpseudo-?label(?:l?ed|s|ing)?\b",
    # "connectionist temporal classification": CTC, spelled out (phrases/training-method-objectives.md)
    r"\bconnectionist temporal classification\b",
    # "预训练目标": objectives and stages in Chinese (training_method/complete-stages-and-code-zh.md)
    # "CTC 与注意力联合训练": joint CTC and attention training, in Chinese
    # (training_method/complete-zh-ctc-joint-and-script.md)
    r"CTC\s*(?:与|和|\+)\s*(?:注意力|attention)\s*(?:联合|混合)?(?:训练|损失)|联合训练|"
    r"对比学习|对比损失|自蒸馏|损失函数|去噪目标|"
    r"(?:预)?训练目标|预训练任务|掩码语言模型|掩码语言建模|"
    r"监督微调|有监督微调|指令微调|人类反馈强化学习|强化学习|奖励模型|偏好优化|拒绝采样|蒸馏|继续预训练|增量预训练|持续(?:预)?训练|二次预训练"
    r"|(?:两|多)阶段(?!的?(?:数据)?(?:清洗|过滤|去重|处理|筛选))|第[一二三]阶段|课程学习|目标函数|损失函数|下一个词预测|人类偏好对齐|对齐训练",
    # "采用掩码重建目标", "流匹配": an objective or loss the training adopts, in Chinese
    # (training_method/partial-zh-adopted-objective-and-data-mention.md)
    r"(?:采用|使用|基于)[^。，；\n]{1,20}?(?:目标|损失)(?:函数)?|流匹配",
    # "损失为各分位数的 pinball loss 之和", "流程：单阶段预训练": the loss stated, a single-stage pre-training,
    # in Chinese
    # (training_method/partial-zh-loss-stated-single-stage.md)
    r"(?:训练)?损失(?:函数)?\s*(?:为|是|采用)|(?:单|三)阶段(?:预)?训练",
)

#: Training mentioned without a stage or objective ("a fine-tuned version of X"): partial evidence only.
MENTION = any_of(
    # "fine-tuned on": fine-tuned on or with something (training_method/absent-derived-models-list.md); "fine-tuned
    # for ASR": for a task (training_method/partial-fine-tuned-for-task.md)
    r"\bfine-?tuned (?:version of|on|with|to|using|for)\b",
    # "trained from the original weights", "initialized from the pre-trained checkpoint": a run that started from
    # weights (training_method/partial-trained-from-original-weights.md)
    r"\b(?:(?:pre-?)?trained|fine-?tuned|initiali[sz]ed|continued|started) from (?:the )?(?:original|pre-?trained"
    r"|base|released|public) (?:weights|checkpoints?|models?)\b",
    # fine-tuned from a model (not the template's empty key) (training_method/absent-finetuned-from-placeholder.md)
    r"\bfine-?tuned from\b(?! model\b(?:\s?\[optional\])?\s{0,3}:?\s{0,3}$)",
    # "fine-tunes the": fine-tunes a model (training_method/complete-training-notebook.md)
    r"\bfine-?tunes (?:the|a|an)\b",
    # "This fine-tunes": this model fine-tunes (training_method/complete-training-notebook.md)
    r"\b(?:this|it|we) fine-?tunes?\b",
    r"\bby fine-?tuning\b",  # "by fine-tuning": made by fine-tuning (phrases/training-method-objectives.md)
    r"\binstruct-tuned\b",  # "Instruct-tuned": instruct-tuned (training_method/partial-fine-tuned-using-data.md)
    # "merged with the SLERP method", "merge_method: ties": how a merge made the release
    # (training_method/partial-merge-method.md)
    r"\bmerged? (?:method|using|with)\b|\bmerge_method\b",
    # an autoregressive language model (training_method/complete-trained-with-linked-code.md)
    r"\b(?:autoregressive|causal) language model\b",
    # "pre-training dataset": pre-training data or code (training_method/complete-pretraining-data-and-code.md)
    r"\bpre-?training (?:data(?:sets?)?|corpus|code|scripts?)\b",
    # "Its base model is": its base model is … (architecture/partial-base-model-sentence.md)
    r"\b(?:its|the|our) base model (?:is|was)\b",
    # "trained from scratch": trained from scratch (hyperparameters/complete-config-under-usage.md)
    r"\b(?:pre-?)?trained from scratch\b",
    # "fine-tuning on": fine-tuning on something (training_method/partial-offered-finetuning-code.md)
    r"\bfine-?tuning (?:on|of)\b",
    # "trained with": trained with or using something (training_method/complete-named-loss-and-training-doc.md)
    r"\b(?:pre-?)?trained (?:with|using)\b",
    r"\binstruction[- ]tuned\b",  # "instruction tuned": instruction-tuned (hyperparameters/partial-training-tokens.md)
    # "aligned with": aligned with something (training_method/complete-stages-and-code.md)
    r"\baligned (?:with|to|using)\b",
    r"\bfine-?tuned model\b",  # "fine-tuned model": a fine-tuned model (phrases/training-method-objectives.md)
    # "Training Procedure": a training procedure or library (training_method/absent-finetuned-from-placeholder.md)
    r"\btraining (?:strateg\w+|methods?|procedure|library|framework)\b",
    # "how the model was trained": how the model was trained (phrases/training-method-objectives.md)
    r"\bhow (?:the model|it|they) (?:was|were) trained\b",
    # "see the training logbook": a pointer to the training logs (phrases/training-method-objectives.md)
    r"\b(?:refer to|see)\b[^\n]{0,80}?\b(?:chronicles?|logbook|training logs?)\b",
    # "pre-trained with": pre-trained on or with something (training_method/complete-stages-and-code.md)
    r"\bpre-?trained (?:on|with)\b",
    # "We pre-trained it on … and fine-tuned it on …": stages with the model as their object
    # (training_method/partial-stages-with-pronoun.md)
    r"\b(?:pre-?trained|fine-?tuned|trained) (?:it|them|the model|our model) (?:on|with|using|for)\b",
    # "我们在 5 亿张图文对上训练了", "在 3 万小时的语音数据上训练": trained on something, in Chinese
    # (training_method/partial-stages-with-pronoun.md, training_method/partial-zh-adopted-objective-and-data-mention.md)
    r"我们在[^。\n]{0,60}?上(?:进行了?)?(?:预训练|训练|微调)|在[^。\n]{0,60}?(?:数据|语料|数据集)(?:上|中)(?:进行了?)?(?:预训练|训练|微调)",
    # "由 baichuan-7B 模型微调而得": made by fine-tuning or training another model, in Chinese
    # (training_method/partial-zh-fine-tuned-from-model.md)
    r"由[^。\n]{1,40}?(?:微调|精调|训练|预训练)(?:而得|而来|而成|得到)",
    # "We pretrained with": we trained with or on (tiers/weights-available-recipe.md)
    r"\bwe (?:pre-?)?train(?:ed)? (?:with|using|on)\b",
    # "We train the models on": we trained the model or our models on or with something
    # (training_method/complete-we-train-using-linked-code.md)
    r"\bwe (?:pre-?)?train(?:ed)? (?:the|our|all|both)(?: \w+)? models? (?:with|using|on)\b",
    # "codebase for distributed training": a codebase for training (phrases/training-method-objectives.md)
    r"\b(?:library|framework|codebase) for\b[^\n]{0,60}?\btraining\b",
    # "训练方法": trained or fine-tuned into, in Chinese (training_method/complete-stages-and-code-zh.md)
    r"(?:基于|在)[^。\n]{0,60}(?:微调|训练)(?:而成|得到)|微调(?:而成|得到|版本)|预训练(?:而成|得到)|训练(?:策略|方法|细节|过程|流程)",
    # "进行了监督微调": training carried out, in Chinese (training_method/complete-stages-and-code-zh.md)
    r"进行[^。；\n]{0,30}?(?:预训练|训练|微调)|(?:单向|双向|自回归)语言模型",
    # trained from scratch, late in the sentence (training_method/partial-trained-on-data-from-scratch.md)
    r"\btrained\b[^.\n]{0,80}?\bfrom scratch\b",
    # "commands we used for training": the commands we used to train (training_method/complete-commands-we-used.md)
    r"\b(?:commands?|scripts?|settings?|configs?) (?:that )?we used (?:for|to) (?:pre-?)?train",
    r"\b(?:pre-?)?trains? (?:on|with)\b",  # "trains on": trains on or with (phrases/training-method-objectives.md)
    # "in the training section of the technical report": a pointer to where the training is described
    # (training_method/partial-pointer-to-report-training-section.md)
    r"\btraining\s+(?:section|details|part|chapter)\s+(?:of|in)\s+(?:the|our)\s+(?:technical\s+)?(?:report|paper)\b"
    r"|\b(?:technical\s+)?(?:report|paper)\s+for\s+(?:the\s+|more\s+)?training\s+details\b",
    # "详见技术报告中的训练部分": a pointer to the report's training part, in Chinese
    # (training_method/partial-pointer-to-report-training-section.md)
    r"(?:技术报告|论文)中?的?训练(?:部分|章节|细节)",
    # "aims to pretrain": aims to pre-train (training_method/partial-aims-to-pretrain.md)
    r"\b(?:aims?|set out) to (?:pre-?)?train\b",
    # "used to further finetune Magpie series": data said used to fine-tune the release (not "can be used to")
    # (training_method/partial-data-used-to-fine-tune.md)
    r"(?<!can be )(?<!could be )\bused to (?:further |first )?fine-?tune\b",
)

#: A pointer to the paper, report or blog for the training ("See [our paper](…) for details"), under a training
#: heading: a generic pointer, partial evidence only.
POINTER = any_of(
    # "See our paper for details": a pointer to a paper, report or blog (training_method/partial-paper-pointer-only.md)
    r"\b(?:see|refer to|described in|detailed in|details (?:are|can be found) in)\b[^.\n]{0,60}\b(?:paper|report|blog)",
    # "See our preprint ([bioRxiv …](…)) for training details": a preprint or publication
    # (training_method/partial-preprint-pointer.md)
    r"\b(?:see|refer to|described in|detailed in|details (?:are|can be found) in)\b[^.\n]{0,60}\b(?:preprint"
    r"|publication|manuscript|arxiv|biorxiv|medrxiv|supplementary (?:information|materials?|methods))",
    # "详见论文": see the paper or report, in Chinese (training_method/partial-paper-pointer-only.md)
    r"(?:详见|参见|请见|见)[^。\n]{0,20}(?:论文|技术报告)",
)
#: A pointer's sentence that says what it points to is the method or the training.
# "a detailed description of the method" (training_method/partial-pointer-for-the-method.md)
POINTER_FOR_METHOD = any_of(r"\b(?:the|our) (?:training )?(?:method|methodology|training (?:details|procedure))\b")
#: A training heading ("Training", "训练"): where such a pointer is about the training.
TRAINING_HEADING = any_of(r"\btrain", r"训练")  # "Training", "训练" (training_method/partial-paper-pointer-only.md)

#: Checkpoints released along the run trace the procedure, in part only (partial-intermediate-checkpoints.md):
#: they never make the method complete, whatever code is linked.
INTERMEDIATE_CHECKPOINTS = any_of(
    r"\bintermediate (?:training |pre-?training )?checkpoints\b",
    r"中间(?:过程的?)?\s*(?:模型|checkpoints?)",
)

#: Front-matter tags that name a training stage of the release (``tags: [sft, lora]``): partial evidence only.
# a training-stage tag in the front matter (a tag's value)
STAGE_TAG = any_of(r"^(?:sft|lora|qlora|dpo|orpo|kto|ppo|grpo|rlhf)$")  # "sft": a tag (phrases/training-method-code.md)

#: Text that speaks to the reader about training *their* model ("fine-tune your models with SFT",
#: a documentation index: "Training: the instructions for post-training"): not this release's procedure.
READER_TRAINING = any_of(
    # "instructions for post-training": training offered to the reader (training_method/absent-docs-index-for-reader.md)
    r"\bfine-?tun\w* your (?:own )?models?\b|\byour (?:own )?models? with\b|\binstructions for (?:post-"
    r"|pre-)?training\b",
)

#: Statements that the training code or recipe of the release is available.
CODE_STATEMENT = any_of(
    # "released: [Training code": training code or recipe released (training_method/complete-stages-and-code.md)
    r"\b(?:provide|release|open-?source|publish|share)[sd]?\b[^\n]{0,80}?\b(?:pre-?training|training"
    r"|fine-?tuning)\b[^\n]{0,80}?\b(?:code|scripts?|recipes?|pipeline|configs?|instructions)\b",
    # "Training code and configs are in [petrel-plm](…)", "the training app is at": where the training code is
    # (training_method/complete-code-is-in-repo.md, training_method/complete-training-app-is-at-link.md)
    r"\b(?:pre-?)?training\s+(?:code|scripts?|recipes?|configs?|apps?|pipeline|implementation|codebase"
    r"|repo(?:sitory)?)(?:\s+and\s+(?:configs?|scripts?|code|recipes?))?"
    r"\s+(?:is|are)\s+(?:(?:available\s+|provided\s+)?(?:in|at|on|under)|here)\b",
    # "Clone the training code": get the training code (phrases/training-method-code.md)
    r"\b(?:set ?up|clone|get|download|install) (?:the )?(?:pre-?)?training code\b",
    # "training code and confi…": the training code said available (training_method/complete-stages-and-code.md)
    r"\b(?:pre-?)?training (?:code|scripts?|recipes?|configs?)\b[^\n]{0,60}?\b(?:is|are) (?:available|provided"
    r"|released|open)\b",
    # "Training code:": a training code label line (phrases/training-method-code.md)
    r"^\s*(?:pre-?)?training (?:code|scripts?|recipes?)\s*:?\s*$",
    # "Training code: [distillation/](…)", "Training code: our Megatron fork at [repo](…)": a label with the link or
    # path after it (training_method/complete-training-code-label-with-link.md,
    # training_method/complete-training-code-label-then-fork-link.md)
    r"^\W{0,4}(?:pre-?)?training (?:code|scripts?|recipes?|configs?)\W{0,4}[:：]\s*"
    r"(?:[^\[\n]{0,40}?\b(?:at|in|on|from)\s+)?(?:\[|https?://|`)",
    # "This repository contain…": this repository holds the training code (phrases/training-method-code.md)
    # "This repository hosts data and training code": this repository holds the training code
    # (training_method/partial-repository-hosts-training-code.md)
    r"\b(?:this|the|our) repo(?:sitory)? (?:contains|hosts|holds|includes|provides)\b[^.\n]{0,40}?\b(?:pre-?)?training"
    r" (?:code|scripts?)\b",
    # "The code for all three stages is": the code of the release's training stages
    # (training_method/complete-code-for-all-stages.md)
    r"\b(?:code|scripts?)\s+for\s+(?:all|both|each|the)\s+(?:(?:two|three|four|\d)\s+)?(?:training\s+)?stages\b",
    # "scripts to reproduce": code or instructions to train or reproduce (phrases/training-method-code.md)
    r"\b(?:code|scripts?|instructions) (?:for|to) (?:pre-?train|train|reproduce)\w*\b",
    # "reproduce our runs": reproduce our runs (phrases/training-method-code.md)
    r"\breproduce (?:our|the) (?:fine-?tuning |training |pre-?training )?runs\b",
    # "used the code from": used the code from somewhere (phrases/training-method-code.md)
    r"\b(?:used|using|with) (?:the )?code (?:available )?(?:from|on|at)\b",
    # "To launch training": to launch training (phrases/training-method-code.md)
    r"\bto (?:launch|start|run) (?:the )?(?:pre-?)?training\b",
    # "the `train_lark` notebook": a training notebook (training_method/complete-training-notebook.md)
    r"\b(?:the|our|this) `?(?:pre-?)?train(?:ing)?(?:[_-]\w{1,40})?`? notebooks?\b",
    # training code released, in Chinese (training_method/complete-stages-and-code-zh.md)
    r"(?:提供|开源|发布|更新)了?[^。\n]{0,50}(?:训练代码|训练脚本|训练方案|预训练代码)",
    # "The training script is [run_speech_recognition_seq2seq.py](…)": a file the text calls the training script
    # (training_method/complete-named-training-script.md)
    r"\b(?:the|our) (?:pre-?)?training (?:script|code|notebook) (?:is|was)\s*:?\s*\[?`?[\w-]+\.(?:py|sh|ipynb)\b",
    # "Main repo (training and data):": a repository labelled as training (phrases/training-method-code.md)
    r"\b(?:core |main |code )?repo(?:sitory)?\b[^\n]{0,10}\((?:[^()\n]{0,20}\b)?training\b[^()\n]{0,60}\)\s*:",
    # "https://github.com/acme/x (training and inference code)": a link labelled as the training code
    # (training_method/complete-repository-labelled-training-code.md)
    r"\((?:[^()\n]{0,30}\b)?(?:pre-?)?training\b[^()\n]{0,30}\bcode\)",
    # "训练脚本见 `examples/aishell/run.sh`": where the training script is, in Chinese
    # (training_method/complete-zh-ctc-joint-and-script.md)
    # "训练脚本：examples/…/run.sh": with a colon (training_method/complete-training-code-label-with-link.md)
    r"(?:训练脚本|训练代码|训练配置|配置文件)\s*(?:[:：]|见|位于|在|请见|参见)\s*[\[`]?[\w./-]+\.(?:sh|py|ya?ml|json)\b",
    # "训练代码均已发布": training code released, in Chinese (extras/open-zh.md)
    r"(?:训练代码|训练脚本|训练方案)[^。\n]{0,10}(?:已|均)?(?:开源|发布|提供)",
)

#: "trained using [Library](github.com/…)", "we used the code available on [Repo](…)": the code the release was
#: trained with.
TRAINED_WITH = any_of(
    # "fine-tuned with the [": trained with a linked tool (training_method/partial-fine-tuned-with-data-link.md)
    r"\b(?:trained|fine-?tuned|pre-?trained)\b[^.\n]{0,100}?\b(?:using|with|via)\b[^.\[\n]{0,40}\[",
    # "We train the models on TPUs using [": we train, in the present, with a linked tool
    # (training_method/complete-we-train-using-linked-code.md)
    r"\bwe (?:pre-?)?train\b[^.\n]{0,100}?\b(?:using|with|via)\b[^.\[\n]{0,40}\[",
    # "used the code from [our": used the code at a link (phrases/training-method-code.md)
    r"\b(?:used|using|with) (?:the )?code\b[^.\[\n]{0,40}\[",
)
#: The link after it: a repository on a code host, not a dataset kept there.
# "[TRL](https://github.co…": a link to a GitHub or GitLab repository (training_method/partial-general-library-link.md)
CODE_HOST_LINK = any_of(r"\[[^\]]{1,100}\]\(https?://(?:www\.)?(?:github\.com|gitlab\.com)/[^()\s]{1,300}\)")
DATA_LINK = any_of(
    # "data": a link to data, not code (training_method/absent-derived-models-list.md)
    r"\bdata(?:sets?)?\b|\bcorp(?:us|ora)\b|\bexamples\b|\bsamples\b|\bconversations?\b|\bdialog(?:ue)?s?\b"
    r"|\binstruction (?:set|pairs)\b",
    r"\.jsonl?\b|\.csv\b|\.parquet\b",  # ".jsonl": a link to a data file (training_method/absent-user-finetune-only.md)
)
#: What the link is introduced as: the words between "using"/"with"/"code" and the link.
# the words before a link (matched on a prefix of the sentence)
LINK_INTRO = any_of(r"\b(?:using|with|via|code)\b[^.\[\n]{0,40}\[$")  # "code from [" (phrases/training-method-code.md)

#: General-purpose training libraries: "trained using [TRL](…)" names a tool, not the release's training code.
GENERAL_LIBRARY = any_of(
    # "github.com/huggingface/…": a general-purpose training library (training_method/partial-general-library-link.md)
    r"github\.com/(?:huggingface/(?:trl|transformers|peft|accelerate|alignment-handbook)|microsoft/deepspeed"
    r"|pytorch/(?:pytorch|torchtune)"
    r"|hiyouga/llama-?factory|(?:axolotl-ai-cloud|openaccess-ai-collective)/axolotl|unslothai/unsloth"
    r"|nvidia/nemo)(?:[/#?)]|$)",
)

#: Links to the training code: by their text ("[Training code](…)") or a repository named for training.
CODE_LINK_TEXT = any_of(
    # "Training Code": a training code link text (training_method/complete-pretraining-data-and-code.md)
    r"\b(?:pre-?)?training (?:code|scripts?|recipes?)\b",
    # "steps to train": steps or docs for training (phrases/training-method-code.md)
    r"\b(?:steps|instructions|guide|guidance|docs?) (?:for|to) (?:pre-?)?train",
    # "training and fine-tuning instructions": training and fine-tuning docs (phrases/training-method-code.md)
    r"\btraining (?:&|and) fine-?tuning (?:guid|instruct|doc)",
    # "training tutorial": a training guide or tutorial (phrases/training-method-code.md)
    r"\btraining (?:guide|guidance|instructions|docs?|tutorial)\b",
    # "训练代码": a training code link text in Chinese (training_method/complete-stages-and-code-zh.md)
    r"训练代码|训练脚本|训练教程",
)
#: A link to the repository's own training instructions or training folder: ``TRAINING.md``, ``src/x/train``.
CODE_DOC = any_of(
    # "/TRAINING.md": a training document or folder link (phrases/training-method-code.md)
    r"(?:^|/)(?:TRAIN(?:ING)?|PRE-?TRAIN(?:ING)?|FINE-?TUN(?:E|ING)|REPRODUC\w*)\.md$"
    r"|^(?!https?:)(?:\./)?[\w./-]{0,200}/(?:train|training|pretrain|finetune)/?$",
    # "docs/Train_coco_data.md": a guide to training on a named dataset, not the reader's own
    # (training_method/complete-training-guide-per-dataset.md)
    r"(?:^|/)(?:pre-?)?train(?:ing)?[_-](?!custom|your|own|user)[\w-]{1,40}\.md$",
    # "README.md#reproducing-training": a link to the section of a document on reproducing the training
    # (training_method/complete-link-to-reproducing-training.md)
    r"\.md#[\w-]{0,30}(?:reproduc|replicat)\w*[-_][\w-]{0,20}train",
)
# "github.com/acme/acme-train/tree": a repository named for training (extras/open-full.md)
CODE_REPO = any_of(r"github\.com/[\w.-]{1,100}/[\w.-]{0,100}train[\w.-]{0,100}(?:/|$)")

#: Commands that launch training, in code blocks of release sections.
COMMAND = any_of(
    # a distributed launcher running a training script (training_method/absent-finetune-demo-title.md)
    r"\b(?:torchrun|deepspeed|accelerate launch|sbatch|mpirun)\b[^\n]{0,200}?\b(?:train|pretrain|finetune|sft|dpo|orpo"
    r"|run_)\w*",
    # "python finetune": a python training script (hyperparameters/absent-user-finetune-example.md)
    r"\bpython3?\s+(?:-m\s+)?\S*(?:train|pretrain|finetune|sft|dpo|mesh_transformer_main)\w*",
    # "bash scripts/pretrain_kestrel.sh": a bash training script (hyperparameters/complete-reproduce-own-training.md)
    r"\bbash\s+\S*(?:train|pretrain|finetune|sft)\S*\.sh\b",
    # "--config configs/kestre…": a gin or YAML config flag (hyperparameters/complete-config-under-usage.md)
    r"--gin_file|--config(?:_file)?\s+\S+\.ya?ml",
)

#: "Training Data", "Training hyperparameters": a placeholder there belongs to that criterion (RL304, RL504), not to
#: this one.
OTHER_CRITERION_SECTION = any_of(  # a data or hyperparameter heading (recipe-only.md, open-reproducible-zh.md)
    r"\bdata\b", r"\bdatasets?\b", r"\bcorp(?:us|ora)\b", r"\bhyper-?param", r"数据|语料|超参数"
)


#: How a finding names each missing element.
HINTS = {
    "objective and procedure": "the training objective and stages",
    "code or recipe": "the training code or a detailed recipe",
}

#: What a withholding sentence names: "we do not disclose the …" (closed-not-disclosed.md, closed-withheld-zh.md).
SUBJECT = [
    # training details, named in a withholding sentence (training_method/absent-finetuned-from-placeholder.md);
    # "our proprietary dataset and training scheme" (training_method/closed-proprietary-data-and-scheme.md)
    r"\btraining (?:details|recipes?|procedures?|methods?|methodolog(?:y|ies)|code|process(?:es)?|objectives?"
    r"|pipelines?|schemes?)\b|\b(?:adaptation|fine-?tuning|alignment|post-?training) (?:methods?|recipes?|procedures?"
    r"|pipelines?)\b",
    # how the model was trained, in a withholding sentence (phrases/training-method-objectives.md)
    r"\bhow (?:the model|it) was trained\b",
    # "trained using proprietary": trained with proprietary methods (phrases/training-method-withheld.md)
    r"\btrained (?:using|with) proprietary\b",
    # "trained with a proprietary training scheme" (training_method/closed-proprietary-scheme.md)
    r"\b(?:proprietary|internal|confidential) (?:training )?(?:scheme|recipe|pipeline|procedure|method)\b",
    # "训练细节", "训练方案": training details or scheme in Chinese, in a withholding sentence
    # (training_method/closed-withheld-zh.md, training_method/closed-zh-scheme-not-public.md)
    r"训练细节|训练方法|训练代码|训练过程|训练方案|训练策略|训练流程",
]

#: Section headings (placeholder text alone under one is reported): "## Training procedure", "## Training", 训练方法.
SECTIONS = [
    # "Training Details": a training procedure heading (training_method/absent-finetuned-from-placeholder.md)
    r"\btraining (?:procedure|details|method|recipe)\b",
    r"\btraining\b",  # "Training": a training heading (training_method/absent-docs-index-for-reader.md)
    # "训练细节": a training heading in Chinese (training_method/closed-withheld-zh.md)
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
    """True when the clause of the hit offers training to the reader rather than telling what was done: "pre-trained
    on GuacaMol, and can be fine-tuned to your tasks" tells what was done, then offers more."""
    if hit.block is None:
        return False
    clause = (hit_clause(hit) if hit.quote else "") or hit.block.text  # no quote: the whole block
    return bool(USER_TRAINING.search(clause) or READER_TRAINING.search(clause))


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
    code += [h for h in shown_training_code(card) if h.element == "code or recipe"]
    return code + code_links(card)


#: The sentence before a code block that says the release was trained with it ("The released model was trained
#: with the following code:").
# "was trained with the following code", "can be trained using the following script": code shown as what trained
# the release (training_method/complete-shown-training-code.md, training_method/complete-can-be-trained-with-script.md)
SHOWN_CODE_INTRO = any_of(
    r"\b(?:was|were|is|are|been|be)\s+(?:pre-?)?(?:trained|fine-?tuned)\s+(?:\S+\s+){0,3}?(?:with|using|by)\s+(?:exactly\s+)?"
    r"(?:(?:the\s+)?(?:following|this|these|below)\b|(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:code|scripts?|config(?:uration)?"
    r"|commands?|settings)\s+(?:below|above)\b)",
    # "The commands below are the ones used for the released checkpoints"
    # (training_method/complete-commands-used-for-released-checkpoints.md)
    r"\b(?:used|run|ran) (?:for|to (?:train|produce|create)) (?:the |this |our |all )?"
    r"(?:released|final|published|public) (?:checkpoints?|models?|weights)\b",
    # "The model is trained with PPO:": a statement of how the model was trained that ends in a colon, the code
    # after it being that training (training_method/complete-trained-with-colon-then-code.md)
    r"\b(?:the|this|our) (?:model|agent|policy|network) (?:is|was) (?:pre-?)?trained (?:with|using) [^.:\n]{1,60}:\s*$",
)
#: A loss named in that code (``loss="sparse_categorical_crossentropy"``): the objective.
# "loss=": a loss argument in training code (training_method/complete-shown-training-code.md)
LOSS_IN_CODE = any_of(
    r"\bloss\s*[:=]\s*[\"']?[\w.]{0,40}(?:crossentropy|cross_entropy|mse|mean_squared_error|mae|hinge|huber|focal|dice"
    r"|bce|nll|ctc|kl_?div\w*)"
)


def shown_training_code(card: Card) -> list[Hit]:
    """Code blocks the sentence before them calls the code that trained the release: the code, and the loss
    named in it as the objective."""
    hits: list[Hit] = []
    is_release = release_sections(card)
    before = None
    for block in card.blocks:
        if (
            block.kind == "code"
            and before is not None
            and before.section is block.section
            and is_release(block.section)
        ):
            if SHOWN_CODE_INTRO.search(before.text) and not for_reader(Hit("", before.line, "", before)):
                hits.append(Hit("code or recipe", block.line, one_line(block.text)[:80], block))
                loss = LOSS_IN_CODE.search(block.text)
                if loss:
                    hits.append(Hit("objective and procedure", block.line_at(loss.start()), loss.group(0), block))
        if block.kind not in ("code", "html"):  # a <details> wrapper between the sentence and its code is markup
            before = block if block.kind != "heading" else None
    return hits


#: An objective named by a flag of the release's own training command (``run_pretrain.py … --mlm``).
OBJECTIVE_FLAG = any_of(
    # "--mlm": the masked-language-modelling flag of a training command
    # (training_method/complete-pretrain-command-mlm-flag.md)
    r"(?<![\w-])--mlm(?![\w-])",
)


#: A hyperparameter heading: values under it are settings, not a description of the training.
HYPERPARAMETER_HEADING = any_of(r"\bhyper-?param", r"超参数")  # "Training hyperparameters", 训练超参数
#: A line labelled as the training ("Training: AdamW, lr 2e-4 …", "训练：…").
TRAINING_LABEL = any_of(
    r"^\W{0,4}(?:training|训练)\s*[:：]"
)  # "训练：AdamW" (training_method/partial-recipe-without-objective.md)


def _stated_as_training(hit: Hit) -> bool:
    """A value given as the description of the training: under a training heading that is not a hyperparameter
    heading ("训练细节"), or on a line labelled "Training:" / "训练：" (a hyperparameter table alone is not)."""
    block = hit.block
    if block is None:
        return False
    title = block.section.title if block.section is not None else ""
    under_training = bool(TRAINING_HEADING.search(title)) and not HYPERPARAMETER_HEADING.search(title)
    return under_training or bool(TRAINING_LABEL.search(block.text))


#: The release's own training told in its own voice: "we train it on", "is initialized from".
OWN_TRAINING = any_of(
    # "and we train it on a mixture of …": we trained the release
    # (training_method/partial-own-voice-in-fine-tune-section.md)
    r"\bwe (?:pre-?|fine-?)?train(?:ed)? (?:it|them|this model|the model|our models?)\b",
    # "We train latent diffusion models, replacing the U-Net backbone …": we trained models of a named kind
    # (training_method/partial-we-train-kind-of-models.md)
    r"\bwe (?:pre-?)?train(?:ed)? (?!(?:multiple|many|several|different|various|all|\d+)\b)"
    r"(?:[\w-]{1,30} ){1,3}models\b",
    # "This reranker is initialized from xlm-roberta-base" (training_method/partial-own-voice-in-fine-tune-section.md)
    r"\b(?:this|the|our) [\w-]{1,30} (?:is|was|are|were) initiali[sz]ed (?:from|with)\b",
    # "To train Graphormer-Base on PCQM4Mv2 dataset:": how the named model itself is trained, also under "Usage"
    # (training_method/partial-to-train-named-model-on-data.md)
    r"\bto (?:pre-?)?train (?-i:[A-Z])[\w.-]{1,40}(?: [\w.-]{1,20})? on (?:the )?(?-i:[A-Z0-9])",
)


#: A merge configuration (mergekit's YAML): the whole recipe of a merged release.
# "merge_method: slerp" (training_method/complete-merge-with-config.md)
MERGE_CONFIG = any_of(r"^\s*merge_method\s*:\s*\w+")


def _merge_configs(card: Card) -> list[Hit]:
    """The merge configuration given in a code block: it says exactly how the released weights were made."""
    found = scan(card, {"code or recipe": MERGE_CONFIG}, where=lambda b: b.kind == "code", skip_future=False)
    return found["code or recipe"][:1]


def _settings_given(card: Card) -> list[Hit]:
    """The run's settings given as values (a learning rate, a batch size, an optimizer or a schedule): the
    training is described in part even where no stage is named (training_method/partial-training-settings-only.md).
    A duration alone ("pre-trained on 18T tokens") is not: it says how much, not how."""
    values = stated_values(card)
    return [
        Hit("training mentioned", h.line, h.quote, h.block, h.file)
        for name in ("learning rate", "batch size", "optimizer", "schedule")
        for h in values[name][:1]
    ][:1]


def detailed_recipe(card: Card) -> list[Hit]:
    """At least four core hyperparameters given as values: one hit for each."""
    firsts = [hits[0] for hits in core_values(card).values() if hits]
    return [Hit("code or recipe", h.line, h.quote, h.block, h.file) for h in firsts] if len(firsts) >= 4 else []


#: A heading that says the model was trained with a named tool (the AutoTrain template's title).
TRAINED_WITH_TOOL = any_of(
    # "Model Trained Using AutoTrain" (training_method/partial-heading-trained-using-tool.md)
    r"\b(?:trained|fine-?tuned) (?:using|with|by) (?:the )?(?-i:[A-Z])[\w.-]+",
)


def _prose(card: Card) -> BlockFilter:
    """Release text outside code blocks."""
    return release_blocks(card, code=False)


def _find(card: Card) -> dict[str, list[Hit]]:
    """The objective or procedure named in the release's prose (strong), training merely mentioned
    (weak: a heading announces a topic, only text under it mentions training), neither offered to
    the reader; front-matter stage tags are weak mentions too."""
    prose = _prose(card)
    # what the text says, not what a URL spells (github.com/someone/RLHF names no stage)
    # the card's title is a name ("# tern-3b-finqa-lora"), not a statement of how the release was trained
    title_line = card.sections[0].line if card.sections and card.sections[0].level == 1 else 0
    strong = scan(
        card,
        {"objective and procedure": OBJECTIVE},
        where=lambda b: prose(b) and b.kind != "front_matter" and not (b.kind == "heading" and b.line == title_line),
        urls=False,
    )
    weak = scan(
        card,
        {"training mentioned": MENTION},
        where=lambda b: prose(b) and b.kind not in ("front_matter", "heading"),
        urls=False,
    )
    # a sentence in the release's own voice about how it was trained tells what was done, also in a section for
    # the reader (a "Fine-tune" how-to): "This reranker is initialized from X, and we train it on …"
    own = scan(
        card, {"training mentioned": OWN_TRAINING}, where=lambda b: b.kind in ("paragraph", "list_item"), urls=False
    )
    weak["training mentioned"] += [hit for hit in own["training mentioned"] if not READER_TRAINING.search(hit.quote)]
    # a heading that is itself a statement ("# Model Trained Using AutoTrain"), not a topic
    stated = scan(card, {"training mentioned": TRAINED_WITH_TOOL}, where=lambda b: b.kind == "heading", urls=False)
    weak["training mentioned"] += stated["training mentioned"]
    pointers = scan(
        card,
        {"pointer to details": POINTER},
        where=lambda b: (
            prose(b) and b.kind not in ("front_matter", "heading") and in_section(b.section, TRAINING_HEADING)
        ),
        urls=False,
    )
    # elsewhere, a pointer whose sentence says it is for the method ("refer to the Supplementary Information for a
    # detailed description of the method", training_method/partial-pointer-for-the-method.md)
    pointers["pointer to details"] += scan(
        card,
        {"pointer to details": POINTER},
        where=lambda b: (
            prose(b) and b.kind in ("paragraph", "list_item") and not in_section(b.section, TRAINING_HEADING)
        ),
        topic=POINTER_FOR_METHOD,
        urls=False,
    )["pointer to details"]
    release = release_blocks(card)
    flags = scan(
        card,
        {"objective and procedure": OBJECTIVE_FLAG},
        where=lambda b: release(b) and b.kind == "code" and COMMAND.search(b.text) is not None,
    )
    trace = scan(
        card,
        {"intermediate checkpoints": INTERMEDIATE_CHECKPOINTS},
        where=lambda b: prose(b) and b.kind != "front_matter",
    )
    return {
        "intermediate checkpoints": trace["intermediate checkpoints"],
        "objective and procedure": [hit for hit in strong["objective and procedure"] if not for_reader(hit)]
        + [h for h in shown_training_code(card) if h.element == "objective and procedure"]
        + flags["objective and procedure"],
        "training mentioned": [hit for hit in weak["training mentioned"] if not for_reader(hit)] + stage_tags(card),
        "pointer to details": pointers["pointer to details"],
    }


def _code_or_recipe(card: Card, facts: Facts) -> None:
    """Training code, or hyperparameter values beside a named objective; a weak mention alone is partial."""
    strong, weak = facts.found["objective and procedure"], facts.found["training mentioned"]
    code = training_code(card) + _merge_configs(card)
    # a model zoo's config column: the config that trained each checkpoint
    # (hyperparameters/complete-config-column-beside-checkpoints.md)
    code += [Hit("code or recipe", h.line, h.quote, h.block) for h in zoo_configs(card)[:1]]
    # hyperparameter values are a detailed recipe: beside a named objective or stage it completes the method, alone it
    # is one of its two elements (training_method/partial-recipe-without-objective.md)
    recipe = detailed_recipe(card)
    if not strong:
        recipe = recipe if all(_stated_as_training(hit) for hit in recipe) else []
    facts.found["code or recipe"] = code + recipe
    if not (strong or weak or code or recipe):
        weak = facts.found["training mentioned"] = _settings_given(card)
    if weak and not strong:
        facts.required.append("training mentioned")
    if facts.found["intermediate checkpoints"] and not (weak or strong or code):
        facts.required.append("intermediate checkpoints")  # partial at most
    else:
        facts.found["intermediate checkpoints"] = []
    if facts.found["pointer to details"] and not (weak or strong or code or facts.found["intermediate checkpoints"]):
        facts.required.append("pointer to details")  # a generic pointer alone: partial at most
    else:
        facts.found["pointer to details"] = []
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
