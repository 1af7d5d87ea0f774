"""``compile``: a regular expression compiled on first use (kept for the rules that import it from here).

Nothing is stored between runs any more: patterns are compiled by the standard :mod:`re` module when
a card first needs them (see :mod:`repro_lint.prefilter`). New code uses
:func:`repro_lint.prefilter.lazy` or :func:`repro_lint.evidence.any_of`.
"""

from __future__ import annotations

from .prefilter import lazy as compile

__all__ = ["compile"]
