"""Words about an actor that are not actors, on hand-parsed Docs (no model)."""

from __future__ import annotations

import pytest

from marked_docs import marked_doc, parsed_doc
from onrecord.extract.actors import extract_actors
from onrecord.extract.actors.attributes import misspelt_date_word, not_an_actor
from onrecord.names import ATTRIBUTE_TYPE
from onrecord.nlp.pipeline import blank


@pytest.fixture(scope="module")
def nlp():
    return blank()


# "North Korean soldiers fought."
ADJECTIVE = """
North PROPN compound 1
Korean ADJ amod 2
soldiers NOUN nsubj 3
fought VERB ROOT 3
"""

# "The Russians said no."
GROUP = """
The DET det 1
Russians PROPN nsubj 2
said VERB ROOT 2
no INTJ dobj 2
"""

# "The Russian and Ukrainian leaders met."
CONJUNCT = """
The DET det 4
Russian ADJ amod 4
and CCONJ cc 1
Ukrainian ADJ conj 1
leaders NOUN nsubj 5
met VERB ROOT 5
"""

# "Soviet-led forces invaded."
HYPHEN = """
Soviet~ PROPN npadvmod 2
-~ PUNCT punct 2
led VERB amod 3
forces NOUN nsubj 4
invaded VERB ROOT 4
"""

# "Parliament passed a “military assistance” Bill."
COMMON_NOUN = """
Parliament PROPN nsubj 1
passed VERB ROOT 1
a DET det 6
“~ PUNCT punct 5
military ADJ amod 5
assistance~ NOUN nmod 7
” PUNCT punct 7
Bill PROPN dobj 1
"""

# "Russian Defense Minister Sergei Shoigu came."
TITLE = """
Russian ADJ amod 2
Defense PROPN compound 2
Minister PROPN compound 4
Sergei PROPN compound 4
Shoigu PROPN nsubj 5
came VERB ROOT 5
"""

# "A spokesman, Peskov, said so."
APPOSITION = """
A DET det 1
spokesman~ NOUN nsubj 5
, PUNCT punct 1
Peskov~ PROPN appos 1
, PUNCT punct 1
said VERB ROOT 5
so ADV advmod 5
"""


def test_a_nationality_adjective_is_an_attribute_and_a_group_an_actor(nlp) -> None:
    doc = parsed_doc(nlp.vocab, ADJECTIVE, ((0, 2, "NORP"),))
    assert not_an_actor(doc.ents[0]) == "a nationality adjective"
    (actor,) = extract_actors(doc)
    assert (actor.name, actor.type) == ("North Korean", ATTRIBUTE_TYPE)
    doc = parsed_doc(nlp.vocab, GROUP, ((1, 2, "NORP"),))
    assert not_an_actor(doc.ents[0]) is None
    assert [(a.name, a.type) for a in extract_actors(doc)] == [("Russians", "NORP")]


def test_conjoined_and_hyphenated_nationalities_are_adjectives(nlp) -> None:
    doc = parsed_doc(nlp.vocab, CONJUNCT, ((1, 2, "NORP"), (3, 4, "NORP")))
    assert [not_an_actor(e) for e in doc.ents] == ["a nationality adjective"] * 2
    doc = parsed_doc(nlp.vocab, HYPHEN, ((0, 1, "NORP"),))
    assert not_an_actor(doc.ents[0]) == "a nationality adjective"


def test_a_capitalised_common_noun_and_a_title_word_are_dropped(nlp) -> None:
    doc = parsed_doc(nlp.vocab, COMMON_NOUN, ((7, 8, "PERSON"),))
    assert not_an_actor(doc.ents[0]) == "a capitalised common noun"
    assert [a.name for a in extract_actors(doc)] == []
    doc = parsed_doc(nlp.vocab, TITLE, ((0, 1, "NORP"), (1, 2, "ORG"), (3, 5, "PERSON")))
    assert [not_an_actor(e) for e in doc.ents] == ["a nationality adjective", "a word of a person's title", None]


# "On Wednedsay he said no."
MISSPELT_DAY = """
On ADP prep 3
Wednedsay PROPN pobj 0
he PRON nsubj 3
said VERB ROOT 3
no INTJ dobj 3
"""


def test_a_misspelt_weekday_read_as_a_name_is_dropped(nlp) -> None:
    doc = parsed_doc(nlp.vocab, MISSPELT_DAY, ((1, 2, "PERSON"),))
    assert not_an_actor(doc.ents[0]) == "a misspelt weekday or month"
    assert [a.name for a in extract_actors(doc)] == []
    assert misspelt_date_word("Thrusday") and misspelt_date_word("Febuary")
    assert not any(misspelt_date_word(w) for w in ("Wednesday", "Monica", "Augusta", "Fridman", "Juno"))


def test_a_person_in_apposition_and_an_unparsed_doc_stay_actors(nlp) -> None:
    doc = parsed_doc(nlp.vocab, APPOSITION, ((3, 4, "PERSON"),))
    assert not_an_actor(doc.ents[0]) is None
    doc = marked_doc(nlp, "[Russian|NORP] troops came.")
    assert not_an_actor(doc.ents[0]) is None


def test_a_lone_kim_goes_to_the_kim_named_just_before_else_the_main_one(nlp) -> None:
    text = ("[Kim Jong-un|PERSON] arrived. [Kim Jong-un|PERSON] met Putin. [Kim Jong-un|PERSON] smiled. "
            "His father, [Kim Jong-il|PERSON], "
            "hated planes. " + "He took trains for many years and the trips were long and slow. " * 4
            + "Today [Kim|PERSON] chose the train. The trip of his father [Kim Jong-il|PERSON] ended in 2011; "
            "[Kim|PERSON] died then.")
    actors = extract_actors(marked_doc(nlp, text))
    by_name = {a.name: len(a.mentions) for a in actors}
    assert by_name == {"Kim Jong-un": 4, "Kim Jong-il": 3}
