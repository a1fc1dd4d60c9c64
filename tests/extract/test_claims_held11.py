"""Claim rules read from held11: a verb of asking whose subject is a plan, or that an intention
governs, sizes the plan (the outlet's); "press ... for" asks; a span of time on the cue verb is
no report; an "as" clause reports its sentence only without an object of its own, and "point out"
reports; "remind" and "revise" report; a relative clause set off by a comma is the outlet's; a
statement noun that is the subject of the figure's verb names its owner; an active "expect" and a
clause hedged as likely make a reported figure an estimate; an estimating word does not reach
across a single dash. Read from held9's and held10's misses at the same time: a figure in the
infinitive of a plan sizes it; an estimate noun with its own figure does not make later figures
estimates; "according to figures in the survey" is the survey's; a figure that is the subject of
its quote's verb of thinking counts who thinks it; a tag between commas whose verb the tagger read
as a plural noun ("the paper reports,") reports its sentence. The sentences are made up."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc
from onrecord.extract.claim_sources import source
from onrecord.extract.claim_status import status_of
from onrecord.extract.claims import extract_claims
from onrecord.extract.quantities import extract_quantities
from onrecord.models import Quote, Span

# "The city's plan sought $9 million for parks."
PLAN_SOUGHT = """
The DET det 1
city~ NOUN poss 3
's PART case 1
plan NOUN nsubj 4
sought VERB ROOT 4 seek
$~ SYM quantmod 7
9 NUM compound 7
million NUM dobj 4
for ADP prep 4
parks~ NOUN pobj 8 park
. PUNCT punct 4
"""

# "Smith intends to request $4 million."
INTENDS = """
Smith PROPN nsubj 1
intends VERB ROOT 1 intend
to PART aux 3
request VERB xcomp 1
$~ SYM quantmod 6
4 NUM compound 6
million~ NUM dobj 3
. PUNCT punct 1
"""

# "Smith pressed lawmakers for $4 million."
PRESSED = """
Smith PROPN nsubj 1
pressed VERB ROOT 1 press
lawmakers NOUN dobj 1 lawmaker
for ADP prep 1
$~ SYM quantmod 6
4 NUM compound 6
million~ NUM pobj 3
. PUNCT punct 1
"""

# "Smith agreed after 30 days to reopen the office."
AGREED_AFTER = """
Smith PROPN nsubj 1
agreed VERB ROOT 1 agree
after ADP prep 1
30 NUM nummod 4
days NOUN pobj 2 day
to PART aux 6
reopen VERB xcomp 1
the DET det 8
office~ NOUN dobj 6
. PUNCT punct 1
"""

# "Sales rose 5 percent as stores added 300 workers."
AS_ADDED = """
Sales NOUN nsubj 1 sale
rose VERB ROOT 1 rise
5 NUM nummod 3
percent NOUN dobj 1
as SCONJ mark 6
stores NOUN nsubj 6 store
added VERB advcl 1 add
300 NUM nummod 8
workers~ NOUN dobj 6 worker
. PUNCT punct 1
"""

# "As Jones points out, sales rose 5 percent."
AS_POINTS_OUT = """
As SCONJ mark 2
Jones PROPN nsubj 2
points VERB advcl 6 point
out~ ADP prt 2
, PUNCT punct 6
sales NOUN nsubj 6 sale
rose VERB ROOT 6 rise
5 NUM nummod 8
percent~ NOUN dobj 6
. PUNCT punct 6
"""

# "Jones reminded voters that taxes rose 5 percent."
REMINDED = """
Jones PROPN nsubj 1
reminded VERB ROOT 1 remind
voters NOUN dobj 1 voter
that SCONJ mark 5
taxes NOUN nsubj 5 tax
rose VERB ccomp 1 rise
5 NUM nummod 7
percent~ NOUN dobj 5
. PUNCT punct 1
"""

# "BLS revised the count upward by 8,000."
REVISED = """
BLS PROPN nsubj 1
revised VERB ROOT 1 revise
the DET det 3
count NOUN dobj 1
upward ADV advmod 1
by ADP prep 1
8,000~ NUM pobj 5
. PUNCT punct 1
"""

# "Smith promises to cut the debt, which surpassed $22 trillion."
ASIDE = """
Smith PROPN nsubj 1
promises VERB ROOT 1 promise
to PART aux 3
cut VERB xcomp 1
the DET det 5
debt~ NOUN dobj 3
, PUNCT punct 5
which PRON nsubj 8
surpassed VERB relcl 5 surpass
$~ SYM quantmod 11
22 NUM compound 11
trillion~ NUM dobj 8
. PUNCT punct 1
"""

# "Most analysts' predictions hovered around 115,000."
PREDICTIONS = """
Most ADJ amod 1
analysts~ NOUN poss 3 analyst
' PART case 1
predictions NOUN nsubj 4 prediction
hovered VERB ROOT 4 hover
around ADP prep 4
115,000~ NUM pobj 5
. PUNCT punct 4
"""

# "The CBO expects that the deficit will reach $1 trillion."
EXPECTS = """
The DET det 1
CBO PROPN nsubj 2
expects VERB ROOT 2 expect
that SCONJ mark 7
the DET det 5
deficit NOUN nsubj 7
will AUX aux 7
reach VERB ccomp 2
$~ SYM quantmod 10
1 NUM compound 10
trillion~ NUM dobj 7
. PUNCT punct 2
"""

# "The debt would likely be $2 trillion higher, according to the CBO."
LIKELY = """
The DET det 1
debt NOUN nsubj 4
would AUX aux 4
likely ADV advmod 4
be AUX ROOT 4
$~ SYM quantmod 7
2 NUM compound 7
trillion NUM npadvmod 8
higher~ ADJ acomp 4 high
, PUNCT punct 4
according VERB prep 4 accord
to ADP prep 10
the DET det 13
CBO~ PROPN pobj 11
. PUNCT punct 4
"""

# "Smith announced his plan to send 300 troops."
PLAN_TO = """
Smith PROPN nsubj 1
announced VERB ROOT 1 announce
his PRON poss 3
plan NOUN dobj 1
to PART aux 5
send VERB acl 3
300 NUM nummod 7
troops~ NOUN dobj 5 troop
. PUNCT punct 1
"""

# "According to figures in the survey, sales rose 5 percent."
FIGURES_IN = """
According VERB prep 8 accord
to ADP prep 0
figures NOUN pobj 1 figure
in ADP prep 2
the DET det 5
survey~ NOUN pobj 3
, PUNCT punct 8
sales NOUN nsubj 8 sale
rose VERB ROOT 8 rise
5 NUM nummod 10
percent~ NOUN dobj 8
. PUNCT punct 8
"""

# "Seven percent think it works."
THINK = """
Seven NUM nummod 1
percent NOUN nsubj 2
think VERB ROOT 2
it PRON nsubj 4
works~ VERB ccomp 2 work
. PUNCT punct 2
"""

# "Instead, the paper reports, advisers went through 900 pages."
PAPER_REPORTS = """
Instead ADV advmod 7
, PUNCT punct 7
the DET det 4
paper NOUN compound 4
reports~ NOUN dep 7 report
, PUNCT punct 7
advisers NOUN nsubj 7 adviser
went VERB ROOT 7 go
through ADP prep 7
900 NUM nummod 10
pages~ NOUN pobj 8 page
. PUNCT punct 7
"""


def _claim(rows: str, figure: str, quotes: tuple[Quote, ...] = ()):
    from onrecord.nlp.pipeline import blank

    doc = parsed_doc(blank().vocab, rows)
    c = claim_at(extract_claims(doc, (), quotes), doc.text, figure)
    return c.claimant_name, c.status


def test_claims_a_plan_that_asks_for_a_figure_is_sized_by_it():
    assert _claim(PLAN_SOUGHT, "$9 million") == (None, "asserted")


def test_claims_what_someone_intends_to_request_sizes_a_plan():
    assert _claim(INTENDS, "$4 million") == (None, "asserted")


def test_claims_press_for_asks_for_the_figure():
    assert _claim(PRESSED, "$4 million") == ("Smith", "attributed")


def test_claims_a_span_of_time_on_the_cue_verb_is_no_report(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, AGREED_AFTER)
    at = doc.text.index("after")
    quote = Quote(at, len(doc.text) - 1, doc.text[at:-1], "indirect", "agreed", Span(0, 5, "Smith"), "smith", "Smith")
    c = claim_at(extract_claims(doc, (), (quote,)), doc.text, "30 days")
    assert (c.claimant_name, c.status) == (None, "asserted")


def test_claims_an_as_clause_with_its_own_object_reports_nothing():
    assert _claim(AS_ADDED, "5 percent") == (None, "asserted")


def test_claims_as_someone_points_out_reports_the_sentence():
    assert _claim(AS_POINTS_OUT, "5 percent") == ("Jones", "attributed")


def test_claims_remind_and_revise_report_the_figure():
    assert _claim(REMINDED, "5 percent") == ("Jones", "attributed")
    assert _claim(REVISED, "8,000") == ("BLS", "attributed")


def test_claims_a_relative_clause_set_off_by_a_comma_is_the_outlets():
    assert _claim(ASIDE, "$22 trillion") == (None, "asserted")


def test_claims_a_statement_noun_subject_names_its_owner():
    who, status = _claim(PREDICTIONS, "115,000")
    assert who is not None and who.endswith("analysts") and status == "estimate"


def test_claims_an_active_expect_and_a_likely_clause_are_estimates():
    assert _claim(EXPECTS, "$1 trillion") == ("CBO", "estimate")
    assert _claim(LIKELY, "$2 trillion") == ("CBO", "estimate")


def test_claims_an_estimating_word_does_not_reach_across_a_single_dash():
    sentence = "Under the projections, the deficit is $600 billion—less than the $700 billion of 2016."
    assert status_of(sentence, sentence[:sentence.index("$700") + 12], "", "", False) == "asserted"
    assert status_of(sentence, sentence[:sentence.index("$600") + 12], "", "", False) == "estimate"


def test_claims_a_figure_in_the_infinitive_of_a_plan_sizes_it():
    assert _claim(PLAN_TO, "300") == (None, "asserted")


def test_claims_an_estimate_noun_with_its_own_figure_estimates_only_it():
    sentence = "It said 132,000, down from an earlier estimate of 148,000, and October was lowered to 138,000."
    assert status_of(sentence, sentence[:sentence.index("138,000") + 7], "", "say", True) == "attributed"
    assert status_of(sentence, sentence[:sentence.index("148,000") + 7], "", "say", True) == "estimate"


def test_claims_according_to_figures_in_a_survey_is_the_surveys():
    assert _claim(FIGURES_IN, "5 percent") == ("survey", "attributed")


def test_claims_a_share_that_thinks_is_no_report_of_itself(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, THINK)
    quote = Quote(0, len(doc.text) - 1, doc.text[:-1], "indirect", "think", None, None, None)
    c = claim_at(extract_claims(doc, (), (quote,)), doc.text, "Seven percent")
    assert (c.claimant_name, c.status) == (None, "asserted")


def test_claims_a_tag_misread_as_a_noun_reports_its_sentence(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, PAPER_REPORTS)
    doc[4].tag_ = "NNS"
    (q,) = [q for q in extract_quantities(doc.text, doc) if q.text == "900"]
    found = source(doc, q, (0, len(doc.text)))
    assert found is not None and doc.text[found.start:found.end] == "the paper"
    assert claim_at(extract_claims(doc), doc.text, "900").status == "attributed"
