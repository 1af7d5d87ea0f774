"""Hook specifications for repro-lint plugins (pluggy project name ``repro_lint``).

A plugin is a module or object registered under the ``repro_lint`` entry-point group, e.g.::

    [project.entry-points.repro_lint]
    carbon = "repro_lint_carbon"

and implementing one or more of the hooks below with ``@repro_lint.hookimpl``. The built-in rules
are plugins of exactly this kind.

Stability: hooks are only ever added, never changed incompatibly, within a major version; a rule
declares ``api_version`` (see :data:`repro_lint.model.RULE_API_VERSION`) and the engine refuses rules
built for an interface it does not implement, with a clear error instead of a crash.
"""

from __future__ import annotations

import pluggy

from .model import Rule

PROJECT_NAME = "repro_lint"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def repro_lint_rules() -> "list[Rule]":
    """Return the rules this plugin provides, as a list of :class:`repro_lint.Rule` objects.

    Contract:

    * called once per run, before any card is linted; do expensive imports inside the rule's
      ``check`` function, not here, so that start-up stays fast;
    * every rule has a unique ``name`` and finding codes that no other plugin uses (``RL`` codes are
      reserved for built-in rules; third-party rules pick their own prefix, e.g. ``ACME``);
    * ``rule.check(card)`` receives a parsed :class:`repro_lint.Card`, must not modify it, must not
      do I/O (no network, no files, no printing) and returns a :class:`repro_lint.Verdict`;
    * ``rule.criterion`` is one of the five core criteria or a new criterion name; ``rule.weight`` is
      the criterion's default weight in the score.
    """
