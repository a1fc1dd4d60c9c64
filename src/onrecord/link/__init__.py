"""link stage: cross-article duplicates, stories, same quote/event, claim agreement, timeline."""

from onrecord.link.core import link
from onrecord.link.records import (
    Entity,
    EntityIndex,
    EntityRole,
    Link,
    LinkResult,
    Story,
    TimelineEntry,
)

__all__ = ["Entity", "EntityIndex", "EntityRole", "Link", "LinkResult", "Story", "TimelineEntry", "link"]
