"""RL3xx training data: which data was the model trained on, how much, and in what mix?

What it checks
  Three elements:
  - named sources: datasets or corpora by name (front-matter ``datasets:``, "trained on C4 and The
    Pile", a link to a dataset's hub page);
  - size: tokens, examples, hours or bytes with a number ("2T tokens", "52K instructions", "1.2 TB");
  - composition or documentation: mixture proportions, filtering/deduplication, or a link to a
    datasheet / dataset card.
  A link to a dataset's hub page counts as name, size and datasheet (the page documents them).
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

from repro_lint.evidence import criterion_codes, judge, link_hits, placeholder_sections, release_facts, scan, withheld, words
from repro_lint.hookspecs import hookimpl
from repro_lint.model import Rule, Verdict

CODES = criterion_codes("RL3", "training-data", "training data")

NUM = r"\d[\d,.]*"

#: Well-known corpora and datasets; a named source can also be any dataset link or ``datasets:`` key.
KNOWN_SOURCES = (
    r"common ?crawl", r"\bC4\b", r"the pile\b", r"redpajama", r"refinedweb", r"slimpajama", r"\bdolma\b", r"fineweb", r"the stack\b",
    r"starcoderdata", r"wikipedia", r"\barxiv\b", r"\bbooks ?\d*\b", r"project gutenberg", r"openwebtext", r"\broots\b", r"\blaion",
    r"common voice", r"librispeech", r"imagenet", r"\bcoco\b", r"ultrachat", r"sharegpt", r"openassistant|oasst", r"alpaca",
    r"\bflan\b", r"\bp3\b", r"xp3", r"\bmc4\b", r"oscar", r"\bglue\b", r"squad", r"stack ?exchange", r"github",
    r"\bdatasets?\s*[:=]\s*\[?\s*\S", r"维基百科|悟道|百科|书籍|论文|代码数据|网页数据",
)

ELEMENTS = {
    "named sources": words(*KNOWN_SOURCES, r"\b(?:trained|fine-?tuned|pre-?trained) on (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+){0,3}(?: dataset| corpus)"),
    "size": words(
        rf"\b{NUM}\s*(?:[KMBT]|thousand|million|billion|trillion)?\s*(?:tokens?|examples|samples|instructions|conversations|dialogues|documents|pairs|images|hours|sentences|words|prompts)\b",
        rf"\b{NUM}\s*(?:GB|TB|GiB|TiB|PB)\b", rf"{NUM}\s*(?:万亿|亿|万|千)?\s*(?:tokens?|条|个样本|小时|词|字)", r"(?:数据量|语料规模|token\s*数)\s*[:：]?\s*\d",
    ),
    "composition": words(
        rf"\b{NUM}\s*%", r"\bmixture\b|\bproportions?\b|\bsampling (?:weight|ratio)", r"\bdedup(?:licat\w*)?\b|\bfilter(?:ed|ing)\b|\bquality (?:filter|classifier)",
        r"\bdata ?(?:card|sheet)\b|\bdataset card\b", r"配比|占比|比例|去重|过滤|清洗|数据卡",
    ),
}

REQUIRED = tuple(ELEMENTS)

HINTS = {
    "named sources": "the named datasets or sources",
    "size": "the data size (tokens, examples, hours …)",
    "composition": "the composition or a datasheet link",
}

DATASET_URL = words(r"huggingface\.co/datasets/", r"hf\.co/datasets/", r"modelscope\.cn/datasets/", r"kaggle\.com/datasets/", r"zenodo\.org/records?/")

#: Vague descriptions that alone make the criterion partial, never complete.
VAGUE = {
    "vague description": words(
        r"\bpublicly available (?:data|sources|datasets)", r"\b(?:a )?mix(?:ture)? of (?:publicly available|licensed|web) data", r"\bweb data\b",
        r"\bhigh[- ]quality (?:data|corpus|corpora)", r"\bcurated (?:data|dataset)", r"\btraining data\b", r"\btrained on\b",
        r"公开数据|互联网数据|高质量数据|海量数据|训练数据|预训练数据|语料",
    )
}

SUBJECT = words(r"\bdata(?:sets?)?\b", r"\bcorpus\b|\bcorpora\b", r"数据|语料")

SECTION = words(r"\btraining data\b", r"\bdata(?:sets?)?\b", r"训练数据|数据集|数据")


def check(card) -> Verdict:  # type: ignore[no-untyped-def]
    found = scan(card, ELEMENTS, where=release_facts)
    dataset_links = link_hits(card, DATASET_URL, "named sources", skip_usage=True)
    if dataset_links:
        found["named sources"] += dataset_links
        found["size"] += [h.__class__("size", h.line, h.quote) for h in dataset_links[:1]]
        found["composition"] += [h.__class__("composition", h.line, h.quote) for h in dataset_links[:1]]
    vague = scan(card, VAGUE, where=lambda b: b.kind != "heading" and release_facts(b))["vague description"]
    if not any(found.values()) and vague:
        found["vague description"] = vague
    return judge(
        card,
        CODES,
        found,
        REQUIRED + (("vague description",) if "vague description" in found else ()),
        closed=withheld(card, SUBJECT),
        placeholders=placeholder_sections(card, SECTION),
        complete=all(found[name] for name in REQUIRED),
        hints=HINTS,
    )


RULE = Rule(name="training_data", criterion="training_data", codes=CODES.all(), check=check, doc=__doc__ or "")


@hookimpl
def repro_lint_rules() -> list[Rule]:
    return [RULE]
