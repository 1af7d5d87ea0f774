"""Compare a run with an earlier report: each card is new, improved, regressed or unchanged.

The earlier report is a JSON report (``-f json``) or a JSON Lines report (``-f jsonl``); cards are
matched by ``path``. A card *regressed* when its score went down or any criterion's level got worse
(levels are ordered as :class:`~repro_lint.results.Level` lists them, most open first); it *improved*
when something got better and nothing worse; otherwise it is *unchanged*. The comparison is
described in words, e.g. ``score 62 → 71; training data partial → complete``.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, field
from typing import Any

from .results import FileResult, Level

_RANK = {level.value: rank for rank, level in enumerate(Level)}  # 0 = most open


class Status(str, enum.Enum):
    NEW = "new"
    IMPROVED = "improved"
    REGRESSED = "regressed"
    UNCHANGED = "unchanged"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Change:
    path: str
    status: Status
    details: tuple[str, ...] = ()  # "score 62 → 71", "training data partial → complete", …

    @property
    def summary(self) -> str:
        return "; ".join(self.details) if self.details else self.status.value


@dataclass(frozen=True)
class OldCard:
    score: float
    levels: dict[str, str]


def _criterion_words(name: str) -> str:
    return name.replace("_", " ")


@dataclass
class Baseline:
    source: str
    cards: dict[str, OldCard] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str) -> Baseline:
        """Read a JSON or JSON Lines report; raises ``ValueError`` with one line when it is not one."""
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path}: cannot read the baseline: {getattr(exc, 'strerror', None) or exc}") from None
        entries: Any
        try:
            document = json.loads(text)
            entries = document.get("files") if isinstance(document, dict) and "files" in document else [document]
        except ValueError:
            try:
                entries = [json.loads(line) for line in text.splitlines() if line.strip()]
            except ValueError:
                raise ValueError(f"{path}: the baseline is neither a JSON nor a JSON Lines report of repro-lint") from None
        baseline = cls(path)
        for entry in entries or []:
            try:
                levels = {str(k): str(v["level"]) for k, v in entry["criteria"].items()}
                baseline.cards[str(entry["path"])] = OldCard(float(entry["score"]), levels)
            except (KeyError, TypeError, ValueError, AttributeError):
                raise ValueError(f"{path}: the baseline is not a repro-lint report (an entry lacks path, score or criteria)") from None
        return baseline

    def compare(self, result: FileResult) -> Change:
        old = self.cards.get(result.path)
        if old is None:
            return Change(result.path, Status.NEW)
        details: list[str] = []
        worse = better = False
        if round(result.score, 1) != round(old.score, 1):
            details.append(f"score {old.score:g} → {result.score:g}")
            worse, better = result.score < old.score, result.score > old.score
        for name, crit in result.criteria.items():
            before = old.levels.get(name)
            if before is None or before == crit.level.value:
                continue
            details.append(f"{_criterion_words(name)} {before} → {crit.level.value}")
            now, then = _RANK[crit.level.value], _RANK.get(before, len(_RANK))
            worse, better = worse or now > then, better or now < then
        status = Status.REGRESSED if worse else Status.IMPROVED if better else Status.UNCHANGED
        return Change(result.path, status, tuple(details))


def summary_counts(changes: list[Change]) -> dict[Status, int]:
    return {status: sum(1 for c in changes if c.status == status) for status in Status}


def render_section(fmt: str, changes: list[Change], source: str) -> str:
    """The comparison as a block for the text, markdown or github format (empty for other formats)."""
    if fmt not in ("text", "markdown", "github") or not changes:
        return ""
    counts = summary_counts(changes)
    head = ", ".join(f"{n} {status.value}" for status, n in counts.items() if n)
    listed = [c for c in changes if c.status != Status.UNCHANGED]
    if fmt == "markdown":
        from .reporters.markdown import escape

        lines = ["", f"### Changes since {escape(source)}", "", head + ".", ""]
        if listed:
            lines += ["| card | change | details |", "|---|---|---|"]
            lines += [f"| {escape(c.path)} | {c.status.value} | {escape(c.summary)} |" for c in listed]
        return "\n".join(lines) + "\n"
    if fmt == "github":
        from .reporters.github import annotation

        lines = [f"repro-lint: changes since {source}: {head}"]
        for c in listed:
            if c.status == Status.REGRESSED:
                lines.append(annotation("warning", f"{c.path}: regressed: {c.summary}", title="repro-lint regression"))
            else:
                lines.append(f"{c.path}: {c.status.value}: {c.summary}")
        return "\n".join(lines) + "\n"
    lines = ["", f"Changes since {source}: {head}"] + [f"  {c.path}: {c.status.value}: {c.summary}" for c in listed]
    return "\n".join(lines) + "\n"
