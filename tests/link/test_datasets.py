"""Dataset checks for the link stage's two evaluations (BASIL stories, Timeline17 dates)."""

import pytest

from onrecord.eval import basil, t17


def test_basil_bcubed_is_perfect_for_identical_clusterings_and_penalises_merges():
    gold = {"a": "1", "b": "1", "c": "2"}
    assert basil.bcubed({"a": "x", "b": "x", "c": "y"}, gold)["f1"] == 1.0
    merged = basil.bcubed({"a": "x", "b": "x", "c": "x"}, gold)
    assert merged["recall"] == 1.0 and merged["precision"] == pytest.approx(5 / 9)


@pytest.mark.datasets
def test_basil_stories_reach_the_floor(datasets):
    result = basil.run(datasets / "basil")
    assert result["articles"] == 150
    assert result["f1"] >= 0.95


def test_t17_detokenize_joins_ptb_punctuation():
    assert t17.detokenize("BP said `` it 's sealed '' , officials said .") == "BP said \"it's sealed\", officials said."


def test_t17_light_times_resolve_against_publication_date():
    times = t17.light_times("On April 20, 2010 the rig exploded; yesterday BP spoke.", "2010-05-03")
    assert [t.value for t in times] == ["2010-04-20", "2010-05-02"]


@pytest.mark.datasets
def test_t17_small_timeline_reaches_its_floor(datasets):
    result = t17.score_topic(datasets / "t17" / "H1N1_guardian", None, "light")
    assert result["articles"] == 76
    assert result["f1"] >= 0.4
