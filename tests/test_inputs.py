"""Bad input: every kind is one line on stderr and exit code 2, never a traceback; good cards in the
same run are still linted; nothing that is read is ever modified; reports are written atomically."""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
from pathlib import Path
from typing import Callable

import pytest

from repro_lint import cli, inputs
from repro_lint.cli import main, write_atomic
from repro_lint.inputs import InputError, decode, read_card

CARD = """---
license: apache-2.0
---
# Acme-1B 模型

A decoder-only transformer with 1B parameters, 24 layers, hidden size 2048, 16 attention heads,
2048-token context. Weights: https://huggingface.co/acme/acme-1b
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, list[str]]:
    code = main([*args, "--isolated"])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err.splitlines()


def one_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run on bad input: exit 2, nothing linted, exactly one line on stderr (returned without the prefix)."""
    code, out, err = run(capsys, *args, "--format", "json")
    assert code == 2
    assert json.loads(out)["files"] == []
    (line,) = err
    assert line.startswith("repro-lint: ")
    return line[len("repro-lint: ") :]


@pytest.fixture
def card(tmp_path: Path) -> Callable[..., Path]:
    def write(data: bytes | str, name: str = "README.md") -> Path:
        path = tmp_path / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return write


# --- paths ---------------------------------------------------------------------------------------


def test_a_missing_path(capsys, tmp_path):
    assert one_error(capsys, str(tmp_path / "nope.md")) == f"{tmp_path / 'nope.md'}: no such file or directory"


def test_a_directory_without_a_card(capsys, tmp_path):
    assert one_error(capsys, str(tmp_path)) == f"{tmp_path}: no model card (README.md, MODEL_CARD.md, model_card.md) in this directory"


def test_a_directory_of_thousands_of_files_is_not_listed_or_read(capsys, tmp_path):
    for i in range(3000):
        (tmp_path / f"notes-{i}.md").write_bytes(b"")
    assert one_error(capsys, str(tmp_path)).endswith("no model card (README.md, MODEL_CARD.md, model_card.md) in this directory")
    (tmp_path / "README.md").write_text(CARD, encoding="utf-8")
    code, out, err = run(capsys, str(tmp_path), "--format", "json")
    assert err == [] and [f["path"] for f in json.loads(out)["files"]] == [str(tmp_path / "README.md")]


def test_a_dangling_symlink(capsys, tmp_path):
    (tmp_path / "README.md").symlink_to(tmp_path / "gone.md")
    assert one_error(capsys, str(tmp_path / "README.md")) == f"{tmp_path / 'README.md'}: no such file or directory"


def test_a_symlink_loop(capsys, tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.symlink_to(b)
    b.symlink_to(a)
    assert one_error(capsys, str(a)) == f"{a}: symbolic link loop"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX only")
def test_a_fifo_is_refused_without_blocking(capsys, tmp_path):
    fifo = tmp_path / "README.md"
    os.mkfifo(fifo)
    assert one_error(capsys, str(fifo)) == f"{fifo}: not a regular file (FIFO, socket or device); refusing to read it"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX only")
def test_a_path_swapped_for_a_fifo_after_the_check_is_refused_after_opening(tmp_path, monkeypatch):
    regular = os.stat(__file__)
    fifo = tmp_path / "README.md"
    os.mkfifo(fifo)
    monkeypatch.setattr(inputs.os, "stat", lambda path: regular)  # the check before opening sees a file
    with pytest.raises(InputError, match="not a regular file"):
        read_card(str(fifo), 1 << 20)


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "README.md"
    path.write_text(CARD, encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(inputs.os, "open", denied)
    with pytest.raises(InputError) as exc:
        read_card(str(path), 1 << 20)
    assert str(exc.value) == f"{path}: permission denied"


def test_an_unreadable_file_through_the_command_line(capsys, card, monkeypatch):
    path = card(CARD)
    real_open = inputs.os.open

    def denied_for_the_card(file: object, *args: object, **kwargs: object) -> int:  # as for a file mode 000, even as root
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(inputs.os, "open", denied_for_the_card)
    assert one_error(capsys, str(path)) == f"{path}: permission denied"


def test_a_control_character_in_a_file_name_keeps_the_error_on_one_line(capsys, tmp_path):
    name = str(tmp_path / "bad\nname.md")
    assert one_error(capsys, name) == f"{tmp_path}/bad\\nname.md: no such file or directory"


def test_good_cards_are_still_linted_next_to_a_bad_one(capsys, tmp_path, card):
    good = card(CARD, "good.md")
    code, out, err = run(capsys, str(tmp_path / "missing.md"), str(good), "--format", "json")
    assert code == 2
    assert err == [f"repro-lint: {tmp_path / 'missing.md'}: no such file or directory"]
    assert [f["path"] for f in json.loads(out)["files"]] == [str(good)]


# --- content ---------------------------------------------------------------------------------------


def test_a_binary_file(capsys, card):
    path = card(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert one_error(capsys, str(path)) == f"{path}: binary file (contains NUL bytes), not a Markdown card (UTF-16/32 text needs a byte-order mark)"


def test_invalid_utf8_is_refused_with_the_offset_of_the_first_bad_byte(capsys, card):
    path = card("# Card\n".encode() + b"caf\xe9\n")
    assert one_error(capsys, str(path)) == f"{path}: not valid UTF-8 (byte 0xe9 at offset 10); save the card as UTF-8"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")])
def test_an_empty_or_blank_file(capsys, card, data):
    path = card(data)
    assert one_error(capsys, str(path)) == f"{path}: empty file, nothing to lint"


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-32-le", codecs.BOM_UTF32_LE)],
)
def test_a_card_with_a_byte_order_mark_is_decoded_and_judged_like_utf8(capsys, card, tmp_path, encoding, bom):
    plain = card(CARD, "plain.md")
    encoded = card(bom + CARD.encode(encoding), "encoded.md")
    _, out, err = run(capsys, str(plain), str(encoded), "--format", "json")
    first, second = json.loads(out)["files"]
    assert err == []
    assert first["criteria"] == second["criteria"] and first["score"] == second["score"]


def test_utf16_with_a_broken_surrogate_is_refused(capsys, card):
    path = card(codecs.BOM_UTF16_LE + "# Card\n".encode("utf-16-le") + b"\x00\xd8")
    assert one_error(capsys, str(path)) == f"{path}: invalid UTF-16 at byte 16"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(capsys, card, monkeypatch):
    path = card(CARD + "x" * 5000)
    size = path.stat().st_size
    monkeypatch.setattr(inputs.os, "open", lambda *a, **k: pytest.fail("an oversize card must not be opened"))
    assert one_error(capsys, str(path), "--max-bytes", "4096") == (f"{path}: {size:,} bytes is larger than the limit of 4,096 (raise it with --max-bytes)")


def test_the_size_limit_applies_to_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"# Card\n" * 1000)))
    assert one_error(capsys, "-", "--max-bytes", "100") == "<stdin>: larger than the limit of 100 bytes (raise it with --max-bytes)"


def test_stdin_is_decoded_under_the_same_rules(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9")))
    assert one_error(capsys, "-") == "<stdin>: not valid UTF-8 (byte 0xe9 at offset 3); save the card as UTF-8"


def test_the_default_size_limit_is_generous_but_finite():
    from repro_lint.config import DEFAULT_MAX_BYTES, Settings

    assert Settings().max_bytes == DEFAULT_MAX_BYTES == 8 * 1024 * 1024


def test_decode_keeps_text_exactly():
    text = "# 卡片\r\n\tTab, emoji 🤗, NBSP\u00a0and a form feed\f.\n"
    assert decode(text.encode("utf-8"), "c.md") == text
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8"), "c.md") == text
    assert decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "c.md") == text


# --- nothing lost, nothing written ----------------------------------------------------------------


def test_linted_files_are_never_modified(capsys, card, tmp_path):
    paths = [card(CARD, "README.md"), card(codecs.BOM_UTF16_LE + CARD.encode("utf-16-le"), "MODEL_CARD.md")]
    for i, path in enumerate(paths):
        os.utime(path, ns=(1_000_000_000_000_000_000 + i, 1_000_000_000_000_000_000 + i))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in paths}
    listing = sorted(os.listdir(tmp_path))
    for fmt in ("text", "json"):
        run(capsys, *map(str, paths), "--format", fmt)
    run(capsys, *map(str, paths), "--jobs", "2")
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in paths} == before
    assert sorted(os.listdir(tmp_path)) == listing


def test_the_output_file_is_written_whole(capsys, card, tmp_path):
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    code, out, err = run(capsys, str(card(CARD)), "--format", "json", "--output-file", str(report))
    assert out == "" and err == []
    assert json.loads(report.read_text(encoding="utf-8"))["files"][0]["path"].endswith("README.md")
    assert os.listdir(report.parent) == ["report.json"]


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, OSError])
def test_an_interrupted_write_leaves_the_old_report_and_no_temporary_file(tmp_path, monkeypatch, interruption):
    report = tmp_path / "report.json"
    report.write_text('{"old": true}', encoding="utf-8")

    def interrupted(src: object, dst: object) -> None:
        raise interruption()

    monkeypatch.setattr(cli.os, "replace", interrupted)
    with pytest.raises(interruption):
        write_atomic(str(report), '{"new": true}' * 100_000)
    assert report.read_text(encoding="utf-8") == '{"old": true}'
    assert os.listdir(tmp_path) == ["report.json"]


def test_an_unwritable_output_file_is_one_line_and_exit_2(capsys, card, tmp_path):
    target = tmp_path / "no-such-dir" / "report.json"
    code, out, err = run(capsys, str(card(CARD)), "--output-file", str(target))
    assert code == 2
    (line,) = err
    assert line.startswith(f"repro-lint: {target}: cannot write the report")


def test_the_report_never_overwrites_a_linted_card(capsys, card, tmp_path):
    path = card(CARD)
    before = path.read_bytes()
    alias = tmp_path / "link.md"
    alias.symlink_to(path)
    for target in (path, alias):
        code, out, err = run(capsys, str(tmp_path), "--output-file", str(target))
        assert code == 2
        assert err == [f"repro-lint: {target}: is one of the linted cards; refusing to overwrite it with the report"]
    assert path.read_bytes() == before and alias.is_symlink()
