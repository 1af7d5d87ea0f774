"""The sample card of the README quickstart lints as fully open through the installed command."""

from __future__ import annotations

import json

from repro_lint.cli import main


def test_quickstart_card_is_open_and_reproducible(fixtures, capsys):
    code = main([str(fixtures / "open-reproducible.md"), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    (card,) = out["files"]
    assert card["tier"] == "open and reproducible"
    assert card["score"] == 100
    assert {c["level"] for c in card["criteria"].values()} == {"complete"}
