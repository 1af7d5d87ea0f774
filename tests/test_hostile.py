"""Hostile content: generated on the fly (nothing big is committed), each input is linted to the end
with bounded memory, YAML front matter can neither explode nor construct objects, nothing in a card
makes repro-lint open a connection or import a module, and every regular expression of the rules and
the document model stays linear on adversarial text.

``HOSTILE`` maps a name to a generator ``size -> card text`` and ``FULL_SIZE`` gives the sizes the
robustness requirements name (a 10 MB line, 100 000 headings, 10 000-deep nesting …).
``benchmarks/hostile.py`` runs them at full size and measures time and peak memory; the tests here
run them at ``TEST_SIZE`` (a tenth or less) so that the suite stays fast, and never time anything.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import socket
import sys
import tracemalloc
from typing import Callable, Iterator

import pytest

from repro_lint.document import MAX_YAML_ALIASES, MAX_YAML_BYTES, MAX_YAML_DEPTH, MAX_YAML_VALUES, parse
from repro_lint.results import FileResult
from repro_lint.testing import installed_rules, lint_string


def _front(yaml: str, body: str = "# Card\n\nA decoder-only transformer with 7B parameters.\n") -> str:
    return f"---\n{yaml}\n---\n{body}"


def _laughs(levels: int, width: int) -> str:
    lines = [f"l0: &l0 [{', '.join(['lol'] * width)}]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, levels)]
    return _front("\n".join(lines) + f"\nlicense: *l{levels - 1}\ndatasets: *l{levels - 1}")


def _table(columns: int, rows: int = 3) -> str:
    line = "|" + "|".join(f"c{i}" for i in range(columns)) + "|\n"
    return "# Card\n\n" + line + "|" + "|".join("-" for _ in range(columns)) + "|\n" + line * rows


#: name -> (generator of card text for a size). Sizes are counts (characters, headings, levels …).
HOSTILE: dict[str, Callable[[int], str]] = {
    "10 MB single line": lambda n: "# Card\n\n" + "word " * n,
    "one line of digits and commas": lambda n: "Trained with a learning rate of " + "1," * n + "\n",
    "one line of digits": lambda n: "The model has " + "1" * n + " parameters and batch size " + "9" * n + "\n",
    "headings": lambda n: "".join(f"{'#' * (1 + i % 6)} Training {i}\n" for i in range(n)),
    "nested lists": lambda n: "- " * n + "learning rate 1e-4\n",
    "nested ordered lists": lambda n: "1. " * n + "batch size 32\n",
    "nested blockquotes": lambda n: "> " * n + "trained on C4\n",
    "nested blockquote markers": lambda n: ">" * n + " deep\n",
    "table with many columns": lambda n: _table(n),
    "table with many rows": lambda n: _table(4, n),
    "unclosed HTML comments": lambda n: "<div>\n" + "<!--" * n + "\n</div>\n",
    "many HTML comments": lambda n: "<div>\n" + "<!-- repro-lint-disable RL1 -->\n" * n + "</div>\n",
    "unknown directives": lambda n: "<!-- repro-lint-bogus -->\n\n" * n,
    "many links": lambda n: "Weights: " + "https://huggingface.co/a/b " * n + "\n",
    "many hrefs": lambda n: "<p>\n" + '<a href="https://x.org/y">y</a>\n' * n + "</p>\n",
    "unclosed tags": lambda n: "<" * n + "\n",
    "brackets": lambda n: "[" * n + "](" * n + "\n",
    "backticks": lambda n: "`" * n + "\n",
    "emphasis": lambda n: "*a_" * n + "\n",
    "long code block": lambda n: "```\n" + "lr = 1e-4  # warmup 2000 steps, batch 32\n" * n + "```\n",
    "one paragraph of many lines": lambda n: "Learning rate 1e-4.\n" * n,
    "chinese without punctuation": lambda n: "# 训练\n\n" + "训练数据" * n + "\n",
    "control characters": lambda n: "".join(chr(c) for c in range(1, 32) if c != 10) * n + "\n\x1b[31mred\x1b[0m\n",
    "yaml billion laughs (many aliases)": lambda n: _laughs(n, 9),
    "yaml billion laughs (few aliases)": lambda n: _laughs(n, 2),
    "yaml recursive alias": lambda n: _front("license: &a [*a]\ndatasets: &b {x: *b}"),
    "yaml deep nesting": lambda n: _front("license: " + "[" * n + "]" * n),
    "yaml deep mapping": lambda n: _front("".join(f"{'  ' * i}k{i}:\n" for i in range(n)) + "  " * n + "v"),
    "yaml huge": lambda n: _front("\n".join(f"key{i}: value {i}" for i in range(n))),
    "yaml python tags": lambda n: _front("license: !!python/object/apply:os.system ['echo pwned']\nx: !!python/name:os.system"),
    "yaml long scalar": lambda n: _front("license: " + "a" * n),
}

FULL_SIZE: dict[str, int] = {
    "10 MB single line": 2_000_000,
    "one line of digits and commas": 100_000,
    "one line of digits": 100_000,
    "headings": 100_000,
    "nested lists": 10_000,
    "nested ordered lists": 10_000,
    "nested blockquotes": 10_000,
    "nested blockquote markers": 10_000,
    "table with many columns": 10_000,
    "table with many rows": 100_000,
    "unclosed HTML comments": 100_000,
    "many HTML comments": 100_000,
    "unknown directives": 50_000,
    "many links": 100_000,
    "many hrefs": 100_000,
    "unclosed tags": 1_000_000,
    "brackets": 100_000,
    "backticks": 1_000_000,
    "emphasis": 300_000,
    "long code block": 200_000,
    "one paragraph of many lines": 200_000,
    "chinese without punctuation": 500_000,
    "control characters": 30_000,
    "yaml billion laughs (many aliases)": 9,
    "yaml billion laughs (few aliases)": 30,
    "yaml recursive alias": 1,
    "yaml deep nesting": 10_000,
    "yaml deep mapping": 200,
    "yaml huge": 50_000,
    "yaml python tags": 1,
    "yaml long scalar": 200_000,
}

#: Sizes for the test suite: big enough that quadratic work would show in memory, small enough to be quick.
TEST_SIZE: dict[str, int] = {name: n if name.startswith("yaml") or n < 100 else max(1000, n // 20) for name, n in FULL_SIZE.items()}

#: Front matter that must be ignored (RL002), with the reason the message gives.
YAML_REFUSED = {
    "yaml billion laughs (many aliases)": f"more than {MAX_YAML_ALIASES} YAML aliases",
    "yaml billion laughs (few aliases)": f"expands to more than {MAX_YAML_VALUES:,} values",
    "yaml recursive alias": f"expands to more than {MAX_YAML_VALUES:,} values",
    "yaml deep nesting": f"nested deeper than {MAX_YAML_DEPTH} levels",
    "yaml deep mapping": f"nested deeper than {MAX_YAML_DEPTH} levels",
    "yaml huge": f"larger than {MAX_YAML_BYTES // 1024} KiB",
    "yaml python tags": "could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'",
}

#: Peak memory (traced Python allocations) allowed while linting one test-size input.
MEMORY_BOUND = 96 * 1024 * 1024


@pytest.fixture(scope="module")
def rules():  # type: ignore[no-untyped-def]
    return installed_rules()


def check_result(result: FileResult, text: str) -> None:
    n_lines = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    assert [f.message for f in result.findings if f.code == "RL001"] == []
    assert 0 <= result.score <= 100
    assert all(1 <= f.line <= n_lines for f in result.findings)
    assert all(1 <= e.line <= n_lines for c in result.criteria.values() for e in c.evidence)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_each_hostile_input_is_linted_to_the_end_in_bounded_memory(name, rules):
    text = HOSTILE[name](TEST_SIZE[name])
    tracemalloc.start()
    try:
        result = lint_string(text, rules, path="hostile.md")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    check_result(result, text)
    assert peak < MEMORY_BOUND, f"{name}: {peak / 2**20:.0f} MiB at {len(text):,} characters"


@pytest.mark.parametrize("name", list(YAML_REFUSED))
def test_hostile_front_matter_is_ignored_with_a_reason_and_the_body_still_counts(name, rules):
    result = lint_string(HOSTILE[name](FULL_SIZE[name]), rules, path="hostile.md")
    (finding,) = [f for f in result.findings if f.code == "RL002"]
    assert YAML_REFUSED[name] in finding.message
    assert finding.line == 1 and not result.internal_error
    assert any(e.element == "model type" for e in result.criteria["architecture"].evidence)


DEEP = ("nested lists", "nested ordered lists", "nested blockquotes", "nested blockquote markers")


@pytest.mark.parametrize("name", DEEP)
def test_content_nested_too_deeply_is_skipped_but_the_rest_of_the_card_is_read(name):
    text = HOSTILE[name](FULL_SIZE[name]) + "\nAfter the nesting.\n\n## Training\n\nLearning rate 1e-4.\n"
    card = parse(text)
    assert [(b.kind, b.text, b.line) for b in card.blocks[-3:]] == [
        ("paragraph", "After the nesting.", 3),
        ("heading", "Training", 5),
        ("paragraph", "Learning rate 1e-4.", 7),
    ]
    assert [s.title for s in card.sections] == ["Training"]


def test_a_list_indented_twenty_levels_deep_keeps_the_lines_after_it():
    deep = "".join("  " * i + f"- item {i}\n" for i in range(30))
    card = parse(f"# Card\n\n{deep}\nWe do not release the weights.\n")
    assert card.blocks[-1].text == "We do not release the weights." and card.blocks[-1].line == 34
    assert [b.text for b in card.blocks if b.kind == "list_item"][:3] == ["item 0", "item 1", "item 2"]


def test_yaml_tags_never_run_code(tmp_path, monkeypatch, rules):
    marker = tmp_path / "ran"
    module = tmp_path / "acme_payload.py"
    module.write_text(f"open({str(marker)!r}, 'w').write('x')\ndef run(*a):\n    open({str(marker)!r}, 'w').write('y')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    for tag in ("!!python/object/apply:acme_payload.run []", "!!python/name:acme_payload.run", "!!python/module:acme_payload"):
        result = lint_string(_front(f"license: {tag}"), rules)
        assert [f.code for f in result.findings if f.code.startswith("RL00")] == ["RL002"]
    assert not marker.exists() and "acme_payload" not in sys.modules


def test_nothing_in_a_card_opens_a_connection_or_imports_a_module(monkeypatch, rules):
    card = _front(
        "license: apache-2.0\nbase_model: https://evil.example/model\nlicense_link: http://169.254.169.254/latest/meta-data/",
        '# Card\n\n<img src="https://evil.example/pixel.png"> [config](https://evil.example/config.json)\n\n'
        "```python\nimport acme_not_a_module\n__import__('acme_not_a_module')\n```\n\n"
        "<script>fetch('https://evil.example')</script> from_pretrained('acme/not-a-module')\n",
    )
    lint_string(card, rules)  # anything lazily imported on a first run is imported now
    before = set(sys.modules)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("repro-lint tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    result = lint_string(card, rules)
    assert not result.internal_error
    assert set(sys.modules) - before == set()


# --- regular expressions ----------------------------------------------------------------------------


def _patterns(value: object, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(getattr(value, "pattern", None), str) and isinstance(getattr(value, "flags", None), int):
        yield re.compile(value.pattern, value.flags)  # a lazily compiled pattern object
    elif isinstance(value, dict) and depth < 3:
        for item in value.values():
            yield from _patterns(item, depth + 1)
    elif isinstance(value, (list, tuple, frozenset, set)) and depth < 3:
        for item in value:
            yield from _patterns(item, depth + 1)


def compiled_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern held at module level by repro-lint and its rule plugins, by dotted name."""
    import repro_lint.rules

    found: dict[str, re.Pattern[str]] = {}
    seen: set[tuple[str, int]] = set()
    for package in (repro_lint, repro_lint.rules):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for attr, value in vars(module).items():
                for i, pattern in enumerate(_patterns(value)):
                    key = (pattern.pattern, pattern.flags)
                    if key not in seen and isinstance(pattern.pattern, str):
                        seen.add(key)
                        found[f"{info.name}.{attr}[{i}]"] = pattern
    return found


#: Repeated units that make backtracking regexes blow up: runs of what quantifiers eat, near-misses.
ADVERSARIAL_UNITS = (
    "a",
    " ",
    "1",
    "1,",
    "1.",
    "1 ",
    "1-",
    "1:",
    "a-",
    "a.",
    "a,",
    "a ",
    "A",
    "Aa1",
    "-",
    "_",
    "/",
    ".",
    ",",
    ":",
    "=",
    "|",
    "<",
    "<!--",
    "{",
    "[",
    "(",
    "`",
    "*",
    "'",
    '"',
    "\t",
    "\n",
    "a\n",
    "中",
    "训练",
    "http://a",
    "not ",
    "layers ",
    "learning rate ",
    "1e-4 ",
    "href=",
    "Training ",
    "data ",
    "— ",
    "\\",
    "%",
)

PATTERNS = compiled_patterns()


def test_the_audit_sees_the_patterns_of_every_rule():
    modules = {name.rsplit(".", 1)[0] for name in PATTERNS}
    assert len(PATTERNS) >= 60
    assert {"repro_lint.evidence", "repro_lint.document", "repro_lint.rules.architecture", "repro_lint.rules.weights"} <= modules


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_each_pattern_matches_periodic_text_periodically(name):
    """On ``unit * k`` the number of matches grows with k, never faster (each pattern, each unit).

    A pattern that backtracks super-linearly would make this test crawl: its run time is measured,
    with growing sizes, by ``benchmarks/hostile.py``; here the match counts are checked.
    """
    pattern = PATTERNS[name]
    for unit in ADVERSARIAL_UNITS:
        k = max(1, 1500 // len(unit))
        small = sum(1 for _ in pattern.finditer(unit * k))
        large = sum(1 for _ in pattern.finditer(unit * (2 * k)))
        assert abs(large - 2 * small) <= 2 + small // 50, f"{name} on {unit!r}: {small} then {large} matches"
