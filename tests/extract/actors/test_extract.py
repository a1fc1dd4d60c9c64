"""Actors: cleaning, merging within an article, roles, metonyms (hand-built entities, and the
model where marked)."""

from __future__ import annotations

import pytest

from marked_docs import key_at, marked_doc, name_of, named
from onrecord.extract.actors import extract_actors


def test_actors_kim_variants_merge_into_one_actor_named_by_the_full_name(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[North Korea|GPE]'s [Kim|PERSON] arrived. [Kim Jong-un|PERSON] met "
        "officials. [Mr Kim|PERSON] smiled.",
    )
    actors = extract_actors(doc)
    kim = named(actors, "Kim Jong-un")
    assert [m.text for m in kim.mentions] == ["Kim", "Kim Jong-un", "Kim"]
    assert kim.type == "PERSON"
    assert named(actors, "North Korea").type == "GPE"


def test_actors_different_people_sharing_a_surname_stay_apart(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Kim Jong-un|PERSON] and his sister [Kim Yo-jong|PERSON] came. "
        "[Kim Yo-jong|PERSON] spoke.",
    )
    names = sorted(a.name for a in extract_actors(doc))
    assert names == ["Kim Jong-un", "Kim Yo-jong"]


def test_actors_canonical_name_is_the_fullest_form(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Vladimir Putin|PERSON] spoke. [Vladimir V. Putin|PERSON] and [Putin|PERSON] left.",
    )
    (putin,) = extract_actors(doc)
    assert putin.name == "Vladimir V. Putin"
    assert set(putin.aliases) == {"Vladimir Putin", "Vladimir V. Putin", "Putin"}


def test_actors_type_vote_and_known_places_fix_ner_labels(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "[Kyiv|PERSON] hopes. [Donald Trump|PERSON] spoke; [Trump|ORG] left.")
    actors = extract_actors(doc)
    assert named(actors, "Kyiv").type == "GPE"
    assert len(named(actors, "Donald Trump").mentions) == 2


def test_actors_lowercase_entities_are_dropped(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "Then [the west|LOC] reacted and [Russia|GPE] answered.")
    assert [a.name for a in extract_actors(doc)] == ["Russia"]


def test_actors_keys_are_unique_and_mentions_point_back(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "[Russia|GPE] and [Russian|NORP] troops; [Russians|NORP] fled.")
    actors = extract_actors(doc)
    assert len({a.key for a in actors}) == len(actors) == 2
    assert all(m.actor == a.key for a in actors for m in a.mentions)


def test_actors_metonyms_refer_to_their_state_without_merging(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Russia|GPE] said the [Kremlin|ORG] and [Moscow|GPE] agreed, "
        "while [Pyongyang|GPE] and [North Korea|GPE] waited.",
    )
    actors = {a.name: a for a in extract_actors(doc)}
    assert actors["Kremlin"].refers_to == actors["Russia"].key
    assert actors["Moscow"].refers_to == actors["Russia"].key
    assert actors["Pyongyang"].refers_to == actors["North Korea"].key
    assert actors["Russia"].refers_to is None


def test_actors_metonym_missed_by_ner_is_found_and_its_state_added(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "The White House warned [Pyongyang|GPE].")
    actors = {a.name: a for a in extract_actors(doc)}
    assert actors["White House"].refers_to == actors["United States"].key
    assert actors["United States"].mentions == ()


def test_actors_state_variants_share_one_canonical_name(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "The [US|GPE] and the [United States|GPE] and [U.S.|GPE] agree.")
    (us,) = extract_actors(doc)
    assert us.name == "United States" and len(us.mentions) == 3


def test_actors_title_before_the_name_becomes_a_role(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "[Primorye|GPE] region governor [Oleg Kozhemyako|PERSON] said so.")
    roles = [r.text for r in named(extract_actors(doc), "Oleg Kozhemyako").roles]
    assert roles == ["Primorye region governor"]


def test_actors_appositive_after_the_name_becomes_a_role(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "[Dmitry Peskov|PERSON], [Putin|PERSON]'s spokesman, said no.")
    actors = extract_actors(doc)
    (role,) = named(actors, "Dmitry Peskov").roles
    assert role.text == "Putin's spokesman" and doc.text[role.start : role.end] == role.text
    assert named(actors, "Putin").roles == ()


def test_actors_appositive_before_the_name_becomes_a_role(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "The [Kremlin|ORG] spokesman, [Dmitri S. Peskov|PERSON], said no.")
    assert [r.text for r in named(extract_actors(doc), "Dmitri S. Peskov").roles] == [
        "Kremlin spokesman"
    ]


def test_actors_address_forms_are_not_roles_but_titles_are(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "President [Vladimir Putin|PERSON] spoke. Mr [Putin|PERSON] left.")
    assert [r.text for r in named(extract_actors(doc), "Vladimir Putin").roles] == ["President"]


def test_actors_one_word_name_takes_the_full_name_the_text_writes_elsewhere(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "Mr [Harlow|PERSON] spoke. The head of the agency Richard Harlow left.")
    actors = extract_actors(doc)
    harlow = named(actors, "Richard Harlow")
    assert [m.text for m in harlow.mentions] == ["Harlow", "Richard Harlow"]
    assert name_of(actors, key_at(doc, actors, "Mr Harlow")) == "Richard Harlow"


def test_actors_two_full_names_for_one_surname_leave_it_alone(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "Mr [Harlow|PERSON] spoke. Richard Harlow and James Harlow left.")
    assert [a.name for a in extract_actors(doc)] == ["Harlow"]


def test_actors_a_name_after_a_title_is_a_person_even_where_ner_missed_it(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "Archbishop Tobias met the mayor at King Street. Later Archbishop Tobias spoke. "
        "Tobias, a close ally of the mayor, said: “We pray.”",
    )
    actors = extract_actors(doc)
    tobias = named(actors, "Tobias")
    assert tobias.type == "PERSON" and len(tobias.mentions) == 3
    assert not any(a.name.endswith("Street") and a.type == "PERSON" for a in actors)
    assert name_of(actors, key_at(doc, actors, "Tobias, a close ally of the mayor")) == "Tobias"


def test_actors_one_word_name_tagged_once_without_a_title_is_not_repeated(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "[Brill|PERSON] said no. Brill left. Brill Street is long.")
    (brill,) = extract_actors(doc)
    assert len(brill.mentions) == 1


def test_actors_one_word_name_tagged_twice_is_found_where_ner_missed_it(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Tobias|PERSON] spoke. [Tobias|PERSON] left. Tobias, the cleric, came back. "
        "Tobias Green is someone else.",
    )
    (tobias,) = [a for a in extract_actors(doc) if a.name == "Tobias"]
    assert [doc.text[m.start : m.end] for m in tobias.mentions] == ["Tobias"] * 3
    assert tobias.mentions[-1].start == doc.text.index("Tobias, the cleric")


def test_actors_mrs_before_a_surname_does_not_join_a_man_of_that_name(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Bill Clinton|PERSON] and [Hillary Clinton|PERSON] came. "
        "Later Mrs [Clinton|PERSON] spoke.",
    )
    hillary = named(extract_actors(doc), "Hillary Clinton")
    assert [m.text for m in hillary.mentions] == ["Hillary Clinton", "Clinton"]


@pytest.mark.model
def test_actors_model_merges_names_and_reads_roles(nlp) -> None:
    doc = nlp(
        "Russian military expert Igor Korotchenko appeared on state television on Sunday. "
        "Mr Korotchenko said Moscow should accept the offer. "
        "The Russian defence expert said the troops were resilient."
    )
    actors = extract_actors(doc)
    igor = named(actors, "Igor Korotchenko")
    assert len(igor.mentions) == 2
    assert [r.text for r in igor.roles] == ["Russian military expert"]
    assert (
        name_of(actors, key_at(doc, actors, "The Russian defence expert")) == "Igor Korotchenko"
    )
    assert named(actors, "Moscow").refers_to is not None


@pytest.mark.model
def test_actors_model_resolves_he_to_the_governor_across_paragraphs(nlp) -> None:
    doc = nlp(
        "“The visit will deepen our ties,” regional governor Pavel Sokolov said beside "
        "minister Anton Belov as they greeted Mr Kim at the station.\n\n"
        "“This is a historic day for the region,” he added."
    )
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "he")) == "Pavel Sokolov"
