"""--hub-search turns a Hub listing into model ids, through huggingface_hub's real list_models.

The Hub is a tiny fake on 127.0.0.1 (HF_ENDPOINT points at it) that answers ``GET /api/models``
with three models and records the query it was sent; nothing here touches the real network.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from repro_lint.cli import main
from repro_lint.hub_search import HubQuery, HubSearchError, model_ids, parse_query
from repro_lint.sources import expand

LISTED = ["acme/wren-3b", "acme/kite-1b", "acme/lark-7b"]


class FakeHub(BaseHTTPRequestHandler):
    queries: list[dict[str, list[str]]] = []

    def do_GET(self) -> None:
        url = urlparse(self.path)
        if url.path != "/api/models":
            self.send_error(404)
            return
        query = parse_qs(url.query)
        FakeHub.queries.append(query)
        limit = int(query.get("limit", ["1000"])[0])
        body = json.dumps([{"id": m, "modelId": m, "downloads": 10 - i} for i, m in enumerate(LISTED)][:limit]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_hub(monkeypatch):  # type: ignore[no-untyped-def]
    pytest.importorskip("huggingface_hub", reason="huggingface_hub is the [hub] extra")
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{server.server_address[1]}")
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    monkeypatch.delenv("HF_TOKEN", raising=False)
    FakeHub.queries = []
    yield FakeHub.queries
    server.shutdown()
    server.server_close()


def test_query_syntax():
    assert parse_query("author:acme task:text-generation sort:downloads limit:2 library:transformers tag:base_model tiny llm") == HubQuery(
        author="acme", task="text-generation", tags=("library:transformers", "base_model"), sort="downloads", limit=2, search="tiny llm"
    )
    assert parse_query("author:acme").limit == 100  # never the whole Hub by accident
    for bad, message in (
        ("colour:red", "unknown key 'colour'"),
        ("limit:many", "limit must be a positive"),
        ("sort:size", "sort must be one of"),
        ("author:", "has no value"),
    ):
        with pytest.raises(HubSearchError, match=message):
            parse_query(bad)


def test_the_listing_becomes_ids_and_the_query_reaches_the_hub(fake_hub):
    assert list(model_ids(parse_query("author:acme task:text-generation sort:downloads limit:2"))) == LISTED[:2]
    sent = fake_hub[0]
    assert sent["author"] == ["acme"] and sent["pipeline_tag"] == ["text-generation"] and sent["sort"] == ["downloads"]
    assert sent["limit"] == ["2"]


def test_ids_follow_the_other_inputs_in_the_stream(fake_hub):
    assert list(expand(["local.md"], hub_search="author:acme")) == ["local.md", *LISTED]


def test_cli_passes_each_id_to_the_ordinary_resolution(fake_hub, capsys):
    main(["--hub-search", "author:acme limit:3", "-f", "jsonl", "--isolated"])
    out = capsys.readouterr()
    for model in LISTED:  # linted, or reported by the per-input resolution: either way, each id was taken up
        assert model in out.out + out.err


def test_a_failing_hub_is_one_line_exit_2(fake_hub, monkeypatch, capsys):
    import os

    monkeypatch.setenv("HF_ENDPOINT", os.environ["HF_ENDPOINT"] + "/elsewhere")  # every request is a 404
    assert list(expand([], hub_search="author:acme"))[0].message.startswith("--hub-search: the Hub search failed: Client error '404 Not Found'")  # type: ignore[union-attr]
    assert main(["--hub-search", "author:acme", "-f", "jsonl"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("repro-lint: --hub-search: the Hub search failed: Client error '404 Not Found'")


def test_bad_query_is_one_line_exit_2(capsys):
    assert main(["--hub-search", "colour:red"]) == 2
    assert (
        capsys.readouterr().err.strip()
        == "repro-lint: --hub-search: unknown key 'colour' (known: author, task, tag, library, language, license, dataset, sort, limit)"
    )
