"""Lexicon words written from PLOVER's type definitions (not from gold sentences), on hand-parsed
Docs: a verb of verbal conflict ("knocked"), a request that asks only through an infinitive
("challenged ... to"), support only "for" someone ("campaigned for"), messages exchanged, and verb +
particle cues ("voted down", "stood up for")."""

from __future__ import annotations

import spacy

from marked_docs import parsed_relations

NLP = spacy.blank("en")
_TWO = ((0, 1, "PERSON"), (2, 3, "PERSON"))


def _relations(rows, ents=_TWO):
    return parsed_relations(NLP.vocab, rows, ents)


# "Ruddy knocked Priebus."
KNOCK = """
Ruddy PROPN nsubj 1 Ruddy
knocked VERB ROOT 1 knock
Priebus~ PROPN dobj 1 Priebus
. PUNCT punct 1
"""


def test_knocking_someone_accuses_them():
    assert _relations(KNOCK) == [("ACCUSE", None, "Ruddy", "Priebus", "reported")]


# "Sanders challenged Clinton to debate."
CHALLENGE = """
Sanders PROPN nsubj 1 Sanders
challenged VERB ROOT 1 challenge
Clinton PROPN dobj 1 Clinton
to PART aux 4
debate VERB xcomp 1
. PUNCT punct 1
"""


def test_challenging_someone_to_do_something_asks_it_and_a_bare_challenge_does_not():
    assert _relations(CHALLENGE, ((0, 1, "PERSON"), (2, 3, "PERSON"))) == [
        ("REQUEST", None, "Sanders", "Clinton", "reported")]
    bare = CHALLENGE.replace("to PART aux 4\n", "").replace("debate VERB xcomp 1", "again ADV advmod 1")
    assert _relations(bare, ((0, 1, "PERSON"), (2, 3, "PERSON"))) == []


# "Palin campaigned for McCain."
CAMPAIGN = """
Palin PROPN nsubj 1 Palin
campaigned VERB ROOT 1 campaign
for ADP prep 1
McCain~ PROPN pobj 2 McCain
. PUNCT punct 1
"""


def test_campaigning_for_someone_supports_them_and_against_them_does_not():
    ents = ((0, 1, "PERSON"), (3, 4, "PERSON"))
    assert _relations(CAMPAIGN, ents) == [("SUPPORT", None, "Palin", "McCain", "reported")]
    assert _relations(CAMPAIGN.replace("for ADP prep 1", "against ADP prep 1"), ents) == []


# "Trump Jr. messaged with WikiLeaks."
MESSAGE = """
Junior PROPN nsubj 1 Junior
messaged VERB ROOT 1 message
with ADP prep 1
WikiLeaks~ PROPN pobj 2 WikiLeaks
. PUNCT punct 1
"""


def test_messaging_with_someone_is_contact_either_way():
    assert _relations(MESSAGE, ((0, 1, "PERSON"), (3, 4, "ORG"))) == [
        ("CONSULT", None, "Junior", "WikiLeaks", "reported")]


# "Republicans voted down Obama's plan." / "Graham stood up for Kavanaugh."
VOTE_DOWN = """
Republicans PROPN nsubj 1 Republicans
voted VERB ROOT 1 vote
down ADP prt 1
Obama PROPN poss 5 Obama
's PART case 3
plan NOUN dobj 1
. PUNCT punct 1
"""
STAND_UP = """
Graham PROPN nsubj 1 Graham
stood VERB ROOT 1 stand
up ADP prt 1
for ADP prep 1
Kavanaugh~ PROPN pobj 3 Kavanaugh
. PUNCT punct 1
"""


def test_voting_down_rejects_and_standing_up_for_supports():
    assert _relations(VOTE_DOWN, ((0, 1, "NORP"), (3, 4, "PERSON"))) == [
        ("REJECT", None, "Republicans", "Obama", "reported")]
    assert _relations(STAND_UP, ((0, 1, "PERSON"), (4, 5, "PERSON"))) == [
        ("SUPPORT", None, "Graham", "Kavanaugh", "reported")]
    to_someone = STAND_UP.replace("for ADP prep 1", "to ADP prep 1")  # "stood up to": no support
    assert _relations(to_someone, ((0, 1, "PERSON"), (4, 5, "PERSON"))) == []
