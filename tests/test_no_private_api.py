"""repro-lint uses no private CPython API: the regular-expression engine's internals change between releases."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRIVATE = re.compile(r"\b_sre\b|\bre\._parser\b|\bre\._compiler\b|\bsre_parse\b|\bsre_compile\b|from re import _")


def private_uses(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if PRIVATE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_the_engine_and_the_rules_use_no_private_regular_expression_api():
    assert private_uses(ROOT / "repro_lint") + private_uses(ROOT / "rules") == []


def test_the_check_recognises_a_private_import(tmp_path: Path):
    (tmp_path / "bad.py").write_text("import _sre\nfrom re import _parser\n", encoding="utf-8")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert len(private_uses(tmp_path)) == 2
    finally:
        ROOT = saved
