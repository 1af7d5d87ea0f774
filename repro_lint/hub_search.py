"""``--hub-search "author:… task:… sort:downloads limit:100"``: model ids from a Hugging Face Hub listing.

The query is space-separated ``key:value`` terms; words without a key are a free-text search:

========================  =====================================================
``author:ORG``            models of this user or organisation
``task:TAG``              pipeline tag, e.g. ``text-generation``
``tag:TAG``               any tag (``library:``, ``language:``, ``license:`` too); repeatable
``sort:KEY``              ``downloads``, ``likes``, ``created_at``, ``last_modified``, ``trending_score``
``limit:N``               at most N models (default 100, so a typo never sweeps the whole Hub)
========================  =====================================================

Only ids come from here (huggingface_hub's ``list_models``; ``HF_ENDPOINT`` and ``HF_TOKEN`` are
honoured); each id then goes through the ordinary per-input resolution like an id on the command line.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

DEFAULT_LIMIT = 100
SORT_KEYS: tuple[str, ...] = ("downloads", "likes", "created_at", "last_modified", "trending_score")
_TAG_KEYS = ("tag", "library", "language", "license", "dataset")


class HubSearchError(ValueError):
    """A query that cannot be run (bad syntax, Hub unreachable); the message is one line."""


@dataclass(frozen=True)
class HubQuery:
    author: str | None = None
    task: str | None = None
    tags: tuple[str, ...] = ()
    sort: str | None = None
    limit: int = DEFAULT_LIMIT
    search: str | None = None


def parse_query(text: str) -> HubQuery:
    author = task = sort = None
    limit = DEFAULT_LIMIT
    tags: list[str] = []
    words: list[str] = []
    for term in text.split():
        key, sep, value = term.partition(":")
        if not sep:
            words.append(term)
            continue
        if not value:
            raise HubSearchError(f"--hub-search: '{term}' has no value")
        if key == "author":
            author = value
        elif key == "task":
            task = value
        elif key in _TAG_KEYS:
            tags.append(value if key == "tag" else f"{key}:{value}")
        elif key == "sort":
            if value not in SORT_KEYS:
                raise HubSearchError(f"--hub-search: sort must be one of {', '.join(SORT_KEYS)}, not '{value}'")
            sort = value
        elif key == "limit":
            if not value.isdigit() or int(value) < 1:
                raise HubSearchError(f"--hub-search: limit must be a positive whole number, not '{value}'")
            limit = int(value)
        else:
            raise HubSearchError(f"--hub-search: unknown key '{key}' (known: author, task, {', '.join(_TAG_KEYS)}, sort, limit)")
    return HubQuery(author, task, tuple(tags), sort, limit, " ".join(words) or None)


def model_ids(query: HubQuery) -> Iterator[str]:
    """The ids the Hub lists for ``query``, in the Hub's order; :class:`HubSearchError` when it cannot answer."""
    try:
        from huggingface_hub import HfApi
    except ImportError:
        raise HubSearchError("--hub-search needs huggingface_hub: pip install huggingface_hub") from None
    api = HfApi(endpoint=os.environ.get("HF_ENDPOINT") or None)
    try:
        for model in api.list_models(
            author=query.author,
            pipeline_tag=query.task,
            filter=list(query.tags) or None,
            search=query.search,
            sort=query.sort,  # type: ignore[arg-type]  # checked against SORT_KEYS
            limit=query.limit,
        ):
            yield model.id
    except Exception as exc:
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise HubSearchError(f"--hub-search: the Hub search failed: {reason}") from None
