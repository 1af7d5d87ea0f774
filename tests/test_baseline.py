"""--baseline OLD.json: each card new / improved / regressed / unchanged; --fail-on-regression.

The story: last quarter "org/wren" documented architecture and weights only (open-weights.md:
score 40) and "org/kite" was fully documented (open-reproducible.md: 100). This quarter wren adds
its recipe (open-reproducible.md: 100, improved), kite loses its documentation (template.md: 0,
regressed), and "org/owl" is new.
"""

from __future__ import annotations

import json
from pathlib import Path

from repro_lint.baseline import Baseline, Status
from repro_lint.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _dump(path: Path, cards: dict[str, str]) -> Path:
    lines = [json.dumps({"id": ident, "text": (FIXTURES / f"{name}.md").read_text(encoding="utf-8")}) for ident, name in cards.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _quarters(tmp_path: Path) -> tuple[Path, Path, Path]:
    before = _dump(tmp_path / "q1.jsonl", {"org/wren": "open-weights", "org/kite": "open-reproducible", "org/lark": "recipe-only"})
    after = _dump(tmp_path / "q2.jsonl", {"org/wren": "open-reproducible", "org/kite": "template", "org/lark": "recipe-only", "org/owl": "open-weights"})
    old = tmp_path / "old.json"
    main([str(before), "-f", "json", "-o", str(old), "--isolated"])
    return before, after, old


def test_each_card_is_classified(tmp_path):
    _, after, old = _quarters(tmp_path)
    out = tmp_path / "new.jsonl"
    main([str(after), "-f", "jsonl", "-o", str(out), "--isolated"])
    baseline = Baseline.load(str(old))
    from repro_lint.api import lint_text

    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in after.read_text(encoding="utf-8").splitlines()}
    changes = {name: baseline.compare(lint_text(text, name=name)) for name, text in texts.items()}
    assert {n: c.status for n, c in changes.items()} == {
        "org/wren": Status.IMPROVED,
        "org/kite": Status.REGRESSED,
        "org/lark": Status.UNCHANGED,
        "org/owl": Status.NEW,
    }
    assert changes["org/wren"].summary.startswith("score 40 → 100; training data absent → complete")
    assert changes["org/lark"].details == ()
    assert Baseline.load(str(out)).cards.keys() == texts.keys()  # a JSON Lines report works as a baseline too


def test_markdown_shows_the_difference(tmp_path, capsys):
    _, after, old = _quarters(tmp_path)
    main([str(after), "-f", "markdown", "--baseline", str(old), "--isolated"])
    out = capsys.readouterr().out
    assert "1 new, 1 improved, 1 regressed, 1 unchanged." in out
    assert "| org/wren | improved | score 40 → 100; training data absent → complete;" in out
    assert "| org/kite | regressed | score 100 → 0; architecture complete → absent;" in out


def test_github_annotates_regressions(tmp_path, capsys):
    _, after, old = _quarters(tmp_path)
    main([str(after), "-f", "github", "--baseline", str(old), "--isolated"])
    out = capsys.readouterr().out
    assert "::warning title=repro-lint regression::org/kite: regressed: score 100 → 0;" in out
    assert "org/wren: improved: score 40 → 100" in out


def test_fail_on_regression_fails_only_when_something_got_worse(tmp_path):
    before, after, old = _quarters(tmp_path)
    # the old collection against itself: cards fail the ordinary gate, but nothing regressed
    assert main([str(before), "-f", "jsonl", "-o", str(tmp_path / "a.jsonl"), "--isolated"]) == 1
    assert main([str(before), "-f", "jsonl", "-o", str(tmp_path / "b.jsonl"), "--baseline", str(old), "--fail-on-regression", "--isolated"]) == 0
    assert main([str(after), "-f", "jsonl", "-o", str(tmp_path / "c.jsonl"), "--baseline", str(old), "--fail-on-regression", "--isolated"]) == 1


def test_bad_baseline_is_one_line_exit_2(tmp_path, capsys):
    bad = tmp_path / "old.json"
    bad.write_text('{"files": [{"name": 1}]}', encoding="utf-8")
    assert main([str(FIXTURES / "open-weights.md"), "--baseline", str(bad)]) == 2
    assert capsys.readouterr().err.strip().endswith("the baseline is not a repro-lint report (an entry lacks path, score or criteria)")
    assert main([str(FIXTURES / "open-weights.md"), "--fail-on-regression"]) == 2
