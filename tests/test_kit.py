"""A criterion rule declared with repro_lint.kit: elements, required elements, withholding, placeholders, extra hits."""

from __future__ import annotations

import pickle
import types

import pytest

from repro_lint import Level
from repro_lint.evidence import Hit, criterion_codes
from repro_lint.kit import criterion_rule
from repro_lint.testing import codes, rules_from, verdict

CODES = criterion_codes("ZZ1", "widget", "widget facts")

WIDGET = criterion_rule(
    "widget",
    CODES,
    doc="ZZ1xx widget facts.",
    elements={
        "size": [(r"\bwidget size\s*:\s*\d+", "widget size")],  # "Widget size: 12"
        "colour": [r"\bwidget colou?r\s*:\s*\w+"],  # keywords read off the text
        "vendor": [r"\bvendor\s*:\s*\w+"],  # reported, not required
    },
    required=("size", "colour"),
    hints={"size": "the widget size"},
    subject=[r"\bwidget\b"],
    sections=[r"\bwidgets?\b"],
    extra=lambda card: {"colour": [Hit("colour", 1, "front matter")]} if card.fm("widget_colour") else {},
)


def test_all_required_elements_make_the_criterion_complete():
    v = verdict(WIDGET.rule, "# W\n\nWidget size: 12. Widget colour: red.\n")
    assert v.level == Level.COMPLETE and v.score == 1.0
    assert [e.element for e in v.evidence] == ["colour", "size"]


def test_one_required_element_is_partial_and_names_the_missing_one_with_its_hint():
    v = verdict(WIDGET.rule, "# W\n\nWidget size: 12. Vendor: acme.\n")
    assert v.level == Level.PARTIAL and codes(v) == {"ZZ102"}
    assert v.missing == ("colour",)
    assert "missing: colour" in v.findings[0].message


def test_nothing_is_absent_and_a_withholding_sentence_about_the_subject_is_closed():
    assert verdict(WIDGET.rule, "# W\n\nNothing here.\n").level == Level.ABSENT
    v = verdict(WIDGET.rule, "# W\n\nThe widget is proprietary.\n")
    assert v.level == Level.CLOSED and codes(v) == {"ZZ103"}


def test_a_placeholder_section_about_the_criterion_is_reported():
    v = verdict(WIDGET.rule, "# W\n\n## Widgets\n\n[More Information Needed]\n")
    assert codes(v) == {"ZZ101", "ZZ104"}


def test_extra_hits_count_like_found_sentences():
    v = verdict(WIDGET.rule, "---\nwidget_colour: red\n---\n# W\n\nWidget size: 12.\n")
    assert v.level == Level.COMPLETE


def test_the_kit_builds_the_rule_and_its_hook():
    assert (WIDGET.rule.name, WIDGET.rule.criterion, WIDGET.rule.doc) == ("widget", "widget", "ZZ1xx widget facts.")
    assert [c.code for c in WIDGET.rule.codes] == ["ZZ101", "ZZ102", "ZZ103", "ZZ104"]
    assert WIDGET.hook() == [WIDGET.rule]
    loaded = rules_from(types.SimpleNamespace(repro_lint_rules=WIDGET.hook))  # registered through pluggy like a module
    assert [(r.name, r.check) for r in loaded] == [("widget", WIDGET.check)]


def test_a_required_element_that_is_not_declared_is_refused():
    with pytest.raises(ValueError, match="required elements"):
        criterion_rule("bad", CODES, elements={"size": [r"\bsize\b"]}, required=("colour",))


def test_a_declared_rule_can_be_sent_to_a_worker_process():
    from repro_lint.rules import evaluation

    text = "# W\n\n## Evaluation\n\nMMLU 63.4. Evaluated with lm-evaluation-harness.\n"
    copy = pickle.loads(pickle.dumps(evaluation.RULE))  # as for workers that are spawned, not forked
    assert copy.name == "evaluation"
    assert verdict(copy, text) == verdict(evaluation.RULE, text)
