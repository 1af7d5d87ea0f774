"""RL64x evaluation: are results reported on named benchmarks with numbers, and is the evaluation code linked?

What it checks
  Two elements:
  - results: front-matter ``model-index`` with metric values, a results table (a named benchmark or
    metric in its header or first cell and a number in the row), or a sentence naming a benchmark or
    metric with a number ("MMLU 63.4", "Accuracy: 0.91", "C-Eval 上 68.2");
  - evaluation code: a link to or mention of the code used to evaluate (lm-evaluation-harness,
    OpenCompass, an eval script, "evaluation code", 评测代码).
  Both → complete; one → partial (RL642); none → absent (RL641); "evaluation results are not
  published" → closed (RL643); an Evaluation section holding only placeholder text → RL644.

Why it matters
  The Model Openness Framework lists evaluation results, code and data as components; results
  without the code that produced them cannot be checked.

Example
  | Benchmark | Acme-7B |
  |---|---|
  | MMLU (5-shot) | 63.4 |
  Evaluated with lm-evaluation-harness: https://github.com/acme/acme/tree/main/eval

Fix
  Report results per named benchmark and link the evaluation code and configuration.
"""

from __future__ import annotations

from repro_lint.document import Block, Card
from repro_lint.evidence import CriterionCodes, Hit, any_of, link_hits, release_facts
from repro_lint.kit import criterion_rule
from repro_lint.results import Code, Severity

CODES = CriterionCodes(
    Code("RL641", "evaluation-missing", "The card reports no evaluation results.", Severity.ERROR),
    Code("RL642", "evaluation-incomplete", "The card reports evaluation results or code, not both.", Severity.WARNING),
    Code("RL643", "evaluation-withheld", "The card states that evaluation results are withheld.", Severity.ERROR),
    Code("RL644", "evaluation-placeholder", "An evaluation section holds only placeholder text.", Severity.WARNING),
    "evaluation",
)

NUMBER = r"\d+(?:\.\d+)?\s*%?"

#: Named benchmarks and metrics (a name alone is not a result; a number must go with it).
BENCHMARKS = (
    r"\bmmlu(?:-pro)?\b",  # "MMLU": a knowledge benchmark (extras/finetune-gated.md)
    r"\bgsm-?8k\b",  # "GSM8K": a math benchmark (training_data/absent-context-and-benchmarks.md)
    r"\bhumaneval\+?\b",  # "HumanEval": a code benchmark (phrases/evaluation-benchmarks.md)
    r"\bmbpp\b",  # "MBPP": a code benchmark (phrases/evaluation-benchmarks.md)
    r"\bc-?eval\b",  # "C-Eval": a Chinese exam benchmark (phrases/evaluation-benchmarks.md)
    r"\bcmmlu\b",  # "CMMLU": a Chinese knowledge benchmark (extras/finetune-zh.md)
    r"\barc(?:-[ce]|-challenge|-easy)?\b",  # "ARC-Challenge": a reasoning benchmark (phrases/evaluation-benchmarks.md)
    r"\bhellaswag\b",  # "HellaSwag": a commonsense benchmark (extras/open-full.md)
    r"\btruthfulqa\b",  # "TruthfulQA": a truthfulness benchmark (phrases/evaluation-benchmarks.md)
    r"\bwinogrande\b",  # "WinoGrande": a commonsense benchmark (phrases/evaluation-benchmarks.md)
    r"\bbbh\b|\bbig-?bench\b",  # "BBH": a reasoning suite (phrases/evaluation-benchmarks.md)
    r"\bmath\b",  # "math": a math benchmark (phrases/training-data-named-sources.md)
    r"\bgpqa\b",  # "GPQA": a science QA benchmark (phrases/evaluation-benchmarks.md)
    r"\bifeval\b",  # "IFEval": an instruction-following benchmark (phrases/evaluation-benchmarks.md)
    r"\bmt-?bench\b",  # "MT-Bench": a chat benchmark (phrases/evaluation-benchmarks.md)
    r"\balpacaeval\b",  # "AlpacaEval": a chat benchmark (phrases/evaluation-benchmarks.md)
    r"\bagieval\b",  # "AGIEval": an exam benchmark (phrases/evaluation-benchmarks.md)
    r"\bgaokao\b",  # "GAOKAO": a Chinese exam benchmark (phrases/evaluation-benchmarks.md)
    r"\b(?:super)?glue\b",  # "SuperGLUE": a language-understanding suite (phrases/evaluation-benchmarks.md)
    r"\bsquad\b",  # "SQuAD": a reading benchmark (phrases/evaluation-benchmarks.md)
    r"\bpiqa\b",  # "PIQA": a physical commonsense benchmark (phrases/evaluation-benchmarks.md)
    r"\bboolq\b",  # "BoolQ": a yes/no QA benchmark (phrases/evaluation-benchmarks.md)
    r"\blambada\b",  # "LAMBADA": a language-modelling benchmark (phrases/evaluation-benchmarks.md)
    r"\bmteb\b",  # "MTEB": an embedding benchmark (phrases/evaluation-benchmarks.md)
    r"\bimagenet\b",  # "ImageNet": a vision benchmark (phrases/training-data-named-sources.md)
    r"\bcoco\b",  # "COCO": a detection benchmark (phrases/training-data-named-sources.md)
    r"\blibrispeech\b",  # "LibriSpeech": a speech benchmark (phrases/evaluation-benchmarks.md)
    r"\bwmt\d*\b",  # "WMT14": a translation benchmark (phrases/evaluation-benchmarks.md)
    r"\bflores\b",  # "FLORES": a translation benchmark (phrases/evaluation-benchmarks.md)
    r"\baccuracy\b|\bacc\b",  # "accuracy": accuracy as a metric (phrases/evaluation-benchmarks.md)
    r"\bf1\b",  # "F1": F1 as a metric (phrases/evaluation-benchmarks.md)
    r"\bbleu\b",  # "BLEU": BLEU as a metric (phrases/evaluation-benchmarks.md)
    r"\brouge(?:-?[l12])?\b",  # "ROUGE-L": ROUGE as a metric (phrases/evaluation-benchmarks.md)
    r"\bwer\b",  # "WER": word error rate (phrases/evaluation-benchmarks.md)
    r"\bcer\b",  # "CER": character error rate (phrases/evaluation-benchmarks.md)
    r"\bperplexity\b|\bppl\b",  # "perplexity": perplexity (phrases/evaluation-benchmarks.md)
    r"\bexact match\b|\bem\b",  # "exact match": exact match (phrases/evaluation-benchmarks.md)
    r"\bpass@\d+\b",  # "pass@1": pass@k (phrases/evaluation-benchmarks.md)
    r"\bmatthews\b|\bspearman\b|\bpearson\b",  # "Spearman": a correlation metric (phrases/evaluation-benchmarks.md)
    r"\bauc\b|\bmap\b|\bndcg\b",  # "nDCG": a ranking metric (phrases/evaluation-benchmarks.md)
    r"准确率|正确率|困惑度",  # "准确率": a metric in Chinese (phrases/evaluation-benchmarks.md)
)

BENCHMARK = any_of(*BENCHMARKS)

#: A benchmark or metric followed by a number.
RESULTS = [rf"{b}[^\n]{{0,40}}?(?<![\w.]){NUMBER}" for b in BENCHMARKS]

EVALUATION_CODE = [
    # "evaluation code", "evaluation harness" (extras/open-full.md)
    r"\bevaluation (?:code|scripts?|harness|pipeline|configs?)\b",
    # "lm-evaluation-harness": EleutherAI's harness (extras/open-full.md)
    r"\blm[- ]evaluation[- ]harness\b|\blm[- ]eval\b",
    r"\bopencompass\b",  # "OpenCompass": the OpenCompass harness (extras/open-zh.md)
    # "HELM": other harnesses (phrases/evaluation-benchmarks.md)
    r"\bbigcode[- ]evaluation[- ]harness\b|\bhelm\b|\blighteval\b|\bevalplus\b",
    r"\beval(?:uate)?\.py\b",  # "eval.py": an evaluation script (phrases/evaluation-benchmarks.md)
    r"评测代码|评估代码|评测脚本|评测框架",  # "评测代码": evaluation code in Chinese (extras/open-zh.md)
]

#: Links to evaluation code.
# an evaluation repository or config link (extras/open-zh.md, phrases/evaluation-benchmarks.md)
EVAL_URL = any_of(r"github\.com/[\w.-]+/[\w.-]*eval[\w.-]*", r"github\.com/.+/(?:blob|tree)/.+eval", r"opencompass")

HINTS = {"results": "results on named benchmarks with numbers", "evaluation code": "a link to the evaluation code"}

# evaluation results, named when withheld (phrases/evaluation-benchmarks.md, phrases/training-data-not-data.md)
SUBJECT = [r"\b(?:evaluation|benchmark) (?:results?|scores?)\b", r"评测结果|评估结果"]

# "Evaluation": an evaluation heading (phrases/evaluation-benchmarks.md)
SECTION = [r"\bevaluation\b|\bresults\b|\bbenchmarks?\b", r"评测|评估|测评"]


def _model_index(card: Card) -> list[Hit]:
    """Results declared in front-matter ``model-index`` (metrics with a value)."""
    index = card.front_matter_value("model-index")
    if not isinstance(index, list):
        return []
    for model in index:
        for result in (model or {}).get("results") or [] if isinstance(model, dict) else []:
            for metric in (result or {}).get("metrics") or [] if isinstance(result, dict) else []:
                if isinstance(metric, dict) and isinstance(metric.get("value"), (int, float)):
                    name = metric.get("name") or metric.get("type") or "metric"
                    return [
                        Hit(
                            "results", card.front_matter_line("model-index"), f"model-index: {name} = {metric['value']}"
                        )
                    ]
    return []


def _tables(card: Card) -> list[Hit]:
    """Rows of a table with a benchmark or metric in its header or first cell and a number."""
    hits = []
    for table in card.tables:
        named_header = any(BENCHMARK.search(h) for h in table.header)
        for row in table.rows:
            numbers = [c for c in row.cells[1:] if c.strip().rstrip("%").replace(".", "", 1).isdigit()]
            if numbers and (named_header or (row.cells and BENCHMARK.search(row.cells[0]))):
                hits.append(Hit("results", row.line, row.text))
                break
    return hits


def _more_hits(card: Card) -> dict[str, list[Hit]]:
    """Results from the front matter and from tables; evaluation code from links."""
    return {
        "results": _model_index(card) + _tables(card),
        "evaluation code": link_hits(card, EVAL_URL, "evaluation code"),
    }


def _prose(block: Block) -> bool:
    """Release facts outside the front matter and tables (those are read by ``_more_hits``)."""
    return release_facts(block) and block.kind not in ("front_matter", "table_row")


# fmt: off
EVALUATION = criterion_rule(
    "evaluation", CODES, doc=__doc__, elements={"results": RESULTS, "evaluation code": EVALUATION_CODE}, hints=HINTS,
    subject=SUBJECT, sections=SECTION, where=_prose, extra=_more_hits, weight=0.0, opt_in=True,
)
# fmt: on
check, RULE, repro_lint_rules = EVALUATION.check, EVALUATION.rule, EVALUATION.hook
