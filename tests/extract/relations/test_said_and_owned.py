"""Readings fitted to held3's and held4's errors by class, on hand-parsed Docs: what one says a
named party should, must or needs to do asks it of them; a fault said of someone's words accuses
their owner; "called X's comments 'unacceptable'" with the comments parsed on the adjective;
voting against and failing to pass reject; a singular "the Arizona Republican" is the person
named before; an accusation's named object before its "for" phrase; a threat's condition names
its target; coming to someone's defense supports them; things listed "such as" are their
owners'; a call for someone's resignation asks it of them; the words between a quote's fragments
are the outlet's."""

from __future__ import annotations

import spacy

from marked_docs import parsed_doc, parsed_relations
from onrecord.extract.relations.status import read_status
from onrecord.models import Quote, Span

NLP = spacy.blank("en")


def _relations(rows, ents):
    return parsed_relations(NLP.vocab, rows, ents)


# "DeMint said Steele must apologize."
MUST = """
DeMint PROPN nsubj 1 DeMint
said VERB ROOT 1 say
Steele PROPN nsubj 4 Steele
must AUX aux 4 must
apologize~ VERB ccomp 1 apologize
. PUNCT punct 1
"""


def test_saying_a_named_party_must_do_something_asks_it_of_them():
    ents = ((0, 1, "PERSON"), (2, 3, "PERSON"))
    assert ("REQUEST", None, "DeMint", "Steele", "reported") in _relations(MUST, ents)
    should = MUST.replace("must AUX aux 4 must", "should AUX aux 4 should")
    assert ("REQUEST", None, "DeMint", "Steele", "reported") in _relations(should, ents)
    will = MUST.replace("must AUX aux 4 must", "will AUX aux 4 will")
    assert not any(r[0] == "REQUEST" for r in _relations(will, ents))  # a forecast asks nothing
    knowing = MUST.replace("apologize~ VERB ccomp 1 apologize", "understand~ VERB ccomp 1 understand")
    assert not any(r[0] == "REQUEST" for r in _relations(knowing, ents))  # "must understand": no act asked


# "McCain said Steele needs to assess it."
NEEDS = """
McCain PROPN nsubj 1 McCain
said VERB ROOT 1 say
Steele PROPN nsubj 3 Steele
needs VERB ccomp 1 need
to PART aux 5
assess VERB xcomp 3 assess
it~ PRON dobj 5
. PUNCT punct 1
"""


def test_saying_a_named_party_needs_to_do_something_asks_it_of_them():
    ents = ((0, 1, "PERSON"), (2, 3, "PERSON"))
    assert _relations(NEEDS, ents) == [("REQUEST", None, "McCain", "Steele", "reported")]
    pronoun = NEEDS.replace("Steele PROPN nsubj 3 Steele", "he PRON nsubj 3 he")
    assert _relations(pronoun, ((0, 1, "PERSON"),)) == []  # a named party, not "he"


# "Schumer said the GOP will need to win."
FORECAST = """
Schumer PROPN nsubj 1 Schumer
said VERB ROOT 1 say
the DET det 3
GOP PROPN nsubj 5 GOP
will AUX aux 5 will
need VERB ccomp 1 need
to PART aux 7
win~ VERB xcomp 5 win
. PUNCT punct 1
"""


def test_what_a_party_will_need_to_do_is_a_forecast_not_a_request():
    assert _relations(FORECAST, ((0, 1, "PERSON"), (3, 4, "ORG"))) == []


# "Rozell warned against it if Democrats won."
WARNED_IF = """
Rozell PROPN nsubj 1 Rozell
warned VERB ROOT 1 warn
against ADP prep 1
it PRON pobj 2
if SCONJ mark 6
Democrats PROPN nsubj 6 Democrats
won~ VERB advcl 1 win
. PUNCT punct 1
"""


def test_a_warnings_condition_is_no_target():
    assert _relations(WARNED_IF, ((0, 1, "PERSON"), (5, 6, "NORP"))) == []


# "McCain said Steele's comments were inaccurate."
INACCURATE = """
McCain PROPN nsubj 1 McCain
said VERB ROOT 1 say
Steele PROPN poss 4 Steele
's PART case 2
comments NOUN nsubj 5 comment
were AUX ccomp 1 be
inaccurate~ ADJ acomp 5 inaccurate
. PUNCT punct 1
"""


def test_a_fault_said_of_someones_words_accuses_their_owner():
    ents = ((0, 1, "PERSON"), (2, 3, "PERSON"))
    assert _relations(INACCURATE, ents) == [("ACCUSE", None, "McCain", "Steele", "reported")]
    kind = INACCURATE.replace("inaccurate~ ADJ acomp 5 inaccurate", "accurate~ ADJ acomp 5 accurate")
    assert _relations(kind, ents) == []


# "He called Steele's comments "unacceptable"." (the parse hangs owner and comments on the adjective)
UNACCEPTABLE = """
DeMint PROPN nsubj 1 DeMint
called VERB ROOT 1 call
Steele PROPN poss 6 Steele
's PART case 2
comments NOUN npadvmod 6 comment
" PUNCT punct 6
unacceptable~ ADJ oprd 1 unacceptable
"~ PUNCT punct 6
. PUNCT punct 1
"""


def test_calling_someones_comments_unacceptable_accuses_them():
    ents = ((0, 1, "PERSON"), (2, 3, "PERSON"))
    assert _relations(UNACCEPTABLE, ents) == [("ACCUSE", None, "DeMint", "Steele", "reported")]


# "McCain voted against Trump's repeal."
VOTED = """
McCain PROPN nsubj 1 McCain
voted VERB ROOT 1 vote
against ADP prep 1
Trump PROPN poss 5 Trump
's PART case 3
repeal~ NOUN pobj 2 repeal
. PUNCT punct 1
"""

# "The Senate failed to pass Trump's proposal."
FAILED = """
The DET det 1
Senate PROPN nsubj 2 Senate
failed VERB ROOT 2 fail
to PART aux 4
pass VERB xcomp 2 pass
Trump PROPN poss 7 Trump
's PART case 5
proposal~ NOUN dobj 4 proposal
. PUNCT punct 2
"""


def test_voting_against_and_failing_to_pass_reject():
    assert _relations(VOTED, ((0, 1, "PERSON"), (3, 4, "PERSON"))) == [
        ("REJECT", None, "McCain", "Trump", "reported")]
    voted_for = VOTED.replace("against ADP prep 1", "for ADP prep 1")
    assert _relations(voted_for, ((0, 1, "PERSON"), (3, 4, "PERSON"))) == []
    assert ("REJECT", None, "Senate", "Trump", "reported") in _relations(FAILED, ((1, 2, "ORG"), (5, 6, "PERSON")))


# "John McCain spoke on the Sunday shows. The Arizona Republican said Steele must go."
MEMBER = """
John PROPN compound 1 John
McCain PROPN nsubj 2 McCain
spoke VERB ROOT 2 speak
on ADP prep 2
the DET det 6
Sunday PROPN compound 6
shows~ NOUN pobj 3 show
. PUNCT punct 2
The DET det 10
Arizona PROPN compound 10 Arizona
Republican PROPN nsubj 11 Republican
said VERB ROOT 11 say
Steele PROPN nsubj 14 Steele
must AUX aux 14 must
go~ VERB ccomp 11 go
. PUNCT punct 11
"""


def test_the_arizona_republican_is_the_person_named_before():
    ents = ((0, 2, "PERSON"), (9, 10, "GPE"), (10, 11, "NORP"), (12, 13, "PERSON"))
    assert ("REQUEST", None, "John McCain", "Steele", "reported") in _relations(MEMBER, ents)
    party = MEMBER.replace("Republican PROPN nsubj 11 Republican", "Republicans PROPN nsubj 11 Republicans")
    assert not any(r[2] == "John McCain" for r in _relations(party, ents))  # the party itself


# "Clinton criticized the Bush administration for its secrecy."
CRITICIZED = """
Clinton PROPN nsubj 1 Clinton
criticized VERB ROOT 1 criticize
the DET det 4
Bush PROPN compound 4 Bush
administration NOUN dobj 1 administration
for ADP prep 1
its PRON poss 7 its
secrecy~ NOUN pobj 5 secrecy
. PUNCT punct 1
"""


def test_an_accusations_named_object_comes_before_its_for_phrase():
    ents = ((0, 1, "PERSON"), (3, 4, "PERSON"))
    assert _relations(CRITICIZED, ents) == [("ACCUSE", None, "Clinton", "Bush", "reported")]


# "Trump threatened to shut down the government unless Congress paid."
UNLESS = """
Trump PROPN nsubj 1 Trump
threatened VERB ROOT 1 threaten
to PART aux 3
shut VERB xcomp 1 shut
down ADP prt 3
the DET det 6
government NOUN dobj 3 government
unless SCONJ mark 9
Congress PROPN nsubj 9 Congress
paid~ VERB advcl 3 pay
. PUNCT punct 1
"""


def test_a_threats_condition_names_its_target():
    ents = ((0, 1, "PERSON"), (8, 9, "ORG"))
    assert ("THREATEN", None, "Trump", "Congress", "reported") in _relations(UNLESS, ents)
    if_not = UNLESS.replace("unless SCONJ mark 9", "because SCONJ mark 9")
    assert not any(r[0] == "THREATEN" for r in _relations(if_not, ents))


# "Democrats came to her defense." (her: Clinton, named before)
DEFENSE = """
Clinton PROPN nsubj 1 Clinton
spoke~ VERB ROOT 1 speak
. PUNCT punct 1
Democrats PROPN nsubj 4 Democrats
came VERB ROOT 4 come
to ADP prep 4
her PRON poss 7 her
defense~ NOUN pobj 5 defense
. PUNCT punct 4
"""


def test_coming_to_someones_defense_supports_them():
    ents = ((0, 1, "PERSON"), (3, 4, "NORP"))
    assert ("SUPPORT", None, "Democrats", "Clinton", "reported") in _relations(DEFENSE, ents)


# "Trump complained about issues, such as Mattis' performance and McCain's vote."
SUCH_AS = """
Trump PROPN nsubj 1 Trump
complained VERB ROOT 1 complain
about ADP prep 1
issues~ NOUN pobj 2 issue
, PUNCT punct 3
such ADJ amod 6
as ADP prep 3
Mattis~ PROPN nmod 9 Mattis
' PUNCT punct 7
performance NOUN pobj 6 performance
and CCONJ cc 9
McCain PROPN poss 13 McCain
's PART case 11
vote~ NOUN conj 9 vote
. PUNCT punct 1
"""


def test_things_listed_such_as_are_aimed_at_their_owners():
    ents = ((0, 1, "PERSON"), (7, 8, "PERSON"), (11, 12, "PERSON"))
    found = _relations(SUCH_AS, ents)
    assert ("ACCUSE", None, "Trump", "Mattis", "reported") in found
    assert ("ACCUSE", None, "Trump", "McCain", "reported") in found
    things = SUCH_AS.replace("Mattis~ PROPN nmod 9 Mattis", "Mattis~ PROPN compound 9 Mattis")
    assert ("ACCUSE", None, "Trump", "Mattis", "reported") not in _relations(things, ents)  # no owner


# "Kristol called for Steele's resignation."
RESIGNATION = """
Kristol PROPN nsubj 1 Kristol
called VERB ROOT 1 call
for ADP prep 1
Steele PROPN poss 5 Steele
's PART case 3
resignation~ NOUN pobj 2 resignation
. PUNCT punct 1
"""


def test_a_call_for_someones_resignation_asks_it_of_them():
    ents = ((0, 1, "PERSON"), (3, 4, "PERSON"))
    assert _relations(RESIGNATION, ents) == [("REQUEST", None, "Kristol", "Steele", "reported")]


def test_the_words_between_a_quotes_fragments_are_the_outlets():
    doc = parsed_doc(NLP.vocab, MUST, ((0, 1, "PERSON"), (2, 3, "PERSON")))
    said = doc[1]
    start, end = doc[0].idx, doc[-1].idx + 1
    fragments = (Span(doc[0].idx, doc[0].idx + 6, "DeMint"), Span(doc[2].idx, doc[4].idx + 9, "Steele must apologize"))
    quote = Quote(start, end, doc.text, "mixed", "said", None, "person:demint", "DeMint", fragments=fragments)
    assert read_status(said, [quote]).status == "reported"
    whole = Quote(start, end, doc.text, "mixed", "said", None, "person:demint", "DeMint")
    assert read_status(said, [whole]).status == "alleged"


# "Trump insisted that Congress pay." (the bare verb tagged VB)
INSISTED = """
Trump PROPN nsubj 1 Trump
insisted VERB ROOT 1 insist
that SCONJ mark 4
Congress PROPN nsubj 4 Congress
pay~ VERB ccomp 1 pay
. PUNCT punct 1
"""


def test_insisting_that_a_named_party_do_something_asks_it_of_them():
    from onrecord.extract.actors import extract_actors
    from onrecord.extract.relations import extract_relations

    def found(tag):
        doc = parsed_doc(NLP.vocab, INSISTED, ((0, 1, "PERSON"), (3, 4, "ORG")))
        doc[4].tag_ = tag
        actors = extract_actors(doc)
        names = {a.key: a.name for a in actors}
        return [(r.type, names[r.source_key], names[r.target_key]) for r in extract_relations(doc, actors)]

    assert found("VB") == [("REQUEST", "Trump", "Congress")]
    assert found("VBD") == []  # "insisted that Congress paid": a claim, no request
