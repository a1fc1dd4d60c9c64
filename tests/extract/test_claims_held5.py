"""Claim rules on hand-built parses: an identification with an age, a relative clause hung on a
verb, a find inside a reported clause, a dash read as a verb, the time to a clause, a subject
after the counted noun; and "more than half." as a figure."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc
from onrecord.extract.claims import extract_claims
from onrecord.extract.quantities import extract_quantities

# "An official identified the suspect as Sayoc, 56."
IDENTIFIED = """
An DET det 1
official NOUN nsubj 2
identified VERB ROOT 2 identify
the DET det 4
suspect NOUN dobj 2
as ADP prep 2
Sayoc~ PROPN pobj 5
, PUNCT punct 6
56~ NUM appos 6
. PUNCT punct 2
"""

# "Wray elaborated that each device contained 6 inches of pipe." (the parse hangs the clause as relcl)
ELABORATED = """
Wray PROPN nsubj 1
elaborated VERB ROOT 1 elaborate
that PRON mark 4
each DET det 4
device NOUN nsubj 5
contained VERB relcl 1 contain
6 NUM nummod 7
inches NOUN dobj 5 inch
of ADP prep 7
pipe~ NOUN pobj 8
. PUNCT punct 1
"""

# "Officials said that they had found two more."
FOUND = """
Officials NOUN nsubj 1 official
said VERB ROOT 1 say
that SCONJ mark 5
they PRON nsubj 5
had AUX aux 5
found VERB ccomp 1 find
two NUM nummod 7
more~ ADJ dobj 5
. PUNCT punct 1
"""

# "He was charged with five crimes ― the department said."
BAR = """
He PRON nsubjpass 2
was AUX auxpass 2 be
charged VERB ROOT 2 charge
with ADP prep 2
five NUM nummod 5
crimes NOUN pobj 3 crime
― VERB advcl 2
the DET det 8
department NOUN nsubj 9
said~ VERB ccomp 6 say
. PUNCT punct 2
"""

# "It comes 48 hours after it was announced."
AFTER = """
It PRON nsubj 1
comes VERB ROOT 1 come
48 NUM nummod 3
hours NOUN npadvmod 7 hour
after SCONJ mark 7
it PRON nsubjpass 7
was AUX auxpass 7 be
announced~ VERB advcl 1 announce
. PUNCT punct 1
"""

# "He cited the 12 million jobs he and Romney say."
REDUCED = """
Ryan PROPN nsubj 1
cited VERB ccomp 9 cite
the DET det 5
12 NUM compound 4
million NUM nummod 5
jobs NOUN nsubj 9 job
he PRON nsubj 9
and CCONJ cc 6
Romney PROPN conj 6
say~ VERB ROOT 9
. PUNCT punct 9
"""


def test_claims_an_identification_reports_the_age(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, IDENTIFIED)
    c = claim_at(extract_claims(doc), doc.text, "56")
    assert (c.claimant_name, c.status) == ("official", "attributed")


def test_claims_a_relative_clause_hung_on_a_verb_is_its_content(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, ELABORATED, ((0, 1, "PERSON"),))
    assert claim_at(extract_claims(doc), doc.text, "6 inches").status == "attributed"


def test_claims_a_find_inside_a_reported_clause_goes_to_the_reporter(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, FOUND)
    c = claim_at(extract_claims(doc), doc.text, "two")
    assert (c.claimant_name, c.status) == ("Officials", "attributed")


def test_claims_a_horizontal_bar_read_as_a_verb_tags_the_sentence(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, BAR)
    c = claim_at(extract_claims(doc), doc.text, "five")
    assert (c.claimant_name, c.status) == ("department", "attributed")


def test_claims_the_time_to_a_clause_is_not_reported(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, AFTER)
    c = claim_at(extract_claims(doc), doc.text, "48 hours")
    assert (c.claimant_name, c.status) == (None, "asserted")


def test_claims_a_subject_after_the_counted_noun_reports_it(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, REDUCED, ((0, 1, "PERSON"), (8, 9, "PERSON")))
    assert claim_at(extract_claims(doc), doc.text, "12 million").status == "attributed"


def test_more_than_half_ending_a_clause_is_a_figure():
    (q,) = extract_quantities("The habitat has dwindled by more than half.")
    assert (q.text, q.value, q.change) == ("more than half", 0.5, ">")
