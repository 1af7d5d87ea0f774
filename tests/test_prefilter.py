"""The keyword pre-check never changes a result: it only skips texts a pattern cannot match."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repro_lint import prefilter
from repro_lint.config import Settings
from repro_lint.document import parse
from repro_lint.engine import lint_card
from repro_lint.evidence import any_of, clean, sentences, words
from repro_lint.plugins import load_rules
from repro_lint.prefilter import LazyPattern, TextIndex, fold, keywords_of, may_match, may_match_any

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def rule_patterns() -> list[Any]:
    """Every pattern the installed rules and the evidence helpers define at module level."""
    modules = {importlib.import_module(r.check.__module__) for r in load_rules().rules}
    modules.add(importlib.import_module("repro_lint.evidence"))
    modules.update(importlib.import_module(f"repro_lint.evidence.{m}") for m in ("_patterns", "_withholding", "_release_sections", "_placeholders", "_text"))
    found: dict[int, Any] = {}
    for module in modules:
        for value in vars(module).values():
            values = value.values() if isinstance(value, dict) else [value]
            for v in values:
                if isinstance(v, (re.Pattern, LazyPattern)) and isinstance(v.pattern, str):
                    found[id(v)] = v
    return list(found.values())


def fixture_sentences(fixtures: Path) -> list[str]:
    out = []
    for path in sorted(fixtures.rglob("*.md")):
        card = parse(path.read_text(encoding="utf-8"))
        for block in card.blocks:
            out.extend(s for _, s in sentences(clean(block.text)))
    return out


def test_fold_maps_every_character_that_ignorecase_equates_with_an_ascii_letter():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for m in re.finditer(f"(?i){letter}", every):
            assert fold(m.group(0)) == letter, f"U+{ord(m.group(0)):04X} matches {letter!r} but folds to {fold(m.group(0))!r}"


def needles(pattern: Any) -> Any:
    return keywords_of(pattern.pattern, pattern.flags)


def test_keywords_of_simple_patterns():
    assert needles(re.compile(r"\bdecoder[- ]only\b", re.I)) == {"decoder-only", "decoder only"}
    assert needles(re.compile(r"pre-?train(?:ed|ing)", re.I)) == {"pretrained", "pretraining", "pre-trained", "pre-training"}
    assert needles(re.compile(r"\be(?:xact match|m\b)", re.I)) == {"exact match", "em"}
    assert needles(re.compile(r"\d+\s*[BM]\b")) is None  # nothing literal to look for: always searched
    assert needles(re.compile(r"学习率|learning rate", re.I)) == {"学习率", "learning rate"}
    assert needles(re.compile(r"(?:ab)+cd?", re.I)) == {"ab"}  # "c" alone is too weak
    assert needles(re.compile(r"Learning[_ ]rates?\b", re.I)) == {"learning_rate", "learning rate"}
    assert needles(re.compile(r"(?x) learning rate")) is None  # verbose mode: spaces mean nothing
    assert needles(re.compile(r"(a)b\1")) is None  # a backreference is not read
    assert needles(re.compile(r"x{2,3}yz")) == {"yz"}


def test_a_group_read_once_gives_every_alternative_that_shares_it_the_keywords_read_from_scratch():
    # Groups are read once per run and remembered by their source; a look-ahead and a group with the
    # same inside must not be confused, nor a group with its own quantifier.
    shared = [r"(?:rate|lr)\s*(?:of|is)\b", r"warm(?:of|is)", r"x(?=rate|lr)y", r"(?:rate|lr)?zz", r"(?:rate|lr)+zz"]
    sources = [(a, p.flags) for p in rule_patterns() for a in prefilter.plan(p).sources] + [(s, re.I) for s in shared]
    prefilter._GROUP_ITEMS.clear()
    warm = [keywords_of(s, f) for s, f in sources]
    assert prefilter._GROUP_ITEMS  # the cache was used
    for (source, flags), found in zip(sources, warm):
        prefilter._GROUP_ITEMS.clear()
        assert keywords_of(source, flags) == found, source


def test_an_escaped_parenthesis_before_a_group_is_not_read_as_a_conditional():
    # "\(?(?:" is an optional "(" then a group: the keywords before it are still read
    assert needles(re.compile(r"\b(?:dataset|corpus)s?\s*\(?(?:called\s+)?[A-Z]\w+", re.I)) == {"dataset", "corpus"}
    assert needles(re.compile(r"\\(?:abc|abd)")) == {"\\abc", "\\abd"}  # an escaped backslash, then a group
    assert needles(re.compile(r"(a)?x(?(1)bc|de)")) is None  # a real conditional is still not read
    assert needles(re.compile(r"\\(a)?x(?(1)bc|de)")) is None
    assert needles(re.compile(r"(ab)cd\1")) is None  # nor a backreference


def test_a_rare_punctuation_mark_is_a_keyword_where_nothing_longer_is_literal():
    assert needles(re.compile(r"\b\d[\d,.]{0,30}\s*%", re.I)) == {"%"}  # "45 %": searched only where there is a "%"
    assert needles(re.compile(r"\b[A-Z]\w{1,40}\(\s*[\"'][\w.-]+/[\w.-]+[\"']")) == {"("}
    assert needles(re.compile(r"\blr\b\s*=\s*\d")) == {"lr"}  # a longer literal is preferred
    assert needles(re.compile(r"\w+-\d+[bm]\b", re.I)) is None  # "-" and letters are too common on their own


def test_every_match_of_every_rule_alternative_contains_one_of_its_keywords(fixtures):
    texts = fixture_sentences(fixtures)
    checked = 0
    for pattern in rule_patterns():
        plan = prefilter.plan(pattern)
        for i, keywords in enumerate(plan.keywords):
            if keywords is None:
                continue
            alternative = plan.alternative(i)
            for text in texts:
                m = alternative.search(text)
                if m:
                    checked += 1
                    assert any(k in fold(m.group(0)) for k in keywords), (plan.sources[i][:80], m.group(0))
    assert checked > 100  # the fixtures exercise the patterns


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Decoder", "-", " ", "only", "ONLY", "İ", "ı", "ſ", "K", "7", "B", "learning", "rate", "学习率", "\n", ".", "x"]), max_size=12)
)
def test_may_match_is_never_false_where_the_pattern_matches(parts):
    text = "".join(parts)
    for pattern in (
        re.compile(r"\bdecoder[- ]only\b", re.I),
        re.compile(r"\b(?:peak )?learning[_ ]rate\b|学习率", re.I),
        re.compile(r"\bsk\w*|\bki\b|\binly\b", re.I),
    ):
        if pattern.search(text):
            assert may_match(pattern, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["TBD", "tbd", "**", "_", "__", "Σ", "ΣΑ", "İ", "K", "\n", " ", "[More", " Information", " Needed]", "todo", "x"]), max_size=30)
)
def test_may_match_any_read_in_pieces_of_lines_says_what_the_whole_text_says(parts):
    from repro_lint.evidence._text import PLACEHOLDER, TEMPLATE_SENTENCE, _unemphasised

    text = "".join(parts)
    prepared = _unemphasised(text)
    whole = may_match(PLACEHOLDER, prepared) or may_match(TEMPLATE_SENTENCE, prepared)
    default = prefilter.LINES_PIECE
    try:
        for piece in (1, 5, default):
            prefilter.LINES_PIECE = piece
            assert may_match_any((PLACEHOLDER, TEMPLATE_SENTENCE), text, _unemphasised) == whole
    finally:
        prefilter.LINES_PIECE = default


def test_a_plan_finds_the_first_match_of_every_text_that_the_whole_pattern_finds(fixtures):
    texts = fixture_sentences(fixtures)
    index = TextIndex(texts)
    for pattern in rule_patterns():
        plan = prefilter.plan(pattern)
        assert plan.first_matches(index, texts) == search_every_text(plan, index, texts), pattern.pattern[:80]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "learning rate",
                    "lr",
                    "batch size",
                    "rate",
                    "3e-4",
                    ": ",
                    "\n",
                    "x",
                    "学习率",
                    "ab",
                    "abc",
                    " ",
                    "A7",
                    "٣",
                    "７",
                    "B",
                    "(",
                    "'",
                    "/",
                    "Model",
                    "-",
                ]
            ),
            max_size=10,
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_plan_over_overlapping_needles_finds_what_the_pattern_finds(sentences):
    pattern = words(
        r"\blearning rate\b",
        r"\brate\b[^.]{0,5}\d",
        r"\blr\b",
        r"abc",
        r"bc",
        r"学习率",
        r"(?-i:[A-Z]\d)",
        r"\d[\d,.]{0,3}\s?(?-i:[BM])",
        r"(?-i:[A-Z]\w+)\(\s*['\"]\w+/",
        r"\w+-\d",
    )
    texts = ["".join(s) for s in sentences]
    index = TextIndex(texts)
    plan = prefilter.Plan(pattern)
    assert plan.first_matches(index, texts) == search_every_text(plan, index, texts)


def test_alternatives_without_keywords_are_confirmed_in_every_text():
    plan = prefilter.Plan(words(r"\d+\s*[BM]\b", r"\bmodel\b"))
    texts = ["a 7B model", "no digits here", "model", "٣B"]
    assert plan.keywords == (None, frozenset({"model"}))
    assert plan.first_matches(TextIndex(texts), texts) == [(0, 2, "7B"), (2, 0, "model"), (3, 0, "٣B")]


def test_declared_keywords_decide_which_texts_are_searched():
    pattern = any_of((r"\blearning rate\b", "learning rate"), (r"\blr\b", ["lr"]), r"\d+[eE]\d")
    plan = prefilter.Plan(pattern)
    assert plan.keywords == (frozenset({"learning rate"}), frozenset({"lr"}), None)
    texts = ["The LR is 3e4.", "learning rate", "no match"]
    assert plan.first_matches(TextIndex(texts), texts) == [(0, 4, "LR"), (1, 0, "learning rate")]
    wrong = prefilter.Plan(any_of((r"\bbatch size\b", "unrelated")))  # a wrong declaration hides matches: declare with care
    assert wrong.first_matches(TextIndex(["batch size"]), ["batch size"]) == []


def test_a_pattern_is_split_into_its_top_level_alternatives_only_where_that_is_exact():
    split = prefilter.top_level_alternatives
    assert split(r"a(?:b|c)|[|]d") == ("a(?:b|c)", "[|]d")
    assert split(r"x\|y|z") == ("x\\|y", "z")
    assert split(r"[^]|]|q") == ("[^]|]", "q")
    assert split(r"abc") == ()
    assert split(r"(?i)foo|bar") == ()  # global inline flags belong to the whole pattern
    assert split(r"(a)|\1b") == ()  # group numbers would change
    pattern = re.compile(r"\bnot\s+released\b|\bproprietary\b|不公开", re.I)
    texts = ["This is proprietary and not released.", "不公开", "open"]
    plan = prefilter.Plan(pattern)
    assert len(plan.sources) == 3
    assert plan.first_matches(TextIndex(texts), texts) == [(0, 8, "proprietary"), (1, 0, "不公开")]


def test_any_of_compiles_on_first_use_and_then_behaves_as_a_pattern():
    assert words is any_of
    pattern = any_of(r"\bfoo\b", (r"ba[rz]", "ba"))
    assert isinstance(pattern, LazyPattern) and pattern._compiled is None
    assert pattern.pattern == r"(?:\bfoo\b)|(?:ba[rz])"
    assert pattern.search("a baz").group(0) == "baz"
    assert [m.group(0) for m in pattern.finditer("foo bar")] == ["foo", "bar"]
    assert pattern.sub("_", "foo bar") == "_ _"


def cards_in(directory: Path) -> Iterator[Path]:
    yield from sorted(directory.rglob("*.md"))


def search_every_text(plan: prefilter.Plan, index: TextIndex, texts: list[str]) -> list[tuple[int, int, str]]:
    """The reference :meth:`Plan.first_matches`: the whole pattern on every text, no keywords."""
    found = []
    for k, text in enumerate(texts):
        m = plan.pattern.search(text)
        if m:
            found.append((k, m.start(), m.group(0)))
    return found


#: The evidence modules that skip work with ``may_match`` (each imports it by name); the card index uses ``may_match_any``.
EVIDENCE_MODULES_WITH_PRE_CHECK = (
    "repro_lint.evidence._text",
    "repro_lint.evidence._placeholders",
    "repro_lint.evidence._release_sections",
)


def report(paths: list[Path], monkeypatch: pytest.MonkeyPatch, *, pre_check: bool) -> str:
    if not pre_check:
        for module in EVIDENCE_MODULES_WITH_PRE_CHECK:
            monkeypatch.setattr(f"{module}.may_match", lambda pattern, text, folded=None: True)
        monkeypatch.setattr("repro_lint.evidence._index.may_match_any", lambda patterns, text, prepare: True)
        monkeypatch.setattr(prefilter.Plan, "first_matches", search_every_text)
        monkeypatch.setattr(
            prefilter.Plan,
            "each_first_match",
            lambda plan, index, texts: ((k, start, start + len(quote)) for k, start, quote in search_every_text(plan, index, texts)),
        )
    rules = load_rules().rules
    out = []
    for path in paths:
        result = lint_card(parse(path.read_text(encoding="utf-8"), path.name), rules, Settings())
        out.append(json.dumps({"criteria": {k: repr(v) for k, v in result.criteria.items()}, "findings": [repr(f) for f in result.findings]}))
    monkeypatch.undo()
    return "\n".join(out)


def test_every_fixture_gets_the_same_verdicts_evidence_and_findings_with_and_without_pre_check(fixtures, monkeypatch):
    paths = list(cards_in(fixtures))
    assert report(paths, monkeypatch, pre_check=True) == report(paths, monkeypatch, pre_check=False)


def test_every_corpus_card_gets_the_same_result_with_and_without_pre_check(monkeypatch):
    corpus = SHARED / "corpus" / "cards"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent (../shared is only present beside the repository in development)")
    paths = list(cards_in(corpus))
    assert report(paths, monkeypatch, pre_check=True) == report(paths, monkeypatch, pre_check=False)


def _rule_patterns() -> Iterator[tuple[str, LazyPattern]]:
    """Every pattern a built-in rule module holds, by its dotted name (dict values and tuples included)."""
    for module_name in ("architecture", "weights", "training_data", "training_method", "hyperparameters", "access", "openwashing"):
        module = importlib.import_module(f"rules.{module_name}")
        for name, value in vars(module).items():
            values = value.items() if isinstance(value, dict) else [("", value)]
            for key, item in values:
                if isinstance(item, LazyPattern):
                    yield f"{module_name}.{name}{'[' + key + ']' if key else ''}", item


def test_every_rule_pattern_has_at_most_64_alternatives_so_its_candidate_masks_stay_compact():
    """A pattern's candidate masks are an array of machine integers only while its alternatives fit in 64 bits;
    beyond that they become a list of Python ints (about 36 bytes a sentence more on a large card). Group
    alternatives of one kind into one (a list of dataset names joined by ``|``) to stay within it."""
    wide = {name: len(p.alternatives) for name, p in _rule_patterns() if len(p.alternatives) > 64}
    assert wide == {}
