from link.link_factory import analysis, claim, event, quote
from onrecord.link import LinkResult, Story, link

SPEECH = "Thousands of volunteers sign contracts every single day and they know what awaits them"


def _article(doc_id, published, figure, value, who, title):
    arrival = "Kim Jong-un arrived in Khasan aboard his armoured train."
    body = (f"{arrival} \"{SPEECH},\" Vladimir Putin said in Vladivostok. "
            f"{who} said {figure} contract soldiers had signed up this year.")
    names = ("Kim Jong-un", "Khasan", "Vladimir Putin", who)
    return analysis(
        doc_id, body, published, names=names, title=title,
        quotes=(quote(body, SPEECH, "Vladimir Putin"),),
        claims=(claim(body, figure, value, "contract soldiers", who),),
        events=(event(body, arrival, "2023-09-12", ("Kim Jong-un", "Khasan")),),
    )


def _pair():
    a = _article("guardian", "2023-09-12", "270,000", 270_000, "Vladimir Putin",
                 "Putin says volunteers sign up as Kim Jong-un arrives in Khasan")
    b = _article("bbc", "2023-09-13", "280,000", 280_000, "Dmitry Medvedev",
                 "Kim Jong-un arrives in Khasan by armoured train to meet Putin")
    return a, b


def test_link_finds_story_quote_event_and_conflict_across_two_outlets():
    result = link(_pair())
    assert isinstance(result, LinkResult)
    assert [set(s.docs) for s in result.stories] == [{"guardian", "bbc"}]
    kinds = sorted(link.kind for link in result.links)
    assert kinds == ["conflicts", "same_event", "same_quote"]
    assert all(link.first.startswith("guardian/") for link in result.links)
    assert len(result.timeline) == 1 and set(result.timeline[0].sources) == {"guardian", "bbc"}


def test_link_keeps_previous_story_id_for_new_documents():
    a, b = _pair()
    first = link([a])
    assert len(first.stories) == 1
    again = link([a, b], previous=first.stories)
    assert [s.id for s in again.stories] == [first.stories[0].id]
    assert set(again.stories[0].docs) == {"guardian", "bbc"}


def test_link_keeps_previous_story_whose_documents_are_not_passed_again():
    a, _ = _pair()
    old = Story("story-old", "Earlier coverage", ("archived-1",))
    result = link([a], previous=(old,))
    assert "story-old" in {s.id for s in result.stories}
