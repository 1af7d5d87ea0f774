"""RL3xx training data: which data was the model trained on, how much, and in what mix?

What it checks
  Three elements:
  - named sources: datasets or corpora by name (front-matter ``datasets:``, "trained on C4 and The
    Pile", a link to a dataset's hub page);
  - size: tokens, examples, hours or bytes with a number ("2T tokens", "52K instructions", "1.2 TB");
  - composition or documentation: mixture proportions, filtering/deduplication, or a link to a
    datasheet / dataset card.
  A link to a dataset's hub page counts as name, size and datasheet (the page documents them); a
  documented corpus (the Pile, C4, RedPajama …) named on its own with a size counts as the
  composition too, but not inside "a combination of synthetic data and …". Kinds of text ("books,
  code, math"), library versions ("Datasets: 4.5.0"), the model's own samples and filtering that was
  *not* done are no evidence.
  Sizes are quantities with units for any kind of data (tokens, images, hours, clips, molecules,
  trajectories …), with up to three qualifying words between number and unit but no verb ("16B is
  our model" is not data). Sentences addressed to the reader ("you can fine-tune it on X"),
  comparison tables, news and badge images are not the release's data; a link to the release's own
  data card documents the composition only; "we will not be able to release the data" is closed.
  All three → complete; some, or only vague wording ("publicly available data") → partial (RL302);
  none → absent (RL301); "we do not disclose the training data", 数据不公开 → closed (RL303).

Why it matters
  Data decides what a model knows, what it memorised and whose rights it touches. Without it the
  release can be neither reproduced nor audited.

Example
  ## Training data
  1.2T tokens: 67% CommonCrawl, 15% C4, 4.5% GitHub, 4.5% Wikipedia, 4.5% Books, 2.5% ArXiv,
  2% StackExchange (deduplicated; see the datasheet at huggingface.co/datasets/acme/corpus).

Fix
  Name each source, give its size and share of the mix, and link a datasheet or dataset card.
"""

from __future__ import annotations

import re
from typing import Optional

from repro_lint.document import Block, Card, Link, Role, Section, heading_role
from repro_lint.evidence import (
    DATA_UNIT,
    USAGE_HEADING,
    Hit,
    any_of,
    clean,
    criterion_codes,
    heading_matches,
    hit_clause,
    hit_sentence,
    in_section,
    one_line,
    release_rows,
    scan,
    sentences,
)
from repro_lint.kit import Facts, criterion_rule

CODES = criterion_codes("RL3", "training-data", "training data")

NUM = r"\d[\d,.]{0,30}"  # bounded: a long run of digits must not cost quadratic time

#: A sentence is about the training data when it says so ...
#: A count of data, then "from" and where it came from: "54K [dialogs](data) from", "2M images sampled from".
COUNTED_FROM = (
    rf"\b{NUM}\s*(?:[KMBT]|thousand|million|billion)?\+?\s*\[?{DATA_UNIT}(?:\]\([^()\s]{{1,300}}\))?\s+"
    r"(?:collected |sampled |drawn |scraped )?from"
)
TOPIC = any_of(
    # "a trained model of a PPO agent playing Pong-v5": an agent's environment, what it learned from
    # (training_data/partial-rl-agent-environment.md)
    # "an agent for the `CartPole-v1` Gymnasium environment": the environment the agent is for
    # (training_data/partial-rl-environment-named.md)
    r"\bagent (?:playing|plays|trained (?:in|on))\b|\bagent (?:for|in|on) (?:the )?`?[A-Z][\w-]{1,40}-v\d\b",
    # "trained on": trained or tuned on something (training_data/closed-modal-will-not-be-able.md)
    r"\b(?:trained|pre-?trained|fine-?tuned|finetuned|instruction-tuned|post-trained|distilled"
    r"|aligned)\b[^.\n]{0,40}\b(?:on|with|using|from)\b",
    # "To train Avocet-Seg on ADE20K" (training_data/partial-train-the-release-on-named-data.md)
    r"\bto (?:pre-?)?train\s+(?:[\w-]+\s+){1,2}on\b",
    # "Training Data": training or fine-tuning data, named (training_data/absent-template-placeholder.md)
    r"\b(?:training|pre-?training|fine-?tuning|finetuning|instruction|sft|dpo|preference)[- ](?:data|dataset|corpus"
    r"|corpora|mix|mixture|tokens|set|examples|samples)",
    # "training ran on 4": training run on a number of something (phrases/training-data-named-sources.md)
    r"\btrain(?:s|ing)?\b[^.\n]{0,40}\bon\s+(?:~|about |over )?\d",
    # "trained on 800B tokens": trained on a count of tokens (training_data/complete-breakdown-table.md)
    rf"\btrained (?:for|on) (?:~|about |over |approximately )?{NUM}\s*(?:[KMBT]|thousand|million|billion"
    rf"|trillion)?\s+tokens\b",
    # "It uses 100k dialogs", "54K dialogs from Quora": a count of data the release uses, or a count of data and
    # where it came from (training_data/partial-uses-count-of-dialogs.md)
    rf"\b(?:it|we|model) (?:uses|used) (?:~|about |over |approximately )?{NUM}\s*(?:[KMBT]|thousand|million|billion)?"
    r"\+?\s"
    rf"|{COUNTED_FROM}\b",
    r"\bdata(?:sets?)?\b",  # "datasets": data or datasets, named (training_data/absent-context-and-benchmarks.md)
    r"\bcorpus\b|\bcorpora\b",  # "Corpus": a corpus, named (training_data/complete-breakdown-table.md)
    # "训练数据": training data or a corpus in Chinese, also for fine-tuning (微调)
    # (training_data/closed-zh-not-public.md, training_data/partial-zh-fine-tuned-on-count.md)
    r"训练数据|训练集|数据集|语料|(?:训练|预训练|微调)[^。\n]{0,30}(?:数据|token|标识符|词元|样本|图文对)"
    r"|(?:数据|token|标识符|词元|样本|图文对)[^。\n]{0,30}(?:训练|预训练|微调)",
    # "使用 30 张…图片训练": images, audio or video counted for training, in Chinese
    # (training_data/partial-zh-images-counted-for-training.md)
    r"\d\s*(?:张|段|条|小时)[^。\n]{0,20}(?:图片|图像|音频|语音|视频)[^。\n]{0,10}(?:训练|微调)",
)
#: ... or sits under a heading about data.
# "Data": a data heading (training_data/complete-breakdown-table.md, open-reproducible-zh.md)
TOPIC_HEADING = any_of(r"\bdata\b", r"\bdatasets?\b", r"\bcorp(?:us|ora)\b", r"\bdata ?mix", r"数据|语料")

#: Sections about evaluation or use: datasets named there are benchmarks or examples, not training data.
NOT_TRAINING_HEADING = any_of(  # "Evaluation", "评测": evaluation headings (phrases/evaluation-benchmarks.md)
    # not the Trainer template's "Training and evaluation data" (training_data/partial-training-and-evaluation-data.md)
    r"(?<!training and )\bevaluat",
    r"\bbenchmark",
    r"\bresults?\b",
    r"\bleaderboard",
    r"评测|评估|测评|测试结果",
    # "Testing Data, Factors & Metrics", 测试数据: the test data, not the training data
    # (training_data/absent-testing-data-heading.md)
    r"(?<!and )\btest(?:ing)? (?:data|sets?)\b|测试数据|测试集",
)

#: Web and code corpora, each with a paper or datasheet that documents its composition.
WEB_AND_CODE_CORPORA = (
    r"redpajama",  # "RedPajama": RedPajama (training_data/absent-reader-dataset-and-comparison.md)
    r"refined-?web",  # "RefinedWeb": RefinedWeb (phrases/training-data-named-sources.md)
    r"slimpajama",  # "SlimPajama": SlimPajama (training_data/partial-documented-corpus-plus-synthetic.md)
    r"\bdolma\b",  # "Dolma": Dolma (phrases/training-data-named-sources.md)
    r"fineweb",  # "FineWeb-Edu": FineWeb (recipe-only.md)
    r"\bthe stack\b",  # "The Stack": the Stack (code) (recipe-only.md)
    r"starcoderdata",  # "StarCoderData": StarCoderData (phrases/training-data-named-sources.md)
)

#: Public datasets of images, speech, video and science with their own paper or page: naming one names
#: a documented dataset, as for the web and code corpora above.
PUBLIC_DATASETS_BEYOND_TEXT = (
    r"\bdatacomp\b",  # "DataComp-1B": DataComp image-text pairs (training_data/complete-public-datasets-beyond-text.md)
    r"\byfcc\w*",  # "YFCC100M": the YFCC100M images (training_data/complete-public-datasets-beyond-text.md)
    # "CC12M": Conceptual Captions (training_data/complete-public-datasets-beyond-text.md)
    r"\bconceptual captions\b|\bcc(?:3|12)m\b",
    r"\bcoyo\b",  # "COYO-700M": the COYO image-text pairs (training_data/complete-public-datasets-beyond-text.md)
    r"\bgigaspeech\b",  # "GigaSpeech": GigaSpeech audio (training_data/complete-public-datasets-beyond-text.md)
    r"\bvoxpopuli\b",  # "VoxPopuli": VoxPopuli speech (training_data/complete-public-datasets-beyond-text.md)
    r"\baudioset\b",  # "AudioSet": AudioSet clips (training_data/complete-public-datasets-beyond-text.md)
    r"\bvoxceleb\d?\b",  # "VoxCeleb2": VoxCeleb speakers (training_data/complete-public-datasets-beyond-text.md)
    r"\bobjects365\b",  # "Objects365": Objects365 images (training_data/complete-public-datasets-beyond-text.md)
    r"\bopen ?images\b",  # "Open Images": Open Images (training_data/complete-public-datasets-beyond-text.md)
    r"\bade20k\b",  # "ADE20K": ADE20K scenes (training_data/complete-public-datasets-beyond-text.md)
    r"\bcityscapes\b",  # "Cityscapes": Cityscapes street scenes (training_data/complete-public-datasets-beyond-text.md)
    r"\bkinetics-?\d{0,3}\b",  # "Kinetics-700": Kinetics videos (training_data/complete-public-datasets-beyond-text.md)
    # "UniRef50": UniRef protein sequences (training_data/complete-public-datasets-beyond-text.md)
    r"\buniref\d{0,3}\b",
    # "Protein Data Bank": PDB structures (training_data/complete-public-datasets-beyond-text.md)
    r"\bprotein data bank\b",
    # "AISHELL-2", "WenetSpeech": Mandarin speech corpora (training_data/complete-zh-speech-corpora-with-hours.md)
    r"\baishell-?\d?\b|\bwenetspeech\b",
)

#: Well-known corpora and datasets (distinctive names).
KNOWN_SOURCES = (
    r"common ?crawl",  # "CommonCrawl": Common Crawl (training_data/complete-sources-size-mix.md)
    r"\bC4\b",  # "C4": the C4 corpus (training_data/complete-sources-size-mix.md)
    # "the Pile": the Pile (training_data/complete-documented-corpus-tokens.md)
    r"\bthe pile\b|\bpile\b(?= dataset| corpus)",
    *WEB_AND_CODE_CORPORA,
    # the public datasets beyond text, as one alternative: a pattern's candidate masks fit in 64 bits
    "|".join(PUBLIC_DATASETS_BEYOND_TEXT),
    r"wikipedia",  # "Wikipedia": Wikipedia (training_data/complete-sources-size-mix.md)
    r"\barxiv\b",  # "arxiv": arXiv papers (training_data/absent-context-and-benchmarks.md)
    # "Books3": book corpora (phrases/training-data-named-sources.md)
    r"(?-i:\bBooks ?\d*\b)|\bbooks ?\d+\b|\bbookcorpus\b",
    r"project gutenberg",  # "Project Gutenberg": Project Gutenberg (phrases/training-data-named-sources.md)
    r"openwebtext",  # "OpenWebText": OpenWebText (phrases/training-data-named-sources.md)
    r"\bwebtext\b",  # "WebText-style": WebText (phrases/training-data-named-sources.md)
    r"\broots\b",  # "ROOTS": the ROOTS corpus (phrases/training-data-named-sources.md)
    r"\blaion",  # "LAION": LAION image-text pairs (phrases/training-data-named-sources.md)
    r"common voice",  # "Common Voice": Common Voice speech (phrases/training-data-named-sources.md)
    r"librispeech",  # "LibriSpeech": LibriSpeech audiobooks (phrases/training-data-named-sources.md)
    r"imagenet",  # "ImageNet": ImageNet (phrases/training-data-named-sources.md)
    r"\bcoco\b",  # "COCO": COCO images (phrases/training-data-named-sources.md)
    r"ultrachat",  # "UltraChat": UltraChat dialogues (phrases/training-data-named-sources.md)
    r"ultrafeedback",  # "UltraFeedback": UltraFeedback preferences (phrases/training-data-named-sources.md)
    r"sharegpt",  # "ShareGPT": ShareGPT conversations (training_data/partial-unfiltered-shared-chats.md)
    r"openassistant|oasst",  # "OpenAssistant": OpenAssistant conversations (phrases/training-data-named-sources.md)
    r"\balpaca\b",  # "Alpaca": the Alpaca instructions (training_data/partial-user-finetune-section.md)
    r"\bflan\b",  # "FLAN": the FLAN collection (phrases/training-data-named-sources.md)
    r"\bp3\b",  # "P3": the P3 prompts (phrases/training-data-named-sources.md)
    r"\bxp3",  # "xP3": the xP3 prompts (phrases/training-data-named-sources.md)
    r"\bmc4\b",  # "mC4": multilingual C4 (phrases/training-data-named-sources.md)
    r"\boscar\b",  # "OSCAR": the OSCAR corpus (phrases/training-data-named-sources.md)
    r"stack ?exchange",  # "Stack Exchange": Stack Exchange dumps (phrases/training-data-named-sources.md)
    # "GitHub": GitHub code as a source (extras/open-full.md)
    r"\bgithub\b(?= (?:code|repositories|repos|issues|commits|data))|\b(?:from|on|of) github\b",
    r"\bpubmed\b",  # "PubMed": PubMed abstracts (phrases/training-data-named-sources.md)
    r"\bs2orc\b",  # "S2ORC": S2ORC papers (phrases/training-data-named-sources.md)
    r"\bsmoltalk\b",  # "SmolTalk": SmolTalk (phrases/training-data-named-sources.md)
    r"\bcosmopedia\b",  # "Cosmopedia": Cosmopedia (phrases/training-data-named-sources.md)
    r"\bwudao\b|悟道",  # "WuDao": the WuDao corpus (phrases/training-data-named-sources.md)
    # "书籍": kinds of sources in Chinese (encyclopedia, books, papers …) (training_data/complete-zh-enumeration.md)
    r"维基百科|百科|书籍|论文|代码数据|网页数据|新闻|专利|问答数据",
)

#: A name-shaped word (CamelCase, ALLCAPS, with digits) next to the word dataset/corpus, or after "trained on".
#: A name-like token (bounded: linear on long runs).
PROPER_NAME = (
    r"(?-i:[A-Z][a-z]{0,80}[A-Z0-9][\w.-]{0,80}"  # CamelCase: RedPajama, SlimPajama
    r"|[a-z]{1,80}[A-Z][\w.-]{0,80}"  # camelCase: peS2o
    r"|[A-Za-z0-9-]{1,80}[_/][A-Za-z0-9._/-]{1,160}"  # hub ids and snake_case: allenai/dolma
    r"|[A-Z][A-Za-z]{1,80}-\d{1,6}(?:\.\d{1,3})?[KMBT]\b)"  # a capitalised word and a size: Tide-300B, LAION-5B
)
NAMED = any_of(
    # "an agent playing **BreakoutNoFrameskip-v4**", "--env Pong-v5": a Gym or Atari environment an agent learned
    # in, its experience being the data (training_data/partial-rl-agent-environment.md)
    r"\b(?:playing|plays|trained (?:in|on))\s+(?:the\s+)?\**[A-Z][A-Za-z0-9]{2,40}-v\d\b",
    # "--env Pong-v5": the environment of an RL run (same fixture); "the `CartPole-v1` Gymnasium environment": a
    # versioned environment named as such (training_data/partial-rl-environment-named.md)
    r"--env\s+[A-Z][A-Za-z0-9]{2,40}-v\d\b|(?-i:[A-Z])[A-Za-z0-9]{2,40}-v\d`?\s+(?:\w+\s+)?environment\b",
    # "| **Dataset** | Oxford 102 Flowers (~8,189 images) |", "Training dataset: Wren-Speech",
    # "Pretrain Data: EGC-558K": a dataset key, or a column of the data a stage used, whose value is a name
    # (training_data/partial-dataset-key-with-name.md, training_data/partial-zoo-data-columns.md)
    r"^\W{0,6}(?:(?:training |train |fine-?tuning )?(?:dataset|data ?set|corpus)"
    r"|(?:pre-?train(?:ing)?|fine-?tun(?:e|ing)|instruction[- ]tuning) data)\W{0,4}(?:[:：]|\s\|)\s{0,3}\W{0,4}"
    r"(?!unknown\b|none\b|n/?a\b|tbd\b|more information)(?-i:[A-Z])[\w.-]{2,40}",
    # "训练使用了LibriTTS开放数据集": a Latin name before 数据集 or 语料 in Chinese
    # (training_data/partial-zh-named-dataset.md)
    # "基于 ECMWF ERA5 再分析数据集": the kind of data between the name and 数据集 (reanalysis, speech, image-text …)
    # (training_data/partial-zh-named-reanalysis-dataset.md)
    r"(?-i:[A-Z])[\w.-]{2,40}\s?(?:开放|开源|公开)?(?:数据集|语料库?)|(?-i:[A-Z])[A-Za-z0-9.-]{1,40}\s?"
    r"(?:再分析|观测|遥感|卫星|气象|语音|图文|图像|文本|对话|指令|医学|临床|多语言|中文|英文)(?:数据集|语料库?)",
    # a name-shaped word before dataset or corpus (training_data/complete-documented-corpus-linked-repo.md)
    rf"\b{PROPER_NAME}\s+(?:dataset|corpus|corpora|data\b|collection)",
    # "dataset called FinchDialog": a dataset called by a name (phrases/training-data-named-sources.md)
    rf"\b(?:dataset|corpus|collection)s?\s+(?:called|named|known as)?\s*\(?(?:called\s+)?{PROPER_NAME}",
    # "fine-tuned on FinchDialog", "we pre-train on GeoPatch", "trained on a subset of ERA5": trained on a name-shaped
    # word, or a part of it (phrases/training-data-named-sources.md, training_data/complete-satellite-patches.md,
    # training_data/partial-trained-on-subset-of-named.md)
    rf"\b(?:trained|fine-?tuned|finetuned|pre-?trained|we (?:pre-?)?train|we fine-?tune|(?:pre-?)?trains"
    rf"|fine-?tunes)\s+(?:\w+\s+){{0,2}}on\s+(?:the\s+)?(?:an?\s+(?:\w+\s+)?(?:subset|portion|sample|version)\s+of\s+"
    rf"(?:the\s+)?)?{PROPER_NAME}",
    # "fine-tuned from `xlm-roberta-large` on MS MARCO": the base model named in between
    # (training_data/partial-fine-tuned-from-base-on-named-data.md)
    rf"\b(?:trained|fine-?tuned|finetuned)\s+from\s+[\w`'./-]{{1,80}}\s+on\s+(?:the\s+)?{PROPER_NAME}",
    # "trained with the standard CLIP contrastive loss on DataComp-1B": further from the verb, not hardware
    # (training_data/complete-public-datasets-beyond-text.md)
    r"\b(?:trained|fine-?tuned|pre-?trained) (?:with|using) (?:[\w-]+\s+){1,6}on\s+(?:the\s+)?"
    r"(?!(?-i:[AHV]\d{2,3}|TPU|GPU|NVIDIA))(?-i:[A-Z][a-z]{0,80}[A-Z0-9][\w.-]{0,80})",
    # "54K dialogs from Quora": a count of data and the named place it came from
    # (training_data/partial-uses-count-of-dialogs.md)
    rf"{COUNTED_FROM}\s+(?:the\s+)?(?-i:[A-Z])[\w.-]{{2,40}}",
    # "To train Avocet-Seg on ADE20K": the command that trains the release names its data
    # (training_data/partial-train-the-release-on-named-data.md)
    rf"\bto (?:pre-?)?train\s+(?:[\w-]+\s+){{1,2}}on\s+(?:the\s+)?{PROPER_NAME}",
    r"\(called (?-i:[A-Z])",  # "(called FD": called by a capitalised name (phrases/training-data-named-sources.md)
    # "The 102 Category Flower Dataset", "The 1000 Genomes Project": title-case words before a capitalised "Dataset"
    # or "Project", a proper name (training_data/complete-title-case-dataset-with-splits.md,
    # training_data/partial-title-case-project-name.md)
    r"(?-i:\b(?:[A-Z0-9][\w-]{0,30}\s){1,4}(?:Dataset|Corpus|Collection|Project|Database|Archive|Atlas|Biobank)\b)",
    # "模型使用 AISHELL-1 … 进行训练": a name-shaped word the model was trained with, in Chinese
    # (training_data/complete-zh-speech-corpora-with-hours.md)
    rf"(?:使用|采用|基于)\s*{PROPER_NAME}[^。\n]{{0,80}}?(?:进行)?(?:预训练|训练|微调)(?!了?一个)",
    # "The training set consists of ERA5": a name as what the training set is made of
    # (training_data/complete-named-in-structure.md)
    # "The fine-tuning datasets consist of t2ranking, dureader, mmarco": a list of three or more names
    # (training_data/partial-datasets-consist-of-list.md)
    rf"\b(?:training|pre-?training|fine-?tuning)\s+(?:set|data|corpus|dataset)s?\s+(?:consists? of|comprises?"
    rf"|is drawn from|includes?)\s+(?:the\s+)?(?:{PROPER_NAME}|[\w.-]{{2,40}}(?:,\s[\w.-]{{2,40}}){{2,}})",
    # "from the Open X-Embodiment collection": capitalised words naming a collection
    # (training_data/complete-named-in-structure.md)
    r"\bfrom the (?-i:(?:[A-Z][\w-]{0,30}\s){1,3})(?:collection|dataset|corpus|archive)\b",
    # "datasets: finch-lab": a datasets key with a value (phrases/training-data-named-sources.md)
    r"\bdatasets?\s*:\s*\[?\s*(?!v?\d+(?:\.\d+)+\b)\w",
    # the Trainer's "fine-tuned version of X on the Y dataset" (training_data/partial-trainer-on-the-dataset.md)
    r"\b(?:fine-?tuned|trained)\b(?:[^.\n]|\.(?=\w)){0,150}?\bon the (?!(?:none|unknown|same|following|above|below"
    r"|custom|training|new|whole|full|entire|original|your|my)\b)[\w.-]{2,60} dataset\b",
)

#: Up to three words between a number and its unit ("1.2B text-image pairs", "209M molecular 3D conformations"),
#: none of them a verb or article: "16B is our instruction-tuned model" is a model size, not data.
QUALIFIERS = (
    r"(?:(?!(?:is|are|was|were|be|our|the|an?|can|runs?|on|in|with|per|of|and|or|to|for|at|model|models|parameters?)\b)"
    r"[A-Za-z0-9–-]{1,20}\s){0,3}"  # "query–passage pairs": words joined by a hyphen or an en dash
)

#: Data size: tokens, examples, hours or bytes with a number.
SIZE = any_of(
    # "1.2T tokens": a count of data units (training_data/complete-sources-size-mix.md)
    rf"\b{NUM}\s*(?:[KMBT]|thousand|million|billion|trillion)?\+?\s*\[?{QUALIFIERS}{DATA_UNIT}",
    # "9.5 trillion curated and deduplicated tokens": a scaled count, then qualities joined by "and", then the unit
    # (training_data/partial-count-with-joined-qualities.md)
    rf"\b{NUM}\s*(?:[KMBT]|thousand|million|billion|trillion)\+?\s+(?:[A-Za-z-]{{1,20}},?\s+){{1,2}}and\s+"
    rf"[A-Za-z-]{{1,20}}\s+{DATA_UNIT}",
    # "5 years (2017–2021) of radar composites": a span of time of data (training_data/partial-years-of-observations.md)
    rf"\b{NUM}\s+(?:years?|months?|decades?)\s+(?:\([^)\n]{{1,30}}\)\s+)?of\s+{QUALIFIERS}(?:(?:data|imagery)\b|{DATA_UNIT})",
    # "12 gigabytes": a size in bytes (training_data/partial-size-in-gigabyte-words.md)
    rf"\b{NUM}\s*(?:GB|TB|GiB|TiB|PB|gigabytes|terabytes|petabytes)\b(?!\s*(?:GPU|of (?:GPU )?memory|VRAM|RAM|显存))",
    # "300G Chinese corpus": a size in G or T of some data (training_data/partial-size-in-gigabytes.md)
    rf"\b{NUM}\s*[GT]\s+(?:of\s+)?(?:[A-Za-z-]{{1,20}}\s+){{0,2}}(?:corpus|corpora|data|text)\b",
    # "Tokens: 1.2T": a data-unit key or column header with a scaled count (training_data/complete-unit-column-table.md)
    rf"{DATA_UNIT}\s*:\s*~?{NUM}\s*(?:[KMBT]\b|thousand\b|million\b|billion\b|trillion\b)",
    # "Hours: 585": a data-unit column header over a count of a hundred or more (training_data/complete-hours-column.md)
    rf"{DATA_UNIT}\s*:\s*~?(?:\d{{1,3}}(?:,\d{{3}})+|\d{{3,}})(?:\.\d+)?(?![\d.%])",
    # "tokens (B): 1200": a token count column with its unit (phrases/training-data-named-sources.md)
    rf"\btokens?\s*\((?:[KMBT]|billions?|millions?|trillions?)\)\s*:\s*{NUM}",
    # "2 万亿 token": a count of data units, in Chinese too (training_data/complete-zh-enumeration.md)
    rf"(?:{NUM}\s*(?:万亿|亿|万|千|[KMBT])?|[一二两三四五六七八九十百千]{{1,6}}\s?(?:万亿|亿|万))\s*(?:的\s?)?"
    rf"[^\d\s。，,.]{{0,6}}?(?:tokens?|条|个?样本|小时|词元|词|字|标识符|token)",
    # "5 亿张…图文对": images or image-text pairs counted, in Chinese (training_data/partial-zh-image-text-pairs.md)
    rf"{NUM}\s*(?:万亿|亿|万|千)?\s*(?:张|对)?[^。，,\n]{{0,16}}?(?:图文对|图像|图片|文本对)",
    # "2.6T 标识符的中英文语料": a size in T or 亿 of data, in Chinese (hyperparameters/partial-tokens-zh.md)
    rf"{NUM}\s*(?:T|B|万亿|亿)\s*(?:的)?(?:高质量|多语言|中英|中文|英文|代码)?[^。，\n]{{0,12}}(?:数据|语料)",
    # "语料规模: 1.2": the data size key in Chinese (phrases/training-data-zh.md)
    r"(?:数据量|语料规模|token\s*数)\s*[:：]?\s*\d",
    # "页数: 8,000,000": a count column in Chinese (pages, samples, items, hours, images) over a number
    # (training_data/complete-zh-count-column.md)
    r"(?:页数|样本数|样本量|条数|数量|小时数|时长|图片数|图像数|对数)\s*[:：]\s*~?约?\s*\d[\d,]{2,}",
)
#: Numbers with tokens that are not data size: context windows, throughput, compute.
NOT_SIZE = any_of(
    # "unconditional": model samples, not data (training_data/partial-model-samples-link.md)
    r"\bunconditional\b|\b(?:generated|model|output) samples\b",
    r"tokens?\s*/\s*s\b",  # "tokens/s": a speed in tokens per second (training_data/absent-context-and-benchmarks.md)
    r"\bper second\b",  # "per second": a rate per second (phrases/training-data-not-data.md)
    r"\bmemory\b|\bVRAM\b",  # "memory": memory or VRAM (phrases/training-data-not-data.md)
    r"\blatency\b",  # "latency": latency (phrases/training-data-not-data.md)
    r"上下文|每秒|显存",  # "上下文": context, speed or memory in Chinese (hyperparameters/partial-tokens-zh.md)
)

#: Next to a count of tokens, a context, sequence, window or batch is what the count measures ("a context of 4k
#: tokens", "a batch size of 2M tokens"); further away in a long sentence it is not ("(context 2048, …) trained
#: on 300B tokens").
NEAR_NOT_SIZE = any_of(
    r"\bcontext\b",  # "Context": a context, not a data size (training_data/absent-context-and-benchmarks.md)
    # "a batch size of 2M tokens": a batch, not the data (training_data/partial-batch-of-tokens-is-not-data-size.md)
    r"\bbatch(?:[- ]size)?\b",
    # "sequence length": a sequence length, not a data size (architecture/complete-spec-bullets.md)
    r"\bsequence length\b",
    r"\bwindow\b",  # "window": a window, not a data size (architecture/absent-size-in-heading-and-badge.md)
    r"\binput\b",  # "512-token input": the model's input size, not data (training_data/absent-token-input-size.md)
)

#: A byte size or a duration is the size of a machine or a run time, not of data, in a sentence about
#: hardware ("runs on a 16GB GPU", "takes 12 hours on an 8-core CPU").
# a size in bytes or hours (training_data/absent-context-and-benchmarks.md, training_data/partial-own-datasheet-link.md)
BYTES_OR_TIME = any_of(r"\d\s*(?:GB|TB|GiB|TiB)\b", r"\bhours\b|小时")
HARDWARE = any_of(
    # "GPU": hardware a model runs on (training_data/absent-context-and-benchmarks.md)
    r"\bGPUs?\b|\bCPUs?\b|\b(?:A|H|V)100\b|\bRTX\b|\bArc\b|\bcan run\b|\bruns? on\b|\bmemory\b|\bVRAM\b|\bRAM\b",
    r"显卡|显存|内存",  # "显卡": hardware in Chinese (architecture/partial-zh-param-count.md)
)

#: Composition or documentation: proportions, processing, or a datasheet.
COMPOSITION = any_of(
    rf"\b{NUM}\s*%",  # "5%": a share in percent (training_data/absent-reader-dataset-and-comparison.md)
    r"\bdata mixture\b|\bmixture (?:weights|proportions|ratios)\b|\bproportions?\b|\bsampling (?:weight|ratio)"
    r"|\bdata ?mix\b",  # "Data mix": a data mixture or its proportions (training_data/complete-breakdown-table.md)
    # "472,618 from Freesound and 13,874 from the Free Music Archive": a count per source, a breakdown
    # (training_data/complete-count-per-source.md)
    rf"\b{NUM}\s*(?:[KMBT]\b)?[^.\n]{{0,20}}\bfrom\s+(?:the\s+)?\w[^.\n]{{0,60}}?(?:\band\b|,)\s+{NUM}\s*(?:[KMBT]\b)?"
    rf"[^.\n]{{0,20}}\bfrom\b",
    # "a ratio of Japanese to English of 9:1", "比例为 7:3": the shares of the sources as a ratio
    # (training_data/complete-sources-in-a-ratio.md)
    r"\bratio\b[^.\n]{0,40}?\b\d{1,3}\s?:\s?\d{1,3}\b|\b\d{1,3}\s?:\s?\d{1,3}\s+ratio\b|比例为?\s*\d{1,3}\s*[:：]\s*\d{1,3}",
    # "1,020 training, 1,020 validation and 6,149 test images": the split of the data
    # (training_data/complete-title-case-dataset-with-splits.md)
    rf"\b{NUM}\s+(?:training|train)\b[^.\n]{{0,40}}\b{NUM}\s+(?:validation|val|dev|test)\b",
    # "1,201 scans for training and 312 for validation": the split, each part counted for its use
    # (training_data/complete-counts-for-training-and-validation.md)
    rf"\b{NUM}\s+(?:[\w-]+\s+)?for\s+training\b[^.\n]{{0,30}}?\b{NUM}\s+(?:[\w-]+\s+)?for\s+(?:validation|testing|test|evaluation)\b",
    # "deduplicated": deduplication or filtering (training_data/complete-sources-size-mix.md)
    r"\bdedup(?:licat\w*)?\b|\bfilter(?:ed|ing)\b|\b(?:were|was|are|is) (?:removed|excluded)\b|\bquality (?:filter"
    r"|classifier)|\bdecontaminat",
    # "Data card": a datasheet, domain list or cleaning step (training_data/partial-own-datasheet-link.md)
    r"\bdata ?(?:card|sheet)\b|\bdataset card\b|\bdomains?\b[^.\n]{0,30}\b(?:list|published)"
    r"|\bcovering \d+ (?:languages|domains)",
    # "AISHELL-1（178 小时）、AISHELL-2（1000 小时）": a size per source, a breakdown
    # (training_data/complete-zh-speech-corpora-with-hours.md)
    rf"[(（]\s*{NUM}\s*(?:小时|h\b|hours\b|条|万条|[KMBT]\b)[^)）]{{0,12}}[)）][^。.\n]{{1,60}}?[(（]\s*{NUM}\s*(?:小时|h\b|hours\b"
    rf"|条|万条|[KMBT]\b)",
    # "、书籍、百科、": proportions, cleaning or a listed mix in Chinese (training_data/complete-zh-enumeration.md)
    r"配比|占比|比例|去重|过滤|清洗|数据卡|、[^、，。\n]{1,12}、[^、，。\n]{1,12}、",
)

#: Corpora with their own paper or datasheet that documents their composition: naming one as the
#: training data, with a size, documents the mix ("trained on the Pile for 380B tokens").
DOCUMENTED_CORPUS = any_of(
    # "the Pile": the Pile (training_data/complete-documented-corpus-tokens.md)
    r"\bthe pile\b|\bpile\b(?= dataset| corpus)",
    r"(?-i:\bC4\b)",  # "C4": C4, in capitals (training_data/complete-sources-size-mix.md)
    r"\bmc4\b",  # "mC4": multilingual C4 (phrases/training-data-named-sources.md)
    *WEB_AND_CODE_CORPORA,
    *PUBLIC_DATASETS_BEYOND_TEXT,
    r"\broots corpus\b",  # "ROOTS corpus": the ROOTS corpus (phrases/training-data-named-sources.md)
    r"\boscar\b",  # "OSCAR": the OSCAR corpus (phrases/training-data-named-sources.md)
    r"\blaion-?\w*",  # "LAION": LAION image-text pairs (phrases/training-data-named-sources.md)
    r"openwebtext",  # "OpenWebText": OpenWebText (phrases/training-data-named-sources.md)
    r"bookcorpus",  # "BookCorpus": BookCorpus (phrases/training-data-named-sources.md)
    r"cosmopedia",  # "Cosmopedia": Cosmopedia (phrases/training-data-named-sources.md)
    r"smoltalk",  # "SmolTalk": SmolTalk (phrases/training-data-named-sources.md)
    r"ultrachat",  # "UltraChat": UltraChat (phrases/training-data-named-sources.md)
    r"ultrafeedback",  # "UltraFeedback": UltraFeedback (phrases/training-data-named-sources.md)
    r"\boasst\d?\b",  # "oasst2": OpenAssistant (oasst) (phrases/training-data-named-sources.md)
    r"\bxp3\b",  # "xP3": xP3 (phrases/training-data-named-sources.md)
    r"\bwudao\b|悟道",  # "WuDao": the WuDao corpus (phrases/training-data-named-sources.md)
    r"librispeech",  # "LibriSpeech": LibriSpeech (phrases/training-data-named-sources.md)
    r"common voice",  # "Common Voice": Common Voice (phrases/training-data-named-sources.md)
    r"imagenet",  # "ImageNet": ImageNet (phrases/training-data-named-sources.md)
    r"\bms ?coco\b",  # "MS COCO": MS COCO (phrases/training-data-named-sources.md)
    # "MS MARCO passage ranking pairs": the MS MARCO ranking data
    # (training_data/partial-fine-tuned-from-base-on-named-data.md)
    r"\bms ?marco\b",
)
#: A sentence that adds undocumented parts to a documented corpus ("… and synthetic data", "a mix of …").
MIXED_WITH_OTHERS = any_of(
    # "combination of": a mix or combination of sources (training_data/partial-documented-corpus-plus-synthetic.md)
    r"\b(?:mix|mixture|combination|blend|variety) of\b",
    # "synthetic": synthetic data mixed in (training_data/partial-documented-corpus-plus-synthetic.md)
    r"\bsynthetic\b",
    # "with other": documented data plus other data (training_data/absent-reader-dataset-and-comparison.md)
    r"\b(?:and|with|plus) (?:other|additional|our own|self-collected|private|web)\b",
    r"\baugmented with\b",  # "augmented with": data augmented with more (phrases/training-data-named-sources.md)
    r"\bbuilds? on\b",  # "builds on": data that builds on another set (phrases/training-data-named-sources.md)
    r"混合|合成|自有",  # "混合": mixed, synthetic or own data in Chinese (phrases/training-data-zh.md)
    # "和自建的中文图文数据": self-built, internal or private data beside it, in Chinese
    # (training_data/closed-zh-documented-plus-own-withheld.md)
    r"自建|自采|内部数据|私有数据",
    # "and internal web data": undocumented parts beside it (training_data/partial-documented-corpus-plus-internal.md)
    r"\b(?:internal|in-house|proprietary|private|undisclosed)\s+(?:\w+\s+)?(?:data|datasets?|sources|corpora)\b",
    # which part is not said: training_data/partial-documented-corpus-subset.md
    r"\b(?:subsets?|portions?|parts?|selection) of\b",
)

#: Filtering or deduplication said *not* to have been done is no processing ("without the filtering", "not
#: deduplicated").
NOT_PROCESSED = any_of(
    # "without moderation filtering": data used without filtering (training_data/partial-unfiltered-shared-chats.md)
    r"\bwithout\b[^.\n]{0,30}\b(?:filter|dedup)",
    # "not deduplicated": data not filtered or deduplicated (phrases/training-data-named-sources.md)
    r"\b(?:not|never)\b(?: been)?\s+(?:\w+\s+)?(?:filtered|deduplicated|dedup)",
    # "unfiltered": unfiltered or undeduplicated data (training_data/partial-model-samples-link.md)
    r"\bun(?:filtered|deduplicated)\b",
    r"未(?:经)?(?:过滤|去重)",  # "未经过滤": unfiltered data in Chinese (phrases/training-data-zh.md)
)
# "dedup": deduplication or filtering (phrases/training-data-named-sources.md, training_data/complete-zh-enumeration.md)
PROCESSING = any_of(r"\bdedup", r"\bfilter", r"去重|过滤")

#: A known source (not inside a URL or a file name: "github.com/…", "arxiv.org/abs/…" are links, not
#: sources) or a named dataset; one alternative per source, so each is searched only where its name occurs.
NAMED_SOURCE = any_of(*(rf"(?<![/.@-])(?:{source})(?!\.[a-z])" for source in KNOWN_SOURCES), *NAMED.alternatives)  # type: ignore[attr-defined]  # any_of builds a LazyPattern, typed as re.Pattern
ELEMENTS = {"named sources": NAMED_SOURCE, "size": SIZE, "composition": COMPOSITION}

#: In usage and evaluation sections only an explicit statement about the release's own training counts.
STRONG_TOPIC = any_of(
    # "Trained on": a sentence starting "trained on" (phrases/training-data-statement.md)
    r"^\W*(?:pre-?)?trained on\b",
    # "during training": during training (hyperparameters/complete-keras-schedule.md)
    r"\bduring (?:pre-?)?training\b|在预训练(?:过程|阶段)中",
    # "was trained on": was trained or fine-tuned on something (training_data/closed-modal-will-not-be-able.md)
    # "was trained in three stages on": up to four words between
    # (training_data/partial-trained-in-stages-on-filtered-subset.md)
    r"\b(?:was|were|is|are|been|we|model|models)\s+(?:\w+\s+)?(?:pre-?trained|trained|fine-?tuned"
    r"|finetuned)\s+(?:(?!and\b|or\b|evaluated\b|tested\b)\w+\s+){0,4}on\b",
    # "The training data consists of", "the training and held-out datasets consist of": what the training data is
    # made of, wherever it is said (training_data/partial-training-data-consists-of-in-limitations.md,
    # training_data/partial-training-set-consists-of.md)
    r"\b(?:training|pre-?training|fine-?tuning)\s+(?:and\s+[\w-]+\s+)?(?:data|datasets?|corpus|sets?)\s+(?:consists?\s+of"
    r"|comprises?|(?:is|are)\s+made\s+up\s+of)\b",
    # "we used for training": data we built for training (training_method/complete-commands-we-used.md)
    r"\bwe (?:created|used|collected|built|curated)\b[^.\n]{0,40}\bfor (?:unsupervised )?(?:pre-?)?training",
    # "在 256 张 H800 上训练": training data statements in Chinese (extras/open-zh.md)
    r"(?:预训练|训练)(?:数据|语料)(?:包括|包含|来自|为)|(?:在|基于)[^。\n]{0,30}(?:上|中)(?:进行)?(?:预训练|训练)",
    # "经过了 2T 中英词元的预训练": pre-trained on a counted amount of data, in Chinese
    # (training_data/partial-zh-pretrained-on-count.md)
    rf"经过了?\s*{NUM}\s*(?:万亿|亿|[KMBT])?[^。，,\n]{{0,12}}的(?:预训练|训练)",
    # "只训练了五千亿Tokens": trained on a counted amount of tokens, in Chinese
    # (hyperparameters/partial-zh-numeral-token-count.md)
    r"(?:预)?训练了[^。，,\n]{0,16}(?:token|词元|标识符)",
)

#: Sentences about data picked for a demonstration: "为了简单展示模型的微调流程，我们在 X 中采样了 1w 条数据" is data
#: for a demonstration of fine-tuning, not the release's.
# "为了简单展示": for a simple demonstration (training_data/absent-demonstration-data-zh.md)
DEMO = any_of(r"\b(?:to demonstrate|for (?:a |the )?demonstration|as a demo)\b|为了(?:简单)?(?:展示|演示|示范)")
#: Sentences addressed to the reader (data they may use, not data the release was trained on), or about a demonstration.
READER = any_of(
    # "You": the reader addressed (training_data/absent-reader-dataset-and-comparison.md)
    r"\byou(?:r)?\b",
    r"您|你",  # "你": the reader addressed, in Chinese (phrases/training-data-zh.md)
    # "大家也可以在自己的领域数据上继续精调": everyone, on their own data, in Chinese
    # (training_data/absent-zh-readers-own-domain-data.md)
    r"大家|(?<!我们)(?<!我)自己的[^。，,\n]{0,8}数据",
    *DEMO.alternatives,  # type: ignore[attr-defined]  # any_of builds a LazyPattern, typed as re.Pattern
)

#: Training data cleaned against the evaluation sets ("de-duplicated against the test sets"): about the training data.
DECONTAMINATED = any_of(
    # "de-duplicated against the evaluation sets" (training_data/complete-named-in-structure.md)
    r"\b(?:de-?duplicated|decontaminated|filtered|removed|excluded)\b[^.\n]{0,30}\b(?:against|from|with)\s+(?:the\s+)?"
    r"(?:evaluation|test|benchmark)",
)

#: Sentences about evaluation: datasets and percentages there are benchmarks and scores.
EVALUATION = any_of(
    r"\bevaluat",  # "Evaluation": evaluation (training_data/absent-context-and-benchmarks.md)
    r"\bbench(?:mark)?",  # "Benchmark": a benchmark (training_data/complete-sources-size-mix.md)
    r"\bleaderboard",  # "leaderboard": a leaderboard (phrases/training-data-not-data.md)
    r"\bpass@",  # "pass@1": a pass@k score (phrases/training-data-not-data.md)
    r"\baccuracy\b",  # "accuracy": accuracy (phrases/training-data-not-data.md)
    r"\bwin ?rate",  # "win rate": a win rate (phrases/training-data-not-data.md)
    r"\bscores?\b",  # "Score": a score (training_data/absent-reader-dataset-and-comparison.md)
    r"\bperformance\b",  # "performance": performance (phrases/training-data-not-data.md)
    r"评测|测评|评估|性能|准确率|得分|榜",  # "评测": evaluation in Chinese (phrases/training-data-zh.md)
)

#: Pages that document a dataset (hub pages, catalogues, dataset cards): name, size and datasheet in one.
DATASET_URL = any_of(
    # "huggingface.co/datasets/cais": a Hugging Face dataset page (training_data/absent-context-and-benchmarks.md)
    r"huggingface\.co/datasets/",
    r"hf\.co/datasets/",  # "hf.co/datasets/": a short hf.co dataset page (phrases/training-data-named-sources.md)
    # "modelscope.cn/datasets/finch-lab": a ModelScope dataset page (phrases/training-data-named-sources.md)
    r"modelscope\.cn/datasets/",
    r"kaggle\.com/datasets/",  # "kaggle.com/datasets/": a Kaggle dataset page (phrases/training-data-named-sources.md)
    r"zenodo\.org/records?/",  # "zenodo.org/records/123456": a Zenodo record (phrases/training-data-named-sources.md)
    # "tensorflow.org/datasets/catalog/": a TensorFlow Datasets catalogue page (phrases/training-data-named-sources.md)
    r"tensorflow\.org/datasets/catalog/",
    # "opendatalab.com/finch-lab": an OpenDataLab page (phrases/training-data-named-sources.md)
    r"opendatalab\.(?:com|org\.cn)/",
    r"universe\.roboflow\.com/",  # a dataset hub's project page (training_data/complete-dataset-hub-page-roboflow.md)
)

#: Link text of a datasheet or data card, and sentences that say where the data itself was published.
# "Data card": a data card or datasheet link (training_data/partial-own-datasheet-link.md, phrases/training-data-zh.md)
DATASHEET_LINK = any_of(
    r"\bdata ?cards?\b|\bdata ?sheets?\b|\bdataset cards?\b",
    # "数据说明": a linked page that describes the data (training_data/complete-zh-data-description-link.md)
    r"数据卡|数据说明|数据文档|数据介绍",
)
# "datasets": a link to data or a data file (open-reproducible-zh.md)
DATA_LINK = any_of(r"\bdata(?:sets?)?\b|\bcorp(?:us|ora)\b|\.(?:jsonl?|parquet|csv|tsv|txt)\b", r"数据|语料")
PUBLISHED = any_of(  # "released", "开源": data said released, available or published (phrases/openwashing-claims.md)
    r"\breleased?\b|\bavailable\b|\bcan be found\b|\bdownload|\bhosted\b|\bpublished\b", r"开源|发布|下载|公开"
)
#: The model's own files: a record or page in a sentence about them holds the weights, not the training data
#: (training_data/absent-weights-on-a-record-host.md).
MODEL_FILES = any_of(r"\b(?:model )?weights\b|\bcheckpoints?\b|\bpre-?trained models?\b", r"权重")
#: Data given as an illustration of the format: a demo, toy or dummy sample (partial-demo-data-link.md).
ILLUSTRATION = any_of(r"(?<![a-z])(?:demo|toy|dummy|mock)(?![a-z])", r"示例数据|样例数据|演示数据")

#: Data that calibrates a quantisation ("AWQ dataset", "calibration samples"): it was run through the
#: finished model, not used to train it (training_data/absent-quantisation-calibration-data.md).
CALIBRATION = any_of(
    # "calibration dataset", "calibration used 128 samples": quantisation calibration data
    r"\bcalibration\s+(?:data(?:sets?)?|sets?|samples?|corpus|used)\b",
    # "AWQ Dataset", "GPTQ dataset": the data column of a quantisation table
    r"\b(?:AWQ|GPTQ|EXL2|imatrix|quanti[sz]ation)\s+(?:data(?:sets?)?|calibration)\b",
    # "校准数据": calibration data, in Chinese (training_data/absent-quantisation-calibration-data.md)
    r"校准数据|量化数据",
)


def _calibration(block: Optional[Block], sentence: str) -> bool:
    """True when the sentence, or the header of the table row it is in, is about quantisation calibration."""
    header = " | ".join(block.header) if block is not None and block.kind == "table_row" else ""
    return bool(CALIBRATION.search(sentence) or (header and CALIBRATION.search(header)))


#: A sentence that says where the list of the training datasets is ("The list of datasets … is in [x.json](…)"):
#: the linked file names them.
DATASET_LIST = any_of(
    # "The list of datasets": a list or table of the datasets or sources (training_data/complete-linked-dataset-list.md)
    r"\b(?:full |complete )?(?:list|table|overview|names)\s+of\s+(?:the\s+|all\s+|our\s+)?(?:\d+\s+)?(?:training\s+)?"
    r"(?:data(?:sets)?|sources|corpora)\b",
    # "数据集列表": a list of the datasets, in Chinese (training_data/complete-linked-dataset-list.md)
    r"(?:数据集|数据来源)(?:的)?(?:完整)?(?:列表|清单)",
)

#: A link that calls itself the data's source ("[Data Source Link](…)"), under a data heading: the dataset's page.
# "[Data Source Link](…)" (training_data/complete-data-source-link-under-data-heading.md)
DATA_SOURCE_LINK = any_of(r"\[\W*(?:training )?data(?:set)? source(?: link| page)?\W*\]")

#: Links to the model's own outputs ("unconditional samples", ``…_samples.jsonl``, generations): not training data.
OUTPUTS_LINK = any_of(
    # "unconditional, unfiltered samples": model samples (training_data/partial-model-samples-link.md)
    r"\b(?:unconditional|generated|model|output)\b[^.\n]{0,30}\bsamples\b",
    # "model outputs": model outputs or generations (phrases/training-data-not-data.md)
    r"\b(?:model |generated )(?:outputs|generations|completions)\b",
    r"生成(?:样例|结果)",  # "生成样例": generated samples in Chinese (phrases/training-data-zh.md)
)
# "samples.jsonl) (Heron was trained on ar…": a file of samples or outputs (training_data/partial-model-samples-link.md)
OUTPUTS_FILE = any_of(r"(?<![a-z])(?:samples|outputs|generations|completions)(?![a-z])[^/]*$")
#: A "Dataset:" / "数据:" key line: its link or hub id (``org/name``) is the dataset's own page.
DATA_KEY = any_of(
    # "- Datasets:": a dataset key line (training_data/absent-library-versions.md)
    r"^\W{0,6}(?:training |fine-?tuning )?(?:data(?:sets?)?|corpus)\W{0,4}[:：]",
    # "- **数据**:": a dataset key line in Chinese (training_data/complete-zh-data-key-link.md)
    r"^\W{0,6}(?:训练)?(?:数据集?|语料)\W{0,4}[:：]",
)
# "`acme/heron-flashcards`": a hub id in backticks (training_data/complete-dataset-key-hub-id.md)
HUB_ID = any_of(r"`[\w.-]{1,100}/[\w.-]{1,100}`", flags=0)

#: Lines that give a dataset as a benchmark.
# "Evaluation": a benchmark or test set link (phrases/training-data-not-data.md, phrases/training-data-zh.md)
EVAL_LINK = any_of(r"\bevaluat", r"\bbenchmark", r"\bleaderboard", r"\btest set", r"评测|测评|测试集")

#: Vague descriptions that alone make the criterion partial, never complete.
VAGUE = {
    "vague description": any_of(
        # "十万级高质量的中文医疗数据", "多轮对话数据集": data named only by its kind or quality, in Chinese
        # (training_data/partial-zh-kind-of-data.md)
        r"(?:高质量|大规模|海量|多轮|中文|英文|中英文?|医疗|医学|指令|对话|领域|合成)[^，。,\n]{0,8}?(?:数据集?|语料)",
        # "publicly available sources": publicly available data, unnamed (training_data/partial-vague-public-sources.md)
        r"\bpublicly available (?:data|sources|datasets|online data)",
        # "only uses public datasets for training": public data, unnamed (training_data/partial-uses-public-datasets.md)
        r"\b(?:uses?|used|using|from|on) (?:only )?(?:open[- ]source|public|open) (?:datasets|data|corpora)\b",
        # "a mixture of web": a mixture of unnamed kinds of data (training_data/partial-user-finetune-section.md)
        r"\b(?:a )?(?:new )?mix(?:ture)? of (?:publicly available|licensed|web|online)",
        r"\bweb data\b",  # "web data": web data, unnamed (training_data/partial-documented-corpus-plus-synthetic.md)
        # "high-quality data": high-quality data, unnamed (phrases/training-data-not-data.md)
        r"\bhigh[- ]quality (?:data|corpus|corpora|dataset)",
        # "curated dataset": curated data, unnamed (training_data/complete-documented-corpus-tokens.md)
        r"\bcurated (?:data|dataset)",
        r"\btraining data\b",  # "Training Data": training data, unnamed (training_data/absent-template-placeholder.md)
        # "trained on a photo of sks dog", "a handful of photos of my own teapot": the subject of a few images, as
        # DreamBooth and LoRA cards say (training_data/partial-trained-on-photos-of-a-subject.md,
        # training_data/partial-handful-of-photos-of-own-object.md)
        r"\b(?:trained|fine-?tuned)\s+on\s+(?:a |an |the |\d+ |some |a few |a handful of |a dozen |several )?"
        r"(?:[\w-]+ )?(?:photos?|images?|pictures?|recordings?|clips?|videos?|scans?|drawings?|paintings?) of\b",
        # "synthetic data": synthetic data, unnamed (training_data/partial-documented-corpus-plus-synthetic.md)
        r"\bsynthetic data\b",
        # "code data": a kind of data, unnamed (hyperparameters/partial-training-tokens.md)
        r"\b(?:instruction|math|reasoning|code|comparison|preference|mixed-quality|dialogue|conversation"
        r"|alignment)[\w-]*(?: [\w-]+)? data\b",
        # "millions of curated tokens": millions of tokens, not counted (phrases/training-data-not-data.md)
        r"\b(?:trillions|billions|millions) of\b[^.\n]{0,30}\btokens\b",
        # "trained on large amounts of audio", "trains on synthetic datasets", "fine-tuned on our users' conversations":
        # material named only by its kind (training_data/closed-users-conversations-not-shared.md)
        # "trained on public weather station reports" (training_data/partial-limitation-is-not-withholding.md)
        # "pretrained with interleaved image-text data" (training_data/partial-pretrained-with-kind-of-data.md)
        r"\b(?:(?:pre-?)?train(?:ed|s)?|fine-?tuned) (?:on|using|with) "
        r"(?!\d|(?:an? |the )?(?:single |multiple |\d+ )?(?:GPUs?|TPUs?|nodes?|machines?|clusters?)\b)"
        r"(?!(?:the |this |our )?(?:following |above |below )?code\b)"  # "trained with the following code": not data
        r"(?:[\w-]{1,20} ){0,4}"
        r"(?:data|datasets?|corpus|corpora|text|images|audio|videos|speech|recordings|reports|logs|documents"
        r"|conversations|code|pairs|molecules|structures|samples|examples)\b",
        # "trained on large-scale multi-species genomes": data described only by its scale or variety
        # (training_data/partial-trained-on-large-scale-kind.md)
        r"\b(?:pre-?)?trained on (?:a |an |the )?(?:large[- ]scale|massive|vast|diverse|huge|extensive|web[- ]scale"
        r"|internet[- ]scale)\b",
        # "The training and validation datasets consist of scans from …": what the training set is made of
        # (training_data/partial-training-set-consists-of.md)
        r"\btraining (?:and [\w-]+ )?(?:data ?sets?|data|sets?) (?:consists?|consisted|comprises?|comprised|contains?"
        r"|contained|includes?|included|(?:is|are|was|were) made up) of\b",
        # "基于数十亿图文对进行训练": an amount given only as an order of magnitude, in Chinese
        # (training_data/partial-zh-order-of-magnitude.md)
        r"(?:数十亿|数百亿|数亿|上亿|数千万|数百万|千万级|百万级|亿级)[^，。,\n]{0,6}(?:图文对|样本|条|对|小时|张|tokens?|词元)",
        # "指令数据": instruction or preference data in Chinese (phrases/training-data-zh.md)
        r"instruction\s*数据|指令数据|对齐数据|偏好数据",
        # "使用了大量工具调用数据对模型进行训练": a kind of data the model was trained with, in Chinese
        # (training_data/partial-zh-kind-of-data-used-for-training.md)
        r"大量[^。，\n]{0,12}数据|(?:使用|采用|利用)了?[^。\n]{0,20}数据(?:对模型)?进行了?(?:预训练|训练|微调)",
        # "训练数据": public or training data in Chinese, unnamed (training_data/closed-zh-not-public.md)
        r"公开数据|互联网数据|高质量数据|海量数据|训练数据|预训练数据|语料",
    )
}

#: A fine-tuning section offered to users ("Fine-tuning", 微调) rather than a stage of the release.
USER_FINETUNE_HEADING = any_of(  # "Fine-tuning", 微调: a section for the reader (phrases/user-finetune.md)
    r"^fine-?tuning$", r"\bfine-?tun\w* (?:on|with|for) (?:your|custom|own)", r"\bhow to fine-?tune", r"^(?:模型)?微调$"
)

#: A pointer to the paper or report for the data ("Section 3 of the paper describes the corpus", "see our
#: technical report"), in a sentence about data or under a data heading: a generic pointer, partial only.
PAPER_POINTER = any_of(
    # "refer to Section 3 of our paper": a pointer to a paper, report or section
    # (training_data/partial-paper-section-pointer.md)
    r"\b(?:refer to|see|described in|detailed in|documented in|details (?:are|can be found) in)\b[^.\n]{0,60}"
    r"\b(?:paper|report|section \d)",
    # "Section 3 of the paper describes": the paper said to describe it (training_data/partial-paper-section-pointer.md)
    r"\b(?:paper|report)\b[^.\n]{0,40}\b(?:describes|details|documents)\b",
    # "详见技术报告": see the paper or report, in Chinese (training_data/partial-paper-section-pointer.md)
    r"(?:详见|参见|请见|见)[^。\n]{0,20}(?:论文|技术报告)",
)

#: A sentence that gives only the format or template the data was written in ("The training data used the ChatML
#: format"): it says how prompts look, not what the data is.
FORMAT_ONLY = any_of(
    # "used the ChatML format": a format or template the data follows (training_data/absent-data-format-only.md)
    r"\b(?:used?|uses|follows?|followed|is in|was in|were in|are in)\s+(?:the\s+)?(?:[\w-]{1,20}\s+){0,2}"
    r"(?:format|template|schema)\b",
    # "采用 ChatML 格式": a format or template the data follows, in Chinese (training_data/absent-data-format-only.md)
    r"(?:采用|使用|遵循|为)[^。，\n]{0,20}(?:格式|模板)",
)

#: Names of the data setting, for "Training data: TBD" / 数据：待补充 (a placeholder where the value should be).
# "datasets": a data setting's name (open-reproducible-zh.md)
DATA_NAME = any_of(r"\b(?:training |pre-?training )?(?:data(?:sets?)?|corp(?:us|ora))\b", r"数据|语料")

#: How a finding names each missing element.
HINTS = {
    "named sources": "the named datasets or sources",
    "size": "the data size (tokens, examples, hours …)",
    "composition": "the composition or a datasheet link",
}

#: What a withholding sentence names: "… is proprietary" (closed-proprietary.md, closed-zh-not-public.md).
SUBJECT = [
    # "datasets": data, named in a withholding sentence (training_data/absent-context-and-benchmarks.md)
    r"\bdata(?:sets?)?\b",
    # "Corpus": a corpus, named in a withholding sentence (training_data/complete-breakdown-table.md)
    r"\bcorpus\b|\bcorpora\b",
    r"数据|语料",  # "数据": data in Chinese, named in a withholding sentence (training_data/closed-zh-not-public.md)
    # "the exact number of images": data items other than text, named in a withholding sentence
    # (training_data/closed-images-count-not-disclosed.md)
    r"\b(?:images|videos|clips|recordings|image-text pairs)\b",
    # "the scans cannot be shared": medical images or records, named in a withholding sentence
    # (training_data/closed-patient-scans-not-shared.md)
    r"\b(?:scans|slides|patient data|medical records|health records)\b",
    # "not permitted to share these conversations": text items, named in a withholding sentence
    # (training_data/closed-users-conversations-not-shared.md)
    r"\b(?:conversations|dialogues|chat logs|messages|transcripts|emails|documents|tickets)\b",
]

#: Section headings (placeholder text alone under one is reported): "## Training data", "## Datasets", 训练数据
#: (absent-template-placeholder.md).
SECTIONS = [
    r"\btraining data\b",  # "Training Data": a training data heading (training_data/absent-template-placeholder.md)
    r"\bdata(?:sets?)?\b",  # "datasets": a data heading (training_data/absent-context-and-benchmarks.md)
    r"训练数据|数据集|数据",  # "训练数据": a data heading in Chinese (training_data/closed-zh-not-public.md)
]


def _main_place(block: Block) -> bool:
    """Prose and tables about the release: not code, usage, evaluation or an offer to fine-tune."""
    return block.kind not in ("code", "heading", "front_matter") and not _aside(block.section)


def _aside_place(block: Block) -> bool:
    return block.kind not in ("code", "heading", "front_matter") and _aside(block.section)


def _aside(section: Optional[Section]) -> bool:
    """Usage, evaluation and user fine-tuning sections: they rarely say what the release was trained on.

    The nearest heading decides: "Evaluation > Training data" is about data, "Data > Usage" is not.
    """
    below_release_heading = False
    while section is not None:
        title = section.title
        if section.instructs:
            return True  # a how-to for fine-tuning the model on the reader's data
        if (
            heading_matches(USAGE_HEADING, title)
            or heading_matches(NOT_TRAINING_HEADING, title)
            or heading_matches(USER_FINETUNE_HEADING, title)
        ):
            return True
        role = heading_role(title)
        if heading_matches(TOPIC_HEADING, title) and role is not Role.USE:
            # a data heading, unless the data is the reader's ("Fine-tune on your own data", 在自己的数据上微调)
            return False
        if role is Role.RELEASE:
            below_release_heading = True  # "Training" keeps its release role under a misplaced "# Uses"
        elif role is not None and not below_release_heading:
            return True  # comparisons, news, usage, citation
        section = section.parent
    return False


def _line(card: Card, line: int) -> str:
    return card.lines[line - 1] if 0 < line <= len(card.lines) else ""


def _sentence_at(hit: Hit) -> str:
    """The sentence of the hit's block that holds the quote, as one line (a hard-wrapped sentence is whole)."""
    return hit_sentence(hit) or hit.quote


def _near(hit: Hit, reach: int = 30) -> str:
    """The hit's sentence within ``reach`` characters of it (training_data/complete-size-late-in-spec-sentence.md)."""
    sentence, quote = _sentence_at(hit), one_line(hit.quote)
    at = sentence.find(quote)
    return sentence if at < 0 else sentence[max(0, at - reach) : at + len(quote) + reach]


def _evidence(card: Card) -> dict[str, list[Hit]]:
    """Element hits in sentences about the training data; sizes and shares that are not about data dropped.

    A sentence addressed to the reader ("you can fine-tune it on the X dataset") names the reader's
    data, not the release's, unless it says what the release was trained on.
    """
    found = scan(
        card, ELEMENTS, where=_main_place, skip_withheld=False, topic=TOPIC, topic_heading=TOPIC_HEADING, urls=False
    )
    aside = scan(card, ELEMENTS, where=_aside_place, skip_withheld=False, topic=STRONG_TOPIC, urls=False)
    # the release's own row of a comparison table: its data-unit columns ("Training Tokens") are its data size
    # (training_data/partial-own-row-of-comparison.md)
    own_row = release_rows(card)
    own = scan(card, {"size": SIZE}, where=lambda b: own_row(b) and _aside(b.section), skip_withheld=False, urls=False)
    aside["size"] += [h for h in own["size"] if h not in aside["size"]]
    for name in found:
        found[name] += aside[name]
        found[name] = [
            h
            for h in found[name]
            if (
                (not EVALUATION.search(hit_clause(h) or _sentence_at(h)) or DECONTAMINATED.search(_sentence_at(h)))
                and not READER.search(_sentence_at(h))
            )
            or STRONG_TOPIC.search(_sentence_at(h))
        ]
        found[name] = [h for h in found[name] if not _calibration(h.block, _sentence_at(h))]
    samples = _sample_tables(card)
    for name in found:
        found[name] = [h for h in found[name] if h.block is None or id(h.block) not in samples]
    found["size"] = [
        h
        for h in found["size"]
        if not NOT_SIZE.search(_sentence_at(h))
        and not NEAR_NOT_SIZE.search(_near(h))
        and not (BYTES_OR_TIME.search(h.quote) and HARDWARE.search(_sentence_at(h)))
    ]
    found["composition"] = [
        h for h in found["composition"] if not (PROCESSING.search(h.quote) and NOT_PROCESSED.search(_sentence_at(h)))
    ]
    return found


#: The line that introduces a table of example records ("* Samples:"): the rows are data, not facts about it.
SAMPLES_INTRO = any_of(
    r"^\W{0,6}(?:samples|examples|sample (?:rows|records|data)|data samples)\W{0,4}$",
    r"^\W{0,6}(?:样例|示例数据)\W{0,4}$",
)


def _sample_tables(card: Card) -> set[int]:
    """Ids of the rows of tables of example records: a table whose line above says "Samples:"."""
    rows: set[int] = set()
    for table in card.tables:
        above = table.line - 1
        if 0 < above <= len(card.lines) and SAMPLES_INTRO.search(card.lines[above - 1].strip()):
            rows.update(id(row) for row in table.rows)
    return rows


def _documented_corpora(found: dict[str, list[Hit]]) -> list[Hit]:
    """Named sources that are one documented corpus, on their own: its datasheet gives the composition."""
    return [
        Hit("composition", h.line, h.quote, h.block)
        for h in found["named sources"]
        if DOCUMENTED_CORPUS.search(h.quote) and not MIXED_WITH_OTHERS.search(_sentence_at(h))
    ]


def _dataset_pages(card: Card) -> list[Hit]:
    """Links to a dataset's own page, unless given as a benchmark or in a usage/evaluation section."""
    hits = []
    prose_at: dict[int, str] = {}  # line → the text of the prose block around it (hard-wrapped sentences)
    for block in card.blocks:
        if block.kind in ("paragraph", "list_item", "blockquote") and block.end_line > block.line:
            for at in range(block.line, block.end_line + 1):
                prose_at[at] = block.text
    link_lines = {link.line for link in card.links}
    rows_at = {row.line: row for table in card.tables for row in table.rows if row.line in link_lines}
    for link in card.links:
        if link.image:
            continue  # a badge or figure hosted on a dataset page is a picture, not the dataset
        if link.line <= card.front_matter_end:
            continue  # a widget's example image, a model-index result's source: the datasets key names the data
        line = _line(card, link.line)
        if link.line in prose_at:
            line = _link_sentence(prose_at[link.line].replace("\n", " "), link.url)
        elif "|" not in line:  # a table row is read whole; a line of prose by its sentences
            line = _link_sentence(line, link.url)  # the link's own sentence, not its neighbours on the line
        if ILLUSTRATION.search(link.text) or ILLUSTRATION.search(link.url.split("//", 1)[-1].partition("/")[2]):
            continue  # a demo or toy sample of data shows the format; it is not the training data
        if _calibration(rows_at.get(link.line), line):
            continue  # the data a quantisation was calibrated on, not the training data
        trained_on = (
            _trained_on_link(link.text, link.url, line) or _called_dataset(link, line) or _leads_data_line(link, line)
        )
        if MODEL_FILES.search(line) and not DATA_LINK.search(line) and not trained_on:
            continue  # "Model weights are available at https://zenodo.org/records/…": the weights' record, not data
        dataset_url = DATASET_URL.search(link.url)
        page = (
            dataset_url
            or DATASHEET_LINK.search(link.text)
            or DATASET_LIST.search(line)
            or trained_on
            or (DATA_SOURCE_LINK.search(f"[{link.text}]") and in_section(link.section, TOPIC_HEADING))
            or (
                PUBLISHED.search(line)
                and (STRONG_TOPIC.search(line) or (TOPIC.search(line) and DATA_LINK.search(link.text + " " + link.url)))
            )
        )
        if not page:
            continue
        outputs = OUTPUTS_LINK.search(link.text) or (not dataset_url and OUTPUTS_FILE.search(link.url))
        if EVAL_LINK.search(line) or outputs:
            continue
        if (_aside(link.section) or READER.search(_link_sentence(line, link.url))) and not STRONG_TOPIC.search(line):
            continue  # in usage or evaluation, or offered to the reader ("you can fine-tune it on [X](…)")
        if (
            not dataset_url
            and DATASHEET_LINK.search(link.text)
            and not DATA_LINK.search(link.url.rsplit("/", 1)[-1].replace("data_card", "").replace("datasheet", ""))
        ):
            hits.append(
                Hit("composition", link.line, link.url)
            )  # a datasheet of our own: the composition, not a named dataset
            continue
        hits.append(Hit("named sources", link.line, link.url))
    return hits


#: The words just before a link that is what the release was trained on: "trained on [",
#: "fine-tuned on the [", "continued pre-training on 40k reports from [" (a count of it, not "subsets of")
#: "we train on [", "trained on the ERA6 reanalysis ([" (training_data/complete-trained-on-linked-dataset-page.md,
#: training_data/complete-trained-on-name-then-its-page.md,
#: training_data/complete-training-on-count-from-linked-page.md, training_data/complete-we-train-on-linked-page.md).
TRAINED_ON_LINK = any_of(
    r"\b(?:pre-?trained|trained|(?:pre-?)?trains?|(?:pre-?)?training|fine-?tuned|fine-?tunes?|fine-?tuning|finetuned)\s+"
    r"(?:\w+\s+){0,2}on\s+"
    r"(?:\d[^.\[\n]{0,60}\s(?:from|of)\s+)?(?:the\s+)?(?:[*_]{0,2}[^.\[\]()*_\n]{2,60}[*_]{0,2}\s*\()?\[$"
)
#: A model's page on a hub: a link there is a model, not data.
# "huggingface.co/basalt-ai/": a model page on a hub (training_data/absent-continued-from-linked-base-model.md)
MODEL_PAGE = any_of(r"(?:huggingface\.co|hf\.co|modelscope\.cn/models)/(?!datasets/)[\w.-]+/")
#: Link text shaped like a model name with its size ("Acme-4-9B"): the base model, not data ("COYO-700M" is a
#: documented dataset, known by name).
# "Basalt-2-9B": a name ending in a parameter count (training_data/absent-continued-from-linked-base-model.md)
MODEL_SIZED_NAME = any_of(r"(?-i:[-_ ]\d+(?:\.\d+)?[BM])(?![\w.])")


#: Hardware named in a link or right after it: "fine-tuning on [Habana](…) Gaudi2" is where, not what, it trained on.
# "[Habana](…) Gaudi2": an accelerator (training_data/partial-fine-tuned-on-linked-hardware.md)
LINKED_HARDWARE = any_of(
    r"^\W{0,3}(?:Gaudi\d*|GPUs?|TPUs?(?:[- ]?v\d)?|IPUs?|accelerators?|clusters?|supercomputers?|(?:A|H|V|L)\d00s?)\b"
    r"|\b(?:GPUs?|TPUs?|accelerators?|Gaudi\d*)$"
)


def _trained_on_link(text: str, url: str, sentence: str) -> bool:
    """A link that the sentence says the release was trained on, to a page of its own ("trained on
    [COCO](https://cocodataset.org)"): the dataset's page, with its size and documentation."""
    at = sentence.find(f"[{text}](")
    after = sentence[at + len(text) + len(url) + 4 : at + len(text) + len(url) + 30] if at >= 0 else ""
    return (
        at >= 0
        and not LINKED_HARDWARE.search(after)
        and not LINKED_HARDWARE.search(text.strip())
        and "|" not in sentence  # a row of a table of checkpoints says what each variant was tuned on
        and not (MODEL_SIZED_NAME.search(text.strip()) and not DOCUMENTED_CORPUS.search(text))
        and bool(TRAINED_ON_LINK.search(sentence[max(0, at - 80) : at + 1]))
        and not MODEL_PAGE.search(url)
        and not DATASHEET_LINK.search(text)
    )


#: The word right after a link that calls it a dataset: "in the [Open Reef](…) collection".
# "[Coral Sounds](…) collection": a link followed by a dataset noun (training_data/complete-link-called-a-collection.md)
CALLED_DATASET = any_of(r"^\s*(?:data ?sets?|collections?|corpus|corpora)\b")


def _called_dataset(link: Link, sentence: str) -> bool:
    """A link the next word calls a dataset, in a sentence or section about the training data."""
    markup = f"[{link.text}]({link.url})"
    at = sentence.find(markup)
    return (
        at >= 0
        and bool(CALLED_DATASET.search(sentence[at + len(markup) : at + len(markup) + 20]))
        and bool(TOPIC.search(sentence) or in_section(link.section, TOPIC_HEADING))
        and not MODEL_PAGE.search(link.url)
    )


#: "We use [X](…)": the words before a link that is the data used, under a data heading.
WE_USE_LINK = any_of(r"\b(?:we|they) (?:use|used|adopt|adopted)\s+(?:the\s+)?\[$")


def _leads_data_line(link: Link, sentence: str) -> bool:
    """A link that opens a line with a data size, or that "we use", under a data heading ("- [Reef Calls](…): 900
    hours", "We use [Indoor Scans](…) (1,600 scans)"): the dataset's page, given with its size
    (training_data/complete-data-line-led-by-link.md, training_data/complete-counts-for-training-and-validation.md)."""
    opening = sentence.lstrip(" -*+•>")
    at = sentence.find(f"[{link.text}](")
    return (
        (
            opening.startswith(f"[{link.text}](")
            or (at >= 0 and bool(WE_USE_LINK.search(sentence[max(0, at - 40) : at + 1])))
        )
        and in_section(link.section, TOPIC_HEADING)
        and bool(SIZE.search(sentence))
        and not MODEL_PAGE.search(link.url)
    )


def _link_sentence(line: str, url: str) -> str:
    """The sentence of ``line`` that holds the link to ``url`` (the whole line when not found)."""
    at = line.find(url)
    for offset, sentence in sentences(line) if at >= 0 else ():
        if offset <= at < offset + len(sentence):
            return sentence
    return line


def _data_key_lines(card: Card) -> list[Hit]:
    """``- Dataset: `org/name` `` or ``- **Data**: [Name](url)``: the training data named by its own page."""
    linked = {link.line for link in card.links}
    hits = []
    for block in card.blocks:
        if block.kind not in ("paragraph", "list_item") or _aside(block.section):
            continue
        text = clean(block.text)
        key = DATA_KEY.search(text)
        if key and (block.line in linked or HUB_ID.search(text, key.end())) and not EVAL_LINK.search(text):
            hits.append(Hit("named sources", block.line, text.strip(), block))
    return hits


def _breakdown_tables(card: Card) -> list[Hit]:
    """A table under a data heading listing three or more sources with numbers: names and composition."""
    hits = []
    samples = _sample_tables(card)
    for table in card.tables:
        if not in_section(table.section, TOPIC_HEADING) or _aside(table.section):
            continue
        rows = [r for r in table.rows if re.search(r"\d", r.text) and r.cells and r.cells[0].strip()]
        if len(rows) >= 3 and id(rows[0]) not in samples:
            hits.append(Hit("composition", rows[0].line, rows[0].text, rows[0]))
    return hits


def _front_matter_datasets(card: Card) -> list[Hit]:
    return [
        Hit("named sources", b.line, b.text, b)
        for b in card.blocks
        if b.kind == "front_matter" and b.info == "datasets" and clean(b.text).split(":", 1)[-1].strip()
    ]


#: A sentence that mentions training at all (weaker than :data:`STRONG_TOPIC`).
TRAINING_MENTION = any_of(r"\b(?:pre-?|re-?)?train(?:ed|ing|s)?\b|\bfine-?tun\w*|\breproduc\w*", r"训练|微调|复现")
#: A config or launch line that names the training dataset by its hub id: ``dataset.name = "org/name"``.
DATASET_KEY_IN_CODE = any_of(
    r"\b(?:train[_.-]?)?dataset(?:[._-]?(?:name|path|id))?\s*[:=]\s*[\"'][\w.-]{1,100}/[\w.-]{1,100}[\"']",
    r"--(?:train[_-]?)?dataset(?:[_-](?:name|path))?[ =][\w.-]{1,100}/[\w.-]{1,100}\b",
    # "datasets: - path: org/name": a YAML list of datasets by hub id
    # (training_data/partial-training-config-names-dataset.md)
    r"\bdatasets?\s*:\s*\n\s*-\s*(?:path|name)\s*:\s*[\"']?[\w.-]{1,100}/[\w.-]{1,100}",
)
#: Keys of a training run in a config: a block with them and a dataset key is the release's training config.
TRAINING_KEYS = re.compile(r"^[ \t]*(?:learning_rate|lr|num_epochs|num_train_epochs|max_steps|optimizer)\s*[:=]", re.M)


#: Keys of a data-mixture config (YAML, JSON, TOML): each source's name, its size and its weight in the mix.
MIX_NAME_KEY = re.compile(
    r"^[ \t]*-?[ \t]*[\"']?(?:name|dataset|source|path|corpus)[\"']?\s*[:=]\s*[\"']?[A-Za-z]", re.M
)
MIX_SIZE_KEY = re.compile(
    r"^[ \t]*-?[ \t]*[\"']?(?:tokens|num_tokens|size|samples|num_samples|examples|documents|hours)[\"']?\s*[:=]\s*"
    r"[\"']?~?\d",
    re.M,
)
MIX_SHARE_KEY = re.compile(
    r"^[ \t]*-?[ \t]*[\"']?(?:weight|sampling_weight|ratio|proportion|fraction|share|prob(?:ability)?|percent(?:age)?)"
    r"[\"']?\s*[:=]\s*[\"']?\d",
    re.M,
)


def _mixture_configs(card: Card) -> list[Hit]:
    """A config block under a data heading that lists two or more sources with their weights (a data mixture):
    names and composition, and the size when each source's tokens are given
    (training_data/complete-mixture-config-block.md)."""
    hits = []
    for block in card.blocks:
        if block.kind != "code" or not in_section(block.section, TOPIC_HEADING) or _aside(block.section):
            continue
        names = list(MIX_NAME_KEY.finditer(block.text))
        if len(names) < 2 or not MIX_SHARE_KEY.search(block.text):
            continue
        line = block.line_at(names[0].start())
        quote = one_line(names[0].group(0)).strip()
        hits += [Hit("named sources", line, quote, block), Hit("composition", line, quote, block)]
        size = MIX_SIZE_KEY.search(block.text)
        if size:
            hits.append(Hit("size", block.line_at(size.start()), one_line(size.group(0)).strip(), block))
    return hits


def _dataset_keys_in_code(card: Card) -> list[Hit]:
    """Code blocks under a data heading, or training configs (learning rate, epochs …), that name the dataset by
    hub id (partial evidence only)."""
    hits = []
    for block in card.blocks:
        if block.kind != "code" or _aside(block.section):
            continue
        if in_section(block.section, TOPIC_HEADING) or TRAINING_KEYS.search(block.text):
            m = DATASET_KEY_IN_CODE.search(block.text)
            if m:
                hits.append(Hit("vague description", block.line_at(m.start()), m.group(0), block))
    return hits


#: A name-shaped word in a withholding sentence ("HDS-5B is not released"): the withheld dataset's name.
WITHHELD_NAME = re.compile(rf"(?<![\w.-]){PROPER_NAME}")


def _drop_withheld_names(found: dict[str, list[Hit]], closed: list[Hit]) -> None:
    """A dataset the card names and then withholds ("trained on HDS-5B, our dataset …; HDS-5B is not
    released") is no named source: the name points to nothing a reader can see
    (training_data/closed-own-named-dataset-not-released.md)."""
    names = {m.group(0).rstrip(".") for hit in closed for m in WITHHELD_NAME.finditer(_sentence_at(hit))}
    if names:
        found["named sources"] = [
            h
            for h in found["named sources"]
            if not any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", h.quote) for n in names)
        ]


def _more_evidence(card: Card, facts: Facts) -> None:
    """Tables, front matter, dataset pages and ``Data:`` lines; a documented corpus's datasheet as its
    composition; and, when nothing else is found, a vague description ("a large web corpus") in part."""
    found = facts.found
    tables = _breakdown_tables(card)
    found["composition"] += tables
    found["named sources"] += [Hit("named sources", h.line, h.quote, h.block) for h in tables]
    found["named sources"] += _front_matter_datasets(card)
    for hit in _mixture_configs(card):
        found[hit.element].append(hit)
    pages = _dataset_pages(card) + _data_key_lines(card)
    found["composition"] += [h for h in pages if h.element == "composition"]
    pages = [h for h in pages if h.element != "composition"]
    if pages:
        found["named sources"] += pages
        found["size"] += [Hit("size", h.line, h.quote) for h in pages[:1]]
        found["composition"] += [Hit("composition", h.line, h.quote) for h in pages[:1]]
    if found["size"] and not found["composition"]:
        found["composition"] += _documented_corpora(found)
    _drop_withheld_names(found, facts.closed)
    facts.complete = all(found[name] for name in facts.required)
    vague = [
        h
        for h in scan(card, VAGUE, where=_main_place, urls=False)["vague description"]
        if not DEMO.search(_sentence_at(h)) and not READER.search(_sentence_at(h))
    ]
    # a known dataset named where training is mentioned in passing (reproduction or evaluation steps)
    in_passing = scan(card, {"vague description": NAMED_SOURCE}, where=_aside_place, topic=TRAINING_MENTION, urls=False)
    vague += [h for h in in_passing["vague description"] if not READER.search(_sentence_at(h))]  # not the reader's data
    vague += _dataset_keys_in_code(card)
    vague += scan(card, VAGUE, where=_aside_place, topic=STRONG_TOPIC, urls=False)["vague description"]
    vague += scan(
        card,
        {"vague description": PAPER_POINTER},
        where=_main_place,
        topic=TOPIC,
        topic_heading=TOPIC_HEADING,
        urls=False,
    )["vague description"]
    vague = [h for h in vague if not _calibration(h.block, _sentence_at(h))]  # calibration data, not training data
    vague = [
        h for h in vague if not FORMAT_ONLY.search(_sentence_at(h))
    ]  # the data's format says nothing of its content
    if not any(found.values()) and vague:
        found["vague description"] = vague
        facts.required.append("vague description")


# fmt: off
TRAINING_DATA = criterion_rule(
    "training_data", CODES, doc=__doc__, elements=ELEMENTS, hints=HINTS, subject=SUBJECT, sections=SECTIONS,
    settings=DATA_NAME, find=_evidence, refine=_more_evidence, withheld_under_sections=True,
)
# fmt: on
check, RULE, repro_lint_rules = TRAINING_DATA.check, TRAINING_DATA.rule, TRAINING_DATA.hook
