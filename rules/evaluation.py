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
    r"\bmmlu(?:-pro)?\b",
    r"\bgsm-?8k\b",
    r"\bhumaneval\+?\b",
    r"\bmbpp\b",
    r"\bc-?eval\b",
    r"\bcmmlu\b",
    r"\barc(?:-[ce]|-challenge|-easy)?\b",
    r"\bhellaswag\b",
    r"\btruthfulqa\b",
    r"\bwinogrande\b",
    r"\bbbh\b|\bbig-?bench\b",
    r"\bmath\b",
    r"\bgpqa\b",
    r"\bifeval\b",
    r"\bmt-?bench\b",
    r"\balpacaeval\b",
    r"\bagieval\b",
    r"\bgaokao\b",
    r"\b(?:super)?glue\b",
    r"\bsquad\b",
    r"\bpiqa\b",
    r"\bboolq\b",
    r"\blambada\b",
    r"\bmteb\b",
    r"\bimagenet\b",
    r"\bcoco\b",
    r"\blibrispeech\b",
    r"\bwmt\d*\b",
    r"\bflores\b",
    r"\baccuracy\b|\bacc\b",
    r"\bf1\b",
    r"\bbleu\b",
    r"\brouge(?:-?[l12])?\b",
    r"\bwer\b",
    r"\bcer\b",
    r"\bperplexity\b|\bppl\b",
    r"\bexact match\b|\bem\b",
    r"\bpass@\d+\b",
    r"\bmatthews\b|\bspearman\b|\bpearson\b",
    r"\bauc\b|\bmap\b|\bndcg\b",
    r"准确率|正确率|困惑度",
)

BENCHMARK = any_of(*BENCHMARKS)

#: A benchmark or metric followed by a number.
RESULTS = [rf"{b}[^\n]{{0,40}}?(?<![\w.]){NUMBER}" for b in BENCHMARKS]

EVALUATION_CODE = [
    r"\bevaluation (?:code|scripts?|harness|pipeline|configs?)\b",  # "evaluation code", "evaluation harness"
    r"\blm[- ]evaluation[- ]harness\b|\blm[- ]eval\b",  # EleutherAI's harness
    r"\bopencompass\b",
    r"\bbigcode[- ]evaluation[- ]harness\b|\bhelm\b|\blighteval\b|\bevalplus\b",  # other harnesses
    r"\beval(?:uate)?\.py\b",  # an evaluation script
    r"评测代码|评估代码|评测脚本|评测框架",
]

#: Links to evaluation code.
EVAL_URL = any_of(r"github\.com/[\w.-]+/[\w.-]*eval[\w.-]*", r"github\.com/.+/(?:blob|tree)/.+eval", r"opencompass")

HINTS = {"results": "results on named benchmarks with numbers", "evaluation code": "a link to the evaluation code"}

SUBJECT = [r"\b(?:evaluation|benchmark) (?:results?|scores?)\b", r"评测结果|评估结果"]

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
