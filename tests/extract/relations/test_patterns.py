"""Relation patterns on hand-parsed Docs: active, passive, claimant, denial, nominal event."""

from __future__ import annotations

import spacy

from marked_docs import parsed_doc
from onrecord.extract.actors import extract_actors
from onrecord.extract.relations import QUAD, TYPES, extract_relations
from onrecord.models import Quote

NLP = spacy.blank("en")

# "Russia supplied shells to Iran ."
ACTIVE = """
Russia PROPN nsubj 1
supplied VERB ROOT 1 supply
shells NOUN dobj 1 shell
to ADP prep 1
Iran~ PROPN pobj 3
. PUNCT punct 1
"""

# "Shells were supplied by Iran to Russia ."
PASSIVE = """
Shells NOUN nsubjpass 2 shell
were AUX auxpass 2 be
supplied VERB ROOT 2 supply
by ADP agent 2
Iran PROPN pobj 3
to ADP prep 2
Russia~ PROPN pobj 5
. PUNCT punct 2
"""

# "Officials said Iran supplied shells to Russia ."
CLAIMED = """
Officials NOUN nsubj 1 official
said VERB ROOT 1 say
Iran PROPN nsubj 3
supplied VERB ccomp 1 supply
shells NOUN dobj 3 shell
to ADP prep 3
Russia~ PROPN pobj 5
. PUNCT punct 1
"""

# "Iran denied supplying shells to Russia ."
DENIED = """
Iran PROPN nsubj 1
denied VERB ROOT 1 deny
supplying VERB xcomp 1 supply
shells NOUN dobj 2 shell
to ADP prep 2
Russia~ PROPN pobj 4
. PUNCT punct 1
"""

# "The summit between Putin and Kim ended ."
SUMMIT = """
The DET det 1
summit NOUN nsubj 6
between ADP prep 1
Putin PROPN pobj 2
and CCONJ cc 3
Kim PROPN conj 3
ended~ VERB ROOT 6 end
. PUNCT punct 6
"""

# "Putin will visit Iran ."
PLANNED = """
Putin PROPN nsubj 2
will AUX aux 2
visit VERB ROOT 2
Iran~ PROPN dobj 2
. PUNCT punct 2
"""


def _relations(rows, ents, quotes=()):
    doc = parsed_doc(NLP.vocab, rows, ents)
    actors = extract_actors(doc)
    names = {a.key: a.name for a in actors}
    rels = extract_relations(doc, actors, (), quotes, "2024-10-01")
    return [(r.type, names.get(r.source_key), names.get(r.target_key), r.status, r) for r in rels]


def test_sixteen_types_in_four_quads():
    assert len(TYPES) == 16 and set(QUAD.values()) == {
        "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}


def test_active_with_prepositional_target():
    [(type_, source, target, status, rel)] = _relations(ACTIVE, ((0, 1, "GPE"), (4, 5, "GPE")))
    assert (type_, source, target, status) == ("AID", "Russia", "Iran", "reported")
    assert rel.mode == "military" and rel.date == "2024-10-01" and rel.date_source == "published"
    assert rel.cue == "supplied" and rel.text.startswith("Russia supplied")


def test_passive_agent_is_source():
    [(type_, source, target, _, _)] = _relations(PASSIVE, ((4, 5, "GPE"), (6, 7, "GPE")))
    assert (type_, source, target) == ("AID", "Iran", "Russia")


def test_reporting_verb_makes_it_alleged():
    [(_, source, target, status, _)] = _relations(CLAIMED, ((2, 3, "GPE"), (6, 7, "GPE")))
    assert (source, target, status) == ("Iran", "Russia", "alleged")


def test_quote_speaker_is_claimant():
    quote = Quote(10, 40, "", "indirect", "said", None, "k", "Officials")
    rels = _relations(CLAIMED, ((2, 3, "GPE"), (6, 7, "GPE")), (quote,))
    assert rels[0][3] == "alleged" and rels[0][4].claimant_name == "Officials"


def test_denial_verb():
    [(_, source, target, status, rel)] = _relations(DENIED, ((0, 1, "GPE"), (5, 6, "GPE")))
    assert (source, target, status) == ("Iran", "Russia", "denied")
    assert rel.claimant_name == "Iran"


def test_nominal_event_between():
    [(type_, source, target, _, rel)] = _relations(SUMMIT, ((3, 4, "PERSON"), (5, 6, "PERSON")))
    assert (type_, source, target, rel.mode) == ("CONSULT", "Putin", "Kim", "meet")


def test_future_is_planned():
    [(type_, source, target, status, rel)] = _relations(PLANNED, ((0, 1, "PERSON"), (3, 4, "GPE")))
    assert (type_, source, target, status, rel.mode) == ("CONSULT", "Putin", "Iran", "planned", "visit")
