"""Profiles: which rules run and which thresholds apply, matching an openness framework.

``--profile`` (or ``profile = "…"`` in the configuration) picks one:

* ``seed`` (default): the five core criteria, and the API-only (RL613) and open-washing (RL621)
  findings; the access and open-washing criteria are judged but not listed;
* ``osai``: the European Open Source AI Index dimensions a card can show;
* ``mof``: the Model Openness Framework components a card can show, with a *claimed* class estimate
  (from the card's text only, not from the released artifacts or their licenses);
* ``eu-ai-act``: the EU AI Act's Annex XI / XII documentation items.

The score and the tier always come from the five core criteria: the extra criteria have weight 0 in
every profile (``--weight license=1`` counts one in the score on purpose). A profile adds rules (the
opt-in ones whose criterion it enables) and its ``require`` / ``fail-under`` thresholds; a threshold
set in the configuration or on the command line replaces the profile's. docs/profiles.md has the
mapping tables.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Optional, Sequence

from .hookspecs import hookimpl
from .model import CORE_CRITERIA, Code, CriterionResult, Evidence, Finding, Level, Rule, Severity, Verdict

if TYPE_CHECKING:  # pragma: no cover
    from .config import Settings

#: The criteria beyond the five, each judged by one opt-in rule plugin.
EXTRA_CRITERIA: tuple[str, ...] = ("license", "access", "openwashing", "lineage", "evaluation", "training_code")


@dataclass(frozen=True)
class Profile:
    name: str
    framework: str
    criteria: frozenset[str]  # opt-in criteria this profile enables (the five core criteria always run)
    require: tuple[str, ...] = ()
    fail_under: float = 0.0
    #: Codes of the enabled opt-in rules that this profile does not report (their rules still judge).
    quiet: frozenset[str] = frozenset()
    #: Show the enabled opt-in criteria in the per-criterion results (False: only their findings).
    show_extra_criteria: bool = True


PROFILES: dict[str, Profile] = {
    # The default: the five criteria, plus the two findings at the heart of the openness question —
    # an API is not open (RL613) and "open source" with closed weights is open-washing (RL621).
    "seed": Profile(
        "seed",
        "repro-lint's openness hierarchy: the five core criteria, plus API-only access (RL613) and open-washing (RL621)",
        frozenset({"access", "openwashing"}),
        quiet=frozenset({"RL611", "RL612", "RL614"}),
        show_extra_criteria=False,
    ),
    "osai": Profile(
        "osai",
        "European Open Source AI Index (dimensions a card can show)",
        frozenset({"license", "access", "openwashing", "lineage", "evaluation", "training_code"}),
    ),
    "mof": Profile(
        "mof",
        "Model Openness Framework (components a card can show; claimed class from the card's text only)",
        frozenset({"license", "access", "openwashing", "evaluation", "training_code", "mof_class"}),
        require=("architecture", "weights", "license"),
    ),
    "eu-ai-act": Profile(
        "eu-ai-act",
        "EU AI Act Annex XI / XII technical documentation items",
        frozenset({"license", "access", "lineage", "evaluation", "training_code"}),
        require=("architecture", "training_data", "training_method", "license"),
    ),
}


def get(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"unknown profile '{name}' (known: {', '.join(PROFILES)})") from None


def active_rules(rules: Sequence[Rule], profile: str) -> list[Rule]:
    """The rules a profile runs: every rule that is not opt-in, plus the opt-in ones it enables."""
    enabled = get(profile).criteria
    return [r for r in rules if not r.opt_in or r.criterion in enabled]


def resolve(settings: "Settings") -> "Settings":
    """Settings with the profile's thresholds filled in where the user set none."""
    profile = get(settings.profile)
    changes: dict[str, object] = {}
    if profile.require and not settings.require:
        changes["require"] = profile.require
    if profile.fail_under and not settings.fail_under:
        changes["fail_under"] = profile.fail_under
    return replace(settings, **changes) if changes else settings


# --- the Model Openness Framework class estimate -------------------------------------------------

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

CLAIMED = Code("RL691", "mof-class-claimed", "The Model Openness Framework class the card's text claims.", Severity.INFO)

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
        lacking = [label for criterion, element, label in components if not _component_met(criteria, criterion, element)]
        if lacking:
            return met, lacking
        met += 1
    return met, []


def check_mof_class(card, criteria: dict[str, CriterionResult]) -> Verdict:  # type: ignore[no-untyped-def]
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


MOF_CLASS_RULE = Rule(
    name="mof_class",
    criterion="mof_class",
    codes=(CLAIMED,),
    check=check_mof_class,
    doc=MOF_CLASS_DOC,
    weight=0.0,
    needs_verdicts=True,
    opt_in=True,
)


@hookimpl
def repro_lint_rules() -> list[Rule]:
    return [MOF_CLASS_RULE]


__all__ = ["EXTRA_CRITERIA", "PROFILES", "Profile", "active_rules", "resolve", "mof_class", "MOF_CLASS_RULE", "CORE_CRITERIA"]
