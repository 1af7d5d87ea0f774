"""Command-line arguments → what to lint: card files, release folders and Hugging Face model ids.

A path that exists always wins over a Hub id; ``hf://`` and ``https://huggingface.co/`` always mean the
Hub. Reading a card is :mod:`repro_lint.inputs`; fetching from the Hub is :mod:`repro_lint.hub`.
"""

from __future__ import annotations

from pathlib import Path

from .inputs import CARD_NAMES, find_cards, os_reason, shown


def resolve_paths(args: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Expand arguments into card paths (``-`` is stdin); return (paths, errors)."""
    paths: list[str] = []
    errors: list[str] = []
    if not args:
        cards = find_cards(Path.cwd())
        if not cards:
            errors.append(f"no model card ({', '.join(CARD_NAMES[:3])}) in the current directory; pass a path")
        paths.extend(str(c.relative_to(Path.cwd())) for c in cards[:1])
        return paths, errors
    for arg in args:
        if arg == "-":
            paths.append("-")
            continue
        if arg.startswith(("hf://", "http://", "https://")):  # a Hub model, never a path
            from .hub import parse_ref

            if parse_ref(arg, forced_only=True) is None:
                errors.append(f"{shown(arg)}: not a Hugging Face model id (expected hf://org/name[@revision] or https://huggingface.co/org/name)")
            else:
                paths.append(arg)
            continue
        p = Path(arg)
        try:
            is_dir = p.is_dir()
            exists = p.exists() or p.is_symlink()
        except OSError as exc:
            errors.append(f"{shown(arg)}: {os_reason(exc)}")
            continue
        if is_dir:
            from .release import is_release_folder

            cards = find_cards(p)
            if not cards:
                errors.append(f"{shown(arg)}: no model card ({', '.join(CARD_NAMES[:3])}) in this directory")
            elif is_release_folder(p):
                paths.append(arg)  # a release folder: its card and the files beside it
            else:
                paths.extend(str(c) for c in cards[:1])
        elif not exists:
            from .hub import parse_ref

            if parse_ref(arg) is not None:
                paths.append(arg)  # not a path: a model id on the Hub (org/name[@revision])
            else:
                errors.append(f"{shown(arg)}: no such file or directory")
        else:
            paths.append(arg)
    return paths, errors
