"""Implausible entities are set aside and name variants merged, each with a reason the user can
read and reverse (``keep``; ``split`` by alias)."""

from __future__ import annotations

from onrecord.corrections import Corrections, validate
from onrecord.link.entities import merge_entities
from onrecord.link.plausible import NameStats, Variants, set_aside_reason
from onrecord.models import Actor, Mention


def _actor(name: str, type_: str = "PERSON", mentions: int = 1) -> Actor:
    key = f"{type_.lower()}:{name.lower().replace(' ', '-')}"
    return Actor(key, name, type_, (name,), tuple(Mention(0, len(name), name, key) for _ in range(mentions)))


def _corr(*ops: dict) -> Corrections:
    return Corrections(tuple(validate(op) for op in ops))


KNOWN = frozenset({"putin", "kim", "vladimir putin", "kim jong-un"})


def test_headline_fragments_and_glued_names_are_set_aside() -> None:
    assert set_aside_reason("Inside Kim", "PERSON", KNOWN) == "a headline fragment (“Inside …”)"
    assert set_aside_reason("Putin-Kim", "PERSON", KNOWN) == "two actors' names joined (Putin, Kim)"
    assert set_aside_reason("Rotten US", "PERSON", KNOWN) == "a person's name with a state's name in it"
    assert set_aside_reason("NATIONALITY".title(), "NATIONALITY", KNOWN).startswith("a nationality adjective")
    assert set_aside_reason("Kazakh", "ORG", KNOWN) == "a nationality adjective"


def test_plausible_names_are_not_set_aside() -> None:
    for name, type_ in [("Kim Jong-un", "PERSON"), ("Jean-Claude Juncker", "PERSON"), ("Russians", "NORP"),
                        ("Kremlin", "ORG"), ("US", "GPE"), ("Michael Jordan", "PERSON"), ("Ban Ki-moon", "PERSON")]:
        assert set_aside_reason(name, type_, KNOWN) is None, name


def test_variants_join_the_one_entity_they_name() -> None:
    stats = [NameStats("Orthodox Church", "ORG", 1), NameStats("Russian Orthodox Church", "ORG", 4),
             NameStats("WPK", "ORG", 1), NameStats("Workers' Party of Korea", "ORG", 2),
             NameStats("Pyongynang", "PERSON", 1), NameStats("Pyongyang", "GPE", 10),
             NameStats("Khasan", "ORG", 2), NameStats("Khasan", "GPE", 1),
             NameStats("Georgian", "NORP", 1), NameStats("Georgia", "GPE", 9)]
    v = Variants(stats)
    assert v.variant_of(0) == (1, "the name of {} without its nationality")
    assert v.variant_of(2) == (3, "the initials of {}")
    assert v.variant_of(4) == (5, "a misspelling of {}")
    assert v.variant_of(6) == (7, "the name of the place {}, typed an organisation here")
    assert v.variant_of(8) is None  # an inflection, not a typo
    assert v.variant_of(1) is None and v.variant_of(5) is None


def test_inflections_other_endings_groups_and_two_letter_acronyms_are_not_variants() -> None:
    v = Variants([NameStats("Germans", "GPE", 1), NameStats("Germany", "GPE", 9),
                  NameStats("Politics", "ORG", 1), NameStats("Politico", "ORG", 9),
                  NameStats("Hondurans", "NORP", 1), NameStats("Honduras", "GPE", 9),
                  NameStats("AG", "ORG", 1), NameStats("American Greatness", "ORG", 3)])
    assert [v.variant_of(i) for i in (0, 2, 4, 6)] == [None] * 4


def test_a_misspelling_needs_a_much_more_frequent_name_and_one_candidate() -> None:
    v = Variants([NameStats("Pyongynang", "PERSON", 2), NameStats("Pyongyang", "GPE", 3)])
    assert v.variant_of(0) is None
    v = Variants([NameStats("Kalinin", "PERSON", 1), NameStats("Kalonin", "PERSON", 5), NameStats("Kalynin", "PERSON", 5)])
    assert v.variant_of(0) is None


def test_merge_records_the_reason_and_split_by_alias_undoes_it() -> None:
    per_doc = [("d1", [_actor("Russian Orthodox Church", "ORG", 3)]), ("d2", [_actor("Orthodox Church", "ORG")])]
    (church,) = merge_entities(per_doc).entities
    assert church.name == "Russian Orthodox Church"
    assert [(m.name, m.reason) for m in church.merged] == [
        ("Orthodox Church", "the name of Russian Orthodox Church without its nationality")]
    undone = merge_entities(per_doc, _corr({"op": "split", "name": "Russian Orthodox Church",
                                            "alias": "Orthodox Church"}))
    assert sorted(e.name for e in undone.entities) == ["Orthodox Church", "Russian Orthodox Church"]
    assert all(not e.merged for e in undone.entities)


def test_set_aside_entities_keep_their_lookups_and_keep_lists_them_again() -> None:
    per_doc = [("d1", [_actor("Inside Kim"), _actor("Kim Jong-un", mentions=3)])]
    index = merge_entities(per_doc)
    aside = index.of("d1", "person:inside-kim")
    assert aside is not None and aside.set_aside == "a headline fragment (“Inside …”)"
    assert index.of("d1", "person:kim-jong-un").set_aside is None
    kept = merge_entities(per_doc, _corr({"op": "keep", "name": "Inside Kim"}))
    assert kept.of("d1", "person:inside-kim").set_aside is None


def test_keep_is_validated_like_the_other_entity_ops() -> None:
    op = validate({"op": "keep", "name": "Air Koryo", "note": "the airline speaks"})
    assert (op.op, op.name, op.note) == ("keep", "Air Koryo", "the airline speaks")
