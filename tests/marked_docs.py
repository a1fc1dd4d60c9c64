"""Docs with hand-set entities for the actor tests: entities written "[Vladimir Putin|PERSON]"."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from onrecord.extract.actors import resolve
from onrecord.models import Actor

MARK = re.compile(r"\[([^\]|]+)\|([A-Z]+)\]")


def marked_doc(nlp, marked: str) -> Doc:
    """A Doc from text where entities are written "[Vladimir Putin|PERSON]"."""
    text, spans, pos = "", [], 0
    for m in MARK.finditer(marked):
        text += marked[pos : m.start()]
        spans.append((len(text), len(text) + len(m.group(1)), m.group(2)))
        text += m.group(1)
        pos = m.end()
    text += marked[pos:]
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(s, e, label=label) for s, e, label in spans]
    return doc


def named(actors: tuple[Actor, ...], name: str) -> Actor:
    return next(a for a in actors if a.name == name)


def key_at(doc: Doc, actors: tuple[Actor, ...], span: str, nth: int = 0) -> str | None:
    starts = [m.start() for m in re.finditer(rf"\b{re.escape(span)}\b", doc.text)]
    start = starts[nth]
    return resolve(actors, doc, start, start + len(span))


def name_of(actors: tuple[Actor, ...], key: str | None) -> str | None:
    return next((a.name for a in actors if a.key == key), None)
