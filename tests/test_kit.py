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
    extra=lambda card: {"colour": [Hit("colour", 1, "front matter")]} if card.front_matter_value("widget_colour") else {},
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


def _gauge_hits(card):
    """The rule's own search: a gauge reading counts only in a line of its own."""
    return {"reading": [Hit("reading", n, line) for n, line in enumerate(card.lines, 1) if line.startswith("Gauge: ")]}


def _calibration(card, facts):
    """A calibrated gauge needs its certificate too; "uncalibrated" closes the criterion."""
    if any("calibrated" in h.quote for h in facts.found["reading"]):
        facts.required.append("certificate")
        facts.found["certificate"] = [Hit("certificate", h.line, h.quote) for h in facts.found["reading"] if "cert" in h.quote]
    facts.closed += [Hit("withheld", n, line) for n, line in enumerate(card.lines, 1) if "uncalibrated" in line]


GAUGE = criterion_rule(
    "gauge",
    criterion_codes("ZZ2", "gauge", "gauge reading"),
    required=("reading",),
    find=_gauge_hits,
    refine=_calibration,
    settings=[r"\bgauge\b"],
)


def test_find_replaces_the_scan_and_refine_edits_the_facts_before_judging():
    assert verdict(GAUGE.rule, "# G\n\nGauge: 12\n").level == Level.COMPLETE
    assert verdict(GAUGE.rule, "# G\n\nThe gauge: 12 in running text.\n").level == Level.ABSENT
    partial = verdict(GAUGE.rule, "# G\n\nGauge: 12 calibrated\n")
    assert partial.level == Level.PARTIAL
    assert partial.missing == ()  # an element refine adds is never named as missing
    assert verdict(GAUGE.rule, "# G\n\nGauge: 12 calibrated, cert 7\n").level == Level.COMPLETE
    assert verdict(GAUGE.rule, "# G\n\nThe unit is uncalibrated.\n").level == Level.CLOSED


def test_a_placeholder_setting_named_by_settings_is_reported():
    assert verdict(GAUGE.rule, "# G\n\n- Gauge: TBD\n").findings != verdict(GAUGE.rule, "# G\n\n- Width: TBD\n").findings


def test_a_rule_with_its_own_find_must_name_its_required_elements():
    with pytest.raises(ValueError, match="required"):
        criterion_rule("bad", CODES, find=_gauge_hits)


def test_verdict_rule_builds_the_rule_and_its_hook_around_a_check():
    from repro_lint.kit import verdict_rule
    from repro_lint.results import Verdict

    declared = verdict_rule("probe", CODES.all(), lambda card: Verdict(Level.COMPLETE, 1.0), doc="ZZ1xx probe.", opt_in=True)
    assert (declared.rule.name, declared.rule.criterion, declared.rule.opt_in, declared.rule.weight) == ("probe", "probe", True, 1.0)
    assert declared.hook() == [declared.rule]
    assert verdict(declared.rule, "# P\n").level == Level.COMPLETE
