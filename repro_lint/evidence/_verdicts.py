"""Verdicts: element hits turned into a level, a sub-score, evidence and findings."""

from __future__ import annotations

import itertools
import operator
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Sequence

from ..document import Card, Section
from ..results import Code, Evidence, Finding, Level, Verdict
from ._index import card_index
from ._quotes import Hit, exact_quote, sentence_quote, window_quote

_line_of = operator.attrgetter("line")


def partial_score(found: int, required: int) -> float:
    """Sub-score of a partial verdict: proportional to the required elements present, in [0.25, 0.75]."""
    return round(min(0.75, max(0.25, found / max(required, 1))), 3)


@dataclass(frozen=True)
class CriterionCodes:
    """The four finding codes every criterion rule uses, plus the text to explain what to add."""

    missing: Code
    incomplete: Code
    withheld: Code
    placeholder: Code
    label: str  # "architecture", "training data", …

    def all(self) -> tuple[Code, ...]:
        return (self.missing, self.incomplete, self.withheld, self.placeholder)

    @property
    def verb(self) -> str:
        """The verb that agrees with the label: "the weights are", "the architecture is"."""
        return plural_verb(self.label)


def plural_verb(label: str) -> str:
    return "are" if label.endswith("s") else "is"


def criterion_codes(prefix: str, slug: str, label: str) -> CriterionCodes:
    """Codes ``<prefix>01..04`` with ruff-style slugs, e.g. RL301 ``training-data-missing``."""
    from ..results import Severity

    verb = plural_verb(label)
    return CriterionCodes(
        Code(f"{prefix}01", f"{slug}-missing", f"The card does not document the {label}.", Severity.ERROR),
        Code(f"{prefix}02", f"{slug}-incomplete", f"The card documents the {label} only in part.", Severity.WARNING),
        Code(f"{prefix}03", f"{slug}-withheld", f"The card states that the {label} {verb} withheld.", Severity.ERROR),
        Code(
            f"{prefix}04",
            f"{slug}-placeholder",
            f"A section about the {label} holds only placeholder text.",
            Severity.WARNING,
        ),
        label,
    )


def finding(code: Code, message: str, line: int, column: int = 1) -> Finding:
    return Finding(code.code, code.slug, message, line, column, code.severity)


def verdict_from_hits(
    card: Card,
    codes: CriterionCodes,
    found: Mapping[str, Sequence[Hit]],
    required: Sequence[str],
    *,
    closed: Sequence[Hit] = (),
    placeholders: Iterable[Section] = (),
    placeholder_settings: Iterable[Hit] = (),
    complete: Optional[bool] = None,
    hints: Optional[Mapping[str, str]] = None,
    max_evidence_per_element: int = 3,
) -> Verdict:
    """Turn element hits into a level, a sub-score, evidence and findings.

    ``complete`` overrides the default completeness test (all ``required`` elements found).
    Evidence lists at most ``max_evidence_per_element`` lines per element, in line order, preferring
    the body of the card to its headings.
    """
    found, files_complete = release_file_hits(card, codes.label.replace(" ", "_"), found)
    present = [name for name in required if found.get(name)]
    missing = tuple(name for name in required if not found.get(name))
    is_complete = (not missing) if complete is None else complete
    if files_complete is not None:  # the release's files add what the card leaves out
        is_complete = is_complete or files_complete or not missing
        if not present:  # settings read from a file document the criterion in part, even beside the required ones
            present = [name for name, hits in found.items() if any(h.file is not None for h in hits)]
    evidence: list[Evidence] = []
    for hits in found.values():
        # A heading ("# Acme-7B") is shown only when nothing in the body supports the element,
        # and each line is quoted once per element.
        body = _in_body if any(map(_in_body, hits)) else None  # filter(None, hits): every hit
        lines: set[tuple[Optional[str], int]] = set()
        # the card's first lines, then the files' hits by file and line (few: sorted apart, no key tuple per hit)
        in_card = _first_lines(filter(body, hits), max_evidence_per_element)
        in_files = sorted((h for h in filter(body, hits) if h.file is not None), key=lambda h: (h.file or "", h.line))
        for hit in itertools.chain(in_card, in_files):
            if (hit.file, hit.line) in lines:
                continue
            lines.add((hit.file, hit.line))
            evidence.append(hit.evidence(card))
            if len(lines) == max_evidence_per_element:
                break
    evidence.sort(key=_evidence_order)
    hints = hints or {}
    missing_text = ", ".join(hints.get(name, name) for name in missing)
    findings: list[Finding] = []
    for section in placeholders:
        findings.append(finding(codes.placeholder, f"Section '{section.title}' holds only placeholder text; fill it in or remove it.", section.line))
    for hit in placeholder_settings:  # see placeholder_values
        quote = _short(exact_quote(card, hit.line, hit.quote))
        findings.append(finding(codes.placeholder, f"'{quote}' holds a placeholder, not a value; fill it in or remove it.", hit.line))
    anchor = card.first_content_line
    if is_complete:
        level, score = Level.COMPLETE, 1.0
    elif closed:
        level, score = Level.CLOSED, 0.0
        first = min(closed, key=lambda h: h.line)
        evidence.append(Evidence(first.line, window_quote(card, first.line, first.quote), "withheld"))
        evidence.sort(key=_evidence_order)
        quote = _short(sentence_quote(card, first.line, first.quote))
        findings.append(finding(codes.withheld, f'The card withholds the {codes.label}: "{quote}".', first.line))
    elif present:
        level, score = Level.PARTIAL, partial_score(len(present), len(required))
        line = min((h.line for name in present for h in found[name] if h.file is None), default=anchor)
        findings.append(finding(codes.incomplete, f"The {codes.label} {codes.verb} documented only in part; missing: {missing_text}.", line))
    else:
        level, score = Level.ABSENT, 0.0
        line = min((s.line for s in placeholders), default=anchor)
        findings.append(finding(codes.missing, f"No {codes.label} documented; add {missing_text}.", line))
    return Verdict(level, score, evidence, findings, missing if not is_complete else ())


def _in_body(hit: Hit) -> bool:
    return hit.block is None or hit.block.kind != "heading"


def _first_lines(hits: Iterable[Hit], count: int) -> list[Hit]:
    """The first hit in the card (not a file) on each of the ``count`` lowest lines that have one, by line:
    what sorting the hits by line (a stable sort) and taking the first of each line would give, without a
    sorted copy of every hit (a long code block holds several a line)."""
    if count <= 0:  # no limit
        return sorted((hit for hit in hits if hit.file is None), key=_line_of)
    chosen: dict[int, Hit] = {}
    highest = -1
    full = False
    for hit in hits:
        line = hit.line
        if full and line >= highest or line in chosen or hit.file is not None:  # most hits, once full: the first test
            continue
        if not full:
            chosen[line] = hit
            highest = max(highest, line)
            full = len(chosen) == count
        else:  # a line dropped here never comes back: the lines kept only get lower
            del chosen[highest]
            chosen[line] = hit
            highest = max(chosen)
    return [chosen[line] for line in sorted(chosen)]


def release_file_hits(card: Card, criterion: str, found: Mapping[str, Sequence[Hit]]) -> tuple[Mapping[str, Sequence[Hit]], Optional[bool]]:
    """``found`` plus the element hits the release's files give for ``criterion`` (``config.json`` …).

    Returns (hits, files_complete): ``files_complete`` is None for a plain card (nothing merged),
    otherwise whether the files alone document the criterion completely. The release was read before
    the rules ran; nothing here reads a file.
    """
    release = card_index(card).release
    if release is None:
        return found, None
    from_files = release.file_hits(criterion)
    if not from_files.hits and not from_files.complete:
        return found, None
    merged: dict[str, list[Hit]] = {name: list(hits) for name, hits in found.items()}
    for name, hits in from_files.hits.items():
        merged.setdefault(name, []).extend(hits)
    return merged, from_files.complete


def _evidence_order(e: Evidence) -> tuple[bool, str, int, str]:
    """The card's lines first, in line order, then each release file's."""
    return (e.file is not None, e.file or "", e.line, e.element)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
