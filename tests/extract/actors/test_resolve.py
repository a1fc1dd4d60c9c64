"""Resolving speaker spans to actors: names, aliases, pronouns, descriptions, state bodies."""

from __future__ import annotations

import pytest

from marked_docs import key_at, marked_doc, name_of
from onrecord.extract.actors import extract_actors, resolve


def test_resolve_name_or_alias_gives_the_actor(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "[Vladimir Putin|PERSON] spoke. Mr Putin said so.")
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "Vladimir Putin")) == "Vladimir Putin"
    assert name_of(actors, key_at(doc, actors, "Mr Putin")) == "Vladimir Putin"


def test_resolve_possessive_description_is_not_the_possessor(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Dmitry Peskov|PERSON], [Putin|PERSON]'s spokesman, spoke. "
        "Later Putin's spokesman said no.",
    )
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "Putin's spokesman", 1)) == "Dmitry Peskov"


def test_resolve_pronoun_prefers_the_subject_of_the_previous_sentence(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Oleg Kozhemyako|PERSON] said it as he welcomed [Kim|PERSON]. “We are glad,” he added.",
    )
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "he", 1)) == "Oleg Kozhemyako"


def test_resolve_she_skips_a_man_known_by_his_honorific(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp, "[Anne Legendre|PERSON] spoke after Mr [Miller|PERSON] said no. She said yes."
    )
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "She")) == "Anne Legendre"


def test_resolve_pronoun_ignores_names_inside_quotation_marks(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp, "[Igor Korotchenko|PERSON] said so. “[Kim|PERSON] is our friend,” he added."
    )
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "he")) == "Igor Korotchenko"


def test_resolve_description_matches_a_role_by_head_and_nationality(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[North Korean|NORP] dictator [Kim Jong-un|PERSON] met President "
        "[Vladimir Putin|PERSON]. [Russian|NORP] military expert [Igor Korotchenko|PERSON] "
        "spoke. The Russian leader said yes. The Russian defence expert said no.",
    )
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "The Russian leader")) == "Vladimir Putin"
    assert (
        name_of(actors, key_at(doc, actors, "The Russian defence expert")) == "Igor Korotchenko"
    )


def test_resolve_description_without_a_role_falls_back_to_the_salient_person(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp, "Mr [Putin|PERSON] said it. Mr Putin added more. The former KGB officer smiled."
    )
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "The former KGB officer")) == "Putin"


def test_resolve_unknown_spans_give_none(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "It rained in [Moscow|GPE]. Analysts said the weather was bad. The committee said no.",
    )
    actors = extract_actors(doc)
    assert key_at(doc, actors, "Analysts") is None
    assert key_at(doc, actors, "The committee") is None
    assert resolve((), doc, 0, 2) is None


def test_resolve_they_takes_a_group_subject_but_not_a_person(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp, "The [Kremlin|ORG] said no. They refused. [Peskov|PERSON] said it. They agreed."
    )
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "They", 0)) == "Kremlin"
    assert key_at(doc, actors, "They", 1) is None


def test_resolve_trailing_name_after_a_title_phrase_is_the_person(blank_nlp) -> None:
    # "Zoltan" is in no given-name list and the blank Doc has no tags: the full name stays unknown
    # to the actor stage, and the trailing name still resolves to the one-word actor.
    doc = marked_doc(blank_nlp, "Mr [Moore|PERSON] spoke. The head of MI6 Zoltan Moore said no.")
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "The head of MI6 Zoltan Moore")) == "Moore"


def test_resolve_indefinite_description_is_unknown(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Anna Petrova|PERSON] spoke at length. An expert in [Oslo|GPE] disagreed. "
        "One of her aides said so.",
    )
    actors = extract_actors(doc)
    assert key_at(doc, actors, "An expert in Oslo") is None
    assert key_at(doc, actors, "One of her aides") is None


def test_resolve_description_is_not_a_person_the_sentence_names_later(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Ivan Sorokin|PERSON] gave a speech. He spoke for an hour.\n\n"
        "The senior naval officer says [Sorokin|PERSON]'s plan is weak.",
    )
    actors = extract_actors(doc)
    assert key_at(doc, actors, "The senior naval officer") is None


def test_resolve_description_salience_stops_at_a_heading(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Ivan Sorokin|PERSON] gave a long speech on the budget.\n\n"
        "Navy chief warns of cuts\n\n"
        "The senior naval officer said the cuts would hurt.",
    )
    actors = extract_actors(doc)
    assert key_at(doc, actors, "The senior naval officer") is None


def test_resolve_title_before_a_possessive_is_not_the_head(blank_nlp) -> None:
    from onrecord.extract.actors.roles import role_head

    assert role_head("President Sorokin's courting of Kim") == "courting"
    assert role_head("Russia's leader of 23 years") == "leader"
    doc = marked_doc(
        blank_nlp,
        "President [Ivan Sorokin|PERSON] met President [Lena Vale|PERSON]. "
        "Analysts say President Sorokin's courting of Vale shows weakness.",
    )
    actors = extract_actors(doc)
    assert key_at(doc, actors, "President Sorokin's courting of Vale") is None


def test_resolve_a_trailing_word_of_a_longer_name_is_not_an_alias(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Kim Jong-un|PERSON] arrived; [Jong-un|PERSON] smiled. "
        "The courting of [Kim Jong-un|PERSON] went on.",
    )
    actors = extract_actors(doc)
    assert key_at(doc, actors, "The courting of Kim Jong-un") is None


def test_resolve_description_does_not_point_forward_to_someone_named_later(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Ivan Sorokin|PERSON] spoke. The Norwegian navy chief said no. "
        "Later [Lena Vale|PERSON], Norway's navy chief, left.",
    )
    actors = extract_actors(doc)
    assert key_at(doc, actors, "The Norwegian navy chief") is None


def test_resolve_a_gpe_outside_the_lexicon_still_gives_a_nationality(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[Lena Vale|PERSON], [Chile|GPE]'s president, met [Ivan Sorokin|PERSON]. "
        "Mr Sorokin spoke. The Russian president said no.",
    )
    actors = extract_actors(doc)
    # Vale is Chile's president, so not the Russian one; Sorokin has no leader role: unknown
    assert key_at(doc, actors, "The Russian president") is None


def test_resolve_a_states_government_body_is_the_state(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "[France|GPE] objected. The [French|NORP] foreign ministry said no. "
        "The ministry said more. A [French|NORP] embassy said yes.",
    )
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "The French foreign ministry")) == "France"
    assert key_at(doc, actors, "The ministry") is None
    assert key_at(doc, actors, "A French embassy") is None


def test_resolve_a_name_after_a_preposition_is_not_the_speaker(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "[Vladimir Putin|PERSON] spoke. A spokesman for Putin said no.")
    actors = extract_actors(doc)
    assert key_at(doc, actors, "A spokesman for Putin") is None


def test_resolve_gendered_description_skips_the_other_gender(blank_nlp) -> None:
    doc = marked_doc(
        blank_nlp,
        "Mrs [Clinton|PERSON] spoke and Mr [Trump|PERSON] answered. The businessman said no.",
    )
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "The businessman")) == "Trump"


@pytest.mark.model
def test_resolve_he_after_an_unnamed_expert_is_unknown(nlp) -> None:
    from onrecord.extract.actors import is_unnamed

    doc = nlp(
        "President Lena Vale of Norway opened the summit on Monday.\n\n"
        "A Danish economist in Oslo told reporters that the summit had failed.\n\n"
        "“It was a waste of time,” he said, asking not to be named."
    )
    actors = extract_actors(doc)
    start = doc.text.index("he said")
    assert resolve(actors, doc, start, start + 2) is None
    assert is_unnamed(actors, doc, start, start + 2)
    expert = doc.text.index("A Danish economist in Oslo")
    assert is_unnamed(actors, doc, expert, expert + len("A Danish economist in Oslo"))


@pytest.mark.model
def test_resolve_he_after_a_described_subject_that_resolves_is_that_person(nlp) -> None:
    doc = nlp(
        "Norwegian navy chief Ivan Sorokin visited the port on Monday.\n\n"
        "The navy chief told reporters that the fleet was ready.\n\n"
        "“We are prepared for anything,” he said."
    )
    actors = extract_actors(doc)
    start = doc.text.index("he said")
    assert name_of(actors, resolve(actors, doc, start, start + 2)) == "Ivan Sorokin"


def test_resolve_the_sheriff_to_the_person_titled_sheriff(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "He won the backing of Sheriff [Joe Arpaio|PERSON] on Tuesday. The sheriff said so.")
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "The sheriff")) == "Joe Arpaio"


def test_resolve_an_organisation_description_to_the_last_one_named_nearby(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "In 2013, [Yahoo|ORG] was hacked, and the company said accounts were hit.")
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "the company")) == "Yahoo"
    doc = marked_doc(blank_nlp, "It followed an article in [The Daily Caller|ORG]. The article said so.")
    actors = extract_actors(doc)
    assert name_of(actors, key_at(doc, actors, "The article")) == "Daily Caller"
    far = "[Yahoo|ORG] was hacked. " + "Nothing else happened then. " * 3 + "The company said so."
    doc = marked_doc(blank_nlp, far)
    actors = extract_actors(doc)
    assert key_at(doc, actors, "The company") is None  # no organisation named in or just before its sentence


def test_resolve_an_organisation_description_with_several_organisations_nearby_to_none(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "[The Journal|ORG] said [AARP|ORG] backs cuts to [Social Security|ORG]. "
                                "According to the paper, the fund runs dry.")
    actors = extract_actors(doc)
    assert key_at(doc, actors, "the paper") is None


def test_a_platform_read_as_a_person_is_an_organisation_and_no_he(blank_nlp) -> None:
    doc = marked_doc(blank_nlp, "[Vicente Fox|PERSON] spoke. A response came from Fox, also on [Twitter|PERSON], "
                                "as he called for an apology.")
    actors = extract_actors(doc)
    assert [a.type for a in actors if a.name == "Twitter"] == ["ORG"]
    assert name_of(actors, key_at(doc, actors, "he")) != "Twitter"
