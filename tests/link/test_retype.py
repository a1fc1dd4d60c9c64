"""Type repair across articles before the merge (hand-built actors)."""

from __future__ import annotations

from onrecord.link.entities import merge_entities
from onrecord.models import Actor, Mention


def _actor(name: str, type_: str, *texts: str) -> Actor:
    key = f"{type_.lower()}:{name.lower().replace(' ', '-')}"
    texts = texts or (name,)
    return Actor(key, name, type_, tuple(dict.fromkeys(texts)), tuple(Mention(0, len(t), t, key) for t in texts))


def _type_of(index, doc: str, key: str) -> str:
    eid = index.entity_of[(doc, key)]
    return next(e.type for e in index.entities if e.id == eid)


def test_retype_surname_of_a_person_named_in_full_typed_organisation_is_that_person() -> None:
    index = merge_entities(
        [
            ("d1", [_actor("Donald Trump", "PERSON", "Donald Trump", "Trump", "Trump")]),
            ("d2", [_actor("Trump", "ORG")]),
            ("d3", [_actor("Donald Trump", "PERSON")]),
        ]
    )
    assert _type_of(index, "d2", "org:trump") == "PERSON"
    assert index.entity_of[("d2", "org:trump")] == index.entity_of[("d1", "person:donald-trump")]


def test_retype_one_full_name_is_not_enough_evidence() -> None:
    index = merge_entities(
        [
            ("d1", [_actor("Bans Infowars", "PERSON", "Bans Infowars", "Infowars")]),
            ("d2", [_actor("Infowars", "PERSON")]),
            ("d3", [_actor("Infowars", "ORG")]),
        ]
    )
    assert _type_of(index, "d3", "org:infowars") == "ORG"


def test_retype_surname_mostly_typed_a_place_stays_a_place() -> None:
    index = merge_entities(
        [
            ("d1", [_actor("George Washington", "PERSON", "George Washington", "George Washington")]),
            ("d2", [_actor("Washington", "GPE", "Washington", "Washington")]),
            ("d3", [_actor("Washington", "GPE")]),
        ]
    )
    assert _type_of(index, "d2", "gpe:washington") == "GPE"


def test_retype_majority_without_a_full_name_changes_nothing() -> None:
    index = merge_entities(
        [
            ("d1", [_actor("Infowars", "PERSON")]),
            ("d2", [_actor("Infowars", "PERSON")]),
            ("d3", [_actor("Infowars", "ORG")]),
        ]
    )
    assert _type_of(index, "d3", "org:infowars") == "ORG"


def test_retype_a_person_stays_a_person() -> None:
    index = merge_entities(
        [
            ("d1", [_actor("Jordan", "GPE"), _actor("Jim Jordan", "PERSON")]),
            ("d2", [_actor("Jordan", "PERSON")]),
            ("d3", [_actor("Jordan", "GPE")]),
        ]
    )
    assert _type_of(index, "d2", "person:jordan") == "PERSON"
    assert _type_of(index, "d3", "gpe:jordan") == "GPE"
