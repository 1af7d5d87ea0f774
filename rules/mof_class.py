"""The Model Openness Framework class a card's text claims (profile ``mof``; RL69x).

Runs after every other rule (``needs_verdicts``) and maps their verdicts onto the MOF components a
card can show; see docs/profiles.md.
"""

from __future__ import annotations

from typing import Optional

from repro_lint.document import Card
from repro_lint.kit import verdict_rule
from repro_lint.results import Code, CriterionResult, Evidence, Finding, Level, Severity, Verdict

MOF_CLASS_DOC = """RL69x mof-class: the Model Openness Framework class the card's text claims (profile mof).

What it checks
  Runs after every other rule and maps their verdicts onto the MOF components a card can show.
  Classes are cumulative: Class III (Open Model) needs the architecture, the final parameters under
  an open license, a data card, and evaluation results; Class II (Open Tooling) adds training code
  and evaluation code; Class I (Open Science) adds fully documented datasets, the training method
  and the training configuration. RL691 (info) names the claimed class and what the next one lacks.
  Components a card cannot show (inference code, data pre-processing code, intermediate
  checkpoints, the licenses of code and data) are not assessed.

Why it matters
  The estimate is based on the card's text only; the MOF itself grades the released artifacts and
  their licenses. A card that cannot even claim Class III will not be classified by the MOF tool.

Example
  A card with open weights under apache-2.0, a full architecture, a data card, results and linked
  training and evaluation code claims Class II.

Fix
  Add what the finding lists for the next class.
"""

CLAIMED = Code(
    "RL691", "mof-class-claimed", "The Model Openness Framework class the card's text claims.", Severity.INFO
)

#: (class label, [(criterion, element or None, MOF component)]) — cumulative, lowest class first.
MOF_CLASSES: tuple[tuple[str, tuple[tuple[str, Optional[str], str], ...]], ...] = (
    (
        "Class III (Open Model)",
        (
            ("architecture", None, "model architecture"),
            ("weights", None, "model parameters (final)"),
            ("license", None, "an open license for the parameters"),
            ("training_data", "", "data card"),
            ("evaluation", "results", "evaluation results"),
        ),
    ),
    (
        "Class II (Open Tooling)",
        (("training_code", "training code", "training code"), ("evaluation", "evaluation code", "evaluation code")),
    ),
    (
        "Class I (Open Science)",
        (
            ("training_data", None, "datasets"),
            ("training_method", None, "training method and research paper"),
            ("hyperparameters", None, "model metadata (training configuration)"),
        ),
    ),
)


def _component_met(criteria: dict[str, CriterionResult], criterion: str, element: Optional[str]) -> bool:
    """None: the criterion is complete; "": at least partial; a name: that element is not missing."""
    result = criteria.get(criterion)
    if result is None:
        return False
    if element is None:
        return result.level == Level.COMPLETE
    if result.level not in (Level.COMPLETE, Level.PARTIAL):
        return False
    return element == "" or element not in result.missing


def mof_class(criteria: dict[str, CriterionResult]) -> tuple[int, list[str]]:
    """(number of classes met, components the next class lacks); 0 = unclassified."""
    met = 0
    for _, components in MOF_CLASSES:
        lacking = [
            label for criterion, element, label in components if not _component_met(criteria, criterion, element)
        ]
        if lacking:
            return met, lacking
        met += 1
    return met, []


def check_mof_class(card: Card, criteria: dict[str, CriterionResult]) -> Verdict:
    met, lacking = mof_class(criteria)
    label = MOF_CLASSES[met - 1][0] if met else "unclassified"
    line = card.first_content_line
    message = f"Claimed MOF class, from the card's text only: {label}"
    if lacking:
        message += f"; for {MOF_CLASSES[met][0]} the card lacks: {', '.join(lacking)}"
    finding = Finding(CLAIMED.code, CLAIMED.slug, message + ".", line, 1, CLAIMED.severity)
    level = Level.COMPLETE if met == len(MOF_CLASSES) else (Level.PARTIAL if met else Level.ABSENT)
    evidence = [Evidence(line, f"claimed {label}", "claimed class")] if met else []
    return Verdict(level, round(met / len(MOF_CLASSES), 3), evidence, [finding], tuple(lacking))


MOF_CLASS = verdict_rule(
    "mof_class", (CLAIMED,), check_mof_class, doc=MOF_CLASS_DOC, weight=0.0, needs_verdicts=True, opt_in=True
)
MOF_CLASS_RULE, repro_lint_rules = MOF_CLASS.rule, MOF_CLASS.hook


__all__ = ["MOF_CLASS_RULE", "mof_class"]
