"""A pattern alternative's comment names the fixture that shows it, and that fixture does show it.

Each alternative in rules/*.py carries a comment naming the kind of phrase it catches, and, where a
fixture card shows such a phrase, that fixture's path under fixtures/ in parentheses::

    r"\\bdecoder[- ]only\\b",  # "decoder-only": the model type (architecture/complete-config-block.md)

The alternative alone, compiled with the flags ``any_of`` gives it, must match text in the fixture
it names (outside the fixture's HTML comments): a comment left behind when the pattern or the
fixture changes fails here. scripts/pattern_fixtures.py reads the alternatives and lists the fixtures
that show each one.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "pattern_fixtures.py"
_spec = importlib.util.spec_from_file_location("pattern_fixtures", SCRIPT)
assert _spec is not None and _spec.loader is not None
pattern_fixtures = importlib.util.module_from_spec(_spec)
sys.modules["pattern_fixtures"] = pattern_fixtures  # dataclasses look their module up by name
_spec.loader.exec_module(pattern_fixtures)

ALTERNATIVES = pattern_fixtures.all_alternatives()
TIED = [a for a in ALTERNATIVES if a.fixtures]
TEXTS = pattern_fixtures.fixture_texts()


def test_the_rules_declare_alternatives_and_comments_tie_them_to_fixtures() -> None:
    assert len(ALTERNATIVES) > 700
    assert len(TIED) > 700
    assert all(a.comment for a in TIED)


@pytest.mark.parametrize("alternative", TIED, ids=[f"{a.where}:{a.regex[:40]}" for a in TIED])
def test_a_named_fixture_shows_the_alternative(alternative: "pattern_fixtures.Alternative") -> None:
    missing = [name for name in alternative.fixtures if name not in TEXTS]
    assert missing == [], f"{alternative.where}: no fixture {missing} under fixtures/"
    pattern = alternative.compiled()
    shown = [name for name in alternative.fixtures if pattern_fixtures.first_match(pattern, TEXTS[name]) is not None]
    assert shown, f"{alternative.where}: {alternative.regex!r} matches nothing in {alternative.fixtures}"


def test_every_fixture_a_comment_names_shows_one_of_its_alternatives() -> None:
    """A comment shared by several alternatives on one line names no fixture that none of them matches."""
    by_comment: dict[tuple[str, int], list[re.Pattern[str]]] = {}
    names: dict[tuple[str, int], list[str]] = {}
    for a in TIED:
        key = (str(a.path), a.end_line)
        by_comment.setdefault(key, []).append(a.compiled())
        names[key] = a.fixtures
    idle = [
        (key, name)
        for key, patterns in by_comment.items()
        for name in names[key]
        if name in TEXTS and not any(pattern_fixtures.first_match(p, TEXTS[name]) for p in patterns)
    ]
    assert idle == []
