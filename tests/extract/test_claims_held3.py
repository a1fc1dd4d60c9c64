"""Claim rules on hand-built parses: a relative clause that predicts the figure, a reporting verb
the parse hung under a later verb."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc, person
from onrecord.extract.claims import extract_claims
from onrecord.models import Actor, Mention

# "It clears the 60 percent support that Pelosi predicted."
PREDICTED = """
It PRON nsubj 1
clears VERB ROOT 1 clear
the DET det 5
60 NUM nummod 4
percent NOUN compound 5
support NOUN dobj 1
that PRON dobj 8
Pelosi PROPN nsubj 8
predicted VERB relcl 5 predict
. PUNCT punct 1
"""

# "Trustees warned the fund will run out, and seniors would face a 23 percent cut."
WARNED = """
Trustees NOUN nsubj 1 trustee
warned VERB ccomp 12 warn
the DET det 3
fund NOUN nsubj 5
will AUX aux 5
run VERB ccomp 1
out ADP prt 5
, PUNCT punct 12
and CCONJ cc 12
seniors NOUN nsubj 12 senior
would AUX aux 12
then ADV advmod 12
face VERB ROOT 12
a DET det 16
23 NUM nummod 15
percent NOUN compound 16
cut NOUN dobj 12
. PUNCT punct 12
"""


def test_claims_relative_clause_that_predicts_the_figure_gives_claimant_and_estimate(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, PREDICTED)
    c = claim_at(extract_claims(doc, (person(doc.text, "Pelosi", "A1"),)), doc.text, "60 percent")
    assert (c.claimant_key, c.status) == ("A1", "estimate")


def test_claims_reporting_verb_hung_under_a_later_verb_still_reports_the_figure(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, WARNED)
    c = claim_at(extract_claims(doc), doc.text, "23 percent")
    assert (c.claimant_key, c.claimant_name, c.status) == (None, "Trustees", "attributed")


# "The Journal reported it. The fund holds $2 trillion, according to the paper."
THE_PAPER = """
The DET det 1
Journal PROPN nsubj 2
reported VERB ROOT 2 report
it~ PRON dobj 2
. PUNCT punct 2
The DET det 6
fund NOUN nsubj 7
holds VERB ROOT 7 hold
$~ SYM quantmod 10
2 NUM compound 10
trillion NUM dobj 7
, PUNCT punct 7
according VERB prep 7 accord
to ADP prep 12
the DET det 15
paper~ NOUN pobj 13
. PUNCT punct 7
"""


def test_claims_a_paper_named_by_its_kind_is_the_newspaper_named_before(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, THE_PAPER, ents=((0, 2, "ORG"),))
    start = doc.text.index("The Journal")
    journal = Actor("A1", "The Journal", "ORG", ("The Journal",), (Mention(start, start + 11, "The Journal", "A1"),))
    c = claim_at(extract_claims(doc, (journal,)), doc.text, "$2 trillion")
    assert (c.claimant_key, c.status) == ("A1", "attributed")
