"""Selectors (``--select``, ``--ignore``, ``per-file-ignores``, inline directives, ``--explain``):
which codes, prefixes and slugs name something that is installed, and what the user probably meant.

A selector is ``ALL``, a code or code prefix (``RL3``, ``RL301``) or a slug
(``training-data-missing``), compared case-insensitively. A selector that matches no installed code
would silently select or ignore nothing, so every place that takes selectors rejects it with the
closest known one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from .results import Code, Rule


@dataclass(frozen=True)
class KnownCodes:
    """Every finding code and slug of the engine and the installed rules."""

    codes: tuple[str, ...]
    slugs: tuple[str, ...]

    @classmethod
    def of(cls, rules: Sequence[Rule], engine_codes: Iterable[Code] = ()) -> "KnownCodes":
        """The codes of ``rules`` and ``engine_codes`` (the engine's own RL0xx codes)."""
        codes = [*engine_codes, *(c for rule in rules for c in rule.codes)]
        return cls(tuple(c.code.upper() for c in codes), tuple(c.slug.lower() for c in codes))

    def matches(self, selector: str) -> bool:
        """True when ``selector`` is ALL, a slug, or a prefix of at least one code (any case)."""
        s = selector.strip()
        if s.upper() == "ALL" or s.lower() in self.slugs:
            return True
        upper = s.upper()
        return bool(upper) and any(code.startswith(upper) for code in self.codes)

    def closest(self, selector: str) -> Optional[str]:
        """The known code or slug that looks most like ``selector`` (None when nothing is close)."""
        s = selector.strip()
        looks_like_code = s[:2].upper() == "RL" and s[2:3].isdigit()
        candidates = list(self.codes) if looks_like_code else list(self.slugs) + list(self.codes)
        probe = s.upper() if looks_like_code else s.lower()
        import difflib  # only for a suggestion after a typo

        found = difflib.get_close_matches(probe, candidates, n=1, cutoff=0.5)
        return found[0] if found else None

    def problem(self, selector: str) -> Optional[str]:
        """Why ``selector`` is not usable, as a phrase naming it and the closest known one; None when it is."""
        if self.matches(selector):
            return None
        hint = self.closest(selector)
        suggestion = f"; did you mean {hint}?" if hint else "; see repro-lint --list-rules"
        return f"unknown code or slug '{selector}'{suggestion}"

    def first_problem(self, selectors: Iterable[str]) -> Optional[str]:
        for s in selectors:
            problem = self.problem(s)
            if problem:
                return problem
        return None


def code_matches(selector: str, code: str, slug: str) -> bool:
    """Does one selector (ALL, a code prefix or a slug; any case) select this code?"""
    upper = selector.upper()
    return upper == "ALL" or code.upper().startswith(upper) or selector.lower() == slug.lower()


__all__ = ["KnownCodes", "code_matches"]
