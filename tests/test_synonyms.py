"""The counted nouns' synonyms, shared by the link pass and the searches."""

from __future__ import annotations

from onrecord.link.measure import HEAD_OF
from onrecord.synonyms import alternatives, fts_query, phrase_variants, same_as


def test_troops_soldiers_servicemen_personnel_are_one_word_for_search_and_for_measures() -> None:
    alts = alternatives("troops")
    assert alts[0] == "troops" and {"soldiers", "soldier", "servicemen", "personnel"} <= set(alts)
    assert alternatives("Soldiers")[0] == "soldiers" and alternatives("tanks") == ("tanks",)
    assert HEAD_OF["troop"] == HEAD_OF["soldier"] == HEAD_OF["personnel"]  # the link pass reads the same sets
    assert same_as("troops")[:2] == ["soldiers", "servicemen"] and "troops" not in same_as("troops")


def test_fts_query_ors_each_synonym_word_and_leaves_fts_syntax_alone() -> None:
    q = fts_query("troops sent")
    assert q.startswith("(troops OR soldiers OR ") and q.endswith(") sent")
    for written in ('"troops sent"', "troops OR tanks", "troop*", "text:troops", "NOT troops"):
        assert fts_query(written) == written


def test_phrase_variants_replace_the_first_synonym_word() -> None:
    variants = phrase_variants("North Korean troops")
    assert variants[0] == "North Korean troops" and "North Korean soldiers" in variants
    assert phrase_variants("tanks") == ["tanks"]
