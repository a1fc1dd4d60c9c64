"""Generic readings on hand-parsed Docs: cues that ask only through an infinitive, particles, a
meeting's "between" on a copula, the doer of a passive participle, a threat's harm, whom a demand
asks, an accusation said as a clause, material support as aid."""

from __future__ import annotations

import spacy

from marked_docs import parsed_doc, parsed_relations

NLP = spacy.blank("en")


def _relations(rows, ents):
    return parsed_relations(NLP.vocab, rows, ents)


# "Obama pushed Karzai to resign."
PUSHED = """
Obama PROPN nsubj 1 Obama
pushed VERB ROOT 1 push
Karzai PROPN dobj 1 Karzai
to PART aux 4
resign~ VERB xcomp 1 resign
. PUNCT punct 1
"""
_TWO = ((0, 1, "PERSON"), (2, 3, "PERSON"))


def test_a_pushing_verb_asks_only_through_an_infinitive():
    assert _relations(PUSHED, _TWO) == [("REQUEST", None, "Obama", "Karzai", "reported")]
    no_infinitive = PUSHED.replace("to PART aux 4", "hard ADV advmod 1").replace("resign~ VERB xcomp 1 resign",
                                                                                "again~ ADV advmod 1")
    assert _relations(no_infinitive, _TWO) == []  # "pushed Karzai hard again": no one asked to do anything


# "Ryan called out Trump."
CALLED_OUT = """
Ryan PROPN nsubj 1 Ryan
called VERB ROOT 1 call
out ADP prt 1
Trump~ PROPN dobj 1 Trump
. PUNCT punct 1
"""


def test_calling_out_accuses():
    assert _relations(CALLED_OUT, ((0, 1, "PERSON"), (3, 4, "PERSON"))) == [
        ("ACCUSE", None, "Ryan", "Trump", "reported")]


# "The meeting is the first between Obama and Netanyahu."
FIRST_BETWEEN = """
The DET det 1
meeting NOUN nsubj 2 meeting
is AUX ROOT 2 be
the DET det 4
first ADJ attr 2
between ADP prep 4
Obama PROPN pobj 5 Obama
and CCONJ cc 6
Netanyahu~ PROPN conj 6 Netanyahu
. PUNCT punct 2
"""


def test_a_meetings_between_on_its_copulas_attribute():
    assert _relations(FIRST_BETWEEN, ((6, 7, "PERSON"), (8, 9, "PERSON"))) == [
        ("CONSULT", "meet", "Obama", "Netanyahu", "reported")]
    a_lecture = FIRST_BETWEEN.replace("meeting NOUN nsubj 2 meeting", "lecture NOUN nsubj 2 lecture")
    assert _relations(a_lecture, ((6, 7, "PERSON"), (8, 9, "PERSON"))) == []


# "Russia retaliated for sanctions placed on it by Iraq."
PLACED_BY = """
Russia PROPN nsubj 1 Russia
retaliated VERB ROOT 1 retaliate
for ADP prep 1
sanctions NOUN pobj 2 sanction
placed VERB acl 3 place
on ADP prep 4
Russia PROPN pobj 5 Russia
by ADP agent 4
Iraq~ PROPN pobj 7 Iraq
. PUNCT punct 1
"""
_PLACED_ENTS = ((0, 1, "GPE"), (6, 7, "GPE"), (8, 9, "GPE"))


def test_the_doer_of_an_event_nouns_passive_participle():
    assert _relations(PLACED_BY, _PLACED_ENTS) == [("SANCTION", None, "Iraq", "Russia", "reported")]


# "Pyongyang made threats of strikes on Seoul."
THREATS_OF = """
Pyongyang PROPN nsubj 1 Pyongyang
made VERB ROOT 1 make
threats NOUN dobj 1 threat
of ADP prep 2
strikes NOUN pobj 3 strike
on ADP prep 4
Seoul~ PROPN pobj 5 Seoul
. PUNCT punct 1
"""


def test_a_threat_targets_whom_its_harm_would_strike():
    found = _relations(THREATS_OF, ((0, 1, "GPE"), (6, 7, "GPE")))
    assert ("THREATEN", None, "North Korea", "South Korea", "reported") in found
    no_harm = THREATS_OF.replace("strikes NOUN pobj 3 strike", "words NOUN pobj 3 word")
    assert _relations(no_harm, ((0, 1, "GPE"), (6, 7, "GPE"))) == []


# "Obama repeated his demand that Assad step down."
DEMAND_THAT = """
Obama PROPN nsubj 1 Obama
repeated VERB ROOT 1 repeat
his PRON poss 3
demand NOUN dobj 1 demand
that SCONJ mark 6
Assad PROPN nsubj 6 Assad
step VERB acl 3 step
down~ ADP prt 6
. PUNCT punct 1
"""


def test_a_demand_asks_the_subject_of_its_clause():
    assert _relations(DEMAND_THAT, ((0, 1, "PERSON"), (5, 6, "PERSON"))) == [
        ("REQUEST", None, "Obama", "Assad", "reported")]


# "Trump incites violence, Clinton charged."
CHARGED = """
Trump PROPN nsubj 1 Trump
incites VERB ccomp 5 incite
violence~ NOUN dobj 1 violence
, PUNCT punct 5
Clinton PROPN nsubj 5 Clinton
charged~ VERB ROOT 5 charge
. PUNCT punct 5
"""


def test_an_accusation_said_as_a_clause_accuses_its_subject():
    assert _relations(CHARGED, ((0, 1, "PERSON"), (4, 5, "PERSON"))) == [
        ("ACCUSE", None, "Clinton", "Trump", "reported")]
    it_was = CHARGED.replace("Trump PROPN nsubj 1 Trump", "It PRON nsubj 1 it")
    assert _relations(it_was, ((4, 5, "PERSON"),)) == []


# "Canada offered financial support to Chile."
FINANCIAL = """
Canada PROPN nsubj 1 Canada
offered VERB ROOT 1 offer
financial ADJ amod 3
support NOUN dobj 1 support
to ADP prep 1
Chile~ PROPN pobj 4 Chile
. PUNCT punct 1
"""


def test_material_support_is_aid():
    ents = ((0, 1, "GPE"), (5, 6, "GPE"))
    assert _relations(FINANCIAL, ents) == [("AID", "economic", "Canada", "Chile", "reported")]
    verbal = FINANCIAL.replace("financial ADJ amod 3", "strong ADJ amod 3")
    assert _relations(verbal, ents) == [("SUPPORT", None, "Canada", "Chile", "reported")]


# "Canada condemned and sanctioned Chile."
SHARED = """
Canada PROPN nsubj 1 Canada
condemned VERB ROOT 1 condemn
and CCONJ cc 1
sanctioned VERB conj 1 sanction
Chile~ PROPN dobj 3 Chile
. PUNCT punct 1
"""


def test_tightly_conjoined_verbs_share_their_object():
    ents = ((0, 1, "GPE"), (4, 5, "GPE"))
    assert _relations(SHARED, ents) == [("ACCUSE", None, "Canada", "Chile", "reported"),
                                         ("SANCTION", None, "Canada", "Chile", "reported")]
    apart = SHARED.replace("and CCONJ cc 1", ", PUNCT punct 1")  # "condemned, sanctioned Chile": not shared
    assert _relations(apart, ents) == [("SANCTION", None, "Canada", "Chile", "reported")]


# "The United States sent aid to Chile. The administration criticized Chile."
ADMINISTRATION = """
The DET det 2
United PROPN compound 2 United
States PROPN nsubj 3 States
sent VERB ROOT 3 send
aid NOUN dobj 3 aid
to ADP prep 3
Chile~ PROPN pobj 5 Chile
. PUNCT punct 3
The DET det 9
administration NOUN nsubj 10 administration
criticized VERB ROOT 10 criticize
Chile~ PROPN dobj 10 Chile
. PUNCT punct 10
"""
_ADMIN_ENTS = ((0, 3, "GPE"), (6, 7, "GPE"), (11, 12, "GPE"))


def test_the_administration_is_the_united_states_government():
    found = _relations(ADMINISTRATION, _ADMIN_ENTS)
    assert ("ACCUSE", None, "United States", "Chile", "reported") in found
    whose = ADMINISTRATION.replace("The DET det 9", "Chile's PROPN poss 9")  # "Chile's administration": not US
    assert not any(r[0] == "ACCUSE" and r[2] == "United States" for r in _relations(whose, _ADMIN_ENTS))


# "Obama warned Iran. He imposed sanctions on the country."
THE_COUNTRY = """
Obama PROPN nsubj 1 Obama
warned VERB ROOT 1 warn
Iran~ PROPN dobj 1 Iran
. PUNCT punct 1
He PRON nsubj 5 he
imposed VERB ROOT 5 impose
sanctions NOUN dobj 5 sanction
on ADP prep 5
the DET det 9
country~ NOUN pobj 7 country
. PUNCT punct 5
"""
_COUNTRY_ENTS = ((0, 1, "PERSON"), (2, 3, "GPE"))


def test_the_country_is_the_state_named_last_before_it():
    found = _relations(THE_COUNTRY, _COUNTRY_ENTS)
    assert ("SANCTION", None, "Obama", "Iran", "reported") in found
    a_country = THE_COUNTRY.replace("the DET det 9", "a DET det 9")  # "on a country": no one named
    assert not any(r[0] == "SANCTION" for r in _relations(a_country, _COUNTRY_ENTS))


# "Putin praised Trump's promise to end the war."
PROMISE = """
Putin PROPN nsubj 1 Putin
praised VERB ROOT 1 praise
Trump PROPN poss 4 Trump
's PART case 2
promise NOUN dobj 1 promise
to PART aux 6
end VERB acl 4 end
the DET det 8
war~ NOUN dobj 6 war
. PUNCT punct 1
"""


def test_an_event_noun_object_with_an_owner_gives_its_owner():
    assert _relations(PROMISE, ((0, 1, "PERSON"), (2, 3, "PERSON"))) == [
        ("SUPPORT", None, "Putin", "Trump", "reported")]


# "The US warned Kim. Kim criticized us."
US = """
The DET det 1
US PROPN nsubj 2 US
warned VERB ROOT 2 warn
Kim~ PROPN dobj 2 Kim
. PUNCT punct 2
Kim PROPN nsubj 6 Kim
criticized VERB ROOT 6 criticize
us~ PRON dobj 6 we
. PUNCT punct 6
"""


def test_us_is_never_the_united_states():
    found = _relations(US, ((1, 2, "GPE"), (3, 4, "PERSON"), (5, 6, "PERSON")))
    assert not any(r[0] == "ACCUSE" for r in found)  # "us": a side the text does not name


# "Standards were met."
WERE_MET = """
Standards NOUN nsubjpass 2 standard
were AUX auxpass 2 be
met~ VERB ROOT 2 meet
. PUNCT punct 2
"""


def test_a_passive_meet_without_a_doer_is_no_meeting():
    from onrecord.extract.relations.parse import verb_cue

    doc = parsed_doc(NLP.vocab, WERE_MET)
    assert verb_cue(doc[2], "meet") is None
    by_kim = parsed_doc(NLP.vocab, WERE_MET.replace("met~ VERB ROOT 2 meet", "met VERB ROOT 2 meet")
                        .replace(". PUNCT punct 2", "by ADP agent 2\nKim PROPN pobj 3 Kim\n. PUNCT punct 2"))
    assert verb_cue(by_kim[2], "meet") is not None  # "was met by Kim": a meeting


# "Paul called Trump a liar on CNN."
CALLED_ON_CNN = """
Paul PROPN nsubj 1 Paul
called VERB ROOT 1 call
Trump PROPN dobj 1 Trump
a DET det 4
liar NOUN oprd 1 liar
on ADP prep 1
CNN~ PROPN pobj 5 CNN
. PUNCT punct 1
"""


def test_calling_someone_names_on_a_medium_asks_nothing():
    found = _relations(CALLED_ON_CNN, ((0, 1, "PERSON"), (2, 3, "PERSON"), (6, 7, "ORG")))
    assert ("ACCUSE", None, "Paul", "Trump", "reported") in found
    assert not any(r[0] == "REQUEST" for r in found)


# "Obama's North Korean counterpart criticized Putin."
LAWYER = """
Obama PROPN poss 4 Obama
's PART case 0
North PROPN compound 3 North
Korean ADJ amod 4 Korean
counterpart NOUN nsubj 5 counterpart
criticized VERB ROOT 5 criticize
Putin~ PROPN dobj 5 Putin
. PUNCT punct 5
"""


def test_an_associate_is_not_its_owner():
    ents = ((0, 1, "PERSON"), (2, 4, "NORP"), (6, 7, "PERSON"))
    assert not any(r[2] == "Obama" for r in _relations(LAWYER, ents))  # the counterpart, not Obama
    own = LAWYER.replace("counterpart NOUN nsubj 5 counterpart", "campaign NOUN nsubj 5 campaign")
    assert ("ACCUSE", None, "Obama", "Putin", "reported") in _relations(own, ents)
