"""Claim rules read from held12: the agent of a participle on a data noun issues it ("according to
data released by the Census Bureau"); "hammer home" reports; a figure asked for under a modal of
possibility is the outlet's; a colon quote with no speaker (a section label) reports nothing; an
"according to" in a fronted clause of circumstance does not report the main clause's figure. The
sentences are made up."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc
from onrecord.extract.claims import extract_claims
from onrecord.models import Quote

# "Income rose 5 percent, according to data released by the Census Bureau."
RELEASED_BY = """
Income NOUN nsubj 1 income
rose VERB ROOT 1 rise
5 NUM nummod 3
percent~ NOUN dobj 1
, PUNCT punct 1
according VERB prep 1 accord
to ADP prep 5
data NOUN pobj 6 datum
released VERB acl 7 release
by ADP agent 8
the DET det 12
Census PROPN compound 12
Bureau~ PROPN pobj 9
. PUNCT punct 1
"""

# "Smith has repeatedly hammered home that income is $4,000 lower."
HAMMERED = """
Smith PROPN nsubj 3
has AUX aux 3
repeatedly ADV advmod 3
hammered VERB ROOT 3 hammer
home ADV advmod 3
that SCONJ mark 7
income NOUN nsubj 7
is AUX ccomp 3 be
$~ SYM nmod 9
4,000 NUM npadvmod 10
lower~ ADJ acomp 7 low
. PUNCT punct 3
"""

# "They may seek up to $125."
MAY_SEEK = """
They PRON nsubj 2 they
may AUX aux 2
seek VERB ROOT 2
up ADV advmod 4
to PART quantmod 6
$~ SYM quantmod 6
125~ NUM dobj 2
. PUNCT punct 2
"""

# "Poverty: Some 43 million people were poor."
LABEL = """
Poverty~ NOUN ROOT 0 poverty
: PUNCT punct 0
Some DET quantmod 4 some
43 NUM compound 4
million NUM nummod 5
people NOUN nsubj 6 people
were AUX ROOT 6 be
poor~ ADJ acomp 6
. PUNCT punct 6
"""

# "After sales fell according to the firm, income grew 5 percent."
FRONTED = """
After ADP prep 9
sales NOUN nsubj 2 sale
fell VERB pcomp 0 fall
according VERB prep 2 accord
to ADP prep 3
the DET det 6
firm~ NOUN pobj 4
, PUNCT punct 9
income NOUN nsubj 9
grew VERB ROOT 9 grow
5 NUM nummod 11
percent~ NOUN dobj 9
. PUNCT punct 9
"""


def _claim(rows: str, figure: str, quotes: tuple[Quote, ...] = ()):
    from onrecord.nlp.pipeline import blank

    doc = parsed_doc(blank().vocab, rows)
    c = claim_at(extract_claims(doc, (), quotes), doc.text, figure)
    return c.claimant_name, c.status


def test_claims_data_released_by_a_body_is_the_bodys():
    assert _claim(RELEASED_BY, "5 percent") == ("Census Bureau", "attributed")


def test_claims_hammer_home_reports_the_figure():
    assert _claim(HAMMERED, "$4,000") == ("Smith", "attributed")


def test_claims_a_figure_one_may_ask_for_is_the_outlets():
    assert _claim(MAY_SEEK, "$125") == (None, "asserted")


def test_claims_a_colon_quote_with_no_speaker_reports_nothing():
    from onrecord.nlp.pipeline import blank

    doc = parsed_doc(blank().vocab, LABEL)
    at = doc.text.index("Some")
    quote = Quote(at, len(doc.text), doc.text[at:], "indirect", ":", None, None, None)
    c = claim_at(extract_claims(doc, (), (quote,)), doc.text, "Some 43 million")
    assert (c.claimant_name, c.status) == (None, "asserted")


def test_claims_according_to_in_a_fronted_clause_does_not_report_the_main_clause():
    assert _claim(FRONTED, "5 percent") == (None, "asserted")
