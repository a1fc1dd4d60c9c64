"""Claim rules read from held10: "add" reports only a content clause or a quote, so what it adds
("The economy added 146,000 jobs") is no one's report; a dash after a tag ends what it reports;
"in a new poll" after the figure is its source, the poll named after it (a plural read singular);
a bare "The poll" speaker is the poll named before it."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc
from onrecord.extract.claims import extract_claims
from onrecord.models import Quote, Span

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

# "Approval sank to 37 percent in a new poll. It fell 9 points in CBS News polls."
NEW_POLL = """
Approval NOUN nsubj 1
sank VERB ROOT 1 sink
to ADP prep 1
37 NUM nummod 4
percent NOUN pobj 2
in ADP prep 1
a DET det 8
new ADJ amod 8
poll~ NOUN pobj 5
. PUNCT punct 1
It PRON nsubj 11
fell VERB ROOT 11 fall
9 NUM nummod 13
points NOUN npadvmod 11 point
in ADP prep 11
CBS PROPN compound 17
News PROPN compound 17
polls~ NOUN pobj 14 poll
. PUNCT punct 11
"""

# "Trump led in an NBC poll. The poll shows 47% want Trump."
POLL_SHOWS = """
Trump PROPN nsubj 1
led VERB ROOT 1 lead
in ADP prep 1
an DET det 5
NBC PROPN compound 5
poll~ NOUN pobj 2
. PUNCT punct 1
The DET det 8
poll NOUN nsubj 9
shows VERB ROOT 9 show
47~ NUM nummod 11
% NOUN nsubj 12
want VERB ccomp 9
Trump~ PROPN dobj 12
. PUNCT punct 9
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


def test_claims_a_new_poll_after_the_figure_is_the_poll_named_after_it(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, NEW_POLL, ents=((15, 17, "ORG"),))
    doc[17].tag_ = "NNS"
    claims = extract_claims(doc)
    assert (claim_at(claims, doc.text, "37 percent").claimant_name, claim_at(claims, doc.text, "37 percent").status) \
        == ("CBS News poll", "attributed")
    assert claim_at(claims, doc.text, "9 points").claimant_name == "CBS News polls"  # named where it is


def test_claims_a_bare_the_poll_speaker_is_the_poll_named_before(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, POLL_SHOWS, ents=((4, 5, "ORG"),))
    at, said = doc.text.index("47%"), doc.text.index("The poll")
    quote = Quote(at, len(doc.text) - 1, doc.text[at:-1], "indirect", "shows", Span(said, said + 8, "The poll"),
                  None, None, act="report")
    c = claim_at(extract_claims(doc, (), (quote,)), doc.text, "47%")
    assert (c.claimant_name, c.status) == ("NBC poll", "attributed")


def test_claims_an_indirect_quote_cued_by_add_is_no_report_of_what_is_added(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, ADDED)
    at = doc.text.index("146,000")
    quote = Quote(at, len(doc.text) - 1, doc.text[at:-1], "indirect", "added", Span(0, 11, "The economy"),
                  None, "The economy")
    c = claim_at(extract_claims(doc, (), (quote,)), doc.text, "146,000")
    assert (c.claimant_name, c.status) == (None, "asserted")
