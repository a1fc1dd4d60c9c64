"""The build's batches for its workers: every input once, in order, the last ones small; results in input order."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from onrecord.workers import ordered, schedule


@pytest.mark.parametrize("n", [0, 1, 5, 31, 32, 33, 64, 100, 1000])
def test_schedule_covers_every_item_once_in_order_with_a_small_tail(n: int) -> None:
    batches = list(schedule(list(range(n)), 16, 2))
    assert [x for b in batches for x in b] == list(range(n))
    assert all(1 <= len(b) <= 16 for b in batches)
    assert all(len(b) <= 4 for b in batches[-8:])  # the last 2 * 16 items go out four at a time
    assert sum(len(b) for b in batches if len(b) == 16) >= max(0, n - 2 * 16 - 15)


def test_ordered_returns_results_in_input_order_however_they_finish() -> None:
    def slow_first(x: int) -> int:
        time.sleep(0.05 if x == 0 else 0.0)
        return x * 10

    with ThreadPoolExecutor(max_workers=3) as pool:
        assert list(ordered(pool, slow_first, range(10), ahead=4)) == [x * 10 for x in range(10)]
