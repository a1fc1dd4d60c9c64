"""Figures named by whose they are: a sum earned by a named earner (one person or a pair), a rate of
a named holder, and the rounding of the digits written."""

from dataclasses import replace

from link.link_factory import analysis, claim, compare_in_story
from onrecord.link.claims import interval
from onrecord.link.measure import compatible, read


def _figure(doc_id: str, body: str, figure: str, value: float, unit: str) -> object:
    c = replace(claim(body, figure, value, "", None), unit=unit, counted=None)
    return analysis(doc_id, body, "2015-07-31", claims=(c,))


def _measure(body: str, figure: str, value: float, unit: str):
    c = replace(claim(body, figure, value, "", None), unit=unit, counted=None)
    return read(c, body[:c.start], body[c.end:])


def test_a_sum_earned_is_named_by_its_earner_and_a_pair_is_not_one_of_them():
    pair = _measure("Hillary and Bill Clinton earned $139 million.", "$139 million", 139e6, "$")
    plural = _measure("The Clintons earned $140,937,785 over the span.", "$140,937,785", 140937785, "$")
    one = _measure("Mr. Clinton earned $13.17 million.", "$13.17 million", 13.17e6, "$")
    assert (pair.head, pair.proper, pair.common) == ("money earned", frozenset({"clin"}), frozenset({"pair"}))
    assert (plural.proper, plural.common) == (pair.proper, pair.common)
    assert one.common == frozenset()
    assert _measure("She had earned $10 million.", "$10 million", 1e7, "$").head == ""


def test_a_rate_is_named_by_its_holder_and_a_rate_of_no_one_has_no_measure():
    m = _measure("The Clintons' effective federal tax rate for 2014 was 35.7 percent.", "35.7 percent", 35.7, "%")
    assert (m.head, m.proper, m.common) == ("rate", frozenset({"clin"}), frozenset({"effective", "federal", "tax"}))
    assert _measure("Bush paid an effective tax rate of 36 percent.", "36 percent", 36, "%").proper == frozenset({"bush"})
    assert _measure("The unemployment rate was 9.1 percent.", "9.1 percent", 9.1, "%").head == ""


def test_rates_of_one_holder_conflict_and_of_two_holders_do_not():
    a = _figure("fox", "The Clintons' effective federal tax rate for 2014 was 35.7 percent.", "35.7 percent", 35.7, "%")
    b = _figure("nyt", "He said the Clintons' tax rate was 30 percent.", "30 percent", 30, "%")
    c = _figure("hpo", "Bush paid an effective federal tax rate of 30 percent.", "30 percent", 30, "%")
    assert [link.kind for link in compare_in_story(a, b)] == ["conflicts"]
    assert "conflicts" not in [link.kind for link in compare_in_story(a, c)]


def test_sums_earned_by_a_pair_conflict_beyond_the_rounding_of_their_digits():
    a = _figure("nyt", "She and former President Bill Clinton earned $139 million.", "$139 million", 139e6, "$")
    b = _figure("hpo", "The Clintons earned $140,937,785 over the span.", "$140,937,785", 140937785, "$")
    c = _figure("wsj", "Mr. Clinton earned $150 million.", "$150 million", 150e6, "$")
    assert [link.kind for link in compare_in_story(a, b)] == ["conflicts"]
    assert "conflicts" not in [link.kind for link in compare_in_story(a, c)]


def test_an_exact_figure_allows_the_rounding_of_its_digits_at_most_one_percent():
    body = "It cost $140,937,785 and $139 million and $3.5 billion."
    lo, hi = interval(claim(body, "$140,937,785", 140937785, "", None))
    assert hi - lo < 2
    lo, hi = interval(claim(body, "$139 million", 139e6, "", None))
    assert 138.5e6 < lo and hi < 139.5e6
    lo, hi = interval(claim(body, "$3.5 billion", 3.5e9, "", None))
    assert (lo, hi) == (3.5e9 * 0.99, 3.5e9 * 1.01)


def test_a_threshold_needed_is_not_a_tally_held():
    def votes(body: str, figure: str, value: float):
        c = replace(claim(body, figure, value, "", None), unit=None, counted="votes")
        return read(c, body[:c.start], body[c.end:])

    needed = votes("He believed he had the 41 votes necessary to filibuster the nomination.", "41", 41)
    held = votes("The party effectively has only 51 votes right now.", "51", 51)
    assert "needed" in needed.events and not held.events
    assert not compatible(needed, held, small=False)
