from link.link_factory import analysis, event
from onrecord.link.common import Entities
from onrecord.link.dedup import find_duplicates
from onrecord.link.same import same_events
from onrecord.link.timeline import StoryCoverage, build_timeline

MET = "Obama met Hayward at the White House to agree on a fund for the claims."
TESTIFIED = "Hayward testified before a congressional panel about the leaking well."
FOLLOW_UP = "Fishermen along the coast counted their losses as the season closed early."


def _docs():
    body = f"{MET} {TESTIFIED}"
    x = analysis("x", body, "2010-06-20", names=("Obama", "Hayward"), events=(
        event(body, MET, "2010-06-16", ("Obama", "Hayward")),
        event(body, TESTIFIED, "2010-06-17", ("Obama", "Hayward")),
    ))
    y1 = analysis("y1", FOLLOW_UP, "2010-06-17")
    y2 = analysis("y2", FOLLOW_UP.replace("early", "at once"), "2010-06-18")
    y3 = analysis("y3", FOLLOW_UP.replace("coast", "bay"), "2010-06-19")
    return [x, y1, y2, y3]


def test_timeline_coverage_counts_the_story_articles_published_that_day_or_the_next():
    docs = {a.document.id: a for a in _docs()}
    story_of = {"x": "s", "y1": "s", "y2": "s", "y3": "t"}
    covered = StoryCoverage(docs, story_of)
    assert covered("2010-06-17", ["x"]) == 2  # y1 that day, y2 the day after
    assert covered("2010-06-16", ["x"]) == 1  # y1 the day after; y2 two days after does not count
    assert covered("2010-06-18", ["x"]) == 1  # y3 is of another story
    assert covered("2010-06-18", ["x", "y3"]) == 2  # the stories of all the entry's documents
    assert covered("2010-06", ["x"]) == 0  # only day-precise dates
    assert StoryCoverage(docs, {})("2010-06-20", ["x"]) == 1  # an article in no story is its own


def test_timeline_day_the_story_was_covered_ranks_above_an_equal_day():
    analyses = _docs()
    entities, sources = Entities(analyses, None), find_duplicates(analyses, {})[1]
    groups = same_events(analyses, entities, sources, {})[0]

    def first_date(story_of):
        return build_timeline(analyses, entities, sources, groups, story_of)[0].date

    # the two days are reported alike; the story's articles of 17 and 18 June cover the 17th
    assert first_date({"x": "s", "y1": "s", "y2": "s", "y3": "s"}) == "2010-06-17"
    # their coverage counts only within the story: then the earlier day comes first
    assert first_date({"x": "s", "y1": "t", "y2": "t", "y3": "t"}) == "2010-06-16"
