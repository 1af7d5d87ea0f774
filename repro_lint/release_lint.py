"""Linting a whole release: a local release folder or a model on the Hugging Face Hub.

The runner calls :func:`lint_release_arg` for an argument that is not a plain card file. The
release's files are read here (through :mod:`repro_lint.release` for a folder, :mod:`repro_lint.hub`
for the Hub), turned into a :class:`~repro_lint.release.Release`, and the card is linted by the
same engine as any card; the rules see the release's facts through the card (never by reading files).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Optional, Sequence, Union

from .config import Settings
from .evidence._index import analysing
from .hub import HubError, HubRef, fetch, fetch_many, parse_ref
from .inputs import InputError, find_cards, read_card, shown
from .release import Release, ReleaseFiles, build_release, read_folder
from .results import FileResult, Rule

Fetched = Union[tuple[str, ReleaseFiles], HubError]


def hub_ref(arg: str) -> Optional[HubRef]:
    """The Hub model an argument names: ``hf://…`` and Hub URLs always; ``org/name`` only when no such path exists."""
    forced = parse_ref(arg, forced_only=True)
    if forced is not None:
        return forced
    if arg == "-" or os.path.lexists(arg):
        return None
    return parse_ref(arg)


def is_release_arg(arg: str) -> bool:
    """A Hub model, or a local folder (its card plus the release files beside it)."""
    return hub_ref(arg) is not None or (arg != "-" and os.path.isdir(arg))


def prefetch(args: Sequence[str], max_bytes: int) -> dict[str, Fetched]:
    """Fetch every Hub model among ``args`` concurrently; {} (and no client import) when there is none."""
    refs = {arg: ref for arg in args if (ref := hub_ref(arg)) is not None}
    if not refs:
        return {}
    results = fetch_many(list(refs.values()), max_bytes)
    return {arg: results[ref] for arg, ref in refs.items()}


def _finish(release: Release, rules: Sequence[Rule], settings: Settings) -> FileResult:
    from .engine import lint_card

    with analysing(release.card, release):
        result = lint_card(release.card, rules, settings)
    result.files_examined = [release.path(name) for name in release.files_examined]
    result.not_read = list(release.files.not_read)
    return result


def lint_folder(path: str, rules: Sequence[Rule], settings: Settings) -> FileResult:
    from .document import parse

    cards = find_cards(Path(path))
    if not cards:
        raise InputError(f"{shown(path)}: no model card (README.md, MODEL_CARD.md, model_card.md) in this directory")
    card_path = str(cards[0])
    card = parse(read_card(card_path, settings.max_bytes), card_path)
    return _finish(read_folder(Path(path), card, path.rstrip("/") or "/"), rules, settings)


def lint_hub(arg: str, ref: HubRef, rules: Sequence[Rule], settings: Settings, fetched: Optional[Fetched] = None) -> FileResult:
    from .document import parse

    outcome: Fetched
    if fetched is None:
        try:
            outcome = fetch(ref, settings.max_bytes)
        except HubError as exc:
            outcome = exc
    else:
        outcome = fetched
    if isinstance(outcome, HubError):
        message = str(outcome)
        if not arg.startswith(("hf://", "http://", "https://")):  # a bare org/name was tried as a path first
            message = f"{shown(arg)}: no such file or directory; as a Hugging Face model id: {message.split(': ', 1)[1]}"
        raise HubError(message)
    text, files = outcome
    display = f"{ref.display}/README.md"
    card = parse(text if text.strip() else f"# {ref.repo_id}\n", display)
    return _finish(build_release(card, files), rules, settings)


def lint_release_arg(arg: str, rules: Sequence[Rule], settings: Settings, prefetched: Optional[Mapping[str, Fetched]] = None) -> FileResult:
    ref = hub_ref(arg)
    if ref is not None:
        return lint_hub(arg, ref, rules, settings, (prefetched or {}).get(arg))
    return lint_folder(arg, rules, settings)


__all__ = ["hub_ref", "is_release_arg", "prefetch", "lint_folder", "lint_hub", "lint_release_arg"]
