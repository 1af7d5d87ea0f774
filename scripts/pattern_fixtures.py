"""Which fixture cards show each pattern alternative declared in rules/*.py.

    python scripts/pattern_fixtures.py                 # every alternative: file:line, its comment, matching fixtures
    python scripts/pattern_fixtures.py --uncovered     # only the alternatives no fixture matches
    python scripts/pattern_fixtures.py rules/weights.py

An alternative is a string given to ``any_of(...)`` (alone or as the regex of a ``(regex, keywords)``
pair), or one entry of a module-level tuple or list of regexes that a rule joins with ``any_of`` (the
architecture vocabulary, the known data sources, a rule's subject words and section names). Each is
compiled alone with the flags ``any_of`` uses (case-insensitive unless the call says otherwise) and
searched in every fixture card, without its HTML comments (the ``<!-- expect: … -->`` notes), as a
whole and line by line (a ``^`` anchor means the start of a sentence in a card, here of a line; a line
is also tried without its Markdown marker, and up to each link's opening bracket).

The comment of an alternative is the one at the end of its last line, after comment lines directly
above it (not ``#:`` documentation comments); alternatives that share one line inside a call take the
comment at the end of the call's opening line (``X = any_of(  # …``), where the formatter keeps it. A comment names fixtures by their path under
fixtures/ in parentheses: ``# "trained on 2T tokens": a size with its unit (training_data/x.md)``.
tests/test_pattern_fixtures.py uses this module to check that each named fixture shows its alternative.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import io
import re
import sys
import tokenize
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
FIXTURES = ROOT / "fixtures"

#: A fixture named in an alternative's comment: a Markdown path under fixtures/, in parentheses.
FIXTURE_NAME = re.compile(r"(?<![\w/.-])((?:[\w-]+/)*[\w.-]+\.md)\b")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass
class Alternative:
    """One declared alternative: where it is written, its regex and flags, and its comment."""

    path: Path
    line: int  # first line of the string
    end_line: int  # last line of the string (implicitly concatenated strings span several)
    regex: str
    flags: int
    comment: str = ""
    fixtures: list[str] = field(default_factory=list)  # fixtures the comment names

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.regex, self.flags)


def _is_string(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _regex_node(node: ast.AST) -> Optional[ast.expr]:
    """The regex of an alternative node: the string itself, or the first item of a (regex, keywords) pair."""
    if _is_string(node):
        return node  # type: ignore[return-value]  # _is_string checked the node is an expression
    if isinstance(node, ast.Tuple) and len(node.elts) == 2 and _is_string(node.elts[0]):
        return node.elts[0]
    return None


def _is_any_of(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "any_of"


def _regex_collections(tree: ast.Module) -> Iterator[ast.expr]:
    """Tuples and lists of regexes assigned at module level (possibly inside a dict of them), not given to any_of."""
    for statement in tree.body:
        value = statement.value if isinstance(statement, (ast.Assign, ast.AnnAssign)) else None
        if value is None:
            continue
        for node in ast.walk(value):
            if isinstance(node, (ast.Tuple, ast.List)) and not _inside_any_of(value, node) and node.elts:
                if all(_is_string(e) for e in node.elts) and any(_looks_like_regex(e) for e in node.elts):
                    yield from node.elts


def _looks_like_regex(node: ast.expr) -> bool:
    """A tuple of front-matter keys or element names is not a pattern table: none of them uses regex syntax."""
    text = ast.unparse(node)
    return isinstance(node, ast.JoinedStr) or any(c in text for c in "\\([|?")


def _inside_any_of(root: ast.AST, target: ast.AST) -> bool:
    for node in ast.walk(root):
        if _is_any_of(node) and any(target is n for n in ast.walk(node)):
            return True
    return False


def _comments(source: str) -> dict[int, tuple[str, bool]]:
    """Each line's comment and whether the line holds only that comment."""
    out: dict[int, tuple[str, bool]] = {}
    lines = source.splitlines()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            row, col = token.start
            out[row] = (token.string, not lines[row - 1][:col].strip())
    return out


def _comment_of(comments: dict[int, tuple[str, bool]], first: int, last: int) -> str:
    above: list[str] = []
    row = first - 1
    while row in comments and comments[row][1] and not comments[row][0].startswith("#:"):
        above.insert(0, comments[row][0])
        row -= 1
    trailing = comments.get(last)
    parts = above + ([trailing[0]] if trailing and not trailing[1] else [])
    return " ".join(p.lstrip("#").strip() for p in parts)


def alternatives(path: Path) -> list[Alternative]:
    """Every alternative declared in one rule module, in source order."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    namespace: dict[str, Any] = vars(importlib.import_module(f"repro_lint.rules.{path.stem}"))
    comments = _comments(source)
    found: list[tuple[ast.expr, int]] = []
    #: Alternatives that share one line below their ``any_of(`` line: the comment on that opening line is theirs.
    opening: dict[int, int] = {}
    for node in ast.walk(tree):
        if _is_any_of(node):
            assert isinstance(node, ast.Call)
            flags: int = re.IGNORECASE
            for keyword in node.keywords:
                if keyword.arg == "flags":
                    flags = eval(compile(ast.Expression(keyword.value), str(path), "eval"), namespace)
            regexes = [r for r in map(_regex_node, node.args) if r is not None]
            found += [(r, flags) for r in regexes]
            rows = {r.lineno for r in regexes} | {r.end_lineno or r.lineno for r in regexes}
            if len(regexes) > 1 and len(rows) == 1 and node.lineno < min(rows):
                opening |= {id(r): node.lineno for r in regexes}
    found += [(node, re.IGNORECASE) for node in _regex_collections(tree)]
    out = []
    for node, flags in found:
        regex = eval(compile(ast.Expression(node), str(path), "eval"), namespace)
        first, last = node.lineno, node.end_lineno or node.lineno
        comment = _comment_of(comments, first, last)
        if not comment and id(node) in opening and not comments.get(opening[id(node)], ("", True))[1]:
            comment = comments[opening[id(node)]][0].lstrip("#").strip()
        named = FIXTURE_NAME.findall(" ".join(re.findall(r"\(([^()]*)\)", comment)))
        out.append(Alternative(path, first, last, regex, flags, comment, named))
    return sorted(out, key=lambda a: (a.line, a.end_line))


def all_alternatives(paths: Optional[list[Path]] = None) -> list[Alternative]:
    return [a for p in (paths or sorted(RULES.glob("*.py"))) for a in alternatives(p)]


def fixture_texts() -> dict[str, str]:
    """Every fixture card by its path under fixtures/, without HTML comments."""
    return {str(p.relative_to(FIXTURES)): HTML_COMMENT.sub("", p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.rglob("*.md"))}


#: The Markdown marker of a line: a heading's hashes, a list bullet or number, a quote's ``>``.
LINE_MARKER = re.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d{1,3}[.)]\s+|>\s?)")


def pieces(text: str) -> Iterator[str]:
    """What the rules match against, approximately: the whole text, each line as written and without
    its Markdown marker (heading text, a list item, a front-matter tag), each line up to the opening
    bracket of each link in it (the words that introduce the link), each cell of a table's body read
    under its column's header (``Hours: 585``), as the card index reads a table, and each hard-wrapped
    paragraph as one line."""
    yield text
    for paragraph in re.split(r"\n\s*\n", text):  # a hard-wrapped paragraph read as one line, as the rules read it
        if "\n" in paragraph.strip():
            yield paragraph.strip().replace("\n", " ")
    lines = text.splitlines()
    header: list[str] = []
    for i, line in enumerate(lines):
        yield line
        bare = LINE_MARKER.sub("", line, count=1)
        if bare != line:
            yield bare.strip()
        yield from (line[: m.start() + 1] for m in re.finditer(r"\[", line))
        if TABLE_SEPARATOR.match(line):
            header = _cells(lines[i - 1]) if i else []
        elif line.lstrip().startswith("|") and header:
            yield from (f"{name}: {cell}" for name, cell in zip(header, _cells(line)) if name and cell)
        elif not line.lstrip().startswith("|"):
            header = []


#: The line under a table's header: ``|---|:---:|``.
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def first_match(pattern: re.Pattern[str], text: str) -> Optional[str]:
    """The first text ``pattern`` matches in one of the :func:`pieces` of ``text``."""
    for piece in pieces(text):
        m = pattern.search(piece)
        if m is not None:
            return m.group(0)
    return None


def matching_fixtures(alternative: Alternative, texts: dict[str, str]) -> dict[str, str]:
    pattern = alternative.compiled()
    out = {}
    for name, text in texts.items():
        quote = first_match(pattern, text)
        if quote is not None:
            out[name] = quote
    return out


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="rule modules (default: rules/*.py)")
    parser.add_argument("--uncovered", action="store_true", help="only alternatives no fixture shows")
    args = parser.parse_args(argv)
    texts = fixture_texts()
    for alternative in all_alternatives([p.resolve() for p in args.paths] or None):
        shown = matching_fixtures(alternative, texts)
        if args.uncovered and shown:
            continue
        print(f"{alternative.where}\t{alternative.regex[:100]!r}")
        if alternative.comment:
            print(f"    comment: {alternative.comment}")
        own = alternative.path.stem
        for name in sorted(shown, key=lambda n: (not n.startswith(own), "/" not in n, n))[:4]:
            print(f"    {name}\t{shown[name][:60]!r}")
        if len(shown) > 4:
            print(f"    … and {len(shown) - 4} more")
    return 0


if __name__ == "__main__":
    sys.exit(main())
