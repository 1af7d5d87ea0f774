"""``ComputedSequence``: a read-only sequence whose items are computed when read.

The card and its per-card index keep compact arrays (offsets, flags, block numbers) rather than a
Python object per line or sentence; these views turn them back into items on access. A subclass gives
``__len__`` and ``_item(k)`` for ``0 <= k < len``; indexing with a negative number, bounds, slices and
comparison with a list of the same items are handled here once.
"""

from __future__ import annotations

from typing import Sequence, TypeVar, overload

T = TypeVar("T")


class ComputedSequence(Sequence[T]):
    __slots__ = ()

    def _item(self, k: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, k: int) -> T: ...

    @overload
    def __getitem__(self, k: slice) -> list[T]: ...

    def __getitem__(self, k: "int | slice") -> "T | list[T]":
        if isinstance(k, slice):
            return [self._item(i) for i in range(*k.indices(len(self)))]
        count = len(self)
        if k < 0:
            k += count
        if not 0 <= k < count:
            raise IndexError("index out of range")
        return self._item(k)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (ComputedSequence, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared by value, like a list
