"""Rules are found through the ``repro_lint`` entry points of the installed distributions (importlib.metadata)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from repro_lint import plugins
from repro_lint.plugins import ENTRY_POINT_GROUP


def found(name: str) -> list[tuple[str, str, str]]:
    return [(ep.value, ep.dist.metadata["Name"], ep.dist.version) for ep in plugins._entry_points() if ep.name == name]


def test_the_built_in_rules_are_entry_points_of_repro_lint():
    assert ("repro_lint.rules.architecture", "repro-lint", "0.1.0") in found("architecture")


def test_a_distribution_on_sys_path_is_found_and_its_entry_point_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "acme_probe.py").write_text("VALUE = 42\n", encoding="utf-8")
    info = tmp_path / "acme_probe-2.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: Acme-Probe\nVersion: 2.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[console_scripts]\nacme = acme_probe:main\n\n[{ENTRY_POINT_GROUP}]\nprobe = acme_probe:VALUE\n", encoding="utf-8")
    assert found("probe") == [("acme_probe:VALUE", "Acme-Probe", "2.1")]
    (ep,) = [ep for ep in plugins._entry_points() if ep.name == "probe"]
    assert ep.load() == 42
    assert plugins._dist_info(ep, {}) == ("Acme-Probe", "2.1")


def test_the_first_distribution_of_a_name_on_sys_path_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    for folder, version in (("first", "2.0"), ("second", "1.0")):
        info = tmp_path / folder / f"acme_dup-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Name: acme-dup\nVersion: {version}\n", encoding="utf-8")
        (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\ndup = acme_dup_{folder}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "second"))
    monkeypatch.syspath_prepend(str(tmp_path / "first"))
    assert [(value, version) for value, _, version in found("dup")] == [("acme_dup_first", "2.0")]


def test_a_plugin_in_an_archive_on_sys_path_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    archive = tmp_path / "plugins.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("acme_zipped.py", "VALUE = 7\n")
        zf.writestr("acme_zipped-1.0.dist-info/METADATA", "Name: acme-zipped\nVersion: 1.0\n")
        zf.writestr("acme_zipped-1.0.dist-info/entry_points.txt", f"[{ENTRY_POINT_GROUP}]\nzipped = acme_zipped:VALUE\n")
    monkeypatch.syspath_prepend(str(archive))
    (ep,) = [ep for ep in plugins._entry_points() if ep.name == "zipped"]
    assert ep.load() == 7


def test_plugin_names_compare_the_packaging_way():
    assert plugins._normalize("Acme_Plugin.x") == plugins._normalize("acme-plugin-x") == "acme-plugin-x"
