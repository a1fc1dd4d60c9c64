"""The Zyte benchmark metric, and the floors the cleaner must keep on the benchmark."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.eval.zyte import format_result, page_scores, run, shingles, summarise


def test_zyte_shingles_are_lowercased_four_token_windows():
    assert shingles("The cat, sat on THE mat") == {
        ("the", "cat", "sat", "on"): 1, ("cat", "sat", "on", "the"): 1, ("sat", "on", "the", "mat"): 1}


def test_zyte_page_scores_count_shingle_overlap():
    gold = "one two three four five six"
    precision, recall = page_scores("one two three four five extra words here", gold)
    assert precision == pytest.approx(2 / 5)
    assert recall == pytest.approx(2 / 3)


def test_zyte_empty_prediction_has_full_precision_and_no_recall():
    assert page_scores("", "one two three four five") == (1.0, 0.0)


def test_zyte_f1_is_taken_of_the_averaged_precision_and_recall():
    result = summarise([(1.0, 0.5), (0.5, 1.0)])
    assert (result["precision"], result["recall"], result["f1"]) == (0.75, 0.75, 0.75)


@pytest.mark.datasets
def test_zyte_cleaner_meets_the_floors(datasets: Path):
    result = run(datasets / "zyte")
    assert result["html"]["pages"] >= 50
    assert result["html"]["f1"] >= 0.95
    assert result["text"]["f1"] >= 0.85
    assert result["baseline"]["f1"] < result["text"]["f1"]
    assert "plain-text cleaner" in format_result(result)
