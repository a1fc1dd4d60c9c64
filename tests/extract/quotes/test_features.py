"""What the candidate models read about a candidate."""

from __future__ import annotations


def test_share_counts_how_much_of_a_span_runs_cover() -> None:
    from onrecord.extract.quotes.features import coverage_step

    assert coverage_step((0, 100), []) == 0
    assert coverage_step((0, 100), [(0, 20)]) == 1
    assert coverage_step((0, 100), [(0, 50)]) == 2
    assert coverage_step((0, 100), [(0, 40), (60, 100)]) == 3
    assert coverage_step((0, 100), [(-5, 120)]) == 4
