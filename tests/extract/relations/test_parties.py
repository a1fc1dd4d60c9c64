"""Relation parties on hand-parsed Docs: descriptions, plural parties, "it" for a state, demonyms
outside the lexicon; and the readings added with them (nominal "of" targets, "lavished praise on",
threats dangled or warned of, a call that asks, a release someone secures, giving that aids, one
relation per sentence, type and pair)."""

from __future__ import annotations

import spacy

from marked_docs import parsed_relations

NLP = spacy.blank("en")


def _relations(rows, ents):
    return [(t, s, g, st) for t, _, s, g, st in parsed_relations(NLP.vocab, rows, ents)]


# "Russian President Putin spoke . President Obama listened . Trump praised the Russian leader ."
DESCRIBED = """
Russian ADJ amod 1 russian
President PROPN compound 2
Putin PROPN nsubj 3
spoke VERB ROOT 3 speak
. PUNCT punct 3
President PROPN compound 6
Obama PROPN nsubj 7
listened VERB ROOT 7 listen
. PUNCT punct 7
Trump PROPN nsubj 10
praised VERB ROOT 10 praise
the DET det 13
Russian ADJ amod 13 russian
leader NOUN dobj 10 leader
. PUNCT punct 10
"""
_DESCRIBED_ENTS = ((0, 1, "NORP"), (2, 3, "PERSON"), (6, 7, "PERSON"), (9, 10, "PERSON"), (12, 13, "NORP"))


def test_a_description_is_the_person_named_before_whose_state_fits():
    assert _relations(DESCRIBED, _DESCRIBED_ENTS) == [("SUPPORT", "Trump", "Putin", "reported")]


def test_a_description_no_one_fits_is_no_one():
    untied = DESCRIBED.replace("Russian ADJ amod 1 russian", "The DET det 1")  # no one tied to Russia
    assert _relations(untied, _DESCRIBED_ENTS[1:]) == []


# "Trump called Putin . The two leaders met ."
TWO_LEADERS = """
Trump PROPN nsubj 1
called VERB ROOT 1 call
Putin PROPN dobj 1
. PUNCT punct 1
The DET det 6
two NUM nummod 6
leaders NOUN nsubj 7 leader
met VERB ROOT 7 meet
. PUNCT punct 7
"""


def test_a_plural_party_of_a_symmetric_cue_is_the_last_two_named():
    rels = _relations(TWO_LEADERS, ((0, 1, "PERSON"), (2, 3, "PERSON")))
    assert [(t, {s, g}) for t, s, g, _ in rels] == [("CONSULT", {"Trump", "Putin"}), ("CONSULT", {"Trump", "Putin"})]


# "The U.S. headquarters in Baghdad wrote a letter indicating it was withdrawing from Iraq ."
IT_STATE = """
The DET det 2
U.S. PROPN compound 2
headquarters NOUN nsubj 5 headquarters
in ADP prep 2
Baghdad PROPN pobj 3
wrote VERB ROOT 5 write
a DET det 7
letter NOUN dobj 5
indicating VERB acl 7 indicate
it PRON nsubj 11
was AUX aux 11 be
withdrawing VERB ccomp 8 withdraw
from ADP prep 11
Iraq~ PROPN pobj 12
. PUNCT punct 5
"""


def test_it_is_the_state_of_the_clause_above():
    rels = _relations(IT_STATE, ((1, 2, "GPE"), (4, 5, "GPE"), (13, 14, "GPE")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("RETREAT", "United States", "Iraq")]


# "The U.S. imposed sanctions on Venezuelan officials . Venezuela protested ."
DEMONYM = """
The DET det 1
U.S. PROPN nsubj 2
imposed VERB ROOT 2 impose
sanctions NOUN dobj 2 sanction
on ADP prep 3
Venezuelan ADJ amod 6 venezuelan
officials~ NOUN pobj 4 official
. PUNCT punct 2
Venezuela PROPN nsubj 9
protested~ VERB ROOT 9 protest
. PUNCT punct 9
"""


def test_a_demonym_outside_the_lexicon_is_the_state_it_names():
    rels = _relations(DEMONYM, ((1, 2, "GPE"), (5, 6, "NORP"), (8, 9, "GPE")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("SANCTION", "United States", "Venezuela")]


# "North Korea's criticisms of U.S. rhetoric grew ."
CRITICISMS = """
North PROPN compound 1
Korea~ PROPN poss 3
's PART case 1
criticisms NOUN nsubj 7 criticism
of ADP prep 3
U.S. PROPN compound 6
rhetoric NOUN pobj 4
grew~ VERB ROOT 7 grow
. PUNCT punct 7
"""


def test_an_accusation_noun_names_its_target_with_of():
    rels = _relations(CRITICISMS, ((0, 2, "GPE"), (5, 6, "GPE")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("ACCUSE", "North Korea", "United States")]


# "Obama dangled the prospect of sanctions against Russia ."
DANGLED = """
Obama PROPN nsubj 1
dangled VERB ROOT 1 dangle
the DET det 3
prospect NOUN dobj 1
of ADP prep 3
sanctions NOUN pobj 4 sanction
against ADP prep 5
Russia~ PROPN pobj 6
. PUNCT punct 1
"""


def test_a_dangled_prospect_of_sanctions_is_also_a_threat():
    rels = _relations(DANGLED, ((0, 1, "PERSON"), (7, 8, "GPE")))
    assert sorted(rels) == [("SANCTION", "Obama", "Russia", "planned"), ("THREATEN", "Obama", "Russia", "reported")]


# "Obama warned that the failure would lead to pain for Russia ."
WARNED = """
Obama PROPN nsubj 1
warned VERB ROOT 1 warn
that SCONJ mark 6
the DET det 4
failure NOUN nsubj 6
would AUX aux 6
lead VERB ccomp 1
to ADP prep 6
pain NOUN pobj 7
for ADP prep 8
Russia~ PROPN pobj 9
. PUNCT punct 1
"""


def test_a_warning_of_harm_to_a_party_is_a_threat():
    rels = _relations(WARNED, ((0, 1, "PERSON"), (10, 11, "GPE")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("THREATEN", "Obama", "Russia")]
    no_harm = WARNED.replace("for ADP prep 8\nRussia~ PROPN pobj 9", "for ADP prep 8\nall~ DET pobj 9")
    assert _relations(no_harm, ((0, 1, "PERSON"),)) == []


# "Trump issued a call for Obama to resign ."
CALL_FOR = """
Trump PROPN nsubj 1
issued VERB ROOT 1 issue
a DET det 3
call NOUN dobj 1
for ADP prep 3
Obama PROPN pobj 4
to PART aux 7
resign~ VERB acl 3
. PUNCT punct 1
"""


def test_a_call_that_asks_is_a_request():
    rels = _relations(CALL_FOR, ((0, 1, "PERSON"), (5, 6, "PERSON")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("REQUEST", "Trump", "Obama")]


# "Clapper secured the release of Fowle ." / "Pyongyang announced the release of Fowle ."
RELEASE = """
Clapper PROPN nsubj 1
secured VERB ROOT 1 secure
the DET det 3
release NOUN dobj 1
of ADP prep 3
Fowle~ PROPN pobj 4
. PUNCT punct 1
"""


def test_a_release_someone_secures_is_the_other_sides():
    assert _relations(RELEASE, ((0, 1, "PERSON"), (5, 6, "PERSON"))) == []
    announced = RELEASE.replace("secured VERB ROOT 1 secure", "announced VERB ROOT 1 announce")
    rels = _relations(announced, ((0, 1, "PERSON"), (5, 6, "PERSON")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("CONCEDE", "Clapper", "Fowle")]


# "Steele sent an e-mail to Priebus ." / "Steele sent troops to Priebus ."
SENT = """
Steele PROPN nsubj 1
sent VERB ROOT 1 send
an DET det 3
email NOUN dobj 1
to ADP prep 1
Priebus~ PROPN pobj 4
. PUNCT punct 1
"""


def test_giving_aids_only_with_something_material():
    assert _relations(SENT, ((0, 1, "PERSON"), (5, 6, "PERSON"))) == []
    troops = SENT.replace("an DET det 3\nemail NOUN dobj 1", "more ADJ amod 3\ntroops NOUN dobj 1 troop")
    rels = _relations(troops, ((0, 1, "PERSON"), (5, 6, "PERSON")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("AID", "Steele", "Priebus")]


# "Trump met Putin and talked with Putin ."
TWICE = """
Trump PROPN nsubj 1
met VERB ROOT 1 meet
Putin PROPN dobj 1
and CCONJ cc 1
talked VERB conj 1 talk
with ADP prep 4
Putin~ PROPN pobj 5
. PUNCT punct 1
"""


def test_one_relation_per_sentence_type_and_pair():
    rels = _relations(TWICE, ((0, 1, "PERSON"), (2, 3, "PERSON"), (6, 7, "PERSON")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("CONSULT", "Trump", "Putin")]


# "Cruz sided with Trump ."
SIDED = """
Cruz PROPN nsubj 1
sided VERB ROOT 1 side
with ADP prep 1
Trump~ PROPN pobj 2
. PUNCT punct 1
"""


def test_siding_with_someone_supports_them():
    rels = _relations(SIDED, ((0, 1, "PERSON"), (3, 4, "PERSON")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("SUPPORT", "Cruz", "Trump")]


# "Clinton urged that Duncan read the report ."
URGED_THAT = """
Clinton PROPN nsubj 1
urged VERB ROOT 1 urge
that SCONJ mark 4
Duncan PROPN nsubj 4
read VERB ccomp 1
the DET det 6
report~ NOUN dobj 4
. PUNCT punct 1
"""


def test_urging_that_someone_do_asks_them():
    rels = _relations(URGED_THAT, ((0, 1, "PERSON"), (3, 4, "PERSON")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("REQUEST", "Clinton", "Duncan")]
    asked_if = URGED_THAT.replace("urged VERB ROOT 1 urge\nthat SCONJ mark 4", "asked VERB ROOT 1 ask\nif SCONJ mark 4")
    assert _relations(asked_if, ((0, 1, "PERSON"), (3, 4, "PERSON"))) == []


# "Obama singled out the leaders , Boehner and McConnell ."
SINGLED = """
Obama PROPN nsubj 1
singled VERB ROOT 1 single
out ADP prt 1
the DET det 4
leaders~ NOUN dobj 1 leader
, PUNCT punct 4
Boehner PROPN appos 4
and CCONJ cc 6
McConnell~ PROPN conj 6
. PUNCT punct 1
"""


def test_a_plural_noun_named_in_apposition_is_each_name():
    rels = _relations(SINGLED, ((0, 1, "PERSON"), (6, 7, "PERSON"), (8, 9, "PERSON")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("ACCUSE", "Obama", "Boehner"), ("ACCUSE", "Obama", "McConnell")]


# "Republicans oppose Obama 's plan ." / "Fox opposed Trump ."
OPPOSE = """
Republicans PROPN nsubj 1
oppose VERB ROOT 1
Obama~ PROPN poss 4
's PART case 2
plan~ NOUN dobj 1
. PUNCT punct 1
"""


def test_opposing_a_plan_rejects_it_and_opposing_a_person_accuses():
    rels = _relations(OPPOSE, ((0, 1, "NORP"), (2, 3, "PERSON")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("REJECT", "Republicans", "Obama")]
    person = "Fox PROPN nsubj 1\nopposed VERB ROOT 1 oppose\nTrump~ PROPN dobj 1\n. PUNCT punct 1\n"
    rels = _relations(person, ((0, 1, "PERSON"), (2, 3, "PERSON")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("ACCUSE", "Fox", "Trump")]


# "With Putin 's support , Assad attacked Aleppo ."
WITH_SUPPORT = """
With ADP prep 6
Putin~ PROPN poss 3
's PART case 1
support~ NOUN pobj 0
, PUNCT punct 6
Assad PROPN nsubj 6
attacked VERB ROOT 6 attack
Aleppo~ PROPN dobj 6
. PUNCT punct 6
"""


def test_with_someones_support_the_subject_is_supported():
    rels = _relations(WITH_SUPPORT, ((1, 2, "PERSON"), (5, 6, "PERSON"), (7, 8, "GPE")))
    assert sorted((t, s, g) for t, s, g, _ in rels) == [("ASSAULT", "Assad", "Aleppo"), ("SUPPORT", "Putin", "Assad")]


# "Kim received a visit from Shoigu ."
RECEIVED = """
Kim PROPN nsubj 1
received VERB ROOT 1 receive
a DET det 3
visit NOUN dobj 1
from ADP prep 3
Shoigu~ PROPN pobj 4
. PUNCT punct 1
"""


def test_an_event_received_from_someone_is_theirs():
    rels = _relations(RECEIVED, ((0, 1, "PERSON"), (5, 6, "PERSON")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("CONSULT", "Shoigu", "Kim")]


# "LaHood went to the Capitol ." / "LaHood went to Ohio ."
WENT = """
LaHood PROPN nsubj 1
went VERB ROOT 1 go
to ADP prep 1
the DET det 4
Capitol~ PROPN pobj 2
. PUNCT punct 1
"""


def test_a_visit_goes_to_a_place_that_stands_for_someone():
    assert _relations(WENT, ((0, 1, "PERSON"), (4, 5, "FAC"))) == []
    rels = _relations(WENT, ((0, 1, "PERSON"), (4, 5, "GPE")))
    assert [(t, s, g) for t, s, g, _ in rels] == [("CONSULT", "LaHood", "Capitol")]


# "The House declined to take up Obama 's package ."
DECLINED = """
The DET det 1
House PROPN nsubj 2
declined VERB ROOT 2 decline
to PART aux 4
take VERB xcomp 2
up ADP prt 4
Obama~ PROPN poss 8
's PART case 6
package~ NOUN dobj 4
. PUNCT punct 2
"""


def test_declining_to_take_something_up_rejects_its_owner():
    rels = _relations(DECLINED, ((1, 2, "ORG"), (6, 7, "PERSON")))
    assert [(t, s, g, st) for t, s, g, st in rels] == [("REJECT", "House", "Obama", "reported")]


# "Russia sent tanks into Georgia ."
SENT_INTO = """
Russia PROPN nsubj 1
sent VERB ROOT 1 send
tanks NOUN dobj 1 tank
into ADP prep 1
Georgia PROPN pobj 3
. PUNCT punct 1
"""
_SENT_ENTS = ((0, 1, "GPE"), (4, 5, "GPE"))


def test_forces_sent_into_a_country_aid_no_one_there():
    assert _relations(SENT_INTO, _SENT_ENTS) == []
    sent_to = SENT_INTO.replace("into ADP prep 1", "to ADP prep 1")
    assert _relations(sent_to, _SENT_ENTS) == [("AID", "Russia", "Georgia", "reported")]


# "Kim visited Omsk . Omsk visited Tomsk ." (the second: a city as a visitor, as a bad parse gives)
CITY_VISITS = """
Kim PROPN nsubj 1
visited VERB ROOT 1 visit
Omsk PROPN dobj 1
. PUNCT punct 1
Omsk PROPN nsubj 5
visited VERB ROOT 5 visit
Tomsk PROPN dobj 5
. PUNCT punct 5
"""
_CITY_ENTS = ((0, 1, "PERSON"), (2, 3, "GPE"), (4, 5, "GPE"), (6, 7, "GPE"))


def test_a_city_is_visited_but_visits_no_one():
    assert _relations(CITY_VISITS, _CITY_ENTS) == [("CONSULT", "Kim", "Omsk", "reported")]


# "Kim met Putin . He sought food for Korea ."
SOUGHT_FOR = """
Kim PROPN nsubj 1
met VERB ROOT 1 meet
Putin PROPN dobj 1
. PUNCT punct 1
He PRON nsubj 5 he
sought VERB ROOT 5 seek
food NOUN dobj 5 food
for ADP prep 5
Korea PROPN pobj 7
. PUNCT punct 5
"""
_SOUGHT_ENTS = ((0, 1, "PERSON"), (2, 3, "PERSON"), (8, 9, "GPE"))


def test_what_is_sought_for_someone_is_not_asked_of_them():
    assert _relations(SOUGHT_FOR, _SOUGHT_ENTS) == [("CONSULT", "Kim", "Putin", "reported")]
    asked = SOUGHT_FOR.replace("for ADP prep 5", "from ADP prep 5")
    assert ("REQUEST", "Kim", "Korea", "reported") in _relations(asked, _SOUGHT_ENTS)


# "Talks between Russia and North Korea advanced . The North needs food ." (the North: an actor of its own)
TALKS_BETWEEN = """
Talks NOUN nsubj 6 talk
between ADP prep 0
Russia PROPN pobj 1
and CCONJ cc 2
North PROPN compound 5
Korea PROPN conj 2
advanced VERB ROOT 6 advance
. PUNCT punct 6
The DET det 9
North PROPN nsubj 10
needs VERB ROOT 10 need
food NOUN dobj 10 food
. PUNCT punct 10
"""
_TALKS_ENTS = ((2, 3, "GPE"), (4, 6, "GPE"), (9, 10, "LOC"))


def test_conjoined_parties_give_one_relation_and_none_with_itself():
    assert _relations(TALKS_BETWEEN, _TALKS_ENTS) == [("CONSULT", "Russia", "North Korea", "reported")]


# "Trump called Putin . Spokesman Pence said the two leaders met ." (a spokesman tells of the pair)
TOLD_OF_THE_PAIR = """
Trump PROPN nsubj 1
called VERB ROOT 1 call
Putin PROPN dobj 1
. PUNCT punct 1
Spokesman PROPN compound 5
Pence PROPN nsubj 6
said VERB ROOT 6 say
the DET det 9
two NUM nummod 9
leaders NOUN nsubj 10 leader
met VERB ccomp 6 meet
. PUNCT punct 6
"""


def test_the_two_leaders_are_not_a_spokesman_who_tells_of_them():
    rels = _relations(TOLD_OF_THE_PAIR, ((0, 1, "PERSON"), (2, 3, "PERSON"), (5, 6, "PERSON")))
    assert [(t, {s, g}) for t, s, g, _ in rels] == [("CONSULT", {"Trump", "Putin"}), ("CONSULT", {"Trump", "Putin"})]


# "Pelosi urged Schiff to stay as chairman. Trump criticized the chairman."
AS_CHAIRMAN = """
Pelosi PROPN nsubj 1 Pelosi
urged VERB ROOT 1 urge
Schiff PROPN dobj 1 Schiff
to PART aux 4
stay VERB xcomp 1
as ADP prep 4
chairman~ NOUN pobj 5
. PUNCT punct 1
Trump PROPN nsubj 9 Trump
criticized VERB ROOT 9 criticize
the DET det 11
chairman~ NOUN dobj 9
. PUNCT punct 9
"""


def test_a_role_held_as_in_an_infinitive_is_a_title_the_description_takes():
    ents = ((0, 1, "PERSON"), (2, 3, "PERSON"), (8, 9, "PERSON"))
    got = parsed_relations(spacy.blank("en").vocab, AS_CHAIRMAN, ents)
    assert ("ACCUSE", None, "Trump", "Schiff", "reported") in got
    no_role = AS_CHAIRMAN.replace("as ADP prep 4", "on ADP prep 4").replace("chairman~ NOUN pobj 5", "board~ NOUN pobj 5")
    assert ("ACCUSE", None, "Trump", "Schiff", "reported") not in parsed_relations(spacy.blank("en").vocab, no_role, ents)


# "Nebraska and Oklahoma sued. They criticized Colorado."
THEY_GROUP = """
Nebraska PROPN nsubj 3 Nebraska
and CCONJ cc 0
Oklahoma PROPN conj 0 Oklahoma
sued~ VERB ROOT 3 sue
. PUNCT punct 3
They PRON nsubj 6 they
criticized VERB ROOT 6 criticize
Colorado~ PROPN dobj 6 Colorado
. PUNCT punct 6
"""


def test_they_after_conjoined_named_subjects_is_each_of_them():
    ents = ((0, 1, "GPE"), (2, 3, "GPE"), (7, 8, "GPE"))
    got = parsed_relations(spacy.blank("en").vocab, THEY_GROUP, ents)
    assert ("ACCUSE", None, "Nebraska", "Colorado", "reported") in got
    assert ("ACCUSE", None, "Oklahoma", "Colorado", "reported") in got
    one = THEY_GROUP.replace("and CCONJ cc 0\n", "also ADV advmod 3\n").replace("Oklahoma PROPN conj 0 Oklahoma",
                                                                          "again ADV advmod 3")
    got = parsed_relations(spacy.blank("en").vocab, one, ((0, 1, "GPE"), (7, 8, "GPE")))
    assert ("ACCUSE", None, "Oklahoma", "Colorado", "reported") not in got


# "Bruning and Oklahoma's attorney general, Pruitt, accused Colorado."
APPOSED_CONJUNCT = """
Bruning PROPN nsubj 9 Bruning
and CCONJ cc 0
Oklahoma PROPN poss 5 Oklahoma
's PART case 2
attorney NOUN compound 5
general~ NOUN conj 0
, PUNCT punct 5
Pruitt~ PROPN appos 5 Pruitt
, PUNCT punct 5
accused VERB ROOT 9 accuse
Colorado~ PROPN dobj 9 Colorado
. PUNCT punct 9
"""


def test_a_conjoined_role_with_a_name_in_apposition_is_a_party_too():
    ents = ((0, 1, "PERSON"), (2, 3, "GPE"), (7, 8, "PERSON"), (10, 11, "GPE"))
    got = parsed_relations(spacy.blank("en").vocab, APPOSED_CONJUNCT, ents)
    assert ("ACCUSE", None, "Bruning", "Colorado", "reported") in got
    assert ("ACCUSE", None, "Pruitt", "Colorado", "reported") in got
