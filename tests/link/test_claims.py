import math

from link.link_factory import analysis, claim
from onrecord.link.claims import compare_claims, interval
from onrecord.link.common import Entities, published_order
from onrecord.link.dedup import find_duplicates


def _compare(*analyses, story="story-1"):
    order = published_order(analyses)
    _, sources = find_duplicates(analyses, order)
    story_of = {a.document.id: story for a in analyses}
    return compare_claims(analyses, Entities(analyses, None), sources, order, story_of)


def _recruits(doc_id, who, figure, value, published="2023-09-12", change="="):
    body = f"{who} said {figure} contract soldiers had signed up since the spring."
    c = claim(body, figure, value, "contract soldiers", who, change=change)
    return analysis(doc_id, body, published, names=(who,), claims=(c,))


def test_claims_interval_reads_the_modifiers():
    c = claim("up to 3,000 troops", "up to 3,000", 3000, "troops", None, change="<")
    assert interval(c) == (0.0, 3000)
    assert interval(claim("more than 500", "more than 500", 500, "x", None, change=">")) == (500, math.inf)
    lo, hi = interval(claim("about 2,800", "about 2,800", 2800, "x", None, change="~"))
    assert lo < 2500 and 3200 < hi
    assert interval(claim("2,000-3,000", "2,000-3,000", None, "x", None, low=2000, high=3000)) == (2000, 3000)


def test_claims_two_officials_with_different_counts_conflict_naming_both_claimants():
    a = _recruits("guardian", "Vladimir Putin", "270,000", 270_000)
    b = _recruits("bbc", "Dmitry Medvedev", "280,000", 280_000)
    links = _compare(a, b)
    assert [link.kind for link in links] == ["conflicts"]
    assert "Vladimir Putin" in links[0].note and "Dmitry Medvedev" in links[0].note
    assert set(links[0].items) == {"guardian/c0", "bbc/c0"}


def test_claims_up_to_and_about_agree_and_corroborate():
    a = _recruits("a", "Vladimir Putin", "up to 3,000", 3000, change="<")
    b = _recruits("b", "Sergei Shoigu", "about 2,800", 2800, change="~")
    links = _compare(a, b)
    assert [link.kind for link in links] == ["corroborates"]


def test_claims_syndicated_copies_do_not_corroborate_each_other():
    a = _recruits("wire", "Vladimir Putin", "270,000", 270_000)
    b = _recruits("copy", "Vladimir Putin", "270,000", 270_000)
    assert _compare(a, b) == []


def test_claims_growing_running_total_from_same_claimant_is_not_a_conflict():
    a = _recruits("early", "Dmitry Medvedev", "231,000", 231_000, published="2023-08-03")
    b = _recruits("late", "Dmitry Medvedev", "280,000", 280_000, published="2023-09-05")
    links = _compare(a, b)
    assert [link.kind for link in links] == ["corroborates"]
    assert links[0].note.startswith("running total")
    assert links[0].first == "early/c0"


def test_claims_about_different_counted_things_are_not_compared():
    a = _recruits("a", "Vladimir Putin", "270,000", 270_000)
    body = "Dmitry Medvedev said 90,000 tanks had been destroyed."
    b = analysis("b", body, names=("Dmitry Medvedev",),
                 claims=(claim(body, "90,000", 90_000, "tanks", "Dmitry Medvedev"),))
    assert _compare(a, b) == []


def test_claims_in_different_stories_are_not_compared():
    a = _recruits("a", "Vladimir Putin", "270,000", 270_000)
    b = _recruits("b", "Dmitry Medvedev", "280,000", 280_000)
    order = published_order((a, b))
    _, sources = find_duplicates((a, b), order)
    links = compare_claims((a, b), Entities((a, b), None), sources, order, {"a": "s1", "b": "s2"})
    assert links == []
