"""Hook specifications for repro-lint plugins (pluggy project name ``repro_lint``).

A plugin is a module (or object) named by an entry point in the ``repro_lint`` group::

    [project.entry-points.repro_lint]
    carbon = "repro_lint_carbon"

that implements one or more of the hooks below, each decorated with ``@repro_lint.hookimpl``. The
entry-point name (``carbon``) is the plugin's name: ``repro-lint -p no:carbon`` disables it. The
built-in rules are plugins of exactly this kind. The authoring guide is ``docs/plugins.md``.

Stability promise, within a major version of repro-lint:

* hooks are only added, never removed or changed incompatibly; a hook may gain arguments, and pluggy
  passes an implementation only the arguments it names, so existing plugins keep working;
* a rule states the rule interface it was written for in ``Rule.api_version``. This engine runs the
  versions in :data:`repro_lint.plugins.SUPPORTED_API_VERSIONS`; when the interface changes, the
  version is bumped and older versions stay supported for the rest of the major version. A rule
  built for a version this engine does not know is refused with a one-line error (exit code 2).

Rule interface, version 1 (:class:`repro_lint.Rule`):

``name``
    unique rule name, lower case (``carbon_footprint``); ``--explain NAME`` shows its documentation.
``criterion``
    what the rule judges: one of the five core criteria (``architecture``, ``weights``,
    ``training_data``, ``training_method``, ``hyperparameters``) or a new criterion it introduces.
    Each criterion is judged by exactly one rule.
``weight``
    the criterion's default weight in the score (``--weight CRITERION=W`` and the ``weights``
    setting override it). The score is 100 × the weighted mean of all criteria's sub-scores, so a
    new criterion with weight ``w`` counts ``w / (5 + w)`` of the score next to the core five.
``codes``
    the finding codes it can emit, as :class:`repro_lint.Code` (code, kebab-case slug, one-line
    summary, default severity). Codes are 1-4 capital letters and 2-4 digits and unique across all
    plugins; ``RL`` is reserved for repro-lint.
``check``
    ``check(card) -> Verdict``: receives the parsed :class:`repro_lint.Card`, returns a
    :class:`repro_lint.Verdict` (level, sub-score in [0, 1], evidence, findings).
``doc``
    the rule's documentation, conventionally its module docstring, with the sections *What it
    checks*, *Why it matters*, *Example* and *Fix*.
``opt_in``
    when true, the rule runs only when the active ``--profile`` enables its criterion (default false).
``needs_verdicts``
    when true, the rule runs after all others as ``check(card, criteria)`` and judges their results
    (criterion name → :class:`repro_lint.CriterionResult`; default false).
``api_version``
    leave it at its default; it records the interface version the rule was built against.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from .results import Rule

PROJECT_NAME = "repro_lint"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def repro_lint_rules() -> "Sequence[Rule]":  # type: ignore[empty-body]  # a hook specification has no body
    """Return the rules this plugin provides, as a list of :class:`repro_lint.Rule` objects.

    Contract:

    * called once per run, before any card is linted, with no arguments; keep it cheap (build the
      rules at import time or here, do expensive work lazily inside ``check``);
    * every rule is validated when it is loaded: supported ``api_version``, well-formed codes and
      slugs, a criterion name and a weight >= 0; its name, criterion, codes and slugs must not be
      used by any other plugin. Any problem is reported as one line naming the plugin, and
      repro-lint exits with code 2 without linting;
    * ``rule.check(card)`` must not modify the card, must not do I/O (no network, no files, no
      printing) and must return a :class:`repro_lint.Verdict`. The engine calls each rule inside its
      own error boundary with a time budget: a rule that raises, hangs, prints or returns something
      else becomes finding ``RL001`` and exit code 2, and the other rules still run;
    * a verdict's findings should use the rule's own codes; which of them are reported is decided
      by the user's ``select``/``ignore`` settings and inline suppressions, never by the rule.
    """
