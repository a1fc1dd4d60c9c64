"""Claim rules on hand-built parses: the gerund of a verb of owning up, an "as" clause of
reporting, and an age in apposition on a name in the reported subject."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc, person
from onrecord.extract.claims import extract_claims

# "Grimm has acknowledged receiving $250,000 in contributions."
ACKNOWLEDGED = """
Grimm PROPN nsubj 2
has AUX aux 2
acknowledged VERB ROOT 2 acknowledge
receiving VERB xcomp 2 receive
$~ SYM quantmod 5
250,000 NUM dobj 3
in ADP prep 3
contributions~ NOUN pobj 6 contribution
. PUNCT punct 2
"""

# "As TPM notes, his district is 35 percent Latino."
AS_NOTES = """
As SCONJ mark 2
TPM PROPN nsubj 2
notes~ VERB advcl 6 note
, PUNCT punct 6
his PRON poss 5
district NOUN nsubj 6
is AUX ROOT 6 be
35 NUM nummod 8
percent NOUN compound 9
Latino~ PROPN attr 6
. PUNCT punct 6
"""

# "The charges against Grimm, 44, were expected to include fraud, two of the people said."
AGE = """
The DET det 1
charges NOUN nsubjpass 8 charge
against ADP prep 1
Grimm~ PROPN pobj 2
, PUNCT punct 3
44~ NUM appos 3
, PUNCT punct 3
were AUX auxpass 8 be
expected VERB ccomp 17 expect
to PART aux 10
include VERB xcomp 8
fraud~ NOUN dobj 10
, PUNCT punct 17
two NUM nsubj 17
of ADP prep 13
the DET det 16
people NOUN pobj 14
said~ VERB ROOT 17 say
. PUNCT punct 17
"""


def test_claims_the_gerund_of_owning_up_is_what_is_owned_up_to(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, ACKNOWLEDGED)
    actors = (person(doc.text, "Grimm", "grimm"),)
    c = claim_at(extract_claims(doc, actors), doc.text, "$250,000")
    assert (c.claimant_key, c.status) == ("grimm", "attributed")


def test_claims_an_as_clause_of_reporting_reports_its_sentence(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, AS_NOTES)
    c = claim_at(extract_claims(doc), doc.text, "35 percent")
    assert (c.claimant_name, c.status) == ("TPM", "attributed")


def test_claims_an_age_on_a_name_in_the_reported_subject_is_the_outlets(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, AGE)
    c = claim_at(extract_claims(doc), doc.text, "44")
    assert (c.claimant_name, c.status) == (None, "asserted")
