"""One article analysed window by window, the windows' analyses merged into one.

A long body is cut into windows of whole paragraphs (:func:`onrecord.nlp.windows.windows`); each
window is analysed as an article of its own (a ``Document`` whose body is the window, with the
live-blog entries that fall inside it) and every offset of its records is shifted back into the
whole body. Actors with the same key in several windows are one actor: their mentions, aliases and
roles are joined. What crosses a window boundary is not seen: a pronoun at the top of a window
does not resolve to a name in the previous one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import TypeVar

from spacy.tokens import Doc

from onrecord.extract.analyze import analyze, with_source
from onrecord.models import (
    Actor,
    Analysis,
    Claim,
    Document,
    Event,
    Mention,
    Quote,
    Role,
    Span,
    TimeExpr,
)
from onrecord.settings import DEFAULT, Settings

_T = TypeVar("_T", Mention, Role, Span, TimeExpr, Event)


def window_document(document: Document, start: int, end: int) -> Document:
    """The article as the window ``[start, end)`` of its body: the headline only in the first."""
    entries = tuple(dataclasses.replace(e, start=e.start - start, end=min(e.end, end) - start)
                    for e in document.entries if start <= e.start < end)
    heading = {} if start == 0 else {"title": None, "standfirst": None}
    return dataclasses.replace(document, body=document.body[start:end], entries=entries, **heading)


def analyze_windows(document: Document, spans: Iterable[tuple[int, int]], docs: Iterable[Doc],
                    settings: Settings = DEFAULT) -> Analysis:
    """Analyse each window's Doc (``docs`` in the order of ``spans``) and merge the results."""
    parts = []
    for (start, end), doc in zip(spans, docs, strict=True):
        part = analyze(window_document(document, start, end), doc, settings)
        parts.append(shift(part, start))
    return merge(document, parts)


def merge(document: Document, parts: Iterable[Analysis]) -> Analysis:
    """One analysis of ``document`` from the analyses of its windows (offsets already in the body)."""
    actors: dict[str, Actor] = {}
    quotes: list[Quote] = []
    claims: list[Claim] = []
    times: list[TimeExpr] = []
    events: list[Event] = []
    relations: list = []
    for part in parts:
        for actor in part.actors:
            actors[actor.key] = join_actors(actors[actor.key], actor) if actor.key in actors else actor
        quotes += part.quotes
        claims += part.claims
        times += part.times
        events += part.events
        relations += part.relations
    return Analysis(document, tuple(actors.values()), tuple(quotes), tuple(claims), tuple(times), tuple(events),
                    with_source(document, tuple(relations)))


def join_actors(first: Actor, other: Actor) -> Actor:
    """One actor from two with the same key: the first's name and type, both's mentions and roles."""
    return dataclasses.replace(
        first,
        aliases=tuple(dict.fromkeys(first.aliases + other.aliases)),
        mentions=first.mentions + other.mentions,
        roles=first.roles + other.roles,
        refers_to=first.refers_to or other.refers_to,
    )


def shift(analysis: Analysis, by: int) -> Analysis:
    """``analysis`` with every offset moved ``by`` characters (a window's offsets into the body)."""
    if by == 0:
        return analysis
    return dataclasses.replace(
        analysis,
        actors=tuple(_shift_actor(a, by) for a in analysis.actors),
        quotes=tuple(_shift_quote(q, by) for q in analysis.quotes),
        claims=tuple(dataclasses.replace(c, start=c.start + by, end=c.end + by, sentence_start=c.sentence_start + by,
                                         sentence_end=c.sentence_end + by) for c in analysis.claims),
        times=tuple(_moved(t, by) for t in analysis.times),
        events=tuple(_moved(e, by) for e in analysis.events),
        relations=tuple(dataclasses.replace(r, start=r.start + by, end=r.end + by, cue_start=r.cue_start + by,
                                            cue_end=r.cue_end + by) for r in analysis.relations),
    )


def _moved(item: _T, by: int) -> _T:
    return dataclasses.replace(item, start=item.start + by, end=item.end + by)


def _shift_actor(actor: Actor, by: int) -> Actor:
    return dataclasses.replace(actor, mentions=tuple(_moved(m, by) for m in actor.mentions),
                               roles=tuple(_moved(r, by) for r in actor.roles))


def _shift_quote(quote: Quote, by: int) -> Quote:
    mention = _moved(quote.speaker_mention, by) if quote.speaker_mention is not None else None
    via = _moved(quote.via, by) if quote.via is not None else None
    return dataclasses.replace(quote, start=quote.start + by, end=quote.end + by, speaker_mention=mention,
                               fragments=tuple(_moved(f, by) for f in quote.fragments), via=via)
