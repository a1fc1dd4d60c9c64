"""Documents and clauses as sources, on hand-built parses: a document that shows a figure, a
relative "which" standing for its noun, "according to" not reaching across a semicolon, an
apposition on a name, and the status cues after a figure or in the next sentence."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc
from onrecord.extract.claim_status import status_of
from onrecord.extract.claims import extract_claims

# "She released a list of paid speeches showing that she had earned $10 million."
LIST_SHOWING = """
She PRON nsubj 1
released VERB ROOT 1 release
a DET det 3
list NOUN dobj 1
of ADP prep 3
paid VERB amod 6
speeches NOUN pobj 4 speech
showing VERB acl 6 show
that SCONJ mark 11
she PRON nsubj 11
had AUX aux 11
earned VERB ccomp 7 earn
$~ SYM quantmod 14
10 NUM compound 14
million NUM dobj 11
. PUNCT punct 1
"""


def test_claims_a_document_that_shows_a_figure_is_its_claimant(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, LIST_SHOWING)
    c = claim_at(extract_claims(doc), doc.text, "$10 million")
    assert (c.claimant_key, c.claimant_name, c.status) == (None, "list of paid speeches", "attributed")


# "The magazine, which estimated it at $1 million, was wrong."
WHICH_ESTIMATED = """
The DET det 1
magazine~ NOUN nsubj 11
, PUNCT punct 1
which PRON nsubj 4
estimated VERB relcl 1 estimate
it PRON dobj 4
at ADP prep 4
$~ SYM quantmod 9
1 NUM compound 9
million~ NUM pobj 6
, PUNCT punct 1
was AUX ROOT 11 be
wrong~ ADJ acomp 11
. PUNCT punct 11
"""


def test_claims_a_relative_which_stands_for_the_noun_it_hangs_on(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, WHICH_ESTIMATED)
    c = claim_at(extract_claims(doc), doc.text, "$1 million")
    assert (c.claimant_name, c.status) == ("magazine", "estimate")


# "She was paid $675,000; he was paid $200,000, according to a list of fees."
SEMICOLON = """
She PRON nsubjpass 2
was AUX auxpass 2
paid VERB ROOT 2 pay
$~ SYM nmod 4
675,000~ NUM dobj 2
; PUNCT punct 2
he PRON nsubjpass 8
was AUX auxpass 8
paid VERB ROOT 8 pay
$~ SYM nmod 10
200,000~ NUM dobj 8
, PUNCT punct 8
according VERB prep 8 accord
to ADP prep 12
a DET det 15
list NOUN pobj 13
of ADP prep 15
fees~ NOUN pobj 16 fee
. PUNCT punct 8
"""


def test_claims_according_to_does_not_reach_across_a_semicolon(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, SEMICOLON)
    claims = extract_claims(doc)
    first, second = claim_at(claims, doc.text, "$675,000"), claim_at(claims, doc.text, "$200,000")
    assert (first.claimant_name, first.status) == (None, "asserted")
    assert (second.claimant_name, second.status) == ("list of fees", "attributed")


# "Rep. Scott, one of the nine lawmakers to vote no, said the nation faces bigger problems."
APPOSITION = """
Rep. PROPN compound 1
Scott~ PROPN nsubj 9
, PUNCT punct 1
one NUM appos 1
of ADP prep 3
the DET det 7
nine NUM nummod 7
lawmakers NOUN pobj 4 lawmaker
to PART aux 9
vote VERB advcl 12
no~ ADV advmod 9
, PUNCT punct 12
said VERB ROOT 12 say
the DET det 14
nation NOUN nsubj 15
faces VERB ccomp 12 face
bigger ADJ amod 17
problems~ NOUN dobj 15 problem
. PUNCT punct 12
"""


def test_claims_a_figure_in_an_apposition_on_a_name_is_not_reported_by_its_verb(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, APPOSITION)
    c = claim_at(extract_claims(doc), doc.text, "nine")
    assert (c.claimant_name, c.status) == (None, "asserted")


def test_status_an_estimate_cue_after_the_figure_that_it_is_the_subject_of():
    sentence = "$1.1 million is the estimated cost of the plan."
    assert status_of(sentence, "$1.1 million", "", "", False) == "estimate"
    assert status_of("$1.1 million is the cost of the plan.", "$1.1 million", "", "", False) == "asserted"


def test_status_a_next_sentence_that_doubts_where_the_figure_came_from():
    sentence = "Bush said his rate was 36 percent and the Clintons' was 30 percent."
    doubt = "It was unclear where Mr. Bush got the figure."
    assert status_of(sentence, sentence[:-1], doubt, "say", True) == "unverified"
    assert status_of(sentence, sentence[:sentence.index("36 percent") + 10], doubt, "say", True) == "attributed"
    plural = "It was unclear where Mr. Bush got the figures."
    assert status_of(sentence, sentence[:sentence.index("36 percent") + 10], plural, "say", True) == "unverified"


# "Republicans oppose Obama's $447 billion plan."
SIZED_PLAN = """
Republicans PROPN nsubj 1
oppose VERB ROOT 1
Obama~ PROPN poss 7
's PART case 2
$~ SYM quantmod 6
447 NUM compound 6
billion NUM nummod 7
plan~ NOUN dobj 1
. PUNCT punct 1
"""


def test_claims_a_figure_that_sizes_a_plan_is_not_its_owners_claim(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, SIZED_PLAN)
    c = claim_at(extract_claims(doc), doc.text, "$447 billion")
    assert (c.claimant_name, c.status) == (None, "asserted")
