"""Claim rules on hand-built parses: the object of a pledge's infinitive, an infinitive borrowing
its verb's subject, a document subject in its words, a figure in the document a report is made
in, and the author a "proposed by" names."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc, person
from onrecord.extract.claims import extract_claims
from onrecord.models import Actor, Mention

# "Farenthold pledged to repay the $84,000."
PLEDGED = """
Farenthold PROPN nsubj 1
pledged VERB ROOT 1 pledge
to PART aux 3
repay VERB xcomp 1 repay
the DET det 6
$~ SYM nmod 6
84,000~ NUM dobj 3
. PUNCT punct 1
"""

# "Trump would seek to unlock money, to the tune of $3.5 billion."
TUNE = """
Trump PROPN nsubj 2
would AUX aux 2
seek VERB ROOT 2 seek
to PART aux 4
unlock VERB xcomp 2 unlock
money~ NOUN dobj 4
, PUNCT punct 4
to ADP prep 4
the DET det 9
tune NOUN pobj 7
of ADP prep 9
$~ SYM quantmod 13
3.5 NUM compound 13
billion~ NUM pobj 10
. PUNCT punct 2
"""


def test_claims_the_object_of_a_pledges_infinitive_is_pledged(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, PLEDGED)
    actors = (person(doc.text, "Farenthold", "farenthold"),)
    c = claim_at(extract_claims(doc, actors), doc.text, "$84,000")
    assert (c.claimant_key, c.claimant_name, c.status) == ("farenthold", "Farenthold", "attributed")


def test_claims_a_phrase_around_the_infinitive_is_not_asked_for(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, TUNE)
    c = claim_at(extract_claims(doc), doc.text, "$3.5 billion")
    assert (c.claimant_name, c.status) == (None, "asserted")


# "The secretary tried to explain that 1.43 million cables come through."
TRIED_TO_EXPLAIN = """
The DET det 1
secretary NOUN nsubj 2
tried VERB ROOT 2 try
to PART aux 4
explain VERB xcomp 2 explain
that SCONJ mark 9
1.43 NUM compound 7
million NUM nummod 8
cables NOUN nsubj 9 cable
come VERB ccomp 4
through~ ADP prt 9
. PUNCT punct 2
"""


def test_claims_an_infinitive_of_reporting_borrows_its_verbs_subject(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, TRIED_TO_EXPLAIN)
    c = claim_at(extract_claims(doc), doc.text, "1.43 million")
    assert (c.claimant_name, c.status) == ("secretary", "attributed")


# "A memo circulated by a GOP analyst noted that benefits end after 99 weeks."
MEMO = """
A DET det 1
memo NOUN nsubj 7
circulated VERB acl 1 circulate
by ADP agent 2
a DET det 6
GOP PROPN compound 6
analyst NOUN pobj 3
noted VERB ROOT 7 note
that SCONJ mark 10
benefits NOUN nsubj 10 benefit
end VERB ccomp 7
after ADP prep 10
99 NUM nummod 13
weeks~ NOUN pobj 11 week
. PUNCT punct 7
"""


def test_claims_a_document_subject_is_its_words_not_the_group_in_its_modifiers(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, MEMO, ents=((5, 6, "ORG"),))
    gop = doc.text.index("GOP")
    actors = (Actor("gop", "GOP", "ORG", ("GOP",), (Mention(gop, gop + 3, "GOP", "gop"),)),)
    c = claim_at(extract_claims(doc, actors), doc.text, "99 weeks")
    assert (c.claimant_key, c.claimant_name, c.status) == (None, "memo", "attributed")


# "In a letter signed by the 42 members, delivered Wednesday, the Republicans informed Democrats
# that they would wait." (the "in" phrase hangs on the participle, as the parser has it)
LETTER = """
In ADP prep 9
a DET det 2
letter NOUN pobj 0
signed VERB acl 2 sign
by ADP agent 3
the DET det 7
42 NUM nummod 7
members~ NOUN pobj 4 member
, PUNCT punct 9
delivered VERB advcl 14 deliver
Wednesday~ PROPN npadvmod 9
, PUNCT punct 14
the DET det 13
Republicans PROPN nsubj 14
informed VERB ROOT 14 inform
Democrats PROPN dobj 14
that SCONJ mark 19
they PRON nsubj 19
would AUX aux 19
wait~ VERB ccomp 14
. PUNCT punct 14
"""


def test_claims_a_figure_describing_the_document_of_a_report_is_not_reported(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, LETTER)
    c = claim_at(extract_claims(doc), doc.text, "42")
    assert (c.claimant_name, c.status) == (None, "asserted")


# "Another idea, proposed by some Democrats, is raising the ceiling to at least $1 million."
PROPOSED_BY = """
Another DET det 1
idea~ NOUN ROOT 1
, PUNCT punct 1
proposed VERB acl 1 propose
by ADP agent 3
some DET det 6
Democrats~ PROPN pobj 4
, PUNCT punct 1
is AUX aux 9 be
raising VERB acl 1 raise
the DET det 11
ceiling NOUN dobj 9
to ADP prep 9
at ADV advmod 14
least ADV advmod 17
$~ SYM quantmod 17
1 NUM compound 17
million~ NUM pobj 12
. PUNCT punct 1
"""


def test_claims_proposed_by_names_the_author_of_the_noun_above_the_figure(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, PROPOSED_BY)
    c = claim_at(extract_claims(doc), doc.text, "$1 million")
    assert (c.claimant_name, c.status) == ("Democrats", "attributed")
