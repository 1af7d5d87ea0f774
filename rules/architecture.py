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
  release sections count; news, usage and citation sections do not. The released model's own
  config (linked, or named as the one used to train it) defines the model: it counts for the type,
  the dimensions and the context; a tokenizer's, generation or adapter config does not. The class
  that loads the model (``AutoModelForCausalLM``, ``XForConditionalGeneration``) names its kind,
  in a quick start too.
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
from repro_lint.evidence import DATA_UNIT, EXAMPLE_PATH, Hit, any_of, criterion_codes, link_hits, release_sections, scan
from repro_lint.kit import Facts, criterion_rule

CODES = criterion_codes("RL1", "architecture", "architecture")

NUM = r"\d[\d,.]{0,30}"  # bounded: a long run of digits must not cost quadratic time
#: Between a key and its value: a colon, equals sign or table bar, also with the quotes of a JSON or YAML
#: config around the key (``"num_hidden_layers": 32``).
KV = r"[\"']?\s*[:=|]?\s*"

#: Words that make a layer count a subset of the stack, or no count of the model's layers at all: "4 MoE layers",
#: "the last 2 trainable layers", "3 of the layers".
LAYER_SUBSET = (
    r"(?:of|and|or|the|more|in|to|for|MoE|sparse|expert|experts|frozen|trainable|unfrozen|additional|extra|new|adapter"
    r"|LoRA|last|first|top|bottom)"
)

#: Evidence for each required element, organised by model kind (English and Chinese). The rubric's
#: elements are the same for every kind; what names them differs: a language model has layers, heads
#: and a context length, a vision model a depth, patch size and input resolution, a speech model a
#: sample rate. Adding a kind is adding an entry here, not code.
VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    "language": {
        "model type": (
            # "decoder-only": the decoder-only model type (architecture/complete-config-block.md)
            r"\bdecoder[-–‐ ]only\b",
            # "a 3D neural network", "a deep learning recommendation model": a network named by its kind
            # (architecture/partial-network-named-by-kind.md)
            r"\b(?:\d[dD]|deep|graph|recurrent|convolutional|feed-?forward|spiking) neural networks?\b"
            r"|\bdeep learning (?:recommendation|ranking|forecasting) models?\b",
            # "GPT-2 implementation": an implementation of a named model family
            # (architecture/partial-network-named-by-kind.md)
            r"\b(?:GPT-?[1-4]|BERT|T5|LLaMA|ResNet|ViT|U-?Net|Transformer) implementation\b",
            # "encoder–decoder": the encoder-decoder model type, any dash (architecture/complete-en-dash-type.md)
            r"\bencoder[-–‐ ]decoder\b",
            # "encoder-only", "Wren-BERT is a 24-layer English encoder": the encoder-only model type, or the release
            # called an encoder or a decoder (phrases/architecture-language-family.md,
            # architecture/complete-release-called-an-encoder.md)
            r"\bencoder[-–‐ ]only\b|\b(?:is|are) an? (?:[\w-]+ ){0,3}(?:encoder|decoder)s?\b(?![-–‐])",
            # a causal or autoregressive language model (architecture/complete-layer-width-notation.md)
            r"\b(?:causal|autoregressive|auto-regressive) (?:language )?model",
            # "mixture-of-experts": a mixture-of-experts model, spelled out (phrases/architecture-language-family.md)
            r"\bmixture[- ]of[- ]experts\b",
            r"\bMoE\b",  # "MoE": a mixture-of-experts model, abbreviated (architecture/complete-spec-bullets.md)
            # "sparsely gated": a sparsely gated (expert) model (phrases/architecture-language-family.md)
            r"\bsparse(?:ly)?[- ]gated\b",
            r"\bdiffusion\b",  # "Diffusion": a diffusion model (phrases/architecture-diffusion.md)
            r"\bstate[- ]space\b",  # "state-space": a state-space model (phrases/architecture-language-family.md)
            r"\bmamba\b",  # "Mamba": the Mamba state-space family (phrases/architecture-language-family.md)
            r"\bRWKV\b",  # "RWKV": the RWKV recurrent family (phrases/architecture-language-family.md)
            r"\btransformer\b",  # "transformer": the transformer, named alone (architecture/complete-config-block.md)
            r"\bseq2seq\b",  # "seq2seq": a sequence-to-sequence model (phrases/architecture-language-family.md)
            # "BERT-style", "BERT-large-like": a known architecture, of a named size, as the model's style
            # (phrases/architecture-language-family.md, architecture/partial-family-size-like.md)
            r"\b(?:BERT|GPT|T5|LLaMA|Llama|Mistral|Qwen\d*)(?:[- ](?:tiny|mini|small|base|medium|large|xl|xxl))?[- ]?"
            r"(?:style|like|based|architecture)",
            # the base model named in a key or a sentence, also the card template's "Finetuned from model" key
            # (architecture/partial-base-model-reference.md, architecture/partial-template-finetuned-from-key.md)
            r"\b(?:base[_ ]model|fine-?tuned from model(?: \[optional\])?)[ \t]*(?::|\bis\b|\bwas\b)"
            r"[*_ \t]*[\w\[`\"'(]",
            # "model_type: tern", "**Model type:** text classification (RoBERTa encoder)": a config's model_type key
            # or a model card's model type field, with a value (phrases/architecture-language-family.md,
            # architecture/partial-model-type-field.md; a placeholder value is not read at all)
            r"\bmodel[_ ]type[\"']?\W{0,4}[:：]\W{0,4}\w",
            # "architecture | Setting", '"architectures": ["X"': an architecture key with a value (extras/open-full.md,
            # architecture/complete-json-config.md)
            r"\barchitectures?[\"']?\s*[:|]\s*\[?\s*[\"']?\w",
            # "编码器": a model type in Chinese (phrases/architecture-zh.md)
            r"解码器|编码器|混合专家|自回归|扩散模型|Transformer\s*(?:架构|结构)",
            # a fine-tune of a named model (type by reference), also as a noun: "a fine-tune of [X]"
            # (architecture/partial-base-model-reference.md, architecture/partial-noun-fine-tune-of.md)
            # (not "a fine-tuned version of [None](…)": a Trainer card whose base model is unknown)
            r"\b(?:fine-?tuned (?:version|variant|checkpoint)|an? fine-?tune) of\b(?!\s*\[?None\b)",
            # a model fine-tuned or built on a named model, distilled from a teacher or initialized from a model,
            # named or linked by hub id (phrases/training-data-named-sources.md,
            # architecture/partial-distilled-from-teacher.md, architecture/partial-initialized-from-named-model.md)
            r"\binitiali[sz]ed (?:from|with the weights of)\s+(?:the\s+)?\[?(?:[\w.-]+/[\w.-]+|[A-Za-z][\w.]*-[\w.-]+"
            r"|(?-i:[A-Z])[\w.-]*)|"
            r"\b(?:(?:fine-?tuned|finetuned|built|based) (?:from|on(?: top of)?)|distill?ed (?:from|out of))\s+"
            r"(?:the\s+)?(?:\[?[\w.-]+/[\w.-]+|(?-i:[A-Z])[\w.-]*)",
            # "T5 model", "BERT-base models": a known model family followed by "model"
            # (phrases/architecture-language-family.md, architecture/complete-family-size-models-list.md)
            r"\b(?-i:DialoGPT|GPT-?[2-4J]?|BERT|RoBERTa|T5|LLaMA|Llama ?\d?|Mistral|Qwen\d?|Falcon"
            r"|BLOOM)\b[\w .-]{0,12}\bmodels?\b",
            # built on a named base model, in Chinese (training_method/partial-training-statement-zh.md)
            r"基于\s*[\w.-]+\s*(?:模型|架构|结构|基座)",
            # built on a named model, in Chinese (architecture/partial-zh-built-on-named-model.md)
            r"在\s*[A-Za-z][\w.-]{1,40}\s*(?:模型|架构)?\s*的?基础上",
            # plural (architecture/complete-table-and-plural-kind.md); "Bidirectional Encoder Representations from
            # Transformers": BERT, spelled out (architecture/partial-bert-spelled-out.md)
            r"\b(?:autoregressive|auto-regressive|causal) transformers\b|\bencoder representations from transformers\b",
        ),
        "parameter count": (
            # "1.5 trillion": a size with its unit, not a token or sample count (architecture/closed-not-disclosed.md),
            # nor a count under a steps, tokens or samples column (architecture/absent-steps-column-is-not-a-size.md)
            rf"(?<!steps: )(?<!steps \| )(?<!tokens: )(?<!tokens \| )(?<!samples: )(?<!samples \| )(?<![\w.-]){NUM}\s?"
            rf"(?:(?-i:[BM])|billion|million|trillion)\b(?!\s*(?:tok|steps|GPU|compounds|conformers"
            rf"|atoms)\b|\s*(?:[\w-]+\s+){{0,2}}{DATA_UNIT}(?!-))",
            # "Wren-7B": the size in a model name (architecture/absent-size-in-heading-and-badge.md)
            rf"\b[\w.]{{1,80}}-{NUM}[bBmM]\b",
            # "parameters: 26": a parameter count key with a value (open-weights.md)
            rf"\b(?:parameters?|params|#\s?params){KV}(?:of\s+)?~?{NUM}",
            # "130 亿": a parameter count in Chinese units (architecture/complete-zh-table.md)
            rf"{NUM}\s*(?:亿|万亿|十亿|千亿|百亿)\s*(?:参数|规模)?",
            # "参数量": the word for parameter count, in Chinese (architecture/complete-zh-table.md)
            r"参数量|参数规模|总参数",
            # "千亿参数": a parameter count in words, in Chinese (architecture/partial-zh-size-in-words.md)
            r"(?:千亿|百亿|万亿|十亿)级?(?:参数|规模)",
            # "约 4000 万参数": a parameter count in 万 (ten thousands) (architecture/partial-zh-wan-parameters.md)
            rf"{NUM}\s*万\s*(?:个)?参数",
            # "7 billion parameters": a count of parameters in words (architecture/partial-config-hostfile.md)
            rf"{NUM}\s*(?:billion|million) parameters",
            # "about 61k parameters", "23,700 trainable parameters": a small model's count, in thousands or digits
            # (architecture/partial-small-network-thousands.md)
            r"(?<![\w.-])(?:\d{1,3}(?:,\d{3})+|\d{4,}|\d[\d.]{0,6}\s?(?:[kK]|thousand))\s+(?:trainable\s+|learnable\s+)?"
            r"param(?:eter)?s\b",
        ),
        "dimensions": (
            # "Layers | 24": a layer count key with a value (extras/open-full.md)
            rf"\b(?:num(?:ber)?[_ ]of[_ ])?(?:hidden[_ ])?layers{KV}{NUM}",
            # "40 layers": a number of layers or transformer blocks (architecture/absent-sizes-only-in-news.md)
            rf"\b{NUM}\s*(?:transformer\s+)?(?:layers|transformer blocks)\b|\b{NUM}\s+blocks\b(?!\s+of\b)",
            # "16 unshared message-passing layers": a layer count with qualifying words, not a subset of the stack
            # ("4 MoE layers"), also of blocks ("6 interaction blocks") (architecture/complete-qualified-layer-count.md,
            # architecture/complete-blocks-and-features.md)
            rf"\b{NUM}\s+(?:(?!{LAYER_SUBSET}\s)[A-Za-z][\w-]{{1,24}}\s+){{1,2}}(?:layers|blocks)\b",
            # "with 128 hidden features", "256 feature channels": a width in features or channels, two digits or more
            # (architecture/complete-blocks-and-features.md)
            r"\b\d{2,5}\s+(?:hidden|latent|feature)\s+(?:features|units|channels|dimensions)\b|\b\d{2,5}\s+channels\b",
            # "24-layer, 1024-hidden, 16-heads": a size with its unit joined by a hyphen, the unit singular or plural
            # (architecture/complete-hyphenated-sizes.md)
            rf"\b{NUM}-(?:layers?|blocks?|hidden|heads?)\b",
            # "embedding dim:** 1024": a width named before its number (architecture/complete-vision-spec.md)
            # "width 1536": the model's width with its number (architecture/complete-blocks-and-width.md)
            r"\b(?:(?:embedding|hidden|ffn)[_ ]?(?:size|dim(?:ension)?s?)|model[_ ]?dim(?:ension)?s?)\b[^.\n]{0,24}?\d"
            r"|\bwidth(?:\s+of)?\s*:?\s+\d{3,5}\b(?![%\w.])",
            rf"{NUM}\s*层",  # "24 层": a layer count in Chinese (phrases/architecture-zh.md)
            # "Embedding dimension: 768": the hidden size key with a value (phrases/architecture-embedding.md)
            rf"\b(?:(?:hidden|embedding)[_ ](?:size|dim(?:ension)?)|model[_ ]dim(?:ension)?)[\"']?\s*[:="
            rf"|]?\s*(?:of\s+)?{NUM}",
            # "d_model: 2048": the d_model key with a value (architecture/complete-config-block.md)
            rf"\bd_?model{KV}{NUM}",
            # "Attention heads | 16": a head count key with a value (extras/open-full.md)
            rf"\b(?:num(?:ber)?[_ ]of[_ ])?(?:attention[_ ])?heads{KV}{NUM}",
            # "24 attention heads": a number of attention heads (open-weights.md)
            rf"\b{NUM}\s*(?:attention\s+)?heads\b",
            # "n_layers: 22": GPT-2 style config keys (n_layer, n_head …) (architecture/complete-config-block.md); GGUF
            # metadata keys, "block_count (layers) | 32" (architecture/complete-gguf-metadata-table.md)
            rf"\bn_(?:layers?|heads?|embd|ctx){KV}{NUM}"
            rf"|\b(?:\w+\.)?(?:block_count|embedding_length|feed_forward_length|attention\.head_count)\b"
            rf"(?:\s*\([\w ]{{1,20}}\))?{KV}{NUM}",
            # "层数 | 40": layers, width or heads in Chinese (architecture/complete-zh-table.md)
            rf"(?:层数|隐藏层(?:维度|大小)?|隐层维度|注意力头数?|头数){KV}{NUM}",
            # "layers; BERT-style": a layers row listing its kinds (phrases/architecture-language-family.md)
            r"\blayers?\s*;\s*\w",
            # "d_model: 2048": d_model with a number near it (architecture/complete-config-block.md)
            r"\bd_model\b.{0,40}\d",
            # "L24-D2048": the layers-width shorthand L24-D2048 (architecture/complete-layer-width-notation.md)
            r"(?-i:\bL\d{1,3}-D\d{2,5}\b)",
        ),
        "context or tokenizer": (
            # a context or sequence length key with a value (architecture/partial-model-size-is-not-a-dimension.md)
            rf"\b(?:context|sequence|seq)[_ ](?:length|window|size|len)[\"']?\s*[:="
            rf"|]?\s*(?:of\s+)?(?:up to\s+)?{NUM}\s*[kK]?",
            # "32K context", "512-token input": a context length before the word context or input
            # (architecture/absent-sizes-only-in-news.md, architecture/complete-blocks-and-width.md)
            rf"\b{NUM}\s*[kK]?[- ](?:token|tokens)?\s*context|\b{NUM}\s*[kK]?-token (?:input|sequence)s?\b",
            # max sequence or position length with a value (hyperparameters/complete-adapter-setup-list.md)
            rf"\bmax(?:imum)?[_ ](?:sequence|position|context)[_ ](?:length|embeddings){KV}{NUM}",
            # "Vocabulary | 50,304": a vocabulary size (extras/open-full.md)
            rf"\bvocab(?:ulary)?[_ ]?(?:size)?{KV}(?:of\s+)?{NUM}",
            # "BPE": a named tokenizer kind (extras/open-full.md)
            r"\b(?:BPE|byte[- ]pair|SentencePiece|tiktoken|WordPiece)\b",
            # "tokenizer with 32k toke…": a tokenizer with its vocabulary size (phrases/architecture-language-family.md)
            rf"\btokeni[sz](?:er|ation)\b[^.\n]{{0,30}}?\b{NUM}\s*[kK]?\s*(?:tokens|vocab)",
            # "tokenizer: unigram": a tokenizer key with a value (phrases/architecture-language-family.md)
            r"\btokeni[sz](?:er|ation)\s*[:=|]\s*\w",
            # "reads sequences of up to 2,048 nucleotides", "molecules with up to 64 heavy atoms": the longest input, in
            # tokens or in a science model's units (architecture/complete-input-length-in-words.md,
            # architecture/complete-molecule-size-limit.md)
            rf"\b(?:inputs?|sequences?|texts?|prompts?|documents?|passages?|molecules|proteins|structures|graphs)\s+(?:of\s+"
            rf"|with\s+)?(?:up\s+to|at\s+most|a\s+maximum\s+of)\s+{NUM}\s*[kK]?\s+(?:heavy\s+)?(?:tokens|residues|amino\s+acids"
            rf"|nucleotides|base\s+pairs|bp|characters|atoms|nodes)\b",
            # "its vocabulary has 591 tokens": a vocabulary size in a sentence
            # (architecture/complete-vocabulary-in-words.md)
            rf"\bvocabular(?:y|ies)\s+(?:has|have|had|holds|contains?|comprises?|consists\s+of|with)\s+{NUM}\s*[kK]?\s+"
            rf"(?:\w+\s+)?(?:tokens|entries|symbols|words|characters|pieces|units)\b",
            # "5000 个汉字作为建模单元", "5,000 output units": the units a recogniser predicts, counted
            # (architecture/complete-zh-asr-modelling-units.md)
            rf"{NUM}\s*个?\s*\S{{0,4}}\s*(?:作为|为)?(?:建模单元|输出单元)|\b{NUM}\s+(?:output|modell?ing) units\b",
            # "词表大小 | 64000": context length or vocabulary in Chinese (architecture/complete-zh-table.md)
            r"(?:上下文长度|上下文窗口|序列长度|词表大小|词表|分词器|词汇表)\s*[:=|]?\s*\S",
            # "Max context: 4,096": a context key with its value (architecture/complete-context-key.md)
            rf"\b(?:max(?:imum)?[_ ])?context\s*[:=|]\s*{NUM}",
            # a context length with a number after it (architecture/complete-spec-bullets.md)
            r"\b(?:context|sequence) (?:length|window)\b[^.\n]{0,30}?\d",
            # the maximum sequence length, named (hyperparameters/complete-adapter-setup-list.md)
            r"\bmaximum sequence length\b",
            # "ctx_len = 2048": the ctx_len key with a value (architecture/complete-layer-width-notation.md)
            rf"\bctx_?len\s*[:=]?\s*{NUM}",
            # "context 2048": the word context with a length (architecture/complete-terse-spec-line.md)
            rf"\bcontext\s+(?:(?:of|length|window)\s+)?(?:up to\s+)?{NUM}\s*[kK]?\b",
            # "GPT-NeoX tokenizer": a tokenizer named by the model family it comes from
            # (architecture/complete-terse-spec-line.md)
            r"(?-i:\b[A-Z][\w.]*[A-Z0-9-][\w.-]*) tokeni[sz]er\b(?!s)",
            # a tokenizer named by reference (architecture/partial-tokenizer-by-reference.md)
            r"\b(?:uses?|used|using|adopts?|adopted)\s+(?:the\s+)?(?:same\s+)?(?:[\w./-]{1,30}\s+){0,3}tokeni[sz]er\b(?!s)",
        ),
    },
    "vision": {
        "model type": (
            r"\bViT\b",  # "ViT": a vision transformer, abbreviated (architecture/complete-vision-spec.md)
            # "vision transformer": a vision transformer, spelled out (phrases/architecture-vision.md); "a visual
            # language model (VLM)", "a multimodal large language model": an image encoder joined to a language model
            # (architecture/partial-visual-language-model.md)
            r"\bvision transformer\b|\b(?:visual|vision)[- ]language models?\b|\bVLMs?\b"
            r"|\bmulti-?modal (?:large )?language models?\b|\bMLLMs?\b",
            # "CNN", "an efficient ConvNet": a convolutional network, abbreviated (phrases/architecture-vision.md,
            # training_data/partial-front-matter-summary.md)
            r"\bCNN\b|\bConvNets?\b",
            # "convolutional neural network", "convolutional recurrent network": a convolutional network, also a text
            # recogniser's (phrases/architecture-vision.md, architecture/complete-ocr-charset.md)
            r"\bconvolutional (?:recurrent )?(?:neural )?network\b",
            # "ResNet", "CRNN": a known vision backbone or recogniser family (phrases/architecture-vision.md)
            r"\b(?:ResNet|ResNeXt|ConvNeXt|EfficientNet|Swin|DeiT|DETR|CRNN)\b",
            # "a DPT head on a DINOv2-L backbone": a named network used as the backbone
            # (architecture/complete-backbone-and-input.md)
            r"(?-i:\b[A-Z][\w.-]{1,30}) backbone\b|\b(?:DINOv2|DPT|BEiT|SigLIP)\b",
            # "two-stage detector": an object detector's kind (phrases/architecture-vision.md)
            r"\b(?:one|single|two)[- ]stage (?:object )?detector\b",
            # "Backbone | Weights": a backbone key with a value
            # (hyperparameters/complete-config-column-beside-checkpoints.md)
            r"\bbackbone\s*[:|]\s*\w",
            # "卷积神经网络": a vision model type in Chinese (phrases/architecture-zh.md)
            r"卷积神经网络|视觉\s*Transformer|检测器",
        ),
        "dimensions": (
            # "depth=12": a depth key with a value (training_method/complete-commands-we-used.md)
            rf"\b(?:enc(?:oder)?_|dec(?:oder)?_)?depth\s*[:=|]\s*{NUM}",
            # "depths [2, 2, 18, 2]": the depth of each stage, listed (architecture/complete-tiles-and-stage-depths.md)
            r"\bdepths\s*[:=]?\s*[\[(]\s*\d{1,3}\s*,",
            # "Patch size: 14,": the patch size with a value (phrases/architecture-vision.md)
            rf"\bpatch[_ ]?size{KV}(?:of\s+)?{NUM}",
            # "patches of 14": patches of a size (phrases/architecture-vision.md)
            rf"\bpatch(?:es)? of (?:size )?{NUM}",
            # "embed_dim: 1024": an embedding or hidden dim key with a value (phrases/architecture-vision.md)
            rf"\b(?:enc(?:oder)?_|dec(?:oder)?_)?(?:embed(?:ding)?|hidden)_dim\s*[:=|]\s*{NUM}",
            # "num_heads: 16": a num_heads key with a value (phrases/architecture-vision.md)
            rf"\b(?:enc(?:oder)?_|dec(?:oder)?_)?num_heads\s*[:=|]\s*{NUM}",
            # "channels: 3": a channels or blocks key with a value (phrases/architecture-vision.md)
            rf"\b(?:num_)?(?:channels|blocks)\s*[:=|]\s*{NUM}",
            # "512 channels": a number of channels, residual blocks or stages (architecture/complete-speech-spec.md)
            rf"\b{NUM}\s*(?:channels|residual blocks|stages)\b",
            # "4 convolutional blocks", "6 residual convolution layers": a count of convolutional blocks or layers
            # (architecture/complete-audio-codec-spec.md)
            rf"\b{NUM}\s+(?:residual\s+)?conv(?:olution(?:al)?)?\s+(?:blocks|layers)\b",
            # "320 base channels": a base or model channel count (architecture/complete-unet-base-channels.md)
            rf"\b{NUM}\s*(?:base|model|latent)\s+channels\b",
            # "4 downsampling stages": the resolution stages of an encoder-decoder network, counted
            # (architecture/complete-nowcast-stages-and-window.md)
            rf"\b{NUM}\s+(?:down-?sampling|up-?sampling|resolution|encoder|decoder)\s+(?:stages|levels)\b",
            # "ViT-L/14": a ViT size and patch shorthand (phrases/architecture-vision.md)
            r"(?-i:\bViT-[SBLHg]/\d{1,2}\b)",
            # "通道数: 256": channels, depth or patch size in Chinese (phrases/architecture-zh.md)
            rf"(?:通道数|深度|块大小|patch\s*大小){KV}{NUM}",
        ),
        "context or tokenizer": (
            # "Input resolution: 336": the input or image size with a value (phrases/architecture-vision.md)
            rf"\b(?:input|image|crop) (?:size|resolution)\b{KV}(?:of\s+)?{NUM}",
            # "resolution: 336": a resolution key with a value (phrases/architecture-vision.md)
            rf"\bresolution\s*[:=|]\s*{NUM}",
            # "336 x 336 pixels", "256×256 pixel tiles": an image size in pixels, of an image, tile or crop
            # (architecture/complete-vision-spec.md, architecture/complete-tiles-and-stage-depths.md)
            r"\b\d{2,4}\s?[x×]\s?\d{2,4}\s*(?:pixels?|px|resolution|images?|inputs?|tiles?|crops?)\b",
            r"\bimgsz\s*=\s*\d",  # "imgsz=640": a YOLO image-size argument (phrases/architecture-vision.md)
            # "input 518×518": the input size before its value (architecture/complete-backbone-and-input.md)
            r"\binputs?(?: size| resolution)?(?: of)?\s*:?\s*\d{2,4}\s?[x×]\s?\d{2,4}\b",
            # "224px input": an image size in pixels, one side (architecture/complete-unet-base-channels.md)
            r"\b\d{2,4}\s?(?:px|-?pixels?)\s+(?:inputs?|images?|resolution|crops?)\b",
            # "96×96×96 voxel crops": a volumetric input size in voxels (architecture/complete-volumetric-input.md)
            r"\b\d{1,4}(?:\s?[x×]\s?\d{1,4}){1,2}\s*voxels?\b",
            # "a character set of 212 symbols": the characters a text recogniser predicts, counted
            # (architecture/complete-ocr-charset.md)
            rf"\b(?:charset|character\s+set|alphabet|character\s+dictionary)\s+(?:of|with|has|holds|contains)\s+{NUM}\s+"
            rf"(?:characters|symbols|classes|glyphs|entries)\b",
            # "输入分辨率: 448": the input resolution in Chinese (phrases/architecture-zh.md)
            rf"(?:输入尺寸|输入分辨率|图像尺寸|分辨率){KV}{NUM}",
            # "输入 224×224": an input size after the word for input, in Chinese
            # (architecture/complete-zh-input-size.md)
            r"输入(?:图像|图片)?\s*(?:大小|尺寸)?\s*[:：]?\s*\d{2,4}\s?[x×*]\s?\d{2,4}",
        ),
    },
    "speech and audio": {
        "model type": (
            r"\bConformer\b",  # "Conformer": a Conformer speech model (architecture/complete-speech-spec.md)
            # "RNN-T": a transducer speech model; "ECAPA-TDNN", "x-vector": a time-delay network for speaker embeddings
            # (phrases/architecture-speech.md, architecture/complete-speaker-embedding-spec.md)
            r"\b(?:RNN-?T|transducer|(?:ECAPA-?)?TDNN|[xd]-vectors?)\b",
            r"\bCTC\b",  # "CTC": a CTC speech model (architecture/complete-speech-spec.md)
            r"\bwav2vec\b",  # "wav2vec": a wav2vec-based model (phrases/architecture-speech.md)
            r"\bHuBERT\b",  # "HuBERT": a HuBERT-based model (phrases/architecture-speech.md)
            r"\bvocoder\b",  # "vocoder": a vocoder (phrases/architecture-speech.md)
            # "Whisper-style": a Whisper-like architecture (phrases/architecture-speech.md)
            r"\bWhisper[- ](?:style|like|architecture)\b",
            r"\bflow[- ]matching\b",  # "flow matching": a flow-matching generator (phrases/architecture-speech.md)
            # "语音编码器": a speech model type in Chinese (phrases/architecture-zh.md)
            r"语音(?:编码器|识别模型)|声码器",
        ),
        "dimensions": (
            # "n_mels: 80": the mel bins with a value (phrases/architecture-speech.md)
            rf"\b(?:num_)?(?:mel[_ ]?bins|n_mels){KV}{NUM}",
            # "17 conformer layers": mel bins or conformer layers counted (architecture/complete-speech-spec.md)
            rf"\b{NUM}\s*(?:mel (?:bins|filterbanks?)|conformer (?:layers|blocks))\b",
        ),
        "context or tokenizer": (
            # "sample rate of 16": the sample rate with a value (architecture/complete-speech-spec.md)
            rf"\bsample[_ ]?rate{KV}(?:of\s+)?{NUM}",
            rf"\b{NUM}\s?k?Hz\b",  # "16 kHz": a sample rate in Hz (architecture/complete-speech-spec.md)
            # "a 128-bin log-mel spectrogram": the input features, counted
            # (architecture/complete-audio-spectrogram-input.md)
            rf"\b{NUM}[- ]bins? (?:log[- ]?)?mel\b",
            # "Maximum audio length: 30": the maximum audio or input length (phrases/architecture-speech.md)
            r"\bmax(?:imum)? (?:audio|input) (?:length|duration)\b[^.\n]{0,20}\d",
            rf"采样率{KV}{NUM}",  # "采样率: 16000": the sample rate in Chinese (phrases/architecture-zh.md)
            # "12 codebooks", "8 residual quantizers": the token vocabulary of a neural audio codec, its quantiser depth
            # (architecture/complete-audio-codec-spec.md)
            rf"\b{NUM}\s+(?:codebooks|(?:residual\s+)?(?:vector\s+)?quanti[sz]ers|RVQ\s+(?:levels|stages))\b",
        ),
    },
    "diffusion and generative": {
        "model type": (
            r"\bU-?Net\b",  # "U-Net": a U-Net (phrases/architecture-diffusion.md)
            r"\bDiT\b",  # "DiT": a diffusion transformer, abbreviated (phrases/architecture-diffusion.md)
            # "diffusion transformer": a diffusion transformer, spelled out (phrases/architecture-diffusion.md)
            r"\bdiffusion transformer\b",
            r"\blatent diffusion\b",  # "latent diffusion": a latent diffusion model (phrases/architecture-diffusion.md)
            # "VAE": a variational autoencoder (phrases/architecture-diffusion.md)
            r"\bVAE\b|\bvariational auto-?encoder\b",
            # "GAN": a generative adversarial network (phrases/architecture-diffusion.md)
            r"\bGAN\b|\bgenerative adversarial\b",
            # "VQ-GAN": a vector-quantised autoencoder or GAN (phrases/architecture-diffusion.md)
            r"\bVQ-?VAE\b|\bVQ-?GAN\b",
            # "扩散": a generative model type in Chinese (phrases/architecture-zh.md)
            r"扩散|变分自编码器|生成对抗网络",
        ),
        # "latent channels number 4": a latent size or channel count (phrases/architecture-diffusion.md)
        "context or tokenizer": (
            r"\blatent (?:size|dim(?:ension)?s?|channels|resolution)\b[^.\n]{0,20}\d",
            # "text encoder (Xlm-base-14)": the named text encoder that reads the prompt, the tokenizer's
            # counterpart (architecture/complete-diffusion-text-encoder.md)
            r"\btext encoders?\s*[(:=|]\s*`?[A-Za-z][\w./-]{2,60}",
        ),
    },
    "embedding": {
        "model type": (
            # "bi-encoder": a bi-, dual- or cross-encoder (phrases/architecture-embedding.md)
            r"\b(?:bi|dual|cross|siamese)[- ]encoder\b",
            # "sentence-transformers model": a sentence-transformers model (phrases/architecture-embedding.md)
            r"\bsentence[- ]transformers? model\b",
            r"\bembedding model\b",  # "embedding model": an embedding model, named (phrases/architecture-embedding.md)
            r"向量模型|嵌入模型",  # "嵌入模型": an embedding model in Chinese (phrases/architecture-zh.md)
        ),
        "dimensions": (
            # the embedding or output dimension with a value (phrases/architecture-embedding.md)
            rf"\b(?:embedding|output|vector) dim(?:ension)?s?\b{KV}{NUM}",
            # "768-dimensional dense vectors": vectors of a number of dimensions (phrases/architecture-embedding.md)
            rf"\b{NUM}[- ]dim(?:ensional)? (?:embeddings?|vectors?|dense vectors?)\b",
            # "vector embeddings have 1024 dimensions": the number of dimensions after the vectors
            # (architecture/partial-embeddings-have-dimensions.md)
            rf"\b(?:embeddings?|vectors?) (?:have|has|of|with) {NUM} dimensions\b",
            # "向量维度: 1024": the vector dimension in Chinese (phrases/architecture-zh.md)
            rf"(?:向量|嵌入)维度{KV}{NUM}",
        ),
        "context or tokenizer": (
            # "max_seq_len: 4096": the max sequence length key with a value (architecture/complete-config-block.md)
            rf"\bmax(?:imum)?[_ ]seq(?:uence)?[_ ](?:length|len){KV}{NUM}",
            # "Max tokens: 512": the maximum input tokens with a value (phrases/architecture-embedding.md)
            rf"\bmax(?:imum)? (?:input )?tokens{KV}{NUM}",
            # "max 512 tokens": the maximum input in tokens, number first
            # (architecture/complete-max-tokens-number-first.md)
            rf"\bmax(?:imum)?\.?\s+(?:input\s+)?(?:of\s+)?{NUM}\s*[kK]?\s+tokens\b",
        ),
    },
    "time series": {
        "model type": (
            r"\bLSTM\b",  # "LSTM": an LSTM (phrases/architecture-time-series.md)
            r"\bGRU\b",  # "GRU": a GRU (phrases/architecture-time-series.md)
            r"\b(?:RNN|TCN)\b",  # "RNN": a recurrent or temporal convolutional network (phrases/architecture-speech.md)
            r"\bpatch[- ]?TST\b",  # "PatchTST": a PatchTST time-series model (phrases/architecture-time-series.md)
            r"\bgraph neural network\b|\bGNN\b",  # "GNN": a graph neural network (phrases/architecture-time-series.md)
            # "MLP-Mixer", "N-BEATS": an MLP-Mixer or MLP-based model, a basis-expansion forecaster
            # (phrases/architecture-time-series.md, architecture/complete-forecast-horizon-in-words.md)
            r"\b(?:MLP[- ]?(?:Mixer|based)|N-?BEATS|N-?HiTS|DeepAR)\b",
        ),
        "context or tokenizer": (
            # a forecast or context window with a value (architecture/partial-model-size-is-not-a-dimension.md)
            rf"\b(?:prediction|forecast(?:ing)?|context|lookback|input)[_ ](?:length|horizon|window)[\"']?\s*[:="
            rf"|]?\s*(?:of\s+)?(?:up to\s+)?{NUM}",
            # "预测长度: 96": the prediction length in Chinese (phrases/architecture-zh.md)
            rf"预测长度{KV}{NUM}",
            # "24 hours ahead": the forecast horizon in words (architecture/complete-forecast-horizon-in-words.md)
            rf"\b{NUM}\s+(?:hours|days|weeks|steps|time\s+steps|time\s+points)\s+ahead\b",
            # "from the last 168 hours", "from the last 60 minutes": the lookback window in words
            # (architecture/complete-forecast-horizon-in-words.md)
            rf"\b(?:from|given|using)\s+the\s+(?:last|past|previous)\s+{NUM}\s+(?:minutes|hours|days|weeks|steps"
            rf"|time\s+steps|time\s+points|observations)\b",
        ),
    },
    "reinforcement learning and robotics": {
        "model type": (
            # "policy: CnnPolicy", "actor-critic network": a Stable-Baselines3 policy class or an actor-critic network
            # (architecture/partial-rl-policy-class.md); "a DQN agent": an agent named by its learning algorithm,
            # which fixes its networks (architecture/partial-rl-agent-algorithm.md); "Action Chunking with
            # Transformers", "a diffusion policy", "vision-language-action model": kinds of robot policy
            # (architecture/partial-robot-policy-kind.md)
            r"\b(?:Cnn|Mlp|MultiInput)(?:Lstm)?Policy\b|\bactor[- ]critic (?:network|model|architecture)\b"
            r"|\b(?:DQN|QR-DQN|DDQN|PPO|A2C|A3C|SAC|TD3|DDPG|TQC|TRPO|ARS|Rainbow|IMPALA)\s+agents?\b"
            r"|\baction chunking with transformers\b|\bdiffusion polic(?:y|ies)\b|\bvision[- ]language[- ]action\b"
            r"|\bVLA model\b",
        ),
    },
    "tabular and classical": {
        "model type": (
            # "a gradient-boosted tree ensemble (LightGBM)", "logistic regression": a tree ensemble or its library, a
            # linear or kernel model (architecture/partial-tabular-tree-ensemble.md)
            r"\bgradient[- ]boost(?:ed|ing)(?: decision)? trees?\b|\btree ensemble\b|\brandom forests?\b"
            r"|\b(?:XGBoost|LightGBM|CatBoost)\b|\blogistic regression\b|\bsupport vector machines?\b|\bSVM\b",
        ),
        "dimensions": (
            # "500 trees", "max depth 8": the size of a tree ensemble (architecture/partial-tabular-tree-ensemble.md)
            rf"\b{NUM}\s+(?:trees|estimators|boosting rounds)\b|\bmax[_ ]depth{KV}{NUM}|\bnum_leaves{KV}{NUM}",
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
    # "/config.json": a link to the model's own config.json, not a tokenizer's, generation or adapter config
    # (architecture/partial-templated-config-path.md)
    r"(?<![\w-])(?:model_)?config\.json\b",
    # "/configuration_tern.py": a link to the modeling configuration code (phrases/architecture-language-family.md)
    r"/configuration_\w+\.py\b",
    r"\.gin\b",  # ".gin": a link to a gin config (phrases/architecture-language-family.md)
    # a link to a YAML or JSON file in a configs folder (architecture/complete-config-reference.md)
    r"(?:^|/)configs?/[\w./{}-]*\.(?:ya?ml|json)\b",
    # "/train.sh": a link to a training launch script (hyperparameters/partial-demonstration-script-zh.md)
    r"/train[\w./-]*\.(?:slurm|sh)\b",
)

#: The configs that define the released model, named in text or code: ``--gin_file=…gin``, ``./configs/…``,
#: "the configs used to train the model are in …", an operative config.
CONFIG_TEXT = any_of(
    # "configs/tern_m.gin": a gin config file named in the text (phrases/architecture-language-family.md)
    r"\b[\w./{}$-]{1,200}\.gin\b",
    # "configs/kestrel-1b.yaml": a file or folder under configs/ (architecture/complete-config-reference.md)
    r"(?<![\w-])(?:\./)?configs?/[\w./{}-]{0,200}(?:\.(?:ya?ml|json|gin|toml|py)\b|/)",
    r"\boperative[_ ]configs?\b",  # "operative config": an operative config (phrases/architecture-language-family.md)
    # "configs used to train": configs said to be the ones used to train (architecture/complete-config-reference.md)
    r"\b(?:configs?|config files?|params files?|parameter files?)\b[^.\n]{0,40}\b(?:used"
    r"|we used)\b[^.\n]{0,30}\b(?:train|pretrain)",
    # a model-definition YAML passed to a trainer (architecture/complete-model-yaml-in-training-command.md)
    r"(?<![\w-])(?:--)?model(?:[_-]?(?:cfg|config|def))?\s*=\s*[\w./{}-]{1,100}\.ya?ml\b",
)


#: Link targets and bare URLs; a badge or license link names the model only in passing.
# "](https://img.shields.i…": a Markdown link target or a bare URL (architecture/absent-size-in-heading-and-badge.md)
URL = any_of(r"\]\([^()\s]{1,2000}\)|\bhttps?://[^\s<>()\[\]\"'`|]{1,2000}", flags=0)
# a license or badge link target (architecture/absent-placeholder.md, architecture/absent-size-in-heading-and-badge.md)
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
    # "Architecture": the architecture, named in a withholding sentence (architecture/absent-placeholder.md)
    r"\barchitecture\b",
    # the model's structure or size, named in a withholding sentence (architecture/complete-config-block.md)
    r"\bmodel (?:structure|design|size|details)\b",
    # "模型架构": the architecture in Chinese, named in a withholding sentence (architecture/closed-zh-not-public.md)
    r"模型结构|模型架构|网络结构|具体结构|架构|参数(?:规模|量)|设计细节",
    # "its parameter count or other architectural details": the size or design named in a withholding sentence
    # (architecture/closed-size-and-design-not-disclosed.md)
    r"\barchitectural (?:details|choices|specifics)\b|\b(?:parameter|layer) counts?\b|\bnumber of parameters\b",
]

#: Headings of the architecture's own sections; placeholder text alone under one is reported (absent-placeholder.md).
SECTIONS = [
    r"\barchitecture\b",  # "Architecture": an architecture heading (architecture/absent-placeholder.md)
    # "Model details": a model details or description heading (architecture/complete-config-block.md)
    r"\bmodel (?:details|description|specs?|structure)\b",
    # "模型架构": an architecture heading in Chinese (architecture/closed-zh-not-public.md)
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
#: A config named for fine-tuning (``…_ft.yaml``, ``finetune_x.yaml``, ``lora.yaml``): a run on top of a model, not
#: its definition.
# "_ft": a config named for fine-tuning (architecture/partial-finetune-config-is-not-the-model.md)
FINETUNE_CONFIG = any_of(r"(?<![a-z])(?:ft|finetune|fine-?tun\w*|lora|qlora)(?![a-z])")
#: A path written as a template (``{model_name}/config.json``, ``<model>/config.json``): no particular model's config.
TEMPLATE_PATH = any_of(r"\{[^{}\s]{1,40}\}|<[^<>\s]{1,40}>")


#: A command that starts the run from a trained checkpoint: its config sets up a fine-tune, the model it
#: loads is defined elsewhere.
STARTS_FROM_A_CHECKPOINT = any_of(
    # "--pretrained_model_name_or_path": a run started from a trained checkpoint
    # (architecture/partial-config-of-a-run-from-a-checkpoint.md)
    r"--(?:pretrained_)?model_name_or_path\b",
)


def _defines_a_model(card: Card, hit: Hit) -> bool:
    """A config hit that may define the released model: not a runtime or fine-tuning config, a template or an
    example path, and not in a section that serves the reader (a fine-tune-it-yourself or example section)."""
    said = card.lines[hit.line - 1] if 0 < hit.line <= len(card.lines) else hit.quote
    if (
        RUNTIME_CONFIG.search(hit.quote)
        or TEMPLATE_PATH.search(hit.quote)
        or EXAMPLE_PATH.search(hit.quote)
        or FINETUNE_CONFIG.search(hit.quote)
    ):
        return False
    if RUNTIME_CONFIG.search(said) and not CONFIG_LINK.search(said):
        return False
    if hit.block is not None and hit.block.kind == "code" and STARTS_FROM_A_CHECKPOINT.search(hit.block.text):
        return False
    if hit.block is not None:
        section = hit.block.section
    else:
        section = next((link.section for link in card.links if link.line == hit.line), None)
    return release_sections(card)(section)


#: A sentence that says which file configures the model's architecture: it defines the model wherever it stands
#: (also among instructions for the reader's own fine-tuning).
ARCHITECTURE_CONFIG = any_of(
    # "Configurations relevant to model architecture … are in [this file](configs/base.yaml)"
    # (architecture/complete-architecture-config-named-in-how-to.md)
    r"\bconfig(?:uration)?s?\b[^.\n]{0,30}\b(?:relevant to|for|of|defining|that define) (?:the )?model(?:'s)? "
    r"architecture\b[^.\n]{0,60}\b(?:are|is) (?:in|at|defined in)\b",
)


def _config_hits(card: Card) -> dict[str, list[Hit]]:
    """The released model's own config (named in the text or linked): it names the model's kind and gives the
    dimensions and the context length, so it counts for all three. A run's DeepSpeed config, a templated or
    example path and a config in a section for the reader's own fine-tuning define no model."""
    describing = scan(card, {"model config": CONFIG_TEXT}, where=_describes_release_outside_front_matter)
    configs = describing["model config"] + link_hits(card, CONFIG_LINK, "model config")
    first = next((hit for hit in configs if _defines_a_model(card, hit)), None)  # only the first is reported
    if first is None:  # a sentence that says where the model's architecture is configured, in any section
        stated = scan(card, {"model config": ARCHITECTURE_CONFIG}, where=lambda b: b.kind in ("paragraph", "list_item"))
        first = next(iter(stated["model config"]), None)
    return {
        element: [Hit(element, first.line, first.quote, first.block)] if first is not None else []
        for element in ("model type", "dimensions", "context or tokenizer")
    }


#: The class that loads the released model names its kind: a causal (decoder-only) language model, a
#: sequence-to-sequence (encoder-decoder) model or a masked (encoder) model.
LOADER_CLASS = any_of(
    # "AutoModelForCausalLM": a transformers auto class named for the model's kind
    # (architecture/partial-loader-class-names-the-kind.md)
    r"(?-i:\bAutoModelFor(?:CausalLM|Seq2SeqLM|MaskedLM)\b)",
    # "WrenForCausalLM", "Wren2LMHeadModel": a model class named for its kind
    # (architecture/partial-loader-class-names-the-kind.md)
    r"(?-i:\b[A-Z][A-Za-z0-9]{1,30}(?:For(?:CausalLM|MaskedLM|ConditionalGeneration)|LMHeadModel)\b)",
)


def _loader_hits(card: Card) -> dict[str, list[Hit]]:
    """The model's kind named by the class that loads it, in code anywhere (a quick start counts: the class
    is the released model's)."""
    loaded = scan(card, {"model type": LOADER_CLASS}, where=lambda block: block.kind == "code")
    return {"model type": loaded["model type"][:1]}


def _config_and_loader_hits(card: Card) -> dict[str, list[Hit]]:
    hits = _config_hits(card)
    hits["model type"] = hits["model type"] + _loader_hits(card)["model type"]
    return hits


def _describes_release_outside_front_matter(block: Block) -> bool:
    return block.kind != "front_matter" and (block.section is None or block.section.role in DESCRIBING_ROLES)


#: A table row's first cell that names a count of steps or data: the size in the row counts those, not parameters.
COUNTED_ROW = any_of(
    # "| Total environment steps | 10M per run |" (architecture/absent-steps-column-is-not-a-size.md)
    rf"^[^|]{{0,60}}\b(?:steps|iterations|updates|episodes)\b|^[^|]{{0,60}}{DATA_UNIT}",
)


def _size_alone_is_a_name(card: Card, facts: Facts) -> None:
    """A size in a table row that counts steps or data is not the parameter count; with no other element found,
    a size seen only in a heading or a badge is the model's name."""
    facts.found["parameter count"] = [
        h
        for h in facts.found["parameter count"]
        if h.block is None or h.block.kind != "table_row" or not COUNTED_ROW.search(h.block.text)
    ]
    if not any(facts.found[name] for name in facts.required if name != "parameter count"):
        facts.found["parameter count"] = [h for h in facts.found["parameter count"] if not _weak(card, h)]


# fmt: off
ARCHITECTURE = criterion_rule(
    "architecture", CODES, doc=__doc__, elements=ELEMENTS, hints=HINTS, subject=SUBJECT, sections=SECTIONS,
    where=describes_release, extra=_config_and_loader_hits, refine=_size_alone_is_a_name,
)
# fmt: on
check, RULE, repro_lint_rules = ARCHITECTURE.check, ARCHITECTURE.rule, ARCHITECTURE.hook
