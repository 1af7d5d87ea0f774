"""RL63x lineage: for fine-tunes, adapters and re-uploads, is the base model named and what is inherited?

What it checks
  Whether the card describes a derivative: front-matter ``base_model`` (and ``base_model_relation``:
  adapter, finetune, quantized, merge), "fine-tuned from X", "a quantized version of X", "LoRA
  adapter for X", 基于 X 微调, 基座模型：X. For a derivative:
  - the base model is identified by name or hub id (otherwise RL631, absent);
  - the card says which criteria it inherits from the base ("same architecture as X", "for the
    pre-training data see the base model card", 沿用 / 继承 / 与 X 相同) — RL632 otherwise;
  - a fine-tune or adapter still documents its *own* training data (RL633) and hyperparameters
    (RL634): these come from the training-data and hyperparameter verdicts; quantised re-uploads and
    merges involve no training and are exempt.
  All present → complete; some → partial; a card that is not a derivative → n/a (nothing to
  declare; left out of the score).

Why it matters
  The European Open Source AI Index grades base and end model separately: a fine-tune of a closed
  base is not open, and naming the base is the least a derivative owes its users.

Example
  ---
  base_model: acme/acme-7b
  ---
  Fine-tuned from acme/acme-7b (same architecture and tokenizer) on 52K instructions ...

Fix
  Add ``base_model:`` to the front matter, state what is inherited, and document the fine-tuning
  data and hyperparameters.
"""

from __future__ import annotations

from repro_lint.document import Card
from repro_lint.evidence import Hit, any_of, finding, partial_score, release_facts, scan, source_quote
from repro_lint.kit import verdict_rule
from repro_lint.results import Code, CriterionResult, Evidence, Level, Severity, Verdict

BASE_MISSING = Code(
    "RL631", "lineage-base-missing", "The card describes a derivative but does not name its base model.", Severity.ERROR
)
INHERITANCE = Code(
    "RL632",
    "lineage-inheritance-unstated",
    "The card does not say what it inherits from its base model.",
    Severity.WARNING,
)
OWN_DATA = Code(
    "RL633", "lineage-own-data-missing", "A fine-tune does not fully document its own training data.", Severity.WARNING
)
OWN_HYPERPARAMETERS = Code(
    "RL634",
    "lineage-own-hyperparameters-missing",
    "A fine-tune does not fully document its own hyperparameters.",
    Severity.WARNING,
)
CODES = (BASE_MISSING, INHERITANCE, OWN_DATA, OWN_HYPERPARAMETERS)

NAME = r"\[?`?(?:[\w.-]+/[\w.-]+|[A-Za-z][\w.-]*\d[\w.-]*)"

#: Statements that name the base model.
BASE = {
    "base model": any_of(
        # "fine-tuned from heron-l…": a fine-tune or derivative of a named model (extras/finetune-lineage-complete.md)
        rf"\b(?:fine-?tuned|finetuned|adapted|distilled|quanti[sz]ed|converted|merged"
        rf"|continued pre-?training) (?:version |variant |checkpoint )?(?:of|from) (?:the )?{NAME}",
        # "built on Acme-7B": built on or initialised from a named model (phrases/lineage-derivatives.md)
        rf"\b(?:based on|built (?:on|upon)|on top of|initiali[sz]ed from) (?:the )?{NAME}",
        # "LoRA adapter for acme/acme-7b": an adapter for a named model (phrases/lineage-derivatives.md)
        rf"\b(?:lora )?adapters? (?:for|of|on) (?:the )?{NAME}",
        # "Base model: acme/acme-7b": a base model key with a model id (phrases/lineage-derivatives.md)
        rf"\bbase model\s*[:：|]\s*{NAME}",
        # "GGUF quants of acme/acme-7b.": a quantised build of a named model (phrases/lineage-derivatives.md)
        rf"\b(?:gguf|gptq|awq|exl2) (?:version|quants?|build) of {NAME}",
        # "基于 acme/acme-7b 微调": built on a named model, in Chinese (extras/finetune-zh.md)
        rf"基于\s*{NAME}.{{0,20}}(?:微调|训练|蒸馏|量化|继续预训练|增量预训练)",
        # "基座模型: acme/acme-7b": the base model named, in Chinese (phrases/lineage-derivatives.md)
        rf"(?:基座|底座|基础)模型\s*[:：为是]?\s*{NAME}",
    ),
}

#: Statements that the card is a derivative without naming the base.
DERIVATIVE = any_of(
    # "This model is a fine-tuned": this model is a fine-tune of … (architecture/partial-base-model-reference.md)
    r"\bthis (?:model|adapter|checkpoint|repo(?:sitory)?) (?:is|contains) an? (?:\w+ )?(?:fine-?tuned|quanti[sz]ed"
    r"|lora|adapter|merged?)\b",
    # "本模型为 Acme-7B 量化": this model is a fine-tune, in Chinese (phrases/lineage-derivatives.md)
    r"本模型(?:是|为).{0,10}(?:微调|量化)",
)

#: Statements of what is inherited from the base.
INHERITED = {
    "inheritance": any_of(
        # "same architecture": the same architecture or data as the base (extras/finetune-gated.md)
        r"\b(?:same|identical) (?:model )?(?:architecture|tokenizer|training data|pre-?training data|vocabulary)\b",
        r"\binherit(?:s|ed)?\b",  # "inherits": inherited from the base model (phrases/lineage-derivatives.md)
        # "as in the base model": as in the base model (phrases/lineage-derivatives.md)
        r"\b(?:unchanged|as in|identical to) the (?:base|original|parent) model\b",
        # "see the base model card": a pointer to the base model's card (extras/finetune-lineage-complete.md)
        r"\b(?:refer to|see) (?:the )?(?:\w+ )?(?:base|original|parent|upstream) model(?:'s)? (?:card|documentation"
        r"|page)\b",
        # "For details on the base model": details on the base model elsewhere (phrases/lineage-derivatives.md)
        r"\bfor (?:details|information|more) (?:on|about) (?:the )?(?:base model|pre-?training)\b",
        # "与基座模型相同": inherited from the base, in Chinese (extras/finetune-zh.md)
        r"沿用|继承|与.{0,30}(?:相同|一致)|参考.{0,20}(?:模型卡|基座|原始模型|原模型)",
    ),
}

#: Relations with no training of their own: the base model's documentation covers them.
# "GGUF": a quantised, merged or converted model (phrases/lineage-derivatives.md)
NO_TRAINING = any_of(r"\bquanti[sz]ed\b|\bgguf\b|\bgptq\b|\bawq\b|\bexl2\b|\bmerge[d]?\b|\bconverted\b", r"量化|合并")


def _front_matter(card: Card) -> list[Hit]:
    value = card.front_matter_value("base_model")
    names = value if isinstance(value, list) else [value]
    return [
        Hit("base model", card.front_matter_line("base_model"), f"base_model: {n}")
        for n in names
        if n not in (None, "") and str(n).strip()
    ]


def check(card: Card, criteria: dict[str, CriterionResult]) -> Verdict:
    base = _front_matter(card) + scan(card, BASE, where=release_facts)["base model"]
    derivative = scan(card, {"derivative": DERIVATIVE}, where=release_facts)["derivative"]
    relation = str(card.front_matter_value("base_model_relation") or "")
    if not base and not derivative and not relation:
        return Verdict(Level.NOT_APPLICABLE, 0.0)  # not a derivative: nothing to declare, nothing to score
    if not base:
        line = derivative[0].line if derivative else card.front_matter_line("base_model_relation")
        return Verdict(
            Level.ABSENT,
            0.0,
            [],
            [
                finding(
                    BASE_MISSING,
                    "The card describes a derivative but does not name its base model; add `base_model:`.",
                    line,
                )
            ],
            ("base model",),
        )
    inherited = scan(card, INHERITED, where=release_facts)["inheritance"]
    evidence = [
        Evidence(h.line, source_quote(card, h.line, h.quote), h.element)
        for h in sorted(base + inherited, key=lambda h: h.line)[:4]
    ]
    first = min(h.line for h in base)
    trains = not NO_TRAINING.search(relation + " " + " ".join(h.quote for h in base))
    findings, missing = [], []
    if not inherited:
        missing.append("inheritance statement")
        findings.append(
            finding(
                INHERITANCE,
                "Say which criteria (architecture, data, method …) are inherited from the base model.",
                first,
            )
        )
    if trains:
        for criterion, code, label in (
            ("training_data", OWN_DATA, "training data"),
            ("hyperparameters", OWN_HYPERPARAMETERS, "hyperparameters"),
        ):
            result = criteria.get(criterion)
            if result is not None and result.level != Level.COMPLETE:
                missing.append(f"own {label}")
                findings.append(
                    finding(
                        code,
                        f"A fine-tune must document its own {label} (here {result.level.value}); "
                        "the base model's do not cover it.",
                        first,
                    )
                )
    if not missing:
        return Verdict(Level.COMPLETE, 1.0, evidence)
    required = 3 if trains else 1
    return Verdict(
        Level.PARTIAL, partial_score(required + 1 - len(missing), required + 1), evidence, findings, tuple(missing)
    )


LINEAGE = verdict_rule("lineage", CODES, check, doc=__doc__, weight=0.0, needs_verdicts=True, opt_in=True)
RULE, repro_lint_rules = LINEAGE.rule, LINEAGE.hook
