"""Parse repairs and indirect sides on hand-parsed Docs: a dateline parsed as a second subject, a
cue verb parsed as a modifier between two names, an infinitive parsed as an adverbial clause, a
refusal to allow someone, a quoted name after "called", a writing acting for its author."""

from __future__ import annotations

import spacy

from marked_docs import parsed_relations

NLP = spacy.blank("en")


def _relations(rows, ents):
    return parsed_relations(NLP.vocab, rows, ents)


# "DES MOINES – Clinton urged Obama to listen."
DATELINE = """
DES PROPN compound 1
MOINES PROPN nsubj 4
– PUNCT punct 1
Clinton PROPN nsubj 4
urged VERB ROOT 4 urge
Obama PROPN dobj 4
to PART aux 7
listen~ VERB xcomp 4 listen
. PUNCT punct 4
"""


def test_a_dateline_parsed_as_a_subject_is_not_the_doer():
    ents = ((0, 2, "GPE"), (3, 4, "PERSON"), (5, 6, "PERSON"))
    assert _relations(DATELINE, ents) == [("REQUEST", None, "Clinton", "Obama", "reported")]


# "President Trump assailed Democrats." (no verb in the parse: "assailed" an amod of the root)
ASSAILED = """
President PROPN compound 1
Trump PROPN compound 3
assailed VERB amod 3 assail
Democrats~ PROPN ROOT 3
. PUNCT punct 3
"""


def test_a_cue_parsed_as_a_modifier_between_two_names():
    ents = ((1, 2, "PERSON"), (3, 4, "NORP"))
    assert _relations(ASSAILED, ents) == [("ACCUSE", None, "Trump", "Democrats", "reported")]


# "Clinton encouraged Obama on Sunday to listen." (the infinitive parsed as an adverbial clause)
ENCOURAGED = """
Clinton PROPN nsubj 1
encouraged VERB ROOT 1 encourage
Obama PROPN dobj 1
on ADP prep 1
Sunday PROPN pobj 3
to PART aux 6
listen~ VERB advcl 1 listen
. PUNCT punct 1
"""


def test_encourage_asks_through_an_infinitive_parsed_as_an_adverbial_clause():
    ents = ((0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "DATE"))
    assert _relations(ENCOURAGED, ents) == [("REQUEST", None, "Clinton", "Obama", "reported")]
    purpose = ENCOURAGED.replace("Obama PROPN dobj 1", "reform NOUN dobj 1")
    assert _relations(purpose, ((0, 1, "PERSON"), (4, 5, "DATE"))) == []  # no one asked


# "The House refused to allow Obama to negotiate it."
REFUSED = """
The DET det 1
House PROPN nsubj 2
refused VERB ROOT 2 refuse
to PART aux 4
allow VERB xcomp 2 allow
Obama PROPN nsubj 7
to PART aux 7
negotiate VERB ccomp 4 negotiate
it~ PRON dobj 7
. PUNCT punct 2
"""


def test_refusing_to_allow_someone_rejects_them():
    ents = ((1, 2, "ORG"), (5, 6, "PERSON"))
    assert ("REJECT", None, "House", "Obama", "reported") in _relations(REFUSED, ents)


# "Clinton called Pelosi “a strong supporter”."
CALLED = """
Clinton PROPN nsubj 1
called VERB ROOT 1 call
Pelosi PROPN dobj 1
“~ PUNCT punct 6
a DET det 6
strong ADJ amod 6
supporter~ NOUN npadvmod 1
”~ PUNCT punct 6
. PUNCT punct 1
"""


def test_a_quoted_name_after_called_is_naming_not_a_phone_call():
    ents = ((0, 1, "PERSON"), (2, 3, "PERSON"))
    assert _relations(CALLED, ents) == [("SUPPORT", None, "Clinton", "Pelosi", "reported")]
    harsh = CALLED.replace("strong ADJ amod 6", "big ADJ amod 6").replace("supporter~ NOUN npadvmod 1",
                                                                       "problem~ NOUN npadvmod 1")
    assert _relations(harsh, ents) == []  # naming of no known valence: no call, no relation


# "The lawsuit from Nebraska accused Colorado."
LAWSUIT = """
The DET det 1
lawsuit NOUN nsubj 4 lawsuit
from ADP prep 1
Nebraska PROPN pobj 2
accused VERB ROOT 4 accuse
Colorado~ PROPN dobj 4
. PUNCT punct 4
"""


def test_a_writing_acts_for_its_author():
    ents = ((3, 4, "GPE"), (5, 6, "GPE"))
    assert _relations(LAWSUIT, ents) == [("ACCUSE", None, "Nebraska", "Colorado", "reported")]
