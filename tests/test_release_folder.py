"""Local release folders: the card plus config.json, weight files, LICENSE and training files beside it.

Each fixture under fixtures/releases/ states its expected verdicts and findings in its README.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from repro_lint.cli import main
from repro_lint.release import read_safetensors_parameters
from repro_lint.targets import resolve_paths

RELEASES = Path(__file__).resolve().parents[1] / "fixtures" / "releases"


def lint_json(capsys, *args: str) -> dict:
    main([*args, "--format", "json"])
    return json.loads(capsys.readouterr().out)["files"][0]


def codes(result: dict) -> list[str]:
    return sorted(f["code"] for f in result["findings"] if f["code"].startswith("RL7"))


def test_config_json_makes_the_architecture_complete_when_the_card_says_little(capsys):
    result = lint_json(capsys, str(RELEASES / "config-complete"))
    arch = result["criteria"]["architecture"]
    assert arch["level"] == "complete"
    by_element = {(e["element"], e.get("file", "").rsplit("/", 1)[-1]) for e in arch["evidence"]}
    assert ("dimensions", "config.json") in by_element and ("model type", "config.json") in by_element
    assert ("parameter count", "model.safetensors") in by_element
    layers = next(e for e in arch["evidence"] if "num_hidden_layers" in e["text"])
    assert layers["line"] == 4  # config.json's own line
    assert result["criteria"]["weights"]["level"] == "complete"
    assert result["criteria"]["hyperparameters"]["level"] == "complete"  # trainer_state.json
    assert codes(result) == []
    examined = [Path(p).name for p in result["release"]["files_examined"]]
    assert examined == ["LICENSE", "config.json", "trainer_state.json", "model.safetensors"]


def test_the_same_card_alone_documents_no_architecture(capsys, tmp_path):
    card = tmp_path / "README.md"
    card.write_text((RELEASES / "config-complete" / "README.md").read_text())
    result = lint_json(capsys, str(card))
    assert result["criteria"]["architecture"]["level"] == "absent"
    assert "release" not in result


def test_claims_against_the_files_are_reported_with_both_places(capsys):
    result = lint_json(capsys, str(RELEASES / "claims-mismatch"))
    assert codes(result) == ["RL701", "RL702", "RL702", "RL703", "RL706"]
    rl701 = next(f for f in result["findings"] if f["code"] == "RL701")
    assert "1B parameter" in rl701["message"] and "1.6 K parameters" in rl701["message"]
    assert rl701["related"][0]["file"].endswith("model.safetensors")
    rl702 = [f for f in result["findings"] if f["code"] == "RL702"]
    assert {f["related"][0]["line"] for f in rl702} == {3, 4}  # num_hidden_layers, hidden_size in config.json


def test_claims_do_not_change_the_score(capsys, tmp_path):
    with_claims = lint_json(capsys, str(RELEASES / "claims-mismatch"))
    without = lint_json(capsys, str(RELEASES / "claims-mismatch"), "--ignore", "RL7")
    assert with_claims["score"] == without["score"] and codes(without) == []
    assert "release_claims" not in with_claims["criteria"]


def test_weights_claimed_but_no_weight_file(capsys):
    result = lint_json(capsys, str(RELEASES / "weights-claimed-missing"))
    assert codes(result) == ["RL704"]


def test_a_plain_card_folder_still_means_its_readme(tmp_path):
    (tmp_path / "README.md").write_text("# Card\n")
    paths, errors = resolve_paths((str(tmp_path),))
    assert paths == [str(tmp_path / "README.md")] and not errors


def test_a_release_folder_resolves_to_itself():
    paths, errors = resolve_paths((str(RELEASES / "config-complete"),))
    assert paths == [str(RELEASES / "config-complete")] and not errors


def test_parameters_come_from_the_safetensors_header_only(tmp_path):
    from tests.safetensors_files import header_bytes

    head, _ = header_bytes({"a": ("BF16", [7_000_000, 1000])})
    path = tmp_path / "model.safetensors"
    path.write_bytes(head)  # the data is not there: only the header is read
    assert read_safetensors_parameters(path) == 7_000_000_000
    path.write_bytes(b"\xff" * 16)  # a length prefix beyond the limit
    assert read_safetensors_parameters(path) is None


def test_the_fixture_safetensors_file_is_a_real_one():
    safetensors = pytest.importorskip("safetensors")
    data = (RELEASES / "config-complete" / "model.safetensors").read_bytes()
    shapes = {name: info["shape"] for name, info in safetensors.deserialize(data)}
    assert shapes == {"model.embed_tokens.weight": [100, 8], "lm_head.weight": [100, 8]}


def test_a_release_is_never_written_to(capsys, tmp_path):
    import shutil

    folder = tmp_path / "release"
    shutil.copytree(RELEASES / "claims-mismatch", folder)
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}
    lint_json(capsys, str(folder))
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()} == before


def test_text_report_points_evidence_at_file_and_line(capsys):
    main([str(RELEASES / "config-complete"), "--color", "never"])
    out = capsys.readouterr().out
    assert "config-complete/config.json:3: " in out
    assert "Release files examined: " in out


def test_a_gguf_header_gives_the_architecture_and_the_parameter_count(capsys):
    result = lint_json(capsys, str(RELEASES / "gguf-only"))
    arch = result["criteria"]["architecture"]
    assert arch["level"] == "complete"  # the card names no architecture at all
    texts = {e["text"] for e in arch["evidence"] if e.get("file", "").endswith("tiny-q8_0.gguf")}
    assert {"general.architecture = llama", "llama.block_count = 2", "12.8 K parameters (GGUF header)"} <= texts
    assert [Path(p).name for p in result["release"]["files_examined"]] == ["tiny-q8_0.gguf"]


def test_a_truncated_gguf_header_is_reported_not_read(capsys, tmp_path):
    import shutil

    folder = tmp_path / "release"
    shutil.copytree(RELEASES / "gguf-only", folder)
    gguf = folder / "tiny-q8_0.gguf"
    gguf.write_bytes(gguf.read_bytes()[:40])
    result = lint_json(capsys, str(folder))
    assert result["release"]["not_read"][0].startswith("tiny-q8_0.gguf: GGUF header unreadable")
    assert result["criteria"]["architecture"]["level"] == "absent"


def test_a_release_without_weight_files_cannot_be_downloaded_whatever_the_card_says(capsys):
    # weights-claimed-missing: the card says the weights are available; the folder has config.json and LICENSE only.
    result = lint_json(capsys, str(RELEASES / "weights-claimed-missing"), "--profile", "osai")
    access = result["criteria"]["access"]
    assert access["level"] == "closed"
    assert access["evidence"][0]["file"].endswith("weights-claimed-missing")
    assert "RL615" in [f["code"] for f in result["findings"]]


def test_no_weight_files_is_reported_by_default_and_a_release_with_weights_is_not(capsys):
    assert "RL615" in [f["code"] for f in lint_json(capsys, str(RELEASES / "weights-claimed-missing"))["findings"]]
    assert "RL615" not in [f["code"] for f in lint_json(capsys, str(RELEASES / "config-complete"))["findings"]]
