from link.link_factory import analysis
from onrecord.link.common import Entities
from onrecord.link.records import Story
from onrecord.link.stories import central_actors, group_stories

SUMMIT = [
    ("s1", "Kim Jong-un arrives in Russia by armoured train for summit with Putin",
     "The North Korean leader Kim Jong-un crossed into Russia by armoured train for a summit with "
     "Vladimir Putin expected to focus on weapons and ammunition for the war."),
    ("s2", "Putin and Kim meet at cosmodrome as arms deal fears grow",
     "Vladimir Putin welcomed Kim Jong-un at the Vostochny cosmodrome, where the two leaders "
     "discussed weapons, satellites and the war amid western fears of an ammunition deal."),
    ("s3", "North Korean leader's train reaches Russian border for Putin summit",
     "An armoured train carrying Kim Jong-un reached the Russian border before his summit with "
     "Vladimir Putin, officials said, as Washington warned against any weapons deal."),
]
GRAIN = [
    ("g1", "Black Sea grain deal collapses as Russia withdraws",
     "Russia withdrew from the Black Sea grain deal, sending wheat prices higher and leaving "
     "Ukrainian grain exports stuck in ports along the coast."),
    ("g2", "Wheat prices jump after Russia quits grain export deal",
     "Wheat prices jumped after Russia quit the Black Sea grain export deal that let Ukrainian "
     "ports ship grain through a protected corridor."),
]


def _analyses(rows, published="2023-09-12"):
    return [analysis(i, body, published, title=title) for i, title, body in rows]


def _docsets(stories):
    return {frozenset(s.docs) for s in stories}


def test_stories_group_articles_by_event_with_a_headline_title():
    analyses = _analyses(SUMMIT) + _analyses(GRAIN, "2023-09-13")
    stories = group_stories(analyses, Entities(analyses, None))
    assert _docsets(stories) == {frozenset({"s1", "s2", "s3"}), frozenset({"g1", "g2"})}
    titles = {s.title for s in stories}
    assert any("Putin" in t for t in titles) and any("grain" in t for t in titles)


def test_stories_same_words_months_apart_are_separate_stories():
    analyses = _analyses(SUMMIT[:1]) + _analyses(SUMMIT[1:2], "2024-06-19")
    stories = group_stories(analyses, Entities(analyses, None))
    assert len(stories) == 2


def test_stories_new_document_joins_previous_story_and_keeps_its_id():
    analyses = _analyses(SUMMIT) + _analyses(GRAIN)
    previous = (Story("story-summit", "Kim in Russia", ("s1", "s2")), Story("story-grain", "Grain", ("g1",)))
    stories = group_stories(analyses, Entities(analyses, None), previous)
    by_id = {s.id: set(s.docs) for s in stories}
    assert by_id["story-summit"] == {"s1", "s2", "s3"}
    assert by_id["story-grain"] == {"g1", "g2"}


def test_stories_two_previous_stories_are_never_merged():
    analyses = _analyses(SUMMIT)
    previous = (Story("a", "A", ("s1",)), Story("b", "B", ("s2",)))
    stories = group_stories(analyses, Entities(analyses, None), previous)
    ids = {s.id for s in stories}
    assert {"a", "b"} <= ids
    assert sum("s3" in s.docs for s in stories) == 1


def test_stories_new_story_id_is_stable_across_runs():
    first = group_stories(_analyses(GRAIN), Entities(_analyses(GRAIN), None))
    again = group_stories(_analyses(GRAIN), Entities(_analyses(GRAIN), None))
    assert [s.id for s in first] == [s.id for s in again]


def test_stories_undated_document_joins_one_story_but_does_not_bridge_two():
    summit = _analyses(SUMMIT[:1], "2019-04-25") + _analyses(SUMMIT[1:2], "2023-09-13")
    bridge = analysis("undated", SUMMIT[0][2] + " " + SUMMIT[1][2], None, title=SUMMIT[0][1])
    analyses = [*summit, bridge]
    stories = group_stories(analyses, Entities(analyses, None))
    assert len(stories) == 2
    assert sum("undated" in s.docs for s in stories) == 1


def _long_report(doc_id, title, words):
    """A report whose own vocabulary (``words``) dominates its top terms, naming the same people."""
    body = (f"Kim Jong-un met Vladimir Putin. {' '.join(words)}. {' '.join(reversed(words))}. "
            f"Kim Jong-un and Vladimir Putin spoke again at Vostochny. Kim Jong-un left; Vladimir Putin stayed.")
    return analysis(doc_id, body, "2023-09-13", title=title,
                    names=("Kim Jong-un", "Vladimir Putin", "Vostochny"))


def test_stories_reports_sharing_their_central_actors_are_compared_whatever_their_wording():
    a = _long_report("nyt", "Toasts and rockets in the far east",
                     "lunchtime toast confidence collective rockets satellites engineers launch pad tour "
                     "ministers delegations".split())
    b = _long_report("times", "Armoured carriages and red carpets",
                     "carriages locomotive bulletproof guard honour band platform welcome governor "
                     "station escort".split())
    stories = group_stories([a, b], Entities([a, b], None))
    assert [set(s.docs) for s in stories] == [{"nyt", "times"}]


def test_stories_central_actors_are_the_most_mentioned_people_and_places():
    a = _long_report("nyt", "Far east", ["toast"])
    assert central_actors(a, Entities([a], None), 2) == ["name:kim jong-un", "name:vladimir putin"]


def test_candidates_need_two_shared_terms_within_the_window_and_undated_documents_meet_all() -> None:
    from onrecord.link.stories import candidates

    tops = [["summit", "vostochny", "kim"], ["summit", "vostochny", "putin"], ["summit", "kim"],
            ["summit", "vostochny"], ["summit", "vostochny"]]
    days = [100, 103, 120, None, 200]
    assert candidates(tops, days, 7) == {(0, 1), (0, 3), (1, 3), (3, 4)}
