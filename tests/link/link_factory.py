"""Hand-built Analyses for the link tests: short texts written for the tests, records by hand."""

from __future__ import annotations

from onrecord.models import Actor, Analysis, Claim, Document, Event, Mention, Quote


def document(doc_id: str, body: str, published: str | None = "2023-09-12", title: str | None = None,
             outlet: str | None = None) -> Document:
    return Document(id=doc_id, source=f"test:{doc_id}", input_id=doc_id, title=title,
                    standfirst=None, outlet=outlet or doc_id, authors=(), published=published,
                    language="en", body=body, source_text=body)


def actor(body: str, name: str, key: str | None = None, type_: str = "PERSON") -> Actor:
    """An actor with one mention per occurrence of ``name`` in ``body``."""
    mentions, pos = [], body.find(name)
    while pos >= 0:
        mentions.append(Mention(pos, pos + len(name), name, key or name))
        pos = body.find(name, pos + 1)
    return Actor(key or name, name, type_, (name,), tuple(mentions))


def quote(body: str, text: str, speaker: str) -> Quote:
    start = body.index(text)
    return Quote(start, start + len(text), text, "direct", "said", None, speaker, speaker)


def claim(body: str, text: str, value: float, counted: str, claimant: str | None,
          change: str = "=", low: float | None = None, high: float | None = None) -> Claim:
    start = body.index(text)
    return Claim(start, start + len(text), text, 0, len(body), value, low, high, change, None,
                 counted, claimant, claimant, "attributed" if claimant else "asserted")


def event(body: str, sentence: str, date: str, actors: tuple[str, ...]) -> Event:
    start = body.index(sentence)
    return Event(start, start + len(sentence), sentence, date, actors)


def analysis(doc_id: str, body: str, published: str = "2023-09-12", names: tuple[str, ...] = (),
             title: str | None = None, **records) -> Analysis:
    """An Analysis whose actors are ``names`` (keys = names) plus the given records."""
    actors = tuple(actor(body, n) for n in names)
    return Analysis(document(doc_id, body, published, title), actors=actors, **records)


def compare_in_story(*analyses: Analysis, story: str = "story-1"):
    """The claims links of ``analyses`` compared as the link pass does, every article in ``story``."""
    from onrecord.link.claims import compare_claims
    from onrecord.link.common import Entities, published_order
    from onrecord.link.dedup import find_duplicates

    order = published_order(analyses)
    _, sources = find_duplicates(analyses, order)
    story_of = {a.document.id: story for a in analyses}
    return compare_claims(analyses, Entities(analyses, None), sources, order, story_of)
