"""The link stage's entry point: duplicates, stories, same quote/event, claims, timeline, arcs."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from onrecord.link.arcs import related_stories
from onrecord.link.claims import group_links, measure_groups, measure_keys
from onrecord.link.common import Entities, EntityMap, published_order
from onrecord.link.dedup import DuplicatePairs, Presigned, find_duplicates
from onrecord.link.records import LinkResult, Story
from onrecord.link.same import same_events, same_quotes
from onrecord.link.stories import (
    DEFAULT_PARAMS,
    CandidateFinder,
    StoryParams,
    candidates,
    group_stories,
)
from onrecord.link.timeline import build_timeline
from onrecord.models import Analysis

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class LinkJobs:
    """Where the link's candidate pairs are found: locally by default, or by an engine's jobs
    (``SparkEngine.link_jobs``) that give the same pairs."""

    duplicate_pairs: DuplicatePairs | None = None
    story_pairs: CandidateFinder = candidates


def link(
    analyses: Sequence[Analysis],
    entity_of: EntityMap | None = None,
    previous: Sequence[Story] = (),
    params: StoryParams = DEFAULT_PARAMS,
    jobs: LinkJobs | None = None,
    presigned: Presigned | None = None,
) -> LinkResult:
    """Link articles across outlets.

    ``entity_of`` maps ``(doc_id, actor_key)`` to a global entity id (from ``link.entities``);
    without it actors are matched by normalised name. ``previous`` are the stories already in the
    ledger: their documents stay in them and their ids are kept. ``jobs`` find the duplicates' and
    the stories' candidate pairs elsewhere (``onrecord.spark.link``); the decisions stay the local ones.
    ``presigned``: documents the duplicates' MinHash signed already (the build signs them as it stores).
    """
    clock = _Clock()
    order = published_order(analyses)
    entities = Entities(analyses, entity_of)
    jobs = jobs or LinkJobs()
    duplicates, sources = clock("duplicates", find_duplicates, analyses, order, jobs.duplicate_pairs,
                                 presigned)
    stories = clock("stories", group_stories, analyses, entities, previous, params, jobs.story_pairs)
    story_of = {doc: s.id for s in stories for doc in s.docs}
    event_groups, event_links = clock("same_event", same_events, analyses, entities, sources, order)
    quote_links = clock("same_quote", same_quotes, analyses, entities, sources, order)
    measures = clock("measures", measure_groups, analyses, entities, sources, story_of)
    claim_links = clock("claims", group_links, measures, order)
    timeline = clock("timeline", build_timeline, analyses, entities, sources, event_groups, story_of)
    related = clock("arcs", related_stories, stories, analyses, entities)
    links = duplicates + quote_links + event_links + claim_links
    log.info("link: %d documents in %s", len(analyses), clock)
    return LinkResult(tuple(stories), tuple(links), tuple(timeline), measure_keys(measures), related)


class _Clock:
    """Runs stages and keeps their wall times (logged at the end)."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}

    def __call__(self, name: str, fn: Callable[..., T], *args: object) -> T:
        t0 = time.perf_counter()
        out = fn(*args)
        self.times[name] = time.perf_counter() - t0
        return out

    def __str__(self) -> str:
        return ", ".join(f"{k} {v:.2f} s" for k, v in self.times.items())
