from dataclasses import replace

from link.link_factory import claim
from onrecord.link.measure import compatible, elliptic, inherit, read, speaker_before, unit_key


def _read(sentence, figure, counted):
    c = claim(sentence, figure, 1000, counted, None)
    return read(c, sentence[: c.start], sentence[c.end:])


def test_measure_russian_dead_and_ukrainian_losses_are_different_measures():
    dead = _read("Officials said 90,000 Russian soldiers had died.", "90,000", "Russian soldiers")
    lost = _read("He said Ukraine had lost 60,000 soldiers.", "60,000", "soldiers")
    assert not compatible(dead, lost, small=False)


def test_measure_killed_and_wounded_of_the_same_troops_are_different_measures():
    killed = _read("About 5,000 Ukrainian troops were killed.", "5,000", "Ukrainian troops")
    wounded = _read("About 9,000 Ukrainian troops were wounded.", "9,000", "Ukrainian troops")
    assert killed.events == {"killed"} and wounded.events == {"wounded"}
    assert not compatible(killed, wounded, small=False)


def test_measure_people_who_signed_contracts_and_men_who_volunteered_are_one_measure():
    signed = _read("Since spring 240,000 people have signed army contracts, he said.", "240,000", "people")
    volunteered = _read("He boasted that 230,000 Russian men had volunteered.", "230,000", "Russian men")
    assert compatible(signed, volunteered, small=False)


def test_measure_russian_and_ukrainian_qualifiers_do_not_match():
    a = _read("The ministry said 5,000 Russian troops were killed.", "5,000", "Russian troops")
    b = _read("The ministry said 5,000 Ukrainian troops were killed.", "5,000", "Ukrainian troops")
    assert not compatible(a, b, small=False)


def test_measure_small_counts_need_the_same_words_and_an_event():
    leaders = _read("The two leaders will meet in the east.", "two", "leaders")
    again = _read("There is talk about where the two leaders will meet.", "two", "leaders")
    assert not compatible(leaders, again, small=True)
    signed = _read("Two priests were killed in the raid.", "Two", "priests")
    signed_again = _read("Police said two priests were killed overnight.", "two", "priests")
    assert compatible(signed, signed_again, small=True)


def test_measure_a_daily_rate_is_not_a_total():
    rate = _read("He said 1,200 people sign contracts every day.", "1,200", "people")
    total = _read("He said 250,000 people had signed contracts.", "250,000", "people")
    assert rate.rate == "day" and total.rate == ""
    assert not compatible(rate, total, small=False)


def test_measure_a_forecast_is_not_a_count():
    forecast = _read("The union said up to 9,000 workers could strike by Friday.", "up to 9,000", "workers")
    count = _read("The union said 7,000 workers were on strike.", "7,000", "workers")
    assert forecast.forecast and not count.forecast
    assert not compatible(forecast, count, small=False)


def test_measure_figure_after_lower_than_is_a_comparison_that_inherits_the_measure():
    sentence = "Some 240,000 people signed contracts, a figure lower than the 250,000 that Mr Ivanov gave."
    first = _read(sentence, "240,000", "people")
    second = _read(sentence, "250,000", "")
    assert second.compares == "than" and not second.head
    merged = inherit(second, first)
    assert merged.head == "people" and merged.events == first.events
    assert compatible(first, merged, small=False)


def test_measure_up_from_marks_an_update():
    sentence = "The union said 9,500 members were on strike, up from 8,000 on Monday."
    assert _read(sentence, "8,000", "").compares == "from"


def test_measure_speaker_before_reads_who_opens_the_sentence():
    assert speaker_before("The port authority said only 8,000 workers were out") == "port authority"
    assert speaker_before("Union says 12,000 members joined") == "Union"
    assert speaker_before("Thousands of dock workers walked out") is None


def test_measure_unit_key_ignores_count_nouns_but_keeps_real_units():
    assert unit_key("members", "members") == ""
    assert unit_key("people", None) == ""
    assert unit_key("$", None) == "$"
    assert unit_key("km", None) == "km"


def test_measure_people_killed_are_not_ukrainian_troops_killed():
    people = _read("The war has killed 30,000 people.", "30,000", "people")
    troops = _read("Officials said 30,000 Ukrainian troops were killed.", "30,000", "Ukrainian troops")
    assert not compatible(people, troops, small=False)
    members = _read("The union said 9,000 members were on strike.", "9,000", "members")
    workers = _read("The authority said 7,000 workers were on strike.", "7,000", "workers")
    assert compatible(members, workers, small=False)


def test_measure_soldiers_troops_and_personnel_are_one_counted_thing():
    heads = {_read(f"Officials said 4,000 {noun} were sent.", "4,000", noun).head
             for noun in ("soldiers", "troops", "servicemen", "personnel")}
    assert heads == {"soldier"}
    assert _read("Officials said 150 deaths were recorded.", "150", "deaths").head == "people"


def test_measure_training_and_deploying_a_contingent_are_one_event():
    trained = _read("Russia is training 3,000 North Korean soldiers.", "3,000", "North Korean soldiers")
    sent = _read("Pyongyang has sent 10,000 North Korean troops.", "10,000", "North Korean troops")
    assert trained.events == sent.events == {"deployed"}
    assert compatible(trained, sent, small=False)


def test_measure_a_hedged_size_is_not_a_forecast_but_a_future_count_is():
    hedged = _read("He said the contingent could be as large as 15,000 troops.", "15,000", "troops")
    future = _read("He said Russia will recruit 15,000 troops.", "15,000", "troops")
    assert not hedged.forecast and future.forecast


def test_measure_a_bare_figure_after_one_of_the_same_head_reads_as_the_same_measure():
    sentence = ("US intelligence estimates that Russia is training up to 3,000 North Korean soldiers, "
                "although Zelensky has claimed the contingent could be as large as 15,000 troops.")
    first = _read(sentence, "3,000", "North Korean soldiers")
    second = _read(sentence, "15,000", "troops")
    assert elliptic(second, first) and not elliptic(first, second)
    assert compatible(first, inherit(second, first), small=False)


def _money(sentence, figure, value=1e9):
    c = replace(claim(sentence, figure, value, None, None), unit="$")
    return read(c, sentence[: c.start], sentence[c.end:])


def test_measure_money_is_named_by_where_it_comes_from_or_what_it_is_for():
    budget = _money("Trump would seek to unlock money from the military construction budget, to the tune of "
                    "$3.5 billion.", "$3.5 billion")
    projects = _money("The order lets him divert $3.6 billion from military construction projects to the wall.",
                      "$3.6 billion")
    assert (budget.head, projects.head) == ("money from", "money from")
    assert budget.events == projects.events == {"diverted"}
    assert compatible(budget, projects, small=False)
    drugs = _money("He will tap $2.5 billion from counternarcotics programs.", "$2.5 billion")
    assert not compatible(drugs, projects, small=False)


def test_measure_a_sum_demanded_is_not_the_sum_granted_for_the_same_thing():
    granted = _money("The bill grants him $1.375 billion for the wall.", "$1.375 billion")
    demanded = _money("Trump's originally proposed figure of $5.7 billion for the wall.", "$5.7 billion")
    assert granted.head == demanded.head == "money for" and demanded.events == {"demanded"}
    assert not compatible(granted, demanded, small=False)


def test_measure_money_without_a_purpose_or_source_has_no_measure():
    assert _money("The total came to $8 billion, mostly approved by Trump alone.", "$8 billion").head == ""


def test_measure_border_arrests_and_apprehensions_are_one_counted_thing():
    arrests = _read("There were roughly 520,000 arrests last year.", "520,000", "arrests")
    caught = _read("Border apprehensions fell to 400,000 last year.", "400,000", "Border apprehensions")
    assert compatible(arrests, caught, small=False)


def test_measure_a_count_set_off_by_different_is_another_set():
    laws = _read("He said 23 states have enacted laws.", "23", "states")
    headed = _read("The weed was headed for at least 40 different states.", "40", "different states")
    assert not compatible(laws, headed, small=False) and compatible(headed, replace(headed), small=False)


def test_measure_a_count_set_off_by_other_is_another_set():
    ten = _read("Ten Democrats spoke, and 10 Democrats cheered.", "10", "Democrats")
    others = _read("It angered the dozens of other Democrats who voted.", "dozens", "other Democrats")
    assert not compatible(ten, others, small=False) and compatible(others, replace(others), small=False)


def test_measure_the_verb_of_a_who_clause_names_the_set_counted():
    gathered = _read("Of the 10 Democrats who gathered outside, six are running.", "10", "Democrats")
    support = _read("Republicans had the votes, with support from 33 Democrats.", "33", "Democrats")
    also = _read("The 12 Democrats who gathered there cheered.", "12", "Democrats")
    assert not compatible(gathered, support, small=False) and compatible(gathered, also, small=False)


def test_measure_money_for_that_project_takes_the_purpose_named_before():
    earlier = "Hosts ridiculed him for backing down on his demand for wall money. "
    sentence = "Trump is now insisting that Congress appropriate $5.7 billion for that project, while Democrats wait."
    c = replace(claim(sentence, "$5.7 billion", 5.7e9, None, None), unit="$")
    m = read(c, sentence[: c.start], sentence[c.end:], earlier)
    assert (m.head, m.common) == ("money for", frozenset({"wall"}))
    assert compatible(m, _money("Trump said $5 billion for the wall is non-negotiable.", "$5 billion"), small=False)


def test_measure_a_relative_clause_on_the_counted_noun_is_no_forecast():
    m = _read("They have brought up 15 bills that they contend will help create jobs.", "15", "bills")
    assert not m.forecast
