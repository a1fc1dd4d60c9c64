"""Records the link stage produces: entities, stories, cross-article links and the timeline."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from onrecord.models import EventKind, LinkKind

Member = tuple[str, str]  # (doc_id, actor key): one actor of one document


@dataclass(frozen=True, slots=True)
class EntityRole:
    """A role of an entity (``Putin's spokesman``) as read in one document, at ``start``/``end``."""

    text: str
    doc: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MergedName:
    """A name the link pass merged into an entity that the plain name rules keep apart, and why
    (``"Orthodox Church"`` into the Russian Orthodox Church); a ``split`` correction undoes it."""

    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class Entity:
    """One actor across the corpus: the actors of several documents merged."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[EntityRole, ...]
    refers_to: str | None  # the entity a metonym stands for ("the Kremlin" → Russia's government)
    members: tuple[Member, ...]
    mention_count: int = 0  # mentions of its actors over all documents
    set_aside: str | None = None  # why it is left out of actor lists (a ``keep`` correction undoes it)
    merged: tuple[MergedName, ...] = ()

    @property
    def doc_count(self) -> int:
        return len({doc for doc, _ in self.members})


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """The entities and, for each (doc_id, actor key), the id of its entity."""

    entities: tuple[Entity, ...]
    entity_of: Mapping[Member, str]
    _by_id: dict[str, Entity] = field(default_factory=dict, init=False, repr=False, compare=False)

    def get(self, entity_id: str) -> Entity | None:
        if not self._by_id:
            self._by_id.update({e.id: e for e in self.entities})
        return self._by_id.get(entity_id)

    def of(self, doc_id: str, actor_key: str) -> Entity | None:
        """The entity of an actor of one document (``None`` when ignored or unknown)."""
        eid = self.entity_of.get((doc_id, actor_key))
        return self.get(eid) if eid else None


@dataclass(frozen=True, slots=True)
class Story:
    """Articles covering one event or developing story; ``id`` stays stable across runs."""

    id: str
    title: str
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryLink:
    """Two related stories of one developing arc (:mod:`onrecord.link.arcs`), ``a`` < ``b``;
    ``shared`` are the central entities they share, most central first."""

    a: str
    b: str
    score: float
    shared: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """A relation between items of several articles.

    ``items`` are document ids or passage ids (``duplicate``) or item ids (:mod:`onrecord.ids`);
    ``first`` is the item from the earliest-published document (the first report).
    """

    kind: LinkKind
    items: tuple[str, ...]
    note: str
    first: str


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated event merged across outlets."""

    date: str  # ISO value at its granularity (YYYY, YYYY-MM, YYYY-MM-DD, ...)
    granularity: str
    salience: float
    summary: str  # one sentence taken from the articles
    events: tuple[str, ...]  # event item ids (onrecord.ids)
    sources: tuple[str, ...]  # document ids
    mentions: tuple[str, ...] = ()  # sources that report it in a sentence without a date of its own
    story_id: str | None = None
    kind: EventKind = "happened"  # "expected": reported only before it was due; "background"


@dataclass(frozen=True, slots=True)
class LinkResult:
    """What one link pass finds; ``measures`` maps a claim id to the key of the measure it was
    compared under (claims about one measure share a key; see :mod:`onrecord.link.claims`)."""

    stories: tuple[Story, ...]
    links: tuple[Link, ...]
    timeline: tuple[TimelineEntry, ...]
    measures: Mapping[str, str] = field(default_factory=dict)
    related: tuple[StoryLink, ...] = ()  # related stories, the arcs of developing stories
