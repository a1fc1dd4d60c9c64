"""link stage: cross-article duplicates, stories, same quote/event, claim agreement, timeline."""

from onrecord.link.core import link
from onrecord.link.records import Link, LinkResult, Story, TimelineEntry

__all__ = ["Link", "LinkResult", "Story", "TimelineEntry", "link"]
