"""Calendar spans of date values, and what a dated sentence reports relative to its publication.

Shared by the event extractor (``extract/events.py``) and the timeline (``link/timeline.py``);
plain ``datetime``, no spaCy.
"""

from __future__ import annotations

import datetime as dt

from onrecord.models import EventKind

BACKGROUND_DAYS = 365  # a period that ended longer before publication is background


def period(date: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of a calendar value (YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD[Thh:mm]);
    None for other values (decades, seasons, ``PRESENT_REF``)."""
    if not date or not date[:4].isdigit():
        return None
    try:
        year = int(date[:4])
        if len(date) == 4:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if date[4:6] == "-W":
            monday = dt.date.fromisocalendar(year, int(date[6:8]), 1)
            return monday, monday + dt.timedelta(days=6)
        if len(date) == 7:
            first = dt.date(year, int(date[5:7]), 1)
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(date[:10])
        return day, day
    except ValueError:
        return None


def published_day(published: str | None) -> dt.date | None:
    span = period((published or "")[:10])
    return span[0] if span else None


def event_kind(date: str, published: dt.date | None, future: bool = False) -> EventKind:
    """``background`` (its period ended over :data:`BACKGROUND_DAYS` before ``published``),
    ``expected`` (it starts after ``published``, or its verb is in the future), else ``happened``."""
    span = period(date)
    if span is not None and published is not None:
        if (published - span[1]).days > BACKGROUND_DAYS:
            return "background"
        if span[0] > published:
            return "expected"
    return "expected" if future else "happened"
