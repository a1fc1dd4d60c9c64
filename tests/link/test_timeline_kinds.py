"""Timeline entries say what they report (happened, expected, background), and related stories
form an arc without being merged: hand-built records and short texts written for the tests."""

from dataclasses import replace

from link.link_factory import actor, analysis, document, event
from onrecord.link import link
from onrecord.link.arcs import related_stories
from onrecord.link.common import Entities
from onrecord.link.records import Story
from onrecord.models import Analysis

MEET = "Putin will meet Xi in Beijing in October."
MET = "Putin met Xi in Beijing in October, officials said afterwards."
HUNGARY = "Soviet tanks crushed the uprising in Hungary in 1956."


def _one(doc_id, sentence, date, published, kind="happened"):
    body = sentence + " The talks were watched closely."
    ev = replace(event(body, sentence, date, ("Putin",)), kind=kind)
    return analysis(doc_id, body, published, names=("Putin",), events=(ev,))


def test_timeline_a_forecast_only_reported_before_its_date_is_expected():
    (entry,) = link([_one("a", MEET, "2023-10", "2023-09-12", "expected")]).timeline
    assert entry.kind == "expected"


def test_timeline_a_forecast_later_reported_as_done_is_a_happening():
    timeline = link([_one("a", MEET, "2023-10", "2023-09-12", "expected"),
                     _one("b", MET, "2023-10", "2023-11-02")]).timeline
    assert [(e.kind, len(e.sources)) for e in timeline] == [("happened", 2)]
    assert timeline[0].summary == MET  # the report after the fact, not the forecast


def test_timeline_a_date_after_publication_is_expected_even_from_a_light_extractor():
    (entry,) = link([_one("a", MEET, "2023-10", "2023-09-12")]).timeline
    assert entry.kind == "expected"


def test_timeline_background_is_marked_and_ranks_below_the_story():
    body = HUNGARY + " " + MET
    events = (event(body, HUNGARY, "1956", ()), event(body, MET, "2023-10", ("Putin",)))
    timeline = link([analysis("a", body, "2023-11-02", names=("Putin",), events=events)]).timeline
    kinds = {e.date: e.kind for e in timeline}
    assert kinds == {"1956": "background", "2023-10": "happened"}
    assert timeline[0].date == "2023-10"


def _story(doc_id, title, published, extra=""):
    body = f"{title}. Putin and Kim Jong-un discussed Russia and North Korea's military ties. {extra}"
    names = [("Putin", "PERSON"), ("Kim Jong-un", "PERSON"), ("Russia", "GPE"), ("North Korea", "GPE")]
    actors = tuple(actor(body, n, type_=t) for n, t in names)
    return Analysis(document(doc_id, body, published, title), actors=actors)


def test_arcs_relate_stories_months_apart_on_the_same_actors_and_subject():
    analyses = [_story("d22", "North Korea offers Russia volunteers for its war", "2022-08-08"),
                _story("d23", "Kim Jong-un arrives in Russia for military talks", "2023-09-12"),
                _story("d24", "Putin admits talks on North Korean troops for the war", "2024-10-24")]
    stories = [Story(f"s{a.document.id}", a.document.title, (a.document.id,)) for a in analyses]
    pairs = {(s.a, s.b) for s in related_stories(stories, analyses, Entities(analyses, None))}
    assert pairs == {("sd22", "sd23"), ("sd23", "sd24"), ("sd22", "sd24")}


def test_arcs_never_relate_stories_that_share_only_places_or_words():
    body_a = "Floods hit Russia and North Korea after the storm. Rescuers from Russia reached North Korea."
    body_b = "Grain prices rose in Russia and North Korea. Traders in Russia sold wheat to North Korea."
    analyses = [Analysis(document(d, b, p, t), actors=(actor(b, "Russia", type_="GPE"),
                                                       actor(b, "North Korea", type_="GPE")))
                for d, b, p, t in (("a", body_a, "2023-01-01", "Floods"), ("b", body_b, "2023-03-01", "Grain"))]
    stories = [Story("sa", "Floods", ("a",)), Story("sb", "Grain", ("b",))]
    assert related_stories(stories, analyses, Entities(analyses, None)) == ()


def test_arcs_come_out_of_link_and_keep_the_stories_apart():
    analyses = [_story("d23", "Kim Jong-un arrives in Russia for military talks", "2023-09-12"),
                _story("d24", "Putin admits talks on North Korean troops for the war", "2024-10-24")]
    result = link(analyses)
    assert len(result.stories) == 2
    assert [(set(s.shared) >= {"name:putin", "name:kim jong-un"}) for s in result.related] == [True]
