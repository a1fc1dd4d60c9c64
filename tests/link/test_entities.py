"""Cross-article entities: blocking by surname, name variants, metonym links, the user's corrections."""

from __future__ import annotations

import pytest

from onrecord.corrections import Corrections, validate
from onrecord.link.entities import entity_id, merge_entities
from onrecord.link.records import EntityRole
from onrecord.models import Actor, Mention, Role


def _actor(
    name: str,
    type_: str = "PERSON",
    aliases: tuple[str, ...] = (),
    key: str | None = None,
    roles: tuple[Role, ...] = (),
    refers_to: str | None = None,
) -> Actor:
    key = key or f"{type_.lower()}:{name.lower().replace(' ', '-')}"
    names = (name, *aliases)
    return Actor(
        key, name, type_, names, tuple(Mention(0, len(n), n, key) for n in names), roles, refers_to
    )


def _corr(*ops: dict) -> Corrections:
    return Corrections(tuple(validate(op) for op in ops))


def _entity_names(index) -> list[str]:
    return sorted(e.name for e in index.entities)


def test_entities_putin_variants_across_articles_merge_into_one() -> None:
    index = merge_entities(
        [
            ("d1", [_actor("Vladimir V. Putin", aliases=("Putin",))]),
            ("d2", [_actor("Vladimir Putin", aliases=("Putin",))]),
            ("d3", [_actor("Putin")]),
        ]
    )
    (putin,) = index.entities
    assert putin.name == "Vladimir Putin"  # no initials when equally full
    assert {"Vladimir V. Putin", "Putin"} <= set(putin.aliases)
    assert putin.members == (
        ("d1", "person:vladimir-v.-putin"),
        ("d2", "person:vladimir-putin"),
        ("d3", "person:putin"),
    )


def test_entities_korean_names_merge_across_hyphenation_and_by_family_name() -> None:
    index = merge_entities(
        [
            ("d1", [_actor("Kim Jong-un", aliases=("Kim",))]),
            ("d2", [_actor("Kim Jong Un")]),
            ("d3", [_actor("Kim")]),
        ]
    )
    assert _entity_names(index) == ["Kim Jong-un"]


def test_entities_transliterated_given_names_merge() -> None:
    index = merge_entities(
        [("d1", [_actor("Dmitri S. Peskov")]), ("d2", [_actor("Dmitry Peskov")])]
    )
    assert len(index.entities) == 1


def test_entities_different_people_sharing_a_surname_stay_apart() -> None:
    index = merge_entities(
        [
            ("d1", [_actor("Kim Jong-un", aliases=("Kim",))]),
            ("d2", [_actor("Kim Yo-jong", aliases=("Kim",))]),
            ("d3", [_actor("Kim")]),
        ]
    )
    assert _entity_names(index) == ["Kim", "Kim Jong-un", "Kim Yo-jong"]


def test_entities_an_initial_matching_two_people_joins_neither() -> None:
    index = merge_entities(
        [
            ("d1", [_actor("Vladimir Putin")]),
            ("d2", [_actor("Viktor Putin")]),
            ("d3", [_actor("V. Putin")]),
        ]
    )
    assert _entity_names(index) == ["V. Putin", "Viktor Putin", "Vladimir Putin"]


def test_entities_places_merge_by_name_and_keep_metonym_links() -> None:
    index = merge_entities(
        [
            ("d1", [_actor("Russia", "GPE"), _actor("Kremlin", "ORG", refers_to="gpe:russia")]),
            ("d2", [_actor("Russia", "GPE"), _actor("Kremlin", "FAC", refers_to="gpe:russia")]),
        ]
    )
    russia = index.of("d1", "gpe:russia")
    kremlin = index.of("d2", "fac:kremlin")
    assert kremlin.refers_to == russia.id != kremlin.id
    assert len(index.entities) == 2


def test_entities_a_person_and_a_place_of_the_same_name_stay_apart() -> None:
    index = merge_entities([("d1", [_actor("Georgia", "GPE")]), ("d2", [_actor("Georgia")])])
    assert len(index.entities) == 2


def test_entities_roles_carry_their_document_and_offsets() -> None:
    role = Role("Putin's spokesman", 10, 27)
    index = merge_entities(
        [("d1", [_actor("Dmitry Peskov", roles=(role,))]), ("d2", [_actor("Peskov")])]
    )
    (peskov,) = index.entities
    assert peskov.roles == (EntityRole("Putin's spokesman", "d1", 10, 27),)


def test_entities_ids_are_stable_and_derived_from_type_and_name() -> None:
    one = merge_entities([("d1", [_actor("Sergei Shoigu")])])
    two = merge_entities([("d9", [_actor("Sergei Shoigu")]), ("d8", [_actor("Rishi Sunak")])])
    assert (
        one.entities[0].id
        == two.of("d9", "person:sergei-shoigu").id
        == entity_id("PERSON", "Sergei Shoigu")
    )


def test_entities_blocking_keeps_a_large_corpus_fast() -> None:
    import time

    per_doc = [
        (f"d{i}", [_actor(f"Person{i % 500} Surname{i % 700}"), _actor("Vladimir Putin")])
        for i in range(3000)
    ]
    t0 = time.perf_counter()
    index = merge_entities(per_doc)
    assert time.perf_counter() - t0 < 5
    assert len(index.of("d1", "person:vladimir-putin").members) == 3000


# --- corrections ------------------------------------------------------------------------------


def _two_smiths() -> list:
    return [
        ("d1", [_actor("John Smith")]),
        ("d2", [_actor("John Smith")]),
        ("d3", [_actor("J. Smith", key="person:j-smith")]),
    ]


def test_entities_correction_merge_joins_named_entities() -> None:
    per_doc = [("d1", [_actor("Vladimir Putin")]), ("d2", [_actor("Putin Vladimir")])]
    assert len(merge_entities(per_doc).entities) == 2
    index = merge_entities(
        per_doc, _corr({"op": "merge", "names": ["Vladimir Putin", "Putin Vladimir"]})
    )
    (putin,) = index.entities
    assert index.entity_of[("d2", "person:putin-vladimir")] == putin.id


def test_entities_correction_split_moves_documents_to_a_new_entity() -> None:
    index = merge_entities(
        _two_smiths(), _corr({"op": "split", "name": "John Smith", "docs": ["d2"]})
    )
    assert len(index.entities) == 2
    assert (
        index.entity_of[("d1", "person:john-smith")] != index.entity_of[("d2", "person:john-smith")]
    )
    assert index.entity_of[("d1", "person:john-smith")] == index.entity_of[("d3", "person:j-smith")]


def test_entities_correction_split_by_alias() -> None:
    index = merge_entities(
        _two_smiths(), _corr({"op": "split", "name": "John Smith", "alias": "J. Smith"})
    )
    assert index.of("d3", "person:j-smith").name == "J. Smith"
    assert index.of("d1", "person:john-smith").members == (
        ("d1", "person:john-smith"),
        ("d2", "person:john-smith"),
    )


def test_entities_correction_rename_keeps_the_id() -> None:
    before = merge_entities([("d1", [_actor("Kim")])]).entities[0]
    after = merge_entities(
        [("d1", [_actor("Kim")])], _corr({"op": "rename", "name": "Kim", "to": "Kim Jong-un"})
    )
    assert after.entities[0].name == "Kim Jong-un" and after.entities[0].id == before.id


def test_entities_correction_ignore_drops_the_entity_and_its_lookups() -> None:
    per_doc = [("d1", [_actor("Video Icon", "ORG"), _actor("Russia", "GPE")])]
    index = merge_entities(per_doc, _corr({"op": "ignore", "name": "Video Icon"}))
    assert _entity_names(index) == ["Russia"]
    assert index.of("d1", "org:video-icon") is None


def test_entities_corrections_apply_in_order_and_unknown_names_change_nothing() -> None:
    ops = _corr(
        {"op": "rename", "name": "Nobody", "to": "X"},
        {"op": "split", "name": "John Smith", "docs": ["d2"]},
        {"op": "merge", "names": ["J. Smith", "Nobody Else"]},
        {"op": "wrong", "item": "q-1"},
    )
    index = merge_entities(_two_smiths(), ops)
    assert len(index.entities) == 2


@pytest.mark.model
@pytest.mark.datasets
def test_entities_seeds_merge_putin_peskov_and_kim_across_outlets(seeds, nlp) -> None:
    from onrecord.extract.actors import extract_actors

    per_doc = []
    for path in sorted(seeds.glob("*.txt")):
        per_doc.append((path.name[:3], extract_actors(nlp(path.read_text(encoding="utf-8")))))
    index = merge_entities(per_doc)
    by_name = {e.name: e for e in index.entities}
    putin = by_name["Vladimir Putin"]
    assert {d for d, _ in putin.members} == {"000", "001", "002", "003", "004"}
    assert {d for d, _ in by_name["Dmitry Peskov"].members} == {"002", "003"}
    assert "Dmitri S. Peskov" in by_name["Dmitry Peskov"].aliases
    assert "Kim Jong-il" in by_name and "Kim Jong-un" in by_name
    assert by_name["Pyongyang"].refers_to == by_name["North Korea"].id


def test_entities_count_their_documents_and_mentions() -> None:
    index = merge_entities(
        [
            ("d1", [_actor("Dmitry Peskov", aliases=("Peskov",))]),
            ("d2", [_actor("Peskov")]),
            ("d3", [_actor("Peskov", key="p2")]),
        ]
    )
    (peskov,) = index.entities
    assert peskov.doc_count == 3 and peskov.mention_count == 4
    assert index.get(peskov.id) is peskov and index.of("d3", "p2") is peskov
    assert index.of("d3", "nobody") is None
