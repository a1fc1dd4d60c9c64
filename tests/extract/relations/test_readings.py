"""Readings fitted to the second batch of tuning articles, on hand-parsed Docs: shaking hands,
setting foot in a country (and the first one to do it did it), trade bans and tariffs on a
country's goods, a blacklist, the blame placed on someone, a campaign of an event, "Among those
who criticized X were Y", a harm warned of as a threat, plural parties two sentences back."""

from __future__ import annotations

import spacy

from marked_docs import parsed_relations

NLP = spacy.blank("en")


def _relations(rows, ents):
    return parsed_relations(NLP.vocab, rows, ents)


# "Obama shook hands with Putin."
HANDS = """
Obama PROPN nsubj 1 Obama
shook VERB ROOT 1 shake
hands NOUN dobj 1 hand
with ADP prep 1
Putin~ PROPN pobj 3 Putin
. PUNCT punct 1
"""


def test_shaking_hands_with_someone_is_a_meeting():
    assert _relations(HANDS, ((0, 1, "PERSON"), (4, 5, "PERSON"))) == [
        ("CONSULT", "meet", "Obama", "Putin", "reported")]
    shook_up = HANDS.replace("with ADP prep 1", "up ADP prt 1")  # "shook hands up Putin": no "with"
    assert _relations(shook_up, ((0, 1, "PERSON"), (4, 5, "PERSON"))) == []


# "Trump became the first U.S. president to step foot inside North Korea."
FOOT = """
Trump PROPN nsubj 1 Trump
became VERB ROOT 1 become
the DET det 5
first ADJ amod 5
U.S. PROPN compound 5 U.S.
president NOUN attr 1
to PART aux 7
step VERB advcl 1
foot NOUN dobj 7
inside ADP prep 7
North PROPN compound 11 North
Korea~ PROPN pobj 9 Korea
. PUNCT punct 1
"""
_FOOT_ENTS = ((0, 1, "PERSON"), (4, 5, "GPE"), (10, 12, "GPE"))


def test_setting_foot_in_a_country_visits_it_and_the_first_to_do_it_did_it():
    assert _relations(FOOT, _FOOT_ENTS) == [("CONSULT", "visit", "Trump", "North Korea", "reported")]
    a_purpose = FOOT.replace("first ADJ amod 5", "new ADJ amod 5")  # "the new president to step foot": to come
    assert _relations(a_purpose, _FOOT_ENTS) == [("CONSULT", "visit", "Trump", "North Korea", "planned")]
    no_foot = FOOT.replace("foot NOUN dobj 7", "records NOUN dobj 7 record")  # "to step records inside": no visit
    assert _relations(no_foot, _FOOT_ENTS) == []


# "Russia is banning the import of some food from the United States."
BAN = """
Russia PROPN nsubj 2 Russia
is AUX aux 2 be
banning VERB ROOT 2 ban
the DET det 4
import NOUN dobj 2
of ADP prep 4
some DET det 7
food NOUN pobj 5
from ADP prep 7
the DET det 11
United PROPN compound 11 United
States~ PROPN pobj 8 States
. PUNCT punct 2
"""


def test_a_ban_on_goods_from_a_country_sanctions_it():
    assert _relations(BAN, ((0, 1, "GPE"), (9, 12, "GPE"))) == [
        ("SANCTION", None, "Russia", "United States", "reported")]


# "Trump increased tariffs on $200 billion worth of Chinese imports. China objected."
TARIFFS = """
Trump PROPN nsubj 1 Trump
increased VERB ROOT 1 increase
tariffs NOUN dobj 1 tariff
on ADP prep 2
$~ SYM quantmod 6
200 NUM compound 6
billion NUM nummod 7
worth NOUN pobj 3
of ADP prep 7
Chinese ADJ amod 10
imports~ NOUN pobj 8 import
. PUNCT punct 1
China PROPN nsubj 13 China
objected~ VERB ROOT 13 object
. PUNCT punct 13
"""


def test_tariffs_on_a_countrys_goods_sanction_it():
    ents = ((0, 1, "PERSON"), (9, 10, "NORP"), (12, 13, "GPE"))
    assert _relations(TARIFFS, ents) == [("SANCTION", None, "Trump", "China", "reported")]
    steel = TARIFFS.replace("Chinese ADJ amod 10", "imported VERB amod 10 import")  # "worth of imported steel"
    assert _relations(steel, ((0, 1, "PERSON"), (12, 13, "GPE"))) == []


# "Washington placed Huawei on a blacklist." / "Clinton placed the blame on Trump."
BLACKLIST = """
Washington PROPN nsubj 1 Washington
placed VERB ROOT 1 place
Huawei PROPN dobj 1 Huawei
on ADP prep 1
a DET det 5
blacklist~ NOUN pobj 3
. PUNCT punct 1
"""
BLAME = """
Clinton PROPN nsubj 1 Clinton
placed VERB ROOT 1 place
the DET det 3
blame NOUN dobj 1
on ADP prep 1
Trump~ PROPN pobj 4 Trump
. PUNCT punct 1
"""


def test_a_blacklist_sanctions_whom_it_is_put_on_and_the_blame_accuses():
    assert _relations(BLACKLIST, ((0, 1, "GPE"), (2, 3, "ORG"))) == [
        ("SANCTION", None, "United States", "Huawei", "reported")]
    assert _relations(BLAME, ((0, 1, "PERSON"), (5, 6, "PERSON"))) == [
        ("ACCUSE", None, "Clinton", "Trump", "reported")]


# "Russia said the U.S. is conducting a campaign of slander against Russia."
SLANDER = """
Russia PROPN nsubj 1 Russia
said VERB ROOT 1 say
the DET det 3
U.S. PROPN nsubj 5 U.S.
is AUX aux 5 be
conducting VERB ccomp 1 conduct
a DET det 7
campaign NOUN dobj 5
of ADP prep 7
slander NOUN pobj 8
against ADP prep 7
Russia~ PROPN pobj 10 Russia
. PUNCT punct 1
"""
_SLANDER_ENTS = ((0, 1, "GPE"), (3, 4, "GPE"), (11, 12, "GPE"))


def test_a_campaign_of_an_event_is_that_event():
    assert _relations(SLANDER, _SLANDER_ENTS) == [("ACCUSE", None, "United States", "Russia", "alleged")]
    bombing = SLANDER.replace("slander NOUN pobj 8", "bombing NOUN pobj 8")
    assert _relations(bombing, _SLANDER_ENTS) == [("ASSAULT", None, "United States", "Russia", "alleged")]


# "Among those who criticized Trump were Lindsey Graham and Jeb Bush."
AMONG = """
Among ADP prep 5
those PRON pobj 0
who PRON nsubj 3
criticized VERB relcl 1 criticize
Trump PROPN dobj 3 Trump
were AUX ROOT 5 be
Lindsey PROPN compound 7 Lindsey
Graham PROPN nsubj 5 Graham
and CCONJ cc 7
Jeb PROPN compound 10 Jeb
Bush~ PROPN conj 7 Bush
. PUNCT punct 5
"""


def test_among_those_who_did_it_were_the_doers():
    assert _relations(AMONG, ((4, 5, "PERSON"), (6, 8, "PERSON"), (9, 11, "PERSON"))) == [
        ("ACCUSE", None, "Lindsey Graham", "Trump", "reported"), ("ACCUSE", None, "Jeb Bush", "Trump", "reported")]


# "Chinese state media warned that Beijing could cut the U.S. off from minerals."
CUT_OFF = """
Chinese ADJ amod 2
state NOUN compound 2
media NOUN nsubj 3 medium
warned VERB ROOT 3 warn
that SCONJ mark 7
Beijing PROPN nsubj 7 Beijing
could AUX aux 7
cut VERB ccomp 3
the DET det 9
U.S. PROPN dobj 7 U.S.
off ADP prt 7
from ADP prep 7
minerals~ NOUN pobj 11 mineral
. PUNCT punct 3
"""


def test_a_harm_warned_of_is_a_threat_and_the_harm_alleged():
    assert _relations(CUT_OFF, ((0, 1, "NORP"), (5, 6, "GPE"), (9, 10, "GPE"))) == [
        ("THREATEN", None, "China", "United States", "reported"),
        ("SANCTION", None, "China", "United States", "alleged")]
    cut_back = CUT_OFF.replace("off ADP prt 7", "back ADP prt 7")  # "could cut the U.S. back": no harm read
    assert _relations(cut_back, ((0, 1, "NORP"), (5, 6, "GPE"), (9, 10, "GPE"))) == []


# "Trump met Kim in Hanoi. The summit failed. The two leaders agreed."
TWO_BACK = """
Trump PROPN nsubj 1 Trump
met VERB ROOT 1 meet
Kim PROPN dobj 1 Kim
in ADP prep 1
Hanoi~ PROPN pobj 3 Hanoi
. PUNCT punct 1
The DET det 7
summit NOUN nsubj 8
failed~ VERB ROOT 8 fail
. PUNCT punct 8
The DET det 12
two NUM nummod 12
leaders NOUN nsubj 13 leader
agreed~ VERB ROOT 13 agree
. PUNCT punct 13
"""


def test_a_plural_party_takes_the_pair_named_two_sentences_before():
    rels = _relations(TWO_BACK, ((0, 1, "PERSON"), (2, 3, "PERSON"), (4, 5, "GPE")))
    assert ("AGREE", None, "Trump", "Kim", "reported") in rels or ("AGREE", None, "Kim", "Trump", "reported") in rels


# "Obama met Netanyahu. The men sparred."
THE_MEN = """
Obama PROPN nsubj 1 Obama
met VERB ROOT 1 meet
Netanyahu~ PROPN dobj 1 Netanyahu
. PUNCT punct 1
The DET det 5
men NOUN nsubj 6 man
sparred~ VERB ROOT 6 spar
. PUNCT punct 6
"""


def test_the_men_of_a_symmetric_cue_are_the_two_named_before():
    ents = ((0, 1, "PERSON"), (2, 3, "PERSON"))
    rels = _relations(THE_MEN, ents)
    assert ("ACCUSE", None, "Obama", "Netanyahu", "reported") in rels
    some_men = THE_MEN.replace("The DET det 5", "Some DET det 5 some")  # "Some men sparred": not those two
    assert [r for r in _relations(some_men, ents) if r[0] == "ACCUSE"] == []
