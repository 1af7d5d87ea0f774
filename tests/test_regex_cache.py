"""The compiled-pattern cache is only an accelerator: same patterns, and never an error of its own."""

from __future__ import annotations

import marshal
import os
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from repro_lint import regex_cache
from repro_lint.cli import cli
from repro_lint.regex_cache import RegexCache

PATTERNS = [
    (r"\bhidden[ _-]?size\b", re.I),
    (r"(?P<key>lr|learning rate)\s*[:=]\s*(?P<value>\d+(?:\.\d+)?e-?\d+)", re.I),
    (r"(?<![/.@-])(?:C4|The Pile)(?!\.[a-z])", 0),
    (r"学习率|批大小", re.I),
    (r"^\W*licen[cs]e\b[\s:：|*-]{0,6}", re.M | re.S),
]

needs_cpython = pytest.mark.skipif(regex_cache._sre is None, reason="the cache needs CPython's regular-expression engine")


@needs_cpython
def test_a_pattern_from_the_cache_is_the_pattern_re_compile_makes(tmp_path: Path):
    first = RegexCache(tmp_path)
    for source, flags in PATTERNS:
        assert first.compile(source, flags) == re.compile(source, flags)
    assert first.save()
    second = RegexCache(tmp_path)
    for source, flags in PATTERNS:
        cached = second.compile(source, flags)
        assert cached == re.compile(source, flags)  # same source, flags and compiled program
        assert cached.groupindex == re.compile(source, flags).groupindex
    assert not second.dirty  # everything came from the file
    m = second.compile(*PATTERNS[1]).search("Learning rate: 3e-4")
    assert m and m.group("value") == "3e-4"


@needs_cpython
def test_a_corrupt_cache_file_is_ignored_and_replaced(tmp_path: Path):
    cache = RegexCache(tmp_path)
    assert cache.path is not None
    cache.path.write_bytes(b"\x00not marshal data")
    assert cache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])
    assert cache.save()
    assert isinstance(marshal.loads(cache.path.read_bytes()), dict)


@needs_cpython
def test_a_damaged_entry_is_compiled_again_from_source(tmp_path: Path):
    cache = RegexCache(tmp_path)
    assert cache.path is not None
    source, flags = PATTERNS[0][0], int(PATTERNS[0][1])
    cache.path.write_bytes(marshal.dumps({(source, flags): (flags, b"\x01\x00\x00\x00\x02\x00\x00\x00\x07", 0, {}, (None,))}))
    assert RegexCache(tmp_path).compile(source, flags) == re.compile(source, flags)


@needs_cpython
@pytest.mark.skipif(sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0), reason="needs a directory this user cannot write")
def test_an_unwritable_cache_directory_only_means_no_cache(tmp_path: Path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        cache = RegexCache(locked / "repro-lint")
        assert cache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])
        assert cache.save() is False
    finally:
        locked.chmod(0o700)


@needs_cpython
def test_a_file_that_cannot_be_written_over_only_means_no_cache(tmp_path: Path):
    cache = RegexCache(tmp_path / "a-file")
    (tmp_path / "a-file").write_text("not a directory", encoding="utf-8")
    cache.compile(*PATTERNS[0])
    assert cache.save() is False


def test_the_cache_directory_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("REPRO_LINT_CACHE_DIR", str(tmp_path / "here"))
    assert regex_cache.cache_dir() == tmp_path / "here"
    monkeypatch.delenv("REPRO_LINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform != "win32":
        assert regex_cache.cache_dir() == tmp_path / "xdg" / "repro-lint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")  # ignored, as the XDG specification says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if sys.platform != "win32":
        assert regex_cache.cache_dir() == tmp_path / "home" / ".cache" / "repro-lint"
        monkeypatch.setenv("HOME", "")
        monkeypatch.setattr("os.path.expanduser", lambda path: path)  # no home directory at all
        assert regex_cache.cache_dir() is None  # rather than a cache relative to the working directory
    monkeypatch.setenv("REPRO_LINT_NO_CACHE", "1")
    assert regex_cache.cache_dir() is None


def test_without_a_cache_nothing_is_read_or_written(tmp_path: Path):
    cache = RegexCache(None)
    assert cache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])
    assert cache.save() is False
    assert list(tmp_path.iterdir()) == []


@needs_cpython
def test_a_run_stores_the_patterns_it_compiled_and_no_cache_stores_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fixtures: Path):
    card = str(fixtures / "open-reproducible.md")
    monkeypatch.setenv("REPRO_LINT_CACHE_DIR", str(tmp_path / "off"))
    try:
        regex_cache.configure(regex_cache.cache_dir())
        result = CliRunner().invoke(cli, ["--isolated", "--no-cache", card])
        assert result.exit_code == 0, result.output
        assert not (tmp_path / "off").exists()

        monkeypatch.setenv("REPRO_LINT_CACHE_DIR", str(tmp_path / "on"))
        regex_cache.configure(regex_cache.cache_dir())
        regex_cache.compile(r"\bnew (?:pattern|one)\b", re.I)  # compiled in this run: stored at its end
        result = CliRunner().invoke(cli, ["--isolated", card])
        assert result.exit_code == 0, result.output
        stored = marshal.loads(next((tmp_path / "on").glob("regex-*.marshal")).read_bytes())
        assert (r"\bnew (?:pattern|one)\b", int(re.I)) in stored
    finally:
        regex_cache.configure(regex_cache.cache_dir())


@needs_cpython
def test_damaged_derived_entries_are_recomputed_and_verdicts_do_not_change(tmp_path: Path, fixtures: Path):
    import json
    import subprocess

    card = str(fixtures / "open-reproducible.md")

    def lint(directory: Path) -> dict:
        env = {**os.environ, "REPRO_LINT_CACHE_DIR": str(directory)}
        out = subprocess.run([sys.executable, "-m", "repro_lint.cli", "--isolated", "-f", "json", card], capture_output=True, env=env, check=False)
        assert out.returncode == 0, out.stderr
        return json.loads(out.stdout)["files"]

    reference = lint(tmp_path / "fresh")  # writes a complete cache
    (path,) = (tmp_path / "fresh").glob("regex-*.marshal")
    entries = marshal.loads(path.read_bytes())
    junk = {"needles": frozenset({""}), "alternatives": ("x", 3), "plan": ("not", "a", "plan"), "plan of alternatives": (1, 0, {"n": "x"}, "", {})}
    damaged = {key: (junk.get(key[0], "junk") if len(key) == 3 else value) for key, value in entries.items()}
    (tmp_path / "damaged").mkdir()
    (tmp_path / "damaged" / path.name).write_bytes(marshal.dumps(damaged))
    assert lint(tmp_path / "damaged") == reference


@needs_cpython
def test_an_engine_whose_entry_point_differs_means_plain_compilation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    class ChangedEngine:  # an interpreter whose engine entry point takes other arguments
        MAGIC, CODESIZE = regex_cache._sre.MAGIC, regex_cache._sre.CODESIZE

        @staticmethod
        def compile(*args: object) -> None:
            raise TypeError("compile() takes exactly 7 arguments")

    monkeypatch.setattr(regex_cache, "_sre", ChangedEngine)
    cache = RegexCache(tmp_path)
    assert cache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])
    assert cache.save() is False  # nothing was stored
    with pytest.raises(re.error):
        cache.compile("(unclosed", 0)  # a bad pattern is still the caller's error, as with re.compile
