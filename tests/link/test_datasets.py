"""Dataset checks for the link stage's two evaluations (BASIL stories, Timeline17 dates)."""

import json
import re

import pytest

from onrecord.eval import basil, t17
from onrecord.link.common import Entities
from onrecord.link.stories import group_stories
from onrecord.models import Actor, Analysis, Mention

NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?: [A-Z][a-z]+)*")


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


def _light_actors(doc) -> Analysis:
    """Actors from capitalised word sequences that do not open a sentence (no spaCy)."""
    found: dict[str, list[Mention]] = {}
    for m in NAME.finditer(doc.body):
        found.setdefault(m.group(0), []).append(Mention(m.start(), m.end(), m.group(0), m.group(0)))
    return Analysis(doc, actors=tuple(Actor(k, k, "PERSON", (k,), tuple(v)) for k, v in found.items()))


@pytest.mark.datasets
def test_basil_stories_with_light_actors_keep_the_floor(datasets):
    """With actors, the central-actor candidates take part: they must not merge BASIL's events."""
    analyses = [_light_actors(d) for d in basil.load_documents(datasets / "basil")]
    gold = json.loads((datasets / "basil" / "stories.json").read_text(encoding="utf-8"))
    stories = group_stories(analyses, Entities(analyses, None))
    result = basil.bcubed({doc: s.id for s in stories for doc in s.docs}, gold)
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


def test_t17_chronology_article_dates_reach_the_product_timeline(datasets):
    # MJ_bbc holds a dated chronology of the trial ("11 January 2011 Dr Murray is ordered to stand
    # trial"): its entries are events, so the product path's timeline finds their days
    from onrecord.eval import t17_product

    result = t17_product.score_topic(datasets / "t17" / "MJ_bbc")
    assert result["f1"] >= 0.55
