"""Claim rules read from held9: a passive of forecasting is no speaker, the
object of "is expected to" is an estimate, what was held before is not the forecast, an embedded
post is its author's, the audience told is not what is told, a verdict reports no figure, and
"according to" reaches across an aside set off by spaced hyphens, "at odds with" is no
estimate "at" an amount, and "insisted on X, naming ..." reports nothing else."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc, person
from onrecord.extract.claims import extract_claims
from onrecord.models import Quote

# "The Liberals are projected to win 157 seats."
PROJECTED = """
The DET det 1
Liberals PROPN nsubjpass 3
are AUX auxpass 3 be
projected VERB ROOT 3 project
to PART aux 5
win VERB xcomp 3
157 NUM nummod 7
seats~ NOUN dobj 5 seat
. PUNCT punct 3
"""

# "It is expected to take 32 seats, compared to the 10 it won."
EXPECTED = """
It PRON nsubjpass 2
is AUX auxpass 2 be
expected VERB ROOT 2 expect
to PART aux 4
take VERB xcomp 2
32 NUM nummod 6
seats~ NOUN dobj 4 seat
, PUNCT punct 4
compared VERB prep 4 compare
to ADP prep 8
the DET det 11
10 NUM pobj 9
it PRON nsubj 13
won~ VERB relcl 11 win
. PUNCT punct 2
"""

# "They are projected to take 121, up from the 95 they held before."
HELD = """
They PRON nsubjpass 2
are AUX auxpass 2 be
projected VERB ROOT 2 project
to PART aux 4
take VERB xcomp 2
121~ NUM dobj 4
, PUNCT punct 4
up ADV advmod 4
from ADP prep 7
the DET det 10
95 NUM pobj 8
they PRON nsubj 12
held VERB relcl 10 hold
before~ ADV advmod 12
. PUNCT punct 2
"""

# "Clinton told about 600 supporters."
TOLD = """
Clinton PROPN nsubj 1
told VERB ROOT 1 tell
about ADV advmod 3
600 NUM nummod 4
supporters~ NOUN dobj 1 supporter
. PUNCT punct 1
"""

# "A jury found Lee guilty of the three murders."
VERDICT = """
A DET det 1
jury NOUN nsubj 2
found VERB ROOT 2 find
Lee PROPN dobj 2
guilty ADJ oprd 2
of ADP prep 4
the DET det 8
three NUM nummod 8
murders~ NOUN pobj 5 murder
. PUNCT punct 2
"""

# "According to an assessment by academics, Trudeau kept - fully or partially - 92% of promises."
ASIDE = """
According VERB prep 8 accord
to ADP prep 0
an DET det 3
assessment NOUN pobj 1
by ADP prep 3
academics~ NOUN pobj 4 academic
, PUNCT punct 8
Trudeau PROPN nsubj 8
kept VERB ROOT 8 keep
- PUNCT punct 8
fully ADV advmod 15
or CCONJ cc 10
partially ADV conj 10
- PUNCT punct 15
92~ NUM nummod 15
% NOUN dobj 8
of ADP prep 15
promises~ NOUN pobj 16 promise
. PUNCT punct 8
"""

# "Your statement puts you at odds with 100 percent of the party."
ODDS = """
Your PRON poss 1
statement NOUN nsubj 2
puts VERB ROOT 2 put
you PRON dobj 2
at ADP prep 2
odds NOUN pobj 4 odds
with ADP prep 5
100 NUM nummod 8
percent NOUN pobj 6
of ADP prep 8
the DET det 11
party~ NOUN pobj 9
. PUNCT punct 2
"""

# "Trump put the cost at 8 billion."
AT = """
Trump PROPN nsubj 1
put VERB ROOT 1
the DET det 3
cost NOUN dobj 1
at ADP prep 1
8 NUM nummod 6
billion~ NUM pobj 4
. PUNCT punct 1
"""

# "Trudeau insisted on equality, naming women for half of the roles."
ON = """
Trudeau PROPN nsubj 1
insisted VERB ROOT 1 insist
on ADP prep 1
equality~ NOUN pobj 2
, PUNCT punct 1
naming VERB advcl 1 name
women NOUN dobj 5 woman
for ADP prep 5
half NOUN pobj 7
of ADP prep 8
the DET det 11
roles~ NOUN pobj 9 role
. PUNCT punct 1
"""


def _indirect(doc, cue: str, speaker: str | None) -> Quote:
    at = doc.text.index(cue) + len(cue) + 1
    return Quote(at, len(doc.text) - 1, doc.text[at:-1], "indirect", cue, None, speaker and speaker.lower(), speaker)


def test_claims_a_passive_of_forecasting_is_no_speaker(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, PROJECTED)
    c = claim_at(extract_claims(doc, (), (_indirect(doc, "are projected", "Liberals"),)), doc.text, "157")
    assert (c.claimant_name, c.status) == (None, "estimate")


def test_claims_the_object_of_is_expected_to_is_an_estimate(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, EXPECTED)
    claims = extract_claims(doc)
    assert claim_at(claims, doc.text, "32").status == "estimate"
    assert claim_at(claims, doc.text, "10").status == "asserted"


def test_claims_what_was_held_before_is_not_the_forecast(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, HELD)
    doc[12].tag_ = "VBD"
    claims = extract_claims(doc)
    assert claim_at(claims, doc.text, "121").status == "estimate"
    assert claim_at(claims, doc.text, "95").status == "asserted"


def test_claims_a_figure_in_an_embedded_post_is_its_authors(blank_nlp):
    text = ("The FTC gave Facebook a present five months early. — David Cicilline (@davidcicilline) July 12, 2019\n\n"
            "Members of Congress oppose the $5 billion settlement.")
    doc = blank_nlp(text)
    claims = extract_claims(doc)
    assert (claim_at(claims, text, "five months").claimant_name, claim_at(claims, text, "five months").status) \
        == ("David Cicilline", "attributed")
    assert claim_at(claims, text, "$5 billion").claimant_name is None


def test_claims_the_audience_told_is_not_what_is_told(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, TOLD)
    c = claim_at(extract_claims(doc, (person(doc.text, "Clinton", "clinton"),)), doc.text, "600")
    assert (c.claimant_key, c.status) == (None, "asserted")


def test_claims_a_verdict_does_not_report_the_charge(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, VERDICT)
    c = claim_at(extract_claims(doc, (), (_indirect(doc, "found", None),)), doc.text, "three")
    assert (c.claimant_name, c.status) == (None, "asserted")


def test_claims_according_to_reaches_across_a_pair_of_spaced_hyphens(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, ASIDE)
    c = claim_at(extract_claims(doc), doc.text, "92%")
    assert (c.claimant_name, c.status) == ("academics", "attributed")


def test_claims_an_at_phrase_with_no_amount_is_no_estimate(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, ODDS)
    assert claim_at(extract_claims(doc), doc.text, "100 percent").claimant_name is None
    doc = parsed_doc(blank_nlp.vocab, AT)
    c = claim_at(extract_claims(doc, (person(doc.text, "Trump", "trump"),)), doc.text, "8 billion")
    assert c.claimant_key == "trump"


def test_claims_a_verb_of_saying_with_a_topic_on_reports_nothing_else(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, ON)
    c = claim_at(extract_claims(doc, (person(doc.text, "Trudeau", "trudeau"),)), doc.text, "half")
    assert (c.claimant_key, c.status) == (None, "asserted")
