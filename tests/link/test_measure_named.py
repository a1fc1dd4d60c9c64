from dataclasses import replace

from link.link_factory import analysis, claim, compare_in_story
from onrecord.link.measure import compatible, read


def _money(body, figure, value, claimant=None):
    return replace(claim(body, figure, value, None, claimant), unit="$")


def _read(body, figure, value=1.0, counted=None, unit=None):
    c = claim(body, figure, value, counted, None)
    c = replace(c, unit=unit) if unit else c
    return read(c, body[: c.start], body[c.end:], body[: c.start], body[: c.start], body[: c.start])


def test_a_sum_asked_for_is_for_what_the_last_demand_for_money_was_for():
    body = "Talks broke down over his demands for billions of dollars for a border wall. We are asking for $5.6 billion."
    asked = _read(body, "$5.6 billion", 5.6e9, unit="$")
    wall = _read("He wants $5.7 billion for the wall.", "$5.7 billion", 5.7e9, unit="$")
    assert asked.head == "money for" and "wall" in asked.common
    assert compatible(asked, wall, small=False)


def test_a_sum_that_completes_its_subject_counts_the_subject():
    m = _read("The flight is ultimately going to be $1 million.", "$1 million", 1e6, unit="$")
    assert m.head == "airtime" and m.forecast  # "flight" is read as its synonym "airtime"


def test_a_sum_that_is_the_subject_of_its_clause_is_the_sum_before_it():
    a_body = "The flight is going to be $1 million, an official said - a source said about $400,000 has been placed so far."
    a = analysis("a", a_body, claims=(_money(a_body, "$1 million", 1e6, "official"),
                                      replace(_money(a_body, "about $400,000", 4e5, "source"), change="~")))
    b_body = "They have reserved $500,000 of airtime in Miami."
    b = analysis("b", b_body, claims=(replace(claim(b_body, "$500,000", 5e5, "airtime", None), unit="$"),))
    conflicts = [link for link in compare_in_story(a, b) if link.kind == "conflicts"]
    assert [set(link.items) for link in conflicts] == [{"a/c1", "b/c0"}]


def test_a_count_of_two_sets_joined_by_and_counts_neither():
    body = "The deal was struck with 48 states and the District of Columbia and Puerto Rico."
    assert _read(body, "48", 48, "states").head == ""
    assert _read("The deal was struck with 50 states.", "50", 50, "states").head == "state"


def test_the_official_and_the_supplemental_measure_are_not_one_measure():
    official = _read("Under the official measure, 43.1 million people were in poverty.", "43.1 million", 43.1e6, "people")
    body = "The census also publishes the supplemental poverty measure. According to this metric, 45.7 million people were in poverty."
    sentence = body.index("According")
    c = claim(body, "45.7 million", 45.7e6, "people", None)
    supplemental = read(c, body[sentence:c.start], body[c.end:], body[:sentence], body[:sentence], body[sentence:c.start])
    assert "kind:supplemental" in supplemental.common and "kind:official" in official.common
    assert not compatible(official, supplemental, small=False)
    said = _read("The official said 400,000 people came.", "400,000", 4e5, "people")
    assert not {w for w in said.common if w.startswith("kind:")}


def test_counts_of_anyone_with_no_event_read_are_not_compared():
    poor = _read("Some 43.1 million Americans were in poverty last year.", "43.1 million", 43.1e6, "Americans")
    kept = _read("Social Security kept 26.6 million people out of poverty.", "26.6 million", 26.6e6, "people")
    assert not compatible(poor, kept, small=False)


def _demand(doc_id, figure, value):
    body = f"Trump said {figure} for the wall is non-negotiable."
    return analysis(doc_id, body, names=("Trump",), claims=(_money(body, figure, value, "Trump"),))


def test_three_values_of_one_measure_are_one_conflict():
    links = compare_in_story(_demand("a", "$5 billion", 5e9), _demand("b", "$5.6 billion", 5.6e9),
                             _demand("c", "$5.7 billion", 5.7e9))
    conflicts = [link for link in links if link.kind == "conflicts"]
    assert len(conflicts) == 1 and set(conflicts[0].items) == {"a/c0", "b/c0", "c/c0"}
