"""Relations of one article: frames from the parse, actors resolved, status, claimant and date."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from onrecord.extract.actors import resolve
from onrecord.extract.events import event_date
from onrecord.extract.relations.parse import Frame, frames
from onrecord.extract.relations.status import Reading, read_status
from onrecord.models import Actor, Quote, Relation, TimeExpr
from onrecord.names import norm, state_of

_PARTY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def extract_relations(doc: Doc, actors: Sequence[Actor], times: Sequence[TimeExpr] = (),
                      quotes: Sequence[Quote] = (), published: str | None = None) -> tuple[Relation, ...]:
    """Every relation between two actors (or an actor and an unresolved party) of the article, in
    text order. A frame whose source and target resolve to no actor is dropped."""
    if not doc.has_annotation("DEP") or not actors:
        return ()
    by_key = {a.key: a for a in actors}
    found: list[Relation] = []
    seen: set[tuple[int, str, str | None, str | None]] = set()
    for sent in doc.sents:
        for frame in frames(sent):
            rel = _relation(doc, frame, actors, by_key, times, quotes, published)
            if rel is None:
                continue
            key = (rel.cue_start, rel.type, rel.source_key, rel.target_key)
            if key not in seen:
                seen.add(key)
                found.append(rel)
    return tuple(found)


def _party(doc: Doc, tok: Token | None, actors: Sequence[Actor], by_key: dict[str, Actor]
           ) -> tuple[str | None, str | None]:
    """(actor key, mention text) of the party a token heads; a metonym gives its state's key."""
    if tok is None:
        return None, None
    left = min((t.i for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "amod", "det", "poss",
                                                                         "nmod") or t.i == tok.i), default=tok.i)
    span = doc[left : tok.i + 1]
    key = resolve(actors, doc, tok.idx, tok.idx + len(tok.text)) or resolve(
        actors, doc, span.start_char, span.end_char) or _modifier_state(doc, span, actors)
    if key is None:
        return None, span.text
    actor = by_key.get(key)
    if actor is not None and actor.refers_to and actor.refers_to in by_key:
        key = actor.refers_to
    if by_key.get(key) is not None and by_key[key].type not in _PARTY_TYPES:
        return None, span.text
    return key, span.text


def _modifier_state(doc: Doc, span, actors: Sequence[Actor]) -> str | None:
    """A group named by its state ("US intelligence", "Russian forces", "North Korean soldiers"): the
    state actor of the article its compound or demonym stands for."""
    modifiers = [t for t in span[:-1] if t.dep_ in ("compound", "amod", "poss")]
    if not modifiers:
        return None
    first, last = modifiers[0], modifiers[-1]
    words = doc[first.i : last.i + 1]
    for part in [words] + [doc[t.i : t.i + 1] for t in modifiers]:
        key = resolve(actors, doc, part.start_char, part.end_char)
        state = None if key else state_of(part.text)
        if state is not None:
            key = next((a.key for a in actors if a.type == "GPE" and norm(a.name) == norm(state)), None)
        if key is not None:
            return key
    return None


def _relation(doc: Doc, frame: Frame, actors: Sequence[Actor], by_key: dict[str, Actor],
              times: Sequence[TimeExpr], quotes: Sequence[Quote], published: str | None) -> Relation | None:
    source_key, source_text = _party(doc, frame.source, actors, by_key)
    target_key, target_text = _party(doc, frame.target, actors, by_key)
    if source_key is None and target_key is None:
        return None
    if source_key is not None and source_key == target_key:
        return None
    reading = read_status(frame.verb, quotes)
    claimant_key, claimant_name = _claimant(doc, reading, actors, by_key)
    sent = frame.cue.sent
    date, date_source = _date(frame, sent, times, published)
    cue = frame.cue
    return Relation(sent.start_char, sent.end_char, sent.text, cue.text, cue.idx, cue.idx + len(cue.text),
                    frame.kind.type, frame.mode, source_key, source_text, target_key, target_text, date,
                    date_source, reading.status, claimant_key, claimant_name)


def _claimant(doc: Doc, reading: Reading, actors: Sequence[Actor], by_key: dict[str, Actor]
              ) -> tuple[str | None, str | None]:
    if reading.quote is not None:
        return reading.quote.speaker_key, reading.quote.speaker_name
    if reading.claimant is None:
        return None, None
    key, text = _party(doc, reading.claimant, actors, by_key)
    return key, (by_key[key].name if key in by_key else text)


def _date(frame: Frame, sent, times: Sequence[TimeExpr], published: str | None) -> tuple[str | None, str | None]:
    """The calendar value of a time expression in the cue's clause, else of the sentence, else the
    publication date."""
    inside = [t for t in times if sent.start_char <= t.start and t.end <= sent.end_char and event_date(t.value)]
    if inside:
        clause = {t.idx for t in frame.verb.subtree}
        own = [t for t in inside if any(t.start <= i < t.end for i in clause)]
        return event_date((own or inside)[0].value), "sentence"
    if published:
        return published, "published"
    return None, None
