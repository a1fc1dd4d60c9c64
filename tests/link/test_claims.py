import math
from dataclasses import replace

from link.link_factory import analysis, claim, compare_in_story
from onrecord.link import link
from onrecord.link.claims import compare_claims, group_links, interval, measure_groups, measure_keys
from onrecord.link.common import Entities, published_order
from onrecord.link.dedup import find_duplicates
from onrecord.models import TimeExpr


def _recruits(doc_id, who, figure, value, published="2023-09-12", change="="):
    body = f"{who} said {figure} contract soldiers had signed up since the spring."
    c = claim(body, figure, value, "contract soldiers", who, change=change)
    return analysis(doc_id, body, published, names=(who,), claims=(c,))


def test_claims_interval_reads_the_modifiers():
    c = claim("up to 3,000 troops", "up to 3,000", 3000, "troops", None, change="<")
    assert interval(c) == (0.0, 3000)
    assert interval(claim("more than 500", "more than 500", 500, "x", None, change=">")) == (500, math.inf)
    lo, hi = interval(claim("about 3,000", "about 3,000", 3000, "x", None, change="~"))
    assert (lo, hi) == (2550, 3450)  # ±15%
    lo, hi = interval(claim("about 2,800", "about 2,800", 2800, "x", None, change="~"))
    assert 2700 < lo < 2701 and 2899 < hi < 2900  # a unit of its last digit, when narrower
    lo, hi = interval(claim("roughly $141 million", "roughly $141 million", 141e6, "$", None, change="~"))
    assert lo > 139.5e6  # not the $139 million of another outlet
    assert interval(claim("2,000-3,000", "2,000-3,000", None, "x", None, low=2000, high=3000)) == (2000, 3000)


def test_claims_two_officials_with_different_counts_conflict_naming_both_claimants():
    a = _recruits("guardian", "Vladimir Putin", "270,000", 270_000)
    b = _recruits("bbc", "Dmitry Medvedev", "280,000", 280_000)
    links = compare_in_story(a, b)
    assert [link.kind for link in links] == ["conflicts"]
    assert "Vladimir Putin" in links[0].note and "Dmitry Medvedev" in links[0].note
    assert set(links[0].items) == {"guardian/c0", "bbc/c0"}


def test_claims_up_to_and_about_agree_and_corroborate():
    a = _recruits("a", "Vladimir Putin", "up to 3,000", 3000, change="<")
    b = _recruits("b", "Sergei Shoigu", "about 2,800", 2800, change="~")
    links = compare_in_story(a, b)
    assert [link.kind for link in links] == ["corroborates"]


def test_claims_syndicated_copies_do_not_corroborate_each_other():
    a = _recruits("wire", "Vladimir Putin", "270,000", 270_000)
    b = _recruits("copy", "Vladimir Putin", "270,000", 270_000)
    assert compare_in_story(a, b) == []


def test_claims_growing_running_total_from_same_claimant_is_not_a_conflict():
    a = _recruits("early", "Dmitry Medvedev", "231,000", 231_000, published="2023-08-03")
    b = _recruits("late", "Dmitry Medvedev", "280,000", 280_000, published="2023-09-05")
    links = compare_in_story(a, b)
    assert [link.kind for link in links] == ["corroborates"]
    assert links[0].note.startswith("running total")
    assert links[0].first == "early/c0"


def test_claims_about_different_counted_things_are_not_compared():
    a = _recruits("a", "Vladimir Putin", "270,000", 270_000)
    body = "Dmitry Medvedev said 90,000 tanks had been destroyed."
    b = analysis("b", body, names=("Dmitry Medvedev",),
                 claims=(claim(body, "90,000", 90_000, "tanks", "Dmitry Medvedev"),))
    assert compare_in_story(a, b) == []


def test_claims_in_different_stories_are_not_compared():
    a = _recruits("a", "Vladimir Putin", "270,000", 270_000)
    b = _recruits("b", "Dmitry Medvedev", "280,000", 280_000)
    order = published_order((a, b))
    _, sources = find_duplicates((a, b), order)
    links = compare_claims((a, b), Entities((a, b), None), sources, order, {"a": "s1", "b": "s2"})
    assert links == []


def _one(doc_id, body, figures, names=(), published="2023-09-12"):
    """An analysis whose claims are ``figures``: (text, value, counted, claimant, change)."""
    claims = tuple(claim(body, text, value, counted, who, change=change)
                   for text, value, counted, who, change in figures)
    return analysis(doc_id, body, published, names=names, claims=claims)


def test_claims_figure_lower_than_another_in_one_sentence_conflicts_with_the_person_named_after_it():
    body = ("Over the summer 270,000 people have signed contracts, Putin said, a figure lower than "
            "the 280,000 that Dmitry Medvedev gave earlier this month.")
    a = _one("times", body, [("270,000", 270_000, "people", "Vladimir Putin", "="),
                             ("280,000", 280_000, None, "Vladimir Putin", "=")],
             names=("Vladimir Putin", "Dmitry Medvedev"))
    links = compare_in_story(a)
    assert [link.kind for link in links] == ["conflicts"]
    assert "Vladimir Putin: 270,000 vs Dmitry Medvedev: 280,000" in links[0].note


def test_claims_russian_dead_and_ukrainian_losses_are_not_compared():
    a = _one("a", "US officials said up to 120,000 Russian soldiers had died.",
             [("up to 120,000", 120_000, "Russian soldiers", "United States", "<")], names=("United States",))
    b = _one("b", "Putin said Ukraine had lost 71,500 soldiers in the offensive.",
             [("71,500", 71_500, "soldiers", "Putin", "=")], names=("Putin",))
    assert compare_in_story(a, b) == []


def test_claims_two_leaders_in_two_outlets_is_not_a_corroboration():
    a = _one("a", "The two leaders will hold talks.", [("two", 2, "leaders", None, "=")])
    b = _one("b", "Peskov said the two leaders would meet.", [("two", 2, "leaders", "Peskov", "=")],
             names=("Peskov",))
    assert compare_in_story(a, b) == []


def test_claims_union_and_authority_counts_of_strikers_on_one_day_conflict():
    a = _one("gazette", "Dana Whitlock said 12,000 members had joined the strike.",
             [("12,000", 12_000, "members", "Dana Whitlock", "=")], names=("Dana Whitlock",),
             published="2025-03-11")
    b = _one("courier", "The port authority said only 8,000 workers were on strike.",
             [("8,000", 8_000, "workers", None, "=")], published="2025-03-11")
    links = compare_in_story(a, b)
    assert [link.kind for link in links] == ["conflicts"]
    assert "port authority: 8,000" in links[0].note and "Dana Whitlock: 12,000" in links[0].note


def test_claims_up_from_in_one_sentence_is_a_running_total_not_a_conflict():
    body = "The union said on Wednesday that 13,500 members were on strike, up from 12,000 on Monday."
    a = _one("wire", body, [("13,500", 13_500, "members", "Harbour Union", "="),
                            ("12,000", 12_000, None, "Harbour Union", "=")], names=("Harbour Union",),
             published="2025-03-12")
    b = _one("gazette", "Harbour Union said 12,000 members had joined the strike.",
             [("12,000", 12_000, "members", "Harbour Union", "=")], names=("Harbour Union",),
             published="2025-03-12")  # the same day: only "up from" tells the update
    kinds = [(link.kind, link.note.split(" ")[0]) for link in compare_in_story(a, b)]
    assert ("conflicts", "members") not in kinds
    assert ("corroborates", "running") in kinds


def test_claims_different_claimants_a_week_apart_are_not_linked():
    a = _recruits("early", "Vladimir Putin", "231,000", 231_000, published="2023-08-03")
    b = _recruits("late", "Dmitry Medvedev", "280,000", 280_000, published="2023-09-05")
    assert compare_in_story(a, b) == []


def test_claims_open_bound_agrees_with_both_sides_without_hiding_the_conflict():
    a = _recruits("a", "Vladimir Putin", "270,000", 270_000)
    b = _recruits("b", "Dmitry Medvedev", "280,000", 280_000)
    c = _recruits("c", "Sergei Shoigu", "more than 250,000", 250_000, change=">")
    kinds = sorted(link.kind for link in compare_in_story(a, b, c))
    assert kinds == ["conflicts", "corroborates", "corroborates"]


def test_claims_an_outlet_does_not_contradict_itself():
    body = "Tens of thousands of people have been killed in the war. About 150 people died."
    a = _one("a", body, [("Tens of thousands", 30_000, "people", None, "~"), ("About 150", 150, "people", None, "~")])
    b = _one("b", "Officials said 30,000 people were killed in the war.",
             [("30,000", 30_000, "people", "Officials", "~")], names=("Officials",))
    assert [link.kind for link in compare_in_story(a, b)] == ["corroborates"]


def test_claims_figures_about_another_year_are_a_different_measure():
    body = "More than 2,500 protesters were killed in Hungary in 1956."
    old = _one("a", body, [("More than 2,500", 2_500, "protesters", None, ">")])
    old = replace(old, times=(TimeExpr(body.index("1956"), body.index("1956") + 4, "1956", "1956", "year",
                                       "absolute"),))
    b = _one("b", "Police said 30 protesters were killed at the rally.",
             [("30", 30, "protesters", "Police", "=")], names=("Police",))
    assert compare_in_story(old, b) == []


def test_claims_measure_keys_are_the_groups_the_links_were_computed_in():
    a = _recruits("guardian", "Vladimir Putin", "270,000", 270_000)
    b = _recruits("bbc", "Dmitry Medvedev", "280,000", 280_000)
    body = "Dmitry Medvedev said 90,000 tanks had been destroyed."
    c = analysis("c", body, names=("Dmitry Medvedev",),
                 claims=(claim(body, "90,000", 90_000, "tanks", "Dmitry Medvedev"),))
    analyses = (a, b, c)
    order = published_order(analyses)
    _, sources = find_duplicates(analyses, order)
    groups = measure_groups(analyses, Entities(analyses, None), sources, {x.document.id: "s" for x in analyses})
    keys = measure_keys(groups)
    assert keys["guardian/c0"] == keys["bbc/c0"] != keys["c/c0"]
    assert keys["c/c0"] == "c/c0"  # a figure alone founds its own group
    (conflict,) = group_links(groups, order)
    assert {keys[item] for item in conflict.items} == {keys["bbc/c0"]}


def test_claims_link_result_carries_the_measure_of_every_figure():
    a = _recruits("guardian", "Vladimir Putin", "270,000", 270_000)
    b = _recruits("bbc", "Dmitry Medvedev", "280,000", 280_000)
    result = link([a, b])
    assert set(result.measures) == {"guardian/c0", "bbc/c0"}
    assert len(set(result.measures.values())) == 1


def test_claims_asides_are_never_compared():
    body = "The two leaders met. Officials said the three leaders would meet again."
    two = replace(claim(body, "two", 2, "leaders", None), aside="participants")
    three = replace(claim(body, "three", 3, "leaders", "Officials"), aside="participants")
    a = analysis("d1", body, claims=(two,))
    b = analysis("d2", body, claims=(three,))
    assert compare_in_story(a, b) == []
    order = published_order((a, b))
    _, sources = find_duplicates((a, b), order)
    groups = measure_groups((a, b), Entities((a, b), None), sources, {"d1": "s", "d2": "s"})
    assert measure_keys(groups) == {}


def test_claims_an_estimate_and_a_claim_about_one_contingent_conflict_in_one_sentence():
    body = ("US intelligence estimates that Russia is training up to 3,000 North Korean soldiers, "
            "although Zelensky has claimed the final contingent could be as large as 15,000 troops.")
    low = claim(body, "up to 3,000", 3000, "North Korean soldiers", "US", change="<")
    high = claim(body, "15,000", 15000, "troops", "Zelensky")
    links = compare_in_story(analysis("d1", body, names=("US", "Zelensky"), claims=(low, high)))
    assert [link.kind for link in links] == ["conflicts"]
    assert "US: up to 3,000 vs Zelensky: 15,000" in links[0].note


def _sum(doc_id, body, figure, value, who=None, change="=", published="2019-02-15"):
    c = replace(claim(body, figure, value, None, who, change=change), unit="$")
    return analysis(doc_id, body, published, names=(who,) if who else (), claims=(c,))


def test_claims_sums_from_one_budget_disagree_and_an_approximation_does_not_bridge_them():
    fox = _sum("fox", "He would unlock money from the military construction budget, to the tune of $3.5 billion.",
               "$3.5 billion", 3.5e9)
    nyt = _sum("nyt", "Officials said it lets him divert $3.6 billion from military construction projects.",
               "$3.6 billion", 3.6e9, who="Officials")
    hpo = _sum("hpo", "He will divert about $3.6 billion from military construction projects, Mulvaney said.",
               "about $3.6 billion", 3.6e9, who="Mulvaney", change="~")
    conflicts = [link for link in compare_in_story(fox, nyt, hpo) if link.kind == "conflicts"]
    assert len(conflicts) == 1 and {"fox/c0", "nyt/c0"} <= set(conflicts[0].items)
    assert "$3.5 billion" in conflicts[0].note and "Officials: $3.6 billion" in conflicts[0].note


def test_claims_sums_for_different_things_are_not_compared():
    a = _sum("a", "He will tap $2.5 billion from counternarcotics programs.", "$2.5 billion", 2.5e9)
    b = _sum("b", "He will tap $600 million from an asset forfeiture fund.", "$600 million", 6e8, who="Officials")
    assert compare_in_story(a, b) == []


def test_claims_different_claimants_three_days_apart_conflict():
    a = _recruits("early", "Vladimir Putin", "270,000", 270_000, published="2023-09-12")
    b = _recruits("late", "Dmitry Medvedev", "280,000", 280_000, published="2023-09-15")
    assert [link.kind for link in compare_in_story(a, b)] == ["conflicts"]


def test_claims_a_month_named_across_the_turn_of_the_year_is_the_same_scope():
    body = "In December, the boxes held 50,000 pages of emails."
    dec = _one("nyt", body, [("50,000", 50_000, "pages", None, "=")], published="2015-03-05")
    dec = replace(dec, times=(TimeExpr(body.index("December"), body.index("December") + 8, "December",
                                       "2014-12", "month", "published"),))
    mar = _one("fox", "The department said it had received 55,000 pages of emails.",
               [("55,000", 55_000, "pages", "department", "=")], names=("department",), published="2015-03-03")
    assert [link.kind for link in compare_in_story(dec, mar)] == ["conflicts"]


def test_claims_figures_a_hundred_times_apart_are_not_one_count():
    a = _one("a", "Harf said about 300 emails went to the committee.", [("about 300", 300, "emails", "Harf", "~")],
             names=("Harf",))
    b = _one("b", "Bush released 250,000 emails last year.", [("250,000", 250_000, "emails", None, "=")])
    assert compare_in_story(a, b) == []


def test_claims_a_described_source_is_its_own_voice_not_the_outlets():
    body = "Tens of thousands of people were killed. A senior official said 30,000 people were killed."
    own = claim(body, "Tens of thousands", 30_000, "people", None, change="~")
    told = replace(claim(body, "30,000", 30_000, "people", None), claimant_name="senior official")
    a = analysis("a", body, claims=(own, told))
    (link,) = compare_in_story(a)
    assert link.kind == "corroborates" and "senior official: 30,000" in link.note
