"""Claim rules on hand-built parses: a confirmation in office, a denial that does not deny the
figure, "point to", "believe in", "according to" across a dash, an owned disclosure, a hedge on another
phrase; and the count "seven-count"."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc, person
from onrecord.extract.claims import extract_claims
from onrecord.extract.quantities import extract_quantities

# "Scalia was confirmed 98-0."
CONFIRMED = """
Scalia PROPN nsubjpass 2
was AUX auxpass 2 be
confirmed VERB ROOT 2 confirm
98-0~ NUM npadvmod 2
. PUNCT punct 2
"""

# "During the four days, critics did not dispute his credentials."
NOT_DISPUTED = """
During ADP prep 8 during
the DET det 3
four NUM nummod 3
days~ NOUN pobj 0 day
, PUNCT punct 8
critics NOUN nsubj 8 critic
did AUX aux 8 do
not PART neg 8
dispute VERB ROOT 8 dispute
his PRON poss 10
credentials NOUN dobj 8 credential
. PUNCT punct 8
"""

# "Whitehouse pointed to 12 decisions."
POINTED = """
Whitehouse PROPN nsubj 1
pointed VERB ROOT 1 point
to ADP prep 1
12 NUM nummod 4
decisions~ NOUN pobj 2 decision
. PUNCT punct 1
"""

# "McCaskill believed in 60 votes."
BELIEVED_IN = """
McCaskill PROPN nsubj 1
believed VERB ROOT 1 believe
in ADP prep 1
60 NUM nummod 4
votes~ NOUN pobj 2 vote
. PUNCT punct 1
"""

# "Gorsuch needs eight votes — a threshold, according to interviews."
DASH = """
Gorsuch PROPN nsubj 1
needs VERB ROOT 1 need
eight NUM nummod 3
votes NOUN dobj 1 vote
— PUNCT punct 1
a DET det 6
threshold~ NOUN appos 3
, PUNCT punct 1
according VERB prep 1 accord
to ADP prep 8
interviews~ NOUN pobj 9 interview
. PUNCT punct 1
"""

# "Among Clinton's disclosures was that she was paid $9 million."
DISCLOSED = """
Among ADP prep 4 among
Clinton~ PROPN poss 3
's PART case 1
disclosures NOUN pobj 0 disclosure
was AUX ROOT 4 be
that SCONJ mark 8
she PRON nsubjpass 8
was AUX auxpass 8 be
paid VERB ccomp 4 pay
$~ SYM quantmod 11
9 NUM compound 11
million~ NUM dobj 8
. PUNCT punct 4
"""

# "The ad, reportedly airing, costs $1 million." / "The ad reportedly costs $1 million."
HEDGED_APPOSITION = """
The DET det 1
ad~ NOUN nsubj 6
, PUNCT punct 1
reportedly ADV advmod 4
airing~ VERB acl 1 air
, PUNCT punct 1
costs VERB ROOT 6 cost
$~ SYM quantmod 9
1 NUM compound 9
million~ NUM dobj 6
. PUNCT punct 6
"""

HEDGED = """
The DET det 1
ad NOUN nsubj 3
reportedly ADV advmod 3
costs VERB ROOT 3 cost
$~ SYM quantmod 6
1 NUM compound 6
million~ NUM dobj 3
. PUNCT punct 3
"""


def test_claims_a_confirmation_in_office_is_no_report(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, CONFIRMED, ((0, 1, "PERSON"),))
    c = claim_at(extract_claims(doc), doc.text, "98-0")
    assert (c.claimant_name, c.status) == (None, "asserted")


def test_claims_a_negated_denial_through_a_phrase_does_not_dispute_the_figure(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, NOT_DISPUTED)
    assert claim_at(extract_claims(doc), doc.text, "four days").status == "asserted"


def test_claims_pointing_to_a_figure_cites_it(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, POINTED)
    c = claim_at(extract_claims(doc, (person(doc.text, "Whitehouse", "A1"),)), doc.text, "12")
    assert (c.claimant_key, c.status) == ("A1", "attributed")


def test_claims_a_belief_in_a_figure_is_no_report_of_it(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, BELIEVED_IN)
    c = claim_at(extract_claims(doc, (person(doc.text, "McCaskill", "A1"),)), doc.text, "60")
    assert (c.claimant_key, c.status) == (None, "asserted")


def test_claims_according_to_does_not_reach_across_a_single_dash(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, DASH)
    c = claim_at(extract_claims(doc), doc.text, "eight")
    assert (c.claimant_name, c.status) == (None, "asserted")
    plain = parsed_doc(blank_nlp.vocab, DASH.replace("— PUNCT punct 1\na DET det 6\nthreshold~ NOUN appos 3\n", "")
                       .replace("votes NOUN dobj 1 vote", "votes~ NOUN dobj 1 vote")
                       .replace("prep 8\n", "prep 5\n").replace("pobj 9 ", "pobj 6 "))
    c = claim_at(extract_claims(plain), plain.text, "eight")
    assert (c.claimant_name, c.status) == ("interviews", "attributed")


def test_claims_an_owned_disclosure_gives_its_owner_the_figure(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, DISCLOSED)
    c = claim_at(extract_claims(doc, (person(doc.text, "Clinton", "A1"),)), doc.text, "$9 million")
    assert (c.claimant_key, c.status) == ("A1", "attributed")


def test_quantities_a_number_word_before_count_is_a_count():
    (q,) = extract_quantities("A grand jury charged Stone in a seven-count indictment.")
    assert q.value == 7
    assert extract_quantities("It has a six-speed gearbox.") == []


def test_claims_a_hedge_on_another_phrase_does_not_hedge_the_figure(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, HEDGED_APPOSITION)
    assert claim_at(extract_claims(doc), doc.text, "$1 million").status == "asserted"
    doc = parsed_doc(blank_nlp.vocab, HEDGED)
    assert claim_at(extract_claims(doc), doc.text, "$1 million").status == "unverified"
