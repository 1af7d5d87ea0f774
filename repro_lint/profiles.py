"""Profiles: which rules run and which thresholds apply, matching an openness framework.

``--profile`` (or ``profile = "…"`` in the configuration) picks one:

* ``seed`` (default): the five core criteria, and the API-only (RL613), no-weight-files (RL615) and open-washing (RL621)
  findings; the access and open-washing criteria are judged but not listed;
* ``osai``: the European Open Source AI Index dimensions a card can show;
* ``mof``: the Model Openness Framework components a card can show, with a *claimed* class estimate
  (from the card's text only, not from the released artifacts or their licenses);
* ``eu-ai-act``: the EU AI Act's Annex XI / XII documentation items.

The score and the tier always come from the five core criteria: the extra criteria have weight 0 in
every profile (``--weight license=1`` counts one in the score on purpose). A profile adds rules (the
opt-in ones whose criterion it enables) and its ``require`` / ``fail-under`` thresholds; a threshold
set in the configuration or on the command line replaces the profile's. docs/profiles.md has the
mapping tables. The MOF class estimate is the rule in ``rules/mof_class.py``.
"""

from __future__ import annotations

from dataclasses import Field, dataclass, replace
from typing import Any, ClassVar, Protocol, Sequence, TypeVar

from .results import CORE_CRITERIA, Rule


class _Thresholds(Protocol):
    """What :func:`resolve` reads of :class:`repro_lint.config.Settings` (config imports this module, not back)."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    @property
    def profile(self) -> str: ...

    @property
    def require(self) -> tuple[str, ...]: ...

    @property
    def fail_under(self) -> float: ...


_SettingsT = TypeVar("_SettingsT", bound=_Thresholds)

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


def resolve(settings: _SettingsT) -> _SettingsT:
    """Settings with the profile's thresholds filled in where the user set none."""
    profile = get(settings.profile)
    changes: dict[str, object] = {}
    if profile.require and not settings.require:
        changes["require"] = profile.require
    if profile.fail_under and not settings.fail_under:
        changes["fail_under"] = profile.fail_under
    return replace(settings, **changes) if changes else settings


__all__ = ["EXTRA_CRITERIA", "PROFILES", "Profile", "active_rules", "resolve", "CORE_CRITERIA"]
