"""Python's cyclic garbage collector, run less often where the build allocates the most.

The build allocates millions of small objects that reference counting frees (spaCy's Tokens and
Spans, feature strings, records) and holds hundreds of thousands that live for the whole run (the
spaCy model, the link pass's records). With the default thresholds (a collection every 700 net
allocations, the oldest generation rescanned every 100 of those) the collector spends its time
walking the long-lived objects again and again: about 8 ms an article (``docs/benchmarks.md``).
Collecting less often changes no result: only when unreachable cycles are freed, and the build
makes few.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

THRESHOLDS = (100_000, 50, 100)  # net allocations before a young collection; young ones per older one


def settle() -> None:
    """For a worker process once its model is loaded: what exists now (the model) is left out of
    every later collection (``gc.freeze``), and collections run at :data:`THRESHOLDS`."""
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Within the block, collections run at :data:`THRESHOLDS`; the previous ones after it."""
    previous = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
