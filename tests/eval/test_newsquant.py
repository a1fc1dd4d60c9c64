"""NewsQuant scoring: gold value parsing, matching, and the floors on the dev half."""

from __future__ import annotations

import pytest

from onrecord.eval.newsquant import (
    format_result,
    match_count,
    parse_gold_value,
    run,
    same_value,
    score,
)


@pytest.mark.parametrize(("text", "value"), [
    ("6.0", (6.0, None)),
    ("10000000.0-100000000.0", (1e7, 1e8)),
    ("3.0 - 4.0", (3.0, 4.0)),
    ("-50800000000.0", (-5.08e10, None)),
    ("1.99E-29", (1.99e-29, None)),
    ("0-62.0", (0.0, 62.0)),
])
def test_newsquant_gold_values_parse_singles_ranges_and_signs(text, value):
    assert parse_gold_value(text) == value


def test_newsquant_values_match_within_relative_tolerance():
    assert same_value((0.3333333333, None), (1 / 3, None))
    assert not same_value((0.34, None), (1 / 3, None))


def test_newsquant_range_must_match_both_ends():
    assert same_value((1000.0, 1500.0), (1000.0, 1500.0))
    assert not same_value((1000.0, 1600.0), (1000.0, 1500.0))
    assert not same_value((1000.0, None), (1000.0, 1500.0))


def test_newsquant_matching_is_one_to_one_and_change_aware():
    gold = [((5.0, None), "up"), ((5.0, None), "=")]
    pred = [((5.0, None), "="), ((5.0, None), "="), ((5.0, None), "=")]
    assert match_count(gold, pred, with_change=False) == 2
    assert match_count(gold, pred, with_change=True) == 1


def test_newsquant_score_computes_micro_precision_and_recall():
    result = score([([((1.0, None), "=")], [((1.0, None), "="), ((2.0, None), "=")])])
    assert result["value"]["precision"] == 0.5
    assert result["value"]["recall"] == 1.0


@pytest.mark.datasets
def test_newsquant_dev_reaches_the_floors(datasets):
    result = run(datasets / "newsquant" / "dev.json")
    assert result["value"]["f1"] >= 0.92
    assert result["value_change"]["f1"] >= 0.85
    assert "F1" in format_result(result)
