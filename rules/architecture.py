"""RL1xx architecture: does the card say what the model *is*, well enough to rebuild it?

What it checks
  Four elements, each with concrete evidence in the card (prose, tables, front matter or a link to
  the model's own config):
  - model type: decoder-only, encoder, encoder-decoder, mixture-of-experts, diffusion, state-space …
  - parameter count: "7B", "1.3 billion parameters", "参数量 70 亿";
  - key dimensions: number of layers, hidden size, attention heads (with their values);
  - context length or tokenizer / vocabulary size.
  A size seen only in a heading or a badge/license link ("# Acme-7B") is the model's name: it
  counts beside other facts, never alone. The vocabulary is organised by model kind (language,
  vision, speech/audio, diffusion, embedding, time series: ViT/Conformer/U-Net/DiT, depth, patch
  size, channels, sample rate, input resolution, prediction length). Table columns name quantities
  (a unit in the header, "Params (M)", applies to the numbers below); config code blocks in
  release sections count; news, usage and citation sections do not.
  All four → complete; some → partial (RL102); none → absent (RL101); "the architecture is not
  disclosed" → closed (RL103). A heading with only placeholder text under it is RL104.

Why it matters
  A parameter count and the word "transformer" are not an architecture. Without layers, widths
  and context length nobody can reproduce, audit or even fairly compare the model.

Example
  ## Model details
  Llama-style decoder-only transformer, 7B parameters, 32 layers, hidden size 4096,
  32 attention heads, 4096-token context, 32k SentencePiece vocabulary.

Fix
  Add a "Model architecture" section or table with the type, parameter count, layers, hidden size,
  heads and context length, or link the exact config.json of the released model.
"""

from __future__ import annotations

from repro_lint.document import Block, Card, Role
from repro_lint.evidence import EXAMPLE_PATH, Hit, any_of, criterion_codes, link_hits, release_sections, scan
from repro_lint.kit import Facts, criterion_rule

CODES = criterion_codes("RL1", "architecture", "architecture")

NUM = r"\d[\d,.]{0,30}"  # bounded: a long run of digits must not cost quadratic time

#: Evidence for each required element, organised by model kind (English and Chinese). The rubric's
#: elements are the same for every kind; what names them differs: a language model has layers, heads
#: and a context length, a vision model a depth, patch size and input resolution, a speech model a
#: sample rate. Adding a kind is adding an entry here, not code.
VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    "language": {
        "model type": (
            r"\bdecoder[- ]only\b",
            r"\bencoder[- ]decoder\b",
            r"\bencoder[- ]only\b",
            r"\b(?:causal|autoregressive|auto-regressive) (?:language )?model",
            r"\bmixture[- ]of[- ]experts\b",
            r"\bMoE\b",
            r"\bsparse(?:ly)?[- ]gated\b",
            r"\bdiffusion\b",
            r"\bstate[- ]space\b",
            r"\bmamba\b",
            r"\bRWKV\b",
            r"\btransformer\b",
            r"\bseq2seq\b",
            r"\b(?:BERT|GPT|T5|LLaMA|Llama|Mistral|Qwen\d*)[- ]?(?:style|like|based|architecture)",
            r"\bbase[_ ]model[ \t]*(?::|\bis\b|\bwas\b)[ \t]*[\w\[`\"'(]",
            r"\bmodel_type\s*:\s*\S",
            r"\barchitectures?\s*[:|]\s*\w",
            r"解码器|编码器|混合专家|自回归|扩散模型|Transformer\s*(?:架构|结构)",
            r"\bfine-?tuned (?:version|variant|checkpoint) of\b",
            r"\b(?:fine-?tuned|finetuned|built|based) (?:from|on(?: top of)?)\s+(?:the\s+)?(?-i:[A-Z])[\w.-]*",
            r"\b(?-i:DialoGPT|GPT-?[2-4J]?|BERT|RoBERTa|T5|LLaMA|Llama ?\d?|Mistral|Qwen\d?|Falcon"
            r"|BLOOM)\b[\w .-]{0,12}\bmodel\b",
            r"基于\s*[\w.-]+\s*(?:模型|架构|结构|基座)",
            # built on a named model, in Chinese (partial-zh-built-on-named-model.md)
            r"在\s*[A-Za-z][\w.-]{1,40}\s*(?:模型|架构)?\s*的?基础上",
            r"\b(?:autoregressive|auto-regressive|causal) transformers\b",  # plural (complete-table-and-plural-kind.md)
        ),
        "parameter count": (
            rf"(?<![\w.-]){NUM}\s?(?:(?-i:[BM])|billion|million|trillion)\b(?!\s*(?:tokens?|tok|words|examples|samples"
            rf"|images|hours|instructions|pairs|steps|GPU))",
            rf"\b[\w.]{{1,80}}-{NUM}[bBmM]\b",
            rf"\b(?:parameters?|params|#\s?params)\s*[:=|]?\s*(?:of\s+)?~?{NUM}",
            rf"{NUM}\s*(?:亿|万亿|十亿|千亿|百亿)\s*(?:参数|规模)?",
            r"参数量|参数规模|总参数",
            rf"{NUM}\s*(?:billion|million) parameters",
        ),
        "dimensions": (
            rf"\b(?:num(?:ber)?[_ ]of[_ ])?(?:hidden[_ ])?layers\s*[:=|]?\s*{NUM}",
            rf"\b{NUM}\s*(?:transformer\s+)?(?:layers|transformer blocks)\b",
            r"\b(?:(?:embedding|hidden|ffn)[_ ]?(?:size|dim(?:ension)?s?)|model[_ ]?dim(?:ension)?s?)\b[^.\n]{0,24}?\d",
            rf"{NUM}\s*层",
            rf"\b(?:(?:hidden|embedding)[_ ](?:size|dim(?:ension)?)|model[_ ]dim(?:ension)?)\s*[:="
            rf"|]?\s*(?:of\s+)?{NUM}",
            rf"\bd_?model\s*[:=|]?\s*{NUM}",
            rf"\b(?:num(?:ber)?[_ ]of[_ ])?(?:attention[_ ])?heads\s*[:=|]?\s*{NUM}",
            rf"\b{NUM}\s*(?:attention\s+)?heads\b",
            rf"\bn_(?:layers?|heads?|embd|ctx)\s*[:=|]?\s*{NUM}",
            rf"(?:层数|隐藏层(?:维度|大小)?|隐层维度|注意力头数?|头数)\s*[:=|]?\s*{NUM}",
            r"\blayers?\s*;\s*\w",
            r"\bd_model\b.{0,40}\d",
            r"(?-i:\bL\d{1,3}-D\d{2,5}\b)",
        ),
        "context or tokenizer": (
            rf"\b(?:context|sequence|seq)[_ ](?:length|window|size|len)\s*[:="
            rf"|]?\s*(?:of\s+)?(?:up to\s+)?{NUM}\s*[kK]?",
            rf"\b{NUM}\s*[kK]?[- ](?:token|tokens)?\s*context",
            rf"\bmax(?:imum)?[_ ](?:sequence|position|context)[_ ](?:length|embeddings)\s*[:=|]?\s*{NUM}",
            rf"\bvocab(?:ulary)?[_ ]?(?:size)?\s*[:=|]?\s*(?:of\s+)?{NUM}",
            r"\b(?:BPE|byte[- ]pair|SentencePiece|tiktoken|WordPiece)\b",
            rf"\btokeni[sz](?:er|ation)\b[^.\n]{{0,30}}?\b{NUM}\s*[kK]?\s*(?:tokens|vocab)",
            r"\btokeni[sz](?:er|ation)\s*[:=|]\s*\w",
            r"(?:上下文长度|上下文窗口|序列长度|词表大小|词表|分词器|词汇表)\s*[:=|]?\s*\S",
            r"\b(?:context|sequence) (?:length|window)\b[^.\n]{0,30}?\d",
            r"\bmaximum sequence length\b",
            rf"\bctx_?len\s*[:=]?\s*{NUM}",
            # a tokenizer named by reference (partial-tokenizer-by-reference.md)
            r"\b(?:uses?|used|using|adopts?|adopted)\s+(?:the\s+)?(?:same\s+)?(?:[\w./-]{1,30}\s+){0,3}tokeni[sz]er\b(?!s)",
        ),
    },
    "vision": {
        "model type": (
            r"\bViT\b",
            r"\bvision transformer\b",
            r"\bCNN\b",
            r"\bconvolutional (?:neural )?network\b",
            r"\b(?:ResNet|ResNeXt|ConvNeXt|EfficientNet|Swin|DeiT|DETR)\b",
            r"\b(?:one|single|two)[- ]stage (?:object )?detector\b",
            r"\bbackbone\s*[:|]\s*\w",
            r"卷积神经网络|视觉\s*Transformer|检测器",
        ),
        "dimensions": (
            rf"\b(?:enc(?:oder)?_|dec(?:oder)?_)?depth\s*[:=|]\s*{NUM}",
            rf"\bpatch[_ ]?size\s*[:=|]?\s*(?:of\s+)?{NUM}",
            rf"\bpatch(?:es)? of (?:size )?{NUM}",
            rf"\b(?:enc(?:oder)?_|dec(?:oder)?_)?(?:embed(?:ding)?|hidden)_dim\s*[:=|]\s*{NUM}",
            rf"\b(?:enc(?:oder)?_|dec(?:oder)?_)?num_heads\s*[:=|]\s*{NUM}",
            rf"\b(?:num_)?(?:channels|blocks)\s*[:=|]\s*{NUM}",
            rf"\b{NUM}\s*(?:channels|residual blocks|stages)\b",
            r"(?-i:\bViT-[SBLHg]/\d{1,2}\b)",
            rf"(?:通道数|深度|块大小|patch\s*大小)\s*[:=|]?\s*{NUM}",
        ),
        "context or tokenizer": (
            rf"\b(?:input|image|crop) (?:size|resolution)\b\s*[:=|]?\s*(?:of\s+)?{NUM}",
            rf"\bresolution\s*[:=|]\s*{NUM}",
            r"\b\d{2,4}\s?[x×]\s?\d{2,4}\s*(?:pixels|px|resolution|images?|inputs?)\b",
            r"\bimgsz\s*=\s*\d",
            rf"(?:输入尺寸|输入分辨率|图像尺寸|分辨率)\s*[:=|]?\s*{NUM}",
        ),
    },
    "speech and audio": {
        "model type": (
            r"\bConformer\b",
            r"\b(?:RNN-?T|transducer)\b",
            r"\bCTC\b",
            r"\bwav2vec\b",
            r"\bHuBERT\b",
            r"\bvocoder\b",
            r"\bWhisper[- ](?:style|like|architecture)\b",
            r"\bflow[- ]matching\b",
            r"语音(?:编码器|识别模型)|声码器",
        ),
        "dimensions": (
            rf"\b(?:num_)?(?:mel[_ ]?bins|n_mels)\s*[:=|]?\s*{NUM}",
            rf"\b{NUM}\s*(?:mel (?:bins|filterbanks?)|conformer (?:layers|blocks))\b",
        ),
        "context or tokenizer": (
            rf"\bsample[_ ]?rate\s*[:=|]?\s*(?:of\s+)?{NUM}",
            rf"\b{NUM}\s?k?Hz\b",
            r"\bmax(?:imum)? (?:audio|input) (?:length|duration)\b[^.\n]{0,20}\d",
            rf"采样率\s*[:=|]?\s*{NUM}",
        ),
    },
    "diffusion and generative": {
        "model type": (
            r"\bU-?Net\b",
            r"\bDiT\b",
            r"\bdiffusion transformer\b",
            r"\blatent diffusion\b",
            r"\bVAE\b|\bvariational auto-?encoder\b",
            r"\bGAN\b|\bgenerative adversarial\b",
            r"\bVQ-?VAE\b|\bVQ-?GAN\b",
            r"扩散|变分自编码器|生成对抗网络",
        ),
        "context or tokenizer": (r"\blatent (?:size|dim(?:ension)?s?|channels|resolution)\b[^.\n]{0,20}\d",),
    },
    "embedding": {
        "model type": (
            r"\b(?:bi|dual|cross|siamese)[- ]encoder\b",
            r"\bsentence[- ]transformers? model\b",
            r"\bembedding model\b",
            r"向量模型|嵌入模型",
        ),
        "dimensions": (
            rf"\b(?:embedding|output|vector) dim(?:ension)?s?\b\s*[:=|]?\s*{NUM}",
            rf"\b{NUM}[- ]dim(?:ensional)? (?:embeddings?|vectors?|dense vectors?)\b",
            rf"(?:向量|嵌入)维度\s*[:=|]?\s*{NUM}",
        ),
        "context or tokenizer": (
            rf"\bmax(?:imum)?[_ ]seq(?:uence)?[_ ](?:length|len)\s*[:=|]?\s*{NUM}",
            rf"\bmax(?:imum)? (?:input )?tokens\s*[:=|]?\s*{NUM}",
        ),
    },
    "time series": {
        "model type": (
            r"\bLSTM\b",
            r"\bGRU\b",
            r"\b(?:RNN|TCN)\b",
            r"\bpatch[- ]?TST\b",
            r"\bgraph neural network\b|\bGNN\b",
            r"\bMLP[- ]?(?:Mixer|based)\b",
        ),
        "context or tokenizer": (
            rf"\b(?:prediction|forecast(?:ing)?|context|lookback|input)[_ ](?:length|horizon|window)\s*[:="
            rf"|]?\s*(?:of\s+)?(?:up to\s+)?{NUM}",
            rf"预测长度\s*[:=|]?\s*{NUM}",
        ),
    },
}

#: One pattern per element, joined from every kind's vocabulary.
ELEMENTS = {
    element: any_of(*(alt for kind in VOCABULARY.values() for alt in kind.get(element, ())))
    for element in ("model type", "parameter count", "dimensions", "context or tokenizer")
}

#: A link to the released model's own config or modeling code defines the architecture.
CONFIG_LINK = any_of(
    r"config\.json\b",
    r"/configuration_\w+\.py\b",
    r"\.gin\b",
    r"/configs?/[\w./{}-]*\.(?:ya?ml|json)\b",
    r"/train[\w./-]*\.(?:slurm|sh)\b",
)

#: The configs that define the released model, named in text or code: ``--gin_file=…gin``, ``./configs/…``,
#: "the configs used to train the model are in …", an operative config.
CONFIG_TEXT = any_of(
    r"\b[\w./{}$-]{1,200}\.gin\b",
    r"(?<![\w-])(?:\./)?configs?/[\w./{}-]{0,200}(?:\.(?:ya?ml|json|gin|toml|py)\b|/)",
    r"\boperative[_ ]configs?\b",
    r"\b(?:configs?|config files?|params files?|parameter files?)\b[^.\n]{0,40}\b(?:used"
    r"|we used)\b[^.\n]{0,30}\b(?:train|pretrain)",
    # a model-definition YAML passed to a trainer (complete-model-yaml-in-training-command.md)
    r"(?<![\w-])(?:--)?model(?:[_-]?(?:cfg|config|def))?\s*=\s*[\w./{}-]{1,100}\.ya?ml\b",
)


#: Link targets and bare URLs; a badge or license link names the model only in passing.
URL = any_of(r"\]\([^()\s]{1,2000}\)|\bhttps?://[^\s<>()\[\]\"'`|]{1,2000}", flags=0)
BADGE_URL = any_of(r"licen[cs]e", r"\bbadge", r"shields\.io")


#: How a finding names each missing element.
HINTS = {
    "model type": "the model type (e.g. decoder-only transformer)",
    "parameter count": "the parameter count",
    "dimensions": "layers / hidden size / attention heads",
    "context or tokenizer": "the context length or tokenizer/vocabulary",
}

#: What a withholding sentence names: "we do not disclose the …" (closed-not-disclosed.md, closed-zh-not-public.md).
SUBJECT = [
    r"\barchitecture\b",
    r"\bmodel (?:structure|design|size|details)\b",
    r"模型结构|模型架构|网络结构|架构",
]

#: Headings of the architecture's own sections; placeholder text alone under one is reported (absent-placeholder.md).
SECTIONS = [
    r"\barchitecture\b",
    r"\bmodel (?:details|description|specs?|structure)\b",
    r"模型结构|模型架构|模型介绍",
]


def _weak(card: Card, hit: Hit) -> bool:
    """A size read from a heading or from a badge or license link target: the model's name, not a fact about it."""
    if hit.block is not None and hit.block.kind == "heading":
        return True
    line = card.lines[hit.line - 1] if 0 < hit.line <= len(card.lines) else ""
    badges = [m.span() for m in URL.finditer(line) if BADGE_URL.search(m.group(0))]
    at = line.find(hit.quote)
    if at < 0 or not badges:
        return False
    while at >= 0:
        if not any(start <= at < end for start, end in badges):
            return False
        at = line.find(hit.quote, at + 1)
    return True


#: Section roles whose text may describe the model: the release's own sections, and evaluation
#: tables, which often list the released variants with their sizes.
DESCRIBING_ROLES = frozenset({Role.RELEASE, Role.EVALUATION})


def describes_release(block: Block) -> bool:
    """Text that describes the release: not code, and not news, usage or citation sections.

    Model sizes in a news item ("we released X-30B") or a quick-start command say nothing about
    this model's architecture. A code block that states settings (a config, ``depth=24, num_heads=16``)
    in a release section does.
    """
    role_ok = block.section is None or block.section.role in DESCRIBING_ROLES
    return role_ok and (
        block.kind != "code"
        or (block.states_settings and block.section is not None and block.section.role is Role.RELEASE)
    )


#: Configs that set up a run, not the model: DeepSpeed / Accelerate / FSDP settings, ZeRO offloading.
RUNTIME_CONFIG = any_of(r"deepspeed|accelerate|\bfsdp|(?<![a-z])ds_|zero[_-]?[0-3]?[_-]|offload")
#: A path written as a template (``{model_name}/config.json``, ``<model>/config.json``): no particular model's config.
TEMPLATE_PATH = any_of(r"\{[^{}\s]{1,40}\}|<[^<>\s]{1,40}>")


def _defines_a_model(card: Card, hit: Hit) -> bool:
    """A config hit that may define the released model: not a runtime config, a template or an example path,
    and not in a section that serves the reader (a fine-tune-it-yourself or example section)."""
    said = card.lines[hit.line - 1] if 0 < hit.line <= len(card.lines) else hit.quote
    if RUNTIME_CONFIG.search(hit.quote) or TEMPLATE_PATH.search(hit.quote) or EXAMPLE_PATH.search(hit.quote):
        return False
    if RUNTIME_CONFIG.search(said) and not CONFIG_LINK.search(said):
        return False
    if hit.block is not None:
        section = hit.block.section
    else:
        section = next((link.section for link in card.links if link.line == hit.line), None)
    return release_sections(card)(section)


def _config_hits(card: Card) -> dict[str, list[Hit]]:
    """The released model's own config (named in the text or linked): it gives the dimensions and the
    context length, so it counts for both. A run's DeepSpeed config, a templated or example path and a
    config in a section for the reader's own fine-tuning define no model."""
    describing = scan(card, {"model config": CONFIG_TEXT}, where=_describes_release_outside_front_matter)
    configs = describing["model config"] + link_hits(card, CONFIG_LINK, "model config")
    configs = [next((hit for hit in configs if _defines_a_model(card, hit)), None)] if configs else []
    configs = [hit for hit in configs if hit is not None]  # only the first is reported: stop at it
    return {
        element: [Hit(element, h.line, h.quote, h.block) for h in configs[:1]]
        for element in ("dimensions", "context or tokenizer")
    }


def _describes_release_outside_front_matter(block: Block) -> bool:
    return block.kind != "front_matter" and (block.section is None or block.section.role in DESCRIBING_ROLES)


def _size_alone_is_a_name(card: Card, facts: Facts) -> None:
    """With no other element found, a size seen only in a heading or a badge is the model's name."""
    if not any(facts.found[name] for name in facts.required if name != "parameter count"):
        facts.found["parameter count"] = [h for h in facts.found["parameter count"] if not _weak(card, h)]


# fmt: off
ARCHITECTURE = criterion_rule(
    "architecture", CODES, doc=__doc__, elements=ELEMENTS, hints=HINTS, subject=SUBJECT, sections=SECTIONS,
    where=describes_release, extra=_config_hits, refine=_size_alone_is_a_name,
)
# fmt: on
check, RULE, repro_lint_rules = ARCHITECTURE.check, ARCHITECTURE.rule, ARCHITECTURE.hook
