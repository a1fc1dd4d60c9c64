"""Claim rules read from held10: "add" reports only a content clause or a quote, so what it adds
("The economy added 146,000 jobs") is no one's report; a dash after a tag ends what it reports."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc
from onrecord.extract.claims import extract_claims

# "The economy added 146,000 jobs."
ADDED = """
The DET det 1
economy NOUN nsubj 2
added VERB ROOT 2 add
146,000 NUM nummod 4
jobs~ NOUN dobj 2 job
. PUNCT punct 2
"""

# "Smith added that 146,000 jobs were created."
ADDED_THAT = """
Smith PROPN nsubj 1
added VERB ROOT 1 add
that SCONJ mark 6
146,000 NUM nummod 4
jobs NOUN nsubjpass 6 job
were AUX auxpass 6 be
created~ VERB ccomp 1 create
. PUNCT punct 1
"""

# "BLS said the economy added 114,000 jobs."
SAID_ADDED = """
BLS PROPN nsubj 1
said VERB ROOT 1 say
the DET det 3
economy NOUN nsubj 4
added VERB ccomp 1 add
114,000 NUM nummod 6
jobs~ NOUN dobj 4 job
. PUNCT punct 1
"""

# "Iran will enrich to 3.7%, Kamalvandi said -- above the 3.67% set by the deal."
DASHED = """
Iran PROPN nsubj 2
will AUX aux 2
enrich VERB ROOT 2
to ADP prep 2
3.7~ NUM nummod 5
%~ NOUN pobj 3
, PUNCT punct 7
Kamalvandi PROPN nsubj 8
said VERB parataxis 2 say
-- PUNCT punct 8
above ADP prep 2
the DET det 13
3.67~ NUM nummod 13
% NOUN pobj 10
set VERB acl 13
by ADP agent 14
the DET det 17
deal~ NOUN pobj 15
. PUNCT punct 2
"""


def test_claims_what_add_adds_is_no_report(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, ADDED)
    c = claim_at(extract_claims(doc), doc.text, "146,000")
    assert (c.claimant_name, c.status) == (None, "asserted")


def test_claims_add_with_a_content_clause_reports_it(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, ADDED_THAT)
    c = claim_at(extract_claims(doc), doc.text, "146,000")
    assert (c.claimant_name, c.status) == ("Smith", "attributed")


def test_claims_what_is_added_under_a_verb_of_saying_is_the_sayers(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, SAID_ADDED)
    c = claim_at(extract_claims(doc), doc.text, "114,000")
    assert (c.claimant_name, c.status) == ("BLS", "attributed")


def test_claims_a_dash_after_the_tag_ends_the_report(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, DASHED)
    claims = extract_claims(doc)
    assert claim_at(claims, doc.text, "3.7%").claimant_name == "Kamalvandi"
    c = claim_at(claims, doc.text, "3.67%")
    assert (c.claimant_name, c.status) == (None, "asserted")
