"""Test helpers for rule authors: lint a Markdown string and get the result back.

    from repro_lint.testing import lint_string

    result = lint_string("# Card\\n...", rules=[MY_RULE])
    assert result.criteria["carbon"].level == Level.COMPLETE
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from .config import Settings
from .engine import lint_card
from .document import parse
from .model import FileResult, Rule


def installed_rules(extra: Iterable[Any] = ()) -> list[Rule]:
    """Every rule from installed plugins (plus ``extra`` plugin objects), as the CLI would load them."""
    from .plugins import load_rules

    loaded = load_rules(extra=extra)
    if loaded.errors:
        raise RuntimeError("; ".join(loaded.errors))
    return loaded.rules


def lint_string(text: str, rules: Optional[Iterable[Rule]] = None, settings: Optional[Settings] = None, path: str = "card.md") -> FileResult:
    """Lint ``text`` as a card named ``path`` with ``rules`` (default: all installed rules)."""
    return lint_card(parse(text, path), list(rules) if rules is not None else installed_rules(), settings or Settings())
