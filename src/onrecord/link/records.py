"""Records the link stage produces: stories, cross-article links and the timeline."""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.models import LinkKind


@dataclass(frozen=True, slots=True)
class Story:
    """Articles covering one event or developing story; ``id`` stays stable across runs."""

    id: str
    title: str
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """A relation between items of several articles.

    ``items`` are document ids (``duplicate``) or item ids ``"{doc_id}/q3"``, ``/c``, ``/e``;
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
    events: tuple[str, ...]  # event ids "{doc_id}/e{i}"
    sources: tuple[str, ...]  # document ids
    mentions: tuple[str, ...] = ()  # sources that report it in a sentence without a date of its own
    story_id: str | None = None


@dataclass(frozen=True, slots=True)
class LinkResult:
    stories: tuple[Story, ...]
    links: tuple[Link, ...]
    timeline: tuple[TimelineEntry, ...]
