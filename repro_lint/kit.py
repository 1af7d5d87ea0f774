"""A criterion rule, declared rather than wired by hand.

A criterion rule finds a few *elements* in a card (for the carbon footprint: the emissions and the
compute behind them), each described by a list of patterns, and judges the criterion from which of
the required elements it found: complete, partial, absent, or closed when the card withholds the
subject. :func:`criterion_rule` turns that description into the ``check`` function, the
:class:`~repro_lint.results.Rule` and the ``repro_lint_rules`` hook implementation::

    from repro_lint.evidence import criterion_codes, release_facts
    from repro_lint.kit import criterion_rule

    CARBON = criterion_rule(
        "carbon_footprint",
        criterion_codes("CFP0", "carbon-footprint", "carbon footprint"),
        doc=__doc__,
        elements={
            "emissions": [r"\\b\\d[\\d,.]*\\s*t\\s*CO2(?:eq|e)?"],
            "compute": [(r"\\bhours used\\s*:\\s*\\d", "hours used")],
        },
        hints={"emissions": "the CO2-equivalent emitted", "compute": "accelerator hours or energy"},
        subject=[r"\\bcarbon\\b", r"\\bemissions?\\b"],
        sections=[r"\\benvironmental impact\\b"],
    )
    check, RULE, repro_lint_rules = CARBON.check, CARBON.rule, CARBON.hook

Each pattern is a regular expression or a pair ``(regex, keywords)`` (see
:func:`repro_lint.evidence.any_of`). Facts that are not sentences (front matter, links, tables)
come from ``extra``, a plain function of the card that returns more hits per element.

A rule whose judgement needs more than "which required elements were found" passes its own logic as
plain functions, and the kit still does the rest:

- ``find(card)`` searches for the elements itself (several scans, its own filters) instead of the
  kit's one scan of ``elements`` in the blocks ``where`` accepts;
- ``refine(card, facts)`` edits the :class:`Facts` before judging: drops weak hits, adds an element
  to ``facts.required`` ("a release statement counts as a partial location"), sets
  ``facts.complete``, adds withholding hits to ``facts.closed`` or filters ``facts.placeholders``.

Elements a ``refine`` adds to ``facts.required`` are never reported as missing: a finding names only
the declared required elements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional, Sequence, Union

from .document import Card, Section
from .evidence import (
    BlockFilter,
    CriterionCodes,
    Hit,
    everywhere,
    placeholder_sections,
    placeholder_values,
    release_facts,
    scan,
    verdict_from_hits,
    withheld,
)
from .hookspecs import hookimpl
from .prefilter import Alternative, any_of
from .results import Code, Rule, Verdict

#: A pattern given as a list of alternatives, or one already built (``any_of(...)``, ``re.compile(...)``).
Patterns = Union["re.Pattern[str]", Sequence[Alternative]]

#: More hits per element, found by the rule's own logic (front matter, links, tables).
ExtraHits = Callable[[Card], Mapping[str, Sequence[Hit]]]

#: The rule's own search for its elements: element name → hits.
FindHits = Callable[[Card], dict[str, list[Hit]]]

#: Blocks that count, chosen per card (``release_blocks(card, code=False)``).
CardFilter = Callable[[Card], BlockFilter]


@dataclass
class Facts:
    """What a criterion rule found in one card, before judging; ``refine`` may change any of it."""

    found: dict[str, list[Hit]]
    required: list[str]
    closed: list[Hit]
    placeholders: list[Section]
    complete: Optional[bool] = None


#: The rule's own judgement logic: edits the facts in place.
Refine = Callable[[Card, Facts], None]


def as_pattern(patterns: Patterns) -> "re.Pattern[str]":
    """``patterns`` as one case-insensitive pattern (a list of alternatives goes through ``any_of``)."""
    if isinstance(patterns, (list, tuple)):
        return any_of(*patterns)
    return patterns  # type: ignore[return-value]  # a pattern object: re.Pattern or any_of's lazy pattern


def _drop_hits_in(sections: Sequence[Section], found: dict[str, list[Hit]]) -> bool:
    """Drop the card's hits inside ``sections`` (placeholder sections: a heading with only "[More
    Information Needed]" or a promise under it is not evidence); True when any hit was dropped."""
    spans = [(s.line, s.end_line) for s in sections]
    dropped = False
    for element, hits in found.items():
        kept = [h for h in hits if h.file is not None or not any(a <= h.line <= b for a, b in spans)]
        dropped = dropped or len(kept) != len(hits)
        found[element] = kept
    return dropped


@dataclass(frozen=True)
class CriterionRule:
    """A declared criterion rule: what :func:`criterion_rule` builds. ``check``, ``rule`` and ``hook``
    are what a rule module exports (``check, RULE, repro_lint_rules = X.check, X.rule, X.hook``)."""

    name: str
    codes: CriterionCodes
    elements: Mapping[str, "re.Pattern[str]"]
    required: tuple[str, ...]
    hints: Mapping[str, str]
    subject: Optional["re.Pattern[str]"]
    sections: Optional["re.Pattern[str]"]
    where: BlockFilter
    extra: Optional[ExtraHits]
    find: Optional[FindHits]
    refine: Optional[Refine]
    withheld_in: Optional[CardFilter]
    withheld_under_sections: bool
    settings: Optional["re.Pattern[str]"]
    rule: Rule = field(init=False, repr=False, compare=False)  # set by criterion_rule

    def check(self, card: Card) -> Verdict:
        """Hits per element (``find``'s, or those in the sentences ``where`` accepts, plus ``extra``'s),
        refined by ``refine``, judged against the required elements."""
        found = self.find(card) if self.find is not None else scan(card, self.elements, where=self.where)
        if self.extra is not None:
            for element, hits in self.extra(card).items():
                found.setdefault(element, []).extend(hits)
        facts = Facts(found, list(self.required), self.withholding(card), self.placeholder_sections(card))
        if self.refine is not None:
            self.refine(card, facts)
        if facts.placeholders and _drop_hits_in(facts.placeholders, facts.found) and facts.complete:
            facts.complete = None  # judged by the elements left: the refinement may have counted a dropped hit
        verdict = verdict_from_hits(
            card,
            self.codes,
            facts.found,
            facts.required,
            closed=facts.closed,
            placeholders=facts.placeholders,
            placeholder_settings=placeholder_values(card, self.settings) if self.settings is not None else (),
            complete=facts.complete,
            hints=self.hints,
        )
        verdict.missing = tuple(name for name in verdict.missing if name in self.required)
        return verdict

    def withholding(self, card: Card) -> list[Hit]:
        """Sentences that withhold the subject (in the blocks ``withheld_in`` accepts)."""
        if self.subject is None:
            return []
        where = self.withheld_in(card) if self.withheld_in is not None else everywhere
        return withheld(card, self.subject, where, heading=self.sections if self.withheld_under_sections else None)

    def placeholder_sections(self, card: Card) -> list[Section]:
        """Sections about the criterion that hold only placeholder text."""
        return placeholder_sections(card, self.sections) if self.sections is not None else []

    @property
    def hook(self) -> Callable[[], list[Rule]]:
        """The ``repro_lint_rules`` hook implementation that contributes this rule."""
        return rules_hook(self.rule)


def criterion_rule(
    name: str,
    codes: CriterionCodes,
    *,
    elements: Optional[Mapping[str, Patterns]] = None,
    doc: Optional[str] = "",
    required: Optional[Sequence[str]] = None,
    hints: Optional[Mapping[str, str]] = None,
    subject: Optional[Patterns] = None,
    sections: Optional[Patterns] = None,
    where: BlockFilter = release_facts,
    extra: Optional[ExtraHits] = None,
    find: Optional[FindHits] = None,
    refine: Optional[Refine] = None,
    withheld_in: Optional[CardFilter] = None,
    withheld_under_sections: bool = False,
    settings: Optional[Patterns] = None,
    weight: float = 1.0,
    opt_in: bool = False,
) -> CriterionRule:
    """Declare a criterion rule (its rule name and criterion are both ``name``).

    ``elements``: element name → patterns; ``required``: the elements a complete verdict needs (by
    default all); ``hints``: how to name a missing element in a finding; ``subject``: the words that
    make a withholding sentence ("not released", "proprietary") about this criterion (a closed
    verdict); ``sections``: headings of sections about the criterion, reported when they hold only
    placeholder text or promises (no hit inside such a section counts); ``where``: which blocks count (by default facts about the release, not usage
    sections or code); ``extra``: more hits from the rule's own logic; ``find``: the rule's own
    search for the elements, instead of the kit's scan (then ``elements`` may be left out and
    ``required`` names the elements); ``refine``: the rule's own judgement (see :class:`Facts`);
    ``withheld_in``: the blocks, chosen per card, where a withholding sentence counts (by default
    all but code); ``withheld_under_sections``: a withholding sentence under a ``sections`` heading
    need not name the subject; ``settings``: names of settings whose placeholder value ("Learning
    rate: TBD") is reported; ``weight`` and ``opt_in`` as in :class:`~repro_lint.results.Rule`.
    """
    element_patterns = {element: as_pattern(patterns) for element, patterns in (elements or {}).items()}
    if required is None and find is not None and not element_patterns:
        raise ValueError(f"rule {name!r}: a rule with its own find and no elements must name its required elements")
    declared = CriterionRule(
        name=name,
        codes=codes,
        elements=element_patterns,
        required=tuple(element_patterns) if required is None else tuple(required),
        hints=dict(hints or {}),
        subject=as_pattern(subject) if subject is not None else None,
        sections=as_pattern(sections) if sections is not None else None,
        where=where,
        extra=extra,
        find=find,
        refine=refine,
        withheld_in=withheld_in,
        withheld_under_sections=withheld_under_sections,
        settings=as_pattern(settings) if settings is not None else None,
    )
    unknown = [e for e in declared.required if e not in declared.elements] if find is None or element_patterns else []
    if unknown:
        raise ValueError(f"rule {name!r}: required elements {unknown} are not among its elements {list(declared.elements)}")
    object.__setattr__(
        declared,
        "rule",
        Rule(name=name, criterion=name, codes=codes.all(), check=declared.check, doc=doc or "", weight=weight, opt_in=opt_in),
    )
    return declared


def rules_hook(*rules: Rule) -> Callable[[], list[Rule]]:
    """A ``repro_lint_rules`` hook implementation that contributes ``rules``."""

    @hookimpl
    def repro_lint_rules() -> list[Rule]:
        return list(rules)

    return repro_lint_rules


@dataclass(frozen=True)
class VerdictRule:
    """A rule that builds its verdict itself: what :func:`verdict_rule` builds (exports as for
    :class:`CriterionRule`: ``check, RULE, repro_lint_rules = X.check, X.rule, X.hook``)."""

    rule: Rule

    @property
    def check(self) -> Callable[..., Verdict]:
        return self.rule.check

    @property
    def hook(self) -> Callable[[], list[Rule]]:
        """The ``repro_lint_rules`` hook implementation that contributes this rule."""
        return rules_hook(self.rule)


def verdict_rule(
    name: str,
    codes: Sequence[Code],
    check: Callable[..., Verdict],
    *,
    doc: Optional[str] = "",
    weight: float = 1.0,
    opt_in: bool = False,
    needs_verdicts: bool = False,
    findings_only: bool = False,
) -> VerdictRule:
    """Declare a rule whose ``check`` builds the :class:`~repro_lint.results.Verdict` itself (a level
    that is not "which required elements were found": a license class, a claim against the other
    verdicts). Its rule name and criterion are both ``name``; the options are those of
    :class:`~repro_lint.results.Rule` (``check(card, verdicts)`` with ``needs_verdicts``)."""
    rule = Rule(
        name=name,
        criterion=name,
        codes=tuple(codes),
        check=check,
        doc=doc or "",
        weight=weight,
        opt_in=opt_in,
        needs_verdicts=needs_verdicts,
        findings_only=findings_only,
    )
    return VerdictRule(rule)


__all__ = [
    "CardFilter",
    "CriterionRule",
    "ExtraHits",
    "Facts",
    "FindHits",
    "Patterns",
    "Refine",
    "VerdictRule",
    "as_pattern",
    "criterion_rule",
    "rules_hook",
    "verdict_rule",
]
