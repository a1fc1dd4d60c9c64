"""A description of a person as the source of a figure, when no actor stands for it.

News prose varies its words for the person a paragraph is about: "The GOP front-runner, who has
made many outrageous comments about Latinos, … insists he'll coerce Mexico into paying for a wall
…. (The real estate mogul estimates the price tag at around $8 billion.)". ``previous_subject``
gives the actor such a definite description ("the real estate mogul") stands for when the actor
stage leaves it unresolved: the person the subject of the sentence before names (a name, or a
description the actor stage resolves). A group ("the officials"), a body ("the office"), a
document and anything with a name of its own are not read so.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from onrecord.extract.actors import resolve
from onrecord.extract.actors.roles import is_role_head
from onrecord.extract.claim_sources import Source
from onrecord.models import Actor

# Words for a person that are not a function the actor stage reads as a role.
PERSON_WORDS = {"mogul", "magnate", "tycoon", "billionaire", "millionaire", "businessman", "businesswoman",
                "developer", "entrepreneur", "investor", "star", "celebrity", "host"}


def previous_subject(actors: Sequence[Actor], doc: Doc, source: Source) -> str | None:
    """The person actor the subject of the sentence before names, for a definite singular
    description of a person at ``source``; None otherwise."""
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or len(span) < 2 or span[0].lower_ != "the" or span.root.tag_ != "NN" \
            or any(t.ent_type_ for t in span):
        return None
    if span.root.lower_ not in PERSON_WORDS and not is_role_head(span.root.lower_):
        return None
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
    at = next((n for n, s in enumerate(sents) if s.start <= span.start < s.end), 0)
    if at == 0:
        return None
    prev = sents[at - 1]
    subject = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    key = resolve(actors, doc, subject.left_edge.idx, subject.idx + len(subject))
    kind = {a.key: a.type for a in actors}.get(key or "")
    return key if kind == "PERSON" else None
