"""Pronouns resolved on hand-built parses (no model): the subject before them, or nobody when
that subject is a person the text leaves unnamed."""

from __future__ import annotations

from marked_docs import EXPERT_THEN_SHE, NAMED_THEN_SHE, parsed_doc
from onrecord.extract.actors import extract_actors, is_unnamed, resolve
from onrecord.extract.actors.context import context_for, sentence_of
from onrecord.extract.actors.pronouns import UNKNOWN, pronoun_actor


def test_she_is_the_subject_of_the_sentence_before(blank_nlp) -> None:
    doc = parsed_doc(blank_nlp.vocab, NAMED_THEN_SHE, ((0, 2, "PERSON"),))
    actors = extract_actors(doc)
    she = doc.text.index("She")
    assert resolve(actors, doc, she, she + 3) == "person:ana-ruiz"
    assert not is_unnamed(actors, doc, she, she + 3)
    ctx = context_for(actors, doc)
    assert sentence_of(ctx, she) == 1 and [m.subject for m in ctx.mentions] == [True]


def test_she_after_an_unnamed_expert_is_unknown_not_the_person_named_before(blank_nlp) -> None:
    doc = parsed_doc(blank_nlp.vocab, EXPERT_THEN_SHE, ((0, 2, "PERSON"),))
    actors = extract_actors(doc)
    she = doc.text.index("She")
    assert resolve(actors, doc, she, she + 3) is None
    assert is_unnamed(actors, doc, she, she + 3)
    assert pronoun_actor(context_for(actors, doc), she, "f", depth=0) == UNKNOWN
