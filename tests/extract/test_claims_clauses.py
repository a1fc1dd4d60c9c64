"""Which clause a cue belongs to, on hand-built parses: a denial of something else, a reporting
verb of another clause, a participle's borrowed subject, a document's issuer, a figure that
describes its speaker, an offer countered or owned by "their"."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc
from onrecord.extract.claims import extract_claims
from onrecord.models import Claim


def _claim(blank_nlp, rows: str, figure: str, ents=()) -> Claim:
    from onrecord.extract.actors import extract_actors

    doc = parsed_doc(blank_nlp.vocab, rows, ents=ents)
    return claim_at(extract_claims(doc, extract_actors(doc)), doc.text, figure)


# "Unions rejected the plan before the mayor announced it, and the bill failed to get the 60 votes."
REJECTED_ELSEWHERE = """
Unions NOUN nsubj 1 union
rejected VERB ROOT 1 reject
the DET det 3
plan NOUN dobj 1
before SCONJ mark 7
the DET det 6
mayor NOUN nsubj 7
announced VERB advcl 1 announce
it PRON dobj 7
, PUNCT punct 1
and CCONJ cc 1
the DET det 12
bill NOUN nsubj 13
failed VERB conj 1 fail
to PART aux 15
get VERB xcomp 13
the DET det 18
60 NUM nummod 18
votes~ NOUN dobj 15 vote
. PUNCT punct 13
"""


def test_a_denial_and_a_report_in_other_clauses_leave_the_figure_asserted(blank_nlp):
    c = _claim(blank_nlp, REJECTED_ELSEWHERE, "60")
    assert (c.claimant_name, c.status) == (None, "asserted")


def _proposal_then(next_object: str) -> str:
    # "The mayor proposed 300 officers. Critics rejected the <next_object>."
    return f"""
The DET det 1
mayor NOUN nsubj 2
proposed VERB ROOT 2 propose
300 NUM nummod 4
officers~ NOUN dobj 2 officer
. PUNCT punct 2
Critics NOUN nsubj 7 critic
rejected VERB ROOT 7 reject
the DET det 9
{next_object}~ NOUN dobj 7
. PUNCT punct 7
"""


def test_the_next_sentence_disputes_the_figure_only_when_it_rejects_the_figure(blank_nlp):
    assert _claim(blank_nlp, _proposal_then("plan"), "300").status != "disputed"
    assert _claim(blank_nlp, _proposal_then("figure"), "300").status == "disputed"


# "A jury convicted the pair, saying they stole $90,000."
SAYING = """
A DET det 1
jury NOUN nsubj 2
convicted VERB ROOT 2 convict
the DET det 4
pair~ NOUN dobj 2
, PUNCT punct 2
saying VERB advcl 2 say
they PRON nsubj 8 they
stole VERB ccomp 6 steal
$~ SYM quantmod 10
90,000~ NUM dobj 8
. PUNCT punct 2
"""


def test_a_saying_clause_borrows_the_subject_of_its_verb(blank_nlp):
    c = _claim(blank_nlp, SAYING, "$90,000")
    assert (c.claimant_name, c.status) == ("jury", "attributed")


# "According to an analysis from Moody's, the state lost $2 billion."
ANALYSIS_FROM = """
According VERB prep 10 accord
to ADP prep 0
an DET det 3
analysis NOUN pobj 1
from ADP prep 3
Moody~ PROPN poss 6
's PART pobj 4
, PUNCT punct 10
the DET det 9
state NOUN nsubj 10
lost VERB ROOT 10 lose
$~ SYM quantmod 13
2 NUM compound 13
billion~ NUM dobj 10
. PUNCT punct 10
"""


def test_according_to_a_document_from_an_issuer_gives_the_issuer(blank_nlp):
    c = _claim(blank_nlp, ANALYSIS_FROM, "$2 billion")
    assert (c.claimant_name, c.status) == ("Moody's", "attributed")


# "The 30-page complaint says the firm owes $5 million."
COMPLAINT_SAYS = """
The DET det 4
30~ NUM nummod 3
-~ PUNCT punct 3
page NOUN compound 4
complaint NOUN nsubj 5
says VERB ROOT 5 say
the DET det 7
firm NOUN nsubj 8
owes VERB ccomp 5 owe
$~ SYM quantmod 11
5 NUM compound 11
million~ NUM dobj 8
. PUNCT punct 5
"""


def test_a_figure_in_the_subject_describes_the_speaker_and_is_not_reported(blank_nlp):
    page = _claim(blank_nlp, COMPLAINT_SAYS, "30")
    assert (page.claimant_name, page.status) == (None, "asserted")
    owed = _claim(blank_nlp, COMPLAINT_SAYS, "$5 million")
    assert (owed.claimant_name, owed.status) == ("30-page complaint", "attributed")


# "Democrats were firm. They refused to budge from their offer to devote $1.3 billion. Farmers
# countered with $40."
THEIR_OFFER = """
Democrats PROPN nsubj 1 Democrats
were AUX ROOT 1 be
firm~ ADJ acomp 1
. PUNCT punct 1
They PRON nsubj 5 they
refused VERB ROOT 5 refuse
to PART aux 7
budge VERB xcomp 5
from ADP prep 7
their PRON poss 10 their
offer NOUN pobj 8
to PART aux 12
devote VERB advcl 7
$~ SYM quantmod 15
1.3 NUM compound 15
billion~ NUM dobj 12
. PUNCT punct 5
Farmers NOUN nsubj 18 farmer
countered VERB ROOT 18 counter
with ADP prep 18
$~ SYM quantmod 21
40~ NUM pobj 19
. PUNCT punct 18
"""


def test_their_offer_is_the_offer_of_the_group_before_and_a_counter_is_a_figure_given(blank_nlp):
    offer = _claim(blank_nlp, THEIR_OFFER, "$1.3 billion", ents=((0, 1, "NORP"),))
    assert (offer.claimant_name, offer.status) == ("Democrats", "attributed")
    counter = _claim(blank_nlp, THEIR_OFFER, "$40", ents=((0, 1, "NORP"),))
    assert (counter.claimant_name, counter.status) == ("Farmers", "attributed")
