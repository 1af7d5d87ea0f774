"""Entry points read without importlib.metadata: the same answer, from the same files."""

from __future__ import annotations

import re
import zipfile
from importlib.metadata import distributions
from pathlib import Path

import pytest

from repro_lint import entrypoints
from repro_lint.plugins import ENTRY_POINT_GROUP


def importlib_view(group: str) -> list[tuple[str, str, str, str]]:
    """What importlib.metadata finds: distributions in sys.path order, the first of each name."""
    seen: set[str] = set()
    found = []
    for dist in distributions():
        name = re.sub(r"[-_.]+", "-", dist.metadata["Name"] or "").lower()
        if name in seen:
            continue
        seen.add(name)
        found.extend((ep.name, ep.value, dist.metadata["Name"], dist.version) for ep in dist.entry_points if ep.group == group)
    return sorted(found)


def our_view(group: str) -> list[tuple[str, str, str, str]]:
    return sorted((ep.name, ep.value, ep.dist.name, ep.dist.version) for ep in entrypoints.entry_points(group))


def test_the_installed_repro_lint_entry_points_are_those_importlib_metadata_finds():
    assert our_view(ENTRY_POINT_GROUP) == importlib_view(ENTRY_POINT_GROUP)
    assert ("architecture", "repro_lint.rules.architecture", "repro-lint") in [v[:3] for v in our_view(ENTRY_POINT_GROUP)]


def test_other_groups_are_read_the_same_way():
    assert our_view("console_scripts") == importlib_view("console_scripts")


def test_a_distribution_on_sys_path_is_found_and_its_entry_point_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "acme_probe.py").write_text("VALUE = 42\n", encoding="utf-8")
    info = tmp_path / "acme_probe-2.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: Acme-Probe\nVersion: 2.1\n\nName: not a header\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "# comment\n[console_scripts]\nacme = acme_probe:main\n\n[repro_lint]\nprobe = acme_probe:VALUE [extra]\n",
        encoding="utf-8",
    )
    (ep,) = [ep for ep in entrypoints.entry_points(ENTRY_POINT_GROUP) if ep.name == "probe"]
    assert (ep.value, ep.dist.name, ep.dist.version) == ("acme_probe:VALUE [extra]", "Acme-Probe", "2.1")
    assert ep.load() == 42
    assert our_view(ENTRY_POINT_GROUP) == importlib_view(ENTRY_POINT_GROUP)


def test_the_first_distribution_of_a_name_on_sys_path_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    for folder, version in (("first", "2.0"), ("second", "1.0")):
        info = tmp_path / folder / f"acme_dup-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Name: acme-dup\nVersion: {version}\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(f"[repro_lint]\ndup = acme_dup_{folder}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "second"))
    monkeypatch.syspath_prepend(str(tmp_path / "first"))
    assert [(ep.value, ep.dist.version) for ep in entrypoints.entry_points(ENTRY_POINT_GROUP) if ep.name == "dup"] == [("acme_dup_first", "2.0")]


def test_an_archive_on_sys_path_is_left_to_importlib_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("acme_zipped.py", "VALUE = 7\n")
        zf.writestr("acme_zipped-1.0.dist-info/METADATA", "Name: acme-zipped\nVersion: 1.0\n")
        zf.writestr("acme_zipped-1.0.dist-info/entry_points.txt", "[repro_lint]\nzipped = acme_zipped:VALUE\n")
    monkeypatch.syspath_prepend(str(archive))
    (ep,) = [ep for ep in entrypoints.entry_points(ENTRY_POINT_GROUP) if ep.name == "zipped"]
    assert ep.load() == 7


def test_a_malformed_entry_point_value_fails_on_load_not_on_discovery():
    ep = entrypoints.EntryPoint("bad", "not a module path!", ENTRY_POINT_GROUP, None)
    with pytest.raises(ValueError, match="malformed entry point"):
        ep.load()


def test_parse_entry_points_reads_only_the_group_asked_for():
    text = "[a]\nx = m:x\n[ b ]\n; comment\ny=m:y\nz = m.sub:obj.attr\n"
    assert entrypoints.parse_entry_points(text, "b") == [("y", "m:y"), ("z", "m.sub:obj.attr")]
    assert entrypoints.parse_entry_points(text, "c") == []
