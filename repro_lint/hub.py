"""Reading a model release from the Hugging Face Hub, through the official client ``huggingface_hub``.

This is the only module that imports ``huggingface_hub``, and it does so inside the functions, so a
run over local cards never pays for the import. What is fetched:

* the model info (licence tag, gated flag, file list with sizes, safetensors parameter counts);
* the card (``README.md``) and the small metadata files (``config.json``, ``adapter_config.json``,
  ``trainer_state.json``, training YAML, ``LICENSE`` …) under a size limit, through ``hf_hub_download``
  and so through the client's cache;
* safetensors *headers* through ``HfApi.parse_safetensors_file_metadata`` (range requests) when the
  Hub does not already give the parameter count.

Weight files, pickles and executables are never downloaded. The client's own settings apply:
``HF_ENDPOINT``, ``HF_TOKEN``, ``HF_HUB_OFFLINE``, ``HF_HOME`` / ``HF_HUB_CACHE``. The model info of
each linted revision is also kept in repro-lint's cache so that a run can be repeated offline.
Every failure becomes a :class:`HubError` with a one-line message.
"""

from __future__ import annotations

import json
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

from .inputs import InputError
from .release import MAX_METADATA_BYTES, MAX_METADATA_FILES, FileEntry, HubMeta, ReleaseFiles, wanted_metadata

#: Retries after "429 Too Many Requests", waiting ``Retry-After`` (or 1, 2, 4 s), capped per wait.
RETRIES = 3
BACKOFF_SECONDS = 1.0
MAX_WAIT_SECONDS = 30.0
#: At most this many safetensors headers are read per release (a sharded 400 B model has ~200 shards).
MAX_SAFETENSORS_HEADERS = 64
#: Concurrent downloads of one release's small files.
FILE_THREADS = 4
#: Seconds to wait for the model-info answer (the client's default is to wait forever).
INFO_TIMEOUT = 30.0

_ID = re.compile(r"^[A-Za-z0-9][\w.-]{0,95}/[\w.-]{1,96}$")
_URL = re.compile(r"^https?://(?:www\.)?(?:huggingface\.co|hf\.co)/(?!datasets/|spaces/)([\w.-]+/[\w.-]+)(?:/(?:tree|blob|resolve)/([^/\s]+))?/?$")

T = TypeVar("T")


class HubError(InputError):
    """The Hub could not give what was needed; the message is one line, ready to print (exit 2)."""


@dataclass(frozen=True)
class HubRef:
    """A model on the Hub: ``org/name`` at ``revision`` (None: the default branch)."""

    repo_id: str
    revision: Optional[str] = None

    @property
    def display(self) -> str:
        return f"hf://{self.repo_id}" + (f"@{self.revision}" if self.revision else "")


def parse_ref(arg: str, *, forced_only: bool = False) -> Optional[HubRef]:
    """``hf://org/name[@rev]``, ``https://huggingface.co/org/name[/tree/rev]`` or ``org/name[@rev]``; else None.

    With ``forced_only`` only the two explicit forms count (a bare ``org/name`` may be a path).
    """
    if arg.startswith("hf://"):
        body = arg[5:].strip("/")
        repo, _, rev = body.partition("@")
        return HubRef(repo, rev or None) if _ID.match(repo) else None
    m = _URL.match(arg)
    if m:
        return HubRef(m.group(1), m.group(2))
    if forced_only:
        return None
    repo, _, rev = arg.partition("@")
    return HubRef(repo, rev or None) if _ID.match(repo) and not repo.endswith((".md", ".markdown")) else None


def _env_true(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def offline() -> bool:
    return _env_true("HF_HUB_OFFLINE") or _env_true("TRANSFORMERS_OFFLINE")


def _endpoint() -> Optional[str]:
    return os.environ.get("HF_ENDPOINT") or None


def _cache_dir() -> Optional[str]:
    """The client's cache, from the environment as it is now (the client reads it once at import)."""
    if os.environ.get("HF_HUB_CACHE"):
        return os.environ["HF_HUB_CACHE"]
    if os.environ.get("HF_HOME"):
        return os.path.join(os.environ["HF_HOME"], "hub")
    return None


def _status(exc: BaseException) -> Optional[int]:
    response = getattr(exc, "response", None)
    return getattr(response, "status_code", None)


def _retry_after(exc: BaseException) -> Optional[float]:
    response = getattr(exc, "response", None)
    value = getattr(response, "headers", {}).get("Retry-After") if response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def with_backoff(call: Callable[[], T]) -> T:
    """``call()``, retried after a 429 (waiting ``Retry-After`` or 1, 2, 4 s); other errors pass through."""
    from huggingface_hub.errors import HfHubHTTPError

    delay = BACKOFF_SECONDS
    for attempt in range(RETRIES + 1):
        try:
            return call()
        except HfHubHTTPError as exc:
            if _status(exc) != 429 or attempt == RETRIES:
                raise
            wait = _retry_after(exc)
            time.sleep(min(delay if wait is None else wait, MAX_WAIT_SECONDS))
            delay *= 2
    raise AssertionError("unreachable")  # pragma: no cover


def describe(exc: BaseException, ref: HubRef) -> str:
    """One line saying why the Hub could not answer for ``ref``."""
    from huggingface_hub.errors import (
        GatedRepoError,
        HfHubHTTPError,
        LocalEntryNotFoundError,
        OfflineModeIsEnabled,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )

    name = ref.display
    if isinstance(exc, GatedRepoError):
        return f"{name}: gated repository; request access on the Hub and set HF_TOKEN"
    if isinstance(exc, RepositoryNotFoundError):
        hint = " (or it is private: set HF_TOKEN)" if not os.environ.get("HF_TOKEN") else ""
        return f"{name}: no model '{ref.repo_id}' on the Hub{hint}"
    if isinstance(exc, RevisionNotFoundError):
        return f"{name}: revision '{ref.revision}' not found on the Hub"
    if isinstance(exc, (OfflineModeIsEnabled, LocalEntryNotFoundError)):
        return f"{name}: offline (HF_HUB_OFFLINE) and not in the cache; run once with network access"
    if isinstance(exc, HfHubHTTPError):
        status = _status(exc)
        if status == 429:
            return f"{name}: rate limited by the Hub (429) after {RETRIES} retries; try again later or set HF_TOKEN"
        if status in (401, 403):
            return f"{name}: access denied by the Hub ({status}); set HF_TOKEN to a token with access"
        return f"{name}: the Hub answered {status or 'an error'}: {_first_line(str(exc))}"
    if isinstance(exc, OSError) or exc.__class__.__module__.startswith(("httpx", "httpcore", "ssl", "socket")):
        where = _endpoint() or "https://huggingface.co"
        return f"{name}: cannot reach the Hub at {where} ({exc.__class__.__name__}: {_first_line(str(exc))})"
    return f"{name}: {exc.__class__.__name__}: {_first_line(str(exc))}"


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return (lines[0] if lines else "")[:200]


# --- Model info, kept for offline runs ---


def _snapshot_path(ref: HubRef) -> Optional[Path]:
    from .user_cache import cache_dir

    root = cache_dir()
    if root is None:
        return None
    safe = re.sub(r"[^\w.-]", "_", f"{ref.repo_id.replace('/', '--')}@{ref.revision or 'default'}")
    return root / "hub" / f"{safe}.json"


def _save_snapshot(ref: HubRef, data: dict[str, Any]) -> None:
    path = _snapshot_path(ref)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache costs the offline repeat, not this run


def _load_snapshot(ref: HubRef) -> Optional[dict[str, Any]]:
    path = _snapshot_path(ref)
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _model_info(ref: HubRef) -> dict[str, Any]:
    """The facts of the model info used here, as plain data (also what the offline snapshot keeps)."""
    from huggingface_hub import HfApi

    api = HfApi(endpoint=_endpoint())
    info = with_backoff(lambda: api.model_info(ref.repo_id, revision=ref.revision, files_metadata=True, timeout=INFO_TIMEOUT))
    tags = [str(t) for t in (info.tags or [])]
    license_tag = next((t.split(":", 1)[1] for t in tags if t.startswith("license:")), None)
    safetensors = getattr(info, "safetensors", None)
    total = getattr(safetensors, "total", None) if safetensors is not None else None
    return {
        "repo_id": info.id or ref.repo_id,
        "sha": info.sha,
        "gated": info.gated or False,
        "license_tag": license_tag,
        "tags": tags,
        "siblings": [[s.rfilename, s.size] for s in (info.siblings or [])],
        "listing_complete": info.siblings is not None,
        "safetensors_total": int(total) if isinstance(total, int) else None,
        "gguf": {k: v for k, v in (info.gguf or {}).items() if k in ("total", "architecture", "context_length")} or None,
    }


# --- Files ---


def _download(ref: HubRef, sha: Optional[str], filename: str, local_only: bool) -> str:
    from huggingface_hub import hf_hub_download

    path = with_backoff(
        lambda: hf_hub_download(ref.repo_id, filename, revision=sha or ref.revision, cache_dir=_cache_dir(), endpoint=_endpoint(), local_files_only=local_only)
    )
    return str(path)


def _read_text(path: str, name: str, limit: int) -> str:
    from .inputs import decode

    data = Path(path).read_bytes()
    if len(data) > limit:
        raise HubError(f"{name}: {len(data):,} bytes is over the limit of {limit:,}")
    return decode(data, name)


def _safetensors_parameters(ref: HubRef, sha: Optional[str], filename: str) -> int:
    from huggingface_hub import HfApi

    api = HfApi(endpoint=_endpoint())
    meta = with_backoff(lambda: api.parse_safetensors_file_metadata(ref.repo_id, filename, revision=sha or ref.revision))
    return sum(meta.parameter_count.values())


def fetch(ref: HubRef, max_bytes: int) -> tuple[str, ReleaseFiles]:
    """The card text and the release files of ``ref``; :class:`HubError` when the model cannot be read at all."""
    try:
        return _fetch(ref, max_bytes)
    except HubError:
        raise
    except Exception as exc:  # every client error becomes one line
        raise HubError(describe(exc, ref)) from None


def _fetch(ref: HubRef, max_bytes: int) -> tuple[str, ReleaseFiles]:
    from huggingface_hub.errors import EntryNotFoundError, GatedRepoError, HfHubHTTPError, OfflineModeIsEnabled, RepositoryNotFoundError

    local_only = offline()
    data: Optional[dict[str, Any]] = None
    if not local_only:
        try:
            data = _model_info(ref)
        except OfflineModeIsEnabled:
            local_only = True
    if data is None:
        data = _load_snapshot(ref)
        if data is None:
            raise HubError(f"{ref.display}: offline (HF_HUB_OFFLINE) and no cached metadata for this model; run once with network access")
    sha = data.get("sha")
    listing = tuple(FileEntry(str(name), size if isinstance(size, int) else None) for name, size in data.get("siblings", []))
    sizes = {e.name: e.size for e in listing}
    not_read: list[str] = []
    reason_gated = "gated: request access on the Hub and set HF_TOKEN"

    def why(exc: BaseException) -> str:
        if isinstance(exc, GatedRepoError) or _status(exc) in (401, 403):
            return reason_gated
        if isinstance(exc, EntryNotFoundError) and local_only:
            return "not in the cache (offline)"
        if isinstance(exc, (EntryNotFoundError, RepositoryNotFoundError)):
            return "not found on the Hub"
        if isinstance(exc, HubError):
            return str(exc).split(": ", 1)[-1]
        if isinstance(exc, HfHubHTTPError) and _status(exc) == 429:
            raise HubError(describe(exc, ref)) from None
        return describe(exc, ref).split(": ", 1)[-1]

    wanted = [name for name in sizes if wanted_metadata(name)][:MAX_METADATA_FILES]
    texts: dict[str, str] = {}
    card = ""

    def get(name: str) -> tuple[str, Optional[str], Optional[str]]:
        size = sizes.get(name)
        limit = max_bytes if name == "README.md" else MAX_METADATA_BYTES
        if size is not None and size > limit:
            return name, None, f"{size:,} bytes is over the limit of {limit:,}"
        try:
            return name, _read_text(_download(ref, sha, name, local_only), name, limit), None
        except Exception as exc:
            return name, None, why(exc)

    names = (["README.md"] if "README.md" in sizes or not listing else []) + wanted
    with ThreadPoolExecutor(max_workers=FILE_THREADS) as pool:
        for name, text, problem in pool.map(get, names):
            if problem is not None:
                not_read.append(f"{name}: {problem}")
            elif name == "README.md":
                card = text or ""
            else:
                texts[name] = text or ""
        cached = data.get("safetensors_params")
        params: dict[str, int] = {str(k): int(v) for k, v in cached.items()} if isinstance(cached, dict) and local_only else {}
        total = data.get("safetensors_total")
        shards = [e.name for e in listing if e.name.endswith(".safetensors")]
        if total is None and shards and not local_only:

            def header(name: str) -> tuple[str, Optional[int], Optional[str]]:
                try:
                    return name, _safetensors_parameters(ref, sha, name), None
                except Exception as exc:
                    return name, None, why(exc)

            for name, count, problem in pool.map(header, shards[:MAX_SAFETENSORS_HEADERS]):
                if count is not None:
                    params[name] = count
                else:
                    not_read.append(f"{name} (safetensors header): {problem}")
            if len(shards) > MAX_SAFETENSORS_HEADERS:
                not_read.append(f"safetensors headers: only the first {MAX_SAFETENSORS_HEADERS} of {len(shards)} files read")
    if not local_only:  # what an offline run of the same revision will need
        _save_snapshot(ref, {**data, "safetensors_params": params})
    if "README.md" not in sizes and listing:
        not_read.append("README.md: the repository has no model card")
    gated = data.get("gated") or False
    meta = HubMeta(
        repo_id=str(data.get("repo_id") or ref.repo_id),
        revision=ref.revision,
        sha=sha,
        gated=gated,
        license_tag=data.get("license_tag"),
        tags=tuple(data.get("tags", [])),
        safetensors_total=total if isinstance(total, int) else None,
        gguf=data.get("gguf") if isinstance(data.get("gguf"), dict) else None,
    )
    files = ReleaseFiles(ref.display, listing, texts, params, meta, tuple(not_read), bool(data.get("listing_complete", True)))
    return card, files


def fetch_many(refs: list[HubRef], max_bytes: int, threads: int = 20) -> dict[HubRef, "tuple[str, ReleaseFiles] | HubError"]:
    """Fetch several models at once (the work is waiting on the network, so threads)."""

    def one(ref: HubRef) -> "tuple[str, ReleaseFiles] | HubError":
        try:
            return fetch(ref, max_bytes)
        except HubError as exc:
            return exc

    unique = list(dict.fromkeys(refs))
    if len(unique) <= 1:
        return {ref: one(ref) for ref in unique}
    with ThreadPoolExecutor(max_workers=min(threads, len(unique))) as pool:
        return dict(zip(unique, pool.map(one, unique), strict=True))


__all__ = ["HubError", "HubRef", "parse_ref", "fetch", "fetch_many", "describe", "offline"]
