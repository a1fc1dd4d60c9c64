"""Type repair within an article: names glued into one "person", and titled names (hand-built
entities)."""

from __future__ import annotations

from marked_docs import marked_doc, named
from onrecord.extract.actors import extract_actors


def test_retype_hyphenated_pair_of_known_names_is_two_mentions(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Donald Trump|PERSON] flew in. [Kim Jong-un|PERSON] waited. After the "
        "[Trump-Kim|PERSON] summit, [Kim|PERSON] left.",
    )
    actors = extract_actors(doc)
    assert all("Trump-Kim" not in a.aliases for a in actors)
    assert [m.text for m in named(actors, "Donald Trump").mentions] == ["Donald Trump", "Trump"]
    assert [m.text for m in named(actors, "Kim Jong-un").mentions] == ["Kim Jong-un", "Kim", "Kim"]


def test_retype_hyphenated_pair_typed_organisation_is_split_too(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "[Putin|PERSON] met [Trump|PERSON] at the [Trump-Putin|ORG] summit.")
    actors = extract_actors(doc)
    assert sorted(a.name for a in actors) == ["Putin", "Trump"]
    assert all(a.type == "PERSON" for a in actors)


def test_retype_hyphenated_name_with_an_unknown_half_stays(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "[Trump|PERSON] praised [Smith-Jones|PERSON].")
    assert "Smith-Jones" in {a.name for a in extract_actors(doc)}


def test_retype_double_barrelled_surname_of_a_full_name_stays_one_person(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Alexandria Ocasio-Cortez|PERSON] met [Cortez|PERSON] and [Ocasio|PERSON]. "
        "[Ocasio-Cortez|PERSON] spoke.",
    )
    aoc = named(extract_actors(doc), "Alexandria Ocasio-Cortez")
    assert "Ocasio-Cortez" in aoc.aliases


def test_retype_two_surnames_read_as_one_person_are_the_two_people(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Trump Putin|PERSON] talks\n\n[Donald Trump|PERSON] met [Vladimir Putin|PERSON].",
    )
    actors = extract_actors(doc)
    assert sorted(a.name for a in actors) == ["Donald Trump", "Vladimir Putin"]
    assert len(named(actors, "Donald Trump").mentions) == 2


def test_retype_full_name_whose_first_word_is_no_surname_stays(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "[Donald Trump|PERSON] and [Melania Trump|PERSON] came.")
    assert sorted(a.name for a in extract_actors(doc)) == ["Donald Trump", "Melania Trump"]


def test_retype_a_name_after_a_persons_title_votes_for_a_person(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp, "President [Trump|ORG] spoke. Mr [Trump|ORG] left. [Trump|PERSON] said."
    )
    (trump,) = extract_actors(doc)
    assert trump.type == "PERSON"
    assert len(trump.mentions) == 3
