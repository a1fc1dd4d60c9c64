"""Relation parties named by the tagger's entities: a name keeps itself beside its apposition, a
name the parse splits ("the Department of Defense") resolves whole."""

from __future__ import annotations

import spacy

from marked_docs import parsed_doc, parsed_relations
from onrecord.extract.relations.anaphora import apposed_name

NLP = spacy.blank("en")


def _relations(rows, ents):
    return [(t, s, g) for t, _, s, g, _ in parsed_relations(NLP.vocab, rows, ents)]


# "Clinton met with Senator Risch ( Idaho ) ."
APPOSED = """
Clinton PROPN nsubj 1
met VERB ROOT 1 meet
with ADP prep 1
Senator PROPN compound 4
Risch PROPN pobj 2
( PUNCT punct 4
Idaho PROPN appos 4
) PUNCT punct 4
. PUNCT punct 1
"""
_APPOSED_ENTS = ((0, 1, "PERSON"), (4, 5, "PERSON"), (6, 7, "GPE"))


def test_a_name_keeps_itself_beside_its_apposition():
    assert _relations(APPOSED, _APPOSED_ENTS) == [("CONSULT", "Clinton", "Risch")]


# "The Department of Defense flew a jet to Korea ."
SPLIT = """
The DET det 1
Department PROPN nsubj 4
of ADP prep 1
Defense PROPN pobj 2
flew VERB ROOT 4 fly
a DET det 6
jet NOUN dobj 4
to ADP prep 4
Korea PROPN pobj 7
. PUNCT punct 4
"""


def test_a_name_the_parse_splits_is_its_whole_entity():
    ents = ((1, 4, "ORG"), (8, 9, "GPE"))
    assert _relations(SPLIT, ents) == [("CONSULT", "Department of Defense", "Korea")]


# "His Democratic rivals blamed Trump ."
RIVALS = """
His PRON poss 2 his
Democratic ADJ amod 2 democratic
rivals NOUN nsubj 3 rival
blamed VERB ROOT 3 blame
Trump PROPN dobj 3
. PUNCT punct 3
"""


def test_a_party_adjective_on_a_group_of_people_is_the_party():
    rels = _relations(RIVALS, ((1, 2, "NORP"), (4, 5, "PERSON")))
    assert rels == [("ACCUSE", "Democratic", "Trump")]
    voters = RIVALS.replace("rivals NOUN nsubj 3 rival", "voters NOUN nsubj 3 voter")
    assert _relations(voters, ((1, 2, "NORP"), (4, 5, "PERSON"))) == []  # voters are no party's actor


# "Retaliating for sanctions placed on it by the West , Russia banned imports ."
RETALIATING = """
Retaliating VERB advcl 11 retaliate
for ADP prep 0
sanctions NOUN pobj 1 sanction
placed VERB acl 2 place
on ADP prep 3
it PRON pobj 4
by ADP agent 3
the DET det 8
West PROPN pobj 6
, PUNCT punct 11
Russia PROPN nsubj 11
banned VERB ROOT 11 ban
imports NOUN dobj 11 import
. PUNCT punct 11
"""


def test_a_pronoun_in_an_opening_clause_without_subject_is_the_main_subject():
    ents = ((8, 9, "LOC"), (10, 11, "GPE"))
    assert _relations(RETALIATING, ents) == [("SANCTION", "West", "Russia")]


# "Clapper spoke . The commander of the Bureau , Kim , attacked Sony ."
COMMANDER = """
Clapper PROPN nsubj 1
spoke VERB ROOT 1 speak
. PUNCT punct 1
The DET det 4
commander NOUN nsubj 11
of ADP prep 4
the DET det 7
Bureau PROPN pobj 5
, PUNCT punct 7
Kim PROPN appos 7
, PUNCT punct 7
attacked VERB ROOT 11 attack
Sony PROPN dobj 11
. PUNCT punct 11
"""


def test_a_person_apposed_to_a_nouns_of_phrase_is_the_noun():
    ents = ((0, 1, "PERSON"), (7, 8, "ORG"), (9, 10, "PERSON"), (12, 13, "ORG"))
    assert _relations(COMMANDER, ents) == [("ASSAULT", "Kim", "Sony")]
    doc = parsed_doc(NLP.vocab, COMMANDER, ents)
    assert apposed_name(doc[4]).text == "Kim"  # the parse hung "Kim" on "the Bureau"
    unnamed = parsed_doc(NLP.vocab, COMMANDER, ents[:2] + ((9, 10, "ORG"),) + ents[3:])
    assert apposed_name(unnamed[4]) is None  # an organisation apposed to the bureau names no commander


# "CBN News 's Brody spoke . Clinton blamed him ."
REPORTER = """
CBN PROPN compound 1
News~ PROPN poss 3
's PART case 1
Brody PROPN nsubj 4
spoke VERB ROOT 4 speak
. PUNCT punct 4
Clinton PROPN nsubj 7
blamed VERB ROOT 7 blame
him PRON dobj 7 he
. PUNCT punct 7
"""


def test_an_outlets_reporter_is_no_one_a_pronoun_stands_for():
    assert _relations(REPORTER, ((0, 2, "ORG"), (3, 4, "PERSON"), (6, 7, "PERSON"))) == []  # not Brody
    assert _relations(REPORTER, ((3, 4, "PERSON"), (6, 7, "PERSON"))) == [("ACCUSE", "Clinton", "Brody")]
