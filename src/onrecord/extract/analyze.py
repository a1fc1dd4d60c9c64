"""Run every per-article extractor on one cleaned document and its spaCy Doc."""

from __future__ import annotations

import dataclasses
import logging

from spacy.tokens import Doc

from onrecord.extract.actors import extract_actors
from onrecord.extract.claims import extract_claims
from onrecord.extract.events import extract_events
from onrecord.extract.quotes import extract_quotes
from onrecord.extract.relations import extract_relations
from onrecord.extract.times import extract_times, infer_published
from onrecord.models import Analysis, Document, Relation
from onrecord.settings import DEFAULT, Settings

log = logging.getLogger(__name__)


def headline_end(document: Document) -> int:
    """End offset of the headline and standfirst when the body opens with them, else 0."""
    body = document.body
    end = 0
    for part in (document.title, document.standfirst):
        if not part:
            continue
        at = body.find(part, end, end + len(part) + 4)
        if at < 0:
            break
        end = at + len(part)
    return end


def with_published(document: Document) -> Document:
    """Fill a missing publication date from the article's own cues, labelled ``inferred``."""
    if document.published:
        return document
    value, how = infer_published(document.body)
    if not value:
        return document
    log.info("%s: publication date inferred as %s (%s)", document.source, value, how)
    return dataclasses.replace(document, published=value, published_source=f"inferred: {how}")


def analyze(document: Document, doc: Doc, settings: Settings = DEFAULT) -> Analysis:
    """Actors, quotes, claims, times and events of one article (offsets into ``document.body``);
    ``settings`` say how to read the quotes."""
    actors = extract_actors(doc)
    quotes = extract_quotes(doc, actors, headline_end=headline_end(document), entries=document.entries,
                            settings=settings)
    claims = extract_claims(doc, actors, quotes)
    anchor = "inferred" if (document.published_source or "").startswith("inferred") else "published"
    times = extract_times(document.body, document.published, document.entries, doc=doc, published_anchor=anchor)
    events = extract_events(doc, times, actors, document.published, quotes)
    relations = with_source(document, extract_relations(doc, actors, times, quotes, document.published))
    return Analysis(document, tuple(actors), tuple(quotes), tuple(claims), tuple(times), tuple(events),
                    relations)


def with_source(document: Document, relations: tuple[Relation, ...]) -> tuple[Relation, ...]:
    """Relations with their sentence mapped back to the source text."""
    out = []
    for rel in relations:
        start, end = document.to_source(rel.start, rel.end)
        out.append(dataclasses.replace(rel, source_start=start, source_end=end))
    return tuple(out)
