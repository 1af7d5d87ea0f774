"""RL1xx architecture: does the card say what the model *is*, well enough to rebuild it?

What it checks
  Four elements, each with concrete evidence in the card (prose, tables, front matter or a link to
  the model's own config):
  - model type: decoder-only, encoder, encoder-decoder, mixture-of-experts, diffusion, state-space …
  - parameter count: "7B", "1.3 billion parameters", "参数量 70 亿";
  - key dimensions: number of layers, hidden size, attention heads (with their values);
  - context length or tokenizer / vocabulary size.
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

from repro_lint.evidence import criterion_codes, judge, link_hits, placeholder_sections, scan, withheld, words
from repro_lint.hookspecs import hookimpl
from repro_lint.model import Rule, Verdict

CODES = criterion_codes("RL1", "architecture", "architecture")

NUM = r"\d[\d,.]*"

#: Evidence patterns per required element (English and Chinese).
ELEMENTS = {
    "model type": words(
        r"\bdecoder[- ]only\b", r"\bencoder[- ]decoder\b", r"\bencoder[- ]only\b", r"\b(?:causal|autoregressive|auto-regressive) (?:language )?model",
        r"\bmixture[- ]of[- ]experts\b", r"\bMoE\b", r"\bsparse(?:ly)?[- ]gated\b", r"\bdiffusion\b", r"\bstate[- ]space\b",
        r"\bmamba\b", r"\bRWKV\b", r"\btransformer\b", r"\bseq2seq\b", r"\b(?:BERT|GPT|T5|LLaMA|Llama|Mistral|Qwen\d*)[- ]?(?:style|like|based|architecture)",
        r"\bbase_model\s*:\s*\S", r"\bmodel_type\s*:\s*\S", r"\barchitectures?\s*[:|]\s*\w",
        r"解码器|编码器|混合专家|自回归|扩散模型|Transformer\s*(?:架构|结构)",
    ),
    "parameter count": words(
        rf"\b{NUM}\s?(?:[BMK]|billion|million|trillion)\b(?!\s*(?:tokens?|tok|words|examples|samples|images|hours|instructions|pairs|steps))",
        rf"\b(?:parameters?|params|#\s?params)\s*[:=|]?\s*(?:of\s+)?~?{NUM}", rf"{NUM}\s*(?:亿|万亿|十亿|千亿|百亿)\s*(?:参数|规模)?",
        r"参数量|参数规模|总参数", rf"{NUM}\s*(?:billion|million) parameters",
    ),
    "dimensions": words(
        rf"\b(?:num(?:ber)?[_ ]of[_ ])?(?:hidden[_ ])?layers\s*[:=|]?\s*{NUM}", rf"\b{NUM}\s*(?:transformer\s+)?(?:layers|blocks)\b",
        rf"\b(?:hidden|model|embedding)[_ ](?:size|dim(?:ension)?)\s*[:=|]?\s*(?:of\s+)?{NUM}", rf"\bd_?model\s*[:=|]?\s*{NUM}",
        rf"\b(?:num(?:ber)?[_ ]of[_ ])?(?:attention[_ ])?heads\s*[:=|]?\s*{NUM}", rf"\b{NUM}\s*(?:attention\s+)?heads\b",
        rf"\bn_(?:layers?|heads?|embd|ctx)\s*[:=|]?\s*{NUM}", rf"(?:层数|隐藏层(?:维度|大小)?|隐层维度|注意力头数?|头数)\s*[:=|]?\s*{NUM}",
        r"\blayers?\s*;\s*\w", r"\bd_model\b.{0,40}\d",
    ),
    "context or tokenizer": words(
        rf"\b(?:context|sequence|seq)[_ ](?:length|window|size|len)\s*[:=|]?\s*(?:of\s+)?(?:up to\s+)?{NUM}\s*[kK]?",
        rf"\b{NUM}\s*[kK]?[- ](?:token|tokens)?\s*context", rf"\bmax(?:imum)?[_ ](?:sequence|position|context)[_ ](?:length|embeddings)\s*[:=|]?\s*{NUM}",
        rf"\bvocab(?:ulary)?[_ ]?(?:size)?\s*[:=|]?\s*(?:of\s+)?{NUM}", r"\b(?:BPE|byte[- ]pair|SentencePiece|tiktoken|WordPiece)\b",
        r"\btokeni[sz]er\b(?!\s*=)(?!\.)", rf"(?:上下文长度|上下文窗口|序列长度|词表大小|词表|分词器|词汇表)\s*[:=|]?\s*\S",
        r"\bcontext (?:length|window)\b",
    ),
}

REQUIRED = tuple(ELEMENTS)

HINTS = {
    "model type": "the model type (e.g. decoder-only transformer)",
    "parameter count": "the parameter count",
    "dimensions": "layers / hidden size / attention heads",
    "context or tokenizer": "the context length or tokenizer/vocabulary",
}

#: A link to the released model's own config or modeling code defines the architecture.
CONFIG_LINK = words(r"config\.json\b", r"/modeling_\w+\.py\b", r"/configuration_\w+\.py\b")

SUBJECT = words(r"\barchitecture\b", r"\bmodel (?:structure|design|size|details)\b", r"模型结构|模型架构|网络结构|架构")

SECTION = words(r"\barchitecture\b", r"\bmodel (?:details|description|specs?|structure)\b", r"模型结构|模型架构|模型介绍")


def check(card) -> Verdict:  # type: ignore[no-untyped-def]
    found = scan(card, ELEMENTS)
    for element in ("dimensions", "context or tokenizer"):
        found[element] += link_hits(card, CONFIG_LINK, element)
    return judge(
        card,
        CODES,
        found,
        REQUIRED,
        closed=withheld(card, SUBJECT),
        placeholders=placeholder_sections(card, SECTION),
        hints=HINTS,
    )


RULE = Rule(name="architecture", criterion="architecture", codes=CODES.all(), check=check, doc=__doc__ or "")


@hookimpl
def repro_lint_rules() -> list[Rule]:
    return [RULE]
