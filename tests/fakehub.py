"""A small fake Hugging Face Hub on 127.0.0.1 for tests: the routes ``huggingface_hub`` really calls.

* ``GET /api/models/{org}/{name}`` and ``…/revision/{rev}``: the model info (sha, gated, tags,
  siblings with sizes, safetensors counts, cardData);
* ``HEAD``/``GET /{org}/{name}/resolve/{rev}/{file}``: ``ETag``, ``X-Repo-Commit``, ``Content-Length``;
  weight files answer with a 302 and ``Location``, ``X-Linked-Etag``, ``X-Linked-Size`` like the Hub's
  LFS files, and the redirect target honours ``Range`` (206) so that safetensors headers can be read;
* errors as the Hub sends them: 404 with ``X-Error-Code`` RepoNotFound / RevisionNotFound /
  EntryNotFound, 401 ``GatedRepo`` for a gated file without a token, 429 with ``Retry-After``.

Every request is recorded (method, path, range) so tests can check what was — and was not — fetched.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional
from urllib.parse import unquote, urlsplit


@dataclass
class FakeRepo:
    """One model repository: its files (name → bytes), and how the Hub presents it."""

    files: dict[str, bytes]
    gated: Any = False  # False, "auto" or "manual"
    license_tag: Optional[str] = None
    safetensors_total: Optional[int] = None  # the Hub's own parameter count, when it has one
    declared_sizes: dict[str, int] = field(default_factory=dict)  # size shown in the listing (a header-only weight file)
    token: str = "hf_granted"  # the token that opens a gated repository
    rate_limited: int = 0  # answer this many requests with 429 first
    delay: float = 0.0  # seconds to wait before answering each request (a slow network)
    ghost_files: tuple[str, ...] = ()  # listed by the model info, but 404 when fetched
    gguf: Optional[dict[str, Any]] = None  # the Hub's GGUF summary (total, architecture, context_length)

    @property
    def sha(self) -> str:
        digest = hashlib.sha1()
        for name in sorted(self.files):
            digest.update(name.encode() + self.files[name])
        return digest.hexdigest()


class FakeHub:
    def __init__(self, repos: dict[str, FakeRepo]) -> None:
        self.repos = repos
        self.requests: list[tuple[str, str, Optional[str]]] = []
        self.model_info_in_flight = 0  # model-info requests being answered right now …
        self.model_info_max_in_flight = 0  # … and the most at once (several ids fetched concurrently)
        self._lock = threading.Lock()
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                hub._handle(self, "GET")

            def do_HEAD(self) -> None:
                hub._handle(self, "HEAD")

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # a client that gave up (a timeout test) closes the connection; nothing to report

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> "FakeHub":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- request handling ---

    def _send(
        self,
        h: BaseHTTPRequestHandler,
        method: str,
        status: int,
        body: bytes = b"",
        headers: Optional[dict[str, str]] = None,
        content_type: str = "application/json",
    ) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            h.send_header(key, value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if method != "HEAD":
            h.wfile.write(body)

    def _error(self, h: BaseHTTPRequestHandler, method: str, status: int, code: str, message: str) -> None:
        self._send(h, method, status, json.dumps({"error": message}).encode(), {"X-Error-Code": code, "X-Error-Message": message})

    def _handle(self, h: BaseHTTPRequestHandler, method: str) -> None:
        path = unquote(urlsplit(h.path).path)
        with self._lock:
            self.requests.append((method, path, h.headers.get("Range")))
        m = re.match(r"^/api/models/([^/]+/[^/]+?)(?:/revision/([^/]+))?$", path)
        if m:
            with self._lock:
                self.model_info_in_flight += 1
                self.model_info_max_in_flight = max(self.model_info_max_in_flight, self.model_info_in_flight)
            try:
                return self._model_info(h, method, m.group(1), m.group(2))
            finally:
                with self._lock:
                    self.model_info_in_flight -= 1
        m = re.match(r"^/(?:cdn/)?([^/]+/[^/]+)/resolve/([^/]+)/(.+)$", path)
        if m:
            return self._resolve(h, method, m.group(1), m.group(2), m.group(3), cdn=path.startswith("/cdn/"))
        self._send(h, method, 404, b'{"error": "no route"}')

    def _repo(self, h: BaseHTTPRequestHandler, method: str, repo_id: str) -> Optional[FakeRepo]:
        repo = self.repos.get(repo_id)
        if repo is None:
            self._error(h, method, 401 if "Authorization" not in h.headers else 404, "RepoNotFound", "Repository not found")
            return None
        if repo.delay:
            import time

            time.sleep(repo.delay)
        with self._lock:
            if repo.rate_limited > 0:
                repo.rate_limited -= 1
                self._send(h, method, 429, b'{"error": "rate limited"}', {"Retry-After": "0"})
                return None
        return repo

    def _revision_ok(self, repo: FakeRepo, revision: Optional[str]) -> bool:
        return revision in (None, "main", repo.sha)

    def _model_info(self, h: BaseHTTPRequestHandler, method: str, repo_id: str, revision: Optional[str]) -> None:
        repo = self._repo(h, method, repo_id)
        if repo is None:
            return
        if not self._revision_ok(repo, revision):
            return self._error(h, method, 404, "RevisionNotFound", f"Invalid rev id: {revision}")
        info: dict[str, Any] = {
            "_id": repo.sha[:24],
            "id": repo_id,
            "modelId": repo_id,
            "author": repo_id.split("/")[0],
            "sha": repo.sha,
            "private": False,
            "disabled": False,
            "gated": repo.gated,
            "tags": [f"license:{repo.license_tag}"] if repo.license_tag else [],
            "siblings": [{"rfilename": name, "size": repo.declared_sizes.get(name, len(data))} for name, data in sorted(repo.files.items())]
            + [{"rfilename": name, "size": 100} for name in repo.ghost_files],
        }
        if repo.gguf is not None:
            info["gguf"] = repo.gguf
        if repo.safetensors_total is not None:
            info["safetensors"] = {"parameters": {"BF16": repo.safetensors_total}, "total": repo.safetensors_total}
        self._send(h, method, 200, json.dumps(info).encode())

    def _resolve(self, h: BaseHTTPRequestHandler, method: str, repo_id: str, revision: str, filename: str, cdn: bool) -> None:
        repo = self._repo(h, method, repo_id)
        if repo is None:
            return
        if not self._revision_ok(repo, revision):
            return self._error(h, method, 404, "RevisionNotFound", f"Invalid rev id: {revision}")
        if repo.gated and filename != "README.md" and h.headers.get("Authorization") != f"Bearer {repo.token}":
            return self._error(h, method, 401, "GatedRepo", "Access to this model is restricted; you must be authenticated")
        data = repo.files.get(filename)
        if data is None:
            return self._error(h, method, 404, "EntryNotFound", f"{filename} does not exist")
        etag = hashlib.sha256(data).hexdigest() if filename.endswith(".safetensors") else hashlib.sha1(data).hexdigest()
        common = {"X-Repo-Commit": repo.sha, "ETag": f'"{etag}"', "Accept-Ranges": "bytes"}
        if filename.endswith(".safetensors") and not cdn:  # an LFS file: the Hub redirects to its storage
            size = repo.declared_sizes.get(filename, len(data))
            location = f"{self.url}/cdn/{repo_id}/resolve/{repo.sha}/{filename}"
            headers = {**common, "Location": location, "X-Linked-Etag": f'"{etag}"', "X-Linked-Size": str(size)}
            return self._send(h, method, 302, b"", headers)
        rng = h.headers.get("Range")
        if rng and method == "GET":
            m = re.match(r"bytes=(\d+)-(\d*)", rng)
            if m:
                start, end = int(m.group(1)), int(m.group(2) or len(data) - 1)
                part = data[start : end + 1]
                headers = {**common, "Content-Range": f"bytes {start}-{start + len(part) - 1}/{len(data)}"}
                return self._send(h, method, 206, part, headers, "application/octet-stream")
        self._send(h, method, 200, data, common, "application/octet-stream")
