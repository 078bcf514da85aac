"""Python's cycle collector paused while an import plans or saves (its passes cost seconds)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0  # imports in their bulk work now
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection while the block runs; as before when the last such block ends.

    An import creates millions of small objects (rows, audit payloads) and keeps them for a
    while: each full pass of the collector walks all of them, yet they form no reference
    cycles (reference counting frees them; a 50,000-row import leaves about a thousand
    objects of its sessions for the next pass). The pause is process-wide, for the seconds
    an import takes.
    """
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()
