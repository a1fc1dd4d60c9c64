"""Relation frames on hand-parsed Docs: host, call three ways, control, conjoined parties, habit,
"without", threats aimed through an infinitive, first person in a quote, owners of objects."""

from __future__ import annotations

import spacy

from marked_docs import parsed_doc
from onrecord.extract.actors import extract_actors
from onrecord.extract.relations import extract_relations
from onrecord.models import Quote

NLP = spacy.blank("en")

# "Putin hosted Kim ."
HOSTED = """
Putin PROPN nsubj 1
hosted VERB ROOT 1 host
Kim~ PROPN dobj 1
. PUNCT punct 1
"""

# "Fox called on Trump to apologize ."
CALLED_ON = """
Fox PROPN nsubj 1
called VERB ROOT 1 call
on ADP prep 1
Trump PROPN pobj 2
to PART aux 5
apologize~ VERB xcomp 1
. PUNCT punct 1
"""

# "Fox called Trump a liar ."
CALLED_NAMES = """
Fox PROPN nsubj 1
called VERB ROOT 1 call
Trump PROPN dobj 1
a DET det 4
liar~ NOUN oprd 1
. PUNCT punct 1
"""

# "Obama called Putin on Tuesday ."
CALLED_PHONE = """
Obama PROPN nsubj 1
called VERB ROOT 1 call
Putin PROPN dobj 1
on ADP prep 1
Tuesday~ PROPN pobj 3
. PUNCT punct 1
"""

# "Moon urged Kim to visit Seoul ."
URGED = """
Moon PROPN nsubj 1
urged VERB ROOT 1 urge
Kim PROPN dobj 1
to PART aux 4
visit VERB xcomp 1
Seoul~ PROPN dobj 4
. PUNCT punct 1
"""

# "Trump urged Poland , France and Germany ."
CONJOINED = """
Trump PROPN nsubj 1
urged VERB ROOT 1 urge
Poland~ PROPN dobj 1
, PUNCT punct 2
France PROPN conj 2
and CCONJ cc 4
Germany~ PROPN conj 4
. PUNCT punct 1
"""

# "Kim does not travel abroad frequently ." (habit, not a denied visit)
HABIT = """
Kim PROPN nsubj 3
does AUX aux 3 do
not PART neg 3
travel VERB ROOT 3
to ADP prep 3
Russia PROPN pobj 4
frequently~ ADV advmod 3
. PUNCT punct 3
"""

# "Boehner invited Netanyahu without meeting Obama ."
WITHOUT = """
Boehner PROPN nsubj 1
invited VERB ROOT 1 invite
Netanyahu PROPN dobj 1
without ADP prep 1
meeting VERB pcomp 3 meet
Obama~ PROPN dobj 4
. PUNCT punct 1
"""

# "Biden threatened to impose sanctions on Iran ."
THREAT = """
Biden PROPN nsubj 1
threatened VERB ROOT 1 threaten
to PART aux 3
impose VERB xcomp 1
sanctions NOUN dobj 3 sanction
on ADP prep 4
Iran~ PROPN pobj 5
. PUNCT punct 1
"""

# "Calderon dismissed Trump 's idea ."
OWNER = """
Calderon PROPN nsubj 1
dismissed VERB ROOT 1 dismiss
Trump~ PROPN poss 4
's PART case 2
idea~ NOUN dobj 1
. PUNCT punct 1
"""

# "“ I met Pickering , ” Choe said ."
FIRST_PERSON = """
“~ PUNCT punct 7
I PRON nsubj 2
met VERB ccomp 7 meet
Pickering~ PROPN dobj 2
,~ PUNCT punct 7
” PUNCT punct 7
Choe PROPN nsubj 7
said~ VERB ROOT 7 say
. PUNCT punct 7
"""

# "Russia and China condemned Iran ."
TWO_SOURCES = """
Russia PROPN nsubj 3
and CCONJ cc 0
China PROPN conj 0
condemned VERB ROOT 3 condemn
Iran~ PROPN dobj 3
. PUNCT punct 3
"""


def _relations(rows, ents, quotes=()):
    doc = parsed_doc(NLP.vocab, rows, ents)
    actors = extract_actors(doc)
    names = {a.key: a.name for a in actors}
    rels = extract_relations(doc, actors, (), quotes, "2024-10-01")
    return [(r.type, names.get(r.source_key), names.get(r.target_key), r.status, r) for r in rels], actors


def _people(*spans):
    return tuple((i, i + 1, label) for i, label in spans)


def test_host_makes_the_object_the_visitor():
    [(type_, source, target, _, rel)], _ = _relations(HOSTED, _people((0, "PERSON"), (2, "PERSON")))
    assert (type_, rel.mode, source, target) == ("CONSULT", "visit", "Kim", "Putin")


def test_call_on_is_a_request_call_names_accuses_call_alone_is_a_call():
    [(type_, source, target, _, _)], _ = _relations(CALLED_ON, _people((0, "PERSON"), (3, "PERSON")))
    assert (type_, source, target) == ("REQUEST", "Fox", "Trump")
    [(type_, source, target, _, _)], _ = _relations(CALLED_NAMES, _people((0, "PERSON"), (2, "PERSON")))
    assert (type_, source, target) == ("ACCUSE", "Fox", "Trump")
    [(type_, source, target, _, rel)], _ = _relations(CALLED_PHONE, _people((0, "PERSON"), (2, "PERSON"),
                                                                        (4, "DATE")))
    assert (type_, rel.mode, source, target) == ("CONSULT", "call", "Obama", "Putin")


def test_the_object_of_a_control_verb_does_the_infinitive():
    rels, _ = _relations(URGED, _people((0, "PERSON"), (2, "PERSON"), (5, "GPE")))
    got = {(t, s, g, st) for t, s, g, st, _ in rels}
    assert ("REQUEST", "Moon", "Kim", "reported") in got
    assert ("CONSULT", "Kim", "South Korea", "planned") in got  # a capital stands for its state


def test_one_relation_per_conjoined_party():
    rels, _ = _relations(CONJOINED, _people((0, "PERSON"), (2, "GPE"), (4, "GPE"), (6, "GPE")))
    assert {(s, g) for _, s, g, _, _ in rels} == {("Trump", "Poland"), ("Trump", "France"), ("Trump", "Germany")}
    rels, _ = _relations(TWO_SOURCES, _people((0, "GPE"), (2, "GPE"), (4, "GPE")))
    assert {(t, s, g) for t, s, g, _, _ in rels} == {("ACCUSE", "Russia", "Iran"), ("ACCUSE", "China", "Iran")}


def test_a_habit_is_no_denied_visit():
    rels, _ = _relations(HABIT, _people((0, "PERSON"), (5, "GPE")))
    assert rels == []


def test_without_denies_the_gerund():
    rels, _ = _relations(WITHOUT, _people((0, "PERSON"), (2, "PERSON"), (5, "PERSON")))
    got = {(t, s, g, st) for t, s, g, st, _ in rels}
    assert ("CONSULT", "Boehner", "Netanyahu", "reported") in got
    assert any(t == "CONSULT" and g == "Obama" and st == "denied" for t, _, g, st in got)


def test_a_threat_aims_at_the_target_of_its_infinitive():
    rels, _ = _relations(THREAT, _people((0, "PERSON"), (6, "GPE")))
    got = {(t, s, g, st) for t, s, g, st, _ in rels}
    assert ("THREATEN", "Biden", "Iran", "reported") in got
    assert ("SANCTION", "Biden", "Iran", "planned") in got


def test_an_object_that_names_no_one_gives_its_owner():
    [(type_, source, target, status, _)], _ = _relations(OWNER, _people((0, "PERSON"), (2, "PERSON")))
    assert (type_, source, target, status) == ("REJECT", "Calderon", "Trump", "reported")


def test_first_person_in_a_quote_is_its_speaker():
    doc = parsed_doc(NLP.vocab, FIRST_PERSON, _people((3, "PERSON"), (6, "PERSON")))
    actors = extract_actors(doc)
    choe = next(a for a in actors if a.name == "Choe")
    quote = Quote(0, doc[5].idx + 1, doc.text[: doc[5].idx + 1], "direct", "said", None, choe.key, "Choe")
    [rel] = extract_relations(doc, actors, (), (quote,), "2024-10-01")
    names = {a.key: a.name for a in actors}
    assert (rel.type, names[rel.source_key], names[rel.target_key], rel.status) == (
        "CONSULT", "Choe", "Pickering", "alleged")


# "In 2001 Kim travelled to Moscow to meet Putin ."
PURPOSE = """
In ADP prep 3
2001 NUM pobj 0
Kim PROPN nsubj 3
travelled VERB ROOT 3 travel
to ADP prep 3
Moscow PROPN pobj 4
to PART aux 7
meet VERB advcl 3
Putin~ PROPN dobj 7
. PUNCT punct 3
"""


def test_a_purpose_is_planned_unless_its_sentence_dates_it_before_the_publication_year():
    from onrecord.models import TimeExpr

    doc = parsed_doc(NLP.vocab, PURPOSE, _people((2, "PERSON"), (5, "GPE"), (8, "PERSON")))
    actors = extract_actors(doc)
    names = {a.key: a.name for a in actors}
    year = TimeExpr(3, 7, "2001", "2001", "year", "absolute")

    def meet(times):
        rels = extract_relations(doc, actors, times, (), "2024-10-01")
        return [(names[r.source_key], names[r.target_key], r.date, r.status) for r in rels if r.cue == "meet"]

    assert meet((year,)) == [("Kim", "Putin", "2001", "reported")]
    assert meet(()) == [("Kim", "Putin", "2024-10-01", "planned")]


# "" We asked Trump to reopen , " Pelosi said ."
WE_ASKED = """
" PUNCT punct 9
We PRON nsubj 2 we
asked VERB ccomp 9 ask
Trump PROPN dobj 2 Trump
to PART aux 5
reopen~ VERB xcomp 2
, PUNCT punct 9
" PUNCT punct 9
Pelosi PROPN nsubj 9 Pelosi
said VERB ROOT 9 say
. PUNCT punct 9
"""


def test_we_doing_a_cue_in_a_quote_of_a_person_with_no_body_is_the_speaker():
    doc = parsed_doc(NLP.vocab, WE_ASKED, _people((3, "PERSON"), (8, "PERSON")))
    actors = extract_actors(doc)
    pelosi = next(a for a in actors if a.name == "Pelosi")
    quote = Quote(0, doc[7].idx + 1, doc.text[: doc[7].idx + 1], "direct", "said", None, pelosi.key, "Pelosi")
    names = {a.key: a.name for a in actors}
    got = [(r.type, names[r.source_key], names[r.target_key]) for r in extract_relations(doc, actors, (), (quote,))]
    assert got == [("REQUEST", "Pelosi", "Trump")]
    assert extract_relations(doc, actors, (), ()) == ()  # no quote: "we" is no one
