"""Property-based fuzzing: random cards built from headings, tables, lists, code, HTML comments,
front matter, Chinese text and control characters.

For every generated card: linting raises nothing and no rule crashes, every finding and every piece
of evidence points at a line of the card, the score is within 0-100, linting twice gives
byte-identical JSON, and linting several cards gives each the same result whatever their order.

``fuzz/fuzz_cards.py`` runs the same strategy and the same checks for as long as you like.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Sequence

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repro_lint import reporters
from repro_lint.document import parse
from repro_lint.engine import lint_card
from repro_lint.results import FileResult, Report, Rule
from repro_lint.runner import RunOptions, run
from repro_lint.testing import installed_rules

RULES: list[Rule] = installed_rules()

#: Words that make rules fire (English and Chinese), so that generated cards reach the evidence code.
VOCABULARY = (
    "model",
    "architecture",
    "decoder-only",
    "transformer",
    "7B",
    "1.3 billion parameters",
    "32 layers",
    "hidden size 4096",
    "attention heads",
    "context length 4096",
    "tokenizer",
    "weights",
    "download",
    "huggingface.co/acme/x",
    "license",
    "apache-2.0",
    "training data",
    "C4",
    "The Pile",
    "2T tokens",
    "67%",
    "deduplicated",
    "datasheet",
    "pre-training",
    "RLHF",
    "objective",
    "train.py",
    "learning rate",
    "3e-4",
    "batch size",
    "2048",
    "epochs",
    "AdamW",
    "cosine schedule",
    "warmup",
    "not released",
    "proprietary",
    "will be released",
    "coming soon",
    "TODO",
    "[More Information Needed]",
    "usage",
    "fine-tune on your own data",
    "模型",
    "参数量 70 亿",
    "训练数据",
    "不公开",
    "即将开源",
    "学习率",
    "批大小",
    "待补充",
    "。",
    ".",
    ";",
    "!",
    "?",
    "|",
    ":",
    "=",
    "**",
    "`",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "#",
    "-",
    "*",
    "1.",
    ">",
)

CONTROL = "".join(chr(c) for c in range(32) if c not in (10,)) + "\x7f\u2028\u2029\ufeff\u200b"

words = st.one_of(
    st.sampled_from(VOCABULARY),
    st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), max_size=12),
    st.text(alphabet=CONTROL, min_size=1, max_size=3),
    st.text(alphabet="训练数据模型参数权重开源许可证。，：", min_size=1, max_size=8),
)
phrases = st.lists(words, min_size=1, max_size=12).map(" ".join)


@st.composite
def headings(draw: st.DrawFn) -> str:
    return f"{'#' * draw(st.integers(1, 7))} {draw(phrases)}"


@st.composite
def tables(draw: st.DrawFn) -> str:
    columns = draw(st.integers(1, 5))
    rows = draw(st.lists(st.lists(phrases, min_size=columns, max_size=columns), min_size=1, max_size=4))
    lines = ["| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |" for row in rows]
    return "\n".join([lines[0], "|" + "---|" * columns, *lines[1:]])


@st.composite
def lists(draw: st.DrawFn) -> str:
    items = draw(st.lists(st.tuples(st.integers(0, 6), st.sampled_from(["- ", "* ", "1. ", "> ", "- [ ] "]), phrases), min_size=1, max_size=6))
    return "\n".join("  " * depth + marker + text for depth, marker, text in items)


@st.composite
def code(draw: st.DrawFn) -> str:
    fence = draw(st.sampled_from(["```", "~~~", "```python", "```yaml", "    "]))
    body = draw(st.lists(phrases, max_size=4))
    if fence == "    ":
        return "\n".join("    " + line for line in body or [""])
    return "\n".join([fence, *body] + ([fence[:3]] if draw(st.booleans()) else []))


@st.composite
def comments(draw: st.DrawFn) -> str:
    directive = draw(
        st.sampled_from(["repro-lint-disable", "repro-lint-enable", "repro-lint-disable-next-line", "repro-lint-disable-file", "repro-lint-bogus", "note"])
    )
    codes = draw(st.sampled_from(["", " RL1", " RL301,RL5", " ALL", " training-data-missing"]))
    closing = draw(st.sampled_from([" -->", "", " -- reason -->"]))
    return f"<!-- {directive}{codes}{closing}"


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from(["license", "datasets", "base_model", "tags", "language", "model-index", "pipeline_tag", "license_name"]), max_size=5))
    values = st.one_of(
        phrases, st.lists(phrases, max_size=3), st.sampled_from(["apache-2.0", "[unclosed", "&a x", "*a", "!!python/name:os.system", "{a: b}", "- x"])
    )
    body = "\n".join(f"{key}: {draw(values)}" for key in keys)
    return f"---\n{body}\n---" if draw(st.booleans()) else f"---\n{body}"


blocks = st.one_of(headings(), phrases, tables(), lists(), code(), comments(), st.sampled_from(["---", "***", "", "<div>", "</div>", "<br>"]))


@st.composite
def cards(draw: st.DrawFn) -> str:
    parts = ([draw(front_matter())] if draw(st.booleans()) else []) + draw(st.lists(blocks, min_size=1, max_size=25))
    newline = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\r"]))
    return newline.join(parts)


def as_json(results: Sequence[FileResult]) -> str:
    return reporters.render(Report(files=list(results), rules=list(RULES)), "json")


def check_card(text: str, rules: Sequence[Rule] = RULES) -> FileResult:
    """The properties every card must satisfy; returns the result for further checks."""
    result = lint_card(parse(text, "card.md"), rules)
    n_lines = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    assert [f.message for f in result.findings if f.code == "RL001"] == []
    assert 0.0 <= result.score <= 100.0
    # The engine clamps every finding into the card, so the rules' own findings are checked before it does.
    for rule in rules:
        if not rule.needs_verdicts:
            for f in rule.check(parse(text, "card.md")).findings:
                assert 1 <= f.line <= n_lines and f.column >= 1, (rule.name, f)
    for criterion in result.criteria.values():
        assert 0.0 <= criterion.score <= 1.0
        for evidence in criterion.evidence:
            assert 1 <= evidence.line <= n_lines, evidence
    again = lint_card(parse(text, "card.md"), rules)
    assert as_json([again]) == as_json([result])
    return result


FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(cards())
def test_any_card_lints_without_error_within_its_lines_and_deterministically(text):
    check_card(text)


@FUZZ
@given(st.text(max_size=400))
def test_any_text_at_all_lints_without_error(text):
    check_card(text)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(cards(), min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_linting_is_independent_of_the_order_of_the_files(texts, random):
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = Path(tmp) / f"card{i}.md"
            path.write_text(text, encoding="utf-8", newline="")
            paths.append(str(path))
        shuffled = random.sample(paths, len(paths))
        options = RunOptions(isolated=True)
        forward, backward = run(paths, RULES, options), run(shuffled, RULES, options)
    by_path = lambda report: {r.path: json.loads(as_json([r]))["files"][0] for r in report.files}  # noqa: E731
    assert by_path(forward) == by_path(backward)
    assert sorted(forward.errors) == sorted(backward.errors)
    assert [r.path for r in backward.files] == [p for p in shuffled if p in by_path(backward)]
