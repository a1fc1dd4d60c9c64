"""Seats named by who wins them, and the whole a part is counted of (held9's false conflicts)."""

from link.link_factory import claim
from onrecord.link.measure import compatible, read
from onrecord.link.winners import whole_of, winner


def _read(sentence, figure, counted="seats", before=None):
    c = claim(sentence, figure, 100, counted, None)
    return read(c, sentence[: c.start] if before is None else before, sentence[c.end:])


def test_winner_is_the_named_subject_of_a_verb_of_winning():
    assert winner("The Conservative Party, led by Andrew Scheer, won ") == {"cons"}
    assert winner("The Liberals are projected to win ") == {"libe"}
    assert winner("As of 1:30 a.m. ET Tuesday, Trudeau’s Liberal Party had won ") == {"libe"}
    assert winner("The New Democratic Party, led by Jagmeet Singh, the first Sikh leader of a party, won ") == {"demo"}
    assert winner("They are projected to take ") == frozenset()
    assert winner("The Liberals campaigned on ") == frozenset()


def test_measure_seats_of_different_winners_are_different_measures():
    liberals = _read("The Liberals are projected to win 157 seats.", "157")
    conservatives = _read("The Conservative Party, led by Andrew Scheer, won 121 seats.", "121")
    again = _read("Trudeau’s Liberal Party had won 157 seats.", "157")
    assert not compatible(liberals, conservatives, small=False)
    assert compatible(liberals, again, small=False)


def test_measure_the_whole_a_part_is_counted_of_is_another_measure():
    assert whole_of(" of ") and not whole_of(" of the ")
    part = _read("The Liberals are projected to win 157 seats.", "157")
    whole = _read("Trudeau’s Liberal Party had won 157 of 338 seats.", "338", before=" of ")
    assert not compatible(part, whole, small=False)
