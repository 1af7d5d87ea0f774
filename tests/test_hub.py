"""Models on the Hugging Face Hub, linted through huggingface_hub's own code against a fake Hub on 127.0.0.1.

The fake Hub (tests/fakehub.py) serves the routes the client calls; HF_ENDPOINT points at it, HF_HOME
and repro-lint's cache are temporary. Nothing here reaches the real network.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from repro_lint.cli import main
from tests.fakehub import FakeHub, FakeRepo
from tests.safetensors_files import header_bytes, safetensors_bytes

CONFIG = json.dumps(
    {"model_type": "llama", "num_hidden_layers": 2, "hidden_size": 64, "num_attention_heads": 4, "max_position_embeddings": 512, "vocab_size": 1000},
    indent=2,
).encode()
TINY_WEIGHTS = safetensors_bytes({"embed": ("F16", [100, 8]), "head": ("F16", [100, 8])})  # 1,600 parameters
APACHE = b"                                 Apache License\n                           Version 2.0, January 2004\n"

#: A card that says little; its release's config.json gives the whole architecture.
TERSE_CARD = b"---\nlicense: apache-2.0\n---\n# Tiny-LM\n\nTiny-LM is a small language model for tests.\n"


def big_header() -> tuple[bytes, int]:
    """A safetensors header declaring 13 B parameters (the data is never fetched, so it is not served)."""
    return header_bytes({"model.layers.weight": ("BF16", [13_000_000, 1000])})


def repos() -> dict[str, FakeRepo]:
    head, size = big_header()
    return {
        "acme/tiny": FakeRepo(
            {
                "README.md": TERSE_CARD,
                "config.json": CONFIG,
                "model.safetensors": TINY_WEIGHTS,
                "LICENSE": APACHE,
                "pytorch_model.bin": b"\x80\x02pickle",
                "training_args.bin": b"\x80\x02",
            },
            license_tag="apache-2.0",
        ),
        # card claims 7B, the weights hold 13 B
        "acme/claims-7b": FakeRepo(
            {
                "README.md": b"---\nlicense: apache-2.0\n---\n# Acme-7B\n\nAcme-7B is a 7B parameter decoder-only transformer.\n",
                "config.json": CONFIG,
                "model.safetensors": head,
            },
            declared_sizes={"model.safetensors": size},
        ),
        # "7B" for 6.74 B parameters is rounding, not a disagreement (the Hub gives the count itself)
        "acme/rounded-7b": FakeRepo(
            {"README.md": b"# Acme-7B\n\nAcme-7B is a 7B parameter decoder-only transformer.\n", "config.json": CONFIG, "model.safetensors": head},
            declared_sizes={"model.safetensors": size},
            safetensors_total=6_738_415_616,
        ),
        "acme/gated": FakeRepo(
            {"README.md": b"# Gated\n\nAn open source model.\n", "config.json": CONFIG, "model.safetensors": TINY_WEIGHTS},
            gated="manual",
            license_tag="apache-2.0",
        ),
        # automatic approval: anyone who accepts the licence gets the files, so "open source" is not contradicted
        "acme/auto-gated": FakeRepo(
            {"README.md": b"# Auto\n\nAn open source model.\n", "config.json": CONFIG, "model.safetensors": TINY_WEIGHTS},
            gated="auto",
        ),
        # GGUF only: the Hub's own GGUF summary gives the type, the context length and the parameter count
        "acme/gguf": FakeRepo(
            {"README.md": b"# Q\n\nA 7B parameter model, quantized.\n", "model-q4_k_m.gguf": b"GGUF"},
            gguf={"total": 13_000_000_000, "architecture": "llama", "context_length": 4096},
        ),
        "acme/missing-file": FakeRepo({"README.md": TERSE_CARD, "config.json": CONFIG}),
        "acme/limited": FakeRepo({"README.md": TERSE_CARD, "config.json": CONFIG}, rate_limited=2),
        "acme/always-limited": FakeRepo({"README.md": TERSE_CARD}, rate_limited=10_000),
    }


@pytest.fixture
def hub(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.setenv("REPRO_LINT_CACHE_DIR", str(tmp_path / "repro-lint-cache"))
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr("repro_lint.hub.BACKOFF_SECONDS", 0.0)
    with FakeHub(repos()) as fake:
        monkeypatch.setenv("HF_ENDPOINT", fake.url)
        yield fake


def lint(capsys, *args: str) -> tuple[int, dict, str]:
    code = main([*args, "--format", "json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def only(report: dict) -> dict:
    assert len(report["files"]) == 1, report
    return report["files"][0]


def rl7(result: dict) -> list[str]:
    return sorted(f["code"] for f in result["findings"] if f["code"].startswith("RL7"))


def test_public_model_uses_config_json_and_never_downloads_weights(capsys, hub):
    code, report, err = lint(capsys, "acme/tiny")
    result = only(report)
    assert result["path"] == "hf://acme/tiny/README.md"
    arch = result["criteria"]["architecture"]
    assert arch["level"] == "complete"  # the card alone says nothing of the architecture
    layers = next(e for e in arch["evidence"] if "num_hidden_layers" in e["text"])
    assert layers["file"] == "hf://acme/tiny/config.json" and layers["line"] == 3
    count = next(e for e in arch["evidence"] if e["element"] == "parameter count")
    assert "1.6 K parameters" in count["text"]
    assert "hf://acme/tiny/config.json" in result["release"]["files_examined"]
    assert rl7(result) == []
    weights = result["criteria"]["weights"]["evidence"]
    assert any(e["element"] == "download location" and e["text"].startswith("2 weight files (pytorch, safetensors") for e in weights)  # not training_args.bin
    # weights: only the safetensors header, by range request; pickles never
    fetched = [(m, p, r) for m, p, r in hub.requests if "/resolve/" in p]
    assert not any(p.endswith((".bin", ".pt")) for _, p, _ in fetched)
    weight_gets = [(p, r) for m, p, r in fetched if p.endswith(".safetensors") and m == "GET"]
    assert weight_gets and all(r and r.startswith("bytes=0-") for _, r in weight_gets)


def test_card_claims_7b_while_the_weights_hold_13b(capsys, hub):
    _, report, _ = lint(capsys, "acme/claims-7b")
    result = only(report)
    assert rl7(result) == ["RL701"]
    finding = next(f for f in result["findings"] if f["code"] == "RL701")
    assert "7B parameter" in finding["message"] and "13 B parameters" in finding["message"]
    assert finding["line"] == 6 and finding["related"] == [{"file": "hf://acme/claims-7b/model.safetensors", "line": 0}]


def test_a_rounded_count_is_consistent_and_the_hubs_own_count_saves_the_header_reads(capsys, hub):
    _, report, _ = lint(capsys, "acme/rounded-7b")
    assert rl7(only(report)) == []
    assert not any(p.endswith(".safetensors") for _, p, _ in hub.requests)


def test_gated_without_token_lints_what_metadata_allows_and_says_what_was_not_read(capsys, hub):
    code, report, err = lint(capsys, "hf://acme/gated")
    result = only(report)
    assert code != 2 and not report["errors"]
    assert any(line.startswith("config.json: gated") for line in result["release"]["not_read"])
    assert rl7(result) == ["RL705"]  # "open source" but manual approval
    assert result["criteria"]["architecture"]["level"] == "absent"


def test_gated_with_a_token_reads_the_files(capsys, hub, monkeypatch):
    monkeypatch.setenv("HF_TOKEN", "hf_granted")
    _, report, _ = lint(capsys, "hf://acme/gated")
    result = only(report)
    assert result["release"]["not_read"] == []
    assert result["criteria"]["architecture"]["level"] == "complete"


def test_a_listed_file_the_hub_cannot_serve_is_reported_not_fatal(capsys, hub):
    hub.repos["acme/missing-file"].files.pop("config.json")
    hub.repos["acme/missing-file"].ghost_files = ("config.json",)  # listed, but 404 EntryNotFound when fetched
    code, report, _ = lint(capsys, "acme/missing-file")
    result = only(report)
    assert not report["errors"] and result["release"]["not_read"] == ["config.json: not found on the Hub"]
    assert result["criteria"]["architecture"]["level"] == "absent"


def test_unknown_model_is_one_line_and_exit_2(capsys, hub):
    code, report, err = lint(capsys, "acme/nothing-here")
    assert code == 2 and report["files"] == []
    assert report["errors"] == [
        "acme/nothing-here: no such file or directory; as a Hugging Face model id: no model 'acme/nothing-here' on the Hub (or it is private: set HF_TOKEN)"
    ]
    assert "Traceback" not in err


def test_unknown_revision_is_one_line_and_exit_2(capsys, hub):
    code, report, _ = lint(capsys, "hf://acme/tiny@no-such-branch")
    assert code == 2 and report["errors"] == ["hf://acme/tiny@no-such-branch: revision 'no-such-branch' not found on the Hub"]


def test_rate_limit_is_retried_then_succeeds(capsys, hub):
    code, report, _ = lint(capsys, "acme/limited")
    assert not report["errors"] and only(report)["criteria"]["architecture"]["level"] == "complete"
    assert sum(1 for m, p, _ in hub.requests if p == "/api/models/acme/limited") == 3  # two 429s, then the answer


def test_rate_limit_that_does_not_end_is_a_clear_error(capsys, hub):
    code, report, err = lint(capsys, "acme/always-limited")
    assert code == 2 and report["errors"] == [
        "acme/always-limited: no such file or directory; as a Hugging Face model id: rate limited by the Hub (429) after 3 retries; try again later or set HF_TOKEN"
    ]


def test_no_network_is_one_line_and_exit_2(capsys, hub, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    code, report, err = lint(capsys, "hf://acme/tiny")
    assert code == 2 and len(report["errors"]) == 1
    assert report["errors"][0].startswith("hf://acme/tiny: cannot reach the Hub at http://127.0.0.1:9")
    assert "Traceback" not in err


def test_offline_with_an_empty_cache_is_one_line_and_exit_2(capsys, hub, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    code, report, _ = lint(capsys, "hf://acme/tiny")
    assert code == 2 and report["errors"] == ["hf://acme/tiny: offline (HF_HUB_OFFLINE) and no cached metadata for this model; run once with network access"]
    assert hub.requests == []


def test_offline_repeats_an_earlier_run_from_the_cache(capsys, hub, monkeypatch):
    _, online, _ = lint(capsys, "acme/tiny")
    hub.requests.clear()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    _, offline, _ = lint(capsys, "acme/tiny")
    assert hub.requests == []
    assert only(offline)["criteria"] == only(online)["criteria"]
    assert only(offline)["score"] == only(online)["score"]


def test_existing_path_wins_over_a_hub_id_and_hf_scheme_forces_the_hub(capsys, hub, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "acme").mkdir()
    (tmp_path / "acme" / "tiny").write_text("# A local card\n\nNothing about the architecture.\n")
    _, report, _ = lint(capsys, "acme/tiny")
    assert only(report)["path"] == "acme/tiny" and not any("/api/models" in p for _, p, _ in hub.requests)
    _, report, _ = lint(capsys, "hf://acme/tiny")
    assert only(report)["path"] == "hf://acme/tiny/README.md"


def test_a_hub_url_is_accepted(capsys, hub):
    _, report, _ = lint(capsys, "https://huggingface.co/acme/tiny")
    assert only(report)["criteria"]["architecture"]["level"] == "complete"


def test_sarif_names_the_artifact_files(capsys, hub):
    main(["acme/claims-7b", "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    run = log["runs"][0]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert "hf://acme/claims-7b/README.md" in uris and "hf://acme/claims-7b/config.json" in uris
    result = next(r for r in run["results"] if r["ruleId"] == "RL701")
    assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "hf://acme/claims-7b/model.safetensors"


def test_twenty_models_at_once(capsys, hub):
    for k in range(20):
        hub.repos[f"acme/m{k}"] = FakeRepo({"README.md": TERSE_CARD, "config.json": CONFIG, "model.safetensors": TINY_WEIGHTS}, delay=0.05)
    ids = [f"acme/m{k}" for k in range(20)]
    code, report, _ = lint(capsys, *ids)
    assert [r["path"] for r in report["files"]] == [f"hf://{i}/README.md" for i in ids]  # the order given
    assert all(r["criteria"]["architecture"]["level"] == "complete" for r in report["files"])
    assert report["errors"] == []
    assert hub.model_info_max_in_flight >= 5  # the ids were fetched concurrently (the time is in benchmarks/)


def test_the_client_is_not_imported_for_plain_cards():
    import subprocess
    import sys

    card = Path(__file__).resolve().parents[1] / "fixtures" / "open-weights.md"
    code = "import sys; from repro_lint.cli import main; main([sys.argv[1]]); print('huggingface_hub' in sys.modules, file=sys.stderr)"
    done = subprocess.run([sys.executable, "-c", code, str(card)], capture_output=True, text=True, env={**os.environ}, timeout=120)
    assert done.stderr.strip().splitlines()[-1] == "False"


def test_sarif_of_a_hub_release_is_valid_sarif(capsys, hub):
    import jsonschema

    from tests.conftest import shared_or_skip

    schema = json.loads(shared_or_skip("data", "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    main(["acme/claims-7b", "acme/gated", "--format", "sarif"])
    jsonschema.validate(json.loads(capsys.readouterr().out), schema)


def test_automatic_gating_does_not_contradict_an_open_claim(capsys, hub):
    _, report, _ = lint(capsys, "acme/auto-gated")
    assert rl7(only(report)) == []


def test_gguf_metadata_of_the_hub_is_used_and_the_gguf_file_is_never_fetched(capsys, hub):
    _, report, _ = lint(capsys, "acme/gguf")
    result = only(report)
    evidence = result["criteria"]["architecture"]["evidence"]
    assert any(e["text"] == "GGUF architecture: llama" and e["file"] == "hf://acme/gguf (Hub metadata)" for e in evidence)
    assert rl7(result) == ["RL701"]  # "7B" against the Hub's 13 B
    assert not any(p.endswith(".gguf") for _, p, _ in hub.requests)


def test_a_hub_that_does_not_answer_is_a_timeout_not_a_hang(capsys, hub, monkeypatch):
    monkeypatch.setattr("repro_lint.hub.INFO_TIMEOUT", 0.2)
    hub.repos["acme/slow"] = FakeRepo({"README.md": TERSE_CARD}, delay=1.0)
    code, report, err = lint(capsys, "hf://acme/slow")
    assert code == 2 and len(report["errors"]) == 1 and report["errors"][0].startswith("hf://acme/slow: cannot reach the Hub at http://127.0.0.1:")
    assert "Timeout" in report["errors"][0] and "Traceback" not in err


def test_the_hubs_gating_flag_is_gated_access_even_when_the_card_says_nothing(capsys, hub):
    _, report, _ = lint(capsys, "hf://acme/gated", "--profile", "osai")
    access = only(report)["criteria"]["access"]
    assert access["level"] == "partial"  # gated: downloadable only after approval
    assert any(e["element"] == "gated" and e.get("file", "").endswith("(Hub metadata)") for e in access["evidence"])
