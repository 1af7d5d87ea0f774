"""Every fixture card that states its expected verdict is linted and checked against it.

A fixture states what it pins in an HTML comment at its very end (so no line number moves)::

    <!-- expect: architecture=partial RL102
         "Its base model is X." names the type by reference, like a base_model key -->

The first line lists ``criterion=level`` pairs, each followed by the finding codes that criterion's
rule reports on the card: exactly those, no more (none listed: the rule reports none). Further
lines say why. A fixture may pin several criteria.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pytest

from repro_lint.testing import lint_string

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


EXPECT = re.compile(r"<!--\s*expect:(?P<head>[^\n]*?)(?:\n(?P<why>.*?))?\s*-->\s*\Z", re.S)
LEVEL = re.compile(r"^(?P<criterion>[a-z_]+)=(?P<level>complete|partial|absent|closed|not_applicable)$")
CODE = re.compile(r"^[A-Z]{2,}\d{3,}$")


@dataclass
class Expectation:
    levels: dict[str, str] = field(default_factory=dict)
    codes: dict[str, list[str]] = field(default_factory=dict)


def parse(text: str) -> Optional[Expectation]:
    """The expectation stated at the end of a fixture, or None; a malformed one raises ValueError."""
    m = EXPECT.search(text)
    if m is None:
        if "<!-- expect:" in text:
            raise ValueError("an expect comment must be the last thing in the file")
        return None
    out, criterion = Expectation(), None
    for token in m.group("head").split():
        level = LEVEL.match(token)
        if level:
            criterion = level.group("criterion")
            out.levels[criterion], out.codes[criterion] = level.group("level"), []
        elif CODE.match(token) and criterion is not None:
            out.codes[criterion].append(token)
        else:
            raise ValueError(f"cannot read {token!r} in the expect comment")
    if not out.levels:
        raise ValueError("the expect comment names no criterion=level")
    return out


def fixture_cards() -> list[Path]:
    return sorted(p for p in FIXTURES.rglob("*.md") if "releases" not in p.relative_to(FIXTURES).parts)


STATED = [p for p in fixture_cards() if "<!-- expect:" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("path", STATED, ids=[str(p.relative_to(FIXTURES)) for p in STATED])
def test_fixture_verdict_is_as_stated(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = parse(text)
    assert expected is not None
    result = lint_string(text, path=path.name)
    for criterion, level in expected.levels.items():
        assert criterion in result.criteria, f"{criterion} was not judged"
        got = sorted(f.code for f in result.findings if f.rule == criterion)
        assert (result.criteria[criterion].level.value, got) == (level, sorted(expected.codes[criterion]))


def test_every_fixture_card_states_its_expectation() -> None:
    """Every card under fixtures/ (release folders aside: their README is judged with the files beside it)."""
    unstated = [str(p.relative_to(FIXTURES)) for p in fixture_cards() if parse(p.read_text(encoding="utf-8")) is None]
    assert len(fixture_cards()) > 100 and unstated == []


def test_the_expect_syntax_is_read_strictly() -> None:
    card = "# A\n\nText.\n\n<!-- expect: architecture=partial RL102 weights=closed RL203 RL204\n     why -->\n"
    e = parse(card)
    assert e is not None and e.levels == {"architecture": "partial", "weights": "closed"}
    assert e.codes == {"architecture": ["RL102"], "weights": ["RL203", "RL204"]}
    assert parse("# A\n") is None
    with pytest.raises(ValueError):
        parse("<!-- expect: architecture=partial -->\n\nmore text after it\n")
    with pytest.raises(ValueError):
        parse("<!-- expect: architecture=sort-of -->\n")
