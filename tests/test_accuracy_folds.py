"""benchmarks/accuracy.py --folds: a model family never spans two folds, and the split is deterministic."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ACCURACY = Path(__file__).resolve().parents[1] / "benchmarks" / "accuracy.py"


def _family_folds():
    spec = importlib.util.spec_from_file_location("accuracy_benchmark", ACCURACY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.family_folds


LABELS = {
    # one family by name stem, across owners
    "wren-7b": {"source": "wren-lab/wren@0:README.md"},
    "wren2-13b-zh": {"source": "wren-lab/wren2@0:README.md"},
    "wren-chat-fork": {"source": "someone/fork@0:README.md"},
    # one family by owner, across stems
    "kite-base": {"source": "birdco/kite@0:README.md"},
    "swift-small": {"source": "birdco/swift@0:README.md"},
    # a collection (an owner with three or more stems) joins nothing
    "heron-1b": {"source": "mirror/cards@0:a.md"},
    "plover-2b": {"source": "mirror/cards@0:b.md"},
    "gull-3b": {"source": "mirror/cards@0:c.md"},
    "tern-4b": {"source": "elsewhere/tern@0:README.md"},
}


def test_a_family_never_spans_two_folds():
    folds = _family_folds()(LABELS, 3)
    assert folds["wren-7b"] == folds["wren2-13b-zh"] == folds["wren-chat-fork"]
    assert folds["kite-base"] == folds["swift-small"]


def test_a_collection_owner_does_not_glue_its_cards_together():
    folds = _family_folds()(LABELS, 3)
    assert len({folds["heron-1b"], folds["plover-2b"], folds["gull-3b"]}) > 1


def test_the_split_is_deterministic_and_balanced():
    family_folds = _family_folds()
    first = family_folds(LABELS, 3)
    assert first == family_folds(dict(reversed(list(LABELS.items()))), 3)
    sizes = [list(first.values()).count(k) for k in range(3)]
    assert max(sizes) - min(sizes) <= 3 and set(first.values()) == {0, 1, 2}
