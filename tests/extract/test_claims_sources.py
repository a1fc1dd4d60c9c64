"""Who puts a figure forward, on hand-built parses: unnamed sources kept as their words, sums
someone demanded or proposed, acts that are not reports, attitude cues, "according to X from Y"."""

from __future__ import annotations

from marked_docs import claim_at, parsed_doc
from onrecord.extract.claims import extract_claims
from onrecord.models import Actor, Mention, Quote


def _actor(text: str, name: str, key: str, type_: str = "PERSON") -> Actor:
    start = text.index(name)
    return Actor(key, name, type_, (name,), (Mention(start, start + len(name), name, key),))



# "A senior administration official told Fox News that the White House plans to move $8 billion."
OFFICIAL_TOLD = """
A DET det 3
senior ADJ amod 3
administration NOUN compound 3
official NOUN nsubj 4
told VERB ROOT 4 tell
Fox PROPN compound 6
News PROPN dobj 4
that SCONJ mark 11
the DET det 10
White PROPN compound 10
House PROPN nsubj 11
plans VERB ccomp 4 plan
to PART aux 13
move VERB xcomp 11
$~ SYM quantmod 16
8 NUM compound 16
billion~ NUM dobj 13
. PUNCT punct 4
"""

# "He told reporters that the bill gives $8 billion."
HE_TOLD = """
He PRON nsubj 1 he
told VERB ROOT 1 tell
reporters NOUN dobj 1 reporter
that SCONJ mark 6
the DET det 5
bill NOUN nsubj 6
gives VERB ccomp 1 give
$~ SYM quantmod 9
8 NUM compound 9
billion~ NUM dobj 6
. PUNCT punct 1
"""


def test_claims_unnamed_source_is_the_claimant_in_its_own_words(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, OFFICIAL_TOLD)
    c = claim_at(extract_claims(doc), doc.text, "$8 billion")
    assert (c.claimant_key, c.claimant_name, c.status) == (None, "senior administration official", "attributed")


def test_claims_unresolved_pronoun_is_no_claimant(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, HE_TOLD)
    c = claim_at(extract_claims(doc), doc.text, "$8 billion")
    assert (c.claimant_key, c.claimant_name, c.status) == (None, None, "attributed")


# "Congress gave $1.4 billion, not the $5.7 billion that Trump demanded."
DEMANDED = """
Congress PROPN nsubj 1
gave VERB ROOT 1 give
$~ SYM quantmod 4
1.4 NUM compound 4
billion~ NUM dobj 1
, PUNCT punct 1
not PART neg 10
the DET det 10
$~ SYM quantmod 10
5.7 NUM compound 10
billion NUM appos 4
that PRON dobj 13
Trump PROPN nsubj 13
demanded~ VERB relcl 10 demand
. PUNCT punct 1
"""


def test_claims_sum_someone_demanded_is_theirs_the_sum_given_the_outlets(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, DEMANDED, ents=((12, 13, "PERSON"),))
    claims = extract_claims(doc, [_actor(doc.text, "Trump", "person:trump")])
    demanded = claim_at(claims, doc.text, "$5.7 billion")
    assert (demanded.claimant_key, demanded.status) == ("person:trump", "attributed")
    given = claim_at(claims, doc.text, "$1.4 billion")
    assert (given.claimant_key, given.claimant_name, given.status) == (None, None, "asserted")


# "The deal gives a fraction of Trump's proposed figure of $5.7 billion."
PROPOSED = """
The DET det 1
deal NOUN nsubj 2
gives VERB ROOT 2 give
a DET det 4
fraction NOUN dobj 2
of ADP prep 4
Trump~ PROPN poss 9
's PART case 6
proposed VERB amod 9 propose
figure NOUN pobj 5
of ADP prep 9
$~ SYM quantmod 13
5.7 NUM compound 13
billion~ NUM pobj 10
. PUNCT punct 2
"""


def test_claims_owner_of_a_proposed_figure_is_the_claimant(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, PROPOSED, ents=((6, 7, "PERSON"),))
    c = claim_at(extract_claims(doc, [_actor(doc.text, "Trump", "person:trump")]), doc.text, "$5.7 billion")
    assert (c.claimant_key, c.status) == ("person:trump", "attributed")


# "Bush, who released 250,000 emails, tweeted about it."
RELEASED = """
Bush~ PROPN nsubj 7
, PUNCT punct 0
who PRON nsubj 3
released VERB relcl 0 release
250,000 NUM nummod 5
emails~ NOUN dobj 3 email
, PUNCT punct 0
tweeted VERB ROOT 7 tweet
about ADP prep 7
it~ PRON pobj 8
. PUNCT punct 7
"""


def test_claims_count_of_what_someone_released_is_the_outlets(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, RELEASED, ents=((0, 1, "PERSON"),))
    c = claim_at(extract_claims(doc, [_actor(doc.text, "Bush", "person:bush")]), doc.text, "250,000")
    assert (c.claimant_key, c.claimant_name, c.status) == (None, None, "asserted")


# "Ginsburg expressed concerns about a lawsuit that covers 1.5 million women."
EXPRESSED = """
Ginsburg PROPN nsubj 1
expressed VERB ROOT 1 express
concerns NOUN dobj 1 concern
about ADP prep 2
a DET det 5
lawsuit NOUN pobj 3
that PRON nsubj 7
covers VERB relcl 5 cover
1.5 NUM compound 9
million NUM nummod 10
women~ NOUN dobj 7 woman
. PUNCT punct 1
"""


def test_claims_indirect_quote_on_an_attitude_cue_does_not_attribute_the_figure(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, EXPRESSED, ents=((0, 1, "PERSON"),))
    start = doc.text.index("concerns")
    quote = Quote(start, len(doc.text) - 1, doc.text[start:-1], "indirect", "expressed", None,
                  "person:ginsburg", "Ginsburg")
    c = claim_at(extract_claims(doc, [_actor(doc.text, "Ginsburg", "person:ginsburg")], [quote]), doc.text,
            "1.5 million")
    assert (c.claimant_key, c.status) == (None, "asserted")


# "About 300 people were charged, according to a statement from the Justice Department."
STATEMENT_FROM = """
About ADV advmod 1
300 NUM nummod 2
people NOUN nsubjpass 4 person
were AUX auxpass 4 be
charged~ VERB ROOT 4 charge
, PUNCT punct 4
according VERB prep 4 accord
to ADP prep 6
a DET det 9
statement NOUN pobj 7
from ADP prep 9
the DET det 13
Justice PROPN compound 13
Department~ PROPN pobj 10
. PUNCT punct 4
"""


def test_claims_according_to_a_statement_from_an_office_names_the_office(blank_nlp):
    doc = parsed_doc(blank_nlp.vocab, STATEMENT_FROM, ents=((12, 14, "ORG"),))
    actor = _actor(doc.text, "Justice Department", "org:doj", "ORG")
    c = claim_at(extract_claims(doc, [actor]), doc.text, "300")
    assert (c.claimant_key, c.status) == ("org:doj", "attributed")


# "Donald Trump spoke. He repeated his demand for $5 billion."
HIS_DEMAND = """
Donald PROPN compound 1
Trump PROPN nsubj 2
spoke~ VERB ROOT 2 speak
. PUNCT punct 2
He PRON nsubj 5 he
repeated VERB ROOT 5 repeat
his PRON poss 7 his
demand NOUN dobj 5 demand
for ADP prep 7
$~ SYM quantmod 11
5 NUM compound 11
billion~ NUM pobj 8
. PUNCT punct 5
"""


def test_claims_his_demand_is_the_demand_of_the_man_named_before(blank_nlp):
    from onrecord.extract.actors import extract_actors

    doc = parsed_doc(blank_nlp.vocab, HIS_DEMAND, ents=((0, 2, "PERSON"),))
    actors = extract_actors(doc)
    c = claim_at(extract_claims(doc, actors), doc.text, "$5 billion")
    assert (c.claimant_name, c.status) == ("Donald Trump", "attributed")
