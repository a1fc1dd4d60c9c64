"""The link stage's entry point: duplicates, stories, same quote/event, claims, timeline."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from onrecord.link.claims import compare_claims
from onrecord.link.common import Entities, EntityMap, published_order
from onrecord.link.dedup import find_duplicates
from onrecord.link.records import LinkResult, Story
from onrecord.link.same import same_events, same_quotes
from onrecord.link.stories import DEFAULT_PARAMS, StoryParams, group_stories
from onrecord.link.timeline import build_timeline
from onrecord.models import Analysis

log = logging.getLogger(__name__)


def link(
    analyses: Sequence[Analysis],
    entity_of: EntityMap | None = None,
    previous: Sequence[Story] = (),
    params: StoryParams = DEFAULT_PARAMS,
) -> LinkResult:
    """Link articles across outlets.

    ``entity_of`` maps ``(doc_id, actor_key)`` to a global entity id (from ``link.entities``);
    without it actors are matched by normalised name. ``previous`` are the stories already in the
    ledger: their documents stay in them and their ids are kept.
    """
    order = published_order(analyses)
    entities = Entities(analyses, entity_of)
    duplicates, sources = find_duplicates(analyses, order)
    stories = group_stories(analyses, entities, previous, params)
    story_of = {doc: s.id for s in stories for doc in s.docs}
    event_groups, event_links = same_events(analyses, entities, sources, order)
    links = (
        duplicates
        + same_quotes(analyses, entities, sources, order)
        + event_links
        + compare_claims(analyses, entities, sources, order, story_of)
    )
    timeline = build_timeline(analyses, entities, sources, event_groups)
    return LinkResult(tuple(stories), tuple(links), tuple(timeline))
