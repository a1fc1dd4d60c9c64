"""Same quote and same event across documents.

``same_quote``: quotes by the same speaker entity whose content words overlap (trimmed or lightly
paraphrased). ``same_event``: events with the same date value (so the same granularity), in the
same or in different documents, whose sentences overlap and whose actors are shared, or that share
two actors one of whom is a person (Kim Jong-un's train "crossed into Russia" and "Mr. Kim arrived
in Russia" the same day: one happening). Candidates come from blocks (speaker, date) and, inside a
block, an inverted index on words, never all pairs.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from onrecord.ids import doc_of, item_id
from onrecord.link.common import Entities, UnionFind, earliest
from onrecord.link.dedup import Sources
from onrecord.link.records import Link
from onrecord.link.text import content_words, overlap
from onrecord.models import Analysis

log = logging.getLogger(__name__)
BOILERPLATE = re.compile(r"©|\bcopyright\b|all rights reserved", re.IGNORECASE)

QUOTE_OVERLAP = 0.6
QUOTE_MIN_SHARED = 3
EVENT_OVERLAP_WITH_ACTOR = 0.3
EVENT_OVERLAP = 0.6
EVENT_SHARED_ACTORS = 2
MAX_POSTING = 300


@dataclass(frozen=True, slots=True)
class Item:
    """An item to match: its id, words, actor entities and independent source."""

    id: str
    words: frozenset[str]
    actors: frozenset[str]
    source: str
    people: frozenset[str] = frozenset()  # the actors that are persons


def cluster(items: Sequence[Item], accept: Callable[[Item, Item], bool], min_shared: int = 1,
            same_doc: bool = False) -> UnionFind:
    """Union items that share words and pass ``accept`` (of different documents unless ``same_doc``)."""
    uf = UnionFind()
    postings: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        uf.find(item.id)
        shared: dict[int, int] = defaultdict(int)
        for w in item.words:
            for j in postings[w][-MAX_POSTING:]:
                shared[j] += 1
            postings[w].append(i)
        for j, n in shared.items():
            other = items[j]
            if n >= min_shared and (same_doc or doc_of(other.id) != doc_of(item.id)) and accept(item, other):
                uf.union(item.id, other.id)
    return uf


def _quote_match(a: Item, b: Item) -> bool:
    return overlap(set(a.words), set(b.words)) >= QUOTE_OVERLAP


def same_quotes(
    analyses: Sequence[Analysis], entities: Entities, sources: Sources, order: Mapping
) -> list[Link]:
    """One ``same_quote`` link per group of matching quotes from at least two documents."""
    blocks: dict[str, list[Item]] = defaultdict(list)  # speaker entity (or "name:…" without one) → quotes
    names: dict[str, str] = {}
    for a in analyses:
        doc = a.document.id
        for i, q in enumerate(a.quotes):
            speaker_entity = entities.of(doc, q.speaker_key) or (
                "name:" + " ".join(q.speaker_name.lower().split()) if q.speaker_name else None
            )
            if not speaker_entity:
                continue
            names.setdefault(speaker_entity, q.speaker_name or speaker_entity)
            words = frozenset(content_words(q.text))
            blocks[speaker_entity].append(Item(item_id(doc, "q", i), words, frozenset(), sources.of(doc, q.start)))
    links = []
    for speaker_entity, items in blocks.items():
        uf = cluster(items, _quote_match, QUOTE_MIN_SHARED)
        for members in uf.groups(i.id for i in items).values():
            link = _group_link("same_quote", members, items, order, f"quote by {names[speaker_entity]}")
            if link:
                links.append(link)
    return links


def _group_link(kind, members, items, order, what: str) -> Link | None:
    docs = {doc_of(m) for m in members}
    if len(docs) < 2:
        return None
    source = {i.id: i.source for i in items}
    independent = len({source[m] for m in members})
    ordered = tuple(sorted(members, key=lambda m: (order.get(doc_of(m)), m)))
    note = f"{what} in {len(docs)} documents ({independent} independent sources)"
    return Link(kind, ordered, note, earliest(members, order))


def _event_match(a: Item, b: Item) -> bool:
    shared = a.actors & b.actors
    if len(shared) >= EVENT_SHARED_ACTORS and shared & (a.people | b.people):
        return True
    score = overlap(set(a.words), set(b.words))
    if shared:
        return score >= EVENT_OVERLAP_WITH_ACTOR
    return score >= EVENT_OVERLAP


def date_key(value: str | None) -> str | None:
    """The date an event is filed under: its value, a time of day cut to its day; ``None`` for
    values that are not calendar dates (``PRESENT_REF``)."""
    if not value or not value[:1].isdigit():
        return None
    return value[:10] if "T" in value else value


def event_items(analyses: Sequence[Analysis], entities: Entities, sources: Sources) -> dict[str, list[Item]]:
    """Events blocked by date value (see :func:`date_key`)."""
    blocks: dict[str, list[Item]] = defaultdict(list)
    for a in analyses:
        doc = a.document.id
        persons = {x.key for x in a.actors if x.type == "PERSON"}
        for i, e in enumerate(a.events):
            date = date_key(e.date)
            if date is None or BOILERPLATE.search(e.text):
                continue
            actors = frozenset(entities.of_all(doc, e.actors))
            people = frozenset(entities.of_all(doc, (k for k in e.actors if k in persons)))
            words = frozenset(content_words(e.text))
            item = Item(item_id(doc, "e", i), words, actors, sources.of(doc, e.start), people)
            blocks[date].append(item)
    return blocks


def same_events(
    analyses: Sequence[Analysis], entities: Entities, sources: Sources, order: Mapping
) -> tuple[list[tuple[str, list[Item]]], list[Link]]:
    """Groups of matching events (singletons included, for the timeline) and ``same_event`` links."""
    groups: list[tuple[str, list[Item]]] = []
    links: list[Link] = []
    for date, items in event_items(analyses, entities, sources).items():
        by_id = {i.id: i for i in items}
        uf = cluster(items, _event_match, same_doc=True)
        for members in uf.groups(by_id).values():
            groups.append((date, [by_id[m] for m in members]))
            link = _group_link("same_event", members, items, order, f"event on {date}")
            if link:
                links.append(link)
    return groups, links
