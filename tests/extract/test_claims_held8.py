"""Claim rules on hand-built parses: a poll as the source of a figure, a clause of time on the
reporting verb, and a length of speech on a statement noun."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc, person
from onrecord.extract.claims import extract_claims

# "Trump placed second in an NBC poll. In the poll, Romney leads with 21 percent."
POLL = """
Trump PROPN nsubj 1
placed VERB ROOT 1 place
second ADV advmod 1
in ADP prep 1
an DET det 6
NBC PROPN compound 6
poll~ NOUN pobj 3
. PUNCT punct 1
In ADP prep 13 in
the DET det 10
poll~ NOUN pobj 8
, PUNCT punct 13
Romney PROPN nsubj 13
leads VERB ROOT 13 lead
with ADP prep 13
21 NUM nummod 16
percent~ NOUN pobj 14
. PUNCT punct 13
"""

# "Schiff told the Post after Barr's four-page summary was released."
AFTER = """
Schiff PROPN nsubj 1
told VERB ROOT 1 tell
the DET det 3
Post PROPN dobj 1
after SCONJ mark 12
Barr~ PROPN poss 10
's PART case 5
four~ NUM nummod 9
-~ PUNCT punct 9
page NOUN compound 10
summary NOUN nsubjpass 12
was AUX auxpass 12 be
released~ VERB advcl 1 release
. PUNCT punct 1
"""

# "Obama took no questions after delivering his five-minute remarks."
REMARKS = """
Obama PROPN nsubj 1
took VERB ROOT 1 take
no DET det 3
questions NOUN dobj 1 question
after ADP prep 1
delivering VERB pcomp 4 deliver
his PRON poss 10
five~ NUM nummod 9
-~ PUNCT punct 9
minute NOUN compound 10
remarks~ NOUN dobj 5 remark
. PUNCT punct 1
"""


def test_claims_in_the_poll_is_the_poll_named_before(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, POLL, ents=((5, 6, "ORG"),))
    c = claim_at(extract_claims(doc), doc.text, "21 percent")
    assert (c.claimant_name, c.status) == ("NBC poll", "attributed")


def test_claims_a_clause_of_time_on_the_reporting_verb_is_not_reported(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, AFTER)
    actors = (person(doc.text, "Schiff", "schiff"),)
    c = claim_at(extract_claims(doc, actors), doc.text, "four-page")
    assert (c.claimant_key, c.status) == (None, "asserted")


def test_claims_a_length_of_speech_is_not_its_owners_claim(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, REMARKS)
    actors = (person(doc.text, "Obama", "obama"),)
    c = claim_at(extract_claims(doc, actors), doc.text, "five-minute")
    assert c.claimant_key is None
