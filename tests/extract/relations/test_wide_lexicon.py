"""The wider cue table (data/relation_cues.txt): it loads, the core lexicon wins where both hold a
lemma, and no status-setting or light verb becomes a cue."""

from __future__ import annotations

from onrecord.extract.relations import cues


def test_the_wide_table_adds_cues_and_keeps_the_core():
    verbs, nouns, particles, infinitive = cues.wide_lexicon()
    assert verbs and nouns and particles
    assert cues.VERBS["stigmatize"].type == "ACCUSE" and cues.NOUNS["armistice"].type == "AGREE"
    assert cues.VERBS["attack"].type == "ASSAULT"  # the core's reading
    assert "convince" in cues.NEEDS_INFINITIVE and cues.PARTICLES[("walk", "out")].type == "PROTEST"
    assert not set(verbs) & (cues.REPORTING | cues.DENIAL | cues.PLANNING | cues.LIGHT_VERBS)
    assert all(cue.type in cues.QUAD for cue in [*verbs.values(), *nouns.values(), *particles.values()])
