"""A sequence cut into consecutive slices of at most a given length (bounded IN lists, batches)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """`items[0:size]`, `items[size:2*size]`, … (nothing for an empty sequence)."""
    if size < 1:
        raise ValueError("a chunk holds at least one item")
    for start in range(0, len(items), size):
        yield items[start : start + size]
