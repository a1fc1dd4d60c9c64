"""Names of actors (no model): cleaning NER spans, transliterations, initials, acronyms."""

from __future__ import annotations

from onrecord.names import clean_span, given_compatible, same_person_name


def test_actor_names_clean_span_strips_the_possessive_and_honorific() -> None:
    assert clean_span("the Kremlin’s", 10, "ORG")[:3] == (14, 21, "Kremlin")
    assert clean_span("Mr. Putin", 0, "PERSON")[:3] == (4, 9, "Putin")
    assert clean_span("Kim\n\nThe", 5, "PERSON")[:3] == (5, 8, "Kim")
    assert clean_span("North Korea’s Kim", 0, "PERSON")[:3] == (14, 17, "Kim")
    assert clean_span("Kim’s Mercedes-Benz", 0, "PERSON")[:3] == (0, 3, "Kim")


def test_actor_names_clean_span_rejects_lowercase_and_credit_junk() -> None:
    assert clean_span("the west", 0, "LOC") is None
    assert clean_span("F-16s", 0, "PERSON") is None
    assert clean_span("MIKHAIL METZEL/REUTERS", 0, "PERSON") is None


def test_actor_names_transliterations_and_initials_are_compatible() -> None:
    assert given_compatible("dmitri", "dmitry")
    assert given_compatible("v", "vladimir")
    assert not given_compatible("vladimir", "viktor")
    assert same_person_name(["vladimir", "v", "putin"], ["vladimir", "putin"])
    assert not same_person_name(["kim", "jong", "un"], ["kim", "yo", "jong"])


def test_actor_names_acronym_glued_before_a_name_is_not_part_of_it() -> None:
    assert clean_span("MI6 Richard Harlow", 0, "PERSON")[:3] == (4, 18, "Richard Harlow")
    assert clean_span("US President Ann Vale", 0, "PERSON")[2] == "Ann Vale"
    assert clean_span("JD Harlow", 0, "PERSON")[2] == "JD Harlow"  # initials stay
