"""TimeML parsing, scoring, and the TempEval floor on the dev data."""

from __future__ import annotations

from collections import Counter

from onrecord.eval import tempeval
from onrecord.models import TimeExpr

MARKUP = (
    'Sales rose <TIMEX3 tid="t1" type="DATE" value="1989-10">last month</TIMEX3> &amp; '
    '<TIMEX3 tid="t2" type="DURATION" value="P2Y">two years</TIMEX3> before.'
)


def test_tempeval_strip_timeml_keeps_gold_offsets_into_plain_text():
    text, gold = tempeval.strip_timeml(MARKUP)
    assert text == "Sales rose last month & two years before."
    assert [(text[g.start : g.end], g.type, g.value) for g in gold] == [
        ("last month", "DATE", "1989-10"),
        ("two years", "DURATION", "P2Y"),
    ]


def test_tempeval_scoring_counts_overlap_and_value_separately():
    text, gold = tempeval.strip_timeml(MARKUP)
    doc = tempeval.TimeMLDoc("x", "1989-11-02", text, tuple(g for g in gold if g.type in tempeval.SCOPE))
    predicted = (
        TimeExpr(11, 15, "last", "1989-09", "month", "published"),  # overlaps, wrong value
        TimeExpr(0, 5, "Sales", "1989", "year", "absolute"),  # spurious
    )
    tally = tempeval.Tally()
    tempeval.score_doc(doc, predicted, tally, Counter())
    assert (tally.gold, tally.predicted, tally.detected, tally.predicted_hit, tally.value_right) == (1, 2, 1, 1, 0)


def test_tempeval_value_f1_on_timebank_dev_reaches_floor(datasets):
    result = tempeval.run(datasets / "tempeval" / "TimeBank")
    assert result["files"] > 100
    assert result["value"]["f1"] >= 0.75
    assert result["detection"]["f1"] >= 0.85
    assert result["seconds"] < 30
